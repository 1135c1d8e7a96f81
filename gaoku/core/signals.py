"""Signs that an account is shared, sold or scraped, read from what it took and when.

Resale is mostly not one leaked file but an account: its login shared among many people,
or a script that takes every new material each day. Each rule below looks at one
account's readings and downloads over a day (``Access``) and reports what it found with
the evidence an admin needs to judge it — the times, the addresses, the materials — never
a verdict: an admin decides, and an honest member who reads a lot is only ever looked at.

- **addresses**: the account used from at least ``MANY_ADDRESSES`` client addresses in a day;
- **burst**: at least ``BURST_MATERIALS`` different materials within ``BURST_WINDOW``;
- **regular**: at least ``REGULAR_RUN`` accesses in a row whose gaps hardly vary (a
  coefficient of variation under ``REGULAR_CV``: people pause to read, scripts do not);
- **every new**: the account took at least ``EVERY_NEW_SHARE`` of the materials published
  in the period (at least ``EVERY_NEW_MIN`` of them);
- **devices**: at least ``REPLACED_MIN`` of its devices were signed out in the period by a
  newer sign-in, more devices than its plan allows (gaoku.accounts.devices).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

MANY_ADDRESSES = 4
BURST_MATERIALS = 15
BURST_WINDOW = timedelta(minutes=10)
REGULAR_RUN = 12
REGULAR_CV = 0.1
EVERY_NEW_SHARE = 0.9
EVERY_NEW_MIN = 10
REPLACED_MIN = 2


@dataclass(frozen=True)
class Access:
    """One reading or download of a material by the account."""

    at: datetime
    material: int
    address: str | None
    kind: str  # "view" or "download"


@dataclass(frozen=True)
class Finding:
    rule: str
    summary: str
    evidence: list[Access] = field(default_factory=list)


def account_findings(
    accesses: Sequence[Access],
    *,
    published: Sequence[int] = (),
    replaced: Sequence[Access] = (),
) -> list[Finding]:
    """Every rule's finding for one account's ``accesses`` in a period, given
    ``published``, the materials published in that period, and ``replaced``, its sign-ins
    signed out by newer ones (kind "signin", material 0)."""
    ordered = sorted(accesses, key=lambda a: a.at)
    found = [
        _addresses(ordered),
        _burst(ordered),
        _regular(ordered),
        _every_new(ordered, published),
        _devices(sorted(replaced, key=lambda a: a.at)),
    ]
    return [f for f in found if f is not None]


def _devices(replaced: list[Access]) -> Finding | None:
    if len(replaced) < REPLACED_MIN:
        return None
    addresses = len({a.address for a in replaced if a.address})
    return Finding(
        "devices",
        f"{len(replaced)} 台设备因同时登录超出方案允许的数量被挤下线（{addresses} 个地址）",
        replaced,
    )


def _addresses(accesses: list[Access]) -> Finding | None:
    by_day: dict = {}
    for access in accesses:
        if access.address:
            by_day.setdefault(access.at.date(), {}).setdefault(access.address, access)
    for day, first in sorted(by_day.items()):
        if len(first) >= MANY_ADDRESSES:
            return Finding(
                "addresses",
                f"{day.isoformat()} 从 {len(first)} 个不同地址使用",
                sorted(first.values(), key=lambda a: a.at),
            )
    return None


def _burst(accesses: list[Access]) -> Finding | None:
    best: list[Access] = []
    materials = 0
    start = 0
    for end, access in enumerate(accesses):
        while access.at - accesses[start].at > BURST_WINDOW:
            start += 1
        window = accesses[start : end + 1]
        count = len({a.material for a in window})
        if count > materials:
            best, materials = window, count
    if materials < BURST_MATERIALS:
        return None
    minutes = max(1, round((best[-1].at - best[0].at).total_seconds() / 60))
    return Finding("burst", f"{minutes} 分钟内取了 {materials} 份资料", best)


def _regular(accesses: list[Access]) -> Finding | None:
    for start in range(len(accesses) - REGULAR_RUN + 1):
        run = accesses[start : start + REGULAR_RUN]
        gaps = [(b.at - a.at).total_seconds() for a, b in itertools.pairwise(run)]
        mean = statistics.fmean(gaps)
        if mean > 0 and statistics.pstdev(gaps) / mean < REGULAR_CV:
            return Finding(
                "regular",
                f"连续 {REGULAR_RUN} 次，每次间隔约 {round(mean)} 秒，几乎不变（像程序，不像人）",
                run,
            )
    return None


def _every_new(accesses: list[Access], published: Sequence[int]) -> Finding | None:
    new = set(published)
    if len(new) < EVERY_NEW_MIN:
        return None
    taken = [a for a in accesses if a.material in new]
    share = len({a.material for a in taken}) / len(new)
    if share < EVERY_NEW_SHARE:
        return None
    return Finding("every_new", f"取了这段时间新发布的 {len(new)} 份资料中的 {share:.0%}", taken)
