import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopiesConfig(AppConfig):
    name = "gaoku.copies"
    verbose_name = _("Copies")

    def ready(self) -> None:
        import jieba

        # jieba announces loading its dictionary at DEBUG level on stderr, every start.
        jieba.setLogLevel(logging.WARNING)
