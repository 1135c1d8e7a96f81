"""`gaoku copy`: the contract, the member's entitlement, clean failures."""

from __future__ import annotations

import json

from tests.cli.conftest import gaoku, imported


def test_copy_prints_the_contract_and_writes_a_marked_file(data, tmp_path):
    material = imported(data, tmp_path, 301)
    assert gaoku(data, "member", "add", "zhao", "--plan", "annual").returncode == 0
    target = tmp_path / "copy.txt"
    args = ("copy", str(material), "--member", "zhao", "--format", "txt", "-o", str(target))
    result = gaoku(data, *args, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out == {
        "copy": out["copy"],
        "material": material,
        "version": 1,
        "member": "zhao",
        "format": "txt",
        "path": str(target),
    }
    text = target.read_text(encoding="utf-8-sig")
    assert "仅供学习 禁止外传" in text
    again = json.loads(gaoku(data, *args, "--json").stdout)
    assert again["copy"] == out["copy"] + 1
    pdf = tmp_path / "copy.pdf"
    result = gaoku(
        data, "copy", str(material), "--member", "zhao", "--format", "pdf", "-o", str(pdf)
    )
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_copy_is_refused_without_entitlement_and_writes_nothing(data, tmp_path):
    material = imported(data, tmp_path, 302)
    assert gaoku(data, "member", "add", "qian").returncode == 0
    target = tmp_path / "refused.txt"
    result = gaoku(
        data, "copy", str(material), "--member", "qian", "--format", "txt", "-o", str(target)
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "会员资格" in result.stderr
    assert list(tmp_path.glob("*refused*")) == []


def test_copy_errors_are_one_line(data, tmp_path):
    missing = gaoku(
        data, "copy", "999999", "--member", "zhao", "--format", "txt", "-o", str(tmp_path / "x")
    )
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    nobody = gaoku(
        data, "copy", "1", "--member", "nobody", "--format", "txt", "-o", str(tmp_path / "x")
    )
    assert nobody.returncode == 1 and "nobody" in nobody.stderr
    unwritable = gaoku(
        data, "copy", "1", "--member", "zhao", "--format", "txt", "-o", "/proc/gaoku/x.txt"
    )
    assert unwritable.returncode == 1 and unwritable.stderr.count("\n") == 1


def test_with_json_an_error_is_also_the_one_document_on_stdout(data, tmp_path):
    args = ("copy", "999999", "--member", "zhao", "--format", "txt", "-o", str(tmp_path / "x"))
    result = gaoku(data, *args, "--json")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    document = json.loads(result.stdout)
    assert document["error"]["code"] == "not_found"
    assert document["error"]["message"] in result.stderr
    unwritable = gaoku(
        data, "copy", "1", "--member", "zhao", "--format", "txt", "-o", "/proc/x/y", "--json"
    )
    assert json.loads(unwritable.stdout)["error"]["code"] in ("unwritable", "not_found")
