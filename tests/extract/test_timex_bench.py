"""tests/benchmarks/bench_timex.py runs end to end on a tiny made-up corpus
(never the licensed TempEval data) and says so politely when data is absent."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "tests" / "benchmarks" / "bench_timex.py"

# A stand-in with the real scorer's command-line contract (GOLD SYSTEM --json),
# used only when the shared scorer is not on this machine.
STAND_IN_SCORER = '''
import json, sys
def main(argv):
    gold, system = (json.load(open(p, encoding="utf-8")) for p in argv[:2])
    g = {(d["id"], t["start"], t["end"]): t for d in gold["documents"] for t in d["timexes"]}
    s = {(d["id"], t["start"], t["end"]): t for d in system["documents"] for t in d["timexes"]}
    def f1(n):
        return 100.0 * 2 * n / (len(g) + len(s)) if g or s else 100.0
    both = g.keys() & s.keys()
    out = {"documents": len(gold["documents"]),
           "strict": {"f1": f1(len(both))}, "relaxed": {"f1": f1(len(both))},
           "value": {"f1": f1(sum(g[k]["value"] == s[k]["value"] for k in both))},
           "type": {"f1": f1(sum(g[k]["type"] == s[k]["type"] for k in both))}}
    print(json.dumps(out))
    return 0
'''

TINY = {"corpus": "tiny", "documents": [
    {"id": "a", "dct": "2023-05-03",
     "text": "\nDrones struck Moscow last night, officials said on Wednesday.",
     "timexes": [{"start": 22, "end": 32, "text": "last night", "type": "TIME", "value": "2023-05-02TNI"},
                 {"start": 52, "end": 61, "text": "Wednesday", "type": "DATE", "value": "2023-05-03"}]},
    {"id": "b", "dct": "1998-02-13",
     "text": "\nThe war lasted 14 months and ended in 1945.",
     "timexes": [{"start": 16, "end": 25, "text": "14 months", "type": "DURATION", "value": "P14M"},
                 {"start": 39, "end": 43, "text": "1945", "type": "DATE", "value": "1945"}]},
]}


def _bench():
    spec = importlib.util.spec_from_file_location("bench_timex", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_timex"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tiny_shared(tmp_path):
    for doc in TINY["documents"]:
        for t in doc["timexes"]:
            assert doc["text"][t["start"]:t["end"]] == t["text"]
    data = tmp_path / "shared" / "data" / "tempeval3"
    data.mkdir(parents=True)
    for name in ("te3-platinum.json", "tbaq-train.json"):
        (data / name).write_text(json.dumps(TINY), encoding="utf-8")
    bench = tmp_path / "shared" / "bench"
    bench.mkdir()
    real = _bench().shared_dir() / "bench" / "timex_score.py"
    if real.is_file():
        (bench / "timex_score.py").symlink_to(real)
    else:
        (bench / "timex_score.py").write_text(STAND_IN_SCORER, encoding="utf-8")
    return tmp_path / "shared"


def test_benchmark_prints_scores_and_throughput_against_search_dates(tiny_shared, capsys):
    assert _bench().main(["--shared", str(tiny_shared), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "te3-platinum" in out and "tbaq-train" in out
    assert "docs/s" in out and "chars/s" in out and "search_dates" in out and "ratio" in out


def test_benchmark_json_report_scores_the_tiny_corpus_perfectly(tiny_shared, capsys):
    assert _bench().main(["--shared", str(tiny_shared), "--repeat", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    for name in ("te3-platinum", "tbaq-train", "te3-platinum (in the pipeline)", "tbaq-train (in the pipeline)"):
        assert report["scores"][name]["strict"] == 100.0
        assert report["scores"][name]["value"] == 100.0
    tp = report["throughput"]
    assert tp["documents"] == 2 and tp["ours"]["docs_per_s"] > 0 and tp["search_dates"]["docs_per_s"] > 0
    assert tp["ratio"] > 0


def test_benchmark_without_data_says_so_and_exits_zero(tmp_path, capsys):
    assert _bench().main(["--shared", str(tmp_path / "nowhere")]) == 0
    assert "not available" in capsys.readouterr().out
