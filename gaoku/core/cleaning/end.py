"""Where a document ends, before what a page, a distributor or its readers put after it.

The end is the document's last line of its own: a sentence, a signature, its last words
(:mod:`gaoku.core.cleaning.forms`). What follows is cut off whole where it reads as
something else's: a tail in another register the learned judge leans to, a page's contact
or notice block, a publisher's labelled note, a copy's certification stamp, an e-mail's
signature, comments and replies under a post or in a chat, an interview's exchange after
the statement, a digest's next item.
"""

from __future__ import annotations

import itertools
import re

from gaoku.core.cleaning.forms import (
    ATTENDANCE,
    DATE_LINE,
    DIRECTION,
    FORM_FIELD,
    FORMULA,
    LABELLED,
    LAST_WORDS,
    NOTE_LABEL,
    NOTICE_START,
    OWN_TAIL,
    PARAGRAPH,
    SIGNATURE,
    STAGE_DIRECTION,
    exchange,
    protected_end,
    script_turn,
)
from gaoku.core.cleaning.learned import (
    LEARNED_THRESHOLD,
    SELF_REFERENCE,
    SELF_REFERENCE_FLOOR,
    SENTENCE_THRESHOLD,
)
from gaoku.core.cleaning.promotion import (
    CERTIFIED_COPY,
    HEADING,
    SENTENCE_END,
    chat_header,
    own_contact,
    post_header,
)
from gaoku.core.cleaning.reasons import FILLER, LEARNED
from gaoku.core.cleaning.title import is_title
from gaoku.core.structure import find_placeholders, heading_level, is_closing


def _documents_after(line: str) -> bool:
    """Whether a line after a note (注：…, 本文…) is the document going on: a paragraph,
    a heading, a closing formula or its signature, date or tail — where the note is the
    document's own (注：报告中部分数据为预计数… / 某某县统计局 / 2024年12月20日)."""
    return bool(
        len(line) >= PARAGRAPH
        or heading_level(line) is not None
        or FORMULA.match(line)
        or protected_end(line)
    )


# A document's own note on when it takes effect and who construes it (注：本预案自发布之日起施
# 行，由…负责解释。).
_IN_FORCE = re.compile(r"自.{0,8}之日起(?:施行|执行|实施|生效)|负责解释")


def end_index(lines: list[str], inside: list[str], start: int, scores: list[float]) -> int:
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
            and NOTICE_START.match(lines[i])
            and not protected_end(lines[i])
            and not _IN_FORCE.search(lines[i])
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
            if i > start and LAST_WORDS.match(lines[i]) and not _THANKS.match(lines[i])
        ),
        None,
    )
    if last is not None:
        own = _without_notes_after(lines, own, last, scores)
    # A publisher's note under a label of its own (【点评】 alone on its line), with only
    # short lines after it, runs to the end: its points (①结构：…) are not the document's.
    # Above the body (a bulletin's 【编者按】 under its masthead) it is the document's own.
    label = next((i for i in range(start + 1, len(lines)) if NOTE_LABEL.match(lines[i])), None)
    if (
        label is not None
        and any(SENTENCE_END.search(lines[j]) for j in own if start < j < label)
        and all(len(lines[j]) < PARAGRAPH for j in own if j > label)
    ):
        own = [i for i in own if i < label]
    # A copy's certification stamp (复印件 / 此复印件与原件一致 / 经办人：…), with only short
    # lines after it: the stamp's fields, not the document's signature.
    stamp = next((i for i in range(start + 1, len(lines)) if CERTIFIED_COPY.search(lines[i])), None)
    if stamp is not None and all(len(lines[j]) < PARAGRAPH for j in own if j > stamp):
        own = [i for i in own if i < stamp]
    # An e-mail's signature under its delimiter (-- / 章以宁 / 市住建局机关党委办公室 / 内线
    # 8021): the sender's, not the document's signature, where no sentence, heading or date
    # of the document follows (-- as a divider or a table's empty cell goes on with them).
    sender = next((i for i in range(start + 1, len(lines)) if lines[i] == "--"), None)
    if sender is not None and not any(
        SENTENCE_END.search(lines[j]) or HEADING.match(lines[j]) or DATE_LINE.match(lines[j])
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
    if comments is not None and all(len(lines[j]) < PARAGRAPH for j in own if j > comments):
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
            _SPEAKER_LABEL.match(lines[j]) or len(lines[j]) < PARAGRAPH for j in own if j > host
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
            or protected_end(line)
            or _form_note(lines, index)
            or attachment_entry(lines, index)
            or _stage_direction_last(lines, index, scores)
            or _CLOSING_DIRECTION.match(line)
        ):
            return index
    return own[-1] if own else start


# A script's last direction, as its audience leaves ((播放退场音乐，请领导先行退场）).
_CLOSING_DIRECTION = re.compile(
    r"^[（(【][^（）()【】]{0,30}(?:退场|离场|散会)[^（）()【】]{0,10}[）)】]$"
)
# A host's direction after the last sentence on its line (…正式开始！（奏乐）).
_DIRECTION_AFTER = re.compile(rf"(?<=[。！？!?]){DIRECTION}$")


def _stage_direction_last(lines: list[str], index: int, scores: list[float]) -> bool:
    """Whether a line is a script's last direction (（放映开始）), right under its last
    sentence."""
    return (
        index > 0
        and STAGE_DIRECTION.match(lines[index]) is not None
        and scores[index] <= 0
        and SENTENCE_END.search(lines[index - 1]) is not None
    )


def _wrapper_after_rule(
    lines: list[str], inside: list[str], own: list[int], rule: int, start: int
) -> bool:
    """Whether what follows the rule at ``rule`` is the wrapper's (see end_index)."""
    before = [i for i in own if start < i < rule]
    if not any(SENTENCE_END.search(lines[i]) for i in before):
        return False
    after = [j for j in range(rule + 1, len(lines)) if inside[j] != FILLER]
    last = lines[before[-1]]
    if (
        after
        and inside[after[0]]
        and (SENTENCE_END.search(last) or protected_end(last))
        and not any(SENTENCE_END.search(lines[j]) or len(lines[j]) >= PARAGRAPH for j in after)
    ):
        return True
    fields = [lines[j] for j in after]
    foreign = [line for line in fields if not protected_end(line)]
    return (
        len(fields) >= 2
        and all(LABELLED.match(line) for line in fields)
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
    notes = [j for j in own if j > end and not protected_end(lines[j])]
    if len(notes) > _NOTES_AFTER or any(
        len(lines[j]) >= PARAGRAPH or scores[j] <= _DOCUMENTS_OWN for j in notes
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
_NUMBERED = re.compile(r"^\d{1,2}[.．、]\s*\S")
_ATTACHMENTS = re.compile(r"^[（(]?附件\s*[:：]")


def attachment_entry(lines: list[str], index: int) -> bool:
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
            or protected_end(line)
            or _form_note(lines, index)
            or exchange(lines, index)
            or script_turn(lines, index)
            or ATTENDANCE.match(line)
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
        if not (SENTENCE_END.search(last) or protected_end(last)):
            continue
        after = [lines[j] for j in own[position + 1 :]]
        if any(SENTENCE_END.search(later) or SIGNATURE.match(later) for later in after):
            continue
        return own[:position]
    return own


# The fewest of a page's lines that part its notice from the document's end.
_PAGE_BLOCK = 2
# A page's line that says its text has ended: a button to leave it or to take the whole
# text, a link to the next piece, a reader's confirmation ([返回列表], 下一篇：…, [确认已读],
# ［下载全文 docx］). An end mark (—完—) may be the document's own, with its notes after it.
_PAGE_ENDED = re.compile(r"返回列表|返回首页|上一篇|下一篇|确认已读|下载全文")


def _before_page_notice(lines: list[str], own: list[int], scores: list[float]) -> list[int]:
    """The document's own lines without a page's notice under it: one sentence after the
    document's signature or colophon (or its closing formula, 以上报告，请予审议。, where the
    sentence speaks of the device: 本终端由…提供，散会后请交还…。) — or after any last line
    where the block says the text has ended ([返回列表]) —, parted from it by a block
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
        or protected_end(line)
        or scores[notice] <= SELF_REFERENCE_FLOOR
    ):
        return own
    last = lines[end]
    device = SELF_REFERENCE.search(line)
    ended = SIGNATURE.match(last) or last.endswith("印发") or (device and FORMULA.match(last))
    if not ended and not any(_PAGE_ENDED.search(page) for page in lines[end + 1 : notice]):
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


_FORM_NOTE = re.compile(r"^[（(][^（）()]{4,60}[）)]$")


def _form_note(lines: list[str], index: int) -> bool:
    """Whether a line is the note in brackets under a form's field on how to return it."""
    return bool(index > 0 and _FORM_NOTE.match(lines[index]) and FORM_FIELD.match(lines[index - 1]))


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
            or any(SIGNATURE.match(line) or LAST_WORDS.match(line) for line in tail)
            or any(OWN_TAIL.match(line) for line in tail)
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


def chat_replies(lines: list[str]) -> list[int]:
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


def thread_replies(lines: list[str]) -> list[int]:
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
