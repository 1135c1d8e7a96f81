"""Fingerprints: each copy names its member in three layers (see DESIGN.md).

* :mod:`.lexical` — slots of interchangeable wording, found with the variant lexicon;
* :mod:`.tardos` — the keyed code that picks each member's wording at each slot, and the
  bound on accusing an innocent;
* :mod:`.invisible` — the copy's id in zero-width characters at punctuation.

The visible notice is the renderers' (:mod:`gaoku.core.render`). :class:`VersionCode`
ties the layers together for one version of a material.
"""

from __future__ import annotations

from collections.abc import Sequence
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

__all__ = [
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
        """The member's wording index at each slot."""
        keys = [slot.key for slot in self.slots]
        return member_wordings(self.secret, self.version, member, keys, self.biases)

    def copy_text(self, master: str, member: int, copy_id: int) -> str:
        """The member's copy of ``master``: their wordings, then the copy's marks."""
        worded = apply_choices(master, self.slots, self.wordings(member))
        return embed_marks(worded, mark_groups(self.secret, copy_id))
