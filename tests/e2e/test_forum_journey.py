"""The forum journey end to end in Chromium, with JavaScript on and off."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from forum.models import Post, Thread
from tests.e2e.conftest import account_menu
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import moderator
from tests.forum.helpers import category, new_member, seasoned_member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_start_reply_quote_mention_notify_flag_hide_limit_and_access(
    new_page, auditor, js_enabled, live_server
):
    public = category(slug="in-work-support", name="In-work support")
    private = category(slug="supply-chain", name="Supply chain and contracting", access="members")
    starter = seasoned_member(username="ada.starter", display_name="Ada Starter")
    replier = seasoned_member(username="ben.replier", display_name="Ben Replier")
    mod = moderator(display_name="Mo Moderator")

    # A member starts a thread; the first try has no title.
    page = new_page()
    sign_in(page, auditor, js_enabled, starter.email)
    page.goto("/forum/")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="In-work support", exact=True).click()
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Start a thread").click()
    auditor.check(page, js_enabled)
    page.get_by_label("Your message").fill("How do you keep in touch with people on night shifts?")
    page.get_by_role("button", name="Start thread").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a title")
    expect(page.get_by_label("Your message")).to_have_value(
        "How do you keep in touch with people on night shifts?"
    )
    auditor.check(page, js_enabled)
    page.get_by_label("Title").fill("In-work support for night-shift workers")
    page.get_by_role("button", name="Start thread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "In-work support for night-shift workers"
    )
    auditor.check(page, js_enabled)
    thread = Thread.objects.get()

    # Another member replies, quoting it and mentioning the first.
    other = new_page()
    sign_in(other, auditor, js_enabled, replier.email)
    other.goto(thread.get_absolute_url())
    auditor.check(other, js_enabled)
    other.get_by_role("link", name=re.compile(r"^Quote post 1")).click()
    auditor.check(other, js_enabled)
    body = other.get_by_label("Your reply")
    expect(body).to_have_value(re.compile(r"^> How do you keep in touch"))
    body.fill(body.input_value() + "Texts at a time they choose, @ada.starter.")
    other.get_by_role("button", name="Post reply").click()
    expect(other.locator("#post-2")).to_contain_text("Texts at a time they choose")
    expect(other.locator("#post-2 blockquote")).to_contain_text("How do you keep in touch")
    auditor.check(other, js_enabled)

    # The first member is notified, and emailed with a working unsubscribe link.
    page.goto("/")
    expect(page.locator(".hub-header__dropdown .hub-count")).to_contain_text("1")
    account_menu(page).get_by_role("link", name="Notifications (1 unread)").click()
    expect(page.get_by_role("main")).to_contain_text("Ben Replier mentioned you")
    auditor.check(page, js_enabled)
    email = next(m for m in mail.outbox if starter.email in m.to and "mentioned you" in m.body)
    link = re.search(r"https?://\S+/notifications/unsubscribe/\S+/", email.body).group(0)
    visitor = new_page()
    visitor.goto(urlsplit(link).path)
    auditor.check(visitor, js_enabled)
    visitor.get_by_role("button", name=re.compile("(Stop|Unsubscribe)")).click()
    expect(visitor.get_by_role("main")).to_contain_text(re.compile("(no longer|won't|will not)"))
    auditor.check(visitor, js_enabled)

    # The first member reports the reply; a moderator hides it with a reason.
    reply = Post.objects.get(number=2)
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name=re.compile(r"^Report post 2")).click()
    auditor.check(page, js_enabled)
    page.get_by_label("What is wrong with this post?").fill("It names a participant's employer.")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("A moderator will look")
    auditor.check(page, js_enabled)
    mod_page = new_page()
    sign_in(mod_page, auditor, js_enabled, mod.email)
    mod_page.goto(thread.get_absolute_url())
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_role("link", name=re.compile(r"^Hide post 2")).click()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_role("button", name="Hide post").click()
    expect(mod_page.locator(".govuk-error-summary")).to_be_visible()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_label("Why are you hiding this post?").fill("It could identify a participant.")
    mod_page.get_by_role("button", name="Hide post").click()
    expect(mod_page.locator("#post-2")).to_contain_text("It could identify a participant.")
    auditor.check(mod_page, js_enabled)
    # Readers see only the reason; its author still sees the post, with the reason.
    page.goto(thread.get_absolute_url())
    expect(page.locator("#post-2")).to_contain_text(
        "A moderator hid post 2: It could identify a participant."
    )
    expect(page.locator("#post-2")).not_to_contain_text("Texts at a time they choose")
    other.goto(thread.get_absolute_url())
    expect(other.locator("#post-2")).to_contain_text(
        "only you and the moderators see it. The moderator's reason: "
        "It could identify a participant."
    )
    expect(other.locator("#post-2")).to_contain_text("Texts at a time they choose")
    reply.refresh_from_db()
    assert reply.hidden_at is not None

    # A brand-new member hits a posting limit and is told what to do.
    newcomer = new_member(display_name="Nell Newcomer")
    fresh = new_page()
    sign_in(fresh, auditor, js_enabled, newcomer.email)
    fresh.goto(thread.get_absolute_url())
    fresh.get_by_label("Your reply").fill("Hello, I'm new here.")
    fresh.get_by_role("button", name="Post reply").click()
    expect(fresh.locator(".govuk-notification-banner")).to_contain_text("reply is posted")
    fresh.get_by_label("Your reply").fill("And one more thing.")
    fresh.get_by_role("button", name="Post reply").click()
    expect(fresh.locator(".govuk-error-summary")).to_contain_text(
        "New members wait 15 seconds between posts"
    )
    expect(fresh.get_by_label("Your reply")).to_have_value("And one more thing.")
    auditor.check(fresh, js_enabled)

    # An anonymous visitor reads the public category and is refused the members-only one.
    anon = new_page()
    anon.goto("/forum/")
    anon.get_by_role("link", name="In-work support", exact=True).click()
    expect(anon.get_by_role("link", name="In-work support for night-shift workers")).to_be_visible()
    auditor.check(anon, js_enabled)
    anon.get_by_role("link", name="In-work support for night-shift workers").click()
    expect(anon.get_by_role("heading", level=1)).to_have_text(
        "In-work support for night-shift workers"
    )
    auditor.check(anon, js_enabled)
    response = anon.goto(private.get_absolute_url())
    assert response.status == 403
    expect(anon.get_by_role("heading", level=1)).to_contain_text("for signed-in members")
    auditor.check(anon, js_enabled)
    assert public.pk != private.pk
