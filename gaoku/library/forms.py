"""Forms of the library pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gaoku.library.models import DocType
from gaoku.library.services import ImportMetadata


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files (Django's documented recipe)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        # An empty file among many is reported by the import under its own name, beside
        # the files that did import, instead of refusing the whole batch.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        cleaned = (
            [single(d, initial) for d in data]
            if isinstance(data, list | tuple)
            else [single(data, initial)]
        )
        return [upload for upload in cleaned if upload]  # none chosen in a field not required


def uploads_within_limit(files: list) -> list:
    """``files``, or a ValidationError naming the first one over the import limit.

    Checked in the form as well as in the reader, so that an oversized upload is reported
    without reading it into memory."""
    limit = settings.GAOKU_MAX_IMPORT_BYTES
    for f in files:
        if f.size > limit:
            raise forms.ValidationError(
                _("%(name)s is larger than %(mb)d MB.")
                % {"name": f.name, "mb": limit // (1024 * 1024)}
            )
    return files


class ImportForm(forms.Form):
    files = MultipleFileField(label=_("Files"), required=False)
    # The browser sends every file of the chosen folder and its subfolders.
    folder = MultipleFileField(
        label=_("Or a whole folder"),
        required=False,
        widget=MultipleFileInput(attrs={"webkitdirectory": True}),
    )
    doc_type = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("Detect from the title")), *DocType.choices],
        required=False,
    )
    topics = forms.CharField(
        label=_("Topics"),
        required=False,
        help_text=_("Separated by spaces or commas, e.g. 机关党建 作风建设"),
    )
    published = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Today when left empty."),
    )
    level = forms.CharField(label=_("Level"), max_length=20, required=False)
    occasion = forms.CharField(label=_("Occasion"), max_length=100, required=False)
    note = forms.CharField(
        label=_("What changed"),
        max_length=200,
        required=False,
        help_text=_("For a new version of a material: shown to members beside its date."),
    )

    def clean(self):
        data = super().clean()
        # A folder brings the metadata its system keeps beside documents (.DS_Store).
        folder = [f for f in data.get("folder") or [] if not f.name.startswith(".")]
        files = [*(data.get("files") or []), *folder]
        if not files and not self.errors:
            raise forms.ValidationError(_("Choose files, a .zip pack or a folder to import."))
        # A zip pack holds many documents: it is held to the request's limit, and each of
        # its files to the import limit when it is unpacked (gaoku.core.readers.packs).
        uploads_within_limit([f for f in files if not f.name.lower().endswith(".zip")])
        data["uploads"] = files
        return data

    def metadata(self) -> ImportMetadata:
        data = self.cleaned_data
        topics = data["topics"].replace("，", " ").replace(",", " ").replace("、", " ").split()
        return ImportMetadata(
            doc_type=data["doc_type"] or None,
            topics=tuple(topics),
            published=data["published"],
            level=data["level"],
            occasion=data["occasion"],
            note=data["note"],
        )


class VersionLineForm(forms.Form):
    """Which line of a version an editor corrects (gaoku.library.services): one the
    import removed, put back, or one it kept, removed."""

    index = forms.IntegerField(min_value=0)
    line = forms.CharField(strip=False, max_length=10_000)


class DraftChoiceForm(forms.Form):
    choice = forms.ChoiceField(choices=[("version", "version"), ("new", "new")])
