"""The case-study journey end to end in Chromium, with JavaScript on and off."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from cases.casestudies.models import CaseStudy, Comment, Rating
from hub.site.pages import HomePage
from hub.site.showcase.models import ShowcasePage
from tests.e2e.conftest import account_menu
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, member_of, moderator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def make_showcase() -> ShowcasePage:
    home = HomePage.objects.get()
    showcase = home.add_child(
        instance=ShowcasePage(
            title="Showcase",
            slug="showcase",
            intro="Good practice chosen by moderators.",
            vcs_delivery_text="<p>Charities delivering the programme.</p>",
        )
    )
    showcase.save_revision().publish()
    return showcase


def test_post_rate_comment_notify_feature_hide_and_browse(
    new_page, auditor, js_enabled, live_server
):
    make_showcase()
    organisation = OrganisationFactory(name="Riverside Test Pathways")
    adviser = member_of(organisation, user__display_name="Ada Adviser")
    rater = member_of(OrganisationFactory(), user__display_name="Rhys Rater")
    mod = moderator(display_name="Mo Moderator")

    # An adviser posts a case study; the first submit misses the title.
    page = new_page()
    sign_in(page, auditor, js_enabled, adviser.email)
    page.goto("/case-studies/")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Post a case study").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Post a case study")
    auditor.check(page, js_enabled)
    page.get_by_label("Summary").fill("Weekly job clubs held in a hostel with a housing charity.")
    page.get_by_label("JSA 25+").check()
    page.get_by_text("Barriers addressed and areas served").click()  # a <details> section
    page.get_by_label("Housing and homelessness").check()
    page.get_by_label("Pre-work support").check()
    page.locator("#id_period_start_0").fill("3")
    page.locator("#id_period_start_1").fill("2024")
    page.get_by_label("End-to-end (from referral to work)").check()
    page.get_by_label("How was it delivered?").fill("Groups of eight, once a week, in the hostel.")
    page.get_by_label("What did you do?").fill("- Met the hostel staff\n- Ran **weekly** clubs")
    page.get_by_label("The story").fill("Residents said the jobcentre felt far away.")
    page.get_by_label("What were the outcomes?").fill("Ten residents started work.")
    page.get_by_label("Lessons and pitfalls").fill("Book the room early.")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a title")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_label("Lessons and pitfalls")).to_have_value("Book the room early.")
    expect(page.get_by_label("JSA 25+")).to_be_checked()
    auditor.check(page, js_enabled)
    assert not CaseStudy.objects.exists()

    page.get_by_label("Title").fill("Job clubs in a hostel, run with a housing charity")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Job clubs in a hostel, run with a housing charity"
    )
    expect(page.locator(".govuk-notification-banner")).to_contain_text("published")
    auditor.check(page, js_enabled)
    case_study = CaseStudy.objects.get()
    assert case_study.status == "published" and case_study.author == adviser

    # Another member rates and comments.
    other = new_page()
    sign_in(other, auditor, js_enabled, rater.email)
    other.goto(case_study.get_absolute_url())
    auditor.check(other, js_enabled)
    other.get_by_label("4 – Useful").check()
    other.get_by_role("button", name="Rate it").click()
    expect(other.locator(".govuk-notification-banner")).to_contain_text("rated this 4 out of 5")
    auditor.check(other, js_enabled)
    other.get_by_label("Your comment").fill("How did you get the hostel to give you a room?")
    other.get_by_role("button", name="Post comment").click()
    expect(other.locator(".govuk-notification-banner")).to_contain_text("comment is posted")
    auditor.check(other, js_enabled)
    assert Rating.objects.get().score == 4
    comment = Comment.objects.get()

    # The author sees the notifications, and has the email with a working unsubscribe link.
    page.goto("/")
    expect(page.locator(".hub-header__dropdown .hub-count")).to_contain_text("2")
    account_menu(page).get_by_role("link", name="Notifications (2 unread)").click()
    expect(page.get_by_role("main")).to_contain_text("rated your case study")
    expect(page.get_by_role("main")).to_contain_text("commented on your case study")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Choose which notifications you get").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notification settings")
    auditor.check(page, js_enabled)
    page.get_by_role("button", name="Save settings").click()
    auditor.check(page, js_enabled)
    emails = [m for m in mail.outbox if adviser.email in m.to and "commented" in m.body]
    assert emails, [m.subject for m in mail.outbox]
    link = re.search(r"https?://\S+/notifications/unsubscribe/\S+/", emails[0].body).group(0)
    visitor = new_page()  # not signed in: the link alone is enough
    visitor.goto(urlsplit(link).path)  # SITE_URL's host is not the test server's
    auditor.check(visitor, js_enabled)
    visitor.get_by_role("button", name=re.compile("(Stop|Unsubscribe)")).click()
    expect(visitor.get_by_role("main")).to_contain_text(re.compile("(no longer|won't|will not)"))
    auditor.check(visitor, js_enabled)

    # A moderator features it on the showcase and hides the comment with a reason.
    mod_page = new_page()
    sign_in(mod_page, auditor, js_enabled, mod.email)
    mod_page.goto(case_study.get_absolute_url())
    mod_page.get_by_role("link", name="Feature on the showcase").click()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_role("button", name="Feature it").click()
    expect(mod_page.locator(".govuk-error-summary")).to_be_visible()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_label("Voluntary and community organisations delivering the programme").check()
    mod_page.get_by_label("Why was it chosen?").fill("A simple idea any provider could copy.")
    mod_page.get_by_role("button", name="Feature it").click()
    expect(mod_page.locator(".govuk-tag", has_text="Featured").first).to_be_visible()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_role("link", name="Hide comment by Rhys Rater").click()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_label("Why are you hiding this comment?").fill(
        "Please keep questions on topic."
    )
    mod_page.get_by_role("button", name="Hide comment").click()
    expect(mod_page.locator(f"#comment-{comment.pk}")).to_contain_text(
        "A moderator hid this comment: Please keep questions on topic."
    )
    auditor.check(mod_page, js_enabled)
    comment.refresh_from_db()
    assert comment.hidden_at is not None

    # An anonymous visitor filters the list and opens the showcase.
    anon = new_page()
    anon.goto("/case-studies/")
    anon.get_by_label(re.compile(r"^Housing and homelessness")).check()
    anon.get_by_role("button", name="Apply filters").click()
    expect(anon.get_by_role("heading", name=re.compile(r"^1 case study"))).to_be_visible()
    expect(anon.get_by_role("link", name=case_study.title)).to_be_visible()
    auditor.check(anon, js_enabled)
    anon.get_by_role("link", name="Showcase").first.click()
    expect(anon.get_by_role("heading", level=1)).to_have_text("Showcase")
    expect(anon.get_by_role("link", name=case_study.title)).to_be_visible()
    auditor.check(anon, js_enabled)
    expect(anon.get_by_text("How did you get the hostel")).to_have_count(0)
