"""Distributor wrappers: the notices, contacts and ads a passed-around copy carries.

Materials shared in groups and on download sites arrive with lines such as
仅供学习 禁止外传, "…整理，咨询QQ：…", 会员群 ads, subscription offers, site footers
and rows of filler characters, above, below and between paragraphs. Every such line
here is wholly a wrapper line: none is a sentence of a document, none opens with a
heading or point marker, none ends with ：.
"""

from __future__ import annotations

import random
import string

_BRAND_HEADS = (
    "笔杆子",
    "公文",
    "文秘",
    "材料",
    "稿源",
    "写作",
    "范文",
    "文稿",
    "机关",
    "秘书",
    "笔墨",
)
_BRAND_TAILS = (
    "之家",
    "宝库",
    "工坊",
    "驿站",
    "精选",
    "书屋",
    "素材库",
    "研习社",
    "资料站",
    "文库",
)

_NOTICES = (
    "仅供学习 禁止外传",
    "本资料仅供学习交流，禁止外传",
    "仅供内部学习参考，请勿外传",
    "【仅供学习交流使用，严禁用于商业用途】",
    "版权归原作者所有，仅供学习参考，请于下载后{k}小时内删除",
    "仅供学习 禁止外传 违者必究",
    "★本材料仅供个人学习使用★",
)
_CONTACTS = (
    "{brand}整理，咨询QQ：{qq}",
    "{brand}精心整理，微信：{wx}",
    "更多材料请加VX：{wx}",
    "关注公众号“{brand}”，获取更多精品材料",
    "{brand}整理 客服QQ：{qq}",
    "需要Word版请联系微信{wx}",
    "材料定制请咨询QQ{qq}（工作日{h}点至{h2}点）",
    "{brand}独家整理，盗版必究，举报请加QQ：{qq}",
)
_GROUPS = (
    "加入会员群每日更新最新材料，年费仅需{price}元",
    "免费群：{qq}（{k}群已满，请加{k2}群）",
    "会员群每日更新讲话稿、心得体会、工作总结等材料",
    "进群请备注“{kw}”，会员群不定期发放专题资料包",
    "【会员群】每日更新 【免费群】每周精选，详询微信{wx}",
)
_OFFERS = (
    "现在订阅立享前3年的所有资料",
    "年度会员{price}元，终身会员{price2}元，开通即可下载全站材料",
    "开通VIP会员，全站{k}万篇材料免费下载",
    "限时优惠：年度会员立减{d}元，前{k2}名再送专题资料包",
    "现在订阅立享前3年的所有权益和资料，名额有限",
)
_FOOTERS = (
    "更多范文请访问{site}",
    "本文档由{brand}文库提供，下载后可编辑",
    "文档来源于网络，如有侵权请联系删除",
    "更多精品材料尽在{brand}，网址：{site}",
    "【打击倒卖活动】举报倒卖行为，举报成功免费赠送一年会员",
    "下载地址：{site}/doc/{qq}",
)
_FILLERS = ("————————", "＊＊＊＊＊＊", "……………", "=====", "-------------", "※※※※※※", "☆☆☆☆☆☆☆")
_BLANKS = ("", "", "", "　", "  ")

# Where each kind of line tends to sit: notices and contacts on top, offers and footers
# below, group ads anywhere.
_TOP = (_NOTICES, _CONTACTS, _GROUPS)
_MIDDLE = (_CONTACTS, _GROUPS, _OFFERS, _NOTICES)
_BOTTOM = (_FOOTERS, _OFFERS, _CONTACTS, _NOTICES)


def wrapper_line(rng: random.Random, kinds: tuple[tuple[str, ...], ...]) -> str:
    """One wrapper line of one of ``kinds``, with randomised names and numbers."""
    if rng.random() < 0.15:
        return rng.choice(_FILLERS)
    template = rng.choice(rng.choice(kinds))
    return template.format(
        brand=rng.choice(_BRAND_HEADS) + rng.choice(_BRAND_TAILS),
        qq=str(rng.randint(10**5, 10**10)),
        wx=_wechat(rng),
        site=_site(rng),
        price=rng.choice((49, 68, 88, 99, 128, 168, 198, 299)),
        price2=rng.choice((298, 365, 399, 499, 599, 888)),
        d=rng.choice((10, 20, 30, 50)),
        h=rng.randint(8, 10),
        h2=rng.randint(17, 22),
        k=rng.randint(1, 24),
        k2=rng.randint(2, 50),
        kw=rng.choice(("材料", "讲话稿", "公文", "学习", "会员")),
    )


def wrap(rng: random.Random, paragraphs: list[str]) -> tuple[str, tuple[str, ...]]:
    """Wrap ``paragraphs`` as a distributor passes them on.

    Puts one or two wrapper lines on top, one or two between paragraphs after the
    title, one or two at the bottom, and a few blank lines.

    Returns:
        The wrapped text and its wrapper lines in order.
    """
    top = [wrapper_line(rng, _TOP) for _ in range(rng.randint(1, 2))]
    bottom = [wrapper_line(rng, _BOTTOM) for _ in range(rng.randint(1, 2))]
    slots = range(1, len(paragraphs))
    middle = {
        i: wrapper_line(rng, _MIDDLE) for i in rng.sample(slots, min(len(slots), rng.randint(1, 2)))
    }
    lines: list[str] = []
    wrappers: list[str] = []
    for line in top:
        lines.append(line)
        wrappers.append(line)
    if rng.random() < 0.5:
        lines.append(rng.choice(_BLANKS))
    for i, paragraph in enumerate(paragraphs):
        if i in middle:
            lines.append(middle[i])
            wrappers.append(middle[i])
        lines.append(paragraph)
        if rng.random() < 0.12:
            lines.append(rng.choice(_BLANKS))
    if rng.random() < 0.6:
        lines.append(rng.choice(_BLANKS))
    for line in bottom:
        lines.append(line)
        wrappers.append(line)
    return "\n".join(lines), tuple(wrappers)


def _wechat(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return "1" + str(rng.choice((3, 5, 7, 8, 9))) + "".join(rng.choices(string.digits, k=9))
    head = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 5)))
    return head + "".join(rng.choices(string.digits, k=rng.randint(3, 6)))


def _site(rng: random.Random) -> str:
    name = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9)))
    return f"www.{name}{rng.choice(('.com', '.cn', '.net', '.com.cn'))}"
