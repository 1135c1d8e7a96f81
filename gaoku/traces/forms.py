"""The trace page's form: paste text or upload a file."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gaoku.library.forms import uploads_within_limit


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
        return uploads_within_limit([upload])[0] if upload else upload
