"""The audit log and the background jobs in the admin: read-only."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django_tasks_db.models import DBTaskResult

from gaoku.ops.models import AuditEntry, Job


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "object", "source")
    list_filter = ("action",)
    search_fields = ("actor", "object", "source")
    date_hierarchy = "at"


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ("pk", "kind", "state", "created_by", "created_at", "finished_at", "attempts")
    list_filter = ("kind", "state")
    readonly_fields = ("error",)


# django-tasks' own list of task results: untranslated, and the jobs above (with their
# pages on the site) are how operators follow background work.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
