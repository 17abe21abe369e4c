"""openapi.yaml: valid OpenAPI 3.1, in step with the app's routes, and the
responses the app gives validate against it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def app_operations(app) -> set[tuple[str, str]]:
    operations = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        operations |= {(path, method.lower()) for method in rule.methods if method.lower() in HTTP_METHODS}
    return operations


def spec_operations() -> set[tuple[str, str]]:
    return {(path, method) for path, item in SPEC["paths"].items() for method in item if method in HTTP_METHODS}


def test_the_spec_is_valid_openapi_3_1():
    assert SPEC["openapi"].startswith("3.1")
    validate(SPEC)


def test_the_packaged_spec_is_the_root_spec():
    assert (ROOT / "api" / "openapi.yaml").read_bytes() == (ROOT / "openapi.yaml").read_bytes()


def test_every_route_of_the_app_is_in_the_spec(app):
    missing = app_operations(app) - spec_operations()
    assert not missing, f"routes missing from openapi.yaml: {sorted(missing)}"


def test_every_operation_in_the_spec_exists_in_the_app(app):
    extra = spec_operations() - app_operations(app)
    assert not extra, f"openapi.yaml describes routes the app lacks: {sorted(extra)}"


def test_the_served_spec_is_the_file(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.get_data() == (ROOT / "openapi.yaml").read_bytes()


def _resolve(node):
    while isinstance(node, dict) and "$ref" in node and len(node) == 1:
        target = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def response_schema(path: str, method: str, status: int, media_type: str):
    response = _resolve(SPEC["paths"][path][method]["responses"][str(status)])
    return response["content"][media_type]["schema"]


@pytest.mark.parametrize("url, spec_path", [
    ("/api/v1/events", "/api/v1/events"),
    ("/api/v1/events?from=2023-05-09&to=2023-05-09", "/api/v1/events"),
    ("/api/v1/events?limit=2", "/api/v1/events"),
    ("/api/v1/events?limit=0", "/api/v1/events"),
    ("/api/v1/events/evt_drones", "/api/v1/events/{event_id}"),
    ("/api/v1/events/evt_invasion", "/api/v1/events/{event_id}"),
    ("/api/v1/events/unknown", "/api/v1/events/{event_id}"),
    ("/api/v1/documents", "/api/v1/documents"),
    ("/api/v1/documents/doc-a", "/api/v1/documents/{doc_id}"),
    ("/api/v1/documents/unknown", "/api/v1/documents/{doc_id}"),
    ("/api/v1/timeline?from=2023", "/api/v1/timeline"),
    ("/healthz", "/healthz"),
    ("/readyz", "/readyz"),
])
def test_responses_validate_against_the_spec(client, url, spec_path):
    response = client.get(url)
    schema = response_schema(spec_path, "get", response.status_code, response.mimetype)
    validator = Draft202012Validator({**schema, "components": SPEC["components"]})
    errors = sorted(validator.iter_errors(response.get_json()), key=str)
    assert not errors, errors[0]


# -- the marshmallow schemas and the spec describe the same fields -------------

def _properties(name: str) -> set[str]:
    schema = SPEC["components"]["schemas"][name]
    found = set(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        found |= set(_resolve(part).get("properties", {}))
    return found


def _dumped_fields(schema) -> set[str]:
    return {field.data_key or name for name, field in schema.dump_fields.items()}


def _query_parameters(path: str) -> set[str]:
    return {_resolve(p)["name"] for p in SPEC["paths"][path]["get"].get("parameters", [])
            if _resolve(p)["in"] == "query"}


def _loaded_fields(schema) -> set[str]:
    return {field.data_key or name for name, field in schema.load_fields.items()}


def _schema_pairs():
    from schemas.documents import DocumentBodySchema, DocumentDetailSchema, IngestResultSchema, \
        StoredDocumentSchema
    from schemas.pages import PageSchema
    from schemas.timeline import DocumentResultSchema, EventSchema, MentionSchema, TimelineSchema

    return [
        (EventSchema(), "Event"), (MentionSchema(), "Mention"), (StoredDocumentSchema(), "Document"),
        (DocumentDetailSchema(), "DocumentDetail"), (IngestResultSchema(), "IngestResult"),
        (PageSchema(), "EventPage"), (PageSchema(), "DocumentPage"), (DocumentResultSchema(), "ParsedDocument"),
        (TimelineSchema(), "Timeline"),
    ]


@pytest.mark.parametrize("schema, component", _schema_pairs(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_response_schema_dumps_the_fields_the_spec_describes(schema, component):
    assert _dumped_fields(schema) == _properties(component)


@pytest.mark.parametrize("schema_name, spec_path", [
    ("EventsQuerySchema", "/api/v1/events"),
    ("DocumentsQuerySchema", "/api/v1/documents"),
    ("TimelineQuerySchema", "/api/v1/timeline"),
])
def test_every_query_schema_reads_the_parameters_the_spec_describes(schema_name, spec_path):
    import schemas.query

    assert _loaded_fields(getattr(schemas.query, schema_name)()) == _query_parameters(spec_path)


def test_the_document_body_schema_is_the_spec_request_body():
    from schemas.documents import DocumentBodySchema

    body = SPEC["components"]["schemas"]["DocumentBody"]
    schema = DocumentBodySchema()
    assert _loaded_fields(schema) == set(body["properties"])
    assert {name for name, field in schema.load_fields.items() if field.required} == set(body["required"])
