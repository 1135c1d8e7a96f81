"""The audit log: who granted, suspended, imported, traced, backed up… what, when and from
where. Services call ``audit_record`` in the transaction of the action they record, so an
action and its entry stand or fall together.

Where an action comes from is set once per request (``AuditSourceMiddleware``: the client
address), per command (``gaoku`` commands: ``cli:<os user>``) or per job (``worker``).
"""

from __future__ import annotations

import contextvars
import datetime
import getpass
from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from gaoku.ops.models import AuditEntry

_SOURCE: contextvars.ContextVar[str] = contextvars.ContextVar("audit_source", default="")


def audit_source_set(source: str) -> None:
    _SOURCE.set(source[:100])


def audit_source_cli() -> None:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    audit_source_set(f"cli:{user}")


def audit_record(
    action: str,
    *,
    actor: AbstractBaseUser | str | None,
    object: str = "",
    detail: dict | None = None,
) -> AuditEntry:
    """Append one entry. ``actor`` is the account (or, from a command, the operator's
    name) that acted; None where nobody did (the worker acting on its own)."""
    if isinstance(actor, AbstractBaseUser):
        actor = actor.get_username() if actor.is_authenticated else None
    return AuditEntry.objects.create(
        actor=actor or None,
        action=action,
        object=object[:200],
        detail=detail or {},
        source=_SOURCE.get(),
    )


def audit_list(*, since: datetime.date | None = None, limit: int | None = None) -> list[AuditEntry]:
    """Entries oldest first, from the start of ``since`` (Asia/Shanghai) when given."""
    entries = AuditEntry.objects.order_by("at", "id")
    if since is not None:
        start = datetime.datetime.combine(since, datetime.time(), timezone.get_current_timezone())
        entries = entries.filter(at__gte=start)
    return list(entries[:limit] if limit else entries)


def audit_entry_to_dict(entry: AuditEntry) -> dict:
    """One entry of `gaoku audit --json` (where it came from is in its detail, as
    ``from``, the contract's keys being fixed)."""
    return {
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "object": entry.object,
        "detail": {**entry.detail, "from": entry.source},
    }


class AuditSourceMiddleware:
    """Marks what a request does in the audit log with the client's address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from gaoku.accounts.lockout import client_address

        token = _SOURCE.set(client_address(request) or "web")
        try:
            return self.get_response(request)
        finally:
            _SOURCE.reset(token)
