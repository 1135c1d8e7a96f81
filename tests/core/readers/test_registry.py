"""The registry: choosing a reader, size limits, paths, and only ImportRejected escaping."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaoku.core.readers import (
    DEFAULT_MAX_BYTES,
    READERS,
    ReadResult,
    messages,
    pick_reader,
    read_bytes,
    read_path,
)
from gaoku.core.readers import ocr as ocr_module
from gaoku.errors import ImportRejected

from .reader_files import SPEECH, SPEECH_TEXT, pdf_bytes


def docx_bytes() -> bytes:
    document = docx.Document()
    for paragraph in SPEECH:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "县委办"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_every_format_has_one_reader() -> None:
    assert sorted(reader.format for reader in READERS) == [
        "docx",
        "image",
        "markdown",
        "pdf",
        "txt",
    ]


def test_over_the_limit_is_too_large_with_the_limit_in_megabytes() -> None:
    with pytest.raises(ImportRejected) as caught:
        read_bytes(b"x" * (1024 * 1024 + 1), max_bytes=1024 * 1024)
    assert caught.value.code == "too_large"
    assert caught.value.message == messages.TOO_LARGE.format(limit_mb=1)
    assert "1 MB" in caught.value.message


def test_default_limit_is_twenty_megabytes() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    assert messages.TOO_LARGE.format(limit_mb=DEFAULT_MAX_BYTES / 1024 / 1024).count("20 MB") == 1


def test_read_path_checks_the_size_before_reading(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "大文件.txt"
    with big.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: costs no disk

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(ImportRejected) as caught:
        read_path(big)
    assert caught.value.code == "too_large"


def test_read_path_reads_a_file_and_uses_its_name(tmp_path: Path) -> None:
    path = tmp_path / "讲话稿.md"
    path.write_bytes(("# " + "\n\n".join(SPEECH)).encode("gb18030"))
    result = read_path(path)
    assert result == ReadResult(SPEECH_TEXT, "markdown", "gb18030", False)


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    missing = tmp_path / "不存在.docx"
    with pytest.raises(ImportRejected) as caught:
        read_path(missing)
    assert caught.value.code == "unreadable"
    assert caught.value.message == messages.UNREADABLE.format(path=missing)


@pytest.mark.parametrize(
    "data",
    [b"GIF89a\x01\x00\x01\x00", b"\x7fELF\x02\x01\x01", b"PK\x03\x04" + bytes(40)],
    ids=["gif", "elf", "bare-zip"],
)
def test_unknown_binary_formats_are_unsupported(data: bytes) -> None:
    with pytest.raises(ImportRejected) as caught:
        read_bytes(data, name="文件.bin")
    assert (caught.value.code, caught.value.message) == (
        "unsupported_format",
        messages.UNSUPPORTED_FORMAT,
    )


def test_content_decides_and_extension_only_breaks_ties() -> None:
    text = SPEECH_TEXT.encode()
    assert pick_reader(text, "讲话.md").format == "markdown"
    assert pick_reader(text, "讲话.txt").format == "txt"
    assert pick_reader(text, "讲话.docx").format == "txt"
    assert pick_reader(docx_bytes(), "讲话.txt").format == "docx"
    assert pick_reader(pdf_bytes([[(72, SPEECH[1])]]), "").format == "pdf"


def _mutations(data: bytes):
    positions = st.integers(min_value=0, max_value=len(data) - 1)
    return st.one_of(
        positions.map(lambda cut: data[:cut]),
        st.tuples(positions, st.binary(min_size=1, max_size=16)).map(
            lambda edit: data[: edit[0]] + edit[1] + data[edit[0] + len(edit[1]) :]
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.sampled_from(["docx", "pdf"]).flatmap(
        lambda kind: _mutations(docx_bytes() if kind == "docx" else pdf_bytes([[(72, SPEECH[2])]]))
    )
)
def test_damaged_files_raise_only_import_rejected(data: bytes, monkeypatch_ocr_off) -> None:
    try:
        result = read_bytes(data, name="材料")
    except ImportRejected as rejected:
        assert rejected.code and rejected.message
    else:
        assert "\r" not in result.text and result.text.strip()


@pytest.fixture(scope="module")
def monkeypatch_ocr_off():
    """Fuzzed PDFs often lose their text layer; OCR'ing each would only slow the test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ocr_module, "is_available", lambda **kwargs: False)
        yield


@settings(max_examples=200, deadline=None)
@given(
    data=st.binary(min_size=1, max_size=2000),
    name=st.sampled_from(["", "a.txt", "a.md", "a.docx", "a.doc", "a.pdf", "a.png"]),
)
def test_arbitrary_bytes_raise_only_import_rejected(data: bytes, name: str) -> None:
    try:
        result = read_bytes(data, name=name)
    except ImportRejected as rejected:
        assert rejected.code and rejected.message
    else:
        assert "\r" not in result.text and result.text.strip()
