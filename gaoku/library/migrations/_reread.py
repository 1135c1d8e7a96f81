"""Data migrations shared by several migrations (Django loads no module named with _)."""

from gaoku.core.structure import find_placeholders


def placeholders_reread(apps, schema_editor) -> None:
    """Read each version's placeholder list again from its text, after the rule that finds
    them changed, so that the localisation form offers the tokens that filling replaces."""
    MaterialVersion = apps.get_model("library", "MaterialVersion")
    changed = []
    for version in MaterialVersion.objects.only("text", "placeholders").iterator():
        found = find_placeholders(version.text)
        if found != version.placeholders:
            version.placeholders = found
            changed.append(version)
    MaterialVersion.objects.bulk_update(changed, ["placeholders"], batch_size=500)
