import django.db.models.deletion
from django.db import migrations, models

_POSTGRES_COLUMNS = [
    "ALTER TABLE search_searchsentence ADD COLUMN grams tsvector",
    "CREATE INDEX search_sentence_grams ON search_searchsentence USING gin (grams)",
]


def add_tsvector_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in _POSTGRES_COLUMNS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_excerpt_keys"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchSentence",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField()),
                (
                    "material",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="library.material",
                    ),
                ),
            ],
        ),
        migrations.RunPython(add_tsvector_column, migrations.RunPython.noop),
    ]
