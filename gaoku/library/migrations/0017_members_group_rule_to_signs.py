from django.db import migrations

# The seeded rule that removed every line naming a members' or a free group, sentences of
# the document included (活动信息通过…公众号和各门店会员群同步发布): such a group is now a
# weak sign of promotion (gaoku.core.cleaning.promotion), which leaves sentences alone.
OLD_RULE = "(会员|免费|VIP|vip|资料|写作|材料|范文)群(?!众|体)"


def retire(apps, schema_editor):
    CleaningPattern = apps.get_model("library", "CleaningPattern")
    CleaningPattern.objects.filter(pattern=OLD_RULE, note="默认规则").delete()


def restore(apps, schema_editor):
    CleaningPattern = apps.get_model("library", "CleaningPattern")
    CleaningPattern.objects.get_or_create(pattern=OLD_RULE, defaults={"note": "默认规则"})


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0016_decimal_and_circle_placeholders"),
    ]

    operations = [migrations.RunPython(retire, restore)]
