"""On PostgreSQL the audit table refuses UPDATE and DELETE from any client, not only
through the ORM. (SQLite keeps the ORM's guard alone: its test database is emptied with
DELETE, which a trigger would refuse; PostgreSQL's is emptied with TRUNCATE.)"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION ops_auditentry_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ops_auditentry_insert_only
    BEFORE UPDATE OR DELETE ON ops_auditentry
    FOR EACH ROW EXECUTE FUNCTION ops_auditentry_refuse();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS ops_auditentry_insert_only ON ops_auditentry;
DROP FUNCTION IF EXISTS ops_auditentry_refuse();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("ops", "0002_audit")]
    operations = [migrations.RunPython(forward, backward)]
