"""`gaoku report add|confirm|reject`: the contracts, the reward and the suspension."""

from __future__ import annotations

import json

from tests.cli.conftest import gaoku, imported


def test_a_report_is_filed_traced_and_confirmed_from_the_command_line(data, tmp_path):
    material = imported(data, tmp_path, 311)
    for name in ("leaker1", "reporter1"):
        assert gaoku(data, "member", "add", name, "--plan", "annual").returncode == 0
    leak = tmp_path / "leak.docx"
    copy = ("copy", str(material), "--member", "leaker1", "--format", "docx", "-o", str(leak))
    assert gaoku(data, *copy).returncode == 0
    result = gaoku(
        data, "report", "add", str(leak), "--by", "reporter1", "--where", "某店", "--json"
    )
    assert result.returncode == 0, result.stderr
    filed = json.loads(result.stdout)
    assert set(filed) == {"report", "state", "trace"}
    assert filed["state"] == "traced" and isinstance(filed["trace"], int)
    refused = gaoku(data, "report", "confirm", str(filed["report"]), "--by", "reporter1")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    result = gaoku(data, "report", "confirm", str(filed["report"]), "--by", "admin", "--json")
    assert result.returncode == 0, result.stderr
    decided = json.loads(result.stdout)
    assert decided == {
        "report": filed["report"],
        "state": "confirmed",
        "grant": {"member": "reporter1", "days": 365},
    }
    shown = json.loads(gaoku(data, "member", "show", "leaker1", "--json").stdout)
    assert shown["active"] is False
    again = gaoku(data, "report", "reject", str(filed["report"]), "--by", "admin", "--reason", "x")
    assert again.returncode == 1 and "已经处理过" in again.stderr


def test_a_report_of_unrelated_text_is_rejected_with_a_reason(data, tmp_path):
    assert gaoku(data, "member", "add", "reporter2").returncode == 0
    text = tmp_path / "unrelated.txt"
    text.write_text("与资料库无关的一段文字，用来测试举报的驳回。" * 20, encoding="utf-8")
    filed = json.loads(
        gaoku(data, "report", "add", str(text), "--by", "reporter2", "--json").stdout
    )
    assert filed["state"] == "traced"
    result = gaoku(
        data, "report", "reject", str(filed["report"]), "--by", "admin",
        "--reason", "证据与资料库无关", "--json",
    )  # fmt: skip
    assert json.loads(result.stdout) == {
        "report": filed["report"],
        "state": "rejected",
        "grant": None,
    }
