"""Who may read what.

Until plans and entitlement windows exist, the rule is by role: members, editors and
admins read full texts; visitors (anonymous or in no group) see outlines and previews.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from gaoku.accounts.roles import MEMBERS


def full_text_allowed(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether this user may read and download full texts."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.groups.filter(name=MEMBERS).exists()


def preview_of(text: str) -> str:
    """The free preview: the first GAOKU_PREVIEW_CHARS characters, ending at a paragraph
    end if one is near, and never more than half of a short text."""
    limit = min(settings.GAOKU_PREVIEW_CHARS, len(text) // 2)
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > limit // 2 else limit]
