import opencc
from django.db import migrations

from gaoku.core.excerpt import locator_keys


def rekey(apps, schema_editor):
    # Folding now converts traditional characters to simplified ones: a version holding
    # any character that converts (乾, 後…) gets its keys again, so that excerpts of it
    # are found as before.
    MaterialVersion = apps.get_model("library", "MaterialVersion")
    ExcerptKey = apps.get_model("library", "ExcerptKey")
    converter = opencc.OpenCC("t2s")
    for version in MaterialVersion.objects.only("pk", "text").iterator():
        if all(converter.convert(char) == char for char in set(version.text)):
            continue
        ExcerptKey.objects.filter(version_id=version.pk).delete()
        ExcerptKey.objects.bulk_create(
            ExcerptKey(version_id=version.pk, value=v) for v in locator_keys(version.text)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_excerpt_keys"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
