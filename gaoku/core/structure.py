"""Structure of Chinese official documents: outline, placeholders, dated references.

The parser works on paragraphs: the non-empty lines of a cleaned text. Its conventions,
which the document generator's labels follow too:

* **title** — the first paragraph, after an official document's header if it has one
  (某某县人民政府办公室文件, 某政办发〔2026〕5号: ``is_document_header``). Subtitle
  lines right after it (starting with a dash such as ``——在…会议上的讲话``, wholly in
  parentheses such as ``（2023年3月15日）``, a date alone, or the speaker alone: a post
  and a name such as ``县委书记　王某某``, or the unit alone such as ``XX镇妇联`` above the
  salutation) belong to neither the title nor the opening.
* **salutation** — a paragraph of at most 30 characters ending with ``：`` before the
  first part, such as ``同志们：`` or ``各位领导、同志们：``; ``""`` when there is none.
* **parts** — the paragraphs that open with a heading marker of the highest level the
  document uses. Levels, highest first: ``一、``; ``第一，``/``第一、``/``第一部分``;
  ``（一）``; ``1.``/``1、``/``1．``; ``（1）``. A heading is its paragraph up to the first
  ``。！？`` (exclusive), marker included, with trailing ``：；`` dropped; a paragraph that
  ends inside an open ``《`` goes on in the next ones (a converter cut a link there).
* **points** of a part — the headings of the next lower level inside it when there are
  any; otherwise the enumerated points in its paragraphs: a run of ``一是、二是…``,
  ``一要、二要…`` or ``首先、其次、再次、最后`` starting a sentence (after the start of a
  paragraph or ``。；！？：``), at least two in sequence. A point runs from its marker to
  the first of ``，。；：！？`` (exclusive); when the marker itself is followed by
  ``，`` (``首先，``) it runs to the next one instead.
* **closing** — after the last part heading, the first paragraph opening with
  ``同志们，``, ``同志们！``, ``总之，``, ``综上所述，`` or ``让我们``; the closing is its
  first sentence, as a heading is. The paragraphs from there on are not in the last part.
* **opening** — the paragraphs between the salutation (or title) and the first part.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from gaoku.core.calendar import Calendar, calendar
from gaoku.core.text import MARK_ALPHABET, paragraphs


@dataclass(frozen=True)
class Part:
    """One numbered part: its heading, its points, and its paragraph span [start, end)."""

    heading: str
    points: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Outline:
    """The outline of a document; ``to_dict`` gives the CLI/JSON contract's shape."""

    title: str
    salutation: str
    opening: str
    parts: tuple[Part, ...]
    closing: str
    subtitle: str = ""  # the lines between title and body (——在…上的讲话, a date)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "salutation": self.salutation,
            "parts": [{"heading": p.heading, "points": list(p.points)} for p in self.parts],
            "closing": self.closing,
        }


_CN_DIGITS = "零〇一二三四五六七八九"
_CN_NUM = "[一二三四五六七八九十百]{1,3}"

# Heading markers, highest level first (see the module docstring).
_LEVELS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^{_CN_NUM}、"),
    re.compile(rf"^第{_CN_NUM}(?:[，、,]|部分(?!的))"),
    re.compile(rf"^[（(]{_CN_NUM}[）)]"),
    re.compile(r"^\d{1,2}(?:[.．、](?!\d))"),
    re.compile(r"^[（(]\d{1,2}[）)]"),
)
_SENTENCE_END = re.compile("[。！？]")
_CLAUSE_END = re.compile("[，。；：！？]")
# Words of a course's teacher or a writing shop's, which no speaker's line has
# (主讲人：笔杆子写作学院金牌讲师).
_COURSE_WORDS = "写作|公文|申论|讲师|私教|辅导|学院|名师|老师|抖音|学员"
# A subtitle line: a dash and what it says (——在…上的讲话; — 1 / 3 — is a page's), a note
# wholly in parentheses ((2026年3月5日)), a date alone (2026年3月5日, 二〇二六年三月五日), or
# the speaker alone: a post and a name, or a placeholder for one (县委书记　王某某, 镇长 ××同志).
_SUBTITLE = re.compile(
    r"^(?:[—–－-]{1,2}(?![—–－-]*\s*\d{1,4}\s*(?:[/／]\s*\d{1,4}\s*)?[—–－-]{1,2}(?:[ \u3000]|$)).+"
    r"|[（(][^（）()]{2,40}[）)]"
    r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
    r"[一二三四五六七八九十]{1,3}日"
    r"|[\u4e00-\u9fffXＸ×○、（）]{0,20}(?:书记|县长|市长|区长|镇长|乡长|局长|主任|部长|主席|厅长|省长|校长|院长|"
    r"董事长|总经理|经理|委员|处长|科长|队长|所长|站长|会长|秘书长|理事长|社长|行长|馆长|园长|团长|组长)"
    r"[ \u3000]*(?!讲话|发言|致辞|报告|同志们)(?:[\u4e00-\u9fff]{2,4}|[XＸ×○某]{1,3})(?:同志)?"
    # …posts that end words too (班长, 厂长: 老班长陪你写), with a space before the name.
    r"|[\u4e00-\u9fffXＸ×○、（）]{0,20}(?:厂长|矿长|场长|段长|班长|狱长|营长|连长|政委|教导员|指导员)"
    r"[ \u3000]+"
    r"(?:[\u4e00-\u9fff]{2,4}|[XＸ×○某]{1,3})(?:同志)?"
    # …or labelled as the speaker by post (主讲人：××同志（XX项目党支部书记）), not a
    # course's teacher (主讲人：笔杆子写作学院金牌讲师).
    r"|(?:主讲人|主讲|报告人|发言人|宣讲人)[:：]"
    rf"(?![^，。！？]*(?:{_COURSE_WORDS}))"
    r"[^，。！？]{0,20}(?:书记|县长|市长|区长|镇长|乡长|局长|主任|部长|主席|厅长|处长|科长|校长|院长|"
    r"委员|队长|所长|站长|经理|董事长|同志)[^，。！？]{0,20}"
    # …or a news item's deck on who spoke under its headline (程鹤年出席并讲话).
    r"|[\u4e00-\u9fff、]{2,16}出席(?:会议|活动|仪式)?并(?:讲话|致辞|作报告))$"
)
# The unit that speaks, alone under the title (XX镇妇联): a subtitle where a greeting
# follows it; elsewhere a line naming a unit may be anything (a header, a brand, the
# first line of an addressee: 各乡镇人民政府 / 县直各有关单位：).
_UNIT = (
    r"(?!各)(?!.*(?:公文|材料|范文|写作|文秘|笔杆|素材|资料|文稿|文印|图文|公考|辅导|编辑部|工作室|"
    r"写稿|会员|博主|用户|粉丝))[\u4e00-\u9fffXＸ×○（）]{2,16}(?:委员会|管委会|工委|纪委|人民政府|政府|办公室|党委|党组|党支部|妇联|团委|"
    r"总?工会|商会|协会|局|中心|公司|集团|车间|工段|班|组|队|站|所|店|超市|合作社|部|科|处|馆|院|学校|"
    # …or those it speaks for (五监区服刑人员代表, 新党员代表), or its post that speaks
    # (○○街道党工委书记).
    r"代表|书记|主任|主席|经理|[县市区镇乡局部校院站所队组]长)"
)
_SPEAKING_UNIT = re.compile(rf"^{_UNIT}$")
# …and a unit with the name of who speaks for it (纳税服务科　龚一帆, XX县农业农村局　××).
_UNIT_AND_NAME = re.compile(rf"^{_UNIT}[ \u3000]+(?:[\u4e00-\u9fff]{{2,4}}|[×XＸ○]{{2,3}})$")
_SEQUENCE_PART = re.compile("^(?:首先|其次|再次|然后|最后)[，,]")
_CLOSING = re.compile("^(?:同志们[，！,!]|总之[，,]|综上所述[，,]|让我们)")
_POINT = re.compile(
    rf"(?:^|(?<=[。；！？：，\n]))(?:(?P<num>{_CN_NUM})(?P<verb>是|要)|(?P<seq>首先|其次|再次|最后))"
)


# A salutation that greets an audience (同志们：, 各位领导、姐妹们：), not an addressee
# (各乡镇人民政府 / 县直各有关单位：, 县人民政府：).
_GREETING = re.compile(r"^(?:尊敬的|亲爱的|各位|同志们|女士们|老师们|同学们|朋友们)|同志们[：:]$")


def is_speaker(paragraph: str, following: str) -> bool:
    """Whether a paragraph under a title is the unit that speaks (XX镇妇联, 转炉工段乙班),
    the greeting of its audience after it; or the speaker's bare name (邵启明), a unit
    and its speaker's name (纳税服务科　龚一帆) or a labelled host (主持人：××), the greeting
    or the day of the speech (（2025年3月17日）) after it."""
    greeting = _greets(following)
    if _SPEAKING_UNIT.match(paragraph):
        return greeting
    named = (
        _PERSON.match(paragraph)
        or _UNIT_AND_NAME.match(paragraph)
        or _LABELLED_NAME.match(paragraph)
    )
    return bool(named) and (greeting or bool(_SPEECH_DAY.match(following)))


# Who speaks or hosts, by label (主持人：××), above the greeting; in minutes 主持人：… is a
# field among others, with no greeting after it.
_LABELLED_NAME = re.compile(
    r"^(?:主持人|主持|主讲人|讲话人|发言人)[:：]\s*"
    rf"(?!.*(?:{_COURSE_WORDS}|小编|笔杆|待定))"
    r"(?:[\u4e00-\u9fff]{2,4}|[×XＸ○]{2,3})(?:同志)?$"
)
# A lecture's theme under its title, two phrases set apart (守住检测数据生命线　当好工程质量
# “守门人”): no sentence, no field.
_THEME_LINE = re.compile(r"^[^，。；！？：:]{4,20}[ \u3000]+[^，。；！？：:\s]{4,20}$")
# A person's name alone (邵启明, 欧阳明远同志) or its blank (××), and the day of a speech
# in brackets.
_PERSON = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[×XＸ○]{2,3})(?:同志)?$")
_SPEECH_DAY = re.compile(
    r"^[（(](?:19|20)(?:\d{2}|[XＸ×]{2})年(?:\d{1,2}|[XＸ×]{1,2})月(?:\d{1,2}|[XＸ×]{1,2})日[）)]$"
)


def _greets(paragraph: str) -> bool:
    return is_salutation(paragraph) and _GREETING.match(paragraph) is not None


def _stands_under_title(paragraph: str, following: str) -> bool:
    """Whether a paragraph right under the title is who speaks or the lecture's theme, not
    the body: the greeting follows it (and it is no greeting's first line itself)."""
    theme = _THEME_LINE.match(paragraph) and not _GREETING.match(paragraph)
    return is_speaker(paragraph, following) or bool(theme and _greets(following))


def is_salutation(paragraph: str) -> bool:
    """Whether a paragraph has a salutation's form: short, ending with a colon."""
    return len(paragraph) <= 30 and paragraph.endswith(("：", ":"))


def parse_outline(text: str) -> Outline:
    """Parse the outline of a cleaned, normalised document (conventions above)."""
    paras = paragraphs(text)
    if not paras:
        return Outline("", "", "", (), "")
    first = 0
    while first + 1 < len(paras) and (
        is_document_header(paras[first]) or _issuer_over_title(paras, first)
    ):
        first += 1
    body = first + 1
    while body < len(paras) and body <= first + 3 and _SUBTITLE.match(paras[body]):
        body += 1
    if body == first + 1 and body + 1 < len(paras) and _stands_under_title(*paras[body : body + 2]):
        body += 1
        if _SPEECH_DAY.match(paras[body]):
            body += 1
    body_start = body
    salutation = ""
    if body < len(paras) and is_salutation(paras[body]):
        salutation = paras[body]
        body += 1

    level = _top_level(paras[body:])
    starts = (
        _sequence_starts(paras, body)
        if level is None
        else [i for i in range(body, len(paras)) if _level_of(paras[i]) == level]
    )
    contents = set(table_of_contents(paras))  # its entries head no part: the opening's
    starts = [i for i in starts if i not in contents]
    closing_at = _closing_index(paras, starts[-1] + 1 if starts else body)
    end_of_parts = closing_at if closing_at is not None else len(paras)
    parts = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else end_of_parts
        points = _points(paras[start:end], level)
        parts.append(Part(_heading(paras[start:end]), points, start, end))
    opening_end = starts[0] if starts else (closing_at if closing_at is not None else len(paras))
    return Outline(
        title=paras[first],
        salutation=salutation,
        opening="\n".join(paras[body:opening_end]),
        parts=tuple(parts),
        closing=_first_sentence(paras[closing_at]) if closing_at is not None else "",
        subtitle="\n".join(paras[first + 1 : body_start]),
    )


_NO_MARKS = str.maketrans("", "", MARK_ALPHABET)

# A document's table of contents: 目录 alone on its line over its entries, chapters or
# numbered headings with their pages, if any (第二章　规划与建设, 一、议事规则……1).
_CONTENTS = re.compile(r"^目[ \u3000]*录$")
_CHAPTER_NUMBER = re.compile(r"^第[一二三四五六七八九十百\d]{1,4}[章节编篇]")
_PAGE_LEADER = re.compile(r"[…．.·]{2,}[ \u3000]*\d{1,4}$")
# The fewest entries a table of contents lists.
_CONTENTS_ENTRIES = 2


def contents_key(paragraph: str) -> str:
    """A paragraph as a table of contents names it: without its page or spaces."""
    return re.sub(r"[ \u3000]+", "", _PAGE_LEADER.sub("", paragraph))


def table_of_contents(paras: list[str]) -> list[int]:
    """The paragraphs of a document's table of contents: its 目录 and the entries under it,
    each a heading that heads a part of the text below it (with or without its page)."""
    keys = [contents_key(para) for para in paras]
    last = {key: index for index, key in enumerate(keys)}

    def entry(index: int) -> bool:
        key = keys[index]
        numbered = heading_level(key) is not None or _CHAPTER_NUMBER.match(key) is not None
        return numbered and last[key] > index

    found: list[int] = []
    for index, para in enumerate(paras):
        if _CONTENTS.match(para):
            entries = list(itertools.takewhile(entry, range(index + 1, len(paras))))
            if len(entries) >= _CONTENTS_ENTRIES:
                found += [index, *entries]
    return found


def heading_level(paragraph: str) -> int | None:
    """The level of the heading marker a paragraph opens with, or None when it has none.

    Levels count from 1, highest first, in the order of the module docstring: 1 for
    ``一、``, 2 for ``第一，``, 3 for ``（一）``, 4 for ``1.``, 5 for ``（1）``. The
    characters of the invisible layer are ignored, so a member's copy classifies as its
    source does.
    """
    level = _level_of(paragraph.translate(_NO_MARKS))
    return None if level is None else level + 1


# The header of an official document above its title (GB/T 9704): the issuing body's
# mark (某某县人民政府办公室文件) or the joint issuers, the document number
# (某政办发〔2026〕5号), the signer; not
# a page's field that names the number (文号：某政办发〔2026〕5号).
_ORGAN = r"[\u4e00-\u9fffXＸ×○]{2,20}(?:委员会|政府|办公室|办公厅|委|局|厅|部)"
_DOCUMENT_HEADER = re.compile(
    r"^(?:[\u4e00-\u9fffXＸ×○（）]{2,40}(?:委员会|政府|办公室|办公厅|委|局|厅|部|院|中心|公司|集团|小组)文件"
    # …or the bodies that issue it jointly, side by side (中共××县委办公室　××县人民政府办公室).
    rf"|{_ORGAN}(?:[ \u3000]+{_ORGAN}){{1,3}}"
    r"|[^\s:：]{1,12}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第?\s*\d{1,4}\s*号"
    r"|签发人[:：]\s*\S{1,12}"
    # …its issue, as minutes number theirs (〔2025〕第3期),
    r"|[〔\[［](?:19|20)\d{2}[〕\]］]\s*第\s*\d{1,4}\s*期"
    # …and its copy number, secrecy and urgency (000126, 第1份共5份, 秘密★1年, 内部资料, 特急).
    r"|0\d{5}|第\s*\d{1,3}\s*份\s*共\s*\d{1,3}\s*份"
    r"|(?:绝密|机密|秘密)(?:\s*★\s*[\d一二三四五六七八九十]{1,3}\s*(?:年|个月))?"
    r"|内部资料(?:\s*注意保存)?|特急|加急|特提)$"
)


# An issuing body's name alone (湖北省宜安市人民法院, 江城水务集团有限公司).
_ISSUER_ALONE = re.compile(
    r"^[\u4e00-\u9fffXＸ×○（）]{2,30}(?:委员会|政府|办公室|办公厅|委|局|厅|部|院|中心|公司|集团|"
    r"支队|大队|党委|党组|支部|协会|学校|医院)$"
)


def _issuer_over_title(paras: list[str], index: int) -> bool:
    """Whether a paragraph is the issuer's name set over the title (a court over its
    公　告, a company over its minutes' title), alone or above its joint issuers' names:
    the title under them is short, no sentence, no salutation."""
    after = index + 1
    while after < len(paras) and _ISSUER_ALONE.match(paras[after]):
        after += 1
    following = paras[after] if after < len(paras) else ""
    return (
        _ISSUER_ALONE.match(paras[index]) is not None
        and 0 < len(following) <= 60
        and not following.endswith(("。", "：", ":", "！", "？"))
    )


def is_document_header(paragraph: str) -> bool:
    """Whether a paragraph is part of an official document's header above its title: the
    issuing body's 文件 line or its joint issuers, the document number (〔2026〕5号), the
    signer, the copy number, the secrecy or the urgency."""
    return _DOCUMENT_HEADER.match(paragraph.translate(_NO_MARKS)) is not None


def is_subtitle(paragraph: str) -> bool:
    """Whether a paragraph has the form of a subtitle line (``——在…上的讲话``, ``（…）``).

    Only the lines right after the title are subtitles; the caller checks the position.
    Marks of the invisible layer are ignored, as in ``heading_level``.
    """
    return _SUBTITLE.match(paragraph.translate(_NO_MARKS)) is not None


def _level_of(paragraph: str) -> int | None:
    for level, marker in enumerate(_LEVELS):
        if marker.match(paragraph):
            return level
    return None


def _top_level(paras: list[str]) -> int | None:
    levels = [lv for lv in map(_level_of, paras) if lv is not None]
    return min(levels) if levels else None


def _sequence_starts(paras: list[str], body: int) -> list[int]:
    """In a text with no numbered headings, parts written as paragraphs that open with
    首先，/其次，/再次，/最后，: the first such run of at least two, 首先 first."""
    starts = [i for i in range(body, len(paras)) if _SEQUENCE_PART.match(paras[i])]
    if len(starts) < 2 or not paras[starts[0]].startswith("首先"):
        return []
    return starts


def _closing_index(paras: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(paras)) if is_closing(paras[i])), None)


def is_closing(paragraph: str) -> bool:
    """Whether a paragraph opens as a closing does (同志们，…, 总之，…, 让我们…)."""
    return _CLOSING.match(paragraph) is not None


def _first_sentence(paragraph: str) -> str:
    end = _SENTENCE_END.search(paragraph)
    return (paragraph[: end.start()] if end else paragraph).rstrip("：；:;")


# A book title is never broken by its writer: lines that a converter cut inside 《…》
# (a web page's link: 三、关于《 / …纲要（草案） / 》的说明) are one heading.
_MAX_BROKEN_LINES = 4


def _heading(paras: list[str]) -> str:
    """The heading of the paragraph ``paras[0]``, read on into the next paragraphs while
    it has no sentence end and a 《 left open."""
    text = paras[0]
    for more in paras[1:_MAX_BROKEN_LINES]:
        if _SENTENCE_END.search(text) or text.count("《") <= text.count("》"):
            break
        text += more
    return _first_sentence(text)


def _points(part: list[str], level: int | None) -> tuple[str, ...]:
    """Points of one part: next-level headings if any, else enumerated points."""
    sub_level = _top_level(part[1:])
    if sub_level is not None and (level is None or sub_level > level):
        return tuple(
            _heading(part[i:]) for i in range(1, len(part)) if _level_of(part[i]) == sub_level
        )
    # The heading paragraph's own text after its first sentence may hold points too.
    return tuple(_enumerated_points("\n".join(part)))


def _enumerated_points(text: str) -> list[str]:
    """Runs of 一是/二是…, 一要/二要… and 首先/其次/最后 that start sentences."""
    points: list[tuple[int, str]] = []
    numbered: list[tuple[int, str]] = []  # the open 一是… run: (start, point)
    numbered_verb, numbered_last = "", 0
    sequence: list[tuple[int, str]] = []  # the open 首先… run

    def close(run: list[tuple[int, str]]) -> None:
        if len(run) >= 2:
            points.extend(run)
        run.clear()

    for match in _POINT.finditer(text):
        point = _point_text(text, match.start(), match.end())
        if match["seq"]:
            if match["seq"] == "首先":
                close(sequence)
                sequence.append((match.start(), point))
            elif sequence:
                sequence.append((match.start(), point))
                if match["seq"] == "最后":
                    close(sequence)
            continue
        number = _cn_to_int(match["num"])
        if number == 1:
            close(numbered)
            numbered.append((match.start(), point))
            numbered_verb, numbered_last = match["verb"], 1
        elif numbered and match["verb"] == numbered_verb and number == numbered_last + 1:
            numbered.append((match.start(), point))
            numbered_last = number
    close(numbered)
    close(sequence)
    return [point for _, point in sorted(points)]


def _point_text(text: str, start: int, marker_end: int) -> str:
    search_from = marker_end + 1 if text[marker_end : marker_end + 1] == "，" else marker_end
    end = _CLAUSE_END.search(text, search_from)
    stop = end.start() if end else len(text)
    newline = text.find("\n", start)
    if newline != -1:
        stop = min(stop, newline)
    return text[start:stop]


def _cn_to_int(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (enough for enumerations)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in numeral:
        return digits.get(numeral[-1], 0)
    tens, _, ones = numeral.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


# Placeholders: runs of X/×, 某某, blanks to fill, with an optional role or place suffix,
# and a number left blank with what it counts (XX个, XXX名, XX亿元, X%): each such blank is
# filled on its own, where XX alone would fill every count of a template with one figure.
_PLACEHOLDER = re.compile(
    r"(?:19|20)[XＸ×]{2}年|[XＸ×]{1,2}月[XＸ×]{1,2}日|"
    r"(?<![0-9A-Za-z])(?:(?:[XＸ×]+(?:[.．][XＸ×]+)?|○+)(?![0-9A-Za-z])(?P<count>"
    r"(?:万平方米|平方米|平方公里|公里|万人次|[人场家剂批户架台]次|万人|万户|万亩|万份|万元|亿元|"
    r"个百分点|号线|[处所](?!长)|部(?![长门])|支(?!部|队长|公司|行)|项(?!目)|"  # X处长, X支部
    r"分钟|小时|学时|课时|对(?=新人|夫妇|夫妻|情侣|家庭)|"
    r"[万亿]?[元个名次家起件户场人条篇位批期份吨亩座台辆套天届轮类种间面口桌%％])"
    r")?|某某|[＿_]{2,}|□{2,})"
    r"(?(count)|(?:副?(?:部长|书记|县长|市长|区长|镇长|乡长|局长|厅长|处长|科长|主任|主席|秘书长|"
    r"校长|院长|所长|组长|队长|支队长|董事长|总经理|经理)|同志|单位|部门|街道|社区|产业园|"
    r"(?:[\u4e00-\u9fff]{1,4}?(?:有限)?)?(?:公司|集团)|驾校|幼儿园|中学(?![习到会])|小学(?!生)|花园|小区|银行|[分支]行|"
    r"园区|开发区|学校|医院|中心|党支部|支部|党委|协会|[省市县区乡镇村局年月日港]|"
    # A water or a hill after two marks (○○水库, XX湖), not a word's first character
    # (XX渠道, XX山区, XX江苏分行) nor a bullet's (○河道清淤).
    r"(?<=[XＸ×○]{2})(?:水库|河湾|河段|[河湖江渠山岛](?![道区屿洪堤系南北东西苏]))|"
    r"组(?![织成建合]))?)"
)


def find_placeholders(text: str) -> list[str]:
    """Unique placeholder tokens (X部长, XX县, ××, 某某, ＿＿…) in order of appearance."""
    return _unique(m.group() for m in placeholder_matches(text))


# A lone X, × or ○ with nothing after it to fill is a mark (在姓名上方画“×”, a bullet ○),
# not a blank.
_LONE_MARK = re.compile("[XＸ×○]")


def placeholder_matches(text: str) -> Iterable[re.Match]:
    """Every placeholder in ``text``, where it stands."""
    return (m for m in _PLACEHOLDER.finditer(text) if not _LONE_MARK.fullmatch(m.group()))


_CN_ORD = "[一二三四五六七八九]"
_CONGRESS = rf"(?:十{_CN_ORD}|二十{_CN_ORD}?)"
_YEAR = r"(?<!\d)(?:19|20)\d{2}年|[〇零一二三四五六七八九]{4}年"


# References that name a moment by themselves, without the 是…之年 phrases; the
# calendar's names are added per calendar (_dated).
_NAMED = (
    _YEAR,
    # A plenum, or several of one congress named together (十七届三中、四中全会).
    rf"(?:党的)?{_CONGRESS}届{_CN_ORD}中(?:、{_CN_ORD}中)*全会",
    rf"(?:党的){_CONGRESS}大|{_CONGRESS}大(?=精神|以来|报告|召开|胜利|代表|提出|作出|明确)",
    # Five-year plans: “十四五” and the like, the quoted “十五”, 第十个五年计划.
    rf"十{_CN_ORD}五(?=[”\"]|规划|时期|期间)",
    r"(?<=[“\"])十五(?=[”\"])",
    rf"第{_CN_NUM}个五年(?:计划|规划)",
    # An outbreak named by its strain or acronym (甲型H1N1流感疫情, SARS疫情) is one
    # epidemic; the letters may be misread (HlN1) and still name it.
    r"(?:[甲乙]型|(?<![0-9A-Za-z]))[A-Z][0-9A-Za-z]{1,5}(?:禽流感|流感)?疫情",
)


@cache
def _dated(cal: Calendar) -> re.Pattern:
    """The finder of dated references with ``cal``'s names (made once per calendar)."""
    names = cal.alternation()
    named = (
        *_NAMED,
        # A campaign of education quoted by its slogan (“三讲”教育, “讲学习、讲政治、讲正气”
        # 的教育), unless the calendar knows the slogan: the calendar's spelling wins. A
        # quoted five-year plan is the plan (“十四五”教育发展规划), and a principle quoted
        # before a bare 教育 is no campaign (“健康第一”的教育理念).
        rf"“(?!(?:{names}|十{_CN_ORD}五)”)[^“”\n]{{1,16}}”(?:(?:学习|专题|主题)教育(?:实践)?(?:活动)?|"
        r"的?(?>教育(?:实践)?(?:活动)?)(?!理念|方针|思想|观念|方式|方法|体系|质量|模式|功能|价值|规律))",
        names,
    )
    return re.compile(
        "|".join(
            (
                # 今年是…之年 is one reference, whatever it holds (the generator's labels and
                # the import sets' guide spell it so).
                r"今年是[^。；！？\n]{1,40}?之年",
                # A year, 明年 or 新的一年 with its 是…之年 is one reference when the phrase
                # names nothing dated itself; otherwise what it names is found on its own
                # (2025年是“十四五”收官之年 → 2025年, 十四五).
                rf"(?:(?:{_YEAR})|明年|新的一年)是(?:(?!{'|'.join(named)})[^。；！？\n]){{1,40}}?之年",
                *named,
            )
        )
    )


def find_dated_references(text: str, cal: Calendar | None = None) -> list[str]:
    """Unique references tied to a moment (years, congresses, campaigns…), in order.

    Matching is leftmost and, among alternatives at one position, the first listed wins;
    the calendar's names (``cal``, by default the shipped ``data/calendar.txt``:
    campaigns, programmes, epidemics, crises, disasters) are tried longest first, so
    新冠肺炎疫情防控 yields 新冠肺炎疫情.
    Besides the calendar, the finder knows the forms such references take: years and
    ``…是…之年``, congresses and plenums (several named together too: 十七届三中、四中全会),
    five-year plans (“十四五”, “十五”, 第十个五年计划), an outbreak named by its strain
    (甲型H1N1流感疫情) and an education campaign quoted by its slogan (“三讲”教育).
    """
    return _unique(m.group() for m in _dated(cal or calendar()).finditer(text))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# Title words that name a document's type, most specific first (as patterns: the 体会 of
# 全体会议, 全体会员 and 集体会议 names none).
_TYPE_WORDS = (
    ("述职", "述职报告"),
    ("心得", "心得体会"),
    ("(?<![全集])体会", "心得体会"),
    # A seminar's paper is a 心得体会 whatever it is called (…学习教育研讨发言, 在…研讨会上的
    # 发言), not a leader's speech there (县长在…研讨会上的发言, …研讨会上的表态发言) nor a
    # speech at a meeting of such papers (在…研讨发言会上的讲话).
    (
        "^(?!.*(?:长|书记|主任)在).*研讨(?:交流)?[会班]?上的(?:交流)?发言$|研讨(?:交流)?发言(?!会|交流会)",
        "心得体会",
    ),
    ("发言", "发言材料"),
    ("讲话", "讲话稿"),
    ("致辞", "讲话稿"),
    ("讲稿", "讲话稿"),
    ("党课", "讲话稿"),
    ("主持词", "讲话稿"),
    ("工作报告", "工作报告"),
    ("方案", "方案"),
    ("总结", "总结"),
    ("报告", "工作报告"),
    # A 研讨 paper (专题研讨交流材料) is a 心得体会 unless the title names another kind.
    ("研讨", "心得体会"),
)


def document_type(outline: Outline) -> str | None:
    """The type the title names, or where a slogan title names none, its subtitle
    (——在…会议上的讲话)."""
    return guess_doc_type(outline.title) or guess_doc_type(outline.subtitle)


def guess_doc_type(title: str) -> str | None:
    """The document type its title names (在…会议上的讲话 → 讲话稿), or None where it names
    none, or ends with a kind of its own after it (…环境影响报告书技术审查会会议纪要,
    关于报送年度工作总结的通知). A speech, a host's words or a leader's remarks at a meeting
    named by another kind are a 讲话稿 (在…述职评议会议上的主持词, not a 述职报告)."""
    named, offset = _named_type(title), 0
    meeting = _AT_MEETING.match(title)
    if named and meeting and meeting.start("meeting") <= named[0].start() < meeting.end("meeting"):
        said = _named_type(meeting["said"])
        if said and said[1] == "讲话稿":
            named, offset = said, meeting.start("said")
    if not named:
        return None
    end = offset + named[0].end()
    last = _OTHER_KIND.search(title)
    # (述职报告：严格落实中央八项规定 names its kind, then its theme)
    other = last and last.start() >= end and not _THEME.search(title, end)
    return None if other else named[1]


# A title that says at which meeting it was said (在…述职评议会议上的主持词, 县长在…上的讲话),
# with no label of its kind before (心得体会：…在…上的重要讲话) nor a theme after.
_AT_MEETING = re.compile(r"^[^：:—（(在]{0,12}在(?P<meeting>.+)上的(?P<said>[^：:—（(]+)$")


def _named_type(text: str) -> tuple[re.Match, str] | None:
    """The first type word of _TYPE_WORDS that ``text`` holds, and its type."""
    for word, doc_type in _TYPE_WORDS:
        named = re.search(word, text)
        if named:
            return named, doc_type
    return None


_THEME = re.compile("[:：]")
# The kinds of document that have no type of their own, at a title's end (a summary with
# its next year's plan, …总结暨2025年工作计划, is still a 总结).
_OTHER_KIND = re.compile(
    r"(?:纪要|通知|通报|决定|批复|请示|公告|公报|办法|细则|规定|简报)(?:[（(][^（）()]{1,8}[）)])?$"
)
