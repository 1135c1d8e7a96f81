"""Strings of Django's that its own Chinese catalog leaves in English or half-width: the
label suffix of every form (":" → "："), and the headings screen readers read out in the
admin's model lists. They are named here so that the project's catalog carries their
Chinese; nothing imports this module."""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = (
    gettext_noop(":"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
)
