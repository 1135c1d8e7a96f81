"""What the benchmark scripts share: one core each, and one definition of a percentile."""

from __future__ import annotations

import math
import os


def pin_to_one_core() -> str:
    """Run this process (and the threads of the libraries it calls) on one core."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to core {core}"


def nearest_rank(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value at or above ``share`` of them."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]
