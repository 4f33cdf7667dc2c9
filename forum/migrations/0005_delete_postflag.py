"""Post flags live on as hub.base.moderation reports (hub 0013 copied them): drop the table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("forum", "0004_search_entry_vector_index"), ("hub", "0013_flags_to_reports")]

    operations = [migrations.DeleteModel(name="PostFlag")]
