"""Paragraph roles of a copy: title, subtitles, headings (first sentence only) and body."""

from __future__ import annotations

from gaoku.core.generator import generate_document
from gaoku.core.render.blocks import Block, Role, blocks
from gaoku.core.text import MARK_ALPHABET

from .copies import marked

MARKS = MARK_ALPHABET + MARK_ALPHABET[:3]


def test_title_subtitles_headings_and_body() -> None:
    text = (
        "在全县基层治理工作会议上的讲话\n——在全县基层治理工作推进会上\n（2023年3月15日）\n"
        "同志们：\n一、提高站位\n（一）加强领导。各单位要重视。\n第一，要压实责任。\n"
        "1.细化分工。\n正文。"
    )
    assert blocks(text) == [
        Block(Role.TITLE, "在全县基层治理工作会议上的讲话"),
        Block(Role.SUBTITLE, "——在全县基层治理工作推进会上"),
        Block(Role.SUBTITLE, "（2023年3月15日）"),
        Block(Role.BODY, "同志们："),
        Block(Role.HEADING1, "一、提高站位"),
        Block(Role.HEADING2, "（一）加强领导。", "各单位要重视。"),
        Block(Role.HEADING1, "第一，要压实责任。"),
        Block(Role.BODY, "1.细化分工。"),
        Block(Role.BODY, "正文。"),
    ]


def test_marks_do_not_change_the_roles_and_stay_with_the_heading() -> None:
    text = generate_document(11, doc_type="工作报告").text
    plain, copy = blocks(text), blocks(marked(text))
    assert [b.role for b in copy] == [b.role for b in plain]
    assert "\n".join(b.text for b in copy) == marked(text)
    assert blocks("标题\n" + MARKS + "（一）加强领导。" + MARKS + "各单位") == [
        Block(Role.TITLE, "标题"),
        Block(Role.HEADING2, MARKS + "（一）加强领导。" + MARKS, "各单位"),
    ]


def test_empty_paragraphs_are_kept_and_an_empty_text_is_an_empty_title() -> None:
    assert blocks("") == [Block(Role.TITLE, "")]
    assert blocks("标题\n\n正文") == [
        Block(Role.TITLE, "标题"),
        Block(Role.BODY, ""),
        Block(Role.BODY, "正文"),
    ]


def test_a_subtitle_only_follows_the_title() -> None:
    assert [b.role for b in blocks("标题\n正文\n（2023年3月15日）")] == [
        Role.TITLE,
        Role.BODY,
        Role.BODY,
    ]
