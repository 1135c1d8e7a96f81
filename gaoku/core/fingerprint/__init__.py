"""Fingerprints: each copy names its member in three layers (see DESIGN.md).

* :mod:`.lexical` — slots of interchangeable wording, found with the variant lexicon
  on the words of :mod:`.segment`, and held to real prose by :mod:`.attestation`;
* :mod:`.tardos` — the keyed code that picks each member's wording at each slot, and the
  bound on accusing an innocent;
* :mod:`.invisible` — the copy's id in zero-width characters at punctuation.

The visible notice is the renderers' (:mod:`gaoku.core.render`). :class:`VersionCode`
ties the layers together for one version of a material.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gaoku.core.fingerprint.invisible import (
    MarkReading,
    embed_marks,
    mark_groups,
    read_marks,
    strip_marks,
)
from gaoku.core.fingerprint.lexical import (
    Slot,
    apply_choices,
    find_slots,
    select_slots,
    slot_density,
)
from gaoku.core.fingerprint.tardos import member_wordings, slot_bias

# The most a copy may differ from its master, in edit distance per character.
MAX_DISTORTION = 0.06

__all__ = [
    "MAX_DISTORTION",
    "MarkReading",
    "Slot",
    "VersionCode",
    "apply_choices",
    "embed_marks",
    "find_slots",
    "mark_groups",
    "read_marks",
    "select_slots",
    "slot_density",
    "strip_marks",
]


@dataclass(frozen=True)
class VersionCode:
    """The code of one version: its slots and their keyed biases.

    ``version`` is the stable id the PRF is keyed with (the version's database id), and
    ``slots`` the version's frozen plan.
    """

    secret: bytes
    version: int
    slots: tuple[Slot, ...]
    biases: tuple[tuple[float, ...], ...]

    @classmethod
    def build(cls, secret: bytes, version: int, slots: Sequence[Slot]) -> VersionCode:
        biases = tuple(slot_bias(secret, version, s.key, len(s.variants)) for s in slots)
        return cls(secret, version, tuple(slots), biases)

    def wordings(self, member: int) -> list[int]:
        """The member's wording index at each slot (the code's symbols)."""
        keys = [slot.key for slot in self.slots]
        return member_wordings(self.secret, self.version, member, keys, self.biases)

    def copy_wordings(self, member: int, length: int) -> list[int]:
        """The wordings a copy uses: the member's, with the costliest changes reverted to
        the master's wording when they would change more than MAX_DISTORTION of the
        ``length`` characters.

        The sum of the slots' edit distances bounds the copy's distance from the master,
        so no copy ever differs in more than 6% of its characters. A reverted slot only
        costs the member's own score a mismatch; innocents' wordings stay independent of
        the copy, so the false-accusation bound is untouched.
        """
        chosen = self.wordings(member)
        costs = [slot.change_cost(w) for slot, w in zip(self.slots, chosen, strict=True)]
        excess = sum(costs) - int(MAX_DISTORTION * length)
        for i in sorted(range(len(costs)), key=lambda i: (-costs[i], self.slots[i].key)):
            if excess <= 0:
                break
            if costs[i]:
                excess -= costs[i]
                chosen[i] = 0
        return chosen

    def copy_text(
        self,
        master: str,
        member: int,
        copy_id: int,
        adapt: Callable[[str], str] | None = None,
    ) -> str:
        """The member's copy of ``master``: :meth:`worded_text`, then the copy's marks."""
        worded = self.worded_text(master, member, adapt)
        return embed_marks(worded, mark_groups(self.secret, copy_id))

    def worded_text(
        self, master: str, member: int, adapt: Callable[[str], str] | None = None
    ) -> str:
        """``master`` in the member's wordings, then ``adapt`` (a localised copy's
        fillings, gaoku.core.localize): a copy of the member's without its marks."""
        worded = apply_choices(master, self.slots, self.copy_wordings(member, len(master)))
        return adapt(worded) if adapt is not None else worded
