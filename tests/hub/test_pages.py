from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from hub.base.models import (
    Area,
    Barrier,
    ClaimantGroup,
    JourneyStage,
    Membership,
    Organisation,
    SupplyChainLink,
    User,
)
from hub.site.pages import ContentPage, HomePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_site_root_is_the_hubs_home_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)


def test_taxonomies_are_seeded_by_migration():
    assert ClaimantGroup.objects.count() == 9
    assert list(JourneyStage.objects.values_list("name", flat=True)) == [
        "Pre-programme engagement",
        "Programme engagement",
        "Pre-work support",
        "In-work support",
        "Programme exit",
    ]
    assert Area.objects.filter(code__in=["CPA1", "CPA18"]).count() == 2
    assert Barrier.objects.filter(name="Mental health").exists()


def test_moderators_and_editors_groups_have_their_permissions():
    moderators = Group.objects.get(name="Moderators")
    editors = Group.objects.get(name="Editors")
    moderator = UserFactory()
    moderator.groups.add(moderators)
    editor = UserFactory()
    editor.groups.add(editors)
    moderator = User.objects.get(pk=moderator.pk)
    editor = User.objects.get(pk=editor.pk)
    assert moderator.has_perm("hub.verify_organisation")
    assert moderator.has_perm("hub.change_claimantgroup")
    assert moderator.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not editor.has_perm("hub.verify_organisation")
    home = HomePage.objects.get()
    assert home.permissions_for_user(editor).can_add_subpage()
    assert home.permissions_for_user(editor).can_publish()


def test_content_page_renders_every_block(client):
    home = HomePage.objects.get()
    page = home.add_child(
        instance=ContentPage(
            title="Test page",
            slug="test-page",
            summary="A summary",
            body=[
                ("heading", {"text": "Section heading", "level": "h2"}),
                ("paragraph", "<p>Body text</p>"),
                ("callout", {"style": "warning", "title": "", "text": "<p>Careful</p>"}),
                (
                    "table",
                    {
                        "caption": "Figures",
                        "table": {
                            "columns": [
                                {"type": "text", "heading": "Area"},
                                {"type": "number", "heading": "Starts"},
                            ],
                            "rows": [{"values": ["North", 12]}],
                        },
                    },
                ),
            ],
        )
    )
    html = client.get(page.url).content.decode()
    assert '<h2 class="govuk-heading-l">Section heading</h2>' in html
    assert "Body text" in html
    assert "govuk-warning-text" in html and "Careful" in html
    assert "<caption" in html and "Figures" in html and '<th scope="row"' in html


def test_editor_can_create_a_content_page_in_the_admin(client):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    home = HomePage.objects.get()
    data = nested_form_data(
        {
            "title": "Admin made",
            "slug": "admin-made",
            "summary": "Made in the admin",
            "body": streamfield([("paragraph", rich_text("<p>Hello</p>"))]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/hub/contentpage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ContentPage.objects.get(slug="admin-made").live


def test_seed_demo_is_idempotent_and_fictional():
    call_command("seed_demo", stdout=StringIO())
    counts = (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        SupplyChainLink.objects.count(),
        ContentPage.objects.count(),
    )
    call_command("seed_demo", stdout=StringIO())
    assert counts == (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        SupplyChainLink.objects.count(),
        ContentPage.objects.count(),
    )
    assert counts[0] == 12 and counts[1] >= 30
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == set(Organisation.Kind.values)
    assert all("fictional" in o.description for o in Organisation.objects.all())
    assert User.objects.get(username="moderator").has_perm("hub.verify_organisation")
    assert User.objects.get(username="siteadmin").is_superuser
    assert Membership.objects.filter(status=Membership.Status.PENDING).exists()
    for slug in ("about", "help", "terms"):
        assert ContentPage.objects.filter(slug=slug, live=True).exists(), slug
    # Sections with their own views have no placeholder page left.
    for slug in ("case-studies", "forum", "showcase", "performance", "workshops", "toolkits",
                 "privacy", "accessibility"):  # fmt: skip
        assert not ContentPage.objects.filter(slug=slug).exists(), slug


def test_navigation_marks_the_current_section(client):
    html = client.get("/organisations/").content.decode()
    assert 'href="/organisations/"' in html
    assert 'aria-current="page"' in html


def test_missing_page_gets_the_hubs_own_not_found_page(client):
    response = client.get("/organisations/no-such-organisation/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-template" in response.content.decode()


def test_server_error_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
