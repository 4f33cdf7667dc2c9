"""The old flags of the cases and forum apps become hub.base.moderation reports, each with its
reporter, reason, status, times and resolver, and the weight of an established member's report
(it counted fully when it was made). Hidden states stay where they were, on the case studies,
comments and posts themselves (a post hidden automatically is still one with no moderator).
The next migration of each app drops its flag table. Reversible: the reports become flags."""

from django.db import migrations

FULL = 2
FIELDS = ("reporter_id", "reason", "status", "created_at", "resolved_at", "resolved_by_id")
# (app label, flag model, its target field, the target's model name)
SOURCES = (
    ("cases", "Flag", "case_study", "casestudy"),
    ("cases", "Flag", "comment", "comment"),
    ("forum", "PostFlag", "post", "post"),
)


def _keep_times(model):
    """Copy `created_at` as it was: the historical model would stamp it now."""
    model._meta.get_field("created_at").auto_now_add = False


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def flags_to_reports(apps, schema_editor):
    Report = apps.get_model("hub", "Report")
    _keep_times(Report)
    for app_label, flag_model, field, model in SOURCES:
        Flag = apps.get_model(app_label, flag_model)
        content_type = _content_type(apps, app_label, model)
        flags = Flag.objects.filter(**{f"{field}__isnull": False}).order_by("pk")
        Report.objects.bulk_create(
            [
                Report(
                    content_type=content_type,
                    object_id=getattr(flag, f"{field}_id"),
                    weight=FULL,
                    **{name: getattr(flag, name) for name in FIELDS},
                )
                for flag in flags.iterator()
            ],
            batch_size=500,
        )


def reports_to_flags(apps, schema_editor):
    Report = apps.get_model("hub", "Report")
    for app_label, flag_model, field, model in SOURCES:
        Flag = apps.get_model(app_label, flag_model)
        _keep_times(Flag)
        reports = Report.objects.filter(content_type=_content_type(apps, app_label, model))
        Flag.objects.bulk_create(
            [
                Flag(**{f"{field}_id": r.object_id}, **{n: getattr(r, n) for n in FIELDS})
                for r in reports.order_by("pk").iterator()
            ],
            batch_size=500,
        )
        reports.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0012_moderation_reports"),
        ("cases", "0005_record_latest_index"),
        ("forum", "0004_search_entry_vector_index"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(flags_to_reports, reports_to_flags)]
