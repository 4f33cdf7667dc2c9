"""'What Works' workshop notes end to end in Chromium, with JavaScript on and off: a member
proposes notes, a moderator approves them on the review page, they appear on the index and the
member is notified; a visitor filters the index and downloads a calendar file."""

import datetime

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hub.base.models import Area, Theme
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, member_of, moderator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _publish(title, *, days, area_code, theme_slug, start=None):
    page = WorkshopPage(
        title=title,
        date=timezone.localdate() + datetime.timedelta(days=days),
        start_time=start,
        end_time=datetime.time(start.hour + 2) if start else None,
        venue="Civic Centre",
        area=Area.objects.get(code=area_code),
        summary=f"What {title} is about.",
    )
    page.themes = [Theme.objects.get(slug=theme_slug)]
    WorkshopIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_propose_approve_notify_filter_and_download_the_calendar(
    new_page, auditor, js_enabled, live_server
):
    organisation = OrganisationFactory(name="Wearside Advice Partnership")
    member = member_of(organisation)
    mod = moderator()
    _publish(
        "Upcoming engagement session", days=10, area_code="CPA5",
        theme_slug="engagement-and-attendance", start=datetime.time(10),
    )  # fmt: skip
    _publish("Upcoming London session", days=12, area_code="CPA4", theme_slug="digital-inclusion")
    _publish("Past London session", days=-20, area_code="CPA4", theme_slug="digital-inclusion")
    today = timezone.localdate()

    # A member proposes notes; a wrong date is shown beside the field, and nothing typed is lost.
    page = new_page()
    sign_in(page, auditor, js_enabled, member.email)
    page.goto("/workshops/")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Propose workshop notes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose workshop notes")
    auditor.check(page, js_enabled)
    page.get_by_label("Title", exact=True).fill("Job clubs in libraries")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_label("Local area").select_option(label="North East")
    page.get_by_label("Young people").check()
    page.get_by_label("Summary").fill("Three providers compared job clubs run in libraries.")
    page.get_by_label("What was shared").fill("Library clubs reached **new** people.")
    page.get_by_label("Actions agreed").fill("- Ask the library for a second room")
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_text("must be a real date").first).to_be_visible()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Job clubs in libraries")
    auditor.check(page, js_enabled)
    page.get_by_label("Day").fill(str((today - datetime.timedelta(days=2)).day))
    page.get_by_label("Month").fill(str((today - datetime.timedelta(days=2)).month))
    page.get_by_label("Year").fill(str((today - datetime.timedelta(days=2)).year))
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your workshop proposals")
    expect(page.get_by_text("In review", exact=True)).to_be_visible()
    auditor.check(page, js_enabled)
    proposal = WorkshopPage.objects.get(proposed_by=member)
    assert not proposal.live and proposal.date == today - datetime.timedelta(days=2)

    # A moderator approves it on the site's review page, with a comment.
    reviewer = new_page()
    sign_in(reviewer, auditor, js_enabled, mod.email)
    reviewer.goto("/workshops/review/")
    auditor.check(reviewer, js_enabled)
    reviewer.get_by_role("link", name="Job clubs in libraries").click()
    auditor.check(reviewer, js_enabled)
    reviewer.get_by_label("Approve and publish").check()
    reviewer.get_by_label("Comment for the member").fill("Thank you, useful notes.")
    reviewer.get_by_role("button", name="Send decision").click()
    expect(reviewer.get_by_text("is approved and published")).to_be_visible()
    auditor.check(reviewer, js_enabled)
    proposal.refresh_from_db()
    assert proposal.live

    # The member hears of it.
    page.goto("/notifications/")
    expect(page.get_by_text("Thank you, useful notes.").first).to_be_visible()
    auditor.check(page, js_enabled)

    # A visitor finds the note, filters the index and downloads the upcoming workshops.
    visitor = new_page()
    visitor.goto("/workshops/")
    auditor.check(visitor, js_enabled)
    expect(visitor.get_by_role("link", name="Job clubs in libraries", exact=True)).to_be_visible()
    visitor.get_by_label("Area").select_option(label="London East")
    visitor.get_by_role("button", name="Apply filters").click()
    expect(visitor.get_by_role("link", name="Upcoming London session", exact=True)).to_be_visible()
    expect(visitor.get_by_role("link", name="Past London session", exact=True)).to_be_visible()
    engagement = visitor.get_by_role("link", name="Upcoming engagement session", exact=True)
    expect(engagement).to_have_count(0)
    expect(visitor.get_by_role("link", name="Job clubs in libraries", exact=True)).to_have_count(0)
    auditor.check(visitor, js_enabled)
    visitor.get_by_role("link", name="Clear filters").click()
    auditor.check(visitor, js_enabled)
    with visitor.expect_download() as download:
        visitor.get_by_role(
            "link", name="Add all upcoming workshops to your calendar (.ics)"
        ).click()
    assert download.value.suggested_filename.endswith(".ics")
    cal = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    assert summaries == ["Upcoming London session", "Upcoming engagement session"]
    timed = next(e for e in cal.walk("VEVENT") if "engagement" in str(e["SUMMARY"]))
    assert timed.decoded("DTSTART").hour == 10

    # The workshop's own page, with its own calendar link.
    visitor.get_by_role("link", name="Upcoming engagement session", exact=True).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Upcoming engagement session")
    auditor.check(visitor, js_enabled)
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="Add to your calendar (.ics)").click()
    (event,) = icalendar.Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Upcoming engagement session"
    assert not page.console_errors and not visitor.console_errors
