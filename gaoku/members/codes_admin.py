"""Redeem codes in the admin: making a batch (its codes are downloaded as CSV at once, the
only time they exist in the clear), each batch's numbers and codes' states, revoking."""

from __future__ import annotations

import csv
import io

from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from gaoku.errors import GaokuError
from gaoku.members.codes import MAX_COUNT, batch_revoke, codes_create
from gaoku.members.models import CodeBatch, RedeemCode
from gaoku.ops.audit import audit_record


class CodeBatchForm(forms.ModelForm):
    count = forms.IntegerField(label=_("number of codes"), min_value=1, max_value=MAX_COUNT)

    class Meta:
        model = CodeBatch
        fields = ("name", "plan", "days", "price_label", "expires_on")


class CodeInline(admin.TabularInline):
    model = RedeemCode
    fields = ("hint", "redeemed_by", "redeemed_at", "revoked_at")
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False


@admin.register(CodeBatch)
class CodeBatchAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "plan",
        "days",
        "price_label",
        "expires_on",
        "issued",
        "redeemed",
        "revoked_at",
        "created_at",
    )
    inlines = [CodeInline]
    actions = ("revoke",)

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_issued=Count("codes"),
                n_redeemed=Count("codes", filter=Q(codes__redeemed_at__isnull=False)),
            )
        )

    @admin.display(description=_("issued"))
    def issued(self, batch: CodeBatch) -> int:
        return batch.n_issued

    @admin.display(description=_("redeemed"))
    def redeemed(self, batch: CodeBatch) -> int:
        return batch.n_redeemed

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = CodeBatchForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return (
            ()
            if obj is None
            else ("name", "plan", "days", "price_label", "expires_on", "revoked_at", "created_by")
        )

    def add_view(self, request: HttpRequest, form_url="", extra_context=None):
        if request.method != "POST":
            return super().add_view(request, form_url, extra_context)
        form = CodeBatchForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                made = codes_create(
                    plan=data["plan"],
                    count=data["count"],
                    days=data["days"],
                    name=data["name"],
                    price_label=data["price_label"],
                    expires_on=data["expires_on"],
                    by=request.user,
                )
            except GaokuError as exc:
                form.add_error(None, exc.message)
            else:
                return _csv(made.batch, made.codes, request)
        return super().add_view(request, form_url, extra_context)

    @admin.action(description=_("Revoke (unused codes stop working)"))
    def revoke(self, request: HttpRequest, queryset) -> None:
        for batch in queryset.filter(revoked_at__isnull=True):
            unused = batch_revoke(batch=batch, by=request.user)
            self.message_user(
                request,
                _("%(batch)s revoked: %(n)d unused codes.") % {"batch": batch.name, "n": unused},
            )


def _csv(batch: CodeBatch, codes: list[str], request: HttpRequest) -> HttpResponse:
    """The batch for the shop: one code per row, with the plan, its days, price and
    deadline; a BOM so that Excel opens it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["code", "plan", "days", "price", "redeem_by", "batch"])
    for code in codes:
        writer.writerow(
            [
                code,
                batch.plan.name,
                batch.days or "",
                batch.price_label,
                batch.expires_on or "",
                batch.name,
            ]
        )
    audit_record(
        "codes.export",
        actor=request.user,
        object=f"batch:{batch.name}",
        detail={"count": len(codes)},
    )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="codes-{batch.pk}.csv"'
    return response
