"""The trace page's form: paste text or upload a file."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class TraceForm(forms.Form):
    text = forms.CharField(
        label=_("Suspected text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Paste the text as found, marks and all."),
    )
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        help_text=_("TXT, DOCX, PDF (scanned too), or a PNG/JPEG photo or screenshot."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("file") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError(_("Paste the suspected text or choose a file."))
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.GAOKU_MAX_IMPORT_BYTES
        if upload and upload.size > limit:
            raise forms.ValidationError(
                _("%(name)s is larger than %(mb)d MB.")
                % {"name": upload.name, "mb": limit // (1024 * 1024)}
            )
        return upload
