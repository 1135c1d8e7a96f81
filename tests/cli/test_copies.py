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


def test_localize_fills_the_template_and_prints_the_copy_contract(data, tmp_path):
    template = tmp_path / "template.txt"
    template.write_text(
        "在XX县20XX年安全生产工作会议上的讲话\n同志们：\n"
        "今年，X部长带领大家深入学习党的十九大精神。各乡镇要压实责任，抓好落实。\n谢谢大家！",
        encoding="utf-8",
    )
    result = gaoku(data, "import", str(template), "--json")
    assert result.returncode == 0, result.stderr
    material = json.loads(result.stdout)["imported"][0]["material"]
    assert gaoku(data, "member", "add", "sun", "--plan", "annual").returncode == 0
    target = tmp_path / "local.txt"
    result = gaoku(
        data, "localize", str(material), "--member", "sun", "--format", "txt",
        "-o", str(target), "--fill", "XX县=清溪县", "--fill", "X部长=王部长",
        "--year", "2026", "--update", "十九大", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"copy", "material", "version", "member", "format", "path"}
    text = target.read_text(encoding="utf-8-sig")
    assert "清溪县2026年安全生产工作会议" in text and "王部长" in text and "二十大" in text
    bad = gaoku(
        data, "localize", str(material), "--member", "sun", "--format", "txt",
        "-o", str(tmp_path / "bad.txt"), "--fill", "XX县",
    )  # fmt: skip
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "--fill" in bad.stderr
