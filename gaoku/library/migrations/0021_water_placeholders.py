from django.db import migrations

from gaoku.library.migrations._reread import placeholders_reread


class Migration(migrations.Migration):
    # A water or a hill left blank (○○水库, ○○河湾, XX湖) is one name to fill: two blanks
    # before two waters are two names, not one ○○.
    dependencies = [
        ("library", "0020_sentence_sightings"),
    ]

    operations = [migrations.RunPython(placeholders_reread, migrations.RunPython.noop)]
