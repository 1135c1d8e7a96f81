from gaoku.core.search.snippet import snippet

TEXT = (
    "同志们：\n今天召开全县机关党建工作会议。" + "会议内容很多。" * 30 + "\n"
    "要压实主体责任，落实一岗双责，发挥党员表率作用。" + "其他事项。" * 30
)


def test_the_snippet_is_where_most_distinct_words_are_and_marks_them():
    found = snippet(TEXT, ["主体责任", "一岗双责", "表率"])
    assert found.text.startswith("…要压实主体责任")
    assert [found.text[s:e] for s, e in found.marks] == ["主体责任", "一岗双责", "表率"]
    assert found.text.endswith("…")
    assert len(found.text) <= 122


def test_words_match_across_width_and_case():
    found = snippet("全年ＧＤＰ增长较快。", ["gdp"])
    assert [found.text[s:e] for s, e in found.marks] == ["ＧＤＰ"]


def test_without_a_match_the_snippet_is_the_beginning():
    found = snippet(TEXT, ["乡村振兴"])
    assert found.text.startswith("同志们： 今天召开") and found.marks == ()


def test_pieces_alternate_text_and_marks():
    found = snippet("落实主体责任。", ["主体责任"])
    assert found.pieces() == [("落实", False), ("主体责任", True), ("。", False)]
