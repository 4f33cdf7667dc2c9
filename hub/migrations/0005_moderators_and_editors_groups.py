"""Create the Moderators and Editors groups with the permissions each role needs.
Reversible: deletes the two groups."""

from django.db import migrations

MODERATOR_MODEL_PERMS = {
    "hub": [
        "view_organisation",
        "change_organisation",
        "verify_organisation",
        "view_membership",
        "add_claimantgroup", "change_claimantgroup", "view_claimantgroup",
        "add_area", "change_area", "view_area",
        "add_barrier", "change_barrier", "view_barrier",
        "add_journeystage", "change_journeystage", "view_journeystage",
    ],
}
EDITOR_MODEL_PERMS = {
    "hub": ["view_claimantgroup", "view_area", "view_barrier", "view_journeystage"],
}
PAGE_PERMS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMS = {
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "wagtailimages": ["add_image", "change_image", "choose_image"],
}


def _ensure_permissions(apps):
    """Permissions are normally made after migrations; make them now so groups can hold them."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def forwards(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    access_admin = perm("wagtailadmin", "access_admin")
    home = Page.objects.filter(depth=2).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, model_perms in (("Moderators", MODERATOR_MODEL_PERMS), ("Editors", EDITOR_MODEL_PERMS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for app_label, codenames in model_perms.items():
            group.permissions.add(*[perm(app_label, c) for c in codenames])
        if home is not None:
            for codename in PAGE_PERMS:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=perm("wagtailcore", codename)
                )
        if root_collection is not None:
            for app_label, codenames in COLLECTION_PERMS.items():
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=perm(app_label, codename),
                    )


def backwards(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=["Moderators", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0004_create_home_page"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
