"""A GIN index on the search index entries' combined vector (PostgreSQL only).

hub.base.search_backend (the search backend on PostgreSQL) finds candidate index entries with
`(title || body) @@ query`, the expression Wagtail's PostgreSQL backend matches on; without this
index that scans every entry (a million and more). Other databases have no such index.
"""

from django.db import migrations

INDEX = "hub_search_entry_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0003_thread_discusses_a_record"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
