"""The `timeline` command as users run it: a separate process, stdout, stderr, exit status."""
from __future__ import annotations

import json

import pytest

from tests.conftest import skip_or_fail
from tests.ops.conftest import ACCEPTANCE, SEEDS, module_available, run_timeline


def _require(module: str) -> None:
    if not module_available(module):
        skip_or_fail(f"{module} has not landed yet")


def _assert_one_line_error(result, *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one stderr line, got: {result.stderr!r}"
    assert lines[0].startswith("timeline: error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert result.stdout == ""


# ---------------------------------------------------------------- the seeds through the CLI

def _acceptance() -> dict:
    if not ACCEPTANCE.is_file():
        pytest.skip(f"{ACCEPTANCE} is not beside this checkout")
    return json.loads(ACCEPTANCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_timeline() -> dict:
    _require("api.extract.pipeline")
    result = run_timeline("parse", str(SEEDS))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _within(day: str | None, window: list[str]) -> bool:
    return day is not None and window[0] <= day <= window[1]


def _matches(event: dict, required: dict) -> bool:
    if "start_window" in required:
        dated = _within(event["start"], required["start_window"]) and _within(event["end"], required["end_window"])
    else:
        dated = (event["start"], event["end"]) == (required["start"], required["end"])
    cited = {mention["document"] for mention in required["mentions"]}
    return dated and cited <= set(event["sources"])


REQUIRED_KEYS = (
    [e["key"] for e in json.loads(ACCEPTANCE.read_text(encoding="utf-8"))["events"] if e.get("required")]
    if ACCEPTANCE.is_file() else []
)


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_required_seed_event_comes_out_as_one_event_citing_every_report(seed_timeline, key):
    required = next(e for e in _acceptance()["events"] if e["key"] == key)
    found = [e for e in seed_timeline["events"] if _matches(e, required)]
    assert found, f"no event for {key!r} ({required['what']})"


def test_seed_timeline_meets_most_expected_events_and_shows_no_page_furniture(seed_timeline):
    acceptance = _acceptance()
    met = [e["key"] for e in acceptance["events"] if any(_matches(got, e) for got in seed_timeline["events"])]
    assert len(met) >= 0.8 * len(acceptance["events"]), f"only {met}"
    sentences = [m["sentence"] for e in seed_timeline["events"] for m in e["mentions"]]
    for not_event in acceptance["not_events"]:
        assert not any(not_event["text"] in s or s in not_event["text"] for s in sentences), not_event["why"]


def test_seed_documents_get_an_accepted_reference_date(seed_timeline):
    expected = _acceptance()["reference_dates"]
    got = {doc["id"]: doc for doc in seed_timeline["documents"]}
    assert set(got) == set(expected)
    for doc_id, accepted in expected.items():
        assert got[doc_id]["reference_date"] in accepted["accept"], doc_id
        assert got[doc_id]["reference_date_source"] in ("given", "text", "collection", "assumed")


def test_parse_output_is_sorted_and_deterministic(seed_timeline):
    keys = [(e["start"] or "", e["end"] or "9999", e["id"]) for e in seed_timeline["events"]]
    assert keys == sorted(keys)
    again = run_timeline("parse", str(SEEDS))
    assert json.loads(again.stdout) == seed_timeline


def test_text_format_prints_one_line_per_event(seed_timeline):
    result = run_timeline("parse", "--format", "text", str(SEEDS))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(seed_timeline["events"])
    for line, event in zip(lines, seed_timeline["events"]):
        assert line.startswith(event["start"]) and event["headline"] in line


# ---------------------------------------------------------------- input files

def test_published_date_is_the_given_reference_date_for_every_file(tmp_path):
    _require("api.extract.pipeline")
    (tmp_path / "a.txt").write_text("Officials said the bridge reopened on Monday.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(
        {"text": "The minister resigned on Tuesday.", "published": "2021-03-10", "title": "Resignation"}),
        encoding="utf-8")
    result = run_timeline("parse", "--published", "2022-06-15", str(tmp_path))
    assert result.returncode == 0, result.stderr
    documents = {doc["id"]: doc for doc in json.loads(result.stdout)["documents"]}
    assert documents["a"]["reference_date"] == "2022-06-15"
    assert documents["b"]["reference_date"] == "2021-03-10"  # the file's own date wins
    assert documents["b"]["title"] == "Resignation"
    assert {doc["reference_date_source"] for doc in documents.values()} == {"given"}


def test_jsonl_ids_are_the_id_field_or_stem_and_line_number(tmp_path):
    _require("api.extract.pipeline")
    lines = [
        json.dumps({"id": "named", "text": "Protesters gathered on 1 May 2020.", "published": "2020-05-02"}),
        "",
        json.dumps({"text": "The court ruled on 3 May 2020.", "published": "2020-05-04"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_timeline("parse", str(tmp_path / "batch.jsonl"))
    assert result.returncode == 0, result.stderr
    assert [doc["id"] for doc in json.loads(result.stdout)["documents"]] == ["named", "batch-3"]


def test_byte_order_mark_is_dropped_before_spans_are_counted(tmp_path):
    _require("api.extract.pipeline")
    text = "On 9 May 2023 Moscow held its Victory Day parade."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run_timeline("parse", "--published", "2023-05-10", str(tmp_path / "bom.txt"))
    assert result.returncode == 0, result.stderr
    for event in json.loads(result.stdout)["events"]:
        for mention in event["mentions"]:
            start, end = mention["sentence_span"]
            assert text[start:end] == mention["sentence"]
            if mention["time_span"]:
                start, end = mention["time_span"]
                assert text[start:end] == mention["time_text"]


# ---------------------------------------------------------------- errors: exit 2, one line

@pytest.mark.parametrize("argv, fragment", [
    ([], "choose a command"),
    (["bogus"], "invalid choice"),
    (["parse"], "PATH"),
    (["parse", "--published", "2023-13-01", str(SEEDS)], "2023-13-01"),
    (["parse", "--published", "May 3", str(SEEDS)], "YYYY-MM-DD"),
    (["parse", "--format", "xml", str(SEEDS)], "xml"),
    (["timex", "--dct", "yesterday", "-"], "yesterday"),
    (["timex", "-"], "--dct"),
    (["serve", "--port", "99999"], "99999"),
    (["serve", "--workers", "0"], "0"),
    (["export", "--format", "pdf", str(SEEDS)], "pdf"),
    (["export", "--format", "csv", "--from", "2023-05-10", "--to", "2023-05-01", str(SEEDS)], "after"),
    (["export", "--format", "csv", "--from", "last week", str(SEEDS)], "last week"),
])
def test_unusable_arguments_exit_2_with_one_line(argv, fragment):
    _assert_one_line_error(run_timeline(*argv), fragment)


@pytest.mark.parametrize("name, content, fragment", [
    ("latin1.txt", "Caf\u00e9 opened on 3 May.".encode("latin-1"), "UTF-8"),
    ("broken.json", b'{"text": "unterminated', "JSON"),
    ("notext.json", b'{"title": "no text here"}', "'text'"),
    ("baddate.json", b'{"text": "x", "published": "03/05/2023"}', "published"),
    ("list.jsonl", b'{"text": "fine"}\n[1, 2]\n', "list.jsonl:2"),
    ("notes.md", b"# not an article", "unsupported"),
])
def test_unreadable_input_exits_2_naming_the_file(tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_timeline("parse", str(path))
    _assert_one_line_error(result, name, fragment)


def test_ingest_of_a_different_text_under_a_stored_id_exits_2_and_keeps_the_store(tmp_path):
    _require("api.extract.pipeline")
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'store.db'}", "TIMELINE_SEED_DIR": "none"}
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    (tmp_path / "first" / "report.txt").write_text("Police arrested two men in Lyon on Tuesday.", encoding="utf-8")
    (tmp_path / "second" / "report.txt").write_text("Rebels attacked a convoy near Goma on Monday.",
                                                     encoding="utf-8")
    assert run_timeline("ingest", str(tmp_path / "first"), env=env).returncode == 0
    _assert_one_line_error(run_timeline("ingest", str(tmp_path / "second"), env=env), "'report'", "own id")
    again = run_timeline("ingest", str(tmp_path / "first"), env=env)
    assert again.returncode == 0 and "0 new, 1 already stored; 0 events touched" in again.stdout


def test_missing_path_and_empty_folder_exit_2(tmp_path):
    _assert_one_line_error(run_timeline("parse", str(tmp_path / "nowhere")), "nowhere")
    (tmp_path / "empty").mkdir()
    _assert_one_line_error(run_timeline("parse", str(tmp_path / "empty")), "no .txt")


def test_help_lists_every_subcommand():
    result = run_timeline("--help")
    assert result.returncode == 0
    for command in ("parse", "timex", "serve", "ingest", "export"):
        assert command in result.stdout


# ---------------------------------------------------------------- timex

def test_timex_tags_a_text_from_stdin_with_offsets_into_it():
    _require("api.extract.timex")
    text = "The parade will go ahead on 9 May 2023, officials said on Wednesday."
    result = run_timeline("timex", "--dct", "2023-05-03", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    timexes = json.loads(result.stdout)["timexes"]
    assert timexes, "no time expressions found"
    for timex in timexes:
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert timex["type"] in ("DATE", "TIME", "DURATION", "SET")
    assert any(t["value"] == "2023-05-09" and "9 May 2023" in t["text"] for t in timexes)


def test_timex_corpus_mode_returns_the_corpus_with_system_timexes(tmp_path):
    _require("api.extract.timex")
    text = "\nSales fell in 1998 and rose on Tuesday."
    corpus = {"corpus": "tiny", "documents": [{"id": "d1", "dct": "1999-03-05", "text": text, "timexes": []}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(corpus), encoding="utf-8")
    result = run_timeline("timex", "--corpus", str(path))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    document = out["documents"][0]
    assert (document["id"], document["text"]) == ("d1", text)
    assert any(t["value"] == "1998" for t in document["timexes"])
    for timex in document["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
