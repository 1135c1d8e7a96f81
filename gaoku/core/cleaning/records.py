"""The records a document sets out in lines of their own, which look like a page's fields
and are not: tables and their rows (a timetable, a table of contacts, counted figures), a
form's boxes, blanks and lines to answer on, a regulation's chapters, a questionnaire's
questions — and the words of a page that no such record holds.
"""

from __future__ import annotations

import re

from gaoku.core.cleaning.contacts import CONTACT_VALUE, TRADE
from gaoku.core.cleaning.forms import form_line
from gaoku.core.cleaning.promotion import MEANINGFUL, SENTENCE_END, promotion

# A page's words, which no document's label, name, table or timetable holds (【每日一签】,
# 【打赏作者】, 编者按：本周报由…网编辑整理，转载请保留出处。, □收藏　□点赞).
PAGES_WORDS = re.compile(
    rf"{TRADE}|每日|签到|点赞|收藏|转发|分享|关注|订阅|评论|福利|领取|推荐|转载|出处|来源|"
    r"广告|广而告之|导读|稿酬|"
    r"(?:网|平台|公众号)(?:编辑|整理)"
)


# A document's figures set out as a row of counted items, after its lead-in or none
# (同意（27）　反对（1）　弃权（1）, 受理情况：来信（412）　来访（356）), or as a field of
# its own (实到人数：6人, 同意：6票).
_COUNTED = r"[^\s（）()：:]{1,12}[（(]\d[\d,.]*[）)]"
_COUNTED_ROW = re.compile(rf"^(?:[^：:]{{2,20}}[：:])?(?:{_COUNTED}[ \u3000]+)+{_COUNTED}$")
_COUNTED_FIELD = re.compile(r"^[\u4e00-\u9fff]{1,8}[:：]\s*\d+\s*[人票名次项件个家户]$")
# A unit's, a duty office's or a service's landline with its area code (县委值班室：0558-8011111,
# 城关第一中学：0558-8120022, 县热力公司24小时服务热线：0937-6200000).
_UNIT_PHONE = re.compile(
    r"^(?:[\u4e00-\u9fff×X○]{2,20}(?:委|局|办|室|中心|学校|中学|小学|医院|站|所|院|股|科|队)|"
    r"[\u4e00-\u9fff]{0,6}值班(?:电话)?|[\u4e00-\u9fff\d]{0,16}(?:电话|热线))[:：]\s*0\d{2,3}-\d{7,8}"
)
# A plan's chapters numbered without a mark after the number (1　总则, 2.1　工作原则).
_BARE_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[ \u3000]+[\u4e00-\u9fff]{2,12}$")
# A regulation's chapters (第二章　经费管理) and minutes' number under their title (〔2024〕第8次).
_CHAPTER = re.compile(r"^第[一二三四五六七八九十]{1,3}[章节编][ \u3000]+[\u4e00-\u9fff　 ]{2,16}$")
_SESSION_NUMBER = re.compile(r"^[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第\s*\d{1,4}\s*[次期号]$")
# What a page's feed records its readers doing (10:32　张先生　浏览了本文).
_PAGE_ACTIVITY = re.compile(r"浏览|阅读了|下载了|购买|在线|已购")
# A timetable's row: a time or a span of times, then what happens (8:00—9:00　报到、签到).
_TIMETABLE_ROW = re.compile(
    r"^\d{1,2}[:：]\d{2}(?:\s*[—–\-~～至]+\s*\d{1,2}[:：]\d{2})?[ \u3000]+[\u4e00-\u9fff]{2}"
)
# A questionnaire's question over its options (问题1：…？ / A. 满意　62%).
_QUESTION_ITEM = re.compile(r"^问题\s*\d{1,2}[:：].*[？?](?:[（(][^（）()]*[）)])?$")
_OPTION = re.compile(r"^[A-Ha-h][.．、]")


# A table's row left blank but for its number (1 / 2 / 3 under 序号　姓名　职务).
_ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _numbered_row(lines: list[str], index: int) -> bool:
    """Whether a line is a blank table row's number in a run counting up from the row
    above (a converted page's numbers stand apart, between its paragraphs)."""

    def number(i: int) -> int | None:
        ok = 0 <= i < len(lines) and _ROW_NUMBER.match(lines[i])
        return int(lines[i]) if ok else None

    here = number(index)
    return here is not None and (number(index - 1) == here - 1 or number(index + 1) == here + 1)


def own_record(lines: list[str], index: int) -> bool:
    """Whether a line sets out the document's own record: a row or a field of counted
    figures, a unit's landline, a regulation's chapter, minutes' number, a chapter of a
    plan numbered bare (where the plan has several), a questionnaire's question over its
    options."""
    line = lines[index]
    if _COUNTED_ROW.match(line) or _COUNTED_FIELD.match(line) or _UNIT_PHONE.match(line):
        return True
    if _CHAPTER.match(line) or _SESSION_NUMBER.match(line):
        return True
    if _BARE_NUMBERED.match(line):
        return sum(bool(_BARE_NUMBERED.match(other)) for other in lines) >= 2
    if form_line(line) or _numbered_row(lines, index):
        return True
    if PAGES_WORDS.search(line) or _PAGE_ACTIVITY.search(line):
        return False  # a page's own boxes (□收藏　□点赞) and hours (9:00-18:00　人工客服在线)
    if _TIMETABLE_ROW.match(line) and not SENTENCE_END.search(line):
        # a timetable has rows; a device's clock stands alone, a log's entry is a sentence
        return any(
            _TIMETABLE_ROW.match(lines[i]) for i in (index - 1, index + 1) if 0 <= i < len(lines)
        )
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(_QUESTION_ITEM.match(line) and _OPTION.match(following))


def answer_lines(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line of blanks alone is a form's space to answer in, under its question
    or field (主要做法（300字以内）：, 您的建议？) or under another such line; or a row of blank
    cells to fill under its table's heads (姓名　职务　联系电话 / ＿＿＿　＿＿＿　＿＿＿)."""
    line = lines[index]
    above = index - 1
    while above >= 0 and _BLANKS_ONLY.match(lines[above]):
        above -= 1
    if not (_BLANKS_ONLY.match(line) and above >= 0 and not inside[above]):
        return False
    row = _BLANK_ALONE_LINE.match(line) is None
    return lines[above].endswith(("：", ":", "？", "?")) or (row and cells(lines[above]))


_BLANK_ALONE_LINE = re.compile(r"^[＿_]{4,}$")
# A line of blanks alone, or a row of blank cells.
_BLANKS_ONLY = re.compile(r"^[＿_]{4,}$|^[＿_]{2,}(?:[ \u3000\t]+[＿_]{2,})+$")


def table_row(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line of cells stands beside another (序号　工作任务 / 1　秋粮收购)."""
    beside = (lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines) and not inside[i])
    return cells(lines[index]) and any(map(cells, beside))


# A device's status line, its mark first (‖ 15:04:33 已暂停, ⏱ 剩余阅读时间 01:26, ✔ 第1节已完成).
_STATUS_MARK = re.compile(r"^[^\w\s（(【\[《“‘〔<＜-]\s")
# A number spaced before its counter, as a queue's call sets it (请 A043 号客户到 2 号窗口):
# a sentence, where a table's cell writes 28家.
_SPACED_COUNTER = re.compile(r"(?:^|[ \u3000])[A-Za-z]*\d+ [号位名次个]")
# An app's card ends with its link to act (去洗衣 ›, 查看详情 »); a table's row may end with
# an arrow of its own (完成主体工程 »).
_CARD_LINK = re.compile(r"(?:去\S{1,3}|查看\S{0,4}|进入|前往|点击\S{0,4}|详情|更多)\s*[›»]$")


def cells(line: str) -> bool:
    """Whether a line has two spaced cells or more with words in them: not a sentence
    (您收到此邮件是因为您是 jhzj-dangjian 邮件组成员。), nor a symbol before a space
    (⏸ 录音已暂停（00:17:02）), nor an app's card with its link (2号滚筒洗衣机　空闲
    去洗衣 ›)."""
    return (
        not SENTENCE_END.search(line)
        and not _CARD_LINK.search(line)
        and not _SPACED_COUNTER.search(line)
        and not _STATUS_MARK.match(line)
        and sum(bool(MEANINGFUL.search(part)) for part in _spaced_parts(line)) >= 2
    )


def _spaced_parts(line: str) -> list[str]:
    """A line's parts between its runs of spaces."""
    return re.split(r"[ \u3000\t]+", line.strip())  # a table pasted from a sheet has tabs


def contact_row(lines: list[str], index: int) -> bool:
    """Whether a line is a row of the document's table of contacts (总指挥　张某某　139…,
    院感科　黄某某　0591-…): three cells or more with a number, beside another such row,
    and nothing of promotion but the number."""

    def row(i: int) -> bool:
        line = lines[i]
        return (
            cells(line) and len(_spaced_parts(line)) >= 3 and CONTACT_VALUE.search(line) is not None
        )

    return (
        row(index)
        and not promotion(CONTACT_VALUE.sub("", lines[index]))
        and not PAGES_WORDS.search(lines[index])
        and any(row(i) for i in (index - 1, index + 1) if 0 <= i < len(lines))
    )


# The words official tables head their columns with. Two in a row (one cell a line, as
# Word's tables are read) or in one spaced row start a table, which runs on over lines
# that are no paragraph of prose.
_COLUMN_HEAD = re.compile(
    "序号|编号|类别|名称|项目名称|指标|指标名称|内容|工作任务|重点任务|主要任务|任务内容|"
    "工作内容|具体措施|工作措施|主要措施|工作目标|目标任务|责任单位|牵头单位|配合单位|"
    "协办单位|责任部门|牵头部门|责任领导|牵头领导|责任人|完成时限|完成时间|时间节点|时限|"
    "时间|地点|建设内容|建设地点|建设规模|总投资|投资额|单位|数量|金额|姓名|性别|职务|"
    "年度目标|目标值|完成值|完成情况|进度|备注|合计|小计"
)
_PROSE = 60


def table_cells(lines: list[str]) -> list[int]:
    """The lines of the tables in a text: from a header (two column heads one a line, or a
    spaced row with two) on, up to a paragraph of prose."""
    found: list[int] = []
    index = 0
    while index < len(lines):
        if not table_head(lines, index):
            index += 1
            continue
        while index < len(lines) and not (
            len(lines[index]) > _PROSE and SENTENCE_END.search(lines[index])
        ):
            found.append(index)
            index += 1
    return found


def table_head(lines: list[str], index: int) -> bool:
    """Whether a line starts a table: two column heads in one spaced row, or one a line
    over another."""

    def head(line: str) -> bool:
        return _COLUMN_HEAD.fullmatch(line) is not None

    runs = re.split("[ \u3000\t]+", lines[index])
    if len(runs) > 1:
        return sum(map(head, runs)) >= 2
    return head(lines[index]) and index + 1 < len(lines) and head(lines[index + 1])
