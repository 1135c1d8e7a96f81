from django.db import migrations

from gaoku.library.migrations._reread import sightings_reread


class Migration(migrations.Migration):
    # A sentence the judge leans to wrapper on is learnable now (wrapper only after the
    # document's signature): each version's learnable lines are counted again.
    dependencies = [
        ("library", "0019_removal_reasons"),
    ]

    operations = [migrations.RunPython(sightings_reread, migrations.RunPython.noop)]
