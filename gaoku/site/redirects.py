"""Where a form sends the browser back to after a POST."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def posted_next(request: HttpRequest, default: str) -> str:
    """The page a form names in its ``next`` field, if it is on this site (never an open
    redirect), else ``default``."""
    back = request.POST.get("next", "")
    return back if url_has_allowed_host_and_scheme(back, {request.get_host()}) else default
