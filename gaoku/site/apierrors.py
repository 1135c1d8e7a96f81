"""Every answer of the JSON API is JSON: the one error envelope, whatever failed.

The API's own handlers (gaoku.site.api) answer Gaoku's errors, 404s, invalid input and
missing sign-ins. What they do not see — a method the route does not take, a body that
does not parse, a URL under /api/ that names nothing, an exception nobody expected —
would otherwise answer Django's HTML or django-ninja's own ``{"detail": …}``. This
middleware turns each into ``{"error": {"code", "message"}}``, and logs the unexpected
exception once, with the request's id, which the 500's message gives the user.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)
_DJANGO_ANSWERS = (Http404, PermissionDenied, BadRequest, SuspiciousOperation)

PREFIX = "/api/"
SERVER_ERROR = "服务器内部错误，请稍后再试；如需报告，请附上请求编号 {id}。"
# Status → the envelope's code and message, for errors raised outside the API's handlers.
_BY_STATUS = {
    400: ("bad_request", "请求无法解析：请检查请求体是否为有效的 JSON 或表单。"),
    401: ("unauthenticated", "请先登录。"),
    403: ("forbidden", "无权进行此操作。"),
    404: ("not_found", "未找到。"),
    405: ("method_not_allowed", "此地址不支持该请求方法。"),
    413: ("too_large", "请求太大。"),
    429: ("rate_limited", "请求过于频繁，请稍后再试。"),
}


class ApiErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(PREFIX) or response.status_code < 400:
            return response
        if _is_envelope(response):
            return response
        code, message = _BY_STATUS.get(
            response.status_code, ("error", SERVER_ERROR.format(id=_id(request)))
        )
        enveloped = _envelope(code, message, response.status_code)
        if "Allow" in response:
            enveloped["Allow"] = response["Allow"]
        return enveloped

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # Django answers its own (404, 403, 400) itself; __call__ then envelopes them.
        if not request.path.startswith(PREFIX) or isinstance(exception, _DJANGO_ANSWERS):
            return None
        logger.exception("API request failed: %s %s", request.method, request.path)
        return _envelope("server_error", SERVER_ERROR.format(id=_id(request)), 500)


def _envelope(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code, "message": message}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def _is_envelope(response: HttpResponse) -> bool:
    if not response.get("Content-Type", "").startswith("application/json"):
        return False
    try:
        return "error" in json.loads(response.content)
    except (ValueError, TypeError):
        return False


def _id(request: HttpRequest) -> str:
    return getattr(request, "request_id", "-")
