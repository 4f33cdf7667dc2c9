"""Flags live on as hub.base.moderation reports (hub 0013 copied them): drop the table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_record_latest_index"), ("hub", "0013_flags_to_reports")]

    operations = [migrations.DeleteModel(name="Flag")]
