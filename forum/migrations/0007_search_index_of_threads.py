"""A GIN index on the search index entries of forum threads alone (PostgreSQL only).

hub.base.search_backend matches threads through it (BOUNDED option ``own_index``): a common
word, frequent among all entries because of the posts, is looked up among the thread entries
instead of every thread entry being read. See hub.base.search_backend.model_index.

It also turns off parallel scans of the index table: a search reads a few hundred entries, and
starting two workers for that cost more than the scan (13 ms of 24 for a common word).
"""

from django.db import migrations

from hub.base.search_backend import model_index


def serial(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE wagtailsearch_indexentry SET (parallel_workers = 0)")


def parallel(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE wagtailsearch_indexentry RESET (parallel_workers)")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("forum", "0006_drafts_bookmarks_private_messages"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        model_index("forum.thread"),
        migrations.RunPython(serial, parallel, elidable=False),
    ]
