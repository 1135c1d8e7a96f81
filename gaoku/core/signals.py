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
  newer sign-in, more devices than its plan allows (gaoku.accounts.devices);
- **topic**: the account took at least ``TOPIC_SHARE`` of a topic's materials (a topic of
  at least ``TOPIC_MIN``) in the catalogue's order, newest first or oldest first, with at
  most one step of ten out of order — a script walking a topic's list, where a reader
  picks what they need.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

MANY_ADDRESSES = 4
BURST_MATERIALS = 15
BURST_WINDOW = timedelta(minutes=10)
REGULAR_RUN = 12
REGULAR_CV = 0.1
EVERY_NEW_SHARE = 0.9
EVERY_NEW_MIN = 10
REPLACED_MIN = 2
TOPIC_SHARE = 0.8
TOPIC_MIN = 10
TOPIC_IN_ORDER = 0.9


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
    topics: Mapping[str, Sequence[int]] = MappingProxyType({}),
) -> list[Finding]:
    """Every rule's finding for one account's ``accesses`` in a period, given
    ``published``, the materials published in that period, ``replaced``, its sign-ins
    signed out by newer ones (kind "signin", material 0), and ``topics``, each topic's
    materials in the catalogue's order (newest first) for the topics it took from."""
    ordered = sorted(accesses, key=lambda a: a.at)
    found = [
        _addresses(ordered),
        _burst(ordered),
        _regular(ordered),
        _every_new(ordered, published),
        _devices(sorted(replaced, key=lambda a: a.at)),
        *(_topic(ordered, name, listed) for name, listed in sorted(topics.items())),
    ]
    return [f for f in found if f is not None]


def _topic(accesses: list[Access], name: str, listed: Sequence[int]) -> Finding | None:
    if len(listed) < TOPIC_MIN:
        return None
    place = {material: i for i, material in enumerate(listed)}
    first: dict[int, Access] = {}
    for access in accesses:
        if access.material in place:
            first.setdefault(access.material, access)
    if len(first) < TOPIC_SHARE * len(listed):
        return None
    taken = sorted(first.values(), key=lambda a: a.at)
    steps = [place[b.material] - place[a.material] for a, b in itertools.pairwise(taken)]
    forward = sum(s > 0 for s in steps) / len(steps)
    if max(forward, 1 - forward) < TOPIC_IN_ORDER:
        return None
    return Finding(
        "topic",
        f"按目录顺序取走专题“{name}”的 {len(first)}/{len(listed)} 份资料",
        taken,
    )


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
