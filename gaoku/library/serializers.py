"""Plain-dict views of library objects: the one shape for `gaoku --json` and the API."""

from __future__ import annotations

from gaoku.library.models import Material, MaterialVersion
from gaoku.library.selectors import version_list
from gaoku.library.services import ImportOutcome


def import_outcome_to_dict(outcome: ImportOutcome) -> dict:
    """One entry of the contract's ``imported`` list."""
    prepared = outcome.prepared
    version = outcome.version
    return {
        "material": version.material_id if version else None,
        "version": version.number if version else None,
        "title": prepared.outline.title,
        "chars": prepared.chars,
        "removed_lines": list(prepared.removed_lines),
        "outline": prepared.outline.to_dict(),
        "placeholders": list(prepared.placeholders),
        "dated_references": list(prepared.dated_references),
    }


def material_summary_to_dict(material: Material) -> dict:
    """A catalogue row."""
    return {
        "material": material.pk,
        "title": material.title,
        "type": material.doc_type,
        "topics": [t.name for t in material.topics.all()],
        "level": material.level,
        "occasion": material.occasion,
        "published": material.published.isoformat() if material.published else None,
        "version": material.current.number,
        "chars": material.current.chars,
    }


def material_to_dict(material: Material, *, version: MaterialVersion | None = None) -> dict:
    """A material with one version's outline (the current one by default), without text:
    the caller adds the text it is allowed to show."""
    current: MaterialVersion = version or material.current
    return material_summary_to_dict(material) | {
        "versions": [
            {"version": v.number, "chars": v.chars, "created_at": v.created_at.isoformat()}
            for v in version_list(material)
        ],
        "outline": current.outline,
        "placeholders": current.placeholders,
        "dated_references": current.dated_references,
        "removed_lines": current.removed_lines,
        "shown_version": current.number,
    }
