"""The three plans every installation starts with; the operator edits prices in the admin."""

from django.db import migrations

PLANS = (
    # slug, name, price label, months, window months, position
    ("free", "免费", "免费", 0, 0, 0),
    ("annual", "年度会员", "¥298 / 年", 12, 36, 1),
    ("triennial", "三年会员", "¥698 / 3 年", 36, 36, 2),
)


def seed(apps, schema_editor):
    Plan = apps.get_model("members", "Plan")
    for slug, name, price, months, window, position in PLANS:
        Plan.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "price_label": price,
                "duration_months": months,
                "window_months": window,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
