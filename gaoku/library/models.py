"""The materials library: materials, their immutable versions, topics, cleaning rules."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocType(models.TextChoices):
    SPEECH = "讲话稿", _("Speech")
    WORK_REPORT = "工作报告", _("Work report")
    REFLECTION = "心得体会", _("Reflection")
    DUTY_REPORT = "述职报告", _("Duty report")
    STATEMENT = "发言材料", _("Statement")
    PLAN = "方案", _("Plan")
    SUMMARY = "总结", _("Summary")
    OTHER = "其他", _("Other")


class Topic(models.Model):
    """A 形势任务 tag such as 机关党建 or 乡村振兴."""

    name = models.CharField(_("name"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class Material(models.Model):
    """A curated material; its text lives in its versions."""

    title = models.CharField(_("title"), max_length=200)
    doc_type = models.CharField(
        _("type"), max_length=10, choices=DocType.choices, default=DocType.OTHER
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="materials", verbose_name=_("topics")
    )
    level = models.CharField(_("level"), max_length=20, blank=True)
    occasion = models.CharField(_("occasion"), max_length=100, blank=True)
    published = models.DateField(_("publication date"), null=True, blank=True, db_index=True)
    current = models.ForeignKey(
        "MaterialVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title


class MaterialVersion(models.Model):
    """One immutable text of a material, with what the import derived from it."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    content_hash = models.CharField(max_length=64, unique=True)
    chars = models.PositiveIntegerField(_("characters"))
    outline = models.JSONField(_("outline"))
    # Paragraph spans [start, end) of the parts, for anchors on the reader page.
    part_spans = models.JSONField(default=list)
    placeholders = models.JSONField(_("placeholders"), default=list)
    dated_references = models.JSONField(_("dated references"), default=list)
    removed_lines = models.JSONField(_("removed lines"), default=list)
    # Where each removed line stood among the file's lines, so that an editor can put one
    # back where it was (gaoku.core.ingest.restore_line); empty before migration 0015.
    removed_positions = models.JSONField(default=list)
    # Why each removed line was (gaoku.core.cleaning.reasons); empty before migration 0021.
    removal_reasons = models.JSONField(default=list)
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    # The editor's word on what this version changed, shown to members beside its date.
    note = models.CharField(_("what changed"), max_length=200, blank=True)
    source_format = models.CharField(_("source format"), max_length=10, blank=True)
    source_encoding = models.CharField(_("source encoding"), max_length=20, blank=True)
    # The file's text as read, before cleaning (gaoku.core.similarity.content_hash): a
    # batch knows by it which of its files the library holds already ("" before 0014).
    source_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["material", "number"]
        constraints = [
            models.UniqueConstraint(fields=["material", "number"], name="version_number_unique")
        ]
        verbose_name = _("material version")
        verbose_name_plural = _("material versions")

    def __str__(self) -> str:
        return f"{self.material_id} v{self.number}"

    @property
    def removals(self) -> list[tuple[str, str]]:
        """Each removed line with why it was removed ("" where this version kept none)."""
        whole = len(self.removal_reasons) == len(self.removed_lines)
        reasons = self.removal_reasons if whole else [""] * len(self.removed_lines)
        return list(zip(self.removed_lines, reasons, strict=True))


class SketchValue(models.Model):
    """One value of a version's bottom-k sketch, to find near-duplicates by lookup."""

    version = models.ForeignKey(MaterialVersion, on_delete=models.CASCADE, related_name="+")
    value = models.BigIntegerField(db_index=True)


class ExcerptKey(models.Model):
    """One locator key of a version (gaoku.core.excerpt), to find where an excerpt is from."""

    version = models.ForeignKey(MaterialVersion, on_delete=models.CASCADE, related_name="+")
    value = models.BigIntegerField(db_index=True)


class CleaningPattern(models.Model):
    """A distributor-boilerplate rule; imports remove lines that match an enabled one."""

    class Kind(models.TextChoices):
        CONTAINS = "contains", _("Line contains")
        REGEX = "regex", _("Regular expression")

    pattern = models.CharField(_("pattern"), max_length=300, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGEX)
    note = models.CharField(_("note"), max_length=200, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("cleaning pattern")
        verbose_name_plural = _("cleaning patterns")

    def __str__(self) -> str:
        return self.pattern


class ImportDraft(models.Model):
    """A prepared import close to an existing material, waiting for an editor's choice."""

    similar_to = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField()
    source_name = models.CharField(max_length=255)
    source_format = models.CharField(max_length=10, blank=True)
    source_encoding = models.CharField(max_length=20, blank=True)
    raw_text = models.TextField()
    metadata = models.JSONField(default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)


class LineSighting(models.Model):
    """A line of an imported text that would be wrapper if other documents hold it too
    (gaoku.core.cleaning.learnable_lines), by its shape (gaoku.core.cleaning.line_shape:
    its numbers as one mark); one row per shape and material."""

    shape = models.CharField(max_length=200, db_index=True)
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["shape", "material"], name="one_sighting_per_material")
        ]


class KeptLine(models.Model):
    """A line, by its shape, that an editor has said is the documents' own: the library
    never takes it for a source's wrapper, however many documents hold it."""

    shape = models.CharField(_("line"), max_length=200, unique=True)
    kept_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kept by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kept_at = models.DateTimeField(_("kept at"), auto_now_add=True)

    class Meta:
        verbose_name = _("line kept as the documents' own")
        verbose_name_plural = _("lines kept as the documents' own")

    def __str__(self) -> str:
        return self.shape


class CalendarVersion(models.Model):
    """The site's political calendar as an admin saved it (gaoku.core.calendar's format);
    the latest is in force, the earlier ones are its history. None saved: the shipped
    calendar."""

    text = models.TextField(_("calendar"))
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("political calendar")
        verbose_name_plural = _("political calendars")
