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
   a stop (谢谢大家, 散会) (:mod:`.end`; the forms of the document's own it protects are
   in :mod:`.forms`). Every line after it is wrapper.
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

from gaoku.core.cleaning.contacts import (
    contact_field,
    contact_goes_on,
    own_contact_field,
)
from gaoku.core.cleaning.end import attachment_entry, chat_replies, end_index, thread_replies
from gaoku.core.cleaning.forms import (
    APPENDED,
    ATTENDANCE,
    BOXES,
    DATE_LABEL,
    DATE_LINE,
    DATE_TO_FILL,
    FIELD,
    FORM_FIELD,
    FORMULA,
    IMPRINT,
    ISSUER,
    LABELLED,
    OWN_TAIL,
    PARAGRAPH,
    SIGN_HERE,
    SIGNATURE,
    STAGE_DIRECTION,
    WRITER,
    exchange,
    protected_end,
    script_turn,
)
from gaoku.core.cleaning.learned import (
    LEARNED_SENTENCE,
    LEARNED_THRESHOLD,
    SELF_REFERENCE,
    SELF_REFERENCE_FLOOR,
    SENTENCE_THRESHOLD,
    shipped,
)
from gaoku.core.cleaning.promotion import (
    CONTINUED_FROM,
    HAN,
    HEADING,
    MEANINGFUL,
    SENTENCE_END,
    agenda,
    display_slogan,
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
from gaoku.core.cleaning.records import (
    PAGES_WORDS,
    answer_lines,
    contact_row,
    own_record,
    table_cells,
    table_head,
    table_row,
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
from gaoku.core.cleaning.title import is_title, related_entries, title_index, titled_round
from gaoku.core.structure import (
    contents_key,
    find_placeholders,
    heading_level,
    is_document_header,
    is_salutation,
    is_speaker,
    is_subtitle,
    table_of_contents,
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


# An issuer with the name it also goes by (党委办公室（集团办公室）): one office's notices
# share it, so the library never learns it; a site's footer may read so too.
_ISSUER_ALIAS = re.compile(rf"^{ISSUER}[（(][^（）()\s]{{2,12}}[）)]$")
# A row of such fields that names its writer (（研讨人：＿＿＿　　所在支部：＿＿＿）) signs the
# document, though a row of fields is otherwise a page's record.
_WRITERS_ROW = re.compile(rf"[（(]?{FIELD}[）)]?")
_WRITER_FIELD = re.compile(rf"{WRITER}\s*[:：]")
# …of which minutes' own, by the unit that took them (（纪要整理：市信用体系建设联席会议办公室）),
# is theirs even where a distributor's word in it (整理) made it look like a credit.
_MINUTES_IMPRINT = re.compile(
    rf"(?={IMPRINT})[（(](?:纪要整理|记录整理)\s*[:：][^（）()]*"
    r"(?:办公室|委员会|局|组|处|科|室|中心|部|委|院|所|站|队)[）)]$"
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
        return last(i) and signed is not None and bool(SIGNATURE.match(signed))

    return all(placed(i) for i, other in enumerate(lines) if other == line)


def _line_reasons(
    lines: list[str], rules: list[str], known: frozenset[str], scores: list[float]
) -> list[str]:
    """Why each line is removed, "" for the document's own (``rules``: each line's reason
    by the rules alone, ``scores``: the judge's)."""
    inside = [RECURRING if line in known else rule for line, rule in zip(lines, rules, strict=True)]
    for index in range(len(lines)):
        # The document's own 邮箱 under its 联系人, its minutes' imprint (（纪要整理：…办公室）),
        # its signer's blank name (××) and its questions answered (Q1：…？ / A：…).
        own = (
            (
                inside[index] == PROMOTION
                and (
                    own_contact_field(lines, inside, index)
                    or bool(_MINUTES_IMPRINT.match(lines[index]))
                )
            )
            or (
                inside[index] == FILLER
                and (_blank_signer(lines, index) or answer_lines(lines, inside, index))
            )
            or (inside[index] == PROMOTION and contact_row(lines, index))
            # a study guide's question for discussion is a page's; one answered is the text's
            or (inside[index] == PROMOTION and exchange(lines, index))
        )
        if own:
            inside[index] = ""
    for index in related_entries(lines, inside):
        inside[index] = PROMOTION
    for index in [
        *_speaker_notes(lines),
        *chat_replies(lines),
        *thread_replies(lines),
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
    for index in _own_labels(lines, inside, start):
        inside[index] = ""
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
    for index in _contents(lines):
        inside[index] = ""
    end = end_index(lines, inside, start, scores)
    for index in [*_spaced_slogans(lines, inside, start, end), *_tips(lines, inside, start, end)]:
        inside[index] = PROMOTION
    appended = _appended_part(lines, inside, start, end)
    reasons = []
    for index, line in enumerate(lines):
        if index < start:
            # An official document's header (文件, 〔2026〕5号) stands above its title.
            # …and so does the issuer alone over its title (湖北省宜安市人民法院 / 公　告).
            own = index == issue or (
                not inside[index]
                and (
                    (is_document_header(line) and (index == 0 or not _COPY_NUMBER.match(line)))
                    or (_issuer_alone(line) and _over_title(lines, index, start))
                )
            )
            reason = "" if own else BEFORE_TITLE
        elif index > end:
            # …and the seal's place under its date that ends it ((院印)); a scan's reader
            # marks one on the copy they received, among their own notes.
            own = not carried and (
                _distribution(lines, end, index)
                or index in appended
                or (index == end + 1 == len(lines) - 1 and _SEAL.match(line) is not None)
            )
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
        and not any(DATE_LINE.match(after) for after in lines[i + 1 : i + 1 + _SIGNED_WITHIN])
    ]


# Whom a bulletin goes to (报：…, 送：…, 发：…), and how many it printed (（共印35份）).
_DISTRIBUTION_LINE = re.compile(
    r"^(?:(?:报|送|发|分送|抄送|抄报|报送|印发)\s*[:：]\s*\S|[（(]共印\s*\d+\s*份[）)]$)"
)


def _appended_part(lines: list[str], inside: list[str], start: int, end: int) -> range:
    """The lines after the end that are a part the document appends: its heading is the
    document's last line or the first after it that no rule or judge took on its own, and
    the part (a table, a list of names, a form) runs on until a line taken on its own
    (精品推荐 and the page's list under it)."""
    after = next((i for i in range(end + 1, len(lines)) if not inside[i]), None)
    if not any(start < i and APPENDED.match(lines[i]) for i in (end, after) if i is not None):
        return range(0)
    taken = next((i for i in range(end + 1, len(lines)) if inside[i]), len(lines))
    return range(end + 1, taken)


_ISSUER_LINE = re.compile(rf"^{ISSUER}$")
# A document's copy number, which heads it (000126); under the top, a page's number.
_COPY_NUMBER = re.compile(r"^\d{6}$")


def _over_title(lines: list[str], index: int, start: int) -> bool:
    """Whether a line stands right over the title, or over it with only the header's
    other lines between (中共永兴县委组织部 / 永组通〔2025〕21号 / title), or its joint
    issuers' (中共南峰市委办公室 / 南峰市人民政府办公室 / title)."""
    return index < start and all(
        is_document_header(lines[j]) or _issuer_alone(lines[j]) for j in range(index + 1, start)
    )


# A seal's place beside a signature (（印章）, （院印）).
_SEAL = re.compile(r"^[（(](?:印章|盖章|公章|院印|单位公章|章)[）)]$")
# The most lines a signature block holds above its date (two issuers and a seal).
_SIGNATURE_LINES = 3


def _issuer_signing(lines: list[str], index: int) -> bool:
    """Whether an issuer's name, or its joint issuers' (东湖街道党工委办公室　东湖街道办事处
    办公室), signs the document: over its date, with only the other issuers signing and a
    seal between (嘉林县人民武装部 / 嘉林县征兵工作领导小组办公室 / 2025年7月14日). The
    issuer over the title signs below it too, which is no page's running head."""
    if not (_issuer_alone(lines[index]) or is_document_header(lines[index])):
        return False
    for line in lines[index + 1 : index + 1 + _SIGNATURE_LINES]:
        if DATE_LINE.match(line):
            return True
        if not (_issuer_alone(line) or _SEAL.match(line)):
            return False
    return False


def _issuer_alone(line: str) -> bool:
    """Whether a line is an issuing body's name and nothing else (no site's: 门户网站)."""
    return (
        _ISSUER_LINE.match(line) is not None
        and not promotion(line)
        and not PAGES_WORDS.search(line)
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


_CLOSER = re.compile("^[》〉」』）)、，。；：！？]")
_OPEN_END = re.compile(r"[\w《〈「『（(“‘]$")


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
    last_sentence = max((i for i, line in enumerate(lines) if SENTENCE_END.search(line)), default=0)
    closing = set(lines[last_sentence + 1 :]) - set(lines[: last_sentence + 1])
    signers = {
        lines[i]
        for i in range(len(lines))
        # (an issuer heads and signs a document once each; a page's head recurs on each page)
        if _signs_above_date(lines, inside, i)
        or (counts[heads[i]] == 2 and _issuer_signing(lines, i))
    }
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
        and not STAGE_DIRECTION.match(line)
        and not _section_label(line)  # a bulletin's column (【工作动态】) recurs in it
        and not OWN_TAIL.match(line)  # minutes name their recorder above and below
        # a form asks twice for a signature or a tick; a printed page's fields (姓名：＿＿
        # 日期：＿＿) repeat on every page
        and not (SIGN_HERE.search(line) or BOXES.match(line))
        and not APPENDED.match(line)  # the attachment a notice names heads it below
        # the dates of notices set one after another, a form's date to fill, the fields of
        # the parties that sign a contract under its last sentence (法定代表人：＿＿,
        # 日期：2025年2月24日, 签订日期：　　年　　月　　日)
        and not DATE_LINE.match(line)
        and not DATE_TO_FILL.match(line)
        and not (line in closing and (FORM_FIELD.match(line) or DATE_LABEL.match(line)))
        and not table_head(lines, i)  # tables of one kind head their columns alike
        # a unit signing above its date may share its name with the screen's head over it,
        # and an issuer over its title signs it below (湖北省某某市人民法院 / 公　告 … / 院名)
        and lines[i] not in signers
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
            _the_documents(line) or is_title(line) or LABELLED.match(line)
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
        in_table = table_row(lines, inside, index)
        tail_form = not in_table and _tail_form_inside_body(lines, inside, index)
        if scores[index] > SENTENCE_THRESHOLD and tail_form:
            inside[index] = LEARNED
            continue
        if (
            _the_documents(line)
            or _signs_above_date(lines, inside, index)
            or contact_goes_on(lines, inside, index)
            or index in unmarked
            or exchange(lines, index)
            or script_turn(lines, index)
            or display_slogan(line)  # judged in context by _spaced_slogans
            or in_table
            or own_record(lines, index)
            or _continues(lines, inside, index)
        ):
            opening.add(index)
        else:
            inside[index] = LEARNED
    return opening


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
        and DATE_LINE.match(lines[index + 1]) is not None
        and not inside[index - 1]
        and (
            SENTENCE_END.search(lines[index - 1]) is not None
            or protected_end(lines[index - 1])
            or contact_field(lines[index - 1])
            or attachment_entry(lines, index - 1)  # 附件：1．… / 2．… above the signature
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
        and len(lines[i + 1]) >= PARAGRAPH
        and SENTENCE_END.search(lines[i + 1])
    ]
    counts = Counter(lines)
    alone = {i for i in found if counts[lines[i]] == 1}
    return alone if len(alone) >= _UNMARKED_OUTLINE else set()


# A sentence this long after a tail's form is the document going on, not its tail's.
_GOES_ON = 40
# A bulletin's issue (2024年第15期（总第318期）): the bulletin's own beside its title; a
# journal's issue above the contents of the article it carries is the journal's.
_ISSUE_NUMBER = (
    r"(?:(?:19|20)(?:\d{2}|XX|ＸＸ|××)年|[〔\[［](?:19|20)\d{2}[〕\]］]\s*)?第\s*\d{1,4}\s*期"
)
_ISSUE = re.compile(rf"^{_ISSUE_NUMBER}(?:\s*[（(]总第\s*\d{{1,5}}\s*期[）)])?$")
_ISSUE_UNDER = re.compile(rf"^[（(]{_ISSUE_NUMBER}[）)]$")
# A bulletin's name (安全生产简报, 工作动态), which its issue stands beside; an app's episode
# (每日一学 / 第15期) is no bulletin's.
_BULLETIN = re.compile(r"(?:简报|快报|专报|动态|信息|通讯|周报|月报|旬报|纪要|情况反映)$")


def _bulletin(title: str) -> bool:
    return bool(_BULLETIN.search(title))


# A host's script, which heads its steps and gives its directions in brackets (【开场】,
# 【奏国歌，全体起立】).
_SCRIPT = re.compile(r"(?:主持词|主持稿|串词|串联词|议程|流程)(?:[（(][^（）()]{1,8}[）)])?$")
# …not a prompter's marks for the voice and the eyes (【停顿2秒】, 【看镜头】), nor a
# bulletin's every kind (minutes, 信息).
_PROMPTER_MARK = re.compile(r"停顿|镜头|语速|语气|手势|翻页|提词|\d+\s*秒")
_OWN_COLUMNS = re.compile(r"(?:简报|快报|专报|工作动态|通讯|周报|月报|旬报)$")
_OWN_LABEL = re.compile(r"^【([^】]{1,24})】$")


def _own_labels(lines: list[str], inside: list[str], start: int) -> list[int]:
    """The labels a bulletin heads its columns and its editor's note with (【编者按】,
    【数据看板】, 编者按：…) and a host's script its steps and directions (【第一项】, 【掌声】):
    theirs, which on a page that carries a document are the page's."""
    if start >= len(lines):
        return []
    title = lines[start]
    bulletin, script = bool(_OWN_COLUMNS.search(title)), bool(_SCRIPT.search(title))
    if not (bulletin or script):
        return []
    found = []
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if inside[index] != PROMOTION:
            continue
        label = _OWN_LABEL.match(line)
        if (label and _PROMPTER_MARK.search(label[1])) or PAGES_WORDS.search(line):
            continue
        if label:
            text = label[1]
        elif bulletin and publisher_note(line):
            text = re.split("[:：】]", line, maxsplit=1)[-1]  # the note's words after its label
        else:
            continue
        if text and not promotion(text):
            found.append(index)
    return found


# A name left blank to fill (××, 某某, ○○), alone on its line.
_BLANK_ALONE = re.compile(r"^(?:[×XＸ]{2,3}|○{2,3}|某某)$")


def _contents(lines: list[str]) -> list[int]:
    """The lines of a document's table of contents (structure.table_of_contents), but an
    entry that reads as promotion, and the headings below that they name: a page repeats a
    chapter's name as its running head; a table of contents names each once, above the
    chapter itself."""
    keys = [contents_key(line) for line in lines]
    listed = [i for i in table_of_contents(lines) if not promotion(keys[i])]
    last = {key: index for index, key in enumerate(keys)}
    return [*listed, *(last[keys[i]] for i in listed)]


def _blank_signer(lines: list[str], index: int) -> bool:
    """Whether a line is a blank left for the signer's name above the document's date (××
    / 2024年4月18日) or for the speaker's under the title, not marks that divide the text."""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(_BLANK_ALONE.match(lines[index])) and bool(
        DATE_LINE.match(after)
        or (index and is_title(lines[index - 1]) and is_speaker(lines[index], after))
    )


def _tail_form_inside_body(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line with the form of a document's tail (备注：…, 附件：…) stands among
    wrapper where the document goes on after it, with a heading or a sentence: no tail of
    the document's (备注：数字等统计站周三给，先空着, an app's note under its ledger entry
    between the paragraphs)."""
    if not OWN_TAIL.match(lines[index]) or index == 0 or not inside[index - 1]:
        return False
    return any(
        not inside[j]
        and (
            HEADING.match(lines[j]) or (len(lines[j]) >= _GOES_ON and SENTENCE_END.search(lines[j]))
        )
        and not protected_end(lines[j])
        for j in range(index + 1, len(lines))
    )


def _byline_rows(lines: list[str], inside: list[str], start: int, opening: set[int]) -> list[int]:
    """The lines between the title and the body's first sentence that the judge reads as
    wrapper though they have a table row's form: a news page's byline set as spaced
    fields (来源：某某县融媒体中心　2024-03-14 / 记者 某某　通讯员 某某). A document has no
    table before its first sentence; its own lines there (a subtitle, the speaker, the
    date) are protected as they are everywhere."""
    first = _first_sentence(lines, inside, start, len(lines) - 1)
    # A sentence leading in to a table (…决定废止以下规范性文件：) begins the body too, and
    # so does a heading of the document's outline (一、考试时间安排 over its timetable).
    first = next(
        (
            i
            for i in range(start + 1, first)
            if _lead_in(lines, inside, i) or (not inside[i] and HEADING.match(lines[i]))
        ),
        first,
    )
    return [
        i
        for i in sorted(opening)
        if start < i < first
        and not _the_documents(lines[i])
        and not ATTENDANCE.match(lines[i])
        and not own_record(lines, i)
        and table_row(lines, inside, i)
    ]


def _lead_in(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a line is the document's sentence leading in to what follows, not a
    salutation (各中小学校，局属各单位：); one as short that announces what follows is
    (…，具体需求如下：)."""
    line = lines[index]
    announces = not is_salutation(line) or line.endswith(("如下：", "如下:"))
    return not inside[index] and announces and bool(_LEAD_IN.search(line))


def _first_sentence(lines: list[str], inside: list[str], start: int, end: int) -> int:
    """The first line after ``start``, up to ``end``, that is a sentence of the
    document's; ``end`` where none is."""
    return next(
        (i for i in range(start + 1, end + 1) if not inside[i] and SENTENCE_END.search(lines[i])),
        end,
    )


# A sentence that leads in to what follows (…具体数据截图摘录如下：, …举行。现将有关安排通知如
# 下：): judged as a sentence.
_LEAD_IN = re.compile(r"[，。；][^，。！？]{4,}[：:]$")


# A document's own unmarked part headings (结束语 alone on its line).
_PART_NAME = re.compile(r"^(?:前言|引言|序言|结束语|结语|后记|附录|附件)$")
# A section a report or a plan heads without a number (基本情况, 存在的问题, 下一步工作打算,
# 保障措施): documents of a kind share these words, so the library never learns them.
_NOT_A_SITES = "(?!热点|精品|每日|会员|网友|读者|学员|本站|平台|网站|范文|公文|笔杆)"
_SECTION_NAME = re.compile(
    r"^[\u4e00-\u9fff]{0,8}(?:情况|问题|原因|建议|打算|做法|成效|成绩|措施|目标|要求|思想|原则|"
    r"任务|步骤|安排|启示|体会|回顾|思路|举措|经验|背景|意义|分工|保障|机制|职责|案例|事例|事迹)$"
    # …and a bulletin's columns (基层声音, 工作动态), not a site's (热点动态, 会员风采).
    rf"|^{_NOT_A_SITES}[\u4e00-\u9fff]{{0,6}}(?:声音|动态|简讯|聚焦|风采)$"
)
# …which a report may set in brackets as a label over its paragraph (【典型案例】), as a
# bulletin does its other columns (【基层信息】, 【数据速览】, 【经验交流】; a ticket
# widget's bare 余票速览 is the page's).
_LABEL_BRACKETS = re.compile(r"^[【〔\[［]([^】〕\]］]+)[】〕\]］]$")
_COLUMN = re.compile(rf"^{_NOT_A_SITES}[\u4e00-\u9fff]{{0,6}}(?:信息|速览|交流|快讯|要闻)$")


def _section_label(line: str) -> bool:
    """Whether a line is a section's name in brackets (【典型案例】), not a page's label
    that names one (【更多精彩范文案例】)."""
    label = _LABEL_BRACKETS.match(line)
    name = label[1] if label else ""
    return bool((_SECTION_NAME.match(name) or _COLUMN.match(name)) and not promotion(name))


def _the_documents(line: str) -> bool:
    """Whether a line has the form of a document's own heading, signature, tail, contacts
    or arrangements."""
    return bool(
        HEADING.match(line)
        or _PART_NAME.match(line)
        or _SECTION_NAME.match(line)
        or _section_label(line)
        or FORMULA.match(line)
        or protected_end(line)
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
    if HEADING.match(line) and len(line) < PARAGRAPH // 2:
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
        if any(SIGNATURE.match(run) for run in line.split()):
            continue
        if table_row(lines, inside, index) or _THEME_HEADING.search(lines[index - 1]):
            continue
        candidates.append(index)
    if start < len(lines) and _APPEAL.search(lines[start]):
        counts = Counter(lines[i] for i in candidates)
        return [i for i in candidates if counts[lines[i]] > 1]
    if len({lines[i] for i in candidates}) <= 1:
        return candidates
    return [i for i in candidates if _heads_nothing(lines, inside, i)]


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
    return SELF_REFERENCE_FLOOR if SELF_REFERENCE.search(line) else LEARNED_SENTENCE


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
    tables = {lines[i] for i in table_cells(lines)}
    found = []
    for line in dict.fromkeys(lines):
        if (
            len(line) > 60
            or not (HAN.search(line) or _LATIN.search(line))  # a number alone names no source
            or line in tables
            or (SENTENCE_END.search(line) and _scores([line])[0] <= _learned_sentence(line))
            or _the_documents(line)
            or contact_field(line)  # one unit's documents share 电话：…
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
    # A title's class or meeting round (第三期…主持词) is no periodical's issue number.
    return PROMOTION if promotion(line) and not titled_round(line) else ""


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
