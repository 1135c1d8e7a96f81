from django.db import migrations, models

from gaoku.library.migrations._reread import sightings_reread


def rebuild(apps, schema_editor):
    # Sightings are now kept by shape, and tables' cells are no longer learnable: every
    # document's sightings are counted again from its versions.
    apps.get_model("library", "LineSighting").objects.all().delete()
    sightings_reread(apps, schema_editor)


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
