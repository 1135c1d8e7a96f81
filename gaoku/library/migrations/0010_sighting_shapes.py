from django.db import migrations, models

from gaoku.core.cleaning import learnable_lines, line_shape


def rebuild(apps, schema_editor):
    # Sightings are now kept by shape, and tables' cells are no longer learnable: every
    # document's sightings are counted again from its versions.
    MaterialVersion = apps.get_model("library", "MaterialVersion")
    LineSighting = apps.get_model("library", "LineSighting")
    LineSighting.objects.all().delete()
    for version in MaterialVersion.objects.only("material_id", "text", "removed_lines"):
        lines = learnable_lines("\n".join([*version.removed_lines, version.text]))
        LineSighting.objects.bulk_create(
            [
                LineSighting(shape=shape, material_id=version.material_id)
                for shape in {line_shape(line) for line in lines}
                if len(shape) <= 200
            ],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0009_verbose_names"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="linesighting", name="one_sighting_per_material"),
        migrations.RenameField(model_name="linesighting", old_name="line", new_name="shape"),
        migrations.AddConstraint(
            model_name="linesighting",
            constraint=models.UniqueConstraint(
                fields=("shape", "material"), name="one_sighting_per_material"
            ),
        ),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]
