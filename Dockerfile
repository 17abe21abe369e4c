# The timeline API under gunicorn, as a non-root user.
#
#   docker build --network host -t timeline .
#   docker run --network host -e PORT=8000 --read-only --tmpfs /tmp \
#     --cap-drop ALL --security-opt no-new-privileges timeline
#
# Two stages: the builder makes a virtualenv with the wheel and its dependencies;
# the final image only copies that virtualenv, so no pip cache, wheel or build
# tooling (setuptools, sources) reaches the last layer.
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first, in their own layer, so a code change does not re-download them.
# constraints.txt pins them to the versions CI tests and pip-audit checks.
COPY pyproject.toml constraints.txt ./
RUN python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' \
      > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt -c constraints.txt
COPY . .
# A non-editable install: seeds/ and openapi.yaml travel inside the package (api/seeds, api/openapi.yaml).
RUN pip install --no-deps . \
 && pip uninstall -y pip setuptools wheel \
 && timeline --help >/dev/null

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="event-timeline" \
      org.opencontainers.image.description="News articles turned into a timeline of dated events, as a JSON API"
RUN groupadd --system --gid 10001 timeline \
 && useradd --system --uid 10001 --gid timeline --home-dir /data --no-create-home --shell /usr/sbin/nologin timeline \
 && mkdir -p /data \
 && chown timeline:timeline /data
COPY --from=builder /opt/venv /opt/venv
# Flask's instance folder of an installed package is <venv>/var/api-instance; the app
# writes its seed lock (and, without DATABASE_URL, its SQLite file) there, so point it
# at the writable volume.
RUN mkdir -p /opt/venv/var && ln -s /data /opt/venv/var/api-instance
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PORT=8000 \
    DATABASE_URL=sqlite:////data/timeline.db
# The only writable place the app needs: the SQLite database (the root filesystem may be read-only).
VOLUME ["/data"]
WORKDIR /data
USER timeline:timeline
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=2)"]
# exec: gunicorn becomes PID 1 and receives `docker stop`'s SIGTERM for a graceful shutdown.
CMD ["sh", "-c", "exec timeline serve --host 0.0.0.0 --port ${PORT:-8000}"]
