from django.db import migrations

from gaoku.library.migrations._reread import placeholders_reread


class Migration(migrations.Migration):
    # Blanks with decimals (X.X%, X.X亿元), ○ blanks with what they count (○○家, ○个),
    # XX学时 and ○○港 are placeholders of their own.
    dependencies = [
        ("library", "0015_removed_positions"),
    ]

    operations = [migrations.RunPython(placeholders_reread, migrations.RunPython.noop)]
