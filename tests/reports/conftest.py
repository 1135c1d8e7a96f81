"""A leak to report: a member's copy as a reseller posts it."""

from __future__ import annotations

import unicodedata

from django.utils import timezone

from gaoku.copies.services import copy_issue
from gaoku.core.fingerprint import strip_marks
from tests.conftest import account, dense_material_published
from tests.copies.conftest import copy_text


def leaked_copy(leaker: str, others: tuple[str, ...] = ("m1", "m2", "m3")) -> str:
    """``leaker``'s TXT copy of the dense speech, marks stripped and NFKC'd, after each of
    ``others`` took one too (the candidates a trace chooses among). Needs the
    ``attesting_reference`` fixture."""
    material = dense_material_published(timezone.localdate())
    texts = {}
    for name in (leaker, *others):
        issued = copy_issue(
            user=account("member", name), material=material, fmt="txt", address=None
        )
        texts[name] = copy_text(issued.content, "txt")
    return unicodedata.normalize("NFKC", strip_marks(texts[leaker]))
