import django.db.models.deletion
from django.db import migrations, models

# Lexeme sets of the grams and chars (gaoku.core.search.tokens), for the GIN index.
_POSTGRES_COLUMNS = [
    "ALTER TABLE search_searchdocument ADD COLUMN public_tsv tsvector",
    "ALTER TABLE search_searchdocument ADD COLUMN full_tsv tsvector",
    "CREATE INDEX search_public_tsv ON search_searchdocument USING gin (public_tsv)",
    "CREATE INDEX search_full_tsv ON search_searchdocument USING gin (full_tsv)",
]


def add_tsvector_columns(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in _POSTGRES_COLUMNS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("library", "0003_excerpt_keys"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "material",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="library.material",
                    ),
                ),
                ("day", models.DateField(db_index=True)),
                ("public_text", models.TextField()),
                ("full_text", models.TextField()),
                (
                    "version",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="library.materialversion",
                    ),
                ),
            ],
        ),
        migrations.RunPython(add_tsvector_columns, migrations.RunPython.noop),
    ]
