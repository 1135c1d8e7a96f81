"""ASGI entry point: `gaoku serve` runs it with uvicorn."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

from gaoku.site.bodylimit import BodyLimit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gaoku.site.settings")
application = BodyLimit(get_asgi_application(), settings.GAOKU_MAX_REQUEST_BYTES)
