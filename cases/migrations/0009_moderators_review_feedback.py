"""Let the Moderators group review claimants' feedback comments. Reversible."""

from django.db import migrations


def _permission(apps):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label="cases", codename="moderate_feedback")


def forwards(apps, schema_editor):
    group, _ = apps.get_model("auth.Group").objects.get_or_create(name="Moderators")
    group.permissions.add(_permission(apps))


def backwards(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name="Moderators").first()
    if group is not None:
        Permission = apps.get_model("auth.Permission")
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="cases", codename="moderate_feedback")
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_claimant_feedback")]
    operations = [migrations.RunPython(forwards, backwards)]
