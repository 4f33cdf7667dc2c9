"""Replace Wagtail's welcome page with the hub's home page as the default site's root."""

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("hub.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="hub")
    locale = Locale.objects.first()
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Good Practice Hub",
        draft_title="Good Practice Hub",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro=(
            "A place where the organisations that deliver employment programmes share "
            "what works: case studies, workshop notes, performance data and toolkits."
        ),
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Good Practice Hub")


def backwards(apps, schema_editor):
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("hub.HomePage")
    Site.objects.all().delete()
    HomePage.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0003_seed_taxonomies"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
