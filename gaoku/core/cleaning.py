"""Strip distributor boilerplate from imported texts.

Documents passed around by distributors arrive wrapped in notices and ads (仅供学习
禁止外传, "…整理，咨询QQ…", 会员群, subscription offers) and filler lines (————, ＊＊＊).
A pattern removes a whole line, wherever it stands; what was removed is reported so an
editor can see it. The patterns are data: the defaults live in ``data/boilerplate.txt``,
and the platform keeps the editable copy (seeded from the defaults) that it passes in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from gaoku.errors import InvalidInput

# A boilerplate line is short; a longer line is a content paragraph that happens to mention
# QQ or a website, and removing it would lose the member's text.
MAX_WRAPPER_LINE = 120

# A line without a single letter, digit or Han character is filler (————, ＊＊＊, ……).
_MEANINGFUL = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")


@dataclass(frozen=True)
class CleanResult:
    """A cleaned text and the lines that were removed from it, in document order."""

    text: str
    removed_lines: tuple[str, ...]


def default_patterns() -> list[str]:
    """The built-in boilerplate patterns, without comments and blank lines."""
    raw = resources.files("gaoku.core").joinpath("data/boilerplate.txt").read_text("utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """Compile patterns, naming the one that is not a valid regular expression."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise InvalidInput(f"清理规则不是有效的正则表达式：{pattern}（{exc}）") from exc
    return compiled


def is_boilerplate(line: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether a single (normalised, non-empty) line is distributor boilerplate."""
    if not _MEANINGFUL.search(line):
        return True
    if len(line) > MAX_WRAPPER_LINE:
        return False
    return any(p.search(line) for p in patterns)


def strip_boilerplate(text: str, patterns: Sequence[re.Pattern[str]]) -> CleanResult:
    """Remove boilerplate lines from a normalised text.

    Args:
        text: a text as ``gaoku.core.text.normalize`` returns it.
        patterns: compiled patterns, usually ``compile_patterns(default_patterns())``
            or the platform's editable table.
    """
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        if not line:
            continue
        (removed if is_boilerplate(line, patterns) else kept).append(line)
    return CleanResult("\n".join(kept), tuple(removed))
