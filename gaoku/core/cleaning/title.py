"""Finding the title: the grammar of official titles, and the lines that only look so.

The title is the first of a text's opening lines that reads as an official title
(:func:`is_title`); a slogan title is found above its ——在…上的讲话 subtitle, and a
title that names no kind is the last line before the body begins. Lines that read as
titles but are not the document's own — the entries of a page's list of other documents
(相关文档推荐 …), a chat message about the document — are told apart by what stands
around them.
"""

from __future__ import annotations

import re

from gaoku.core.cleaning.promotion import (
    HEADING,
    SENTENCE_END,
    chat_header,
    links_heading,
    promotion,
    related_list_heading,
    unmistakable,
)
from gaoku.core.cleaning.reasons import LEARNED, PROMOTION
from gaoku.core.structure import heading_level, is_salutation, is_subtitle

# Opening lines searched for the title.
TITLE_WINDOW = 12
_KINDS = (
    # An office's instruments (责令改正通知书, 行政处罚决定书), before the 通知 they begin with.
    "(?:通知|决定|告知|判决|裁定|调解)书|"
    "(?:倡议|决心|建议|申请|保证|责任|承诺)书|(?:讲话|发言|致辞|演讲|主持|汇报)稿|"
    # …not a news item's line on who spoke (程鹤年出席并讲话) under its headline.
    "(?<!并)讲话|致辞|致词|发言|讲稿|演讲|党课|主持词|报告|方案|总结|体会|要点|汇报|提纲|意见|通知|"
    "决定|规划|计划|纲要|办法|细则|制度|公报|倡议|述职|研讨|说明|请示|批复|通报|"
    "决议|纪要|简报|快报|专报|周报|月报|清单|寄语|思考|预案|简章|章程|条例|问答|[十百]问[十百]答|解读|文字实录|(?<=的)函|复函|"
    "(?:会议|谈话|学习|活动)记录|"
    # A notice to the public (招标公告, 服务公告), not a site's (网站公告, 政务公告, 公告详情).
    "(?<!网站|系统|平台|本站|站内|官方|政务)(?:公告|通告)(?=$|[（(])|"
    # Kinds named by a compound only, since the bare word is a distributor's too
    # (每一篇材料, 加微信): 事迹材料, 对照检查材料, 祝酒词, 慰问信.
    "(?:经验|事迹|交流|汇报|发言|检查|剖析|典型|书面|申报|评议)材料|"
    "(?:祝酒|开幕|闭幕|欢迎|答谢|颁奖|串|发布)词|(?:慰问|感谢|公开|表扬|倡议|邀请|一封)信|贺信"
)
# The grammar of a title that names its kind after 的: 关于…的说明, 在…会上的祝酒词,
# 致…的一封信, with a short kind.
_TITLE_GRAMMAR = re.compile(r"^(?:关于.{2,}|在.{2,}(?:上|时|中))的[^的，。]{1,8}$|^致.{2,}的")
# A kind inside a name cited mid-line (准确把握《条例》修订的主要内容) is not the line's.
_TITLE = re.compile(f"(?:{_KINDS})(?!》.)")
_KIND_LAST = re.compile(f"(?:{_KINDS})$")
# A comma after a title's last kind word: the line goes on as a message. One Han
# character after it, and nothing more than a bracketed note: the kind is part of
# another word (检测报告单（全文对照）, 方案库), where 工作总结和工作打算 goes on.
_CLAUSE_AFTER = re.compile("[，,]")
_WORD_GOES_ON = re.compile("[\u4e00-\u9fff](?:[（(【〔].*)?$")
# A site's name after a bracketed note and a dash (…的讲话（完整版）- 某某文档).
_SITE_AFTER = re.compile("[)）][ \u3000]*[-–—_|｜][ \u3000]*[\u4e00-\u9fffA-Za-z]")
# A form named after the kind (…演讲比赛评分表, …发言登记表): a form about a document.
_FORM_AFTER = re.compile("[\u4e00-\u9fff]{1,6}[表单卡]$")
# Words set apart after the kind: a product's name (…会议讲话稿 三段式 预留数据位), or a
# site's after a web page's title (…工作报告_某某公文网, …讲话 - 某某网, …讲话 | 某某), or a
# screen's after its section (校园通知 ▸ 正在播放 2/5).
_WORDS_AFTER = re.compile(
    "[ \u3000]+[\u4e00-\u9fff]|[ \u3000]*(?:[_|｜▸›»＞>]|[ \u3000][-–—][ \u3000])"
)
# An entry of a numbered list of articles (01 …, 2 …: a number and a space): what a
# bulletin's table of contents or a "recommended reading" block is made of; and a
# catalogue's subject entries (Ⅰ．①基…　Ⅲ．①讲话—汇编). An official
# title never opens that way (a year is followed by 年, a heading marker by 、 or .).
_LIST_ENTRY = re.compile(r"^(?:\d{1,2}[ \u3000]|[①-⑳]|[Ⅰ-Ⅻ][．.、])")


# A kind alone, spaced as a title is set over a court's or an office's notice (公　告,
# 通　告, 通　知).
_SPACED_KIND = re.compile(r"^(?:公|通|布)[ \u3000]+告$|^通[ \u3000]+知$|^公[ \u3000]+示$")
# …and a letter's or a pledge's kind alone, spaced or not (感谢信, 介　绍　信, 证　明, 倡议书).
_LETTER_KIND = re.compile(
    r"^(?:(?:感谢|介绍|慰问|表扬|推荐|邀请|证明)信|证明|(?:倡议|申请|承诺|保证|决心)书)$"
)


def is_title(line: str) -> bool:
    """Whether a line reads as an official document's title.

    A title names its kind last: after the kind may come a bracketed note (（讨论稿）),
    a colon and its theme (专题党课：…) or a subtitle, but never a comma and more words —
    a line that goes on so (…的主持词，按议程排的，需要的自取) is a message about a
    document, not its title, and so is one that offers it (分享一篇支部党课讲稿) or labels
    it (【学习资料】在…上的交流发言), or a product's name after it (…讲话稿 三段式), and a kind
    named only in a label (第 37 题　【组织管理类·交流发言】) is none. Nor does
    a title open with a symbol (▍章节 02　发言全文; a blank ○○ is a title's) or name a
    site's section after a spaced dot (校灵通智能校对 · 检查报告).
    """
    if _SPACED_KIND.match(line) or _LETTER_KIND.match(re.sub(r"[ \u3000]+", "", line)):
        return True
    kinds = [match.end() for match in _TITLE.finditer(_LABELS.sub(_blank_out, line))]
    return (
        4 <= len(line) <= 60
        and bool(kinds or _TITLE_GRAMMAR.search(line))
        and not (kinds and _CLAUSE_AFTER.search(line, kinds[-1]))
        and not (kinds and _WORD_GOES_ON.match(line, kinds[-1]))
        and not (kinds and _WORDS_AFTER.match(line, kinds[-1]))
        and not (kinds and _FORM_AFTER.match(line, kinds[-1]))
        and not (kinds and _SITE_AFTER.search(line, kinds[-1]))
        and not SENTENCE_END.search(line)
        and not _NOTED_SENTENCE.search(line)
        and not _PATH.search(line)
        and not line.endswith(("：", ":"))  # a label over what follows (本文要点：)
        and not _ITSELF.match(line)  # a note on the document (本报告仅对本次受检项目负责)
        and not HEADING.match(line)
        and not _IN_BRACKETS.match(line)  # a note under the title (（文字实录）)
        and not _LIST_ENTRY.match(line)
        and not _field(line)
        and not _OFFERED.match(line)
        and not _SYMBOL_FIRST.match(line)
        and " · " not in line
        and not _COLLECTION.search(line)
        and not _FILE_NAME.search(line)
        and not _SHARE.search(line)
        and "\t" not in line  # a row of a table
        and not promotion(_ROUND.sub("", line) if kinds else line)
    )


# An issue's number is a periodical's brand (第3期 精选范文, 讲话稿分享 第3期), but a title
# that names its kind may name a class's or a meeting's round inside it, between words
# (在第三期青年干部培训班开班式上的讲话).
_ROUND = re.compile(r"(?<=[\u4e00-\u9fff])第[一二三四五六七八九十百\d]+期(?=[\u4e00-\u9fff“])")


def titled_round(line: str) -> bool:
    """Whether a line promotion reads as a periodical's (第三期) is a title naming a
    class's or a meeting's round: only a line with such a round can be both."""
    return bool(_ROUND.search(line)) and is_title(line)


# A line that says what "this" document does or is (本报告仅对本次受检项目负责): never its
# title, as a title names one (本文件汇编说明).
_ITSELF = re.compile(
    "^本(?:报告|方案|总结|讲话|文件|文|材料|通知|意见|办法|规定|纪要)"
    "(?:仅|只|不|已|由|系|为|将|自|经|共|所|中|内)"
)
# A page's path, two spaced slashes or more (文档中心 / 制度与学习材料 / 预览); a title may
# have one (2023 / 2024学年…总结, 关于…的报告 / 附件).
_PATH = re.compile(r"\S[ \u3000]+[/／][ \u3000]+\S.*[ \u3000][/／][ \u3000]+\S")
# A sentence with a note after it (核稿意见：…核对一致。（孟长庚 07-02 17:25）); a slogan title
# may have full stops of its own (守初心。担使命。——…的讲话).
_NOTED_SENTENCE = re.compile("。[（(]")
# A share at the end (KR3　完成年度述职并通过民主测评　　进度 50%): a tracker's item.
_SHARE = re.compile(r"\d%$")
# A file's name (…实施方案正文.docx): a list of files, not the document's title.
_FILE_NAME = re.compile(
    r"\.(?:docx?|wps|pdf|txt|rtf|odt|xlsx?|pptx?|ofd|md|markdown|html?|tex)\b", re.IGNORECASE
)
# A label in 【】 (第 37 题　【组织管理类·交流发言】): a kind named only inside one is a
# category's, not a title's.
_LABELS = re.compile("【[^】]*】")


def _blank_out(label: re.Match) -> str:
    return "【" + "　" * (len(label.group()) - 2) + "】"


# A collection's name (《…学习研讨材料汇编》, a booklet's running head): the book, not
# one of the documents in it.
_COLLECTION = re.compile(r"(?:汇编|选编|合集|文集|专辑|读本|手册|辑要)\W{0,3}$|最新版|大全|范本")
_IN_BRACKETS = re.compile(r"^[（(][^（）()]*[）)]$")
_OFFERED = re.compile(r"^(?:分享|转发|推荐|发)(?:一[篇份个]|[个下])|^【[^】]{1,10}】\S")
_SYMBOL_FIRST = re.compile(r"^[^\w\s“‘「『《〈（(【〔\[—－\-○□×〇]")

# A labelled field (送检篇名：…, title: …): its label, unless the label names the kind
# itself (专题党课：…, a title with its theme after the colon).
_FIELD_LABEL = re.compile("^[^：:，。]{1,8}[:：]")


def _field(line: str) -> bool:
    label = _FIELD_LABEL.match(line)
    return bool(label and not _KIND_LAST.search(label.group()[:-1]))


def title_index(lines: list[str], inside: list[str]) -> int:
    """The title's line: the first of the opening lines not judged wrapper that reads as
    a title, or else the last line of the opening run of lines that are not yet the body
    (_untitled_index)."""
    own = [i for i, reason in enumerate(inside) if not reason]
    for index in own[:TITLE_WINDOW]:
        line = lines[index]
        # A line the next message of a chat log follows is a message about a document (发个
        # 县里的讲话稿): a title is followed by its body.
        if index + 1 < len(lines) and chat_header(lines[index + 1]):
            continue
        if is_title(line):
            # ——在…会议上的讲话 is a subtitle: the title is the line above it, past a
            # wrapper line or two, and even one whose words a post might use (篇篇华章颂
            # 党恩) when no plainer line is there, but never a banner, an offer or a rule's.
            if line.startswith(("—", "－", "-")):
                above = range(index - 1, max(index - 4, -1), -1)
                plain = (i for i in above if not inside[i])
                worded = (i for i in above if _may_head(lines[i], inside[i]))
                return next(plain, next(worded, index))
            return _title_after_wrapper(lines, inside, index)
    return _untitled_index(lines, inside)


def _title_after_wrapper(lines: list[str], inside: list[str], index: int) -> int:
    """The title, where the line at ``index`` reads as one: the next line not judged
    wrapper instead when it reads as a title too and wrapper stands between them — the
    first was the heading of a distributor's block (a mind map's central topic over its
    branches, 三中全会学习体会), the second the document's own — or when the first is a
    collection's section named by a kind alone (第五章 / 礼仪致辞 / 在…上的致辞) or a book's
    name in 《》 (a booklet's running head). A title set on two lines has nothing between
    them."""
    # A record's fields between them (发起人：…, 倡议正文：) are passed over; a salutation
    # (各位代表：) is not.
    after = next(
        (
            i
            for i in range(index + 1, len(lines))
            if not inside[i] and (is_title(lines[i]) or not _RECORD_FIELD.match(lines[i]))
        ),
        None,
    )
    if after is None or not is_title(lines[after]) or lines[after].startswith(_DASHES):
        return index
    if after > index + 1 or _SECTION.match(lines[index]) or _BOOK_NAME.match(lines[index]):
        return after
    # A line that only names a kind (发言计时 剩余 05:00) over one in a title's grammar (在…上
    # 的表态发言) is a label over the title, not its first half.
    if _TITLE_GRAMMAR.search(lines[after]) and not _TITLE_GRAMMAR.search(lines[index]):
        return after
    return index


# A record's field with its value (发起人：某某服务队), or its label over the text (倡议正文：).
_RECORD_FIELD = re.compile(
    "^[^：:，。]{1,8}[:：]\\s*[^\\s：:]|^[^：:，。]{0,6}(?:正文|全文|原文|内容)[:：]$"
)
# A section of a collection named by its kind, with a word or two before it (礼仪致辞,
# 表态发言, 述职报告): no document's own title is so bare when a full one follows.
_SECTION = re.compile(f"^[\u4e00-\u9fff]{{0,2}}(?:{_KINDS})$")
_DASHES = ("—", "－", "-")
# A name wholly in 《》 right above a title: the book or booklet it is printed in.
_BOOK_NAME = re.compile(r"^《[^《》]+》$")


def _may_head(line: str, reason: str) -> bool:
    """Whether a line above a subtitle may be the slogan title it belongs to: one that no
    editor's rule names and that bears no sign a title never bears."""
    return reason in ("", PROMOTION, LEARNED) and not unmistakable(line)


def _untitled_index(lines: list[str], inside: list[str]) -> int:
    """The title of a text whose title names no kind (一个村的蝶变): the body starts at
    the first sentence, salutation, heading or labelled field (主持人：…) after it, and
    the title is the last line before that which is not a subtitle (——…, （2025年3月1日）).
    A brand alone above the title is thus not taken for it, nor are the fields of a
    record above any title (作品编号：…　参赛组别：…)."""
    own = [i for i, reason in enumerate(inside) if not reason]
    title = None
    for index in own[:TITLE_WINDOW]:
        line = lines[index]
        field = "：" in line or ":" in line
        if (
            title is None
            and field
            and not SENTENCE_END.search(line)
            and not line.endswith(("：", ":"))
        ):
            continue
        if SENTENCE_END.search(line) or heading_level(line) is not None or field:
            break
        if title is None or not is_subtitle(line):
            title = index
    if title is not None:
        return title
    return own[0] if own else len(lines)


# The most entries a page's list of other documents holds, and the longest one.
_MAX_ENTRIES = 12
_MAX_ENTRY = 40


def related_entries(lines: list[str], inside: list[str]) -> list[int]:
    """The entries of a page's lists of other documents: the lines after a list's heading
    (相关文档推荐, 推荐阅读) that read as titles (is_title), past lines already judged
    wrapper (范文, 精选3篇, counters).

    The entries name documents, so they read as titles themselves, and a list above the
    document would otherwise give it another's title. The list ends at the first line
    that is no title (a sentence, a heading, an unmarked heading of the body); and above
    the body (before its first sentence) also at a line that the body starts right after
    (a salutation, a subtitle or a sentence follows it): that line is the document's own
    title.
    """
    found: list[int] = []
    for heading in (i for i, line in enumerate(lines) if related_list_heading(line)):
        above_body = not any(
            SENTENCE_END.search(lines[i]) and not inside[i] for i in range(heading)
        )
        entries = 0
        links = links_heading(lines[heading])
        for index in range(heading + 1, len(lines)):
            if inside[index]:
                continue
            line = lines[index]
            if (
                entries == _MAX_ENTRIES
                or len(line) > _MAX_ENTRY
                or heading_level(line) is not None
                or is_subtitle(line)
                or not (is_title(line) or (links and not SENTENCE_END.search(line)))
                or (above_body and _body_follows(lines, inside, index))
            ):
                break
            found.append(index)
            entries += 1
    return found


def _body_follows(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether the first line after ``index`` not judged wrapper starts a body: a
    sentence, a salutation or a subtitle."""
    following = (lines[i] for i in range(index + 1, len(lines)) if not inside[i])
    line = next(following, "")
    return bool(SENTENCE_END.search(line) or is_salutation(line) or is_subtitle(line))
