"""Zip packs: a distributor's archive, read entry by entry (gaoku.core.readers.packs)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from gaoku.core.readers import packs
from gaoku.core.readers.packs import is_pack, unpack
from gaoku.errors import ImportRejected
from tests.conftest import docx_bytes

LIMIT = 1024 * 1024


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _gbk_names(data: bytes, names: dict[str, str]) -> bytes:
    """As Chinese Windows writes a zip: names in GB18030 with no UTF-8 flag. ``names``
    maps an ASCII stand-in to the real name of the same length in bytes."""
    for ascii_name, name in names.items():
        encoded = name.encode("gb18030")
        assert len(encoded) == len(ascii_name)
        data = data.replace(ascii_name.encode(), encoded)
    return data


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_packs_files_come_in_order_with_the_folders_they_were_in(tmp_path):
    data = _zip(
        {
            "aaaa/bbbb.txt": "在全县工作会议上的讲话\n同志们：\n今天开会。".encode(),
            "aaaa/cccc.docx": docx_bytes("关于推进工作的报告\n正文。"),
            "__MACOSX/aaaa/._bbbb.txt": b"\x00\x05\x16\x07",
            ".DS_Store": b"\x00\x00\x00\x01Bud1",
            "aaaa/": b"",
        }
    )
    data = _gbk_names(data, {"aaaa": "讲话", "bbbb": "一号", "cccc": "二号"})
    path = _write(tmp_path, "材料包.zip", data)
    assert is_pack(path)
    files = list(unpack(path, max_bytes=LIMIT))
    assert [f.name for f in files] == ["材料包.zip/讲话/一号.txt", "材料包.zip/讲话/二号.docx"]
    assert all(f.error is None and f.data for f in files)


def test_an_office_file_is_no_pack(tmp_path):
    assert not is_pack(_write(tmp_path, "a.docx", docx_bytes("标题\n正文。")))
    assert not is_pack(_write(tmp_path, "a.zip", docx_bytes("标题\n正文。")))  # renamed
    assert not is_pack(_write(tmp_path, "a.txt", "讲话".encode()))


def test_entries_that_cannot_be_imported_say_why_beside_the_others(tmp_path):
    data = _zip(
        {
            "ok.txt": "正文。".encode(),
            "big.txt": random.Random(0).randbytes(LIMIT + 1),  # not held to the ratio
            "inner.zip": _zip({"a.txt": b"a"}),
            "secret.txt": b"abc",
        }
    )
    # The encryption flag, in the entry's local header and in the central directory.
    buffer = bytearray(data)
    for header, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := buffer.find(header, start)) != -1:
            name_at = start + (30 if header == b"PK\x03\x04" else 46)
            if buffer[name_at : name_at + 10] == b"secret.txt":
                buffer[start + flag_at] |= 0x1
            start += 4
    path = _write(tmp_path, "pack.zip", bytes(buffer))
    found = {f.name.split("/", 1)[1]: f for f in unpack(path, max_bytes=LIMIT)}
    assert found["ok.txt"].error is None
    assert found["big.txt"].error.code == "too_large"
    assert found["inner.zip"].error.code == "unsupported_format"
    assert found["secret.txt"].error.code == "encrypted"


def test_a_corrupt_pack_or_a_bomb_is_refused_whole(tmp_path, monkeypatch):
    with pytest.raises(ImportRejected) as info:
        list(unpack(_write(tmp_path, "bad.zip", b"PK\x03\x04broken"), max_bytes=LIMIT))
    assert info.value.code == "corrupt"
    monkeypatch.setattr(packs, "MAX_PACK_ENTRIES", 3)
    many = _write(tmp_path, "many.zip", _zip({f"{n}.txt": b"a" for n in range(4)}))
    with pytest.raises(ImportRejected) as info:
        list(unpack(many, max_bytes=LIMIT))
    assert info.value.code == "zip_bomb"
    bomb = _write(tmp_path, "bomb.zip", _zip({"zeros.txt": b"\0" * (8 * LIMIT)}))
    with pytest.raises(ImportRejected) as info:
        list(unpack(bomb, max_bytes=16 * LIMIT))
    assert info.value.code == "zip_bomb"
