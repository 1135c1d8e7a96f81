from django.db import migrations

from gaoku.library.migrations._reread import sightings_reread


class Migration(migrations.Migration):
    # A sentence the line judge reads as wrapper is learnable now (a source's notice that
    # ends with a stop, in every document it passes on): the library counts it in the
    # documents it holds.
    dependencies = [
        ("library", "0016_decimal_and_circle_placeholders"),
    ]

    operations = [migrations.RunPython(sightings_reread, migrations.RunPython.noop)]
