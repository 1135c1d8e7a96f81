"""Reports in the admin: read-only (decisions are made on the review page, where the
reward, the suspension and the audit entries go together)."""

from django.contrib import admin

from gaoku.reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("pk", "created_at", "reporter", "where", "state", "accused")
    list_filter = ("state",)
    search_fields = ("where", "seller_contact", "reporter__username", "accused__username")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
