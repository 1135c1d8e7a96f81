"""ASGI entry point: `gaoku serve` runs it with uvicorn."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gaoku.site.settings")
application = get_asgi_application()
