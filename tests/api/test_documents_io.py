"""Reading .txt/.json/.jsonl article files (CONTRACT §2 "Input files")."""
from __future__ import annotations

from datetime import date

import pytest

from api.documents_io import DocumentReadError, read_documents


def test_a_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second")
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "notes.md").write_text("ignored")
    docs = read_documents([tmp_path])
    assert [(d.id, d.text) for d in docs] == [("a", "first"), ("2", "second")]


def test_a_byte_order_mark_is_dropped_and_newlines_kept(tmp_path):
    (tmp_path / "x.txt").write_bytes("\ufeffline one\r\nline two".encode("utf-8"))
    [doc] = read_documents([tmp_path / "x.txt"])
    assert doc.text == "line one\r\nline two"


def test_json_fields_and_the_published_default(tmp_path):
    (tmp_path / "x.json").write_text('{"text": "t", "title": "T", "url": "u", "source": "s"}')
    (tmp_path / "y.json").write_text('{"text": "t2", "published": "2023-05-03"}')
    x, y = read_documents([tmp_path], published=date(2020, 1, 1))
    assert (x.id, x.title, x.url, x.source, x.published) == ("x", "T", "u", "s", date(2020, 1, 1))
    assert y.published == date(2023, 5, 3)


def test_jsonl_ids_come_from_the_record_or_the_line_number(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"text": "a", "id": "first"}\n\n{"text": "b"}\n')
    assert [d.id for d in read_documents([tmp_path])] == ["first", "feed-3"]


@pytest.mark.parametrize("name, content", [
    ("bad.txt", b"\xff\xfe\x00caf\xe9"),
    ("bad.json", b'{"text": '),
    ("bad2.json", b'{"title": "no text"}'),
    ("bad3.json", b'{"text": "t", "published": "May 3"}'),
    ("bad.jsonl", b'{"text": "ok"}\n[1, 2]\n'),
    ("bad.csv", b"text\nx\n"),
])
def test_unusable_input_raises_one_clear_error_naming_the_file(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DocumentReadError, match=name.split(".")[0]):
        read_documents([tmp_path / name])


def test_a_missing_path_is_an_error(tmp_path):
    with pytest.raises(DocumentReadError, match="no such file"):
        read_documents([tmp_path / "absent"])
