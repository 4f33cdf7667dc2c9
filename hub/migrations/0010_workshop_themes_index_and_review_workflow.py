"""Seed the practice themes, make the workshop index under the home page (when there is a home
page and nothing else holds its slug), and set up the "Workshop notes review" workflow: one
group approval task for the Moderators, assigned to the index so every proposal is reviewed.
Reversible: removes the workflow, the index (if it holds no workshops) and the themes it added."""

from django.db import migrations
from django.utils.text import slugify

THEMES = [
    ("Engagement and attendance", "Getting people to come, keep coming and take part."),
    ("Employer engagement", "Working with employers on vacancies, trials and recruitment."),
    ("In-work support", "Helping people stay and get on in work."),
    ("Mental health", "Supporting participants with mental health conditions."),
    ("Health and work", "Health conditions, disability, adjustments and working with health services."),
    ("Skills and training", "Basic skills, vocational training and qualifications."),
    ("Housing and debt", "Housing problems, debt and money worries that stop people working."),
    ("Young people", "Young jobseekers, care leavers and first jobs."),
    ("Partnership working", "Primes, subcontractors, charities and Jobcentres working together."),
    ("Digital inclusion", "Digital skills, devices and getting online to look for work."),
]
WORKFLOW_NAME = "Workshop notes review"
TASK_NAME = "Moderators review workshop notes"
INDEX_SLUG = "workshops"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
THEME_PERMS = {"Moderators": ["add_theme", "change_theme", "view_theme"], "Editors": ["view_theme"]}


def _step(number: int) -> str:
    """A treebeard path step (four base-36 digits), as Wagtail's page tree writes them."""
    digits = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits


def _ensure_permissions(apps):
    """Permissions are normally made after migrations; make them now so groups can hold them."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _create_index(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("hub.HomePage")
    WorkshopIndexPage = apps.get_model("hub.WorkshopIndexPage")

    existing = WorkshopIndexPage.objects.first()
    if existing is not None:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None  # the demo seed (or an editor) makes it later
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if children.filter(slug=INDEX_SLUG).exists():
        return None  # an older placeholder page holds the slug; the demo seed replaces it
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-4:], 36) + 1 if last else 1
    index_type, _ = ContentType.objects.get_or_create(app_label="hub", model="workshopindexpage")
    index = WorkshopIndexPage.objects.create(
        title="Workshops",
        draft_title="Workshops",
        slug=INDEX_SLUG,
        content_type=index_type,
        path=home.path + _step(number),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{INDEX_SLUG}/",
        locale_id=home.locale_id,
        live=True,
        intro=(
            "Notes from 'What Works' workshops, where front-line advisers from different "
            "providers in an area meet and share what works."
        ),
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())
    return index


def forwards(apps, schema_editor):
    _ensure_permissions(apps)
    Theme = apps.get_model("hub.Theme")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    for order, (name, description) in enumerate(THEMES):
        Theme.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "description": description, "sort_order": order},
        )
    for group_name, codenames in THEME_PERMS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="hub", codename__in=codenames)
            )

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    moderators = Group.objects.filter(name="Moderators").first()
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
        if moderators is not None:
            task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    index = _create_index(apps)
    if index is not None:
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Page = apps.get_model("wagtailcore.Page")
    WorkshopIndexPage = apps.get_model("hub.WorkshopIndexPage")
    Theme = apps.get_model("hub.Theme")

    Task.objects.filter(name=TASK_NAME).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    for index in WorkshopIndexPage.objects.filter(numchild=0):
        parent_path = index.path[:-4]
        index.delete()
        parent = Page.objects.filter(path=parent_path).first()
        if parent is not None:
            Page.objects.filter(pk=parent.pk).update(
                numchild=Page.objects.filter(
                    path__startswith=parent_path, depth=parent.depth + 1
                ).count()
            )
    Theme.objects.filter(slug__in=[slugify(name) for name, _ in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0009_workshoppage_submission_key"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
