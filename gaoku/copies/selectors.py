"""Reading copies back: a member's download history, and the slots an editor reviews."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from gaoku.copies.models import Copy, EditorVariant, SlotRejection
from gaoku.copies.services import lexicon_current, version_slots
from gaoku.core.fingerprint import Slot, select_slots, slot_density
from gaoku.core.text import paragraphs
from gaoku.library.models import MaterialVersion
from gaoku.members.services import profile_ensure


def copy_history(user: AbstractBaseUser) -> QuerySet[Copy]:
    """The user's copies, newest first, with what the account page shows of each."""
    return Copy.objects.filter(member=user).select_related("version__material")


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph: plain text, or a slot with its state."""

    text: str
    slot: Slot | None = None
    state: str = ""  # "used", "unused" (over the distortion budget) or "rejected"


@dataclass(frozen=True)
class SlotReview:
    paragraphs: list[list[Segment]]
    used: int
    unused: int
    rejected: int
    density: float


def slot_review(version: MaterialVersion) -> SlotReview:
    """Every candidate slot of ``version`` in place, marked used, unused or rejected: the
    candidates that copies choose from, held to the reference prose as they are."""
    text = version.text
    candidates = version_slots(version, lexicon_current())
    rejected = set(SlotRejection.objects.filter(version=version).values_list("key", flat=True))
    used = select_slots(candidates, len(text), rejected=rejected)
    used_keys = {slot.key for slot in used}
    states = {
        s.key: "rejected" if s.key in rejected else "used" if s.key in used_keys else "unused"
        for s in candidates
    }
    rows: list[list[Segment]] = []
    offset = 0
    queue = list(candidates)
    for paragraph in paragraphs(text):
        start = text.index(paragraph, offset)
        end = start + len(paragraph)
        row, position = [], start
        while queue and queue[0].end <= end:
            slot = queue.pop(0)
            if slot.start > position:
                row.append(Segment(text[position : slot.start]))
            row.append(Segment(text[slot.start : slot.end], slot, states[slot.key]))
            position = slot.end
        if position < end:
            row.append(Segment(text[position:end]))
        rows.append(row)
        offset = end
    counts = {state: list(states.values()).count(state) for state in ("used", "unused", "rejected")}
    return SlotReview(rows, **counts, density=slot_density(used, text))


def variant_list() -> QuerySet[EditorVariant]:
    return EditorVariant.objects.select_related("author")


def localise_form(user: AbstractBaseUser, version: MaterialVersion, stale: list) -> dict | None:
    """What the reader page's localisation form offers: each placeholder of ``version``
    with the member's last answer for it, the year (last asked, or this one), and the
    stale references that have a current wording. None when there is nothing to localise."""
    updates = [ref for ref in stale if ref.suggestion]
    if not version.placeholders and not updates:
        return None
    answers = profile_ensure(user).localise_answers if user.is_authenticated else {}
    years = [t for t in version.placeholders if t[:2] in ("19", "20") and t.endswith("年")]
    return {
        "fills": [(t, answers.get(t, "")) for t in version.placeholders if t not in years],
        # 20XX年 is filled by the year, asked once.
        "year": (answers.get("year") or timezone.localdate().year) if years else None,
        "updates": list({ref.text: ref for ref in updates}.values()),
    }
