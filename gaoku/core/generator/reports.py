"""Drafts of written materials: 工作报告, 总结, 述职报告 and 方案.

Reports look back on ``{RY}`` (last year until spring, then the current one) and plan
for ``{RY2}``; plans aim at ``{YT}``; see :class:`gaoku.core.generator.context.Context`.
"""

from __future__ import annotations

from gaoku.core.generator import phrases as ph
from gaoku.core.generator import templates as tp
from gaoku.core.generator.compose import Draft, Para, PartDraft, enumeration
from gaoku.core.generator.context import CN, Context

_NUMBER_STYLES = (".", "、", "．")

# Said once, at the end of the problems: a sentence every report has, but only once.
_PROBLEM_CODAS = (
    "对这些问题，我们必须正视，并采取有力措施切实加以解决。",
    "这些问题虽然发生在少数单位和个别人身上，但影响不好，必须高度重视、认真解决。",
    "对此，我们将坚持问题导向，逐项研究整改措施，确保问题整改到位。",
)


def _sub_part(
    ctx: Context,
    head: str,
    level: int,
    heads: tuple[str, ...],
    bank: tuple[str, ...],
    budget: int,
    *,
    deeper: bool = False,
) -> PartDraft:
    """A part whose points are sub-headings one level below the part (level 1 or 2).

    With ``deeper``, some sub-sections get numbered items one more level down
    (1. under （一）), which are neither parts nor points.
    """
    rng = ctx.rng
    part = PartDraft(head, [Para(head)], "task", bank, 0.2)
    sep = rng.choice(_NUMBER_STYLES)
    count = rng.choice((2, 3, 3, 4, 4, 5))
    if level == 1:
        markers = [f"（{CN[j]}）" for j in range(count)]
    else:
        markers = [f"{j + 1}{sep}" for j in range(count)]
    part.add_subs(ctx, markers, heads, budget, inline=rng.random() < 0.75)
    if deeper and level == 1:
        # Items under the first sub-section: 1. 2. 3. paragraphs of their own.
        at = next(i for i, p in enumerate(part.paras) if p.heading) + 1
        items = [
            Para(f"{m + 1}{sep}{ctx.pick(tp.H_SUB)}。{ctx.pick(bank)}")
            for m in range(rng.randint(2, 3))
        ]
        part.paras[at:at] = items
    return part


def _run_part(ctx: Context, head: str, kind: str, bank: tuple[str, ...], budget: int) -> PartDraft:
    """A part whose points are the enumerations in its paragraphs."""
    part = PartDraft(head, [Para(head)], kind, bank, 0.25)
    part.paras.append(enumeration(ctx, kind, bank))
    part.grow(ctx, budget)
    return part


def _problem_part(ctx: Context, head: str, budget: int) -> PartDraft:
    """The problems: an enumeration, a paragraph or two more, one closing remark."""
    part = PartDraft(head, [Para(head)], "problem", tp.PROBLEM, 0)
    part.paras.append(enumeration(ctx, "problem", tp.PROBLEM))
    part.grow(ctx, min(budget, 700))
    part.paras[-1].text += ctx.rng.choice(_PROBLEM_CODAS)
    return part


def _review_parts(ctx: Context, budget: int, style: str) -> list[PartDraft]:
    """Results, problems, next steps: the body of a 工作报告 or a 总结."""
    rng = ctx.rng
    level = 2 if style == "l2" else 1
    names = [
        rng.choice(("{RY}工作回顾", "主要工作及成效", "过去一年的主要工作", "工作开展情况")),
        rng.choice(("存在的问题和不足", "当前工作中存在的主要问题", "需要改进的方面")),
        rng.choice(("{RY2}工作安排", "下一步工作打算", "今后工作思路和重点")),
    ]
    if rng.random() < 0.3:
        names.append(rng.choice(("加强自身建设", "几点工作建议")))
    marker = (lambda i: f"（{CN[i]}）") if style == "l2" else (lambda i: f"{CN[i]}、")
    heads = [marker(i) + ctx.fill(n) for i, n in enumerate(names)]
    sub = style != "runs"
    parts = []
    for i, head in enumerate(heads):
        share = int(budget * (1.6 if i == 0 else 0.5 if i == 1 else 1.0))
        if i == 0 and sub:
            parts.append(_sub_part(ctx, head, level, tp.H_DONE, tp.REPORT, share))
        elif i == 0:
            parts.append(_run_part(ctx, head, "first", tp.REPORT, share))
        elif i == 1:
            parts.append(_problem_part(ctx, head, share))
        elif sub and rng.random() < 0.7:
            parts.append(_sub_part(ctx, head, level, tp.H_SUB, tp.SPEECH, share))
        else:
            parts.append(_run_part(ctx, head, "task", tp.SPEECH, share))
    return parts


def work_report(ctx: Context, target: int) -> Draft:
    """A 工作报告: to a congress or to the body above; results, problems, plans."""
    rng = ctx.rng
    draft = Draft(
        title=ctx.pick(("关于{RY}{W}情况的报告", "{O}{RY}工作报告", "{L}关于{RY}{W}情况的报告"))
    )
    draft.occasion = ctx.fill("{C}年度工作会议")
    if rng.random() < 0.35:
        draft.occasion = ctx.fill("{C}党员代表大会")
        draft.salutation = rng.choice(("各位代表：", "各位代表、同志们："))
        draft.opening.append(ctx.fill("现在，我代表{O}向大会报告工作，请予审议。"))
        draft.trailing.append("以上报告，请予审议。")
    draft.opening.append(
        ctx.fill("{RY}，{C}上下{GUIDE}，{AT}，{ATG}，{W}{PG}。现将有关情况报告如下。")
    )
    draft.closing.append(
        ctx.pick(
            (
                "同志们，新的一年，{W}任务艰巨、使命光荣。{S}要{AT}，{FG}！",
                "总之，我们将{MN}，{AT}，{ATG}，{FG}。",
                "让我们{F}、{F}，{AT}，{FG}！",
            )
        )
    )
    style = rng.choice(("sub", "sub", "runs"))
    draft.parts = _review_parts(ctx, (target - draft.chars()) // 3, style)
    return draft


def summary(ctx: Context, target: int) -> Draft:
    """A 总结: no salutation, closes on 总之 or 综上所述, sometimes dated at the foot."""
    rng = ctx.rng
    titles = ["{L}关于{RY}{W}的总结", "关于{RY}{W}开展情况的总结", "{O}{RY}{W}总结"]
    if 6 <= ctx.published.month <= 9:
        titles.append("{Y}上半年{W}总结")
    draft = Draft(title=ctx.pick(tuple(titles)))
    draft.occasion = rng.choice(("年度工作总结大会", "半年工作总结会", "工作总结报送"))
    draft.opening.append(
        ctx.fill("{RY}，在{O}的坚强领导下，{C}{AT}，{ATG}，{R}，{W}{PG}。现将有关情况总结如下。")
    )
    draft.closing.append(
        ctx.pick(
            (
                "总之，{RY}{W}取得了一定成效，但与上级要求相比还有差距。我们将{AT}，{FG}。",
                "综上所述，{C}{W}总体{PG}。下一步，我们将{MN}，{AT}，{G}。",
            )
        )
    )
    d = ctx.published
    if rng.random() < 0.5:
        draft.trailing.append(f"{d.year}年{d.month}月{d.day}日")
    style = rng.choice(("sub", "runs", "l2"))
    draft.parts = _review_parts(ctx, (target - draft.chars()) // 3, style)
    return draft


_DUTY_HEADS = (
    (
        "坚持学习，不断提高政治素质和业务能力",
        "加强理论武装，筑牢思想根基",
        "注重学习提升，增强履职本领",
    ),
    ("履职尽责，推动{W}取得新成效", "聚焦主责主业，{AT}", "{VN}，扎实推进分管工作"),
    (
        "严守纪律规矩，始终保持清正廉洁",
        "严格廉洁自律，树立良好形象",
        "落实“一岗双责”，筑牢廉洁防线",
    ),
    ("存在的不足和今后努力方向", "存在的问题及下一步打算", "正视不足，明确努力方向"),
)


def duty_report(ctx: Context, target: int) -> Draft:
    """A 述职报告: first person (本人, 一年来), study, duties, integrity, shortcomings."""
    rng = ctx.rng
    who = "{LEADER}" if ctx.placeholders and rng.random() < 0.4 else ""
    draft = Draft(title=ctx.pick((who + "个人述职报告", "{RY}度述职述廉报告", "{RY}个人述职报告")))
    draft.occasion = rng.choice(("年度述职评议会议", "领导班子述职述廉会议", "年度考核述职"))
    if rng.random() < 0.5:
        draft.salutation = "各位领导、同志们："
    draft.opening.append(
        ctx.fill(
            "{RY}，本人在{O}的坚强领导下，认真履行{RO}职责，{AT}，{ATG}，较好地完成了各项工作任务。"
            "现将一年来的思想、工作和廉洁自律情况报告如下。"
        )
    )
    draft.closing.append(
        ctx.pick(
            (
                "综上所述，一年来本人在思想、工作和作风上都有了新的进步，但离组织要求还有差距。{IN}。",
                "总之，我将以这次述职为新的起点，{AT}，{ATG}，{G}。",
            )
        )
    )
    draft.trailing.append(
        rng.choice(("以上述职，请各位领导、同志们评议。", "以上报告，请予评议。"))
    )
    budget = (target - draft.chars()) // 4
    kinds = (("first", tp.FIRST), ("first", tp.REPORT), ("first", tp.FIRST), ("self", tp.FIRST))
    for i, (names, (kind, bank)) in enumerate(zip(_DUTY_HEADS, kinds, strict=True)):
        head = f"{CN[i]}、{ctx.pick(names)}"
        if i == 1 and rng.random() < 0.5:
            draft.parts.append(_sub_part(ctx, head, 1, tp.H_DONE, tp.REPORT, int(budget * 1.6)))
        else:
            draft.parts.append(_run_part(ctx, head, kind, bank, int(budget * (0.8 if i else 1))))
    return draft


def _deadlines(ctx: Context) -> list[str]:
    """Three deadlines after the plan's date: months of the year, or spans from issue."""
    month = ctx.published.month
    if month <= 9 and ctx.rng.random() < 0.7:
        return [f"{m}月底前" for m in sorted(ctx.rng.sample(range(month + 1, 13), 3))]
    first, second = sorted(ctx.rng.sample(range(1, 7), 2))
    return [f"方案印发后{first}个月内", f"第{first + 1}个月至第{second + 1}个月", "长期坚持"]


def _listed_part(ctx: Context, head: str, names: list[str]) -> PartDraft:
    """A part of named sub-sections, each a heading sentence and two more (steps, safeguards)."""
    part = PartDraft(head, [Para(head)], "task", tp.PLAN, 0)
    for j, name in enumerate(names):
        sub = f"（{CN[j]}）{name}"
        part.paras.append(Para(f"{sub}。{ctx.pick(tp.PLAN)}{ctx.pick(tp.PLAN)}", heading=sub))
    return part


def plan(ctx: Context, target: int) -> Draft:
    """A 方案: 指导思想, 工作目标, 主要任务, 实施步骤, 保障措施 with （一） points."""
    rng = ctx.rng
    act = ctx.pick(ctx.topic_bank("acts"))
    titles = ("{L}关于{act}的实施方案", "关于{act}的工作方案", "{YT}{L}{W}方案")
    draft = Draft(title=ctx.pick(titles, act=act))
    draft.occasion = ctx.fill(rng.choice(("{O}专题会议", "{O}常委会会议", "印发实施")))
    if rng.random() < 0.15:
        draft.subtitles.append(rng.choice(("（征求意见稿）", "（试行）")))
    draft.opening.append(
        ctx.fill("为深入贯彻落实上级有关部署要求，{AT}，{G}，结合{L}实际，制定本方案。")
    )
    draft.closing.append(
        ctx.pick(
            (
                "总之，{U}要充分认识{act}的重要意义，{ATG}，确保各项任务落地见效。",
                "总之，{act}是一项长期任务，{U}要{F}、{F}，{ATG}。",
            ),
            act=act,
        )
    )
    if ctx.placeholders and rng.random() < 0.6:
        draft.trailing.append("联系人：XXX，联系电话：＿＿＿＿。")
    sections = ["guide", "goal", "task", "step", "guard"]
    if rng.random() < 0.3:
        sections.remove("step")
    budget = (target - draft.chars()) // len(sections)
    for i, key in enumerate(sections):
        head = f"{CN[i]}、{rng.choice(ph.PLAN_SECTIONS[key])}"
        if key == "guide":
            text = ctx.fill("{GUIDE}，深入学习贯彻{CONGREF}精神，坚持{ND}，{AT}，{ATG}，{G}。")
            part = PartDraft(head, [Para(head), Para(text)], "task", tp.PLAN, 0)
        elif key == "goal":
            part = _run_part(ctx, head, "task", tp.PLAN, int(budget * 0.6))
            part.paras.insert(1, Para(ctx.fill("通过{act}，到{YT}底，{R}，{R}，{G}。", act=act)))
        elif key == "task":
            part = _sub_part(ctx, head, 1, tp.H_SUB, tp.PLAN, int(budget * 2), deeper=True)
        elif key == "step":
            steps = [ph.STEPS[k] for k in sorted(rng.sample(range(len(ph.STEPS)), 3))]
            names = [f"{n}（{w}）" for n, w in zip(steps, _deadlines(ctx), strict=True)]
            part = _listed_part(ctx, head, names)
        else:
            part = _listed_part(ctx, head, rng.sample(ph.SAFEGUARDS, rng.randint(2, 4)))
        draft.parts.append(part)
    return draft
