"""Search and the home page in Chromium, with JavaScript on and off."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from forum import services as forum_services
from forum.models import ThreadRead, Watch
from hub.base.models import Area, ClaimantGroup, Notification
from hub.site.pages import HomePage
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import CaseStudyFactory
from tests.forum.helpers import category, seasoned_member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORD = "pennyfarthing"


def _workshop_note(text: str, *, date: datetime.date) -> WorkshopPage:
    index = WorkshopIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=WorkshopIndexPage(title="Workshops", slug="workshop-notes")
    )
    page = index.add_child(
        instance=WorkshopPage(
            title="Leeds What Works workshop",
            slug="leeds-what-works",
            date=date,
            area=Area.objects.first(),
            summary="Advisers from five providers met to share practice on travel.",
            notes=[("what_was_shared", RichText(f"<p>{text}</p>"))],
        )
    )
    page.save_revision().publish()
    return page


def test_a_visitor_searches_from_the_header_finds_all_three_and_narrows_to_one_type(
    new_page, auditor, js_enabled, live_server
):
    group = ClaimantGroup.objects.first()
    case_study = CaseStudyFactory(
        title="Bicycle loans for a first job",
        body=f"We lent each starter a {WORD} bicycle for the first month.",
        claimant_groups=[group],
    )
    author = seasoned_member()
    thread = forum_services.thread_create(
        author=author, category=category(slug="travel"), title="Getting to work without a car",
        body="Buses do not run early enough for our shift workers.",
    )  # fmt: skip
    forum_services.post_create(author=author, thread=thread, body=f"A {WORD} loan helped ours.")
    note = _workshop_note(
        f"One provider described its {WORD} scheme.", date=datetime.date(2025, 5, 1)
    )

    page = new_page()
    page.goto("/")
    auditor.check(page, js_enabled)
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Search").click()
    page.get_by_role("main").get_by_role("searchbox", name="Search the hub").fill(WORD)
    page.get_by_role("main").get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", level=2, name=re.compile("3 results for"))).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name=case_study.title)).to_be_visible()
    expect(main.get_by_role("link", name=f"Reply in “{thread.title}”")).to_be_visible()
    expect(main.get_by_role("link", name=note.title)).to_be_visible()
    expect(main.locator("mark").first).to_have_text(re.compile(WORD, re.I))
    auditor.check(page, js_enabled)

    # Narrow to case studies, then by a facet.
    types = page.get_by_role("navigation", name="Show")
    types.get_by_role("link", name=re.compile(r"^Case studies")).click()
    expect(main.get_by_role("link", name=case_study.title)).to_be_visible()
    expect(main.get_by_role("link", name=note.title)).to_have_count(0)
    expect(main.get_by_role("link", name=re.compile("Reply in"))).to_have_count(0)
    auditor.check(page, js_enabled)
    page.get_by_role("checkbox", name=re.compile(re.escape(group.name))).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(f"group={group.slug}"))
    expect(main.get_by_role("link", name=case_study.title)).to_be_visible()
    auditor.check(page, js_enabled)

    # Every type from the search page's own box; the workshop note opens from its result.
    page.get_by_role("link", name=re.compile(r"^All results")).click()
    main.get_by_role("link", name=note.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(note.title)


def test_an_empty_search_gives_guidance_and_a_miss_gives_suggestions(
    new_page, auditor, js_enabled, live_server
):
    page = new_page()
    page.goto("/search/")
    expect(page.get_by_role("heading", name="What you can find")).to_be_visible()
    auditor.check(page, js_enabled)
    page.get_by_role("main").get_by_role("searchbox", name="Search the hub").fill("zzyzxnothing")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page.get_by_role("main")).to_contain_text("Nothing on the hub matches")
    auditor.check(page, js_enabled)


def test_the_home_page_for_a_visitor_and_for_a_signed_in_member(
    new_page, auditor, js_enabled, live_server
):
    member = seasoned_member()
    other = seasoned_member()
    CaseStudyFactory(title="A newly published approach")
    cat = category(slug="general")
    watched = forum_services.thread_create(
        author=other, category=cat, title="Travel passes for interviews", body="How do you pay?"
    )
    forum_services.post_create(author=other, thread=watched, body="We use a petty cash float.")
    Watch.objects.create(user=member, thread=watched)
    ThreadRead.objects.create(user=member, thread=watched, last_read_number=1)
    Notification.objects.create(
        recipient=member, kind="forum.reply", message="Someone replied to your thread",
        url=watched.get_absolute_url(),
    )  # fmt: skip
    _workshop_note("Notes to follow.", date=timezone.localdate() + datetime.timedelta(days=14))

    page = new_page()
    page.goto("/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="New here?")).to_be_visible()
    expect(main.get_by_role("link", name="A newly published approach")).to_be_visible()
    expect(main.get_by_role("link", name="Leeds What Works workshop")).to_be_visible()
    expect(main.get_by_role("link", name="Travel passes for interviews")).to_be_visible()
    auditor.check(page, js_enabled)

    sign_in(page, auditor, js_enabled, member.email)
    page.goto("/")
    expect(main.get_by_role("heading", name="Your notifications")).to_be_visible()
    expect(main.get_by_role("link", name="Someone replied to your thread")).to_be_visible()
    watched_panel = main.get_by_role("region", name="Threads you watch")
    expect(watched_panel.get_by_role("link", name="Travel passes for interviews")).to_be_visible()
    expect(watched_panel).to_contain_text("1 new post")
    auditor.check(page, js_enabled)
