"""Line breaking: kinsoku, mark runs that never lead a line, Latin words kept whole."""

from __future__ import annotations

import pytest

from gaoku.core.render.blocks import Role, blocks
from gaoku.core.render.fonts import INVISIBLE, load_fonts
from gaoku.core.render.lines import NO_END, NO_START, Style, break_lines, tokenize
from gaoku.core.render.pdf import BLOCK_WIDTH, INDENT, STYLES
from gaoku.core.text import MARK_ALPHABET

# 16 pt without tracking: CJK characters 16 pt wide, digits and Latin letters 8 pt.
BODY = Style("song", 16.0)
WIDTH = 160.0  # ten CJK characters
MARKS = MARK_ALPHABET + MARK_ALPHABET[:3]


def lines_of(text: str, first_width: float = WIDTH) -> list[str]:
    tokens = tokenize(text, BODY, load_fonts(), WIDTH)
    lines = break_lines(tokens, first_width, WIDTH)
    return ["".join(t.text for t in line.tokens) for line in lines]


def test_a_line_never_starts_with_closing_punctuation() -> None:
    assert lines_of("一二三四五六七八九十，后面的字。") == ["一二三四五六七八九", "十，后面的字。"]


def test_closing_punctuation_in_a_row_moves_together() -> None:
    assert lines_of("一二三四五六七八九“十。”后面") == ["一二三四五六七八九", "“十。”后面"]


def test_a_line_never_ends_with_an_opening_bracket() -> None:
    assert lines_of("一二三四五六七八九《十》后面") == ["一二三四五六七八九", "《十》后面"]


def test_a_mark_run_stays_with_the_punctuation_before_it() -> None:
    lines = lines_of("一二三四五六七八九，" + MARKS + "后面")
    assert lines == ["一二三四五六七八九，" + MARKS, "后面"]
    lines = lines_of("一二三四五六七八九十" + MARKS + "，后面")
    assert lines == ["一二三四五六七八九", "十" + MARKS + "，后面"]


def test_marks_that_open_a_paragraph_join_its_first_token() -> None:
    tokens = tokenize(MARKS + "开头" + MARKS, BODY, load_fonts(), WIDTH)
    assert [t.text for t in tokens] == [MARKS + "开", "头" + MARKS]
    assert [t.width for t in tokens] == [16.0, 16.0]
    assert [t.text for t in tokenize(MARKS, BODY, load_fonts(), WIDTH)] == [MARKS]


def test_latin_words_and_numbers_are_kept_whole() -> None:
    assert lines_of("一二三四五六七八 2017年") == ["一二三四五六七八 ", "2017年"]
    assert lines_of("一二三四五六七八九 COVID-19" + MARKS + "疫情") == [
        "一二三四五六七八九 ",
        "COVID-19" + MARKS + "疫情",
    ]


def test_a_word_longer_than_a_line_is_cut_by_character() -> None:
    lines = lines_of("x" * 45)
    assert lines == ["x" * 20, "x" * 20, "x" * 5]


@pytest.mark.parametrize("text", ["", MARKS])
def test_a_paragraph_without_visible_text_has_at_most_one_line(text: str) -> None:
    assert lines_of(text) == ([text] if text else [])


def test_every_line_of_the_speech_keeps_the_rules(speech_copy) -> None:
    fonts = load_fonts()
    checked = 0
    for block in blocks(speech_copy.text):
        if block.role in (Role.TITLE, Role.SUBTITLE):
            continue
        tokens = tokenize(block.head, STYLES[block.role], fonts, BLOCK_WIDTH)
        tokens += tokenize(block.rest, STYLES[Role.BODY], fonts, BLOCK_WIDTH)
        lines = break_lines(tokens, BLOCK_WIDTH - INDENT, BLOCK_WIDTH)
        assert "".join(t.text for line in lines for t in line.tokens) == block.text
        for n, line in enumerate(lines):
            text = "".join(t.text for t in line.tokens)
            assert line.width <= (BLOCK_WIDTH - INDENT if n == 0 else BLOCK_WIDTH) + 0.01
            if n:
                assert text[0] not in NO_START and text[0] not in INVISIBLE, text
            if not line.last:
                assert text.rstrip(INVISIBLE)[-1] not in NO_END, text
            checked += 1
    assert checked > 150
