"""Reads kept until an import is done (gaoku.core.readers.kept)."""

from __future__ import annotations

import pytest

from gaoku.core.readers import kept as kept_module
from gaoku.core.readers.kept import KeptReads
from gaoku.errors import ImportRejected

TEXT = "在全镇安全生产会议上的讲话\n同志们：\n要抓好落实。"


def _counting(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = kept_module.read_bytes

    def counted(data, **kwargs):
        calls.append(kwargs["name"])
        return real(data, **kwargs)

    monkeypatch.setattr(kept_module, "read_bytes", counted)
    return calls


def test_a_file_read_once_is_not_read_again(tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    path = tmp_path / "讲话.txt"
    path.write_text(TEXT, encoding="gb18030")
    first = KeptReads(tmp_path / "kept").read_path(path)
    again = KeptReads(tmp_path / "kept").read_path(path)  # a run after a crash
    assert first == again and first.encoding == "gb18030"
    assert calls == ["讲话.txt"]


def test_the_same_bytes_under_another_kind_of_name_are_read_again(tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    kept = KeptReads(tmp_path / "kept")
    kept.read_bytes(TEXT.encode(), name="a.txt")
    kept.read_bytes(TEXT.encode(), name="b.txt")
    kept.read_bytes(TEXT.encode(), name="a.md")  # Markdown or plain text: the name decides
    assert calls == ["a.txt", "a.md"]


def test_a_read_cut_short_by_a_crash_is_read_again(tmp_path, monkeypatch):
    kept = KeptReads(tmp_path / "kept")
    kept.read_bytes(TEXT.encode(), name="a.txt")
    [stored] = (tmp_path / "kept").iterdir()
    stored.write_text('{"text": "在全镇', encoding="utf-8")
    calls = _counting(monkeypatch)
    assert kept.read_bytes(TEXT.encode(), name="a.txt").text == TEXT
    assert calls == ["a.txt"]


def test_a_file_that_cannot_be_read_keeps_nothing_and_clear_forgets_all(tmp_path):
    kept = KeptReads(tmp_path / "kept")
    with pytest.raises(ImportRejected):
        kept.read_bytes(b"", name="empty.txt")
    assert not (tmp_path / "kept").exists()
    kept.read_bytes(TEXT.encode(), name="a.txt")
    kept.clear()
    assert not (tmp_path / "kept").exists()
