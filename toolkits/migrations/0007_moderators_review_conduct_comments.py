from django.db import migrations

PERMS = ["review_conductcomment", "view_conductcomment"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.add(
            *Permission.objects.filter(content_type__app_label="toolkits", codename__in=PERMS)
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.remove(
            *Permission.objects.filter(content_type__app_label="toolkits", codename__in=PERMS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("toolkits", "0006_conduct_comments_held_for_review"),
        ("hub", "0005_moderators_and_editors_groups"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
