"""`gaoku trace`: the contract, the leaker named, unknown text and bad files."""

from __future__ import annotations

import json

from gaoku.core.generator import generate_document
from tests.cli.conftest import gaoku, imported


def test_trace_prints_the_contract_and_names_the_leaker(data, tmp_path):
    material = imported(data, tmp_path, 303)
    assert gaoku(data, "member", "add", "qian", "--plan", "annual").returncode == 0
    target = tmp_path / "leak.docx"
    args = ("copy", str(material), "--member", "qian", "--format", "docx", "-o", str(target))
    assert gaoku(data, *args).returncode == 0
    result = gaoku(data, "trace", str(target), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == [
        "material",
        "version",
        "matched_chars",
        "candidates",
        "layers",
        "accused",
        "suspects",
        "segments",
    ]
    assert (out["material"], out["version"], out["candidates"]) == (material, 1, 1)
    (segment,) = out["segments"]
    assert list(segment) == [
        "start",
        "end",
        "material",
        "version",
        "matched_chars",
        "candidates",
        "accused",
        "suspects",
    ]
    assert (segment["material"], segment["accused"]) == (material, out["accused"])
    assert [a["member"] for a in out["accused"]] == ["qian"]
    assert set(out["accused"][0]) == {"member", "score", "false_accusation_bound"}
    assert out["accused"][0]["false_accusation_bound"] <= 1e-6
    plain = gaoku(data, "trace", str(target))
    assert "qian" in plain.stdout and plain.returncode == 0


def test_trace_of_unknown_text_says_so_and_bad_input_is_one_line(data, tmp_path):
    unknown = tmp_path / "unknown.txt"
    unknown.write_text(generate_document(909).text, encoding="utf-8")
    out = json.loads(gaoku(data, "trace", str(unknown), "--json").stdout)
    assert out["material"] is None and out["accused"] == [] and out["segments"] == []
    missing = gaoku(data, "trace", str(tmp_path / "nope.pdf"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n garbage")
    failed = gaoku(data, "trace", str(corrupt), "--json")
    assert failed.returncode == 1 and failed.stderr.startswith("gaoku: ")
    assert json.loads(failed.stdout)["error"]["code"] == "corrupt"
