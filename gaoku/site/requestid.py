"""A request id on every request, its response and every log line written while it runs.

The id comes from the proxy's ``X-Request-ID`` when it is a plain token, or is made here;
the response carries it back, so that an operator can find a user's failed request in the
log from the id the user reports.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

_CURRENT: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,64}")
HEADER = "X-Request-ID"


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(HEADER, "")
        request_id = given if _TOKEN.fullmatch(given) else uuid.uuid4().hex[:12]
        request.request_id = request_id
        # Left set after the response: Django logs a 4xx or a 500 once the middleware has
        # returned, and that line must carry the id too. The next request sets its own.
        _CURRENT.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Gives every record the id of the request it was written in (``-`` outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = getattr(record, "request_id", None) or _CURRENT.get()
        return True


def _with_request_id(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args, **kwargs) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        record.request_id = _CURRENT.get()
        return record

    return make


# Every record made while a request runs carries its id, whatever handler reads it.
logging.setLogRecordFactory(_with_request_id(logging.getLogRecordFactory()))
