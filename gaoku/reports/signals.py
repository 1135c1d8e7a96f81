"""Signals of account sharing and scraping, for the admins' dashboard: each account's
readings and downloads of a period run through gaoku.core.signals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from gaoku.accounts.models import SignIn
from gaoku.copies.models import Channel, Copy, Reading
from gaoku.core.signals import Access, Finding, account_findings
from gaoku.library.models import Material
from gaoku.members.selectors import suspension_open


@dataclass(frozen=True)
class AccountSignals:
    member: AbstractBaseUser
    findings: list[Finding]
    accesses: int
    suspended: bool


def account_signals(*, days: int = 1) -> list[AccountSignals]:
    """The accounts with at least one finding over the last ``days`` days, the most
    findings first."""
    since = timezone.now() - timedelta(days=days)
    by_member: dict[int, list[Access]] = {}
    downloads = Copy.objects.filter(created_at__gte=since).exclude(
        channel__in=[Channel.VIEW, Channel.CLI]
    )
    for member, at, material, address in downloads.values_list(
        "member_id", "created_at", "version__material_id", "client_address"
    ):
        by_member.setdefault(member, []).append(Access(at, material, address, "download"))
    readings = Reading.objects.filter(at__gte=since)
    for member, at, material, address in readings.values_list(
        "member_id", "at", "version__material_id", "client_address"
    ):
        by_member.setdefault(member, []).append(Access(at, material, address, "view"))
    replaced: dict[int, list[Access]] = {}
    ended = SignIn.objects.filter(ended=SignIn.Ended.REPLACED, ended_at__gte=since)
    for member, at, address in ended.values_list("user_id", "at", "address"):
        replaced.setdefault(member, []).append(Access(at, 0, address, "signin"))
        by_member.setdefault(member, [])
    published = list(
        Material.objects.filter(current__isnull=False, created_at__gte=since).values_list(
            "pk", flat=True
        )
    )
    members = get_user_model().objects.in_bulk(list(by_member))
    listed = _topic_lists({a.material for accesses in by_member.values() for a in accesses})
    rows = []
    for member_id, accesses in by_member.items():
        taken = {a.material for a in accesses}
        findings = account_findings(
            _local(accesses),
            published=published,
            replaced=_local(replaced.get(member_id, [])),
            topics={name: ids for name, ids in listed.items() if taken.intersection(ids)},
        )
        if findings:
            member = members[member_id]
            suspended = suspension_open(member) is not None
            rows.append(AccountSignals(member, findings, len(accesses), suspended))
    return sorted(rows, key=lambda r: (-len(r.findings), -r.accesses))


def _topic_lists(materials: set[int]) -> dict[str, list[int]]:
    """The topics of ``materials``, each with its materials in the catalogue's order
    (the newest first)."""
    names = set(
        Material.topics.through.objects.filter(material_id__in=materials).values_list(
            "topic__name", flat=True
        )
    )
    listed: dict[str, list[int]] = {name: [] for name in names}
    rows = Material.topics.through.objects.filter(topic__name__in=names).order_by(
        "-material__published", "-material_id"
    )
    for name, material in rows.values_list("topic__name", "material_id"):
        listed[name].append(material)
    return listed


def evidence_titles(rows: list[AccountSignals]) -> dict[int, str]:
    """The titles of the materials the findings' evidence names."""
    ids = {a.material for r in rows for f in r.findings for a in f.evidence}
    return dict(Material.objects.filter(pk__in=ids).values_list("pk", "title"))


def _local(accesses: list[Access]) -> list[Access]:
    """``accesses`` on the Asia/Shanghai clock, so that a day is the members' day."""
    return [Access(timezone.localtime(a.at), a.material, a.address, a.kind) for a in accesses]
