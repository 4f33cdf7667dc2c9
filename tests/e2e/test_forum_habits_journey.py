"""Forum habits end to end in Chromium, with JavaScript on and off: preview, a draft restored
after leaving the page, a bookmark, an edit's history, a feed that validates as Atom, and a
private message with its notification and e-mail. Every page: axe, and no sideways scroll at
320 px."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from forum import services
from forum.models import Conversation, Draft, Post
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.forum.helpers import category, seasoned_member
from tests.forum.test_feeds import ATOM

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def check(page, auditor, js_enabled):
    """axe at both widths (the shared auditor), and no horizontal overflow at 320 px, measured
    on the page itself or, with JavaScript off, on the snapshot of what the browser received."""
    auditor.check(page, js_enabled)
    target = page
    if not js_enabled:
        html = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.S | re.I)
        target = auditor.scanner
        target.route(
            "**/__overflow__/", lambda route: route.fulfill(body=html, content_type="text/html")
        )
        target.goto(auditor.base_url + "/__overflow__/")
    original = target.viewport_size
    target.set_viewport_size({"width": 320, "height": 900})
    try:
        assert target.evaluate(OVERFLOW) <= 0, f"{page.url} scrolls sideways at 320 px"
    finally:
        if original:
            target.set_viewport_size(original)
        if not js_enabled:
            target.unroute("**/__overflow__/")


def test_preview_draft_bookmark_history_and_feed(new_page, auditor, js_enabled, live_server):
    cat = category(slug="in-work-support", name="In-work support")
    author = seasoned_member(username="ada.author", display_name="Ada Author")
    reader = seasoned_member(username="ben.reader", display_name="Ben Reader")
    thread = services.thread_create(
        author=author,
        category=cat,
        title="Night-shift check-ins",
        body="How do you keep in touch?",
        tags=["night shifts"],
    )

    page = new_page()
    sign_in(page, auditor, js_enabled, reader.email)
    page.goto(thread.get_absolute_url())
    check(page, auditor, js_enabled)

    # Preview: rendered on the server, nothing posted, the text kept.
    page.get_by_label("Your reply").fill("Texts at a **time they choose** work best.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#preview strong")).to_have_text("time they choose")
    expect(page.get_by_label("Your reply")).to_have_value(
        "Texts at a **time they choose** work best."
    )
    check(page, auditor, js_enabled)
    assert thread.posts.count() == 1

    # A draft survives leaving the page: autosaved with JavaScript, "Save draft" without.
    page.get_by_label("Your reply").fill("A longer answer I have not finished")
    if js_enabled:
        expect(page.locator("[data-draft-status]")).to_have_text("Draft saved.", timeout=10_000)
    else:
        page.get_by_role("button", name="Save draft").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Your draft is saved")
    page.goto("/forum/")
    page.goto(thread.get_absolute_url())
    expect(page.get_by_label("Your reply")).to_have_value("A longer answer I have not finished")
    expect(page.locator("[data-draft-status]")).to_contain_text("is restored")
    check(page, auditor, js_enabled)
    page.get_by_label("Your reply").fill("A finished answer: texts at a time they choose.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.locator("#post-2")).to_contain_text("A finished answer")
    assert not Draft.objects.filter(user=reader).exists()
    expect(page.get_by_label("Your reply")).to_have_value("")

    # A bookmark, found again on the list.
    page.get_by_role("button", name="Bookmark this thread").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Bookmarked")
    page.get_by_role("link", name="Your bookmarks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your bookmarks")
    expect(page.get_by_role("link", name="Night-shift check-ins")).to_be_visible()
    check(page, auditor, js_enabled)

    # An edit keeps the earlier version, which readers can open.
    reply = Post.objects.get(thread=thread, number=2)
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name=re.compile(r"^Edit your post 2")).click()
    page.get_by_label("Your message").fill("A finished answer, edited: texts at a chosen time.")
    page.get_by_role("button", name="Save changes").click()
    page.locator("#post-2").get_by_role("link", name=re.compile(r"^edited")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Versions of post 2")
    expect(page.get_by_role("main")).to_contain_text("A finished answer, edited")
    expect(page.get_by_role("main")).to_contain_text("A finished answer: texts at a time")
    check(page, auditor, js_enabled)
    assert reply.pk

    # The category's feed is linked, visibly and for feed readers, and is valid Atom.
    visitor = new_page()
    visitor.goto(cat.get_absolute_url())
    check(visitor, auditor, js_enabled)
    link = visitor.get_by_role("link", name="Follow new threads in In-work support (Atom feed)")
    href = link.get_attribute("href")
    assert visitor.locator(f'link[rel="alternate"][href="{href}"]').count() == 1
    response = visitor.request.get(live_server.url + href)
    assert response.headers["content-type"].startswith("application/atom+xml")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(response.body())  # noqa: S314 - the hub's own feed, in a test
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Night-shift check-ins"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(thread.get_absolute_url())


def test_private_message_with_notification_and_email(new_page, auditor, js_enabled, live_server):
    sender = seasoned_member(username="cara.sender", display_name="Cara Sender")
    recipient = seasoned_member(username="dev.recipient", display_name="Dev Recipient")

    page = new_page()
    sign_in(page, auditor, js_enabled, sender.email)
    page.goto("/forum/")
    page.get_by_role("link", name=re.compile(r"^Private messages")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Private messages")
    check(page, auditor, js_enabled)
    page.get_by_role("link", name="Start a conversation").click()
    check(page, auditor, js_enabled)
    page.get_by_label("To").fill("dev.recipient, no.such.member")
    page.get_by_label("Subject").fill("Sharing a referral route")
    page.get_by_label("Your message").fill("Could we talk about **housing** referrals?")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("no.such.member")
    expect(page.get_by_label("Your message")).to_have_value(
        "Could we talk about **housing** referrals?"
    )
    check(page, auditor, js_enabled)
    page.get_by_label("To").fill("dev.recipient")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sharing a referral route")
    expect(page.locator("article strong")).to_have_text("housing")
    check(page, auditor, js_enabled)
    conversation = Conversation.objects.get()

    # The recipient is notified on the site and by e-mail, reads and answers it.
    email = next(m for m in mail.outbox if recipient.email in m.to)
    assert "Cara Sender sent you a private message" in email.body
    other = new_page()
    sign_in(other, auditor, js_enabled, recipient.email)
    other.goto("/notifications/")
    expect(other.get_by_role("main")).to_contain_text("Cara Sender sent you a private message")
    check(other, auditor, js_enabled)
    other.goto(conversation.get_absolute_url())
    check(other, auditor, js_enabled)
    other.get_by_label("Your message").fill("Yes: Tuesday?")
    other.get_by_role("button", name="Send message").click()
    expect(other.get_by_role("main")).to_contain_text("Yes: Tuesday?")

    # Nobody else can open it.
    outsider = new_page()
    sign_in(outsider, auditor, js_enabled, seasoned_member().email)
    assert outsider.goto(conversation.get_absolute_url()).status == 404
