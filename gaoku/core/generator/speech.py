"""Drafts of spoken materials: 讲话稿, 发言材料 and 心得体会.

Each function returns a :class:`~gaoku.core.generator.compose.Draft` of about
``target`` characters; :func:`gaoku.core.generator.document.generate_document`
fits and renders it.
"""

from __future__ import annotations

from gaoku.core.generator import templates as tp
from gaoku.core.generator.compose import Draft, Para, PartDraft, count_word, enumeration
from gaoku.core.generator.context import CN, Context

_DIGITS = "〇一二三四五六七八九"

SALUTATIONS = (
    "同志们：",
    "同志们：",
    "各位领导、同志们：",
    "同志们、朋友们：",
    "各位代表、同志们：",
)

_ERA_SENTENCES = (
    "{YB}，做好{W}意义重大。",
    "{YB}，也是{W}承前启后的重要一年。",
    "当前，{C}上下正在{CAMP}，{W}面临新的形势和任务。",
    "我们要深入学习贯彻{CONGREF}精神，{PLAN}。",
    "{GUIDE}，{AT}，{G}。",
    "站在新的起点上，{PLAN}，对{W}提出了新的更高要求。",
)

_REVIEW = (
    "过去一年，{C}{W}取得了新的成效，{R}，{R}，这些成绩来之不易。",
    "{Y1}以来，在{O}的坚强领导下，{S}{AT}，{W}{PG}。",
    "近年来，{C}{W}总体平稳、稳中有进，{N}{PG}，但也要看到，{P}。",
)

_CLOSINGS = (
    "同志们，{W}使命光荣、责任重大。{S}要{AT}，{F}、{F}，{FG}！",
    "同志们，做好{Y}的{W}，任务艰巨、责任重大。我们要{MN}，{AT}，{FG}！",
    "同志们！{W}关系发展大局、关系群众切身利益。{S}要{F}、{F}，{FG}！",
    "总之，{W}只有进行时、没有完成时。{S}要{AT}，{ATG}，{FG}。",
    "让我们在{O}的坚强领导下，{F}、{F}，{AT}，{FG}！",
    "让我们更加紧密地团结在以习近平同志为核心的党中央周围，{F}、{F}，{FG}！",
)

_TALK_OCCASIONS = (
    "专题民主生活会",
    "专题组织生活会",
    "{C}{W}经验交流会",
    "理论学习中心组专题学习会",
    "{C}{W}座谈会",
)

_STUDY_OCCASIONS = ("专题学习研讨", "理论学习中心组学习", "支部集中学习", "专题培训班")


def cn_number(n: int) -> str:
    """Chinese numeral for 1..99 as dates are written (十五, 二十一)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN[ones - 1]
    head = "" if tens == 1 else CN[tens - 1]
    return head + "十" + (CN[ones - 1] if ones else "")


def date_line(ctx: Context) -> str:
    """The subtitle date: （2021年3月15日） or, sometimes, （二〇二一年三月十五日）."""
    d = ctx.published
    if ctx.rng.random() < 0.25:
        year = "".join(_DIGITS[int(c)] for c in str(d.year))
        return f"（{year}年{cn_number(d.month)}月{cn_number(d.day)}日）"
    return f"（{d.year}年{d.month}月{d.day}日）"


def occasion(ctx: Context, *, with_year: bool) -> tuple[str, str]:
    """A meeting of the primary topic (全县安全生产工作会议), and its name in a title.

    The title's name carries the year when ``with_year`` (全县2021年安全生产工作会议).
    """
    core = ctx.rng.choice(ctx.topic_bank("occasions"))
    titled = core.replace("{C}", "{C}{Y}") if with_year else core
    return ctx.fill(core), ctx.fill(titled)


def opening_era(ctx: Context) -> str:
    """An opening paragraph on the situation, carrying the dated references of the time."""
    picks = ctx.rng.sample(_ERA_SENTENCES, ctx.rng.randint(2, 3))
    return "".join(ctx.fill(s) for s in picks) + ctx.pick(tp.SPEECH)


def speech_part(ctx: Context, index: int, style: str, budget: int) -> PartDraft:
    """One part of a speech in ``style`` ``cn`` (一、), ``sub`` (一、 with （一）) or ``di``."""
    rng = ctx.rng
    if style == "di":
        head = f"第{CN[index]}，{ctx.pick(tp.H_INLINE)}"
        paras = [Para(head + "。" + ctx.pick(tp.SPEECH) + ctx.pick(tp.SPEECH))]
    else:
        head = f"{CN[index]}、{ctx.pick(tp.H_PART)}"
        paras = [Para(head)]
    part = PartDraft(head, paras, "task", tp.SPEECH, 0.2)
    if style == "sub":
        markers = [f"（{CN[j]}）" for j in range(rng.choice((2, 3, 3, 4)))]
        part.add_subs(ctx, markers, tp.H_SUB, budget, inline=rng.random() < 0.7)
        return part
    if rng.random() < 0.5:
        part.paras.append(Para(ctx.pick(tp.SPEECH) + ctx.pick(tp.SPEECH)))
    part.paras.append(enumeration(ctx, "task", tp.SPEECH))
    part.grow(ctx, budget)
    return part


def speech(ctx: Context, target: int) -> Draft:
    """A 讲话稿: title, salutation, opening, 3-5 parts, closing call."""
    rng = ctx.rng
    plain, occ = occasion(ctx, with_year=rng.random() < 0.4)
    draft = Draft(title=f"在{occ}上的讲话", occasion=plain)
    r = rng.random()
    if r < 0.25:
        head = ctx.fill("{H}")
        draft.title = rng.choice((ctx.fill("{F}　{F}　") + head, ctx.fill("{VN}　") + head))
        draft.subtitles.append(f"——在{occ}上的讲话")
    elif r < 0.35 and ctx.placeholders:
        draft.title = f"{ctx.fill('{LEADER}')}在{occ}上的讲话"
    if rng.random() < 0.35:
        draft.subtitles.append(date_line(ctx))
    draft.salutation = "老师们、同志们：" if ctx.level.scope == "全校" else rng.choice(SALUTATIONS)
    nparts = rng.choice((3, 3, 4, 4, 5))
    intro = ctx.fill("这次会议是经{O}研究决定召开的，主要任务是{MT}。")
    if rng.random() < 0.6:
        intro += ctx.fill("刚才，{LEADER}{LD}，{EXS}作了交流发言，讲得都很好，我完全同意。")
    draft.opening.append(intro)
    if rng.random() < 0.7:
        draft.opening.append(opening_era(ctx))
    if rng.random() < 0.5:
        draft.opening.append(ctx.pick(_REVIEW))
    lead = rng.choice(("结合{C}工作实际", "围绕做好今年的{W}", "就贯彻落实好这次会议精神"))
    draft.opening.append(ctx.fill(f"下面，{lead}，我讲{count_word(nparts)}点意见。"))
    draft.closing.append(ctx.pick(_CLOSINGS) + ctx.pick(tp.SPEECH))
    if rng.random() < 0.25:
        draft.trailing.append("谢谢大家！")
    style = rng.choice(("cn", "sub", "di"))
    budget = (target - draft.chars()) // nparts
    draft.parts = [speech_part(ctx, i, style, budget) for i in range(nparts)]
    return draft


def statement(ctx: Context, target: int) -> Draft:
    """A 发言材料: a self-examination at a 民主生活会, or an exchange of experience."""
    rng = ctx.rng
    occ = ctx.pick(_TALK_OCCASIONS)
    review = "生活会" in occ
    if review:
        title = rng.choice((f"{occ}个人对照检查发言材料", f"在{occ}上的对照检查发言"))
    else:
        title = f"在{occ}上的发言"
    draft = Draft(title=title, occasion=occ)
    if not review and rng.random() < 0.3:
        draft.title = ctx.fill("{H}")
        draft.subtitles.append(f"——在{occ}上的交流发言")
    draft.salutation = rng.choice(("尊敬的各位领导、同志们：", "各位领导、同志们：", ""))
    if review:
        draft.opening.append(
            ctx.fill(
                "按照{O}关于召开{occ}的通知要求，本人认真学习规定篇目，广泛征求意见建议，"
                "深入开展谈心谈话，{AT}。现将个人对照检查情况报告如下，请同志们批评帮助。",
                occ=occ,
            )
        )
        sections = (
            (("存在的主要问题", "查摆出的突出问题"), "self", tp.FIRST),
            (("问题产生的原因", "原因剖析"), "cause", tp.FIRST),
            (("今后的努力方向和整改措施", "下一步整改措施"), "task", tp.SPEECH),
        )
    else:
        draft.opening.append(
            ctx.fill("根据会议安排，现将{L}{W}开展情况作简要交流。{R}，{R}，{W}{PG}。")
        )
        sections = (
            (("主要做法", "坚持高位推动，压实工作责任"), "first", tp.REPORT),
            (("几点体会", "工作中的几点体会"), "first", tp.FIRST),
            (("下一步打算", "下一步工作思路"), "task", tp.SPEECH),
        )
    draft.closing.append(
        ctx.pick(
            (
                "总之，我将以这次{occ}为新的起点，{AT}，{G}。",
                "总之，{W}永远在路上，我们将{AT}，{ATG}，{FG}。",
                "综上所述，我们将{MN}，{AT}，{FG}。",
            ),
            occ=occ,
        )
    )
    draft.trailing.append(
        rng.choice(("以上发言，不妥之处，请批评指正。", "谢谢！", "请各位领导批评指正。"))
    )
    budget = (target - draft.chars()) // len(sections)
    for i, (names, kind, bank) in enumerate(sections):
        head = f"{CN[i]}、{rng.choice(names)}"
        part = PartDraft(head, [Para(head)], kind, bank, 0.2)
        part.paras.append(enumeration(ctx, kind, bank))
        part.grow(ctx, budget)
        draft.parts.append(part)
    return draft


def reflection(ctx: Context, target: int) -> Draft:
    """A 心得体会: short, first person, 2-4 parts, no salutation."""
    rng = ctx.rng
    title = rng.choice(
        (
            "学习{CONGREF}精神心得体会",
            "关于做好{W}的几点心得体会",
            "{H}——{W}学习心得",
            "{EDU}学习心得体会",
            "参加{C}{W}专题培训心得体会",
        )
    )
    if "{EDU}" in title and ctx.topics[0] != "主题教育":
        title = "关于做好{W}的几点心得体会"
    draft = Draft(title=ctx.fill(title), occasion=rng.choice(_STUDY_OCCASIONS))
    draft.opening.append(
        ctx.fill(
            "近期，按照{O}统一安排，我认真参加了有关学习，深受教育、收获很大。"
            "作为{RO}，我深刻认识到，{IN}。结合自身工作实际，谈几点粗浅体会。"
        )
    )
    nparts = rng.choice((2, 3, 3, 4))
    style = rng.choice(("cn", "di", "l2"))
    draft.closing.append(
        ctx.pick(
            (
                "总之，做好{W}，必须{AT}，{ATG}。",
                "总之，我将把这次学习的收获转化为做好本职工作的实际行动，{AT}，{G}。",
                "让我们{MN}，{AT}，{FG}！",
            )
        )
    )
    budget = (target - draft.chars()) // nparts
    for i in range(nparts):
        if style == "di":
            head = f"第{CN[i]}，{ctx.pick(tp.H_INLINE)}"
            paras = [Para(head + "。" + ctx.pick(tp.FIRST))]
        else:
            marker = f"{CN[i]}、" if style == "cn" else f"（{CN[i]}）"
            head = marker + ctx.pick(tp.H_PART)
            paras = [Para(head)]
        part = PartDraft(head, paras, "first", tp.FIRST, 0.25)
        part.paras.append(part.more(ctx))
        part.grow(ctx, budget)
        draft.parts.append(part)
    return draft
