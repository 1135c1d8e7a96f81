from django.db import migrations

from gaoku.core.structure import find_placeholders


def recount(apps, schema_editor):
    # A number left blank is now one placeholder with what it counts (XX个, XXX名): each
    # version's list is read again from its text, so that the localisation form offers
    # the tokens that filling replaces.
    MaterialVersion = apps.get_model("library", "MaterialVersion")
    changed = []
    for version in MaterialVersion.objects.only("text", "placeholders").iterator():
        found = find_placeholders(version.text)
        if found != version.placeholders:
            version.placeholders = found
            changed.append(version)
    MaterialVersion.objects.bulk_update(changed, ["placeholders"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0011_kept_lines"),
    ]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
