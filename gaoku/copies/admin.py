"""Copies and refusals are evidence: the admin shows them and never edits or deletes them."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gaoku.copies.models import Copy, CopyRefusal, EditorVariant, SlotPlan
from gaoku.copies.services import VARIANT_INVALID
from gaoku.core.lexicon import parse_rule


class RecordAdmin(admin.ModelAdmin):
    """Read-only: rows are written by services only."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Copy)
class CopyAdmin(RecordAdmin):
    list_display = (
        "id",
        "created_at",
        "member",
        "material",
        "version_number",
        "format",
        "channel",
        "client_address",
    )
    list_filter = ("format", "channel", "created_at")
    search_fields = ("member__username", "version__material__title", "=id")
    list_select_related = ("member", "version__material")
    date_hierarchy = "created_at"

    @admin.display(description=_("material"))
    def material(self, obj: Copy) -> str:
        return obj.version.material.title

    @admin.display(description=_("version"))
    def version_number(self, obj: Copy) -> int:
        return obj.version.number


@admin.register(CopyRefusal)
class CopyRefusalAdmin(RecordAdmin):
    list_display = (
        "created_at",
        "user",
        "material",
        "version_number",
        "format",
        "reason",
        "channel",
        "client_address",
    )
    list_filter = ("reason", "format", "channel")
    search_fields = ("user__username", "material__title")


@admin.register(SlotPlan)
class SlotPlanAdmin(RecordAdmin):
    list_display = ("version", "revision", "created_at", "slot_count")
    search_fields = ("version__material__title",)

    @admin.display(description=_("slots"))
    def slot_count(self, obj: SlotPlan) -> int:
        return len(obj.slots)


class EditorVariantForm(forms.ModelForm):
    class Meta:
        model = EditorVariant
        fields = ("line", "note")

    def clean_line(self) -> str:
        line = " ".join(self.cleaned_data["line"].split())
        try:
            parse_rule(line, origin="editor")
        except ValueError as exc:
            raise forms.ValidationError(VARIANT_INVALID.format(reason=exc)) from exc
        return line


@admin.register(EditorVariant)
class EditorVariantAdmin(admin.ModelAdmin):
    form = EditorVariantForm
    list_display = ("line", "note", "author", "created_at")
    search_fields = ("line",)
    readonly_fields = ("author", "created_at")

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
