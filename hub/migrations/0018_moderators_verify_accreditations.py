"""Let the Moderators group verify organisations' accreditations (and see them in the admin).
Reversible."""

from django.db import migrations

MODERATOR_MODEL_PERMS = {
    "hub": ["view_accreditation", "verify_accreditation"],
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
        ("hub", "0017_accreditations"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
