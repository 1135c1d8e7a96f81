from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopiesConfig(AppConfig):
    name = "gaoku.copies"
    verbose_name = _("Copies")
