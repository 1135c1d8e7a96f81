from django.db import migrations

from gaoku.library.migrations._reread import placeholders_reread


class Migration(migrations.Migration):
    # A number left blank is one placeholder with what it counts (XX个, XXX名).
    dependencies = [
        ("library", "0011_kept_lines"),
    ]

    operations = [migrations.RunPython(placeholders_reread, migrations.RunPython.noop)]
