"""A member's rights, end to end in Chromium with JavaScript on and off: they download their
data (the ZIP is opened and checked) and delete their account; what they wrote stays as a
"Former member"'s, rating counts do not move, they cannot sign in; an administrator deletes
another such member from the Wagtail admin without an error."""

import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

from cases.casestudies import services as case_services
from cases.casestudies.models import CaseStudy
from cases.performance import services as records
from forum import services as forum_services
from hub.base.models import User
from tests.cases.records_helpers import figures
from tests.e2e.conftest import account_menu
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import PASSWORD, CaseStudyFactory, MembershipFactory, UserFactory
from tests.forum.helpers import category, seasoned_member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def busy_member(name: str) -> dict:
    """A member with case studies, comments, posts, ratings and records."""
    member = seasoned_member(display_name=name, job_title="Employment adviser")
    organisation = member.memberships.get().organisation
    MembershipFactory(organisation=organisation, role="admin")  # so they are not the last admin
    other = seasoned_member(display_name="Ravi Colleague")
    theirs = CaseStudyFactory(author=other, organisation=other.memberships.get().organisation)
    CaseStudyFactory(author=member, organisation=organisation, title=f"{name}'s job club")
    case_services.rating_set(user=member, case_study=theirs, score=4)
    case_services.comment_create(author=member, case_study=theirs, body="We tried this too.")
    thread = forum_services.thread_create(
        author=member, category=category(slug=f"c{member.pk}"), title="Job clubs", body="Ideas?"
    )
    forum_services.post_create(author=other, thread=thread, body="Mornings work best.")
    admin = User.objects.get(memberships__organisation=organisation, memberships__role="admin")
    records.record_create(actor=admin, organisation=organisation, data=figures())
    # The member's own record upload is the organisation's; what they entered is in the ZIP.
    from cases.performance.models import PerformanceRecord

    PerformanceRecord.objects.filter(organisation=organisation).update(created_by=member)
    return {"member": member, "thread": thread, "theirs": theirs}


def test_a_member_downloads_their_data_then_deletes_their_account(
    new_page, auditor, js_enabled, tmp_path
):
    data = busy_member("Dana Leaver")
    member, theirs = data["member"], data["theirs"]
    theirs.refresh_from_db()
    counts_before = (theirs.rating_count, theirs.rating_score)
    page = new_page()
    sign_in(page, auditor, js_enabled, member.email)
    expect(account_menu(page).get_by_role("button", name="Sign out")).to_be_visible()

    # From the profile to their data.
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Download your data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Download your data")
    auditor.check(page, js_enabled)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download your data").click()
    path = tmp_path / "data.zip"
    download_info.value.save_as(path)
    archive = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    assert json.loads(archive.read("profile.json"))[0]["display_name"] == "Dana Leaver"
    titles = [c["title"] for c in json.loads(archive.read("case_studies.json"))]
    assert titles == ["Dana Leaver's job club"]
    assert json.loads(archive.read("comments.json"))[0]["body"] == "We tried this too."
    assert json.loads(archive.read("ratings.json"))[0]["score"] == 4
    assert json.loads(archive.read("forum_posts.json"))[0]["body"] == "Ideas?"
    assert len(json.loads(archive.read("performance_records.json"))) == 1
    assert "Dana Leaver" in archive.read("profile.csv").decode("utf-8-sig")

    # Then they delete their account: a wrong password is caught beside the field.
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Delete your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    auditor.check(page, js_enabled)
    page.get_by_label("Your password").fill("not-my-password")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The password is not right")
    auditor.check(page, js_enabled)
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("account has been deleted")
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    auditor.check(page, js_enabled)

    # What they wrote stays, as a former member's.
    page.goto(f"/forum/t/{data['thread'].pk}/")
    expect(page.locator("#post-1")).to_contain_text("Former member")
    expect(page.get_by_text("Dana Leaver")).to_have_count(0)
    auditor.check(page, js_enabled)
    page.goto(theirs.get_absolute_url())
    expect(page.locator(".hub-comment").first).to_contain_text("Former member")
    theirs.refresh_from_db()
    assert (theirs.rating_count, theirs.rating_score) == counts_before

    # They can no longer sign in.
    sign_in(page, auditor, js_enabled, member.email)
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert User.objects.get(pk=member.pk).is_erased
    assert not page.console_errors, page.console_errors


def test_an_administrator_deletes_a_member_from_the_admin(new_page, auditor, js_enabled):
    data = busy_member("Owen Gone")
    member = data["member"]
    UserFactory(email="site.admin@example.org", is_superuser=True, is_staff=True)
    page = new_page()
    sign_in(page, auditor, js_enabled, "site.admin@example.org")
    expect(account_menu(page).get_by_role("button", name="Sign out")).to_be_visible()
    page.goto(f"/admin/users/delete/{member.pk}/")
    expect(page.get_by_text("Former member", exact=False).first).to_be_visible()
    page.get_by_role("button", name="Yes, delete").click()
    expect(page.get_by_text("deleted", exact=False).first).to_be_visible()
    assert User.objects.get(pk=member.pk).is_erased
    published = CaseStudy.objects.get(title="Owen Gone's job club")
    assert published.author_id == member.pk

    page.goto(published.get_absolute_url())
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Former member")
    auditor.check(page, js_enabled)
