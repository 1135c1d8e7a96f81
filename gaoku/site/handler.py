"""The server's request handler: Django's ASGI handler with a fixed pool of threads.

Every middleware and view here is synchronous (the live stream's view aside). Django's
ASGI handler runs such a chain in a new thread per request, and goes back to the event
loop to call the view and into the thread again to run it: two hand-overs per request,
each waiting for the busy event loop under load, and a database connection opened and
closed per request (on SQLite, with an empty page cache every time). Here the whole
chain, view included, runs in one of a fixed set of threads (``GAOKU_REQUEST_THREADS``
per process), as under a threaded WSGI server; each thread keeps its SQLite connection
(``CONN_MAX_AGE``), or borrows one from PostgreSQL's pool per request. An async view
(the live stream) is called from the thread and streams from the event loop.

With ``GAOKU_RENDER_THREADS`` set, a download, which renders a marked DOCX or PDF, runs
in threads of its own (a bulkhead): under load, renders queue for those while pages and
searches keep the request threads and most of the CPU. It is off by default: measured
with 50 clients on one worker (README, Load), it halved the readers' p95 and made
downloads four times slower, a trade an operator may choose but not one to impose.
"""

import re
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.db import close_old_connections
from django.http import HttpRequest, HttpResponse

# The requests that make a copy to download (the web page's and the API's): a DOCX or PDF
# render is the heaviest work a request does.
_RENDERS = re.compile(r"^/(?:m/\d+/download/|api/materials/\d+/copies)$")


class ThreadPoolHandler(ASGIHandler):
    async def __call__(self, scope, receive, send) -> None:
        # Django's handler wraps each request in a ThreadSensitiveContext, which starts a
        # thread for the request and joins it at the end, for what little thread-sensitive
        # work is left outside the pool below (the request signals' receivers, closing the
        # response, the live stream's reads): some tenth of a light request's CPU under
        # load. That work shares asgiref's one thread for such calls instead.
        if scope["type"] != "http":
            raise ValueError(f"only HTTP is served here, not {scope['type']!r}")
        await self.handle(scope, receive, send)

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)
        chain = self._middleware_chain

        def run(request: HttpRequest) -> HttpResponse:
            # What Django's request_started and request_finished do, in this thread: a
            # connection broken or past its age is not used again.
            close_old_connections()
            try:
                return chain(request)
            finally:
                close_old_connections()

        def pool(threads: int, name: str):
            executor = ThreadPoolExecutor(threads, name)
            return sync_to_async(run, thread_sensitive=False, executor=executor)

        requests = pool(settings.GAOKU_REQUEST_THREADS, "gaoku-request")
        renders = (
            pool(settings.GAOKU_RENDER_THREADS, "gaoku-render")
            if settings.GAOKU_RENDER_THREADS
            else requests
        )

        async def dispatch(request: HttpRequest) -> HttpResponse:
            rendering = request.method == "POST" and _RENDERS.match(request.path_info)
            return await (renders if rendering else requests)(request)

        self._middleware_chain = dispatch
