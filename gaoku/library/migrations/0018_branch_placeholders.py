from django.db import migrations

from gaoku.library.migrations._reread import placeholders_reread


class Migration(migrations.Migration):
    # A branch left blank (XX支公司, XX支行) is one name to fill, not a count of 支.
    dependencies = [
        ("library", "0017_members_group_rule_to_signs"),
    ]

    operations = [migrations.RunPython(placeholders_reread, migrations.RunPython.noop)]
