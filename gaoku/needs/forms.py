"""The request form, and an editor's answer."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gaoku.library.models import DocType


class NeedForm(forms.Form):
    title = forms.CharField(
        label=_("What you need"),
        max_length=100,
        help_text=_("e.g. 县委书记在全县安全生产工作会议上的讲话"),
    )
    occasion = forms.CharField(label=_("Occasion"), max_length=100, required=False)
    doc_type = forms.ChoiceField(
        label=_("Type"), choices=[("", "—"), *DocType.choices], required=False
    )
    level = forms.CharField(
        label=_("Level"), max_length=20, required=False, help_text=_("e.g. 县级, 乡镇")
    )
    deadline = forms.DateField(
        label=_("Needed by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    details = forms.CharField(
        label=_("A few lines"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who speaks, to whom, how long, what it must cover."),
    )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline is not None and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be before today."))
        return deadline


_MATERIAL = re.compile(r"(?:/m/)?(\d{1,9})/?$")


class AnswerForm(forms.Form):
    """An editor links a material (its number, or its page's address) or declines."""

    material = forms.CharField(
        label=_("The material's number or address"),
        max_length=300,
        required=False,
        help_text=_("As on its page: …/m/123/."),
    )
    note = forms.CharField(
        label=_("Note to the requester"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def material_id(self) -> int | None:
        found = _MATERIAL.search(self.cleaned_data["material"].strip())
        return int(found.group(1)) if found else None
