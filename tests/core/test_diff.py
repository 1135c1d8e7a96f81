"""Version comparison: the masters decide what changed; the member's copies are shown,
marks and wordings kept."""

import pytest

from gaoku.core.diff import Piece, version_changes
from gaoku.core.fingerprint import strip_marks
from gaoku.core.text import MARK_ALPHABET

OLD = "第一段不变。\n今年是决胜之年，要抓好落实。\n这一段将被删去。"
NEW = "第一段不变。\n今年是开局之年，要抓好落实。\n新增的一段。"


def test_edited_paragraphs_are_paired_and_their_differences_marked():
    rows = version_changes(OLD, NEW, OLD, NEW)
    assert [r.kind for r in rows] == ["same", "changed", "removed", "added"]
    changed = rows[1]
    assert [p for p in changed.old if p.changed] == [Piece("决胜", True)]
    assert [p for p in changed.new if p.changed] == [Piece("开局", True)]
    assert "".join(p.text for p in changed.new) == NEW.split("\n")[1]


def test_added_and_removed_paragraphs_stand_alone():
    rows = version_changes("甲。\n乙。", "甲。\n乙。\n丙。", "甲。\n乙。", "甲。\n乙。\n丙。")
    assert [r.kind for r in rows] == ["same", "same", "added"]
    rows = version_changes("甲。\n乙。\n丙。", "甲。\n丙。", "甲。\n乙。\n丙。", "甲。\n丙。")
    assert [r.kind for r in rows] == ["same", "removed", "same"]
    assert rows[1].old == (Piece("乙。", True),) and rows[1].new == ()


def test_the_members_own_wordings_are_not_changes_and_marks_ride_along():
    mark = MARK_ALPHABET[1]
    # The member's copies: v1 words 特别是, v2 尤其是 in a paragraph whose master is the
    # same in both versions; marks after the punctuation.
    old_master = "特别是基层。\n今年是决胜之年。"
    new_master = "特别是基层。\n今年是开局之年。"
    old_shown = f"特别是基层。{mark}\n今年是决胜之年。{mark}"
    new_shown = f"尤其是基层。{mark}\n今年是开局之年。{mark}{mark}"
    rows = version_changes(old_master, new_master, old_shown, new_shown)
    assert rows[0].kind == "same" and rows[0].new == (Piece(f"尤其是基层。{mark}"),)
    assert "".join(p.text for p in rows[1].new) == f"今年是开局之年。{mark}{mark}"
    assert strip_marks("".join(p.text for p in rows[1].old)) == "今年是决胜之年。"


def test_a_shown_text_without_its_masters_paragraphs_is_refused():
    with pytest.raises(ValueError):
        version_changes(OLD, NEW, OLD.replace("\n", ""), NEW)
