from hypothesis import given
from hypothesis import strategies as st

from gaoku.core.text import han_count, normalize, paragraphs


def test_normalize_drops_indentation_blank_lines_and_invisible_marks():
    raw = "\ufeff在全县会议上的讲话\r\n\r\n　　同志们：\u200b\r\n\t今天召开会议。  \n\n\n"
    assert normalize(raw) == "在全县会议上的讲话\n同志们：\n今天召开会议。"


def test_normalize_keeps_full_width_punctuation():
    assert (
        normalize("一、提高站位，强化担当；（一）抓落实！")
        == "一、提高站位，强化担当；（一）抓落实！"
    )


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert "" not in once.split("\n") or once == ""


def test_paragraphs_and_han_count():
    text = "第一段。\n第二段，有2个词。"
    assert paragraphs(text) == ["第一段。", "第二段，有2个词。"]
    assert han_count(text) == 9
