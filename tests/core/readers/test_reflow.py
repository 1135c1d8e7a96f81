"""Reflow of visual lines into paragraphs, and the spacing rules for CJK text."""

from __future__ import annotations

import pytest

from gaoku.core.readers.pdf import text_lines
from gaoku.core.readers.reflow import Line, reflow, squeeze_spaces

FULL_A = "各级党组织要切实担负起主体责任，把基层治理工作摆"
FULL_B = "上重要议事日程，定期研究解决工作中遇到的突出问题"
FULL_C = "要坚持问题导向，聚焦群众反映强烈的急难愁盼问题，"


def lines(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


def test_wrapped_lines_join_without_space() -> None:
    assert reflow([lines(FULL_A, FULL_B, "。")]) == [FULL_A + FULL_B + "。"]


@pytest.mark.parametrize("ending", ["。", "！", "？", "：", "；", "。”", "？）"])
def test_sentence_end_at_line_end_closes_the_paragraph(ending: str) -> None:
    first = FULL_A[: -len(ending)] + ending
    assert reflow([lines(first, FULL_B)]) == [first, FULL_B]


def test_closing_quote_of_a_term_does_not_close_the_paragraph() -> None:
    first = FULL_A[:-6] + "“枫桥经验”"
    assert reflow([lines(first, FULL_B)]) == [first + FULL_B]


def test_short_line_closes_the_paragraph() -> None:
    assert reflow([lines(FULL_A, FULL_B, FULL_C, "压实工作任务", FULL_B)]) == [
        FULL_A + FULL_B + FULL_C + "压实工作任务",
        FULL_B,
    ]


@pytest.mark.parametrize(
    "heading",
    ["一、总体要求", "（二）主要任务", "第三，强化保障", "第一部分", "1.加强领导", "（1）明确分工"],
)
def test_heading_marker_opens_a_paragraph(heading: str) -> None:
    assert reflow([lines(FULL_A, heading + FULL_B[len(heading) :])])[1].startswith(heading)


def test_decimal_number_is_not_a_heading() -> None:
    assert reflow([lines(FULL_A, "1.5亿元" + FULL_B[5:])]) == [FULL_A + "1.5亿元" + FULL_B[5:]]


def test_indented_line_opens_a_paragraph() -> None:
    assert reflow([[Line(FULL_A), Line(FULL_B, indented=True)]]) == [FULL_A, FULL_B]


def test_page_numbers_at_page_edges_are_dropped_and_paragraph_crosses_pages() -> None:
    pages = [lines("- 1 -", FULL_A, FULL_B, FULL_C, "第1页 共2页"), lines(FULL_B + "。", "2/2")]
    assert reflow(pages) == [FULL_A + FULL_B + FULL_C + FULL_B + "。"]


def test_number_in_the_middle_of_a_page_is_kept() -> None:
    page = lines(FULL_A + "。", FULL_B + "。", "2023", FULL_C + "。", FULL_A + "。", FULL_B + "。")
    assert "2023" in reflow([page])


def test_latin_words_split_across_lines_keep_a_space() -> None:
    assert reflow([lines("The county adopted the grid management", "plan in 2023.")]) == [
        "The county adopted the grid management plan in 2023."
    ]


def test_squeeze_spaces_removes_spaces_next_to_cjk_only() -> None:
    assert squeeze_spaces("  2023 年 GDP 增长 5%，  Grid   plan  ") == "2023年GDP增长5%，Grid plan"


def test_text_lines_marks_indentation_relative_to_the_margin() -> None:
    page = "      标题居中\n  首行缩进的段落\n正文续行\n\u3000\u3000全角缩进\n"
    assert text_lines(page) == [
        Line("标题居中", True),
        Line("首行缩进的段落", True),
        Line("正文续行", False),
        Line("全角缩进", True),
    ]
