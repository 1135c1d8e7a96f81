"""What makes a line promotion, a notice or page furniture rather than the document.

Each sign is read from the line alone: a web address or contact number, a disclaimer or
copyright line, a banner framed by symbols, a slogan of what a site offers, what a web
page leaves behind (a bracketed label such as [图片], emoji, an entry of its reading list,
its calls to action, a note of reading time, its counters and fields), a post's register
(#话题, @名字, a closing ～). Strong signs remove even a line that reads as a sentence;
offers remove a short sentence; weak signs only a line that does not read as one, so a
document's own sentences that mention 会员, QQ群 or 公众号 stay.
"""

from __future__ import annotations

import re
import unicodedata

# A letter, digit or Han character: a line without one is filler.
MEANINGFUL = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
# A line that ends as a sentence, and one that opens with a heading marker.
SENTENCE_END = re.compile("[。！？!?…][”’」』）)]*$")
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[，、,]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])"
)
# A short line wholly in quotation marks: a slogan, even when it ends as a sentence.
_QUOTED = re.compile("“[^“”]{2,38}”")
_QUOTES = "\"'“”‘’「」『』"
# Signs that a line is promotion or a notice, not the document. Strong ones remove even a
# line that reads as a sentence; weak ones only a line that does not.
_STRONG = re.compile(
    r"(?:QQ|ＱＱ|qq)群?\s*[:：]?\s*\d{5,}|"
    r"群\s*[:：]\s*\d{5,}|公众号\s*[:：]|免责声明|版权所有|转载请注明|不得转载|请勿商用|"
    r"以下为正文|正文完|来源[:：].{0,24}(?:网|站|号|平台|文库)$|"
    # Page furniture, alone or after a brand: 第2页 共5页, 共5页 第2页, 第2/5页, 2/5,
    # Page 2 of 5, - 2 -, — 2 —, · 2 ·.
    r"(?:第\s*\d+\s*页\s*[/／,，]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*[/／,，]?\s*第\s*\d+\s*页|"
    r"第\s*\d+\s*[/／]\s*\d+\s*页|[Pp]age\s*\d+(?:\s*(?:of|/)\s*\d+)?)$|"
    r"^\d{1,3}\s*[/／]\s*\d{1,3}$|^[-—–－·•]\s*\d{1,4}\s*[-—–－·•]$|"
    # Where a page breaks the text: （接上页）, （下转第3页）, （未完待续）.
    r"^[（(]?(?:接上页|续上页|转下页|[上下][接转]第\s*\d+\s*页|未完[，,]?待?续)[）)]?$|"
    # What a scanning app stamps on each page (由某某扫描王扫描创建).
    r"扫描(?:创建|生成)$"
)
# A web or mail address is a sign of promotion too, unless it is a government's (a
# document gives its own portal or mailbox: …gov.cn), or a mailbox named in a sentence
# of the document's own length (报送至县委办邮箱…@163.com。).
_ADDRESS = re.compile(r"https?://|www\.|\.(?:com|cn|net|org)\b")
_GOVERNMENT_ADDRESS = re.compile(r"[\w.@:/-]*\.gov\.cn[\w./-]*", re.ASCII)
_MAILBOX = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Offers and notices a document's own sentence may also use (a school's 校友会终身会员
# 资格, a report on 举报核实): they remove a sentence only when it is short.
_SHORT = 32
_OFFER = re.compile(
    r"仅供学习交流|严禁倒卖|一经查实|举报(?:属实|核实)|免费会员|会员资格|"
    r"更多.{0,4}(?:范文|材料|资料|精品|好稿)|海量.{0,2}(?:范文|材料|资料|文档|精品|好稿)|"
    r"每[日周天][一二三四五六日]?更新|本(?:文|资料|材料|文档)由.{1,12}整理|"
    # A blogger's asks: 点个在看, 给个关注, 求转发; 小编 is a blogger's word for himself.
    r"(?:点个|给个|求)(?:关注|赞|在看|好评|收藏|转发)|小编|"
    # A post's thanks and calls to its reader, which no document makes of its audience.
    r"感谢(?:您的)?(?:阅读|观看)|欢迎(?:转发|分享|收藏|关注|订阅)|记得(?:关注|收藏|转发|点赞)|"
    r"点击(?:关注|下方|上方|阅读|链接)|"
    # A shop's and a blog's own words, in a sentence too.
    r"[Ww]ord(?:原)?版|提取码|评论区|后台回复|知识星球|本店|包邮|秒发|五星好评"
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
            r"本站|长按识别|转发给|星标|私信|阅读原文|拍下|拉黑|"
            r"点个赞|三连|点个.?在看|店内|网盘|直接套用",
            # A social-media topic tag (#公文写作, #述职报告#) or handle (@某某笔记): a post's,
            # never a document's; a tag is # and a word, not # and a number (#1机组).
            r"[#＃][^\s#＃\d]|@[^\s@]{2,}",
            # The casual register of a post: a ～ or a 哦/啦/呀 at the end, a postscript, an
            # address to the reader as 亲.
            r"[～~]$|(?:哦|啦|呀|噢|哟)[～~]*$|^(?:PS|ＰＳ|P\.S\.)\s*[:：]|^亲[，,]",
            # A mobile or a company's 400 number with no one named (a document names its
            # contact person: 联系人：…).
            r"(?<!\d)(?:1[3-9]\d{9}|400[-\s]?\d{3}[-\s]?\d{4})(?!\d)",
            # The fields of a document-sharing or news page (文档编号, 上传者, 下载积分,
            # 浏览次数, 责任编辑：…, 发布时间：…), its counters (阅读 3.2万 · 评论 36), its
            # breadcrumbs (首页 > 工作动态 > 领导讲话) and buttons (打印本页 关闭窗口).
            r"文档(?:编号|页数|大小|格式)|上传(?:者|人|时间|日期)|贡献者|浏览(?:次数|量)|"
            r"下载(?:次数|积分|券|量)|阅读(?:量|数)|收藏数|点赞数|"
            r"^(?:责任编辑|编辑|审核|审校|校对|发布(?:时间|日期)|更新时间|分享到|当前位置|"
            r"您的位置)\s*[:：]|^(?:编辑|发布|更新)于\s*\d|"
            r"(?:阅读|浏览|点赞|赞同|评论|转发|收藏|播放)\s*[:：]?\s*\d[\d.,]*\s*[万千wW]?\s*(?:[·|｜]|$)|"
            r"[>»›].*[>»›]|打印本页|关闭窗口|^\W*(?:广告|推广|赞助)\W*$",
        )
    )
)
# A document gives its own contacts (联系人：…，联系电话：…, 监督举报电话：…): such a line
# is the document's, whatever numbers or mailboxes it gives, unless a strong sign (a QQ
# group) says otherwise.
_OWN_CONTACT = re.compile(r"(?:联系人|(?:联系|举报|监督|咨询)电话|(?:联系|举报)邮箱)\s*[:：]")


def promotion(line: str) -> bool:
    """Whether a line reads as promotion or a notice rather than the document."""
    if _STRONG.search(line):
        return True
    if _OWN_CONTACT.search(line):
        return False
    if _address(line):
        return True
    if HEADING.match(line) or len(line) > 60:
        return False
    if _OFFER.search(line) and (len(line) <= _SHORT or not SENTENCE_END.search(line)):
        return True
    if _banner(line):
        return True
    if SENTENCE_END.search(line) and not _QUOTED.fullmatch(line):
        return False
    return bool(_WEAK.search(line))


def _address(line: str) -> bool:
    """Whether a line gives a web or mail address that is not the document's own."""
    line = _GOVERNMENT_ADDRESS.sub("", line)
    if SENTENCE_END.search(line) and len(line) > _SHORT:
        line = _MAILBOX.sub("", line)
    return bool(_ADDRESS.search(line))


def _banner(line: str) -> bool:
    """A line framed by symbols (★★★ …, ◆ … ◆, ……·…·……, ═══): a banner, whatever the
    symbol. Marks that touch the text are a blank to fill, not a frame (○○镇人民政府,
    书记：○○)."""
    start = not _BLANK_AT_START.match(line)
    end = not _BLANK_AT_END.search(line)
    ends = (line[:2] if start else "", line[-2:] if end else "")
    if any(
        len(end) == 2 and all(unicodedata.category(c).startswith("S") for c in end) for end in ends
    ):
        return True
    first = line[0]
    return (
        start
        and end
        and len(line) >= 3
        and first == line[-1]
        and first not in _QUOTES
        and not MEANINGFUL.match(first)
        and unicodedata.category(first)[0] in "SP"
    )


# The marks a writer leaves as a blank (○○, □□, ××) where they touch the text.
_BLANK_AT_START = re.compile(r"^[○□×]{1,4}(?=[0-9A-Za-z\u3400-\u9fff])")
_BLANK_AT_END = re.compile(r"(?<=[0-9A-Za-z\u3400-\u9fff：:])[○□×]{1,4}$")


def unmistakable(line: str) -> bool:
    """Whether a line bears a sign that no title uses: a strong sign, an offer, a frame of
    symbols or an address (what :func:`promotion` checks before the weak signs)."""
    return bool(_STRONG.search(line) or _OFFER.search(line) or _banner(line) or _address(line))


# A slogan set as display text: two or three runs of Han characters, four to twelve
# each, parted by spaces, with no punctuation (笔耕不辍　与君同行). Prose parts its
# phrases with ，、；, and a name list has names of two or three characters.
_SPACED_SLOGAN = re.compile(r"[\u4e00-\u9fff]{4,12}(?:[ \u3000]+[\u4e00-\u9fff]{4,12}){1,2}")
_SPACED = re.compile(r"\S[ \u3000]+\S")


def display_slogan(line: str) -> bool:
    """Whether a line has the form of a slogan set as display text (笔耕不辍　与君同行);
    the caller judges where it stands (a slogan title is the title)."""
    return _SPACED_SLOGAN.fullmatch(line) is not None


def has_spaced_runs(line: str) -> bool:
    """Whether a line parts its words with spaces (a slogan, a table's row)."""
    return _SPACED.search(line) is not None
