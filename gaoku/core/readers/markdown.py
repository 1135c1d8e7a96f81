"""Markdown files: decoded like plain text, then reduced to plain paragraphs.

Headings lose their ``#``, emphasis and code markers go, links keep their text, images
and HTML tags are dropped, bullet markers and block-quote ``>`` are removed, fenced code
keeps its lines without the fences, table rows give one line per cell, and hard-wrapped
lines of a paragraph are joined (without a space between CJK characters). Ordered-list
numbers stay as written: in Chinese documents ``1.`` is itself a heading marker.

Many Chinese "Markdown" files are plain text with one paragraph per line and no blank
lines between them; joining those would fuse a whole speech into one paragraph. So the
lines of a paragraph are joined by the rules of ``reflow``, which keep a break after a
sentence end (``。！？：；``), after a short line and before a heading marker
(``一、`` ``（一）``…): a hard wrap falls there rarely, and costs only an extra paragraph
break when it does.
"""

from __future__ import annotations

import re

from gaoku.core.readers.base import ReadResult, extension
from gaoku.core.readers.reflow import Line, join_lines, reflow
from gaoku.core.readers.txt import decode_text, looks_binary

EXTENSIONS = frozenset({"md", "markdown", "mdown", "mkd"})

_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_ORDERED = re.compile(r"^\s*(\d{1,9})[.)]\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    # Unlike "_", a single "*" emphasises inside a word, and Chinese has no spaces.
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"\1"),
    (re.compile(r"(?<![A-Za-z0-9_])_(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
# Escaped characters are parked in a private-use plane, out of the patterns' reach.
_PARKED = 0xF0000
_PARKED_CHAR = re.compile("[\U000f0000-\U000f007f]")


def _inline(text: str) -> str:
    text = _ESCAPE.sub(lambda match: chr(_PARKED + ord(match.group(1))), text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _PARKED_CHAR.sub(lambda match: chr(ord(match.group()) - _PARKED), text).strip()


def _is_separator(line: str, *, in_paragraph: bool) -> bool:
    """A line that only ends the paragraph: blank, a rule, a setext underline…"""
    if not line.strip() or _REFERENCE_DEFINITION.match(line) or _THEMATIC_BREAK.match(line):
        return True
    if in_paragraph and _SETEXT_UNDERLINE.match(line) and not _BULLET.match(line):
        return True
    return "|" in line and _TABLE_RULE.match(line) is not None


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def markdown_to_text(source: str) -> str:
    """Turn Markdown into plain paragraphs separated by ``"\\n"``.

    Args:
        source: Markdown with ``"\\n"`` newlines.

    Returns:
        The text a reader of the rendered document sees, one paragraph a line.
    """
    # Every block (paragraph, heading, list item, cell, code line) starts with a Line
    # marked as indented, which ``reflow`` never joins to what precedes it.
    lines: list[Line] = []
    in_paragraph = False
    fence: str | None = None
    for raw in _FRONT_MATTER.sub("", source).split("\n"):
        fence_match = _FENCE.match(raw)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0]:
                fence = None
            elif raw.strip():
                lines.append(Line(raw.strip(), indented=True))
            continue
        line = _QUOTE.sub("", raw)
        if fence_match:
            fence, in_paragraph = fence_match.group(1), False
        elif _is_separator(line, in_paragraph=in_paragraph):
            in_paragraph = False
        elif heading := _ATX_HEADING.match(line):
            lines.append(Line(_inline(heading.group(1) or ""), indented=True))
            in_paragraph = False
        elif line.lstrip().startswith("|"):
            lines.extend(Line(_inline(cell), indented=True) for cell in _cells(line))
            in_paragraph = False
        elif number := _ORDERED.match(line):
            item = join_lines(f"{number.group(1)}.", line[number.end() :].strip())
            lines.append(Line(_inline(item), indented=True))
            in_paragraph = True
        elif _BULLET.match(line):
            lines.append(Line(_inline(_BULLET.sub("", line)), indented=True))
            in_paragraph = True
        else:
            hard_break = _HARD_BREAK.search(line) is not None
            text = line.strip().removesuffix("\\")
            lines.append(Line(_inline(text), indented=not in_paragraph))
            in_paragraph = not hard_break
    return "\n".join(reflow([lines], drop_page_numbers=False))


class MarkdownReader:
    """Markdown: plain text whose file name says .md or .markdown."""

    format = "markdown"

    def score(self, data: bytes, name: str) -> int:
        """Just above plain text for a Markdown extension, else nothing."""
        return 11 if extension(name) in EXTENSIONS and not looks_binary(data) else 0

    def read(self, data: bytes, name: str) -> ReadResult:
        """Decode like plain text, then strip the Markdown syntax."""
        source, encoding = decode_text(data)
        return ReadResult(
            text=markdown_to_text(source), format=self.format, encoding=encoding, ocr=False
        )
