"""The report form: where the resold copy was seen, the seller, and the evidence; and the
signals dashboard's limit."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gaoku.library.forms import MultipleFileField, uploads_within_limit
from gaoku.members.services import MAX_LIMIT_DAYS

MAX_FILES = 10


class ReportForm(forms.Form):
    where = forms.CharField(
        label=_("Where you saw it"),
        max_length=300,
        help_text=_("The shop, group or site, and the link's text, e.g. 某宝“公文大全”店."),
    )
    seller_contact = forms.CharField(
        label=_("The seller's contact"),
        max_length=200,
        required=False,
        help_text=_("A shop name, WeChat or QQ number, if shown."),
    )
    text = forms.CharField(
        label=_("The resold text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Paste what the seller offers, as it is."),
    )
    files = MultipleFileField(
        label=_("Files, screenshots or photos"),
        required=False,
        help_text=_("TXT, DOCX, PDF (scanned too), PNG or JPEG; up to 10 files."),
    )

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        files = [f for f in files if f]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most 10 files."))
        return uploads_within_limit(files)

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("files") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError(
                _("Paste the resold text or add a file, a screenshot or a photo.")
            )
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", "confirm"), ("reject", "reject")])
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class LimitForm(forms.Form):
    """The numbers of a limit set from the signals dashboard (member_limit checks them)."""

    days = forms.IntegerField(label=_("days"), min_value=1, max_value=MAX_LIMIT_DAYS, initial=30)
    downloads_per_day = forms.IntegerField(label=_("downloads a day"), min_value=0, initial=5)
    views_per_day = forms.IntegerField(label=_("readings a day"), min_value=0, initial=20)
