"""Django admin for the library. Versions are immutable: shown, never edited."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from gaoku.core.cleaning import compile_patterns
from gaoku.errors import InvalidInput
from gaoku.library.models import CleaningPattern, Material, MaterialVersion, Topic
from gaoku.search.services import search_index_remove, search_index_update

_VERSION_FIELDS = (
    "material",
    "number",
    "chars",
    "source_name",
    "source_format",
    "source_encoding",
    "created_by",
    "created_at",
    "outline",
    "placeholders",
    "dated_references",
    "removed_lines",
    "text",
)


class VersionInline(admin.TabularInline):
    model = MaterialVersion
    fields = ("number", "chars", "source_name", "created_by", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "doc_type", "level", "published", "current")
    list_filter = ("doc_type", "topics", "level")
    search_fields = ("title", "occasion")
    filter_horizontal = ("topics",)
    fields = ("title", "doc_type", "topics", "level", "occasion", "published", "current")
    readonly_fields = ("current",)
    inlines = [VersionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Materials come in through the import page or `gaoku import`.
        return False

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        # Title, type, level, date and topics are what search filters and ranks on.
        super().save_related(request, form, formsets, change)
        search_index_update(material=form.instance)

    def delete_model(self, request: HttpRequest, obj: Material) -> None:
        pk = obj.pk
        super().delete_model(request, obj)
        search_index_remove(material_ids=[pk])

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        search_index_remove(material_ids=ids)


@admin.register(MaterialVersion)
class MaterialVersionAdmin(admin.ModelAdmin):
    list_display = ("material", "number", "chars", "source_name", "created_at")
    search_fields = ("material__title",)
    fields = _VERSION_FIELDS
    readonly_fields = _VERSION_FIELDS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    search_fields = ("name",)


class CleaningPatternForm(forms.ModelForm):
    class Meta:
        model = CleaningPattern
        fields = ("pattern", "note", "enabled")

    def clean_pattern(self) -> str:
        pattern = self.cleaned_data["pattern"]
        try:
            compile_patterns([pattern])
        except InvalidInput as exc:
            raise forms.ValidationError(exc.message) from exc
        return pattern


@admin.register(CleaningPattern)
class CleaningPatternAdmin(admin.ModelAdmin):
    form = CleaningPatternForm
    list_display = ("pattern", "note", "enabled")
    list_editable = ("enabled",)
    search_fields = ("pattern", "note")
