"""Strings of Django's admin that its own Chinese catalog leaves in English (headings read
out by screen readers in the admin's model lists). They are named here so that the
project's catalog carries their Chinese; nothing imports this module."""

from django.utils.translation import gettext_noop

ADMIN_STRINGS = (
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
)
