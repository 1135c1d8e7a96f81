"""A cap on a request's body, enforced before Django reads it.

Django's ASGI handler spools the whole body to disk before any middleware or CSRF check
runs, so an anonymous client could make the server write a gigabyte. This wrapper
answers 413 as soon as the declared length, or the bytes actually received, pass the
cap (``GAOKU_MAX_REQUEST_MB``: a batch import of the largest files fits under it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

Scope = dict
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOO_LARGE = "请求太大：一次上传最多 {mb} MB。".encode()


class BodyLimit:
    """Wrap an ASGI app so that HTTP bodies over ``max_bytes`` get 413 unread."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0

        async def counted() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Ends the body here: Django sees a truncated upload and refuses it.
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, send: Send) -> None:
        body = TOO_LARGE.replace(b"{mb}", str(self.max_bytes // (1024 * 1024)).encode())
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
