"""Placeholder and dated-reference tokens, read from a generated text.

The generator labels its documents by reading them with the platform's rules rather
than by remembering what it inserted, so that a token that a phrase bank carries
unawares is labelled too. The rules:

* a placeholder is a run of X/Ｘ/× characters, or 某某, or a run of two or more
  ＿/_ characters, followed by an optional suffix (省 市 县 区 乡 镇 村 部长 书记 县长
  市长 局长 主任 同志 单位 公司 部门 局 年 月 日; the longest suffix that fits), and a
  run of X/Ｘ/× with what it counts (XXX件, ×××万元, ××%) is one placeholder with it;
* a dated reference is an explicit year (2021年, 二〇二一年), 今年是 up to and including
  the first 之年, a numbered congress or plenum (党的十九大, 十九届五中全会, 党的 included
  when present), a five-year plan (十四五) or a named campaign of the political calendar
  (``gaoku/core/data/calendar.txt``, the list the platform's finder reads).
"""

from __future__ import annotations

import re

from gaoku.core.calendar import calendar

PLACEHOLDER_RE = re.compile(
    r"[XＸ×]+(?:万元|亿元|公里|[人场家剂]次|[个名次家处起件户场所人项条篇亩座%])(?![长目])|"
    r"(?:[XＸ×]+|某某|[＿_]{2,})"
    r"(?:部长|书记|县长|市长|局长|主任|同志|单位|公司|部门|省|市|县|区|乡|镇|村|局|年|月|日)?"
)

# The named campaigns of the political calendar, one list for the platform and the
# generator (gaoku/core/data/calendar.txt).
CAMPAIGNS = tuple(calendar().names())

_NUM = "一二三四五六七八九"
DATED_RE = re.compile(
    "|".join(
        (
            r"今年是[^。！？]*?之年",
            rf"(?:党的)?(?:十[{_NUM}]|二十)(?:大|届[{_NUM}]中全会)",
            rf"十[{_NUM}]五",
            r"(?<![0-9])[0-9]{4}年",
            r"[〇零一二三四五六七八九]{4}年",
            # Longest first, so that a campaign is never cut to a shorter one.
            *sorted(CAMPAIGNS, key=len, reverse=True),
        )
    )
)


def _unique(tokens: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tokens))


def placeholders(text: str) -> tuple[str, ...]:
    """Unique placeholder tokens in order of first appearance."""
    return _unique(PLACEHOLDER_RE.findall(text))


def dated_references(text: str) -> tuple[str, ...]:
    """Unique dated-reference tokens in order of first appearance."""
    return _unique(DATED_RE.findall(text))
