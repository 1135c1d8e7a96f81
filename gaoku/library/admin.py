"""Django admin for the library. Versions are immutable: shown, never edited."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from gaoku.core.cleaning import RECURRING_IN, compile_patterns, rule_regex
from gaoku.errors import InvalidInput
from gaoku.library.jobs import rules_apply_submit
from gaoku.library.models import CleaningPattern, Material, MaterialVersion, Topic
from gaoku.library.selectors import cleaning_rule_preview, learned_lines
from gaoku.library.services import learned_line_keep, learned_line_release
from gaoku.live.models import Delivery, Event
from gaoku.ops.audit import audit_record
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
    fields = ("number", "note", "chars", "source_name", "created_by", "created_at")
    readonly_fields = ("number", "chars", "source_name", "created_by", "created_at")
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

    def get_deleted_objects(self, objs, request: HttpRequest):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        # A material's live events and their webhook deliveries go with it; they are
        # read-only in the admin, never deleted on their own.
        perms_needed -= {str(Event._meta.verbose_name), str(Delivery._meta.verbose_name)}
        return deleted, counts, perms_needed, protected

    def delete_model(self, request: HttpRequest, obj: Material) -> None:
        self.delete_queryset(request, Material.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        gone = list(queryset.values_list("pk", "title"))
        with transaction.atomic():
            super().delete_queryset(request, queryset)
            search_index_remove(material_ids=[pk for pk, _title in gone])
            for pk, title in gone:
                audit_record(
                    "material.delete",
                    actor=request.user,
                    object=f"material:{pk}",
                    detail={"title": title},
                )


@admin.register(MaterialVersion)
class MaterialVersionAdmin(admin.ModelAdmin):
    list_display = ("material", "number", "chars", "source_name", "created_at")
    search_fields = ("material__title",)
    # A version's text never changes (copies were issued from it); its note may.
    fields = (*_VERSION_FIELDS, "note")
    readonly_fields = _VERSION_FIELDS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    search_fields = ("name",)

    def save_model(self, request: HttpRequest, obj: Topic, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # Search filters on topic names: every material of a renamed topic is indexed again.
        for material in obj.materials.all():
            search_index_update(material=material)

    def delete_model(self, request: HttpRequest, obj: Topic) -> None:
        self.delete_queryset(request, Topic.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        with transaction.atomic():
            materials = list(Material.objects.filter(topics__in=queryset).distinct())
            super().delete_queryset(request, queryset)
            for material in materials:
                search_index_update(material=material)


class CleaningPatternForm(forms.ModelForm):
    class Meta:
        model = CleaningPattern
        fields = ("kind", "pattern", "note", "enabled")

    def clean(self) -> dict:
        data = super().clean()
        pattern, kind = data.get("pattern"), data.get("kind")
        if pattern and kind:
            try:
                compile_patterns([rule_regex(pattern, kind)])
            except InvalidInput as exc:
                self.add_error("pattern", exc.message)
        return data


@admin.register(CleaningPattern)
class CleaningPatternAdmin(admin.ModelAdmin):
    """Rules, each either a plain "line contains" text or a regular expression; the form's
    预览 button shows what a rule would remove across the library before it is saved."""

    form = CleaningPatternForm
    list_display = ("pattern", "kind", "note", "enabled")
    list_editable = ("enabled",)
    list_filter = ("kind", "enabled")
    search_fields = ("pattern", "note")
    change_form_template = "admin/library/cleaningpattern/change_form.html"
    change_list_template = "admin/library/cleaningpattern/change_list.html"
    actions = ("apply_to_library",)

    @admin.action(
        description=_("Remove what the selected rules match from the library's materials"),
        permissions=["apply"],
    )
    def apply_to_library(self, request: HttpRequest, queryset) -> HttpResponse | None:
        rules = [(rule.pattern, rule.kind) for rule in queryset.filter(enabled=True)]
        if not rules:
            self.message_user(request, _("Only enabled rules are applied."), messages.WARNING)
            return None
        return self._applied(request, rules)

    def has_apply_permission(self, request: HttpRequest) -> bool:
        """Applying a rule writes the materials' next versions."""
        return self.has_change_permission(request) and request.user.has_perm("library.add_material")

    def _applied(self, request: HttpRequest, rules: list[tuple[str, str]]) -> HttpResponse:
        job = rules_apply_submit(rules=rules, user=request.user, note="admin")
        return HttpResponseRedirect(reverse("ops:job", args=[job.pk]))

    def response_add(self, request: HttpRequest, obj: CleaningPattern, *args) -> HttpResponse:
        return self._saved(request, obj) or super().response_add(request, obj, *args)

    def response_change(self, request: HttpRequest, obj: CleaningPattern) -> HttpResponse:
        return self._saved(request, obj) or super().response_change(request, obj)

    def _saved(self, request: HttpRequest, obj: CleaningPattern) -> HttpResponse | None:
        """The form's 保存并应用 button: the rule, saved, is applied to the library too."""
        if "_apply" not in request.POST or not self.has_apply_permission(request):
            return None
        if not obj.enabled:
            self.message_user(request, _("Only enabled rules are applied."), messages.WARNING)
            return None
        return self._applied(request, [(obj.pattern, obj.kind)])

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        learned = self.admin_site.admin_view(self.learned_view)
        return [
            path("preview/", preview, name="library_cleaningpattern_preview"),
            path("learned/", learned, name="library_cleaningpattern_learned"),
            *super().get_urls(),
        ]

    def learned_view(self, request: HttpRequest) -> HttpResponse:
        """The lines the library learned as wrapper across imports; an editor keeps one
        it took wrongly as the documents' own, or lets it be learned again."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            shape = request.POST.get("shape", "")[:200]
            if shape and request.POST.get("action") == "keep":
                learned_line_keep(shape=shape, user=request.user)
            elif shape and request.POST.get("action") == "release":
                learned_line_release(shape=shape, user=request.user)
            return HttpResponseRedirect(request.path)
        lines = learned_lines()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Lines learned across imports"),
            "learned": [line for line in lines if not line.kept],
            "kept": [line for line in lines if line.kept],
            "recurring_in": RECURRING_IN,
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/library/cleaningpattern/learned.html", context)

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        pattern = request.GET.get("pattern", "")[:300]
        kind = request.GET.get("kind", CleaningPattern.Kind.CONTAINS)
        if kind not in CleaningPattern.Kind.values:
            kind = CleaningPattern.Kind.CONTAINS
        error, hits = "", []
        if pattern:
            try:
                hits = cleaning_rule_preview(pattern, kind)
            except InvalidInput as exc:
                error = exc.message
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("What this rule would remove"),
            "pattern": pattern,
            "kind": CleaningPattern.Kind(kind).label,
            "error": error,
            "in_text": [h for h in hits if not h.removed],
            "already_removed": [h for h in hits if h.removed],
        }
        return TemplateResponse(request, "admin/library/cleaningpattern/preview.html", context)
