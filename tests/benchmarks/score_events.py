"""Score the event pipeline against the hand-annotated development corpus.

    python tests/benchmarks/score_events.py                 # tests/corpus
    python tests/benchmarks/score_events.py --gold /work/shared/acceptance/seeds-timeline.json
    python tests/benchmarks/score_events.py --json          # machine-readable
    python tests/benchmarks/score_events.py --verbose       # list misses and spurious mentions
    python tests/benchmarks/score_events.py --corpus tests/corpus_heldout20 --corpus tests/corpus_heldout21
                                                            # one line per corpus, then their micro-average
    python tests/benchmarks/score_events.py --without-published --corpus tests/corpus_heldout20
                                                            # as if no article came with its date

Runs `api.extract.pipeline.parse` once over every article (as one
collection, like `timeline parse FOLDER`) and reports:

* reference-date accuracy (date in the gold `accept` list) and, where the gold
  names them, reference-source accuracy;
* mention-level precision and recall of exact dates;
* pairwise precision and recall of merging;
* not-event violations (mentions whose trigger lies in page furniture).

`--without-published` drops every article's `published` before parsing, as
the seeds are parsed: each article is then dated by its own text or by the
collection, and scored against the same gold (whose reference dates are the
true ones).

Matching rule (one-to-one, per document). A system mention can match a gold
mention when
  1. their trigger spans overlap (strong match), or
  2. the system mention's sentence span overlaps the gold trigger span
     (weak match: the right sentence, another trigger word).
Candidate pairs are taken greedily: strong before weak, then pairs whose date
is exact, then the nearest triggers. A matched pair is *exact* when start, end
and grain all equal the gold (for a vague gold mention given as
start_window/end_window, start and end fall inside the windows and the grain
equals). Precision = exact pairs / system mentions; recall = exact pairs /
gold mentions. "Detection" P/R count matched pairs whatever their dates.

Merging is scored over pairs of matched mentions: a pair is "same" in the
system when both mentions belong to the same event, and "same" in the gold
when they carry the same key. Precision = pairs same in both / pairs same in
the system; recall = pairs same in both / pairs same in the gold.

Whole events are scored the way the seeds' acceptance file states its
"required" events: a gold event is *met* when one system event has the gold
event's dates (start and end inside its windows) and cites every document
that reports it, and that system event stands for it: most of the system
event's matched mentions are mentions of this gold event (ties: the first
key in sorted order). So an event that swallows a story meets one gold event
at most. Recall = gold events met / gold events; precision = system events
that meet a gold event / system events.
This is what a reader of the timeline sees, where the mention scores see each
sentence: an event merged right but dated by a wrong mention, or split across
two events, is missed here even when most of its mentions are exact.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from api.extract.lexicon import parse_yaml  # noqa: E402
from api.extract.model import DocumentInput  # noqa: E402  (model is pure data, always present)

DEFAULT_ARTICLES = REPO / "tests" / "corpus" / "articles"
DEFAULT_GOLD = REPO / "tests" / "corpus" / "gold.yaml"
ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")


# ---------------------------------------------------------------- loading

def read_text(path: Path) -> str:
    """UTF-8 with any byte-order mark dropped, as CONTRACT §2 reads files."""
    return path.read_bytes().decode("utf-8-sig")


def _parse_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _document_from_object(doc_id: str, obj: dict) -> DocumentInput:
    return DocumentInput(
        id=doc_id, text=obj["text"], published=_parse_date(obj.get("published")),
        title=obj.get("title"), url=obj.get("url"), source=obj.get("source"),
    )


def load_documents(folder: Path | str) -> list[DocumentInput]:
    """Every article under `folder`, read recursively in sorted order; ids
    are file stems (`.jsonl`: the `id` field, else `<stem>-<line>`)."""
    docs = []
    for path in sorted(Path(folder).rglob("*")):
        if path.suffix not in ARTICLE_SUFFIXES or not path.is_file():
            continue
        if path.suffix == ".txt":
            docs.append(DocumentInput(id=path.stem, text=read_text(path)))
        elif path.suffix == ".json":
            docs.append(_document_from_object(path.stem, json.loads(read_text(path))))
        else:
            for number, line in enumerate(read_text(path).splitlines(), start=1):
                if line.strip():
                    obj = json.loads(line)
                    docs.append(_document_from_object(obj.get("id") or f"{path.stem}-{number}", obj))
    return docs


@dataclass(frozen=True)
class GoldMention:
    document: str
    key: str
    trigger: str
    trigger_span: tuple[int, int]
    time_text: str | None
    start_window: tuple[date | None, date | None]
    end_window: tuple[date | None, date | None]
    grain: str
    position: str = "rest"  # headline | lead | rest: where in its article it stands


POSITIONS = ("headline", "lead", "rest")


def positions_in(text: str):
    """A function from a character offset of `text` to its place in the article:
    the headline lines above the story, the story's first sentence, or the rest."""
    from api.extract import segment

    story = [s for s in segment.split(text) if s.is_story]
    body = [s for s in story if not s.heading]
    lead = body[0] if body else None
    headlines = [s for s in story if s.heading and (lead is None or s.start < lead.start)]

    def position(offset: int) -> str:
        if any(s.start <= offset < s.end for s in headlines):
            return "headline"
        if lead is not None and lead.start <= offset < lead.end:
            return "lead"
        return "rest"
    return position


@dataclass(frozen=True)
class NotEvent:
    document: str
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class GoldEvent:
    key: str
    start_window: tuple[date | None, date | None]
    end_window: tuple[date | None, date | None]
    documents: frozenset[str]  # every document with a mention of it


@dataclass(frozen=True)
class Gold:
    reference_dates: dict  # doc id -> {"accept": [date], "source": [str] | None}
    mentions: tuple[GoldMention, ...]
    not_events: tuple[NotEvent, ...]
    events: tuple[GoldEvent, ...] = ()


def _window(item: dict, name: str, fallback: dict) -> tuple[date | None, date | None]:
    """The accepted range for `start` or `end`: an explicit window, or the
    exact value (from the mention, else from its event)."""
    if f"{name}_window" in item:
        low, high = item[f"{name}_window"]
        return _parse_date(low), _parse_date(high)
    if name in item:
        value = _parse_date(item[name])
        return value, value
    if fallback is not item:
        return _window(fallback, name, fallback)
    raise ValueError(f"gold item has neither {name} nor {name}_window: {item}")


def load_gold(path: Path | str, texts: dict[str, str]) -> Gold:
    """Read gold (YAML or the JSON shape of seeds-timeline.json); trigger and
    furniture spans are located in `texts` (doc id -> article text)."""
    path = Path(path)
    raw = read_text(path)
    if path.suffix in (".yaml", ".yml"):
        data = parse_yaml(raw)
    else:
        data = json.loads(raw)
    references = {}
    for doc_id, ref in data.get("reference_dates", {}).items():
        source = ref.get("source")
        references[doc_id] = {
            "accept": [_parse_date(d) for d in ref["accept"]],
            "source": [source] if isinstance(source, str) else source,
        }
    mentions, events = [], []
    position_of = {}
    for event in data.get("events", []):
        events.append(GoldEvent(event["key"], _window(event, "start", event), _window(event, "end", event),
                                frozenset(item["document"] for item in event["mentions"])))
        for item in event["mentions"]:
            doc_id = item["document"]
            text = texts.get(doc_id)
            if text is None:
                raise KeyError(f"gold names document {doc_id!r}, which was not loaded")
            at = text.find(item["trigger"])
            if at < 0:
                raise ValueError(f"{doc_id}: trigger not in text: {item['trigger']!r}")
            if doc_id not in position_of:
                position_of[doc_id] = positions_in(text)
            mentions.append(GoldMention(
                document=doc_id, key=event["key"], trigger=item["trigger"],
                trigger_span=(at, at + len(item["trigger"])), time_text=item.get("time_text"),
                start_window=_window(item, "start", event), end_window=_window(item, "end", event),
                grain=item.get("grain") or event.get("granularity") or event.get("grain"),
                position=position_of[doc_id](at),
            ))
    not_events = []
    for item in data.get("not_events", []):
        text = texts.get(item["document"], "")
        at = text.find(item["text"])
        if at >= 0:
            not_events.append(NotEvent(item["document"], item["text"], (at, at + len(item["text"]))))
    return Gold(references, tuple(mentions), tuple(not_events), tuple(events))


# ---------------------------------------------------------------- system side

@dataclass(frozen=True)
class SystemMention:
    document: str
    event_id: str
    trigger: str
    trigger_span: tuple[int, int]
    sentence_span: tuple[int, int]
    time_text: str | None
    start: date | None
    end: date | None
    grain: str


def system_mentions(timeline) -> list[SystemMention]:
    """Flatten a Timeline (model dataclasses) into scored mentions."""
    out = []
    for event in timeline.events:
        for m in event.mentions:
            out.append(SystemMention(
                document=m.document, event_id=event.id, trigger=m.trigger,
                trigger_span=tuple(m.trigger_span), sentence_span=tuple(m.sentence_span),
                time_text=m.time_text, start=m.interval.start, end=m.interval.end,
                grain=m.interval.grain,
            ))
    return out


# ---------------------------------------------------------------- scoring

def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(value: date | None, window: tuple[date | None, date | None]) -> bool:
    low, high = window
    if low is None and high is None:  # gold says: open end
        return value is None
    return value is not None and low <= value <= high


def date_is_exact(system: SystemMention, gold: GoldMention) -> bool:
    return (system.grain == gold.grain and _inside(system.start, gold.start_window)
            and _inside(system.end, gold.end_window))


def match_mentions(system, gold) -> list[tuple[int, int]]:
    """One-to-one (system index, gold index) pairs by the rule in the module
    docstring."""
    candidates = []
    for si, s in enumerate(system):
        for gi, g in enumerate(gold):
            if s.document != g.document:
                continue
            if spans_overlap(s.trigger_span, g.trigger_span):
                strength = 2
            elif spans_overlap(s.sentence_span, g.trigger_span):
                strength = 1
            else:
                continue
            distance = abs(s.trigger_span[0] - g.trigger_span[0])
            candidates.append((-strength, not date_is_exact(s, g), distance, si, gi))
    candidates.sort()
    used_s, used_g, pairs = set(), set(), []
    for _, _, _, si, gi in candidates:
        if si not in used_s and gi not in used_g:
            used_s.add(si)
            used_g.add(gi)
            pairs.append((si, gi))
    return sorted(pairs)


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _f1(p: float | None, r: float | None) -> float | None:
    if not p or not r:
        return 0.0 if p is not None and r is not None else None
    return round(2 * p * r / (p + r), 4)


def mention_scores(system, gold, pairs) -> dict:
    exact = sum(date_is_exact(system[si], gold[gi]) for si, gi in pairs)
    p, r = _ratio(exact, len(system)), _ratio(exact, len(gold))
    by_grain = defaultdict(lambda: [0, 0])
    for g in gold:
        by_grain[g.grain][1] += 1
    by_position = {name: [0, 0] for name in POSITIONS}
    for g in gold:
        by_position[g.position][1] += 1
    for si, gi in pairs:
        if date_is_exact(system[si], gold[gi]):
            by_grain[gold[gi].grain][0] += 1
            by_position[gold[gi].position][0] += 1
    return {
        "system_mentions": len(system), "gold_mentions": len(gold),
        "matched": len(pairs), "exact": exact,
        "precision": p, "recall": r, "f1": _f1(p, r),
        "detection_precision": _ratio(len(pairs), len(system)),
        "detection_recall": _ratio(len(pairs), len(gold)),
        "date_accuracy_of_matched": _ratio(exact, len(pairs)),
        "exact_recall_by_gold_grain": {
            grain: {"exact": hit, "gold": total, "recall": _ratio(hit, total)}
            for grain, (hit, total) in sorted(by_grain.items())
        },
        "exact_recall_by_position": _by_position(by_position),
    }


def _by_position(counts: dict) -> dict:
    return {name: {"exact": hit, "gold": total, "recall": _ratio(hit, total)} for name, (hit, total) in counts.items()}


def _format_positions(by_position: dict) -> str:
    return "exact recall by position: " + ", ".join(
        f"{name} {v['exact']}/{v['gold']}" for name, v in by_position.items())


def merge_scores(system, gold, pairs) -> dict:
    same_system = same_gold = same_both = 0
    for i in range(len(pairs)):
        for j in range(i + 1, len(pairs)):
            (si, gi), (sj, gj) = pairs[i], pairs[j]
            in_system = system[si].event_id == system[sj].event_id
            in_gold = gold[gi].key == gold[gj].key
            same_system += in_system
            same_gold += in_gold
            same_both += in_system and in_gold
    p, r = _ratio(same_both, same_system), _ratio(same_both, same_gold)
    return {"pairs_same_in_system": same_system, "pairs_same_in_gold": same_gold,
            "pairs_same_in_both": same_both, "precision": p, "recall": r, "f1": _f1(p, r)}


def event_scores(system, gold_mentions, gold_events, pairs, system_events: dict) -> dict:
    """Whole events (see the module docstring). `system_events`: event id -> (start, end, sources).

    A system event stands for one gold event at most, the one most of its matched
    mentions report (ties: the first key in sorted order), so one event that swallows
    a whole story meets one gold event, not every gold event on its day."""
    reports: dict = defaultdict(Counter)  # system event id -> gold key -> matched mentions
    for si, gi in pairs:
        reports[system[si].event_id][gold_mentions[gi].key] += 1
    standing_for: dict = defaultdict(list)  # gold key -> the system events that stand for it
    for event_id, keys in reports.items():
        standing_for[min(keys, key=lambda k: (-keys[k], k))].append(event_id)
    held_whole = met = 0
    meeting: set[str] = set()  # system events that meet a gold event
    for event in gold_events:
        whole = [event_id for event_id in standing_for[event.key] if event.documents <= set(system_events[event_id][2])]
        held_whole += bool(whole)
        dated = [event_id for event_id in whole if _inside(system_events[event_id][0], event.start_window)
                 and _inside(system_events[event_id][1], event.end_window)]
        met += bool(dated)
        meeting.update(dated)
    p, r = _ratio(len(meeting), len(system_events)), _ratio(met, len(gold_events))
    return {"gold_events": len(gold_events), "system_events": len(system_events), "held_whole": held_whole,
            "met": met, "system_events_meeting": len(meeting), "precision": p, "recall": r, "f1": _f1(p, r)}


def reference_scores(documents, gold: Gold) -> dict:
    results = {d.id: d for d in documents}
    right = right_source = with_source = 0
    wrong = []
    for doc_id, ref in sorted(gold.reference_dates.items()):
        got = results.get(doc_id)
        ok = got is not None and got.reference_date in ref["accept"]
        right += ok
        source_ok = None
        if ref["source"]:
            with_source += 1
            source_ok = got is not None and got.reference_date_source in ref["source"]
            right_source += source_ok
        if not ok or source_ok is False:
            wrong.append({
                "document": doc_id, "accept": [d.isoformat() for d in ref["accept"]],
                "source": ref["source"],
                "got": got.reference_date.isoformat() if got else None,
                "got_source": got.reference_date_source if got else None,
                "evidence": got.reference_date_evidence if got else None,
            })
    total = len(gold.reference_dates)
    return {"documents": total, "right": right, "accuracy": _ratio(right, total),
            "source_right": right_source, "source_accuracy": _ratio(right_source, with_source),
            "wrong": wrong}


def not_event_violations(system, not_events) -> list[dict]:
    out = []
    for s in system:
        for furniture in not_events:
            if s.document == furniture.document and spans_overlap(s.trigger_span, furniture.span):
                out.append({"document": s.document, "furniture": furniture.text, "trigger": s.trigger})
    return out


def _describe_gold(g: GoldMention) -> dict:
    return {"document": g.document, "key": g.key, "trigger": g.trigger, "time_text": g.time_text,
            "start": [d.isoformat() if d else None for d in g.start_window],
            "end": [d.isoformat() if d else None for d in g.end_window], "grain": g.grain}


def _describe_system(s: SystemMention) -> dict:
    return {"document": s.document, "event": s.event_id, "trigger": s.trigger,
            "time_text": s.time_text, "start": s.start.isoformat() if s.start else None,
            "end": s.end.isoformat() if s.end else None, "grain": s.grain}


def score(timeline, gold: Gold) -> dict:
    system = system_mentions(timeline)
    gold_mentions = list(gold.mentions)
    pairs = match_mentions(system, gold_mentions)
    matched_s = {si for si, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    return {
        "reference_dates": reference_scores(timeline.documents, gold),
        "mentions": mention_scores(system, gold_mentions, pairs),
        "merge": merge_scores(system, gold_mentions, pairs),
        "whole_events": event_scores(system, gold_mentions, gold.events, pairs,
                                     {e.id: (e.interval.start, e.interval.end, e.sources) for e in timeline.events}),
        "not_event_violations": not_event_violations(system, gold.not_events),
        "events": len(timeline.events),
        "details": {
            "wrong_dates": [{"gold": _describe_gold(gold_mentions[gi]), "system": _describe_system(system[si])}
                            for si, gi in pairs if not date_is_exact(system[si], gold_mentions[gi])],
            "missed": [_describe_gold(g) for gi, g in enumerate(gold_mentions) if gi not in matched_g],
            "spurious": [_describe_system(s) for si, s in enumerate(system) if si not in matched_s],
        },
    }


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:5.1f}%"


def format_report(result: dict, verbose: bool = False) -> str:
    ref, men, mer, whole = result["reference_dates"], result["mentions"], result["merge"], result["whole_events"]
    lines = [
        f"reference dates   {_pct(ref['accuracy'])}  ({ref['right']}/{ref['documents']})"
        f"   source {_pct(ref['source_accuracy'])} ({ref['source_right']})",
        f"exact dates       P {_pct(men['precision'])}  R {_pct(men['recall'])}  F1 {_pct(men['f1'])}"
        f"   ({men['exact']} exact of {men['system_mentions']} system / {men['gold_mentions']} gold mentions)",
        f"detection         P {_pct(men['detection_precision'])}  R {_pct(men['detection_recall'])}"
        f"   ({men['matched']} matched; dates exact in {_pct(men['date_accuracy_of_matched'])} of them)",
        f"merge (pairwise)  P {_pct(mer['precision'])}  R {_pct(mer['recall'])}  F1 {_pct(mer['f1'])}"
        f"   (same in system {mer['pairs_same_in_system']}, gold {mer['pairs_same_in_gold']}, both {mer['pairs_same_in_both']})",
        f"whole events      P {_pct(whole['precision'])}  R {_pct(whole['recall'])}  F1 {_pct(whole['f1'])}"
        f"   ({whole['met']} of {whole['gold_events']} gold events met, {whole['held_whole']} held whole by one event;"
        f" {whole['system_events_meeting']} of {whole['system_events']} system events meet one)",
        f"not-event violations  {len(result['not_event_violations'])}",
        f"events            {result['events']}",
        "exact recall by gold grain: " + ", ".join(
            f"{grain} {v['exact']}/{v['gold']}" for grain, v in men["exact_recall_by_gold_grain"].items()),
        _format_positions(men["exact_recall_by_position"]),
    ]
    for w in ref["wrong"]:
        lines.append(f"  reference {w['document']}: got {w['got']} ({w['got_source']}), "
                     f"want {'|'.join(w['accept'])} ({'|'.join(w['source'] or ['any'])})")
    for v in result["not_event_violations"]:
        lines.append(f"  furniture {v['document']}: {v['trigger']!r} in {v['furniture']!r}")
    if verbose:
        details = result["details"]
        for w in details["wrong_dates"]:
            g, s = w["gold"], w["system"]
            lines.append(f"  wrong date {g['document']} {g['trigger']!r} [{g['time_text']}]: got {s['start']}..{s['end']} "
                         f"{s['grain']}, want {g['start']}..{g['end']} {g['grain']}")
        for g in details["missed"]:
            lines.append(f"  missed {g['document']} {g['trigger']!r} [{g['time_text']}]")
        for s in details["spurious"]:
            lines.append(f"  spurious {s['document']} {s['trigger']!r} [{s['time_text']}] {s['start']}..{s['end']} {s['grain']}")
    return "\n".join(lines)


def without_published(docs: list[DocumentInput]) -> list[DocumentInput]:
    return [dataclasses.replace(d, published=None) for d in docs]


def score_corpus(folder: Path, drop_published: bool = False) -> dict:
    """`folder/gold.yaml` against the timeline of `folder/articles`, parsed as one
    collection (with `drop_published`, as if no article came with its date)."""
    from api.extract.pipeline import parse

    docs = load_documents(folder / "articles")
    if drop_published:
        docs = without_published(docs)
    result = score(parse(docs), load_gold(folder / "gold.yaml", {d.id: d.text for d in docs}))
    result["gold"] = str(folder / "gold.yaml")
    return result


def micro_average(results: list[dict]) -> dict:
    """The counts of several corpora summed, and the ratios taken over the sums (each
    corpus is parsed on its own, so this is not the score of one big collection)."""
    def total(section: str, key: str) -> int:
        return sum(r[section][key] for r in results)

    exact, system, gold = total("mentions", "exact"), total("mentions", "system_mentions"), total("mentions", "gold_mentions")
    matched = total("mentions", "matched")
    same_s, same_g, same_b = (total("merge", k) for k in ("pairs_same_in_system", "pairs_same_in_gold", "pairs_same_in_both"))
    met, gold_events = total("whole_events", "met"), total("whole_events", "gold_events")
    meeting, system_events = total("whole_events", "system_events_meeting"), total("whole_events", "system_events")
    p, r = _ratio(exact, system), _ratio(exact, gold)
    by_position = {name: [0, 0] for name in POSITIONS}
    for result in results:
        for name, v in result["mentions"].get("exact_recall_by_position", {}).items():
            by_position[name][0] += v["exact"]
            by_position[name][1] += v["gold"]
    mp, mr = _ratio(same_b, same_s), _ratio(same_b, same_g)
    wp, wr = _ratio(meeting, system_events), _ratio(met, gold_events)
    return {
        "corpora": len(results),
        "reference_dates": {"right": total("reference_dates", "right"), "documents": total("reference_dates", "documents")},
        "mentions": {"exact": exact, "system_mentions": system, "gold_mentions": gold, "matched": matched,
                     "precision": p, "recall": r, "f1": _f1(p, r), "detection_recall": _ratio(matched, gold),
                     "exact_recall_by_position": _by_position(by_position)},
        "merge": {"pairs_same_in_system": same_s, "pairs_same_in_gold": same_g, "pairs_same_in_both": same_b,
                  "precision": mp, "recall": mr, "f1": _f1(mp, mr)},
        "whole_events": {"met": met, "gold_events": gold_events, "system_events_meeting": meeting,
                         "system_events": system_events, "precision": wp, "recall": wr, "f1": _f1(wp, wr)},
        "not_event_violations": sum(len(r["not_event_violations"]) for r in results),
    }


def format_table(named: list[tuple[str, dict]], average: dict) -> str:
    """One line per corpus and one for their micro-average (percentages)."""
    def num(value: float | None) -> str:
        return "n/a" if value is None else f"{100 * value:.1f}"

    lines = [f"{'corpus':<20} {'exact F1 (P/R)':<18} {'refs':<7} {'merge F1':<8} {'whole F1 (met)':<18} not-events"]
    for name, result in [*named, (f"micro ({average['corpora']})", average)]:
        men, ref, whole = result["mentions"], result["reference_dates"], result["whole_events"]
        violations = result["not_event_violations"]
        violations = violations if isinstance(violations, int) else len(violations)
        exact = f"{num(men['f1'])} ({num(men['precision'])}/{num(men['recall'])})"
        events = f"{num(whole['f1'])} ({whole['met']}/{whole['gold_events']})"
        lines.append(f"{name:<20} {exact:<18} {ref['right']:>3}/{ref['documents']:<3} {num(result['merge']['f1']):<8} "
                     f"{events:<18} {violations}")
    lines.append(f"micro {_format_positions(average['mentions']['exact_recall_by_position'])}")
    return "\n".join(lines)


def _articles_for(gold_path: Path, articles: Path | None) -> Path:
    """The seeds gold lives outside the repo; its articles are the repo seeds."""
    if articles is not None:
        return articles
    if gold_path.resolve() == DEFAULT_GOLD.resolve():
        return DEFAULT_ARTICLES
    return REPO / "seeds"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=None,
                        help="article folder (default: tests/corpus/articles, or seeds/ for another gold file)")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--verbose", action="store_true", help="list wrong dates, misses and spurious mentions")
    parser.add_argument("--out", type=Path, help="also write the JSON result to this file")
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="a folder with gold.yaml and articles/ (repeatable): one line each and their "
                             "micro-average, instead of one report")
    parser.add_argument("--without-published", action="store_true",
                        help="drop every article's published date before parsing (the seeds' case)")
    args = parser.parse_args(argv)
    try:
        from api.extract.pipeline import parse
    except ImportError as exc:
        print(f"api.extract.pipeline is not available yet ({exc}); nothing to score")
        return 0
    if args.corpus:
        named = [(folder.name, score_corpus(folder, args.without_published)) for folder in args.corpus]
        average = micro_average([result for _, result in named])
        if args.out:
            args.out.write_text(json.dumps({"corpora": dict(named), "micro": average}, indent=1) + "\n",
                                encoding="utf-8")
        print(json.dumps({"corpora": {name: {k: v for k, v in r.items() if k != "details"} for name, r in named},
                          "micro": average}, indent=1) if args.json else format_table(named, average))
        return 0
    docs = load_documents(_articles_for(args.gold, args.articles))
    if args.without_published:
        docs = without_published(docs)
    gold = load_gold(args.gold, {d.id: d.text for d in docs})
    timeline = parse(docs)
    result = score(timeline, gold)
    result["gold"] = str(args.gold)
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_report(result, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
