"""Answers worked out once per request.

A page asks several times who the user is entitled to be — the view, the header's bell,
the renewal reminder, the follow buttons — and each asking costs database queries. Inside
a request the first answer is kept and reused; outside one (commands, the worker, tests
calling services) nothing is kept. A write that changes such an answer (a subscription,
a suspension, a follow) clears what was kept (the receivers in the apps' ``signals``).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")
_MEMO: contextvars.ContextVar[dict | None] = contextvars.ContextVar("request_memo", default=None)


def request_memo(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per request and ``key``; every time outside a request."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def request_memo_clear(**_signal_arguments: object) -> None:
    """Forget what this request kept (also a signal receiver)."""
    memo = _MEMO.get()
    if memo:
        memo.clear()


class RequestMemoMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _MEMO.set({})
        try:
            return self.get_response(request)
        finally:
            _MEMO.reset(token)
