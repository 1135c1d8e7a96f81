"""What the PostgreSQL search engine indexes (gaoku.search.engines.PostgresEngine).

On SQLite deployments the embedded engine keeps its own folder and this table stays
empty. The ``public_tsv`` and ``full_tsv`` columns and their GIN indexes exist only on
PostgreSQL (migration 0001) and are written with raw SQL.
"""

from __future__ import annotations

from django.db import models

from gaoku.library.models import Material, MaterialVersion


class SearchDocument(models.Model):
    """One material's searchable texts, folded (gaoku.core.search.tokens.search_fold)."""

    material = models.OneToOneField(
        Material, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    version = models.ForeignKey(MaterialVersion, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(db_index=True)
    # The title and the outline as the free tier sees it.
    public_text = models.TextField()
    # The title and the full text.
    full_text = models.TextField()


class SearchSentence(models.Model):
    """One sentence of a material's current text, for the originality check on PostgreSQL;
    its ``grams`` tsvector column (with a GIN index) exists only there (migration 0002)."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()


class IndexChange(models.Model):
    """A material whose search entry must be written again (or removed): written in the
    transaction that changed the material, applied after it commits, kept until applied
    (gaoku.search.services.index_changes_apply)."""

    material_id = models.BigIntegerField(db_index=True)  # not a key: the material may be gone
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
