"""Paragraph builders and the draft of a document, with the labels it carries.

A :class:`Draft` keeps, next to each paragraph, what the structure parser must read
from it (the heading of a part, the points of an enumeration, the heading of a
sub-section), so the outline is written down while the text is made rather than
parsed back. :func:`fit` then brings the draft into the length range of its type.
The conventions are those of :mod:`gaoku.core.structure`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaoku.core.generator import templates as tp
from gaoku.core.generator.context import CN, Context

# Markers of enumerated points. The 首先 family is cut by size so that 再次 only
# appears in a run of four and a run always ends on its last marker.
_FIRST_FAMILY = {
    2: ("首先", "其次"),
    3: ("首先", "其次", "最后"),
    4: ("首先", "其次", "再次", "最后"),
}

_CLAUSES = {
    "task": ("{T}", "{AT}", "{AT}", "{TG}"),
    "first": ("{T}", "{AT}", "注重{T}", "坚持{ND}"),
    "problem": ("{P}",),
    "self": ("{SP}",),
    "cause": ("{CA}",),
}
# Lead-ins and what may follow a clause after ，, for the kinds that only report (一是…).
_REPORTING = {
    "problem": (tp.PROBLEM_LEADS, tp.PROBLEM_ELABS),
    "self": (tp.SELF_LEADS, tp.PROBLEM_ELABS),
    "cause": (tp.CAUSE_LEADS, tp.CAUSE_ELABS),
}


@dataclass
class Para:
    """One paragraph and the labels the parser reads from it."""

    text: str
    points: tuple[str, ...] = ()
    heading: str = ""  # set when the paragraph opens a sub-section of the part


@dataclass
class PartDraft:
    """A numbered part: its heading paragraph first, then its body.

    ``kind``, ``bank`` and ``share`` say what more body looks like (see :meth:`more`).
    """

    heading: str
    paras: list[Para]
    kind: str = "task"
    bank: tuple[str, ...] = tp.SPEECH
    share: float = 0.2

    def more(self, ctx: Context) -> Para:
        """One more body paragraph: an enumeration now and then (two per part at most)."""
        runs = sum(1 for p in self.paras if p.points)
        if runs < 2 and ctx.rng.random() < self.share:
            return enumeration(ctx, self.kind, self.bank)
        return body(ctx, self.bank, 2, 4)

    def grow(self, ctx: Context, budget: int) -> None:
        """Add body until the part reaches ``budget`` characters."""
        for _ in range(40):
            if self.chars() >= budget:
                return
            self.paras.append(self.more(ctx))

    def add_subs(
        self, ctx: Context, markers: list[str], heads: tuple[str, ...], budget: int, *, inline: bool
    ) -> None:
        """Add one sub-section per marker, each grown to an equal share of ``budget``."""
        share = max(0, budget - self.chars()) // len(markers)
        for marker in markers:
            start = len(self.paras)
            self.paras += sub_section(ctx, marker, heads, self.bank, inline=inline)
            for _ in range(6):
                if sum(len(p.text) + 1 for p in self.paras[start:]) >= share:
                    break
                self.paras.append(body(ctx, self.bank, 2, 4))

    @property
    def points(self) -> tuple[str, ...]:
        """Sub-section headings when there are any, else the enumerated points."""
        subs = tuple(p.heading for p in self.paras[1:] if p.heading)
        if subs:
            return subs
        return tuple(point for p in self.paras for point in p.points)

    def chars(self) -> int:
        """Characters of the part, newlines included."""
        return sum(len(p.text) + 1 for p in self.paras)


@dataclass
class Draft:
    """A whole document before rendering."""

    title: str
    occasion: str = ""
    subtitles: list[str] = field(default_factory=list)
    salutation: str = ""
    opening: list[str] = field(default_factory=list)
    parts: list[PartDraft] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        """All paragraphs in order."""
        out = [self.title, *self.subtitles]
        if self.salutation:
            out.append(self.salutation)
        out += self.opening
        for part in self.parts:
            out += [p.text for p in part.paras]
        return out + self.closing + self.trailing

    def chars(self) -> int:
        """Length of the rendered text (paragraphs joined by single newlines)."""
        return sum(len(p) + 1 for p in self.paragraphs()) - 1

    def outline(self) -> dict:
        """The outline in the contract's shape."""
        return {
            "title": self.title,
            "salutation": self.salutation,
            "parts": [{"heading": p.heading, "points": list(p.points)} for p in self.parts],
            "closing": first_sentence(self.closing[0]),
        }


def first_sentence(paragraph: str) -> str:
    """A paragraph up to its first 。！？, trailing ：； dropped (how headings are read)."""
    cut = len(paragraph)
    for mark in "。！？":
        i = paragraph.find(mark)
        if 0 <= i < cut:
            cut = i
    return paragraph[:cut].rstrip("：；")


def count_word(k: int) -> str:
    """两 for 2, else the Chinese numeral (三点意见, 两个方面)."""
    return "两" if k == 2 else CN[k - 1]


def sentences(ctx: Context, bank: tuple[str, ...], low: int, high: int) -> str:
    """``low`` to ``high`` sentences drawn from ``bank``."""
    return "".join(ctx.pick(bank) for _ in range(ctx.rng.randint(low, high)))


def body(ctx: Context, bank: tuple[str, ...], low: int = 2, high: int = 4) -> Para:
    """A plain paragraph: no markers, no labels."""
    return Para(sentences(ctx, bank, low, high))


def enumeration(ctx: Context, kind: str, bank: tuple[str, ...]) -> Para:
    """A paragraph holding one run of enumerated points, and its point labels.

    Args:
        ctx: The document context.
        kind: ``task``, ``first`` (first-person), ``problem``, ``self`` (own
            shortcomings) or ``cause`` (their roots); it chooses the clauses and the
            lead-in.
        bank: Sentences that may precede or follow the run.
    """
    rng = ctx.rng
    k = rng.choice((2, 3, 3, 3, 4))
    if kind in _REPORTING:
        style = "shi"
        leads, elabs = _REPORTING[kind]
    else:
        elabs = tp.ELABS
        # First-person enumerations report (一是…), they do not exhort (一要…).
        styles = ("shi", "shi", "first") if kind == "first" else ("shi", "shi", "yao", "first")
        style = rng.choice(styles)
        leads = tp.FIRST_LEADS if kind == "first" else tp.LEADS
    if style == "shi":
        markers = [f"{CN[i]}是" for i in range(k)]
    elif style == "yao":
        markers = [f"{CN[i]}要" for i in range(k)]
    else:
        markers = list(_FIRST_FAMILY[k])
    r = rng.random()
    if r < 0.5:
        prefix = ctx.pick(leads, k=count_word(k))
    elif r < 0.75:
        prefix = ctx.pick(bank)
    else:
        prefix = ""
    items, labels = [], []
    comma = rng.random() < 0.6
    for marker in markers:
        clause = ctx.pick(_CLAUSES[kind])
        if style == "first" and kind == "task":
            head = f"{marker}，要{clause}" if comma else f"{marker}要{clause}"
        elif style == "first":
            head = f"{marker}，{clause}"
        else:
            head = marker + clause
        labels.append(head)
        share = 0.4 if kind in _REPORTING else 0.6
        elab = "，" + ctx.pick(elabs) if rng.random() < share else ""
        items.append(head + elab)
    if style == "shi":
        run = "；".join(items) + "。"
    else:
        # Items as sentences, some followed by a sentence of their own.
        run = "".join(
            item + "。" + (ctx.pick(bank) if rng.random() < 0.35 else "") for item in items
        )
    tail = ctx.pick(bank) if rng.random() < 0.3 else ""
    return Para(prefix + run + tail, points=tuple(labels))


def sub_section(
    ctx: Context, marker: str, heads: tuple[str, ...], bank: tuple[str, ...], *, inline: bool
) -> list[Para]:
    """A sub-section opened by ``marker`` (（一）, 1.): its heading paragraph and body.

    An inline heading is the first sentence of its paragraph (（一）强化组织领导。要……);
    otherwise the heading stands alone on its line and a body paragraph follows.
    """
    head = marker + ctx.pick(heads)
    if inline:
        return [Para(head + "。" + sentences(ctx, bank, 1, 3), heading=head)]
    return [Para(head, heading=head), body(ctx, bank, 1, 3)]


def fit(draft: Draft, low: int, high: int, ctx: Context) -> None:
    """Bring ``draft`` within ``[low, high]`` characters by adding or removing body.

    Body paragraphs are removed from the longest part first, then whole trailing
    sub-sections while a part keeps at least two; paragraphs are added by each part's
    filler. Headings are never touched, so numbering stays in sequence.
    """
    guard = 0
    while draft.chars() > high and guard < 200:
        guard += 1
        part = max(draft.parts, key=PartDraft.chars)
        if not _drop_body(part) and not _drop_sub(part):
            break
    while draft.chars() < low and guard < 400:
        guard += 1
        part = ctx.rng.choice(draft.parts)
        para = part.more(ctx)
        if draft.chars() + len(para.text) + 1 > high:
            break
        part.paras.append(para)


def _drop_body(part: PartDraft) -> bool:
    # Remove the last plain paragraph, keeping one paragraph of body after a lone heading.
    plain = [i for i, p in enumerate(part.paras) if i > 0 and not p.heading]
    if len(part.paras) <= 2 or not plain:
        return False
    if all(not p.heading for p in part.paras[1:]) and len(plain) <= 1:
        return False
    del part.paras[plain[-1]]
    return True


def _drop_sub(part: PartDraft) -> bool:
    subs = [i for i, p in enumerate(part.paras) if i > 0 and p.heading]
    if len(subs) <= 2:
        return False
    del part.paras[subs[-1] :]
    return True
