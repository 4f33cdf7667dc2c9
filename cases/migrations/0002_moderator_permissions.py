"""Let the Moderators group see case studies, comments and reports in the admin and moderate
them. Reversible: takes those permissions away again.

Both groups can already add, edit and publish pages under the home page (hub 0005), where the
showcase page lives, so they need nothing more to edit it."""

from django.db import migrations

MODERATOR_MODEL_PERMS = {
    "cases": ["view_casestudy", "moderate_casestudy", "view_comment", "view_flag"],
}


def _ensure_permissions(apps):
    """Permissions are normally made after migrations; make them now so groups can hold them."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permissions(apps):
    Permission = apps.get_model("auth.Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codenames in MODERATOR_MODEL_PERMS.items()
        for codename in codenames
    ]


def forwards(apps, schema_editor):
    _ensure_permissions(apps)
    group, _ = apps.get_model("auth.Group").objects.get_or_create(name="Moderators")
    group.permissions.add(*_permissions(apps))


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    group = apps.get_model("auth.Group").objects.filter(name="Moderators").first()
    if group is not None:
        for app_label, codenames in MODERATOR_MODEL_PERMS.items():
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_case_studies_ratings_comments"),
        ("hub", "0005_moderators_and_editors_groups"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
