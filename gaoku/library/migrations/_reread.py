"""Data migrations shared by several migrations (Django loads no module named with _)."""

from gaoku.core.cleaning import learnable_lines, line_shape
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


def sightings_reread(apps, schema_editor) -> None:
    """Count each version's learnable lines again (gaoku.core.cleaning.learnable_lines),
    after the rule that says which lines a library learns changed: sightings it lacks are
    added, none is taken away."""
    MaterialVersion = apps.get_model("library", "MaterialVersion")
    LineSighting = apps.get_model("library", "LineSighting")
    versions = MaterialVersion.objects.only("material_id", "text", "removed_lines")
    for version in versions.iterator():
        lines = learnable_lines("\n".join([*version.removed_lines, version.text]))
        LineSighting.objects.bulk_create(
            [
                LineSighting(shape=shape, material_id=version.material_id)
                for shape in {line_shape(line) for line in lines}
                if len(shape) <= 200
            ],
            ignore_conflicts=True,
        )
