"""`gaoku init | import | materials`, and help for every command."""

from __future__ import annotations

import json
from pathlib import Path

from gaoku.cli import main
from gaoku.core.generator import generate_document
from tests.cli.conftest import gaoku
from tests.conftest import docx_bytes


def test_init_again_keeps_the_admin(data):
    result = gaoku(data, "init", "--json")
    assert json.loads(result.stdout)["admin"]["password"] is None


def test_import_prints_the_contract(data, tmp_path):
    doc = generate_document(5, doc_type="讲话稿")
    path = tmp_path / "speech.txt"
    path.write_bytes(doc.wrapped.encode("gbk", errors="strict"))
    result = gaoku(
        data, "import", str(path), "--topic", "机关党建", "--published", "2021-05-04", "--json"
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["errors"] == []
    [entry] = out["imported"]
    assert entry == {
        "material": entry["material"],
        "version": 1,
        "title": doc.outline["title"],
        "chars": len(doc.text.replace("\n", "")),
        "removed_lines": list(doc.wrapper_lines),
        "outline": doc.outline,
        "placeholders": list(doc.placeholders),
        "dated_references": list(doc.dated_references),
    }
    assert isinstance(entry["material"], int)
    shown = json.loads(gaoku(data, "materials", "show", str(entry["material"]), "--json").stdout)
    assert shown["text"] == doc.text
    assert shown["topics"] == ["机关党建"]
    assert shown["published"] == "2021-05-04"
    listed = json.loads(gaoku(data, "materials", "list", "--json").stdout)
    assert entry["material"] in [m["material"] for m in listed["materials"]]


def test_folder_import_keeps_going_past_bad_files(data, tmp_path):
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    for seed in range(20, 24):
        (folder / f"{seed}.txt").write_text(generate_document(seed).wrapped, encoding="utf-8")
    (folder / "sub" / "good.docx").write_bytes(docx_bytes(generate_document(30).text))
    (folder / "sub" / "corrupt.docx").write_bytes(b"PK\x03\x04garbage")
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden.txt").write_text("ignored")
    result = gaoku(data, "import", str(folder), str(tmp_path / "missing.txt"), "--json")
    assert result.returncode == 1
    assert "3" in result.stderr.strip().splitlines()[-1]
    out = json.loads(result.stdout)
    assert len(out["imported"]) == 5
    assert sorted(Path(e["path"]).name for e in out["errors"]) == [
        "corrupt.docx",
        "empty.txt",
        "missing.txt",
    ]
    assert all(e["error"] for e in out["errors"])


def test_a_folder_is_one_batch_whose_shared_wrapper_leaves_every_document(data, tmp_path):
    # A column line a source puts in every document, which no rule knows: the library
    # alone would learn it from the third document on.
    folder = tmp_path / "source"
    folder.mkdir()
    for seed in (361, 362, 363):
        lines = generate_document(seed).text.split("\n")
        middle = len(lines) // 2
        text = "\n".join([*lines[:middle], "乡村振兴专栏", *lines[middle:]])
        (folder / f"{seed}.txt").write_text(text, encoding="utf-8")
    result = gaoku(data, "import", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout)["imported"]
    assert [entry["removed_lines"] for entry in imported] == [["乡村振兴专栏"]] * 3


def test_a_folder_imported_again_is_found_unchanged(data, tmp_path):
    """The second run is what an editor does after a crash: what the first stored is
    unchanged, and what it kept of its reads is gone once it is done."""
    folder = tmp_path / "source"
    folder.mkdir()
    shared = "坚持党建引领 夯实基层基础"  # two documents hold it: no source's wrapper
    for seed in (365, 366):
        lines = generate_document(seed).text.split("\n")
        (folder / f"{seed}.txt").write_text("\n".join([lines[0], shared, *lines[1:]]), "utf-8")
    first = gaoku(data, "import", str(folder), "--json")
    assert first.returncode == 0, first.stderr
    assert not (data / "import-reads").exists()
    again = gaoku(data, "import", str(folder))
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("未改变") == 2, again.stdout


def test_a_zip_pack_is_unpacked_and_its_files_are_one_batch(data, tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as pack:
        for seed in (381, 382, 383):
            lines = generate_document(seed).text.split("\n")
            middle = len(lines) // 2
            text = "\n".join([*lines[:middle], "一线传真", *lines[middle:]])
            pack.writestr(f"讲话/{seed}.txt", text.encode("gb18030"))
        pack.writestr("讲话/坏.docx", b"PK\x03\x04garbage")
    (tmp_path / "材料包.zip").write_bytes(buffer.getvalue())
    result = gaoku(data, "import", str(tmp_path / "材料包.zip"), "--json")
    assert result.returncode == 1
    out = json.loads(result.stdout)
    assert [entry["removed_lines"] for entry in out["imported"]] == [["一线传真"]] * 3
    assert [e["path"] for e in out["errors"]] == [str(tmp_path / "材料包.zip" / "讲话" / "坏.docx")]


def test_errors_are_one_line_on_stderr(data):
    result = gaoku(data, "materials", "show", "424242", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "error": {"code": "not_found", "message": "资料 424242 不存在。"}
    }
    assert result.stderr.strip() == "gaoku: 资料 424242 不存在。"
    bad_date = gaoku(data, "import", "x.txt", "--published", "2021-13-01")
    assert bad_date.returncode == 1
    assert "YYYY-MM-DD" in bad_date.stderr


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


def test_every_command_has_help():
    for path, command in _commands(main):
        assert command.help, f"gaoku {' '.join(path)} has no help"
        if not hasattr(command, "commands"):
            assert "--data" in [opt for p in command.params for opt in p.opts], path


def test_stale_lists_a_materials_out_of_date_references(data, tmp_path):
    from tests.core.test_staleness import TEMPLATE_2020

    path = tmp_path / "2020.txt"
    path.write_text("关于做好2020年重点工作的讲话\n同志们：\n" + TEMPLATE_2020, encoding="utf-8")
    imported = json.loads(gaoku(data, "import", str(path), "--json").stdout)["imported"][0]
    one = gaoku(data, "stale", str(imported["material"]), "--json")
    assert one.returncode == 0, one.stderr
    rows = json.loads(one.stdout)["materials"]
    assert [r["material"] for r in rows] == [imported["material"]]
    stale = rows[0]["stale"]
    assert {"text", "start", "end", "why", "suggestion"} == set(stale[0])
    assert {"十九大": "二十大"}.items() <= {s["text"]: s["suggestion"] for s in stale}.items()
    every = json.loads(gaoku(data, "stale", "--json").stdout)["materials"]
    assert imported["material"] in [r["material"] for r in every]
    missing = gaoku(data, "stale", "999999", "--json")
    assert missing.returncode == 1 and json.loads(missing.stdout)["error"]["code"] == "not_found"
