"""`timeline export` gives the same three exports as GET /api/v1/timeline,
from the configured store or from articles parsed on the spot."""
import csv
import io
import json
from pathlib import Path

import icalendar
import jsonschema
import pytest

from api.cli import main
from tests.conftest import skip_or_fail
from tests.web.sample_events import sample_timeline

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def stored(tmp_path, monkeypatch):
    """DATABASE_URL points at a store holding the sample events; returns a Flask client on it."""
    from api import create_app

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TIMELINE_SEED_DIR", "none")
    app = create_app({"DATABASE_URL": url, "TIMELINE_SEED_DIR": "none", "TESTING": True})
    app.extensions["timeline_store"].store_parsed(*sample_timeline())
    yield app.test_client()
    app.extensions["timeline_store"].dispose()


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


@pytest.mark.parametrize("fmt", ["ics", "csv", "timelinejs"])
def test_store_export_is_byte_identical_to_the_api(stored, capsys, fmt):
    api_body = stored.get(f"/api/v1/timeline?format={fmt}").get_data(as_text=True)
    cli_body = run(capsys, "export", "--format", fmt)
    assert cli_body.rstrip("\n") == api_body.rstrip("\n")


def test_store_export_range_keeps_overlapping_events(stored, capsys):
    rows = list(csv.DictReader(io.StringIO(
        run(capsys, "export", "--format", "csv", "--from", "2023-05-09", "--to", "2023-05-09"), newline="")))
    assert {r["id"] for r in rows} == {"evt_parade", "evt_spring", "evt_war"}


def test_output_file_holds_a_calendar_that_parses(stored, capsys, tmp_path):
    target = tmp_path / "timeline.ics"
    assert run(capsys, "export", "--format", "ics", "--from", "2023-05", "--to", "2023-05",
               "-o", str(target)) == ""
    calendar = icalendar.Calendar.from_ical(target.read_text(encoding="utf-8"))
    assert "evt_parade@event-timeline" in {str(c["UID"]) for c in calendar.walk("VEVENT")}


def test_exporting_the_seed_articles_directly(capsys):
    try:
        import api.extract.pipeline  # noqa: F401
    except ImportError as error:
        skip_or_fail(f"the event pipeline is not available yet: {error}")
    document = json.loads(run(capsys, "export", "--format", "timelinejs", "--from", "2023-05-09",
                              "--to", "2023-05-09", str(SEEDS)))
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    day_slides = [s for s in document["events"] if s["start_date"].get("day") == 9
                  and s["start_date"].get("month") == 5 and "end_date" not in s]
    assert any("parade" in s["text"]["headline"].lower() for s in day_slides)


def test_seed_articles_export_to_a_calendar_and_a_sheet_that_parse_back(capsys):
    try:
        import api.extract.pipeline  # noqa: F401
    except ImportError as error:
        skip_or_fail(f"the event pipeline is not available yet: {error}")
    events = json.loads(run(capsys, "parse", str(SEEDS)))["events"]
    calendar = icalendar.Calendar.from_ical(run(capsys, "export", "--format", "ics", str(SEEDS)))
    uids = [str(c["UID"]) for c in calendar.walk("VEVENT")]
    dated = [e for e in events if e["start"] or e["end"]]
    assert uids == [f"{e['id']}@event-timeline" for e in dated]
    night = next(c for c in calendar.walk("VEVENT")
                 if str(c["UID"]) == f"{next(e['id'] for e in dated if e['grain'] == 'night')}@event-timeline")
    assert str(night["DTSTART"].dt) == "2023-05-02" and str(night["DTEND"].dt) == "2023-05-04"
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv", str(SEEDS)), newline="")))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert all(not r["headline"].startswith(("=", "+", "-", "@")) for r in rows)
