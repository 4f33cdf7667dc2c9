"""A GIN index on the search index entries of case studies alone (PostgreSQL only).

hub.base.search_backend matches case studies through it (BOUNDED option ``own_index``): a common
word, frequent among all entries because of the forum posts, is looked up among the case-study
entries instead of every case study's vector being read. See hub.base.search_backend.model_index.
"""

from django.db import migrations

from hub.base.search_backend import model_index


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("cases", "0011_record_funding_received"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [model_index("cases.casestudy")]
