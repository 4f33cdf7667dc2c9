"""The privacy notice, accessibility statement and cookies page say what the hub does."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_privacy_notice_names_the_controller_basis_periods_rights_and_the_ico(client, settings):
    settings.HUB_OPERATOR = "Example Trust"
    settings.HUB_CONTACT_EMAIL = "privacy@example.org"
    settings.HUB_READ_NOTIFICATIONS_KEEP_DAYS = 45
    html = client.get(reverse("privacy")).content.decode()
    for text in [
        "Example Trust runs the hub and is the data controller",
        "mailto:privacy@example.org",
        "legitimate interests",
        "45 days after you read them",
        reverse("data_export"),
        reverse("account_delete"),
        "Information Commissioner",
        "https://ico.org.uk/make-a-complaint/",
    ]:
        assert text in html, text


def test_the_accessibility_statement_has_the_usual_sections(client):
    html = client.get(reverse("accessibility")).content.decode()
    for text in [
        "Compliance status",
        "Non-accessible content",
        "Reporting accessibility problems",
        "Enforcement procedure",
        "axe-core",
        "last tested on",
    ]:
        assert text in html, text


def test_the_cookies_page_lists_only_essential_cookies(client):
    response = client.get(reverse("cookies"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "only essential cookies" in html and "sessionid" in html and "csrftoken" in html
    assert 'href="/cookies/"' in client.get("/").content.decode()  # linked from every footer
