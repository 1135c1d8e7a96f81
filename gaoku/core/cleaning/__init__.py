"""Strip distributor boilerplate from imported texts: find the document, then the wrapper.

Documents passed around by distributors arrive wrapped in their brand, slogans, notices,
contact lines, banners and page furniture (仅供学习 禁止外传, "…整理，咨询QQ…", a brand name
alone on the first line, ★★★ banners, 第2页 共5页). A list of patterns cannot know the next
distributor's wording, so the cleaner first finds the document and then judges every
line outside it, and every short interruption inside it, by what the line is:

1. **The title** is the first of the opening lines that reads as an official title: it
   names a kind of document (在…会议上的讲话, 关于…的报告, …实施方案, …心得体会,
   …述职报告, …致辞, …党课讲稿, …主持词, …事迹材料, …祝酒词, …慰问信) or has the
   grammar of one (关于…的说明, 在…上的…, 致…的…), names it last (a line that goes on
   after its kind with a comma is a message about a document: …的讲话稿，供参考), and is
   neither a sentence, an entry of a numbered list (01 …, a post's table of contents),
   an entry of a page's list of other documents (after 相关文档推荐, 猜你喜欢), a chat
   message (the next message's header follows it) nor promotion; above a ——在…上的讲话
   subtitle, the slogan title it belongs to. A title that names no kind is the last line
   before the body begins (its first sentence, salutation or heading). Every line before
   the title is wrapper, except an official document's header (某某县人民政府办公室文件,
   某政办发〔2026〕5号): a document starts with its title (:mod:`.title`).
2. **The end** is the last line that reads as the document's own: a sentence (ending in
   。！？…), a signature (a date, an issuing body) or a speech's last words left without
   a stop (谢谢大家, 散会). Every line after it is wrapper.
3. **Inside**, a line is wrapper when it is filler (no letter, digit or Han character),
   matches one of the editable patterns, or reads as promotion
   (:mod:`gaoku.core.cleaning.promotion`): a web address or a seller's number, a
   disclaimer or copyright line, a banner, a slogan of what a site offers, what a web
   page leaves behind (a bracketed label such as [图片], emoji, #话题 tags, an entry of
   its reading list, its calls to action, counters and fields, a note of reading time,
   the fields of a file-sharing page, a paywall's notices), a chat log's message headers
   (a name, a day and a clock time) and stickers ([抱拳]), a converter's or scanner's
   stamp and watermark notice, a shop's prices and labels (原价…元, 【限时福利】),
   page furniture (第2页 共5页, （接上页）, 内部资料 注意保存). A note the publisher
   labelled as its own (AI摘要：…, 编者按：…) is wrapper at any length. A slogan set as
   display text (two runs of words parted by a space, no punctuation: 笔耕不辍　与君同行)
   is wrapper inside the body too, unless it is a row of a table or one of several
   different unmarked headings.
   Sentences of the document that mention 会员 or QQ群 for a reason of their own, and its
   own contact lines (联系人：…，联系电话：…), stay: only the strongest signs remove a line
   that reads as a sentence.

4. **Learned**: a line that recurs across the library's documents, its numbers aside
   (:func:`line_shape`), and is neither a sentence, a heading, a title, a salutation, a
   signature nor a table's cell is its source's wrapper (a distributor wraps every
   document the same way): the platform passes such lines in as ``known``
   (:func:`learnable_lines` says which lines count). Learning only adds: the text is read
   without them and with them, and a line goes if either reading removes it. Within one
   text, a short line repeated on every page is a running head.

5. **Judged by register**: where no rule names a line's sign, the learned line judge
   (:mod:`gaoku.core.cleaning.learned`) weighs its words; it is never asked about what
   has the form of the document's own (a title, heading, salutation, signature, tail,
   contacts, arrangements, a table's row, a piece of a broken sentence), and a tail in
   another register after the document's last words goes whole.

What was removed is reported, each line with its reason, so an editor can see why. The
patterns are data (:mod:`gaoku.core.cleaning.rules`): the defaults live in
``data/boilerplate.txt``, and the platform keeps the editable copy (seeded from the
defaults) that it passes in.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from gaoku.core.cleaning.learned import shipped
from gaoku.core.cleaning.promotion import (
    CERTIFIED_COPY,
    CONTINUED_FROM,
    HAN,
    HEADING,
    MEANINGFUL,
    SENTENCE_END,
    agenda,
    chat_header,
    display_slogan,
    own_contact,
    post_header,
    promotion,
    publisher_note,
    slide_marker,
)
from gaoku.core.cleaning.reasons import (
    AFTER_END,
    BEFORE_TITLE,
    FILLER,
    FOREIGN,
    LEARNED,
    PATTERN,
    PROMOTION,
    RECURRING,
    REPEATED,
)
from gaoku.core.cleaning.rules import (
    CONTAINS,
    INVALID_RULE,
    SLOW_RULE,
    Rule,
    compile_patterns,
    default_patterns,
    rule_regex,
)
from gaoku.core.cleaning.title import is_title, related_entries, title_index
from gaoku.core.structure import (
    find_placeholders,
    heading_level,
    is_closing,
    is_document_header,
    is_salutation,
    is_speaker,
    is_subtitle,
)

__all__ = [
    "AFTER_END",
    "BEFORE_TITLE",
    "CONTAINS",
    "FILLER",
    "FOREIGN",
    "INVALID_RULE",
    "LEARNED",
    "MAX_WRAPPER_LINE",
    "PATTERN",
    "PROMOTION",
    "RECURRING",
    "REPEATED",
    "SLOW_RULE",
    "CleanResult",
    "Rule",
    "compile_patterns",
    "default_patterns",
    "is_title",
    "learnable_lines",
    "line_shape",
    "promotion",
    "rule_regex",
    "strip_boilerplate",
]

# A boilerplate line is short; a longer line is a content paragraph that happens to mention
# QQ or a website, and removing it would lose the member's text.
MAX_WRAPPER_LINE = 120

# A line without a single letter, digit or Han character is filler (————, ＊＊＊),
# unless it is a fragment of a sentence that a converter broke across lines (》、《 or 。
# alone, where a web page held a link) or the writer's own elision (…… alone): a few
# marks of sentence punctuation.
_FRAGMENT = re.compile("[《》〈〉、，。；：！？“”‘’（）…]{1,3}")
# What OCR reads off a board's edge or a stain (—— l ;, |||): no Han character, no digit,
# a letter or two and marks other than a sentence's. Letters alone (PM, of PM2.5 broken
# across lines) are a fragment of the text.
_OCR_NOISE = re.compile("^(?=.*[^\\sA-Za-z《》〈〉、，。；：！？“”‘’（）…])[^\u3400-\u9fff\\d]*$")
_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True)
class CleanResult:
    """A cleaned text, the lines removed from it in document order, why each was, and
    where each stood among the text's lines (an index into its non-empty lines)."""

    text: str
    removed_lines: tuple[str, ...]
    reasons: tuple[str, ...] = ()
    positions: tuple[int, ...] = ()


# A signature after the last sentence: a date, an issuing body, a post and its holder's
# name (柳溪镇党委书记　某某, 镇党委书记：○○), or a field that names the writer, the unit or the day
# (述职人：＿＿＿, 汇报单位：…, 日期：…) — not any "name：words", which is how a comment
# under a post reads (青柠气泡水：写得很真实).
_DATE = (
    r"[\d〇○零一二三四五六七八九十XＸ×]{2,4}年[\d一二三四五六七八九十XＸ×]{1,2}月"
    r"(?:[\d一二三四五六七八九十XＸ×]{1,3}日)?|"
    # …or a template's day to fill, without its year (X月X日).
    r"[XＸ×○]{1,2}月[XＸ×○]{1,2}日"
)
# No unit's name says where something went (已读回执已发送至调度中心, a device's status) or
# opens as a button does (返回接单大厅).
_ISSUER = (
    r"(?![^\s，。！？：；]*(?:已|送达|(?:发送|推送|转送|提交|同步|上传|报送|移交|转|送|发)[至到])"
    r"|返回|进入|前往|点击|查看)"
    r"[^\s，。！？：；]{2,30}(?:委员会|人民政府|政府|办公室|办公厅|党委|党组|党工委|支部|"
    r"委|局|厅|部|处|科|中心|公司|集团|学校|医院|协会|学会|队|所|院|街道|镇|乡|组)"
)
_POST = (
    r"[^\s，。！？：；]{0,20}(?:书记|主任|局长|县长|市长|区长|镇长|乡长|部长|厅长|处长|科长|"
    r"校长|院长|主席|经理|组长|队长|站长|所长)(?:[ \u3000]+|[ \u3000]*[:：][ \u3000]*)"
    r"[^\s，。！？：；]{2,4}"
)
_WRITER = (
    r"(?:(?:述职|汇报|报告|发言|交流|讲话|主持|起草|填报|申报|承办|经办|研讨)人|(?:撰稿|执笔)人?)"
)
_ONE_FIELD = (
    rf"(?:[\u4e00-\u9fff]{{0,2}}(?:单位|部门|机关|支部|日期|时间)|[\u4e00-\u9fff]{{1,4}}组(?:成员|组长)|"
    rf"署名|签名|[（(]?{_WRITER})"
    r"[:：][^:：]{0,24}"
)
# One such field, or two (汇报单位：…　日期：…): a row with any other label (主办单位：…　技术
# 支持：…) is a site's footer.
_FIELD = rf"{_ONE_FIELD}(?:[ \u3000]+{_ONE_FIELD})?"
# …or whoever signs with a blank for their name (第三组学员　某某).
_BLANK_NAME = r"[^\s，。！？：；]{2,20}[ \u3000]+(?:某某|×{2,3}|X{2,3}|○{2,3})"
# An issuer, and whoever signs for it: a name, or a post and a name (桥吊二队　司机　韦晓川),
# not a site's credits (融媒体中心　责编　王芳).
_CREDIT = "编辑|责编|审核|校对|记者|来源|摄影|通讯员|技术支持|维护|运维|制作|出品|提供"
_SIGNED = (
    rf"(?:{_ISSUER}(?:[ \u3000]+(?!(?:{_CREDIT})(?:$|[ \u3000]))(?:[^\s，。！？：；]{{2,4}}|"
    r"[\u4e00-\u9fff]{2,4}[ \u3000]+[\u4e00-\u9fff]{2,3}))?)"
)
# An issuer with the name it also goes by (党委办公室（集团办公室）): one office's notices
# share it, so the library never learns it; a site's footer may read so too.
_ISSUER_ALIAS = re.compile(rf"^{_ISSUER}[（(][^（）()\s]{{2,12}}[）)]$")
# A row of such fields that names its writer (（研讨人：＿＿＿　　所在支部：＿＿＿）) signs the
# document, though a row of fields is otherwise a page's record.
_WRITERS_ROW = re.compile(rf"[（(]?{_FIELD}[）)]?")
_WRITER_FIELD = re.compile(rf"{_WRITER}\s*[:：]")
# A signature in brackets too: the unit a report is by, as a paper prints it under the
# report or the title (（市政协经济委员会调研组）), and an article's author as a paper or a
# journal names them under it (（作者单位：中共某市委党校）, （作者系某县委书记）).
_AUTHOR = r"[（(]作者(?:单位|简介)?(?:[:：]|系|为)[^（）()]{2,40}[）)]"
# …and whoever holds a post named …员 signs so, the name after a space (河湾库保管员　覃立伟).
_STAFF = r"[\u4e00-\u9fff]{2,20}员[ \u3000]+[\u4e00-\u9fff]{2,4}"
_SIGNATURE = re.compile(
    rf"^(?:{_DATE}|{_SIGNED}|[（(]{_SIGNED}[）)]|{_POST}|{_FIELD}|"
    rf"[（(](?={_WRITER}){_FIELD}[）)]|{_AUTHOR}|{_STAFF}|{_BLANK_NAME}|"
    # …and a lecture's lecturer by post and name (主讲人：机关党委书记　某某), not a course's
    # teacher (主讲人：笔杆老师).
    rf"主讲人?[:：]\s*{_POST})$"
)
# A labelled field of a record (档号：…, 著录人：…　审核人：…).
_LABELLED = re.compile("^[^：:，。！？]{1,10}[:：]")
# The last words of a speech or a report, which a writer may leave without a stop
# (谢谢大家, 会议到此结束，散会, 以上发言不妥之处请批评指正): the document's own end.
_LAST_WORDS = re.compile(
    r"^(?:谢谢大家|谢谢各位|谢谢|(?:[^，。！？]{2,12}[，,])?(?:现在)?散会|"
    r"(?:以上[^。！？]{0,12}?)?(?:不妥之处[^。！？]{0,6}?)?(?:[请敬]+|恳请)[^。！？]{0,12}?批评指正"
    r"(?:[!！。]?谢谢(?:大家|各位)?)?)[!！。]?$"
)
# A document's imprint or its signer in brackets (（○○镇党委办公室　X月X日印发）, （…调研组　执笔：
# ＿＿＿）, （××　2024年9月）, （纪要整理：市信用体系建设联席会议办公室）), not a distributor's
# credit in that shape (（某某写作工作室　执笔：老王）).
_IMPRINT = (
    r"^[（(](?![^（）()]*(?:网|工作室|写作|文秘|笔杆|范文|素材|转自|来源|生成|笔记|AI|智能|佚名|"
    r"公众号|私房|文库|文档|资料|编辑部|会员|分享|下载|小编|转发|关注|在看|老师|本文))"
    r"(?:[^（）()]{1,30}(?:印发|执笔\s*[:：][^（）()]{0,12}|"
    r"[ \u3000]+(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?)|"
    r"(?:纪要整理|记录整理|执笔)\s*[:：][^（）()]{2,24})[）)]$"
)
# …of which minutes' own, by the unit that took them (（纪要整理：市信用体系建设联席会议办公室）),
# is theirs even where a distributor's word in it (整理) made it look like a credit.
_MINUTES_IMPRINT = re.compile(
    rf"(?={_IMPRINT})[（(](?:纪要整理|记录整理)\s*[:：][^（）()]*"
    r"(?:办公室|委员会|局|组|处|科|室|中心|部|委|院|所|站|队)[）)]$"
)
# What a document may have after its signature, as its own: the attachments it lists, its
# notes, its contact person, whom it is copied to, how it is to be released (附件：1.…,
# 备注：…, （联系人：…）, 抄送：…, （此件公开发布））, and the last line of an official
# document's colophon (版记), who printed it and when (某某区人民政府办公室　　2026年2月10日印发).
_OWN_TAIL = re.compile(
    r"^[（(]?(?:附件|附|联系人|抄送|抄报|报送|主送|印发|发送|备注)\s*[:：]|^附件\s*\d{1,2}$|"
    # …and a meeting's minutes, who chaired, attended and took them (主持：…, 出席：…, 记录：…).
    r"^(?:主持人?|出席|列席|缺席|请假|记录人?|(?:参会|参加|出席|列席)(?:会议)?人员)\s*[:：]|"
    r"^[（(](?:此件|本件)[^）)]{0,12}[）)]$|"
    rf"{_IMPRINT}|"
    # …its note on its own figures (注：报告中部分数据为预计数，最终以年报为准。), not a
    # template's or a site's on theirs (注：文中数据均为示例…, 注：统计截至发稿时，版权归…),
    r"^注\s*[:：](?![^。！？]*(?:示例|虚构|仅供|参考|版权|侵权|转载|本站|网络|词条|百科|范文|修改|"
    r"替换|自行|编辑))[^。！？]{0,40}?(?:数据|统计|指标|口径|截至|预计数|快报数|初步核算)|"
    # …and a host's last direction (（奏乐，散会）), and where its parties sign and seal
    # (甲方（盖章）：某某服务中心, 负责人（签字）：).
    r"^[（(][^（）()]{0,8}散会[）)]$|"
    r"^[^，。！？：:（(]{1,8}[（(](?:盖章|签字|签章|签名|公章|签字盖章)[）)]\s*[:：]|"
    rf"^{_ISSUER}\s+{_DATE}(?:印发|发布)?$|"
    # …a part it leaves out (参会单位及人员名单（略）),
    r"^[^，。！？（(]{2,20}[（(]略[）)]$|"
    # …or the date it was issued, on a line of its own under the issuer or after any unit
    # (蓝屿中心渔港管理站　　2025年4月3日印发: no distributor prints 印发; a site's 2024年3月5日
    # 发布 is the page's).
    rf"^(?:[^\s，。！？：；]{{2,30}}\s+)?(?:{_DATE})\s*印发$"
)
# The opening of a notice about the text itself, and the length of a paragraph no notice
# has after it.
_NOTICE_START = re.compile(r"^(?:本作品|本文档?|本资料|本材料|注[:：]|声明[:：]|免责声明|版权)")
_PARAGRAPH = 100
_NOTE_LABEL = re.compile(
    r"^\W*(?:点评|名师点评|范文点评|专家点评|写作要点|写法点拨|学习要点|编者按|课后练习|思考题|"
    r"(?:练习|测试|答题|考试)结果|成绩单)\W*$"
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
    lines = [line for line in _without_viewer_marks(text.split("\n")) if line]
    # What the rules and the judge say of each line is the same with or without learning.
    rules = [_inside_reason(line, patterns) for line in lines]
    scores = _scores(lines)
    reasons = _line_reasons(lines, rules, frozenset(), scores)
    known = frozenset(
        line
        for line in known
        if not SENTENCE_END.search(line) or _out_of_place(lines, reasons, known, line)
    )
    if any(line in known and not reason for line, reason in zip(lines, reasons, strict=True)):
        # Learning only adds: the lines the library knows are wrapper, and so is what the
        # text read with them set aside loses besides (a title or an end found past them);
        # nothing removed without them comes back (a notice that ends the text still takes
        # its lines that no library learns). Where the rules took every known line already,
        # there is nothing to add.
        learned = _line_reasons(lines, rules, known, scores)
        reasons = [plain or extra for plain, extra in zip(reasons, learned, strict=True)]
    kept = [line for line, reason in zip(lines, reasons, strict=True) if not reason]
    removed = [i for i, reason in enumerate(reasons) if reason]
    return CleanResult(
        "\n".join(kept),
        tuple(lines[i] for i in removed),
        tuple(reasons[i] for i in removed),
        tuple(removed),
    )


def _out_of_place(lines: list[str], reasons: list[str], known: frozenset[str], line: str) -> bool:
    """Whether a sentence that other documents hold too stands, wherever it stands in the
    text, after the document's signature with nothing of the document's after it, as a
    kiosk's or an app's notice under every text it shows does (本机不收取现金，缴费请使用…。).
    Between the document's paragraphs such a sentence stays: one issuer's series of
    notices share their own reminders there (停电期间请注意用电安全。, 请考生携带准考证和身份证
    参加考试。) and their courtesies above the signature (感谢您的支持与配合！), which the judge
    leans to wrapper on as it does on a kiosk's."""

    def before(i: int) -> str | None:
        j = i - 1
        while j >= 0:
            if not reasons[j] and lines[j] not in known:
                return lines[j]
            j -= 1
        return None

    def last(i: int) -> bool:
        return all(reasons[j] or lines[j] in known for j in range(i + 1, len(lines)))

    def placed(i: int) -> bool:
        signed = before(i)
        return last(i) and signed is not None and bool(_SIGNATURE.match(signed))

    return all(placed(i) for i, other in enumerate(lines) if other == line)


def _line_reasons(
    lines: list[str], rules: list[str], known: frozenset[str], scores: list[float]
) -> list[str]:
    """Why each line is removed, "" for the document's own (``rules``: each line's reason
    by the rules alone, ``scores``: the judge's)."""
    inside = [RECURRING if line in known else rule for line, rule in zip(lines, rules, strict=True)]
    for index in range(len(lines)):
        # The document's own 邮箱 under its 联系人, its minutes' imprint (（纪要整理：…办公室）)
        # and its signer's blank name (××).
        own = (
            inside[index] == PROMOTION
            and (
                _own_contact_field(lines, inside, index)
                or bool(_MINUTES_IMPRINT.match(lines[index]))
            )
        ) or (inside[index] == FILLER and _blank_signer(lines, index))
        if own:
            inside[index] = ""
    for index in related_entries(lines, inside):
        inside[index] = PROMOTION
    for index in [
        *_speaker_notes(lines),
        *_chat_replies(lines),
        *_thread_replies(lines),
        *_jump_heads(lines),
        *_pull_quotes(lines),
    ]:
        inside[index] = PROMOTION
    for index in _dictionary_popups(lines):
        inside[index] = FOREIGN
    for index in _running_heads(lines, inside):
        inside[index] = REPEATED
    for index in _outside_marked_text(lines):
        inside[index] = PROMOTION
    for index in _no_attachment_fields(lines, inside, scores):
        inside[index] = PROMOTION
    opening = _learned(lines, inside, scores)
    start = title_index(lines, [LEARNED if i in opening else r for i, r in enumerate(inside)])
    if start < len(lines):
        inside[start] = ""  # a slogan title is the title, whatever words it uses
    # A bulletin's issue beside its title (第15期（总第318期）) is the bulletin's; above the
    # title and apart from it, a journal's that carries the document.
    issues = [i for i, line in enumerate(lines) if i <= start + 1 and _ISSUE.match(line)]
    under = lines[start + 1] if start + 1 < len(lines) else ""
    if _ISSUE_UNDER.match(under):  # minutes' issue in brackets under their title (（第5期）)
        issues.append(start + 1)
    issue = next((i for i in issues if abs(i - start) == 1 and _bulletin(lines[start])), None)
    if issue is not None:
        inside[issue] = ""
    carried = any(i < start - 1 for i in issues)
    for index in _byline_rows(lines, inside, start, opening):
        inside[index] = LEARNED
    end = _end_index(lines, inside, start, scores)
    for index in [*_spaced_slogans(lines, inside, start, end), *_tips(lines, inside, start, end)]:
        inside[index] = PROMOTION
    reasons = []
    for index, line in enumerate(lines):
        if index < start:
            # An official document's header (文件, 〔2026〕5号) stands above its title.
            own = index == issue or (is_document_header(line) and not inside[index])
            reason = "" if own else BEFORE_TITLE
        elif index > end:
            own = not carried and _distribution(lines, end, index)
            reason = "" if own else AFTER_END
        else:
            reason = inside[index]
        reasons.append(reason)
    return reasons


# A page's tip to its reader, one sentence telling them what to do (温馨提示：本馆每周一闭馆，
# 参观请提前预约。, 小贴士：长按段落可引用到讨论区…, 系统提醒：…); a document speaking of its own
# tips (安全提示：我们通过家校微信群每周推送…), quoting one and going on (…。请同学们牢牢记住。)
# or telling its own audience (…请各乡镇…, 请家长…) keeps them, and so does any under a label
# of its own (特别提醒：, 廉洁提醒：, 风险提示：, 【安全提醒】).
_TIP = re.compile(
    r"^\W{0,2}(?:温馨|友情|贴心|安全|系统|小)(?:提示|提醒|贴士)\W{0,2}[:：]"
    r"(?=.*(?:请|勿|禁止|严禁|不要|谨防|长按|点击))(?!.*(?:我|这|各|家长|大家|同志|全体))"
    r"[^。！？]*[。！？]?$"
)
# The titles of documents that give their audience no tips of their own, by the kind they
# end with: a notice, a plan or a host's script may (温馨提示：文明祭扫，平安清明。), and so may
# a notice about reports (关于召开述职评议会议的通知).
_TIPLESS = re.compile(
    r"(?<!主持)(?:讲话|致辞|讲稿|党课|报告|总结|发言|发言材料|心得|体会|研讨材料|交流材料)"
    r"(?:[（(][^（）()]{1,8}[）)])?(?:[:：][^:：]+)?$"  # …党课讲稿：坚守医者初心
)


def _tips(lines: list[str], inside: list[str], start: int, end: int) -> list[int]:
    """The tips a page puts between the paragraphs of a speech or a report."""
    named = [line for i, line in enumerate(lines[start : start + 2]) if not i or is_subtitle(line)]
    if not any(_TIPLESS.search(line) for line in named):
        return []
    last = min(end + 1, len(lines))
    return [i for i in range(start + 1, last) if not inside[i] and _TIP.match(lines[i])]


# A portal's field under the text it shows: no attachment (附件：无, 附件：（无）); a document's
# own is signed and dated within a few lines after it (附件：无 / 本通知电子版已上传… / 某某局 /
# 2026年4月3日).
_SIGNED_WITHIN = 4
_NO_ATTACHMENT = re.compile(r"^附件\s*[:：]\s*[（(]?无[）)]?$")


def _notice_sentence(line: str, score: float) -> bool:
    """A sentence the judge leans to read as a page's (a signature is no sentence)."""
    return bool(SENTENCE_END.search(line)) and score > LEARNED_THRESHOLD


def _no_attachment_fields(lines: list[str], inside: list[str], scores: list[float]) -> list[int]:
    """A portal's 附件：无 with its buttons or its notice right under it (【打印本页】, 本平台
    公开的…仅供查询参考…。): a document's own stands above its signature or ends the text."""
    return [
        i
        for i, line in enumerate(lines[:-1])
        if _NO_ATTACHMENT.match(line)
        and not inside[i]
        and (inside[i + 1] or _notice_sentence(lines[i + 1], scores[i + 1]))
        and not any(_DATE_LINE.match(after) for after in lines[i + 1 : i + 1 + _SIGNED_WITHIN])
    ]


# Whom a bulletin goes to (报：…, 送：…, 发：…), and how many it printed (（共印35份）).
_DISTRIBUTION_LINE = re.compile(
    r"^(?:(?:报|送|发|分送|抄送|抄报|报送|印发)\s*[:：]\s*\S|[（(]共印\s*\d+\s*份[）)]$)"
)


def _distribution(lines: list[str], end: int, index: int) -> bool:
    """Whether a line after the document's end is one of whom it goes to (a bulletin's or
    a minutes' 报：…/送：…), in the block of such lines (and rules) right under its last
    lines. A journal's under an article it carries is the journal's: the caller asks only
    where no journal's issue stands above the article's title."""
    return bool(_DISTRIBUTION_LINE.match(lines[index])) and all(
        _DISTRIBUTION_LINE.match(lines[j]) or not MEANINGFUL.search(lines[j])
        for j in range(end + 1, index)
    )


# What a viewer puts before every line it shows, not the text's own: a paste site's or
# code viewer's gutter of line numbers (  7 │ 文本, 7  文本) and an e-mail's quoting (> 文本). Only
# a run of marked lines counts, numbered one by one where it is a gutter, so a document's
# own line that starts with a number and a bar, or a lone >, is left as it is.
_GUTTER = re.compile(r"^[ \t\u3000]*(\d{1,5})(?:[ \t\u3000]*([│┃|｜¦])[ \t\u3000]*|(?: {2,}|\t)|$)")
_QUOTED = re.compile(r"^[ \t\u3000]*(?:[>＞][ \t\u3000]*)+")
_MARKED_RUN = 5
# A gutter without a bar (12  文本) looks like a list numbered with spaces, or a table's
# column of numbers: it must run longer, and, as any gutter, mostly in front of text.
_BARLESS_RUN = 12


def _without_viewer_marks(lines: list[str]) -> list[str]:
    """The lines with a viewer's marks taken off wherever they mark a run of lines."""
    unmarked = list(lines)
    for marks in (_gutter_runs(lines), _quoted_runs(lines)):
        for start, end in marks:
            for index in range(start, end):
                unmarked[index] = _unmark(unmarked[index])
    return unmarked


def _unmark(line: str) -> str:
    for mark in (_GUTTER, _QUOTED):
        line = mark.sub("", line, count=1)
    return line.strip()


def _gutter_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of lines numbered one by one in a gutter: (first, past the last) indexes."""
    marks = [_GUTTER.match(line) for line in lines]
    runs, start, previous = [], 0, None
    for index, mark in enumerate([*marks, None]):
        number = int(mark.group(1)) if mark else None
        if number is None or previous is None or number != previous + 1:
            if previous is not None and _is_gutter(marks[start:index]):
                runs.append((start, index))
            start = index
        previous = number
    return runs


def _is_gutter(marks: list[re.Match]) -> bool:
    texted = sum(mark.end() < len(mark.string) for mark in marks)
    barred = sum(mark.group(2) is not None for mark in marks)
    long_enough = _MARKED_RUN if 2 * barred >= len(marks) else _BARLESS_RUN
    return len(marks) >= long_enough and 2 * texted >= len(marks)


def _quoted_runs(lines: list[str]) -> list[tuple[int, int]]:
    runs = []
    for quoted, group in itertools.groupby(
        enumerate(lines), lambda item: bool(_QUOTED.match(item[1]))
    ):
        indexes = [index for index, _ in group]
        if quoted and len(indexes) >= _MARKED_RUN:
            runs.append((indexes[0], indexes[-1] + 1))
    return runs


# The learned judge's score above which a line no rule protects is wrapper. Trained without
# a set, the judge caught 88% of that set's wrapper lines at these thresholds; of the real
# reports' lines only pieces of sentences a converter broke (PM / 2.5 / ）) score above
# them, and _continues keeps those (bench/line_model.py, README).
LEARNED_THRESHOLD = 2.0
# A line that reads as a sentence is the document's far more often: it must score higher
# (#2烘干机组已完成检修。 scores 2.3; 如需调整…请继续告诉我。 5.4).
SENTENCE_THRESHOLD = 3.25
# A device's or a screen's sentence on itself (本机为抄表作业专用设备…, 本页将自动锁定…) is
# learnable down to a lower score, as it is wrapper only after the document's signature.
# 本系统, 本设备 and 本程序 are a document's own words (成员如有变动，由本系统…递补).
_SELF_REFERENCE = re.compile(r"本(?:机(?![关构制组场动械器床型])|终端|屏|页面?(?!无正文))")
_SELF_REFERENCE_FLOOR = -1.0
# A sentence that other documents hold too may be learned above this score: official
# writing's stock sentences score below it (下面，我讲三点意见。 -3.0, 请各单位认真贯彻落实。
# -0.9), a kiosk's notice above it (本机不收取现金，缴费请使用医保电子凭证…。 1.9).
LEARNED_SENTENCE = 0.0
_CLOSER = re.compile("^[》〉」』）)、，。；：！？]")
_OPEN_END = re.compile(r"[\w《〈「『（(“‘]$")


# A stage direction a transcript repeats (（鼓掌）, （发言）): the document's own.
_DIRECTION = r"[（(][^（）()]{1,8}[）)]"
_STAGE_DIRECTION = re.compile(rf"^{_DIRECTION}$")
# A running head names a document, a chapter or a unit; a shorter line that a text
# repeats is a word a converter broke out of its sentence (一是, 建议, 2).
_SHORTEST_HEAD, _RUNNING_HEAD = 5, 40


# A running head that names its section after the deck's or book's name (专题党课 · 第一部分).
_SECTION_AFTER = re.compile(r"[ \u3000]+[·•|｜丨][ \u3000]+")


def _running_head(line: str) -> str:
    """What a running head repeats of ``line``: the line, or the name before its section."""
    name = _SECTION_AFTER.split(line, maxsplit=1)[0]
    return name if len(name) >= _SHORTEST_HEAD else line


def _running_heads(lines: list[str], inside: list[str]) -> list[int]:
    """The lines a converted page repeats on every page: a running head or footer that
    names the book, the chapter or the document (第二章　党课讲稿篇, 全区防汛抗旱工作会议
    讲话), with or without its section after it (专题党课 · 结束语) — a short line that
    is no sentence, heading, salutation or stage direction and stands twice or more in
    one text, not as a piece of a broken sentence. A repeated line that reads as a title
    is the title where no other line does: its first occurrence stays."""
    heads = [_running_head(line) for line in lines]
    counts = Counter(heads)
    repeated = [
        i
        for i, line in enumerate(lines)
        if counts[heads[i]] > 1
        and not inside[i]
        and _SHORTEST_HEAD <= len(line) <= _RUNNING_HEAD
        and MEANINGFUL.search(line)
        and not _continues(lines, inside, i)
        and not SENTENCE_END.search(line)
        and not HEADING.match(line)
        and not line.endswith(("：", ":"))
        and not _STAGE_DIRECTION.match(line)
        # a unit signing above its date may share its name with the screen's head over it
        and not _signs_above_date(lines, inside, i)
    ]
    repeated += _repeated_labels(lines, inside, set(repeated))
    titled = {lines[i] for i in repeated if is_title(lines[i])}
    alone = (line for line, head in zip(lines, heads, strict=True) if counts[head] == 1)
    if titled and not any(map(is_title, alone)):
        repeated = [i for i in repeated if lines[i] not in titled or lines.index(lines[i]) != i]
    return repeated


# The longest label a printed page repeats (学习内容：, 心得：).
_PAGE_LABEL = 8


def _repeated_labels(lines: list[str], inside: list[str], heads: set[int]) -> list[int]:
    """A page's printed labels (学习内容：, 心得：) that stand twice or more, each time beside
    the page's other furniture (a running head, a line judged wrapper), and an app's
    notices, sentences too (井下严禁携带烟火…。), that stand twice or more beside the same
    line of the page's, as a block it inserts between paragraphs: a document's own label
    (主持人：) or sentence stands among its own lines."""
    by_line: dict[str, list[int]] = {}
    labels: set[str] = set()
    for i, line in enumerate(lines):
        label = len(line) <= _PAGE_LABEL and line.endswith(("：", ":"))
        notice = len(line) <= MAX_WRAPPER_LINE and not (
            _the_documents(line) or is_title(line) or _LABELLED.match(line)
        )
        if not inside[i] and MEANINGFUL.search(line) and (label or notice):
            by_line.setdefault(line, []).append(i)
            if label:
                labels.add(line)

    def furniture(i: int) -> set[str]:
        """The page's lines beside line i."""
        beside = (j for j in (i - 1, i + 1) if 0 <= j < len(lines))
        return {lines[j] for j in beside if inside[j] or j in heads}

    def inserted(line: str, places: list[int]) -> bool:
        beside = [furniture(i) for i in places]
        return all(beside) if line in labels else bool(set.intersection(*beside))

    return [
        i
        for line, places in by_line.items()
        if len(places) > 1 and inserted(line, places)
        for i in places
    ]


def _scores(lines: list[str]) -> list[float]:
    """The learned judge's score of each line (all 0 where no model ships)."""
    model = shipped()
    return [model.score(line) for line in lines] if model else [0.0] * len(lines)


def _speaker_under_title(lines: list[str], index: int) -> bool:
    """Whether a line is the unit that speaks, right under the title above the greeting."""
    return (
        0 < index < len(lines) - 1
        and is_title(lines[index - 1])
        and is_speaker(lines[index], lines[index + 1])
    )


def _learned(lines: list[str], inside: list[str], scores: list[float]) -> set[int]:
    """Mark the lines no rule judged that the learned judge (gaoku.core.cleaning.learned)
    reads as a distributor's: never a title, a subtitle, a salutation or an official
    header, nor what only a document's body holds as its own — a heading, a signature, its
    tail, contacts or arrangements, a table's row, a display line, a piece of a sentence
    broken across lines. Return the lines of that second kind the judge reads as wrapper:
    above the title, where no document has begun, they are a system's (a meeting's fields
    and its sign-in table over the speech)."""
    opening = set()
    unmarked = _unmarked_headings(lines, inside, scores)
    # The line the body's first sentence follows is the title where any is, whatever its
    # words (爷爷的账本, an essay's): it must read as wrapper as surely as a sentence does.
    above_body = _first_sentence(lines, inside, -1, len(lines) - 1) - 1
    for index, line in enumerate(lines):
        sure = SENTENCE_END.search(line) or _LEAD_IN.search(line) or index == above_body
        threshold = SENTENCE_THRESHOLD if sure else LEARNED_THRESHOLD
        if scores[index] <= threshold or inside[index] or len(line) > MAX_WRAPPER_LINE:
            continue
        if not MEANINGFUL.search(line):  # a piece of punctuation the rules kept (》、《)
            continue
        if is_title(line) or is_subtitle(line) or is_document_header(line) or _salutation(line):
            continue
        if _speaker_under_title(lines, index):
            continue
        in_table = _table_row(lines, inside, index)
        tail_form = not in_table and _tail_form_inside_body(lines, inside, index)
        if scores[index] > SENTENCE_THRESHOLD and tail_form:
            inside[index] = LEARNED
            continue
        if (
            _the_documents(line)
            or _signs_above_date(lines, inside, index)
            or _contact_goes_on(lines, inside, index)
            or index in unmarked
            or _exchange(lines, index)
            or _script_turn(lines, index)
            or display_slogan(line)  # judged in context by _spaced_slogans
            or in_table
            or _continues(lines, inside, index)
        ):
            opening.add(index)
        else:
            inside[index] = LEARNED
    return opening


# A date alone on its line, as a document is dated under its signature.
_DATE_LINE = re.compile(rf"^(?:{_DATE})$")
# The longest name a document signs with on a line of its own.
_SIGNER = 20


def _signs_above_date(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line is the name a document is signed with: a short name with no
    punctuation between the document's last sentence (特此报告。) or its tail (联系人, 电话)
    and its date, whatever the name (青屿站, which no form of an issuing body covers)."""
    line = lines[index]
    return (
        0 < index < len(lines) - 1
        and len(line) <= _SIGNER
        and not re.search(r"[，。！？：:；、]", line)
        and _DATE_LINE.match(lines[index + 1]) is not None
        and not inside[index - 1]
        and (
            SENTENCE_END.search(lines[index - 1]) is not None
            or _protected_end(lines[index - 1])
            or _CONTACT_FIELD.match(lines[index - 1]) is not None
        )
    )


# A heading without a number: a few words, quotation marks at most, over a paragraph.
_UNMARKED_HEADING = re.compile(r"^[\u4e00-\u9fff“”]{2,16}$")
# The fewest such headings that make a document's own outline.
_UNMARKED_OUTLINE = 3


def _unmarked_headings(lines: list[str], inside: list[str], scores: list[float]) -> set[int]:
    """The headings of a document that heads its parts without numbers (a profile's
    起得最早的人 / 最“较真”的班长 / 不忘初心的老党员, each over its paragraph): three or more
    different short lines, each standing once and over a paragraph of the document's, that
    the judge does not read as surely wrapper as it reads a viewer's remarks set between
    the paragraphs (主播声音好好听, 收藏了明天开会用)."""
    found = [
        i
        for i in range(len(lines) - 1)
        if _UNMARKED_HEADING.match(lines[i])
        and scores[i] <= SENTENCE_THRESHOLD
        and not inside[i + 1]
        and len(lines[i + 1]) >= _PARAGRAPH
        and SENTENCE_END.search(lines[i + 1])
    ]
    counts = Counter(lines)
    alone = {i for i in found if counts[lines[i]] == 1}
    return alone if len(alone) >= _UNMARKED_OUTLINE else set()


# A field of a contact, on the line under its name (联系人：许晴 / 电话：0577-…).
# A contact field, by its label (联系电话：, 物业服务中心24小时值班电话：).
_CONTACT_FIELD = re.compile(
    r"^(?:联系|办公|咨询|[\u4e00-\u9fff\d]{0,12}(?:值班|服务|监督|举报|热线))?"
    r"(?:电话|手机|邮箱|传真|座机|地址|邮编)\s*[:：]"
)


def _contact_goes_on(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line goes on with the contact above it, the document's own: a contact
    field (电话：…, 邮箱：…) under its 联系人, or under such fields under it."""
    if _CONTACT_FIELD.match(lines[index]) is None:
        return False
    above = index - 1
    while above >= 0 and not inside[above] and _CONTACT_FIELD.match(lines[above]):
        above -= 1
    return above >= 0 and not inside[above] and own_contact(lines[above])


# A sentence this long after a tail's form is the document going on, not its tail's.
_GOES_ON = 40
# A bulletin's issue (2024年第15期（总第318期）): the bulletin's own beside its title; a
# journal's issue above the contents of the article it carries is the journal's.
_ISSUE_NUMBER = r"(?:(?:19|20)(?:\d{2}|XX|ＸＸ|××)年)?第\s*\d{1,4}\s*期"
_ISSUE = re.compile(rf"^{_ISSUE_NUMBER}(?:\s*[（(]总第\s*\d{{1,5}}\s*期[）)])?$")
_ISSUE_UNDER = re.compile(rf"^[（(]{_ISSUE_NUMBER}[）)]$")
# A bulletin's name (安全生产简报, 工作动态), which its issue stands beside; an app's episode
# (每日一学 / 第15期) is no bulletin's.
_BULLETIN = re.compile(r"(?:简报|快报|专报|动态|信息|通讯|周报|月报|旬报|纪要|情况反映)$")


def _bulletin(title: str) -> bool:
    return bool(_BULLETIN.search(title))


# A name left blank to fill (××, 某某, ○○), alone on its line.
_BLANK_ALONE = re.compile(r"^(?:[×XＸ]{2,3}|○{2,3}|某某)$")


def _blank_signer(lines: list[str], index: int) -> bool:
    """Whether a line is a blank left for the signer's name above the document's date (××
    / 2024年4月18日) or for the speaker's under the title, not marks that divide the text."""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(_BLANK_ALONE.match(lines[index])) and bool(
        _DATE_LINE.match(after)
        or (index and is_title(lines[index - 1]) and is_speaker(lines[index], after))
    )


# A sentence this long is the document's writing, no closing formula (特此通知。).
_WRITING = 20
# An e-mail address or a telephone number: what a contact field gives.
_CONTACT_VALUE = re.compile(r"[\w.+-]+@[\w.-]+|\+?\d[\d\-－ ]{4,}\d")


def _own_contact_field(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a contact field that a sign of promotion took (邮箱：…@…) is the
    document's own: it goes on with the document's own contact (_contact_goes_on), only
    its address or number reads as promotion (地址：本站长期承接…代写业务 is an ad), and the
    document's writing does not go on after it before its signature, as its own contacts
    close it."""
    if not _contact_goes_on(lines, inside, index):
        return False
    rest = _CONTACT_VALUE.sub("", _CONTACT_FIELD.sub("", lines[index])).strip()
    if rest and promotion(rest):
        return False
    after = [(line, not reason) for line, reason in zip(lines, inside, strict=True)][index + 1 :]
    for position, (line, kept) in enumerate(after):
        if _SIGNATURE.match(line) and not any(
            own and (HEADING.match(later) or len(later) >= _PARAGRAPH)
            for later, own in after[position + 1 :]
        ):
            return True  # what follows the document's signature is no writing of its own
        writing = HEADING.match(line) or (len(line) >= _WRITING and SENTENCE_END.search(line))
        if kept and writing and not _protected_end(line):
            return False
    return True


def _tail_form_inside_body(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line with the form of a document's tail (备注：…, 附件：…) stands among
    wrapper where the document goes on after it, with a heading or a sentence: no tail of
    the document's (备注：数字等统计站周三给，先空着, an app's note under its ledger entry
    between the paragraphs)."""
    if not _OWN_TAIL.match(lines[index]) or index == 0 or not inside[index - 1]:
        return False
    return any(
        not inside[j]
        and (
            HEADING.match(lines[j]) or (len(lines[j]) >= _GOES_ON and SENTENCE_END.search(lines[j]))
        )
        and not _protected_end(lines[j])
        for j in range(index + 1, len(lines))
    )


def _byline_rows(lines: list[str], inside: list[str], start: int, opening: set[int]) -> list[int]:
    """The lines between the title and the body's first sentence that the judge reads as
    wrapper though they have a table row's form: a news page's byline set as spaced
    fields (来源：某某县融媒体中心　2024-03-14 / 记者 某某　通讯员 某某). A document has no
    table before its first sentence; its own lines there (a subtitle, the speaker, the
    date) are protected as they are everywhere."""
    first = _first_sentence(lines, inside, start, len(lines) - 1)
    # A sentence leading in to a table (…决定废止以下规范性文件：) begins the body too.
    first = next((i for i in range(start + 1, first) if _lead_in(lines, inside, i)), first)
    return [
        i
        for i in sorted(opening)
        if start < i < first
        and not _the_documents(lines[i])
        and not _ATTENDANCE.match(lines[i])
        and _table_row(lines, inside, i)
    ]


# Minutes' own count of who came (应到党员　42人　实到党员　38人), above their first sentence.
_ATTENDANCE = re.compile(r"^(?:应到|实到|应出席|实出席|出席|列席|缺席)\S*[ \u3000]*\d+\s*人")


def _lead_in(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line is the document's sentence leading in to what follows, not a
    salutation (各中小学校，局属各单位：)."""
    line = lines[index]
    return not inside[index] and not is_salutation(line) and bool(_LEAD_IN.search(line))


def _first_sentence(lines: list[str], inside: list[str], start: int, end: int) -> int:
    """The first line after ``start``, up to ``end``, that is a sentence of the
    document's; ``end`` where none is."""
    return next(
        (i for i in range(start + 1, end + 1) if not inside[i] and SENTENCE_END.search(lines[i])),
        end,
    )


def _table_row(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line of cells stands beside another (序号　工作任务 / 1　秋粮收购)."""
    beside = (lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines) and not inside[i])
    return _cells(lines[index]) and any(map(_cells, beside))


# A sentence that leads in to what follows (…具体数据截图摘录如下：): judged as a sentence.
_LEAD_IN = re.compile(r"，[^，。！？]{4,}[：:]$")


# A device's status line, its mark first (‖ 15:04:33 已暂停, ⏱ 剩余阅读时间 01:26, ✔ 第1节已完成).
_STATUS_MARK = re.compile(r"^[^\w\s（(【\[《“‘〔<＜-]\s")
# A number spaced before its counter, as a queue's call sets it (请 A043 号客户到 2 号窗口):
# a sentence, where a table's cell writes 28家.
_SPACED_COUNTER = re.compile(r"(?:^|[ \u3000])[A-Za-z]*\d+ [号位名次个]")
# An app's card ends with its link to act (去洗衣 ›, 查看详情 »); a table's row may end with
# an arrow of its own (完成主体工程 »).
_CARD_LINK = re.compile(r"(?:去\S{1,3}|查看\S{0,4}|进入|前往|点击\S{0,4}|详情|更多)\s*[›»]$")


def _cells(line: str) -> bool:
    """Whether a line has two spaced cells or more with words in them: not a sentence
    (您收到此邮件是因为您是 jhzj-dangjian 邮件组成员。), nor a symbol before a space
    (⏸ 录音已暂停（00:17:02）), nor an app's card with its link (2号滚筒洗衣机　空闲
    去洗衣 ›)."""
    cells = re.split(r"[ \u3000]+", line.strip())
    return (
        not SENTENCE_END.search(line)
        and not _CARD_LINK.search(line)
        and not _SPACED_COUNTER.search(line)
        and not _STATUS_MARK.match(line)
        and sum(bool(MEANINGFUL.search(c)) for c in cells) >= 2
    )


# A document's own unmarked part headings (结束语 alone on its line).
_PART_NAME = re.compile(r"^(?:前言|引言|序言|结束语|结语|后记|附录|附件)$")
# The formulas a letter, a report or a notice closes with, and an official document's
# distribution lines (此致 / 敬礼, 特此通知, 以上报告，请予审议, （此页无正文）, 报：县委、县政府):
# documents of a kind, and one office's documents, share them word for word.
_FORMULA = re.compile(
    r"^(?:此致|敬礼[!！]?|特此(?:通知|报告|函告|函复|批复|公告|通告|说明|证明)[。!！]?|"
    r"以上(?:报告|意见|方案|请示)[，,]?(?:妥否[，,])?请[^。！？]{0,8}[。！!]?|"
    r"[（(]?(?:此页无正文|以下无正文|完|略)[）)]?|(?:抄报|报送|报|送|发)\s*[:：].{1,60})$"
)
# A section a report or a plan heads without a number (基本情况, 存在的问题, 下一步工作打算,
# 保障措施): documents of a kind share these words, so the library never learns them.
_SECTION_NAME = re.compile(
    r"^[\u4e00-\u9fff]{0,8}(?:情况|问题|原因|建议|打算|做法|成效|成绩|措施|目标|要求|思想|原则|"
    r"任务|步骤|安排|启示|体会|回顾|思路|举措|经验|背景|意义|分工|保障|机制|职责|案例|事例|事迹)$"
    # …and a bulletin's columns (基层声音, 工作动态), not a site's (热点动态, 会员风采).
    r"|^(?!热点|精品|每日|会员|网友|读者|学员|本站|平台|网站|范文|公文|笔杆)[\u4e00-\u9fff]{0,6}"
    r"(?:声音|动态|简讯|聚焦|风采)$"
)
# …which a report may set in brackets as a label over its paragraph (【典型案例】).
_LABEL_BRACKETS = re.compile(r"^[【〔\[［]([^】〕\]］]+)[】〕\]］]$")


def _section_label(line: str) -> bool:
    """Whether a line is a section's name in brackets (【典型案例】), not a page's label
    that names one (【更多精彩范文案例】)."""
    label = _LABEL_BRACKETS.match(line)
    return bool(label and _SECTION_NAME.match(label[1]) and not promotion(label[1]))


def _the_documents(line: str) -> bool:
    """Whether a line has the form of a document's own heading, signature, tail, contacts
    or arrangements."""
    return bool(
        HEADING.match(line)
        or _PART_NAME.match(line)
        or _SECTION_NAME.match(line)
        or _section_label(line)
        or _FORMULA.match(line)
        or _protected_end(line)
        or agenda(line)
    )


# A salutation (同志们：), not a label of a page's (【语音 58″】转文字：).
_LABEL_FIRST = re.compile(r"^[\[［【〔(（][^\]］】〕)）]{1,12}[\]］】〕)）]")


def _salutation(line: str) -> bool:
    return is_salutation(line) and not _LABEL_FIRST.match(line)


def _continues(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line is a piece of a sentence that a converter broke across lines: the
    document's line before it stops mid-sentence (广义货币M / 2 / 增长13%), the line
    itself does, a term is cut in two (PM / 2.5), or the next line opens with the rest of
    its punctuation (《 / 纲要（草案） / 》的编制过程)."""
    before = lines[index - 1] if index and not inside[index - 1] else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    prose = len(before) >= 20 or any(mark in before for mark in "，。；")
    broken_before = (
        prose and _OPEN_END.search(before) and not _whole(before) and not _readout(lines[index])
    )
    # …or it stops mid-sentence itself, and the next line goes on (“九五”期间， / 我国…).
    broken_after = lines[index].endswith(("，", "、", "；")) and bool(after)
    # …or a term is broken in two after a sentence's start (今年全县 / PM / 2.5浓度…): the
    # line is the term's piece, not a line that opens with letters and digits (K806 次…).
    broken_term = (
        before
        and not SENTENCE_END.search(before)
        and len(lines[index]) <= _TERM_PIECE
        and _TERM_BROKEN.match(lines[index] + after)
    )
    return bool(broken_before or broken_after or broken_term or _CLOSER.match(after))


def _whole(line: str) -> bool:
    """Whether a line is a heading or a title, which a line under it goes on from nothing
    (来源：… under a title): not a line with a sentence's end inside (…执行预案。各乡镇要按照
    …《全县防汛应急预案) or a book title left open (…落实《关于推进…的意见 / 》（…）)."""
    if HEADING.match(line) and len(line) < _PARAGRAPH // 2:
        return True
    return (
        not re.search("[。！？；]", line)
        and line.count("《") <= line.count("》")
        and is_title(line)  # the dearest check last: this runs for every line judged
    )


_TERM_BROKEN = re.compile(r"^[A-Za-z]{1,4}\d")
_GAP = re.compile(r"\S(?:\u3000| {2})")


def _readout(line: str) -> bool:
    """Whether a line is a device's readout in columns (航速 16 km/h　　水位 2.31 m　　风力 3
    级): three or more, with figures, and no clause of a sentence — no piece of one that a
    converter broke, whose justified spaces may be wide (方案》  （县政办发〔2024〕12号）执行。)."""
    return (
        len(_GAP.findall(line)) >= 2
        and not re.search("[，。；！？]", line)
        and bool(re.search(r"\d", line))
    )


_TERM_PIECE = 8


# The title of an appeal, which sets out slogans of its own.
_APPEAL = re.compile(r"(?:倡议书?|公开信|告[^，。]{0,8}书)$")
# A heading or a label that announces the document's own slogan on the next line
# (二、活动主题 / 高效办成一件事　便民利企暖人心).
_THEME_HEADING = re.compile(r"(?:主题|口号|标语|宣传语)[:：]?$")


def _spaced_slogans(lines: list[str], inside: list[str], start: int, end: int) -> list[int]:
    """The lines after the title that are slogans set as display text (display_slogan).

    Only the body after its first sentence is judged so: a slogan title (守正创新勇担当
    踔厉奋发开新局) is the title, and a display line between the title and the first
    sentence belongs to the title block. A line beside another spaced line is a row of a
    table, one that opens with a heading marker is a heading, and a run that names an
    issuing body is a signature (中共某某县委办公室　某某县人民政府办公室), and one under a
    heading that announces it (活动主题) is the document's own: these stay. A
    distributor repeats its slogan while a writer varies the headings: spaced lines of two
    or more different wordings are the document's unmarked headings, unless a line heads
    nothing (the next line is a numbered heading). An appeal (倡议书, 公开信) sets out its
    own slogans (按需选购不囤积　光盘行动我先行): there only a slogan that stands twice is
    the distributor's.
    """
    first_sentence = _first_sentence(lines, inside, start, end)
    candidates = []
    for index in range(first_sentence + 1, end + 1):
        line = lines[index]
        if inside[index] or not display_slogan(line) or heading_level(line):
            continue
        if any(_SIGNATURE.match(run) for run in line.split()):
            continue
        if _table_row(lines, inside, index) or _THEME_HEADING.search(lines[index - 1]):
            continue
        candidates.append(index)
    if start < len(lines) and _APPEAL.search(lines[start]):
        counts = Counter(lines[i] for i in candidates)
        return [i for i in candidates if counts[lines[i]] > 1]
    if len({lines[i] for i in candidates}) <= 1:
        return candidates
    return [i for i in candidates if _heads_nothing(lines, inside, i)]


_QUESTION = re.compile(r"^问\s*[:：]")
_ANSWER = re.compile(r"^答\s*[:：]")


def _exchange(lines: list[str], index: int) -> bool:
    """Whether a line is a question with its answer next (问：… / 答：…): an interview's or
    a 答记者问's own lines inside a document, a Q&A page's above one."""
    if _QUESTION.match(lines[index]):
        return index + 1 < len(lines) and bool(_ANSWER.match(lines[index + 1]))
    return (
        bool(_ANSWER.match(lines[index])) and index > 0 and bool(_QUESTION.match(lines[index - 1]))
    )


# A role's turn in a host's or a broadcast's script (女：…, 主持人甲：…, 合：…).
_ROLE = re.compile(
    r"^(?:[男女合甲乙丙丁众]|男声|女声|旁白|领诵|齐诵|男主持|女主持|主持人[甲乙AB]?)[:：]"
)


def _script_turn(lines: list[str], index: int) -> bool:
    """Whether a line is a role's turn in a script, beside another turn."""
    beside = (lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines))
    return bool(_ROLE.match(lines[index])) and any(_ROLE.match(line) for line in beside)


def _heads_nothing(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether the first line after ``index`` not judged wrapper is a numbered heading."""
    following = (lines[i] for i in range(index + 1, len(lines)) if not inside[i])
    return heading_level(next(following, "一、")) is not None


# A learnable line held by this many documents of a library already is their source's
# wrapper: two, so that a line one document repeats across its own versions is never
# learned from it alone.
RECURRING_IN = 2


def _learned_sentence(line: str) -> float:
    """The score above which a sentence is learnable."""
    return _SELF_REFERENCE_FLOOR if _SELF_REFERENCE.search(line) else LEARNED_SENTENCE


def learnable_lines(text: str) -> list[str]:
    """The lines of a normalised text that are wrapper if they recur in other documents:
    short, with a word in them, and none of what documents share with each other — a
    sentence the judge does not lean to read as wrapper (documents share stock sentences;
    one that it does is wrapper only after the document's signature, see _out_of_place),
    a heading, a title, a subtitle, a salutation, a signature, the
    document's own end or contacts (联系人：…, 电话：…, which one unit's documents share), a
    line with a blank to fill (templates share 联系人：＿＿＿　联系电话：＿＿＿ by design), a
    part's name (结束语, which reports of one series share) or a section's (存在的问题,
    which reports of a kind share), a closing formula or a distribution line (此致,
    以上报告，请予审议, 报：县委、县政府), an official header (某某县人民政府办公室文件, which a
    county's documents share) or a cell of a table (every 实施方案's task table heads its
    columns 序号 / 责任单位 / 完成时限)."""
    lines = [line for line in text.split("\n") if line]
    tables = {lines[i] for i in _table_cells(lines)}
    found = []
    for line in dict.fromkeys(lines):
        if (
            len(line) > 60
            or not (HAN.search(line) or _LATIN.search(line))  # a number alone names no source
            or line in tables
            or (SENTENCE_END.search(line) and _scores([line])[0] <= _learned_sentence(line))
            or _the_documents(line)
            or _CONTACT_FIELD.match(line)  # one unit's documents share 电话：…
            or _ISSUER_ALIAS.match(line)
            or find_placeholders(line)
            or is_subtitle(line)
            or is_document_header(line)
            or line.endswith(("：", ":"))
            or is_title(line)
        ):
            continue
        found.append(line)
    return found


_DIGITS = re.compile("[0-9０-９]+")


def line_shape(line: str) -> str:
    """A learnable line as a library remembers it, its numbers as one mark: a source's
    line that counts, dates or pages (阅读 1234, 第3页 共12页, bbox 212 392 置信度 0.96)
    is the same line in each of its documents."""
    return _DIGITS.sub("#", line)


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


def _table_cells(lines: list[str]) -> list[int]:
    """The lines of the tables in a text: from a header (two column heads one a line, or a
    spaced row with two) on, up to a paragraph of prose."""
    cells: list[int] = []
    index = 0
    while index < len(lines):
        if not _table_head(lines, index):
            index += 1
            continue
        while index < len(lines) and not (
            len(lines[index]) > _PROSE and SENTENCE_END.search(lines[index])
        ):
            cells.append(index)
            index += 1
    return cells


def _table_head(lines: list[str], index: int) -> bool:
    def head(line: str) -> bool:
        return _COLUMN_HEAD.fullmatch(line) is not None

    runs = re.split("[ \u3000\t]+", lines[index])
    if len(runs) > 1:
        return sum(map(head, runs)) >= 2
    return head(lines[index]) and index + 1 < len(lines) and head(lines[index + 1])


# A line in another language (a translation a page set under each paragraph): words of
# Latin letters and not a single Han character.
_LATIN_WORDS = re.compile(r"[A-Za-z]{2,}")


# A reading aid's pinyin over a line (tóng zhì men：): syllables with tone marks, no Han.
_TONE_MARK = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
_PINYIN = re.compile("[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\\s'’·，,。.！!？?、：:；;“”-]+")


# A dictionary's gloss in English (n. deep-rooted problems; idiom. to …), which a
# translation add-on's popup leaves under the word it looked up, with the word alone on
# the line above its pinyin (顽瘴痼疾 / wán zhàng gù jí), and the popup's buttons under it.
_GLOSS = re.compile(r"^(?:n|v|vt|vi|adj|adv|prep|conj|pron|num|phr|idiom|abbr)\.\s*[A-Za-z]")
_HEADWORD = re.compile("[\u4e00-\u9fff]{2,8}")
_POPUP_BUTTONS = 20


def _pinyin(line: str) -> bool:
    return bool(_PINYIN.fullmatch(line) and _TONE_MARK.search(line))


def _gloss(line: str) -> bool:
    return bool(_GLOSS.match(line) and not HAN.search(line))


def _dictionary_popups(lines: list[str]) -> list[int]:
    """A looked-up word's lines: the word over its pinyin, a syllable a character; and,
    after its glosses, the popup's line of buttons (收藏到生词本　更多释义)."""
    found = []
    for index in range(1, len(lines)):
        word, reading = lines[index - 1], lines[index]
        if not (
            _HEADWORD.fullmatch(word) and _pinyin(reading) and len(reading.split()) == len(word)
        ):
            continue
        found.append(index - 1)
        after = index + 1
        while after < len(lines) and _gloss(lines[after]):
            after += 1
        buttons = lines[after] if index + 1 < after < len(lines) else ""
        if (
            buttons
            and len(buttons) <= _POPUP_BUTTONS
            and not SENTENCE_END.search(buttons)
            and not HEADING.match(buttons)
        ):
            found.append(after)
    return found


# What a text decoded with the wrong code page leaves (锟斤拷: U+FFFD read as GBK) and what
# uninitialised memory reads as (烫烫烫, 屯屯屯), on lines of their own.
_MOJIBAKE = re.compile("(?:锟斤拷|烫|屯|\ufffd)+")


def _inside_reason(line: str, patterns: Sequence[Rule]) -> str:
    if (not MEANINGFUL.search(line) and not _FRAGMENT.fullmatch(line)) or _MOJIBAKE.fullmatch(line):
        return FILLER
    if _OCR_NOISE.match(line) and len(_LATIN.findall(line)) <= 2:
        return FILLER
    if len(_LATIN_WORDS.findall(line)) >= 6 and not HAN.search(line):
        return FOREIGN
    if _pinyin(line) or _gloss(line):
        return FOREIGN
    if len(line) > MAX_WRAPPER_LINE:
        return PROMOTION if publisher_note(line) else ""
    if any(p.search(line) for p in patterns):
        return PATTERN
    if _WRITERS_ROW.fullmatch(line) and _WRITER_FIELD.search(line):
        return ""
    if _section_label(line):
        return ""  # a report's label over its paragraph (【典型案例】), no page's
    return PROMOTION if promotion(line) else ""


def _documents_after(line: str) -> bool:
    """Whether a line after a note (注：…, 本文…) is the document going on: a paragraph,
    a heading, a closing formula or its signature, date or tail — where the note is the
    document's own (注：报告中部分数据为预计数… / 某某县统计局 / 2024年12月20日)."""
    return bool(
        len(line) >= _PARAGRAPH
        or heading_level(line) is not None
        or _FORMULA.match(line)
        or _protected_end(line)
    )


def _end_index(lines: list[str], inside: list[str], start: int, scores: list[float]) -> int:
    """The document's last line: the last sentence or signature after the title, or, in
    a text with neither, its last line not judged wrapper on its own."""
    own = [i for i in range(start, len(lines)) if not inside[i]]
    own = _before_foreign_tail(lines, own, scores)
    own = _before_page_contact(lines, inside, own, start)
    own = _before_page_notice(lines, own, scores)
    # A notice that runs to the end (本作品…, 注：…, 免责声明…) after the last paragraph
    # of any length ends the document, whatever its own lines end with, and whether or
    # not the judge took its first line on its own (a rule's line is no such start: a
    # distributor's 本资料仅供学习交流 may stand above the document's closing).
    notice = next(
        (
            i
            for i in range(start + 1, len(lines))
            if inside[i] in ("", LEARNED)
            and _NOTICE_START.match(lines[i])
            and not _protected_end(lines[i])
            and not any(_documents_after(lines[j]) for j in own if j > i)
        ),
        None,
    )
    if notice is not None:
        own = [i for i in own if i < notice]
    # After the document's last words (谢谢大家！, 以上述职…请批评指正。; a bare 谢谢！ a host
    # says between speakers) a note or two is whoever passed it on (明天交给办公室小宋排版。).
    last = next(
        (
            i
            for i in reversed(own)
            if i > start and _LAST_WORDS.match(lines[i]) and not _THANKS.match(lines[i])
        ),
        None,
    )
    if last is not None:
        own = _without_notes_after(lines, own, last, scores)
    # A publisher's note under a label of its own (【点评】 alone on its line), with only
    # short lines after it, runs to the end: its points (①结构：…) are not the document's.
    label = next((i for i in range(start + 1, len(lines)) if _NOTE_LABEL.match(lines[i])), None)
    if label is not None and all(len(lines[j]) < _PARAGRAPH for j in own if j > label):
        own = [i for i in own if i < label]
    # A copy's certification stamp (复印件 / 此复印件与原件一致 / 经办人：…), with only short
    # lines after it: the stamp's fields, not the document's signature.
    stamp = next((i for i in range(start + 1, len(lines)) if CERTIFIED_COPY.search(lines[i])), None)
    if stamp is not None and all(len(lines[j]) < _PARAGRAPH for j in own if j > stamp):
        own = [i for i in own if i < stamp]
    # An e-mail's signature under its delimiter (-- / 章以宁 / 市住建局机关党委办公室 / 内线
    # 8021): the sender's, not the document's signature, where no sentence, heading or date
    # of the document follows (-- as a divider or a table's empty cell goes on with them).
    sender = next((i for i in range(start + 1, len(lines)) if lines[i] == "--"), None)
    if sender is not None and not any(
        SENTENCE_END.search(lines[j]) or HEADING.match(lines[j]) or _DATE_LINE.match(lines[j])
        for j in own
        if j > sender
    ):
        own = [i for i in own if i < sender]
    # Comments under a post (热门评论, 共 31 条评论), with only short lines after: theirs.
    # (A counter under the title, 阅读 2316　评论 4, heads nothing: the body is still to come.)
    comments = next(
        (
            i
            for i in range(start + 1, len(lines))
            if _COMMENTS.match(lines[i])
            and any(SENTENCE_END.search(lines[j]) for j in own if start < j < i)
        ),
        None,
    )
    if comments is not None and all(len(lines[j]) < _PARAGRAPH for j in own if j > comments):
        own = [i for i in own if i < comments]
    own = _before_replies(lines, own, start)
    # A document quoted in a forum post (引用 某某 发表于… / 原帖由 某某 于…发表 above its
    # title): short lines after its closing (同志们，…, 让我们…) are the poster's remarks on
    # it, unless they sign or end it.
    if any(_QUOTED_POST.search(lines[i]) for i in range(start)):
        closing = next((i for i in reversed(own) if i > start and is_closing(lines[i])), None)
        if closing is not None:
            own = _without_notes_after(lines, own, closing, scores)
    # A press conference's or an online interview's exchange after the statement
    # (主持人：谢谢…下面进入提问环节 / 记者：… / 答：…, 网友提问：… / 嘉宾回答：…), or a call's
    # turns after the text read out (甲：念完了 / 乙：…): a host's, a questioner's or a
    # caller's first line after a body of unlabelled sentences starts a tail of labelled
    # lines. A text labelled so throughout (答记者问) has no such body.
    host = next((i for i in range(start + 2, len(lines)) if _TURN.match(lines[i])), None)
    if (
        host is not None
        and any(SENTENCE_END.search(lines[i]) for i in own if start < i < host)
        and not any(_SPEAKER_LABEL.match(lines[i]) for i in own if start < i < host)
        and all(
            _SPEAKER_LABEL.match(lines[j]) or len(lines[j]) < _PARAGRAPH for j in own if j > host
        )
    ):
        own = [i for i in own if i < host]
    # A rule after the body that the wrapper's lines follow: what comes after it is the
    # wrapper's, its contacts too (———— / 请妥善保管本凭条 / 咨询电话：…) — when the line
    # above it ends the document's and no sentence follows, or when what follows is a block
    # of labelled fields most of which sign nothing (———— / 著录人：… / 著录日期：…).
    for rule in (i for i in range(start + 2, len(lines)) if inside[i] == FILLER):
        if _wrapper_after_rule(lines, inside, own, rule, start):
            own = [i for i in own if i < rule]
            break
    # A digest's marker of its next item (第2篇 / 共3篇) after the title: another piece.
    item = next((i for i in range(start + 1, len(lines)) if _NEXT_ITEM.match(lines[i])), None)
    if item is not None:
        own = [i for i in own if i < item]
    for index in reversed(own):
        line = lines[index]
        if (
            SENTENCE_END.search(_DIRECTION_AFTER.sub("", line))
            or _protected_end(line)
            or _form_note(lines, index)
            or _attachment_entry(lines, index)
            or _stage_direction_last(lines, index, scores)
        ):
            return index
    return own[-1] if own else start


# A host's direction after the last sentence on its line (…正式开始！（奏乐）).
_DIRECTION_AFTER = re.compile(rf"(?<=[。！？!?]){_DIRECTION}$")


def _stage_direction_last(lines: list[str], index: int, scores: list[float]) -> bool:
    """Whether a line is a script's last direction (（放映开始）), right under its last
    sentence."""
    return (
        index > 0
        and _STAGE_DIRECTION.match(lines[index]) is not None
        and scores[index] <= 0
        and SENTENCE_END.search(lines[index - 1]) is not None
    )


def _wrapper_after_rule(
    lines: list[str], inside: list[str], own: list[int], rule: int, start: int
) -> bool:
    """Whether what follows the rule at ``rule`` is the wrapper's (see _end_index)."""
    before = [i for i in own if start < i < rule]
    if not any(SENTENCE_END.search(lines[i]) for i in before):
        return False
    after = [j for j in range(rule + 1, len(lines)) if inside[j] != FILLER]
    last = lines[before[-1]]
    if (
        after
        and inside[after[0]]
        and (SENTENCE_END.search(last) or _protected_end(last))
        and not any(SENTENCE_END.search(lines[j]) or len(lines[j]) >= _PARAGRAPH for j in after)
    ):
        return True
    fields = [lines[j] for j in after]
    foreign = [line for line in fields if not _protected_end(line)]
    return (
        len(fields) >= 2
        and all(_LABELLED.match(line) for line in fields)
        and len(foreign) * 2 > len(fields)
    )


_THANKS = re.compile(r"^谢谢[!！。]?$")
# The most notes a distributor or a reader leaves after a document's end.
_NOTES_AFTER = 3


def _without_notes_after(
    lines: list[str], own: list[int], end: int, scores: list[float]
) -> list[int]:
    """The document's own lines without the notes after ``end`` (its last words or its
    closing): at most a few short lines, none of which the judge reads as the document's
    (下面，请县委书记讲话。 is a host's script going on); its signature and tail stay."""
    notes = [j for j in own if j > end and not _protected_end(lines[j])]
    if len(notes) > _NOTES_AFTER or any(
        len(lines[j]) >= _PARAGRAPH or scores[j] <= _DOCUMENTS_OWN for j in notes
    ):
        return own
    return [i for i in own if i not in notes]


_QUOTED_POST = re.compile(
    r"^(?:引用[:：]?\s*\S{1,16}\s*(?:发表于|于)\s*\d|原帖由\s*\S{1,16}\s*于\s*\d)"
)
# A turn of an exchange: the first after the document's body starts its tail; the other
# labels may follow it.
_TURNS = "主持人|记者|网友(?:提问)?|嘉宾(?:回答)?|[甲乙]"
_TURN = re.compile(rf"^(?:{_TURNS})\s*[:：]")
_SPEAKER_LABEL = re.compile(rf"^(?:{_TURNS}|问|答|提问|回答|[丙丁])\s*[:：]")
_NEXT_ITEM = re.compile(r"^\W*第\s*\d+\s*([篇则条])\s*[/／]\s*共\s*\d+\s*\1\W*$")
_NUMBERED = re.compile(r"^\d{1,2}[.．、]\S")
_ATTACHMENTS = re.compile(r"^[（(]?附件\s*[:：]")


def _attachment_entry(lines: list[str], index: int) -> bool:
    """A numbered line of the attachments a document lists (附件：1.… / 2.…)."""
    while index > 0 and _NUMBERED.match(lines[index]):
        index -= 1
        if _ATTACHMENTS.match(lines[index]):
            return True
    return False


# A score at or below which a line reads as the document's own.
_DOCUMENTS_OWN = -1.0


def _before_foreign_tail(lines: list[str], own: list[int], scores: list[float]) -> list[int]:
    """The document's own lines without a tail in another register: the last lines that
    the learned judge does not read as the document's, leaning to wrapper on the whole
    (a mean score of 1 or more) and one of them beyond its threshold (an assistant's
    修改说明：/ 1. 开头增加… / 如需调整…请告诉我。, a quiz's questions, options and
    answers), up to the document's own end — a signature, its last words, its tail or
    contacts, or a line the judge reads as the document's. ``own[0]`` is the title, and
    the tail leaves it a body: a text all in a register of its own (a pupil's essay) is
    not a tail."""
    tail: list[int] = []
    for index in reversed(own[2:]):
        line = lines[index]
        if (
            scores[index] <= _DOCUMENTS_OWN
            or _protected_end(line)
            or _form_note(lines, index)
            or _exchange(lines, index)
            or _script_turn(lines, index)
            or _ATTENDANCE.match(line)
        ):
            break
        tail.append(index)
    while tail and scores[tail[-1]] <= 0:  # the run starts where the register turns
        tail.pop()
    # …and not at the one sentence of a tail of furniture, which the judge does not take on
    # its own: the document's last words (开班仪式到此结束。… above a pen's page footer).
    sentences = [i for i in tail if SENTENCE_END.search(lines[i])]
    if sentences == tail[-1:] and tail and scores[tail[-1]] <= LEARNED_THRESHOLD:
        tail.pop()
    leaning = [scores[i] for i in tail]
    if not leaning or max(leaning) <= LEARNED_THRESHOLD or sum(leaning) < len(leaning):
        return own
    if len(tail) == 1 and SENTENCE_END.search(lines[tail[0]]) and leaning[0] <= SENTENCE_THRESHOLD:
        return own  # one sentence alone is judged as any sentence is (补充一句话。)
    # A list the document's own lead-in announces (请于月底前上报：/ ①…) is its own; one under
    # a lead-in the judge takes (修改说明：) is the page's.
    lead_in = tail[-1] - 1
    if (
        lead_in >= 0
        and lines[lead_in].endswith(("：", ":"))
        and scores[lead_in] <= LEARNED_THRESHOLD
    ):
        return own
    return own[: len(own) - len(tail)]  # the tail is a run at the end of own


# A document's own link or attachment, which a page's rules take for its own.
_OWN_LINK = re.compile(
    r"^[^：:，。]{0,8}(?:网址|链接|下载|附件)[^：:，。]{0,4}[:：]|https?://|www\."
)


def _before_page_contact(
    lines: list[str], inside: list[str], own: list[int], start: int
) -> list[int]:
    """The document's own lines without a page's contacts after its furniture: a contact
    line (联系人：…) right after a line of the page's (【返回列表】, 本屏信息由…发布。), not
    the document's own link or attachment (报名网址：…), that follows the document's last
    sentence, signature or own tail, with nothing after it that signs or dates the
    document or goes on as a sentence. A document's own contact stands among its own
    lines: after its last paragraph, above or under its signature."""
    for position, index in enumerate(own):
        line = lines[index]
        if index <= start + 1 or not own_contact(line) or SENTENCE_END.search(line):
            continue
        if find_placeholders(line):
            continue  # a template's contact to fill in is the document's
        if not inside[index - 1] or inside[index - 1] == FILLER:
            continue
        if _OWN_LINK.search(lines[index - 1]):
            continue  # the document's own link or attachment (报名网址：…) may stand there
        last = lines[own[position - 1]]
        if not (SENTENCE_END.search(last) or _protected_end(last)):
            continue
        after = [lines[j] for j in own[position + 1 :]]
        if any(SENTENCE_END.search(later) or _SIGNATURE.match(later) for later in after):
            continue
        return own[:position]
    return own


# The fewest of a page's lines that part its notice from the document's end.
_PAGE_BLOCK = 2


def _before_page_notice(lines: list[str], own: list[int], scores: list[float]) -> list[int]:
    """The document's own lines without a page's notice under it: one sentence after the
    document's signature or colophon (or its closing formula, 以上报告，请予审议。, where the
    sentence speaks of the device: 本终端由…提供，散会后请交还…。), parted from it by a block
    of the page's lines that shows no page to come, and with only the page's after it
    (…2025年3月12日印发 / 第2页/共2页 / 短信通知：… / 送电时间以现场实际为准，…。 / 操作员：…).
    The document's last words there (谢谢大家！) are its own, and so is a sentence the judge
    reads as the document's."""
    if len(own) < 2:
        return own
    end, notice = own[-2], own[-1]
    line = lines[notice]
    if (
        notice == len(lines) - 1
        or notice - end - 1 < _PAGE_BLOCK
        or not SENTENCE_END.search(line)
        or _protected_end(line)
        or scores[notice] <= _SELF_REFERENCE_FLOOR
    ):
        return own
    last = lines[end]
    device = _SELF_REFERENCE.search(line)
    ended = _SIGNATURE.match(last) or last.endswith("印发") or (device and _FORMULA.match(last))
    if not ended:
        return own  # after a closing paragraph the speech may go on over a page break
    return own if any(map(_more_pages, lines[end + 1 : notice])) else own[:-1]


# A page counter (第1页　共2页, 1/2) and a pager's next-page link (上一页　1　2　下一页).
_PAGE_OF = re.compile(r"第\s*(\d+)\s*页\s*[/／,，]?\s*共\s*(\d+)\s*页|(\d+)\s*[/／]\s*(\d+)\s*$")


def _more_pages(line: str) -> bool:
    """Whether a page's line says the text goes on over the page (下一页, 第1页　共2页)."""
    if "下一页" in line:
        return True
    counter = _PAGE_OF.search(line)
    if not counter:
        return False
    page, pages = (counter[1], counter[2]) if counter[1] else (counter[3], counter[4])
    return int(page) < int(pages)


def _protected_end(line: str) -> bool:
    return bool(
        _SIGNATURE.match(line)
        or _LAST_WORDS.match(line)
        or _OWN_TAIL.match(line)
        or _FORM_FIELD.match(line)
    ) or own_contact(line)


# A field of a form the document asks to be filled in (回执: 每月捐赠金额：＿＿＿元), and the
# note in brackets under such a form on how to return it.
_FORM_FIELD = re.compile(r"^[^，。！？：:]{1,12}[:：]\s*[＿_]{2,}")
_FORM_NOTE = re.compile(r"^[（(][^（）()]{4,60}[）)]$")


def _form_note(lines: list[str], index: int) -> bool:
    return bool(
        index > 0 and _FORM_NOTE.match(lines[index]) and _FORM_FIELD.match(lines[index - 1])
    )


# A reply in a thread is a line or two (写得扎实，谢谢楼主！, 收到), never a paragraph.
_REPLY = 50
_CONTINUED = re.compile(r"[接续]\s*(?:\d+|上)\s*[楼樓]")


def _before_replies(lines: list[str], own: list[int], start: int) -> list[int]:
    """The document's own lines without the replies after it in a thread: the short lines
    after its last post header (3楼　沙发　某某　发表于…, a chat message's header), unless
    that post goes on with the document (（接1楼）, a salutation) or ends it (a signature,
    谢谢大家)."""
    headers = [i for i in range(start + 1, len(lines)) if post_header(lines[i])]
    for header in reversed(headers):
        tail = [lines[i] for i in own if i > header]
        if not tail:  # its message is judged wrapper already: the one before may be a reply
            continue
        after = lines[header + 1] if header + 1 < len(lines) else ""
        if (
            _CONTINUED.search(after)
            or any(len(line) >= _REPLY for line in tail)
            or any(_SIGNATURE.match(line) or _LAST_WORDS.match(line) for line in tail)
            or any(_OWN_TAIL.match(line) for line in tail)
            or any(line.endswith(("：", ":")) for line in tail)  # a salutation: 同志们：
        ):
            break
        own = [i for i in own if i < header]
    return own


_COMMENTS = re.compile(
    r"^\W*(?:(?:热门评论|全部评论|最新评论|精彩评论|精选评论|网友评论|评论区|问大家|(?:全部|热门|最新)?回应|"
    r"(?:精选|全部)?留言|留言(?:区|精选)|评论精选)(?:\s*[（(]\d+[)）])?|(?:共\s*)?\d+\s*条(?:评论|回复|回应)|"
    r"评论\s*[（(]\d+[)）]|(?:家长|网友|读者|全部|热门|最新)(?:回复|留言)\s*[（(]\d+[)）]|"
    # …or the post's counters ending with its comments' (点赞 21　评论 3).
    r"(?:(?:阅读|浏览|点赞|赞|收藏|转发|分享)\s*\d+[ \u3000]*)+评论\s*\d+|"
    # Who liked the post, the comments' head: ❤ 王老师、豆豆爸爸等9人觉得很赞
    r"(?:\S{1,40}等\s*)?\d+\s*人(?:觉得很赞|觉得很棒|觉得有用|赞过|点赞了?|已赞))\W*$"
)


def _chat_replies(lines: list[str]) -> list[int]:
    """In a chat log that carries a document in several messages (王科长 09:14 …), the
    replies between its parts: a message after the first that is one short line, not a
    sentence, a heading, a title or a salutation (好，下午三点前给我; 书记写得很实在，学习了).
    A message that goes on with the document (下面，请X书记讲话。) ends as a sentence."""
    headers = [i for i, line in enumerate(lines) if chat_header(line)]
    replies = []
    for header, following in itertools.pairwise([*headers, len(lines)]):
        if header == headers[0]:
            continue
        message = lines[header + 1 : following]
        if len(message) != 1:
            continue
        line = message[0]
        # Whoever carries the document sends its parts; another's line is a reply, even
        # one that ends as a sentence (流程挺顺的，宣誓词再短一点？).
        carrier = _sender(lines[header]) == _sender(lines[headers[0]])
        if (
            len(line) < _REPLY
            and not (carrier and SENTENCE_END.search(line))
            and not HEADING.match(line)
            and not line.endswith(("：", ":"))
            and not is_title(line)
        ):
            replies.append(header + 1)
    return replies


# What a chat header says besides its sender: a day, a time, a weekday, a part of the day.
_NOT_SENDER = re.compile(
    r"^(?:[\d(（]|昨天|前天|今天|星期|周[一二三四五六日天]|上午|下午|中午|晚上|凌晨)"
)


def _sender(header: str) -> str:
    """Who sent a chat message, from its header (林一诺 22:41, 2026-05-08 20:05 王科长)."""
    return next((word for word in header.split() if not _NOT_SENDER.match(word)), "")


# A forum marks the posts of the thread's starter (3楼　某某（楼主） 发表于…).
_STARTERS = re.compile(r"[（(]楼主[）)]|\[楼主\]|【楼主】")


def _thread_replies(lines: list[str]) -> list[int]:
    """In a forum thread that carries a document in several posts and marks its starter's
    (（楼主）), the replies between them: a later post not so marked whose lines are all
    short (及时雨，正好要用，感谢分享！ / 签名：…). The replies after the document's last
    post are _before_replies's."""
    headers = [i for i, line in enumerate(lines) if post_header(line)]
    starters = [i for i in headers if _STARTERS.search(lines[i])]
    if not starters:
        return []
    replies = []
    for header, following in itertools.pairwise([*headers, len(lines)]):
        if header == headers[0] or header > starters[-1] or header in starters:
            continue
        post = range(header + 1, following)
        if all(len(lines[i]) < _REPLY and not HEADING.match(lines[i]) for i in post):
            replies += [header, *post]
    return replies


# Where a distributor marks off the text it passes on, framed as a mark: —— 以下为原文 ——
# above it (under its own summary of it), —— 原文结束 —— below. A forwarding notice's own
# 原文如下： ends in a colon and stays.
_FRAME = r"[^\w\s:：]+"
_TEXT_OPENS = re.compile(
    rf"{_FRAME}\s*(?:(?:以下|下面)(?:为|是|即)?(?:原文|正文|全文)(?:内容)?|(?:原文|正文|全文)(?:如下|开始))"
    rf"\s*{_FRAME}"
)
# The end of a text marked as such (—— 全文完 ——, —— 以上内容由村委会发布 ——, —— 已经到底啦 ——).
_TEXT_ENDS = re.compile(
    rf"{_FRAME}\s*(?:(?:原文|正文|草稿|全文)(?:结束|完)|"
    r"以上(?:内容|信息|文章|通知)?由[^。！？\s]{1,16}(?:发布|推送|转发|提供)|已经?到底(?:了|啦))"
    rf"\s*{_FRAME}"
)


def _outside_marked_text(lines: list[str]) -> list[int]:
    """The lines outside a text a distributor marked off, its marks included."""
    opens = next((i for i, line in enumerate(lines) if _TEXT_OPENS.fullmatch(line)), -1)
    ends = next(
        (i for i in range(len(lines) - 1, opens, -1) if _TEXT_ENDS.fullmatch(lines[i])), len(lines)
    )
    return [*range(opens + 1), *range(ends, len(lines))]


_JUMP_HEAD = 30


def _jump_heads(lines: list[str]) -> list[int]:
    """The short headline a paper repeats where an article goes on from another page,
    under its (上接第1版) (优化营商环境推进大会讲话): no sentence, no heading."""
    return [
        index + 1
        for index, line in enumerate(lines[:-1])
        if CONTINUED_FROM.match(line)
        and len(lines[index + 1]) <= _JUMP_HEAD
        and not SENTENCE_END.search(lines[index + 1])
        and heading_level(lines[index + 1]) is None
    ]


# A magazine's pull quote (▌金句：“…。”): a sentence of the text quoted again on a line of
# its own, behind a mark or a label at most.
_PULL_QUOTE = re.compile(
    r"^[^\u4e00-\u9fff“]{0,3}(?:[\u4e00-\u9fff]{1,4}[:：])?\s*“([^“”]{16,}[。！？])”$"
)


def _pull_quotes(lines: list[str]) -> list[int]:
    """Lines that quote again, whole, a sentence another line of the text holds."""
    found = []
    for index, line in enumerate(lines):
        quote = _PULL_QUOTE.match(line)
        if quote and any(quote.group(1) in other for i, other in enumerate(lines) if i != index):
            found.append(index)
    return found


_NOTE = re.compile(r"^备注\s*[:：]")
_SPEAKERS_NOTE = re.compile(r"^(?:演讲者|演示者|讲者|演讲人|讲解)备注\s*[:：]")


def _speaker_notes(lines: list[str]) -> list[int]:
    """The notes of a presentation exported to text: 演讲者备注：… wherever it stands,
    and, where its slides are marked (幻灯片 2), 备注：…, which a document's own 备注 line
    is not."""
    slides = any(map(slide_marker, lines))
    return [
        i
        for i, line in enumerate(lines)
        if _SPEAKERS_NOTE.match(line) or (slides and _NOTE.match(line))
    ]
