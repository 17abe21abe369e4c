"""Reading article files into DocumentInput values (CONTRACT §2 "Input files").

Shared by the CLI (`timeline parse`, `timeline ingest`) and the API's seeding,
so a file means the same thing everywhere. Text is decoded as strict UTF-8 and
a byte-order mark is dropped; nothing else is touched (no newline translation),
because spans are offsets into the text exactly as read.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Iterable

from api.extract.model import DocumentInput

SUPPORTED_SUFFIXES = (".txt", ".json", ".jsonl")
OPTIONAL_FIELDS = ("title", "url", "source")


class DocumentReadError(ValueError):
    """An input path or file that cannot be turned into documents."""


def read_documents(paths: Iterable[str | Path], published: date | None = None) -> list[DocumentInput]:
    """Every document under `paths`, folders read recursively in sorted order.

    `published` applies to every document that does not carry its own date.
    """
    documents: list[DocumentInput] = []
    for path in paths:
        for file in _files_under(Path(path)):
            documents.extend(read_file(file, published))
    return documents


def read_file(path: Path, published: date | None = None) -> list[DocumentInput]:
    suffix = path.suffix.lower()
    text = decode_text(_read_bytes(path), str(path))
    if suffix == ".txt":
        return [DocumentInput(id=path.stem, text=text, published=published)]
    if suffix == ".json":
        record = _parse_json(text, str(path))
        return [document_from_record(record, path.stem, published, str(path))]
    if suffix == ".jsonl":
        documents = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            record = _parse_json(line, where)
            documents.append(document_from_record(record, f"{path.stem}-{number}", published, where))
        return documents
    raise DocumentReadError(f"{path}: unsupported file type (expected .txt, .json or .jsonl)")


def decode_text(raw: bytes, where: str = "input") -> str:
    """Strict UTF-8, with a leading byte-order mark dropped."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentReadError(f"{where}: not valid UTF-8 (byte {error.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


def parse_date(value, where: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise DocumentReadError(f"{where}: 'published' must be a YYYY-MM-DD string")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DocumentReadError(f"{where}: 'published' is not a YYYY-MM-DD date: {value!r}") from None


def document_from_record(record, default_id: str, published: date | None, where: str) -> DocumentInput:
    if not isinstance(record, dict):
        raise DocumentReadError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise DocumentReadError(f"{where}: 'text' must be a string")
    if text.startswith("\ufeff"):
        text = text[1:]
    doc_id = record.get("id", default_id)
    if not isinstance(doc_id, str) or not doc_id:
        raise DocumentReadError(f"{where}: 'id' must be a non-empty string")
    extras = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise DocumentReadError(f"{where}: {name!r} must be a string")
        extras[name] = value
    own_date = parse_date(record.get("published"), where)
    return DocumentInput(id=doc_id, text=text, published=own_date or published, **extras)


def _files_under(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES),
            key=lambda p: p.as_posix(),
        )
    if path.is_file():
        return [path]
    raise DocumentReadError(f"{path}: no such file or folder")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentReadError(f"{path}: cannot read ({error.strerror})") from None


def _parse_json(text: str, where: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentReadError(f"{where}: malformed JSON ({error.msg} at line {error.lineno})") from None
