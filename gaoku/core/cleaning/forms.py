"""What has the form of a document's own lines, which no wrapper rule may take.

Its signature (a date, an issuing body, a post and its holder's name, a field naming the
writer or the unit), its tail (抄送, 印发, 参加会议人员, a journal's imprint), its last words
and closing formulas (谢谢大家, 以上报告，请予审议。), a transcript's stage directions, and
the turns of an exchange or a script: the cleaner (:mod:`gaoku.core.cleaning`) and the
search for the document's end (:mod:`gaoku.core.cleaning.end`) both protect them.
"""

from __future__ import annotations

import re

from gaoku.core.cleaning.promotion import own_contact

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
ISSUER = (
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
WRITER = (
    r"(?:(?:述职|汇报|报告|发言|交流|讲话|主持|起草|填报|申报|承办|经办|研讨)人|(?:撰稿|执笔)人?)"
)
_ONE_FIELD = (
    rf"(?:[\u4e00-\u9fff]{{0,2}}(?:单位|部门|机关|支部|日期|时间)|[\u4e00-\u9fff]{{1,4}}组(?:成员|组长)|"
    rf"署名|签名|[（(]?{WRITER})"
    r"[:：][^:：]{0,24}"
)
# One such field, or two (汇报单位：…　日期：…): a row with any other label (主办单位：…　技术
# 支持：…) is a site's footer.
FIELD = rf"{_ONE_FIELD}(?:[ \u3000]+{_ONE_FIELD})?"
# …or whoever signs with a blank for their name (第三组学员　某某).
_BLANK_NAME = r"[^\s，。！？：；]{2,20}[ \u3000]+(?:某某|×{2,3}|X{2,3}|○{2,3})"
# An issuer, and whoever signs for it: a name, or a post and a name (桥吊二队　司机　韦晓川),
# not a site's credits (融媒体中心　责编　王芳).
_CREDIT = "编辑|责编|审核|校对|记者|来源|摄影|通讯员|技术支持|维护|运维|制作|出品|提供"
_SIGNED = (
    rf"(?:{ISSUER}(?:[ \u3000]+(?!(?:{_CREDIT})(?:$|[ \u3000]))(?:[^\s，。！？：；]{{2,4}}|"
    r"[\u4e00-\u9fff]{2,4}[ \u3000]+[\u4e00-\u9fff]{2,3}))?)"
)

# A signature in brackets too: the unit a report is by, as a paper prints it under the
# report or the title (（市政协经济委员会调研组）), and an article's author as a paper or a
# journal names them under it (（作者单位：中共某市委党校）, （作者系某县委书记）).
_AUTHOR = r"[（(]作者(?:单位|简介)?(?:[:：]|系|为)[^（）()]{2,40}[）)]"
# …and whoever holds a post named …员 signs so, the name after a space (河湾库保管员　覃立伟).
_STAFF = r"[\u4e00-\u9fff]{2,20}员[ \u3000]+[\u4e00-\u9fff]{2,4}"
SIGNATURE = re.compile(
    rf"^(?:{_DATE}|{_SIGNED}|[（(]{_SIGNED}[）)]|{_POST}|{FIELD}|"
    rf"[（(](?={WRITER}){FIELD}[）)]|{_AUTHOR}|{_STAFF}|{_BLANK_NAME}|"
    # …and a lecture's lecturer by post and name (主讲人：机关党委书记　某某), not a course's
    # teacher (主讲人：笔杆老师).
    rf"主讲人?[:：]\s*{_POST})$"
)
# A labelled field of a record (档号：…, 著录人：…　审核人：…).
LABELLED = re.compile("^[^：:，。！？]{1,10}[:：]")
# The last words of a speech or a report, which a writer may leave without a stop
# (谢谢大家, 会议到此结束，散会, 以上发言不妥之处请批评指正): the document's own end.
LAST_WORDS = re.compile(
    r"^(?:谢谢大家|谢谢各位|谢谢|(?:[^，。！？]{2,12}[，,])?(?:现在)?散会|"
    r"(?:以上[^。！？]{0,12}?)?(?:不妥之处[^。！？]{0,6}?)?(?:[请敬]+|恳请)[^。！？]{0,12}?批评指正"
    r"(?:[!！。]?谢谢(?:大家|各位)?)?)[!！。]?$"
)
# A document's imprint or its signer in brackets (（○○镇党委办公室　X月X日印发）, （…调研组　执笔：
# ＿＿＿）, （××　2024年9月）, （纪要整理：市信用体系建设联席会议办公室）), not a distributor's
# credit in that shape (（某某写作工作室　执笔：老王）).
IMPRINT = (
    r"^[（(](?![^（）()]*(?:网|工作室|写作|文秘|笔杆|范文|素材|转自|来源|生成|笔记|AI|智能|佚名|"
    r"公众号|私房|文库|文档|资料|编辑部|会员|分享|下载|小编|转发|关注|在看|老师|本文))"
    r"(?:[^（）()]{1,30}(?:印发|执笔\s*[:：][^（）()]{0,12}|"
    r"[ \u3000]+(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?)|"
    r"(?:纪要整理|记录整理|执笔)\s*[:：][^（）()]{2,24})[）)]$"
)

# What a document may have after its signature, as its own: the attachments it lists, its
# notes, its contact person, whom it is copied to, how it is to be released (附件：1.…,
# 备注：…, （联系人：…）, 抄送：…, （此件公开发布））, and the last line of an official
# document's colophon (版记), who printed it and when (某某区人民政府办公室　　2026年2月10日印发).
OWN_TAIL = re.compile(
    r"^[（(]?(?:附件|附|联系人|抄送|抄报|报送|主送|印发|发送|备注)\s*[:：]|^附件\s*\d{1,2}$|"
    # …and a meeting's minutes, who chaired, attended and took them (主持：…, 出席：…, 记录：…).
    r"^(?:主持人?|出席|列席|缺席|请假|记录人?|(?:参会|参加|出席|列席)(?:会议)?人员)\s*[:：]|"
    r"^[（(](?:此件|本件)[^）)]{0,12}[）)]$|^[（(]?(?:本期)?共印\s*\d{1,5}\s*份[）)]?$|"
    rf"{IMPRINT}|"
    # …its note on its own figures (注：报告中部分数据为预计数，最终以年报为准。), not a
    # template's or a site's on theirs (注：文中数据均为示例…, 注：统计截至发稿时，版权归…),
    r"^注\s*[:：](?![^。！？]*(?:示例|虚构|仅供|参考|版权|侵权|转载|本站|网络|词条|百科|范文|修改|"
    r"替换|自行|编辑))[^。！？]{0,40}?(?:数据|统计|指标|口径|截至|预计数|快报数|初步核算)|"
    # …and a host's last direction (（奏乐，散会）), and where its parties sign and seal
    # (甲方（盖章）：某某服务中心, 负责人（签字）：).
    r"^[（(][^（）()]{0,8}散会[）)]$|"
    r"^[^，。！？：:（(]{1,8}[（(](?:盖章|签字|签章|签名|公章|签字盖章)[）)]\s*[:：]|"
    rf"^{ISSUER}\s+{_DATE}(?:印发|发布)?$|"
    # …a part it leaves out (参会单位及人员名单（略）),
    r"^[^，。！？（(]{2,20}[（(]略[）)]$|"
    # …or the date it was issued, on a line of its own under the issuer or after any unit
    # (蓝屿中心渔港管理站　　2025年4月3日印发: no distributor prints 印发; a site's 2024年3月5日
    # 发布 is the page's).
    rf"^(?:[^\s，。！？：；]{{2,30}}\s+)?(?:{_DATE})\s*印发$"
)
# The opening of a notice about the text itself, and the length of a paragraph no notice
# has after it.
NOTICE_START = re.compile(r"^(?:本作品|本文档?|本资料|本材料|注[:：]|声明[:：]|免责声明|版权)")
PARAGRAPH = 100
NOTE_LABEL = re.compile(
    r"^\W*(?:点评|名师点评|范文点评|专家点评|写作要点|写法点拨|学习要点|编者按|课后练习|思考题|"
    r"(?:练习|测试|答题|考试)结果|成绩单)\W*$"
)

# A stage direction a transcript repeats (（鼓掌）, （发言）): the document's own.
DIRECTION = r"[（(][^（）()]{1,8}[）)]"
STAGE_DIRECTION = re.compile(rf"^{DIRECTION}$")

# A date alone on its line, as a document is dated under its signature.
DATE_LINE = re.compile(rf"^(?:{_DATE})$")

# Minutes' own count of who came (应到党员　42人　实到党员　38人), above their first sentence.
ATTENDANCE = re.compile(r"^(?:应到|实到|应出席|实出席|出席|列席|缺席)\S*[ \u3000]*\d+\s*人")

# The formulas a letter, a report or a notice closes with, and an official document's
# distribution lines (此致 / 敬礼, 特此通知, 以上报告，请予审议, （此页无正文）, 报：县委、县政府):
# documents of a kind, and one office's documents, share them word for word.
FORMULA = re.compile(
    r"^(?:此致|敬礼[!！]?|特此(?:通知|报告|函告|函复|批复|公告|通告|说明|证明)[。!！]?|"
    r"以上(?:报告|意见|方案|请示)[，,]?(?:妥否[，,])?请[^。！？]{0,8}[。！!]?|"
    r"[（(]?(?:此页无正文|以下无正文|完|略)[）)]?|(?:抄报|报送|报|送|发)\s*[:：].{1,60})$"
)

# A question (问：, 问3：, Q1：, a reporter's 记者：…？) and its answer (答：, A：, or whoever
# answers a reporter: 负责人：…).
_QUESTION = re.compile(r"^(?:(?:问|[QＱ])\s*\d{0,2}\s*[:：]|记者\s*[:：].*[？?]$)")
_ANSWER = re.compile(r"^(?:答|[AＡ])\s*\d{0,2}\s*[:：]")
_ANSWERER = re.compile(r"^[^\s，。！？：:（）()]{1,10}[:：]")


def exchange(lines: list[str], index: int) -> bool:
    """Whether a line is a question with its answer next (问：… / 答：…, 记者：…？ /
    负责人：…): an interview's or a 答记者问's own lines inside a document, a Q&A page's
    above one."""
    if index + 1 < len(lines) and _answers(lines[index], lines[index + 1]):
        return True
    return index > 0 and _answers(lines[index - 1], lines[index])


# A page's questions about the text it sells and its answers (Q1：文档是什么格式？,
# 答：私信小编即可领取。): no exchange of the document's.
_ABOUT_THE_COPY = re.compile(r"文档|本文|本站|下载|格式|[Ww]ord|发票|会员|客服|小编|宣传稿|范文")
_SELLERS_ANSWER = re.compile(r"小编|私信|客服|回复[“\"]")


def _answers(question: str, answer: str) -> bool:
    if not _QUESTION.match(question) or _ABOUT_THE_COPY.search(question):
        return False
    if _SELLERS_ANSWER.search(answer):
        return False
    by_reporter = question.startswith("记者")
    return bool(_ANSWER.match(answer) or (by_reporter and _ANSWERER.match(answer)))


# A role's turn in a host's or a broadcast's script (女：…, 主持人甲：…, 合：…).
_ROLE = re.compile(
    r"^(?:[男女合甲乙丙丁众]|男声|女声|旁白|领诵|齐诵|男主持|女主持|主持人[甲乙AB]?)[:：]"
)


def script_turn(lines: list[str], index: int) -> bool:
    """Whether a line is a role's turn in a script, beside another turn."""
    beside = (lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines))
    return bool(_ROLE.match(lines[index])) and any(_ROLE.match(line) for line in beside)


# A field of a form the document asks to be filled in (回执: 每月捐赠金额：＿＿＿元).
FORM_FIELD = re.compile(r"^[^，。！？：:]{1,12}[:：]\s*[＿_]{2,}")


# A form's row of boxes to tick (□是　□否, □非常满意　□满意　□一般), of blanks to fill
# (1　＿＿＿　＿＿＿, 应到：45人　实到：＿＿人　请假：＿＿人), its place to sign
# (签字：＿＿＿　（盖章）) or its date to fill (年　月　日, ＿＿年＿＿月＿＿日).
BOXES = re.compile(r"^(?:[□☐]\s*[^□☐\s]{1,16}[ \u3000]*){2,}$")
_BLANKS = re.compile("[＿_]{2,}")
SIGN_HERE = re.compile(
    r"(?:签字|签名|签章|盖章)[)）]?\s*[:：]?\s*[＿_]{2,}|[＿_]{2,}\s*[（(]?(?:签字|签名|签章|盖章)"
)
# …or two parties' side by side.
_DAY_TO_FILL = r"[＿_ \u3000]*年[＿_ \u3000]+月[＿_ \u3000]+日"
DATE_TO_FILL = re.compile(rf"^{_DAY_TO_FILL}(?:[ \u3000]+{_DAY_TO_FILL})?$")
# The label of a date that signs (日期：2025年2月24日, 签订日期：…).
DATE_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}日期\s*[:：][ \u3000]*")


def form_line(line: str) -> bool:
    """Whether a line is a form's: boxes to tick, two blanks to fill or more, a place to
    sign, a date to fill."""
    return bool(
        BOXES.match(line)
        or len(_BLANKS.findall(line)) >= 2
        or SIGN_HERE.search(line)
        or DATE_TO_FILL.match(line)
    )


# What a document appends under its end, by its heading: an attachment (附：主席团常务主席名单,
# 附表：应急指挥部成员通讯录, 附件2 alone over its title; a bare 附件 or 附录 heads a page's
# list as well), a form to return (回　执, 报名回执; an 订单回执 is a shop's).
# 附件：… names what goes with the document, which a page leaves out (and puts its own
# lines under).
APPENDED = re.compile(
    r"^(?:附件\s*\d{1,2}|附表\s*\d{1,2}|附(?:表|录)?\s*\d{0,2}\s*[:：][^。！？!?]{2,40}|"
    r"(?![^。！？!?]*(?:订单|支付|交易|付款|购买))[^。！？!?]{0,30}回[ \u3000]*执)$"
)


def protected_end(line: str) -> bool:
    """Whether a line has the form of the document's own end: its signature, last words,
    tail, a field of its form, its place to sign or date to fill, or its own contact
    line."""
    return bool(
        SIGNATURE.match(line)
        or LAST_WORDS.match(line)
        or OWN_TAIL.match(line)
        or FORM_FIELD.match(line)
        or DATE_TO_FILL.match(line)
        or SIGN_HERE.search(line)
    ) or own_contact(line)
