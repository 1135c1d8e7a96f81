"""`gaoku search` and `gaoku reindex` as a user runs them."""

import json

from gaoku.core.generator import generate_document
from gaoku.core.originality import sentences
from tests.cli.conftest import gaoku, imported


def test_search_prints_the_contract_document_and_reindex_rebuilds(data, tmp_path):
    material = imported(data, tmp_path, seed=31)
    title = generate_document(31).text.split("\n", 1)[0]
    result = gaoku(data, "search", f'"{title}"', "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["query"] == f'"{title}"'
    assert document["total"] == 1
    [found] = document["results"]
    assert set(found) == {"material", "version", "title", "score", "snippet"}
    assert (found["material"], found["version"], found["title"]) == (material, 1, title)
    assert title in found["snippet"]

    result = gaoku(data, "reindex", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["indexed"] >= 1
    again = json.loads(gaoku(data, "search", f'"{title}"', "--json").stdout)
    assert again["results"][0]["material"] == material


def test_a_bad_query_is_one_line_on_stderr(data):
    result = gaoku(data, "search", "NOT 党建", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"]["code"] == "invalid_query"
    assert result.stderr.strip() == (
        "gaoku: 至少需要一个要查找的词：只有排除词（-词 或 NOT 词）的查询找不到任何资料。"
    )


def test_gaoku_check_prints_the_contract_document(data, tmp_path):
    material = imported(data, tmp_path, seed=33)
    text = generate_document(33).text
    copied = [s.text for s in sentences(text) if len(s.text) > 25][:2]
    path = tmp_path / "draft.txt"
    draft = "我们村今年新修了三条水泥路，群众出行方便了许多。\n" + "".join(copied)
    path.write_text(draft, encoding="utf-8")
    result = gaoku(data, "check", str(path), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [s["text"] for s in document["sentences"]] == copied
    assert {src["material"] for s in document["sentences"] for src in s["sources"]} == {material}
