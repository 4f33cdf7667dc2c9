"""The Wagtail admin under its Content-Security-Policy in Chromium: an editor's pages load with
no policy violation; a member without access sees the 403 page, not a redirect loop."""

import pytest

from hub.site.workshops.models import WorkshopPage
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.e2e.test_workshops_journey import _publish
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_admin_pages_load_under_the_admin_policy_and_non_staff_get_a_403_page(
    new_page, auditor, js_enabled, live_server
):
    if js_enabled:  # the Wagtail admin needs JavaScript
        _admin_pages_have_no_policy_violation(new_page, auditor, js_enabled)
    member = UserFactory(email="member.csp@example.org")
    other = new_page()
    sign_in(other, auditor, js_enabled, member.email)
    other.wait_for_url("**/")
    response = other.goto("/admin/")
    assert response.status == 403
    assert other.get_by_role("heading", name="You do not have access to the admin").is_visible()
    auditor.check(other, js_enabled)


def _admin_pages_have_no_policy_violation(new_page, auditor, js_enabled):
    editor = UserFactory(email="editor.csp@example.org", is_superuser=True, is_staff=True)
    workshop = _publish("Policy check", days=5, area_code="CPA5", theme_slug="young-people")
    page = new_page()
    violations = []

    def note(message):
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", note)
    sign_in(page, auditor, js_enabled, editor.email)
    page.wait_for_url("**/")
    for url in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{workshop.pk}/edit/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/snippets/",
    ):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
    assert WorkshopPage.objects.filter(pk=workshop.pk).exists()
    assert violations == []
