"""The editors' group takes the Chinese name the admin shows (编辑)."""

from django.db import migrations


def rename(apps, schema_editor) -> None:
    group = apps.get_model("auth", "Group")
    if not group.objects.filter(name="编辑").exists():
        group.objects.filter(name="editors").update(name="编辑")


def rename_back(apps, schema_editor) -> None:
    apps.get_model("auth", "Group").objects.filter(name="编辑").update(name="editors")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_devices"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(rename, rename_back)]
