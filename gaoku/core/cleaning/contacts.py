"""The contacts a document gives as its own: a block of contact fields under its contact
person, under a line that asks for it or names it (…请立即拨打：, …发送至县统计局邮箱。), which
stands or falls whole — not a trade's or a shop's (范文代写热线, 售后客服), nor a writing
service's put between the paragraphs.
"""

from __future__ import annotations

import re

from gaoku.core.cleaning.forms import APPENDED, PARAGRAPH, SIGNATURE, protected_end
from gaoku.core.cleaning.promotion import (
    HEADING,
    SENTENCE_END,
    own_contact,
    promotion,
    unmistakable,
)

# The words of a writing trade's or a shop's services, which no issuing body's contact,
# label or name uses (范文代写热线, 课程顾问手机, 文秘资料服务中心, 售后客服, 鼎信文印).
TRADE = (
    "范文|代写|定制|资料|文印|图文|打印|复印|顾问|课程|文稿|文秘|写作|素材|笔杆|公文|售后|客服|"
    "同号|编辑部|打赏"
)
# A contact field, by its label, its spaces aside (联系电话：, 物业服务中心24小时值班电话：,
# 短信举报：, 本院地址：, 邮　编：, 诉讼服务热线：, 反诈专线：, 发送电子邮件至：, 信函寄至：),
# its number in a list of channels aside: not a site's or a shop's (本站地址：, 客服热线：,
# 商务合作邮箱：).
_CONTACT_FIELD = re.compile(
    rf"^(?![\u4e00-\u9fff]{{0,8}}(?:本站|本网|网站|平台|客服|商务|合作|广告|投稿|会员|{TRADE}))"
    r"[\u4e00-\u9fff\d]{0,12}(?:电话|手机|邮箱|信箱|邮件|传真|座机|地址|邮编|邮政编码|热线|专线|短信举报|"
    r"联系方式|信函)(?:[寄发]?[至到])?\s*[:：]"
)
# The number of a channel in a list of them (1．电子邮箱：…, （二）信函：…, 三、传真：…).
_LIST_NUMBER = re.compile(
    r"^[ \u3000]*(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十\d]{1,2}[.．、])"
)
# A document's line that asks its readers to get in touch under it (如发现可疑情况，请立即拨打：,
# 五、联系方式, 咨询方式：, 意见反馈方式：, …通过以下方式提出意见建议：).
_ASKS_CONTACT = re.compile(
    r"(?:拨打|(?:联系|咨询|举报|反映|反馈|意见|报名|报送|提交)方式|联系电话|联系我们)[:：]?$|"
    r"(?:以下|如下|下列)(?:方式|渠道|途径|电话|邮箱)"
)
# The kind of contact a field gives, by the last words of its label (邮箱, 电话).
_CONTACT_KIND = re.compile(r"(电话|手机|邮箱|信箱|邮件|传真|地址)\s*[:：]")


def contact_field(line: str) -> bool:
    """Whether a line is a field of a contact (see _CONTACT_FIELD)."""
    line = _LIST_NUMBER.sub("", line, count=1).lstrip(" \u3000")
    return (
        _CONTACT_FIELD.match(re.sub(r"(?<=\S)[ \u3000]+(?=\S{0,6}[:：])", "", line[:24]))
        is not None
    )


def _asks_contact(line: str, field: str) -> bool:
    """Whether the document's line above a contact field asks for it (…请立即拨打：) or names
    it (…扫描发送至县应急管理局邮箱。 over 邮箱：…)."""
    kind = _CONTACT_KIND.search(field[:16])
    return bool(_ASKS_CONTACT.search(line) or (kind and kind[1] in line))


def _contact_block(lines: list[str], index: int) -> range:
    """The run of contact fields a contact field stands in."""
    low = high = index
    while low > 0 and contact_field(lines[low - 1]):
        low -= 1
    while high + 1 < len(lines) and contact_field(lines[high + 1]):
        high += 1
    return range(low, high + 1)


def _contact_asked(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a contact field's run stands under the document's line that asks for it."""
    head = _contact_block(lines, index).start - 1
    while head >= 0 and _LIST_NUMBER.match(lines[head]):
        head -= 1  # the list's other channels (1．登录…网站在线提交) between
    return (
        contact_field(lines[index])
        and head >= 0
        and not inside[head]
        and _asks_contact(lines[head], lines[index])
    )


def contact_goes_on(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a contact field is one of the document's own contacts: its run of contact
    fields (a block stands or falls whole) holds another the document keeps as its own
    (联系人：…, 监督电话：…), or stands under the document's line that asks its readers to
    call (…请立即拨打：)."""
    if not contact_field(lines[index]):
        return False
    if _contact_asked(lines, inside, index):
        return True
    block = _contact_block(lines, index)
    return any(
        not inside[j] and own_contact(lines[j])
        for j in range(max(block.start - 1, 0), block.stop)
        if j != index
    )


# A sentence this long is the document's writing, no closing formula (特此通知。).
_WRITING = 20
# An e-mail address or a telephone number: what a contact field gives.
CONTACT_VALUE = re.compile(r"[\w.+-]+@[\w.-]+|\+?\d[\d\-－ ]{4,}\d")


# A mailbox or a site an institution names by its office or its kind (校长信箱：, 值班邮箱：,
# 报送邮箱：, 投诉邮箱：), as no seller labels its own (a site's address, 医院网址：www…, still
# reads as promotion unmistakably).
_INSTITUTIONS = (
    r"^[\u4e00-\u9fff]{0,8}(?:校长|院长|书记|局长|值班|报送|投诉|举报|监督|政务|医院|学校|协会|学会|"
    r"法院|检察院)(?:信箱|邮箱|网址|网站)\s*[:：]"
)
_INSTITUTION_FIELD = re.compile(_INSTITUTIONS)


def own_contact_field(lines: list[str], inside: list[str], index: int) -> bool:
    """Whether a contact field that a sign of promotion took (邮箱：…@…) is the
    document's own: an institution's (校长信箱：…), only its address or number reading as
    promotion; or it goes on with the document's own contact (_contact_goes_on), only
    its address or number reads as promotion (地址：本站长期承接…代写业务 is an ad), and the
    document's writing does not go on after it before its signature or its attachments,
    as its own contacts close it."""
    institution = _INSTITUTION_FIELD.match(lines[index]) is not None
    if not (institution or contact_goes_on(lines, inside, index)):
        return False
    rest = CONTACT_VALUE.sub("", re.split("[:：]", lines[index], maxsplit=1)[-1]).strip()
    if (rest and promotion(rest)) or unmistakable(CONTACT_VALUE.sub("", lines[index])):
        return False
    if institution:
        return True
    if _contact_asked(lines, inside, index):
        return True  # the document asked for it, wherever its writing goes on
    after = [(line, not reason) for line, reason in zip(lines, inside, strict=True)][index + 1 :]
    for position, (line, kept) in enumerate(after):
        if _ATTACHMENT_LIST.match(line) or APPENDED.match(line):
            return True  # what follows is what the document lists or appends
        if SIGNATURE.match(line) and not any(
            own and (HEADING.match(later) or len(later) >= PARAGRAPH)
            for later, own in after[position + 1 :]
        ):
            return True  # what follows the document's signature is no writing of its own
        # …a heading of more contacts (3.项目联系方式) goes on with them
        heading = HEADING.match(line) and not _ASKS_CONTACT.search(line)
        writing = heading or (len(line) >= _WRITING and SENTENCE_END.search(line))
        if kept and writing and not protected_end(line):
            return False
    return True


# The document's list of what goes with it (附件：1.…).
_ATTACHMENT_LIST = re.compile(r"^[（(]?附件\s*[:：]")
