from django.db import migrations

from gaoku.library.migrations._reread import placeholders_reread


class Migration(migrations.Migration):
    # A blank naming a body (XX驾校, XX客运公司) is a placeholder of its own, and 面, 间,
    # 口, 台次 and 号线 are counted (XX面, X号线); ××支队长 is a post, not a count of 支.
    dependencies = [
        ("library", "0012_counted_placeholders"),
    ]

    operations = [migrations.RunPython(placeholders_reread, migrations.RunPython.noop)]
