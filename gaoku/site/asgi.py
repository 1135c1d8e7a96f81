"""ASGI entry point: `gaoku serve` runs it with uvicorn (the handler: gaoku.site.handler).

Importing it sets Django up and starts the warm-up thread (gaoku.site.warmup), so only
the server imports it.
"""

import os

import django
from django.conf import settings

from gaoku.site.bodylimit import BodyLimit
from gaoku.site.handler import ThreadPoolHandler
from gaoku.site.warmup import warm_up_in_background

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gaoku.site.settings")
django.setup(set_prefix=False)

application = BodyLimit(ThreadPoolHandler(), settings.GAOKU_MAX_REQUEST_BYTES)
warm_up_in_background()
