"""The role of each paragraph of a copy, shared by the DOCX and PDF writers.

GB/T 9704 sets a title, its subtitle lines, headings of two levels in their own faces, and
body text. A heading that runs on into body text in the same paragraph (``（一）加强领导。
各单位要…``) has only its first sentence in the heading face, as the standard's examples
do; ``Block.head`` is that part and ``Block.rest`` what follows. The classification uses
the structure parser's conventions (``gaoku.core.structure``) and ignores the marks.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from gaoku.core.structure import heading_level, is_subtitle
from gaoku.core.text import MARK_ALPHABET

# At most this many subtitle lines follow a title, as in gaoku.core.structure.
_MAX_SUBTITLES = 3
# The heading of a run-on heading paragraph ends after its first 。！？ and the marks there.
_FIRST_SENTENCE = re.compile(f"^.*?[。！？][{MARK_ALPHABET}]*")


class Role(enum.Enum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    BODY = "body"


@dataclass(frozen=True)
class Block:
    """One paragraph: its role, its part in the role's face, and the rest in the body face."""

    role: Role
    head: str
    rest: str = ""

    @property
    def text(self) -> str:
        return self.head + self.rest


def blocks(text: str) -> list[Block]:
    """The paragraphs of ``text`` (split on ``\\n``, empty ones kept) with their roles."""
    paras = text.split("\n")
    result = [Block(Role.TITLE, paras[0])]
    index = 1
    while index < len(paras) and index <= _MAX_SUBTITLES and is_subtitle(paras[index]):
        result.append(Block(Role.SUBTITLE, paras[index]))
        index += 1
    for para in paras[index:]:
        result.append(_body_block(para))
    return result


def _body_block(para: str) -> Block:
    level = heading_level(para)
    # Levels 1 and 2 (一、 and 第一，) are GB/T's first level, 3 (（一）) its second; lower
    # levels stay in the body face.
    if level in (1, 2):
        role = Role.HEADING1
    elif level == 3:
        role = Role.HEADING2
    else:
        return Block(Role.BODY, para)
    sentence = _FIRST_SENTENCE.match(para)
    if sentence is None:
        return Block(role, para)
    return Block(role, sentence.group(), para[sentence.end() :])
