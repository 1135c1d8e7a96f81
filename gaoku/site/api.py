"""The JSON API: one NinjaAPI, a router per app, one error envelope.

Every error answers ``{"error": {"code": S, "message": S}}`` with a fitting status, the
same code and message that `gaoku --json` prints on failure; what the handlers below do
not see (405, an unparsable body, an unexpected exception) is enveloped by
gaoku.site.apierrors. Schema: /api/openapi.json; browsable docs: /api/docs.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.renderers import JSONRenderer

from gaoku.copies.api import router as copies_router
from gaoku.errors import GaokuError
from gaoku.library.api import router as library_router
from gaoku.members.api import router as members_router
from gaoku.ops.api import router as ops_router
from gaoku.search.api import router as search_router
from gaoku.traces.api import router as traces_router


class ReadableJSON(JSONRenderer):
    # Chinese as characters, not \u escapes.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=ReadableJSON(),
    title="Gaoku API",
    version="1",
    description="稿库 Gaoku: the catalogue, the reader and members' access. "
    "Signed-in users are recognised by their session cookie.",
    urls_namespace="api",
)
api.add_router("/materials", library_router)
api.add_router("/", members_router)
api.add_router("/", copies_router)
api.add_router("/traces", traces_router)
api.add_router("/search", search_router)
api.add_router("/jobs", ops_router)


def error_envelope(request: HttpRequest, code: str, message: str, status: int) -> HttpResponse:
    return api.create_response(
        request, {"error": {"code": code, "message": message}}, status=status
    )


@api.exception_handler(GaokuError)
def gaoku_error(request: HttpRequest, exc: GaokuError) -> HttpResponse:
    return error_envelope(request, exc.code, exc.message, exc.status)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_envelope(request, "not_found", "未找到。", 404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors)
    return error_envelope(request, "invalid", f"参数无效：{fields}", 422)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_envelope(request, "unauthenticated", "请先登录。", 401)
