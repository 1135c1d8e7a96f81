"""Strip distributor boilerplate from imported texts: find the document, then the wrapper.

Documents passed around by distributors arrive wrapped in their brand, slogans, notices,
contact lines, banners and page furniture (仅供学习 禁止外传, "…整理，咨询QQ…", a brand name
alone on the first line, ★★★ banners, 第2页 共5页). A list of patterns cannot know the next
distributor's wording, so the cleaner first finds the document and then judges every
line outside it, and every short interruption inside it, by what the line is:

1. **The title** is the first of the opening lines that reads as an official title: it
   names a kind of document (在…会议上的讲话, 关于…的报告, …实施方案, …心得体会,
   …述职报告, …致辞, …党课讲稿, …主持词) and is neither a sentence, an entry of a
   numbered list (01 …, a post's table of contents) nor promotion. Every line before it
   is wrapper: a document starts with its title.
2. **The end** is the last line that reads as the document's own: a sentence (ending in
   。！？…), or a signature (a date, an issuing body). Every line after it is wrapper.
3. **Inside**, a line is wrapper when it is filler (no letter, digit or Han character),
   matches one of the editable patterns, or reads as promotion (:func:`promotion`): a
   web address or contact number, a disclaimer or copyright line, a banner, a slogan of
   what a site offers, what a web page leaves behind (a bracketed label such as [图片],
   emoji, an entry of its reading list, its calls to action, a note of reading time).
   Sentences of the document that mention 会员 or QQ群 for a reason of their own stay:
   only the strongest signs remove a line that reads as a sentence.

4. **Learned**: a line that recurs verbatim across the library's documents and is
   neither a sentence, a heading, a title, a salutation nor a signature is its source's
   wrapper (a distributor wraps every document the same way): the platform passes such
   lines in as ``known`` (:func:`learnable_lines` says which lines count).

What was removed is reported, each line with its reason, so an editor can see why. The
patterns are data: the defaults live in ``data/boilerplate.txt``, and the platform keeps
the editable copy (seeded from the defaults) that it passes in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

import re2

from gaoku.core.structure import is_subtitle
from gaoku.errors import InvalidInput

# A boilerplate line is short; a longer line is a content paragraph that happens to mention
# QQ or a website, and removing it would lose the member's text.
MAX_WRAPPER_LINE = 120

# A line without a single letter, digit or Han character is filler (————, ＊＊＊, ……),
# unless it is a fragment of a sentence that a converter broke across lines (》、《 or 。
# alone, where a web page held a link): a few marks of sentence punctuation.
_MEANINGFUL = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
_FRAGMENT = re.compile("[《》〈〉、，。；：！？“”‘’（）]{1,3}")


@dataclass(frozen=True)
class CleanResult:
    """A cleaned text, the lines removed from it in document order, and why each was."""

    text: str
    removed_lines: tuple[str, ...]
    reasons: tuple[str, ...] = ()


# Why a line was removed, in the editor's words.
BEFORE_TITLE = "标题之前"
AFTER_END = "正文之后"
FILLER = "分隔线"
PATTERN = "清理规则"
PROMOTION = "推广或声明"
RECURRING = "多份文件中重复"

# Opening lines searched for the title.
TITLE_WINDOW = 12
_KINDS = (
    "讲话|致辞|发言|讲稿|党课|主持词|报告|方案|总结|体会|要点|汇报|提纲|意见|通知|决定|"
    "规划|计划|纲要|办法|细则|制度|公报|倡议书|承诺书|述职|研讨"
)
_TITLE = re.compile(f"(?:{_KINDS})")
_SENTENCE_END = re.compile("[。！？!?…][”’」』）)]*$")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[，、,]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])"
)
# A signature after the last sentence: a date, an issuing body, or a labelled field
# (述职人：＿＿＿, 汇报单位：…).
_SIGNATURE = re.compile(
    r"^(?:[\d〇○零一二三四五六七八九十XＸ×]{2,4}年[\d一二三四五六七八九十XＸ×]{1,2}月"
    r"(?:[\d一二三四五六七八九十XＸ×]{1,3}日)?"
    r"|[^\s，。！？：；]{2,30}(?:委员会|人民政府|政府|办公室|办公厅|党委|党组|党工委|支部|"
    r"委|局|厅|部|处|科|中心|公司|集团|学校|医院|协会|学会|队|所|院|街道|镇|乡)"
    r"|[\u4e00-\u9fff]{2,5}[:：].{0,24})$"
)
# The opening of a notice about the text itself, and the length of a paragraph no notice
# has after it.
_NOTICE_START = re.compile(r"^(?:本作品|本文档?|本资料|本材料|注[:：]|声明[:：]|免责声明|版权)")
_PARAGRAPH = 100
# A short line wholly in quotation marks: a slogan, even when it ends as a sentence.
_QUOTED = re.compile("“[^“”]{2,38}”")
_QUOTES = "\"'“”‘’「」『』"
# Signs that a line is promotion or a notice, not the document. Strong ones remove even a
# line that reads as a sentence; weak ones only a line that does not.
_STRONG = re.compile(
    r"https?://|www\.|\.(?:com|cn|net|org)\b|(?:QQ|ＱＱ|qq)群?\s*[:：]?\s*\d{5,}|"
    r"群\s*[:：]\s*\d{5,}|公众号\s*[:：]|免责声明|版权所有|转载请注明|不得转载|请勿商用|"
    r"以下为正文|正文完|第\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页$|^[-—–－]\s*\d{1,4}\s*[-—–－]$|"
    r"来源[:：].{0,24}(?:网|站|号|平台|文库)$"
)
# Offers and notices a document's own sentence may also use (a school's 校友会终身会员
# 资格, a report on 举报核实): they remove a sentence only when it is short.
_SHORT = 32
_OFFER = re.compile(
    r"仅供学习交流|严禁倒卖|一经查实|举报(?:属实|核实)|免费会员|会员资格|"
    r"更多.{0,4}(?:范文|材料|资料|精品|好稿)|"
    r"每[日周天][一二三四五六日]?更新|本(?:文|资料|材料|文档)由.{1,12}整理"
)
_WEAK = re.compile(
    "|".join(
        (
            r"[｜|]|第[一二三四五六七八九十百\d]+[辑期]|您|原创|精品|范文|精选|文库|书斋|文苑|笔苑|"
            r"文舍|资料站|素材坊|材料铺|加油站|篇篇|字字|整理|下载|搜索|获取|关注",
            # A line wholly in brackets is a label: a brand's (【…】, 〔…〕) or what a web
            # page left where it held a picture or a code to scan ([图片], [二维码]).
            r"^[【〔〖\[［].*[】〕〗\]］]$",
            # Emoji (the pictographs of U+1F000–U+1FAFF, the arrows and stars of
            # U+2B00–U+2BFF, the emoji presentation selector) are a web post's; official
            # prose never uses them.
            "[\U0001f000-\U0001faff\u2b00-\u2bff\ufe0f]",
            # An entry of a post's table of contents or reading list (01 …): official
            # numbering is 一、 1. （1）, never zero-padded.
            r"^0\d[ \u3000]",
            # A note on the text's length or reading time (本文约1200字，预计阅读4分钟).
            r"本文(?:约|共)\s*[\d.,，万千]+\s*字|预计阅读",
            # The calls to action of a social-media post and a web shop's promises: words
            # that no official title or heading uses, since these judge titles too.
            r"本站|后台回复|长按识别|转发给|星标|私信|阅读原文|拍下|秒发|包邮|拉黑",
        )
    )
)
# An entry of a numbered list of articles (01 …, 2 …: a number and a space): what a
# bulletin's table of contents or a "recommended reading" block is made of. An official
# title never opens that way (a year is followed by 年, a heading marker by 、 or .).
_LIST_ENTRY = re.compile(r"^\d{1,2}[ \u3000]")


def default_patterns() -> list[str]:
    """The built-in boilerplate patterns, without comments and blank lines."""
    raw = resources.files("gaoku.core").joinpath("data/boilerplate.txt").read_text("utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


CONTAINS = "contains"


def rule_regex(text: str, kind: str) -> str:
    """An editor's rule as a regular expression: a plain "line contains" text is escaped."""
    return re.escape(text) if kind == CONTAINS else text


class Rule(Protocol):
    """A compiled cleaning rule: RE2's pattern, or Python's where RE2 cannot hold it."""

    def search(self, string: str) -> object: ...


# RE2 has no lookaround and no backreference; a rule that uses one runs in Python's engine.
_NEEDS_PYTHON = re.compile(r"\(\?<?[=!]|\\[1-9]")
# A quantified group holding a quantifier — (\S+)+, (a*)*, (?:x+y){2,} — can take
# exponential time in a backtracking engine.
_NESTED_QUANTIFIER = re.compile(r"\([^()]*[+*}][^()]*\)[+*{]")
INVALID_RULE = "清理规则不是有效的正则表达式：{pattern}（{why}）"
SLOW_RULE = "清理规则可能让导入卡住（量词套量词，如 (\\S+)+）：{pattern}"


def compile_patterns(patterns: Iterable[str]) -> list[Rule]:
    """Compile rules, naming the one that is not a valid regular expression.

    Rules run in RE2, whose time is linear in the line's length, so no rule an editor
    writes can hang an import; a rule with lookaround or a backreference runs in Python's
    engine, and is refused when it nests quantifiers.
    """
    return [_compiled(pattern) for pattern in patterns]


def _compiled(pattern: str) -> Rule:
    if _NEEDS_PYTHON.search(pattern):
        if _NESTED_QUANTIFIER.search(pattern):
            raise InvalidInput(SLOW_RULE.format(pattern=pattern), code="slow_rule")
        try:
            return re.compile(pattern)
        except re.error as exc:
            raise InvalidInput(INVALID_RULE.format(pattern=pattern, why=exc)) from exc
    try:
        return re2.compile(pattern, options=_RE2_OPTIONS)
    except re2.error as exc:
        why = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise InvalidInput(INVALID_RULE.format(pattern=pattern, why=why)) from exc


def _re2_options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # the refusal says why; RE2's own log line is noise
    return options


_RE2_OPTIONS = _re2_options()


def promotion(line: str) -> bool:
    """Whether a line reads as promotion or a notice rather than the document."""
    if _STRONG.search(line):
        return True
    if _HEADING.match(line) or len(line) > 60:
        return False
    if _OFFER.search(line) and (len(line) <= _SHORT or not _SENTENCE_END.search(line)):
        return True
    if _banner(line):
        return True
    if _SENTENCE_END.search(line) and not _QUOTED.fullmatch(line):
        return False
    return bool(_WEAK.search(line))


def _banner(line: str) -> bool:
    """A line framed by symbols (★★★ …, ◆ … ◆, ……·…·……, ═══): a banner, whatever the
    symbol."""
    ends = (line[:2], line[-2:])
    if any(
        len(end) == 2 and all(unicodedata.category(c).startswith("S") for c in end) for end in ends
    ):
        return True
    first = line[0]
    return (
        len(line) >= 3
        and first == line[-1]
        and first not in _QUOTES
        and not _MEANINGFUL.match(first)
        and unicodedata.category(first)[0] in "SP"
    )


def is_title(line: str) -> bool:
    """Whether a line reads as an official document's title."""
    return (
        4 <= len(line) <= 60
        and bool(_TITLE.search(line))
        and not _SENTENCE_END.search(line)
        and not _HEADING.match(line)
        and not _LIST_ENTRY.match(line)
        and "：" not in line[:4]
        and not promotion(line)
    )


def strip_boilerplate(
    text: str, patterns: Sequence[Rule], known: frozenset[str] = frozenset()
) -> CleanResult:
    """Remove the wrapper from a normalised text (see the module docstring).

    Args:
        text: a text as ``gaoku.core.text.normalize`` returns it.
        patterns: compiled patterns, usually ``compile_patterns(default_patterns())``
            or the platform's editable table.
        known: lines learned as wrapper from other documents (:func:`learnable_lines`).
    """
    lines = [line for line in text.split("\n") if line]
    inside = [RECURRING if line in known else _inside_reason(line, patterns) for line in lines]
    start = _title_index(lines, inside)
    end = _end_index(lines, inside, start)
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        reason = BEFORE_TITLE if index < start else AFTER_END if index > end else inside[index]
        if reason:
            removed.append((line, reason))
        else:
            kept.append(line)
    return CleanResult(
        "\n".join(kept), tuple(line for line, _ in removed), tuple(r for _, r in removed)
    )


def learnable_lines(text: str) -> list[str]:
    """The lines of a normalised text that are wrapper if they recur in other documents:
    short, and neither a sentence, a heading, a title, a subtitle, a salutation nor a
    signature — lines a document does not share with another one."""
    found = []
    for line in dict.fromkeys(line for line in text.split("\n") if line):
        if (
            len(line) > 60
            or not _MEANINGFUL.search(line)
            or _SENTENCE_END.search(line)
            or _HEADING.match(line)
            or _SIGNATURE.match(line)
            or is_subtitle(line)
            or line.endswith(("：", ":"))
            or is_title(line)
        ):
            continue
        found.append(line)
    return found


def _inside_reason(line: str, patterns: Sequence[Rule]) -> str:
    if not _MEANINGFUL.search(line) and not _FRAGMENT.fullmatch(line):
        return FILLER
    if len(line) > MAX_WRAPPER_LINE:
        return ""
    if any(p.search(line) for p in patterns):
        return PATTERN
    return PROMOTION if promotion(line) else ""


def _title_index(lines: list[str], inside: list[str]) -> int:
    """The title's line: the first opening line that reads as a title, or else the first
    line not judged wrapper on its own."""
    for index, line in enumerate(lines[:TITLE_WINDOW]):
        if not inside[index] and is_title(line):
            # ——在…会议上的讲话 is a subtitle: the title is the line above it.
            if line.startswith(("—", "－", "-")) and index and not inside[index - 1]:
                return index - 1
            return index
    return next((i for i, reason in enumerate(inside) if not reason), len(lines))


def _end_index(lines: list[str], inside: list[str], start: int) -> int:
    """The document's last line: the last sentence or signature after the title, or, in
    a text with neither, its last line not judged wrapper on its own."""
    own = [i for i in range(start, len(lines)) if not inside[i]]
    # A notice that runs to the end (本作品…, 注：…, 免责声明…) after the last paragraph
    # of any length ends the document, whatever its own lines end with.
    notice = next(
        (
            i
            for i in own
            if i > start
            and _NOTICE_START.match(lines[i])
            and all(len(lines[j]) < _PARAGRAPH for j in own if j > i)
        ),
        None,
    )
    if notice is not None:
        own = [i for i in own if i < notice]
    for index in reversed(own):
        line = lines[index]
        if _SENTENCE_END.search(line) or _SIGNATURE.match(line):
            return index
    return own[-1] if own else start
