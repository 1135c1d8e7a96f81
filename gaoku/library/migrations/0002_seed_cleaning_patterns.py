"""Seed the editable cleaning-pattern table with the core's defaults."""

from django.db import migrations

from gaoku.core.cleaning import default_patterns


def seed(apps, schema_editor):
    CleaningPattern = apps.get_model("library", "CleaningPattern")
    for pattern in default_patterns():
        CleaningPattern.objects.get_or_create(pattern=pattern, defaults={"note": "默认规则"})


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
