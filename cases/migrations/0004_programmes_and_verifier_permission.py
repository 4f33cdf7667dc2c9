"""Seed the programmes records are reported for, and let moderators verify records and manage
programmes. Reversible: removes only what it added."""

from django.db import migrations

PROGRAMMES = [
    ("Work Programme", "The national payment-by-results programme, 2011 to 2017."),
    ("Work Choice", "Specialist support for disabled people, 2010 to 2018."),
    (
        "Work and Health Programme",
        "Support for disabled people and the long-term unemployed, from 2017.",
    ),
    ("Restart Scheme", "Support for people unemployed for nine months or more, from 2021."),
    (
        "Intensive Personalised Employment Support",
        "Support for disabled people furthest from work, from 2019.",
    ),
    ("Local authority programme", "A programme commissioned by a local or combined authority."),
]
MODERATOR_PERMS = [
    "verify_performancerecord",
    "view_performancerecord",
    "view_programme",
    "add_programme",
    "change_programme",
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.utils.text import slugify

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Programme = apps.get_model("cases", "Programme")
    for order, (name, description) in enumerate(PROGRAMMES):
        Programme.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "description": description, "sort_order": order},
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="cases", codename__in=MODERATOR_PERMS
            )
        )


def backwards(apps, schema_editor):
    from django.utils.text import slugify

    apps.get_model("cases", "Programme").objects.filter(
        slug__in=[slugify(name) for name, _ in PROGRAMMES], records__isnull=True
    ).delete()
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.remove(
            *moderators.permissions.filter(
                content_type__app_label="cases", codename__in=MODERATOR_PERMS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_performance_records"),
        ("hub", "0005_moderators_and_editors_groups"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
