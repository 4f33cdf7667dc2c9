"""Notifications: on the site and by email, as each member chooses, with one-click unsubscribe."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import signing
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hub.base import notifications
from hub.base.models import Notification, NotificationPreference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KIND = "organisation.join_request"
OTHER_KIND = "organisation.join_decision"


@pytest.fixture
def registry(monkeypatch):
    """A copy of the kind registry, so a test can register kinds without leaking them."""
    monkeypatch.setattr(notifications, "_kinds", dict(notifications._kinds))
    return notifications


def _notify(recipient, *, kind=KIND, actor=None, message="Sam Patel asked to join Hillside."):
    return notifications.notify(
        recipient=recipient, kind=kind, actor=actor, message=message, url="/organisations/x/"
    )


def _unsubscribe_url(user, kind=KIND):
    token = notifications.unsubscribe_token(user, kind)
    return reverse("notification_unsubscribe", kwargs={"token": token})


def _every_kind_on():
    """The preferences form filled in with every registered kind on the site and emailed."""
    data = {}
    for kind in notifications.kinds():
        prefix = re.sub(r"[^a-z0-9]+", "-", kind.key)
        data[f"{prefix}-in_app"] = "on"
        data[f"{prefix}-email"] = "immediately"
    return data


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


# notify()


def test_notify_creates_a_notification_and_an_email_with_one_click_unsubscribe(
    mailoutbox, django_capture_on_commit_callbacks
):
    recipient, actor = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify(recipient, actor=actor)

    assert notification == Notification.objects.get(recipient=recipient)
    assert notification.kind == KIND
    assert notification.actor == actor
    assert notification.is_unread
    [email] = mailoutbox
    assert email.to == [recipient.email]
    assert (
        email.subject == f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Sam Patel asked to join Hillside."
    )
    unsubscribe = f"{settings.SITE_URL}{_unsubscribe_url(recipient)}"
    assert "Sam Patel asked to join Hillside." in email.body
    assert f"{settings.SITE_URL}/organisations/x/" in email.body
    assert f"{settings.SITE_URL}{reverse('notification_preferences')}" in email.body
    assert unsubscribe in email.body
    assert email.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_email_text_is_not_html_escaped(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(UserFactory(), message="O'Brien & Daughters asked to join <Hillside>.")
    assert "O'Brien & Daughters asked to join <Hillside>." in mailoutbox[0].body
    assert mailoutbox[0].subject.endswith("O'Brien & Daughters asked to join <Hillside>.")


def test_email_waits_for_the_transaction_and_a_rollback_sends_nothing(
    mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                _notify(recipient)
                assert mailoutbox == []
                raise RuntimeError("the action failed")
        except RuntimeError:
            pass
    assert mailoutbox == []
    assert not Notification.objects.filter(recipient=recipient).exists()


def test_actor_is_not_notified_of_their_own_action(mailoutbox, django_capture_on_commit_callbacks):
    member = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(member, actor=member) is None
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_inactive_member_is_not_notified(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(UserFactory(is_active=False)) is None
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_member_without_an_email_address_is_still_notified_on_the_site(
    mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory(email="", verified_email=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(recipient) is not None
    assert mailoutbox == []


def test_unregistered_kind_is_refused():
    with pytest.raises(ValueError, match="Unregistered"):
        _notify(UserFactory(), kind="no.such.kind")


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/", "organisations/"])
def test_notification_must_link_to_a_path_on_the_site(url):
    with pytest.raises(ValueError):
        notifications.notify(recipient=UserFactory(), kind=KIND, message="Hi", url=url)


def test_long_messages_are_cut_to_fit():
    notification = _notify(UserFactory(), message="word " * 200)
    assert len(notification.message) == 300


def test_registering_a_kind_twice_differently_is_refused(registry):
    registry.register_kind("test.thing", label="A thing", description="When a thing happens.")
    registry.register_kind("test.thing", label="A thing", description="When a thing happens.")
    with pytest.raises(ValueError):
        registry.register_kind("test.thing", label="Another", description="Different.")
    assert [k.key for k in registry.kinds()][-1] == "test.thing"


# Preferences


def test_kind_turned_off_on_the_site_makes_no_notification(
    mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory()
    notifications.preferences_set(user=recipient, values={KIND: (False, "immediately")})
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(recipient) is None
    assert not Notification.objects.exists()
    assert len(mailoutbox) == 1  # still emailed, as chosen


def test_kind_with_email_never_sends_no_email(mailoutbox, django_capture_on_commit_callbacks):
    recipient = UserFactory()
    notifications.preferences_set(user=recipient, values={KIND: (True, "never")})
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(recipient) is not None
    assert mailoutbox == []


def test_kind_whose_email_default_is_off_is_not_emailed_until_chosen(
    registry, mailoutbox, django_capture_on_commit_callbacks
):
    registry.register_kind(
        "test.quiet", label="Quiet", description="Rarely matters.", email_default=False
    )
    recipient = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(recipient, kind="test.quiet")
    assert mailoutbox == []
    notifications.preferences_set(user=recipient, values={"test.quiet": (True, "immediately")})
    with django_capture_on_commit_callbacks(execute=True):
        _notify(recipient, kind="test.quiet")
    assert len(mailoutbox) == 1


def test_preferences_page_lists_every_kind_with_labelled_controls(client):
    client.force_login(UserFactory())
    response = client.get(reverse("notification_preferences"))
    assert response.status_code == 200
    soup = _soup(response)
    headings = [h.get_text(strip=True) for h in soup.select("legend h2")]
    assert headings == [kind.label for kind in notifications.kinds()]
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    for control in soup.select("main input:not([type=hidden])"):
        assert soup.select_one(f"label[for='{control['id']}']") is not None


def test_preferences_page_saves_choices(client):
    member = UserFactory()
    client.force_login(member)
    data = _every_kind_on()
    del data["organisation-join-request-in_app"]
    data["organisation-join-request-email"] = "never"
    response = client.post(reverse("notification_preferences"), data)
    assert response.status_code == 302
    by_key = {
        kind.key: (on_site, email) for kind, on_site, email in notifications.preferences_for(member)
    }
    assert by_key[KIND] == (False, "never")
    assert by_key[OTHER_KIND] == (True, "immediately")
    page = _soup(client.get(reverse("notification_preferences")))
    assert not page.select_one("#id_organisation-join-request-in_app").has_attr("checked")
    assert page.select_one("#id_organisation-join-request-email_2").has_attr("checked")  # never


def test_preferences_page_refuses_an_unknown_email_choice(client):
    member = UserFactory()
    client.force_login(member)
    data = _every_kind_on()
    data["organisation-join-request-email"] = "hourly"
    response = client.post(reverse("notification_preferences"), data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=member).exists()


def test_preferences_page_needs_sign_in(client):
    response = client.get(reverse("notification_preferences"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# Unsubscribe


def test_unsubscribe_link_works_without_signing_in(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory()
    url = _unsubscribe_url(recipient)

    page = client.get(url)
    assert page.status_code == 200
    assert "Stop emails about ‘Someone asks to join your organisation’?" in page.content.decode()
    assert not NotificationPreference.objects.exists()  # looking changes nothing

    done = client.post(url)
    assert done.status_code == 200
    html = done.content.decode()
    assert "Emails stopped" in html
    assert reverse("notification_preferences") in html

    with django_capture_on_commit_callbacks(execute=True):
        _notify(recipient)
        _notify(recipient, kind=OTHER_KIND)
    assert Notification.objects.filter(recipient=recipient).count() == 2  # still on the site
    assert [m.subject for m in mailoutbox] == [
        f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Sam Patel asked to join Hillside."
    ]  # only the other kind was emailed


def test_one_click_unsubscribe_post_needs_no_csrf_token(mailoutbox):
    recipient = UserFactory()
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        _unsubscribe_url(recipient),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    [(kind, _, email)] = [p for p in notifications.preferences_for(recipient) if p[0].key == KIND]
    assert email == "never"


def test_unsubscribing_twice_is_harmless(client):
    recipient = UserFactory()
    url = _unsubscribe_url(recipient)
    assert client.post(url).status_code == 200
    assert client.post(url).status_code == 200
    assert NotificationPreference.objects.filter(user=recipient).count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_unsubscribe_token_is_refused_cleanly(client, method):
    recipient, victim = UserFactory(), UserFactory()
    token = notifications.unsubscribe_token(recipient, KIND)
    payload = json.dumps({"u": victim.pk, "k": None}, separators=(",", ":")).encode()
    forged = f"{signing.b64_encode(payload).decode()}:{token.rsplit(':', 1)[1]}"
    for bad in (forged, "nonsense", token[:-3]):
        url = reverse("notification_unsubscribe", kwargs={"token": bad})
        response = getattr(client, method)(url)
        assert response.status_code == 404
        assert "This unsubscribe link does not work" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_token_signed_for_something_else_is_refused():
    other = signing.Signer(salt="some.other.purpose").sign_object(
        {"u": UserFactory().pk, "k": KIND}
    )
    with pytest.raises(notifications.BadUnsubscribeToken):
        notifications.unsubscribe_target(other)


def test_unsubscribe_from_all_also_stops_kinds_registered_later(
    registry, client, mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory()
    url = _unsubscribe_url(recipient, kind=None)
    assert "Stop all emails from the hub?" in client.get(url).content.decode()
    client.post(url)
    registry.register_kind("test.later", label="Later", description="Added after.")
    with django_capture_on_commit_callbacks(execute=True):
        _notify(recipient)
        _notify(recipient, kind="test.later")
    assert mailoutbox == []
    assert notifications.all_email_stopped(recipient)


def test_choosing_email_again_lifts_a_stop_on_all_email(
    registry, client, mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory()
    notifications.unsubscribe_from_token(notifications.unsubscribe_token(recipient, None))
    notifications.preferences_set(user=recipient, values={KIND: (True, "immediately")})
    registry.register_kind("test.later", label="Later", description="Added after.")
    with django_capture_on_commit_callbacks(execute=True):
        _notify(recipient, kind="test.later")
        _notify(recipient, kind=OTHER_KIND)
    assert len(mailoutbox) == 1  # the new kind's default; the other kind stays stopped
    assert not notifications.all_email_stopped(recipient)


# The list, open and mark as read


def test_notification_list_shows_own_notifications_newest_first_with_unread_marked(client):
    member = UserFactory()
    older = _notify(member, message="Older news.")
    Notification.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=1), read_at=timezone.now()
    )
    _notify(member, message="Newer news.")
    _notify(UserFactory(), message="Someone else's news.")
    client.force_login(member)

    response = client.get(reverse("notification_list"))
    assert response.status_code == 200
    items = _soup(response).select("main li.hub-result")
    assert [li.a.get_text(strip=True) for li in items] == ["Newer news.", "Older news."]
    assert items[0].select_one(".govuk-tag").get_text(strip=True) == "New"
    assert items[0].select_one("button").get_text(" ", strip=True).startswith("Mark as read")
    assert items[1].select_one(".govuk-tag") is None
    assert items[1].select_one("button") is None
    assert "Someone else" not in response.content.decode()


def test_notification_list_needs_sign_in(client):
    response = client.get(reverse("notification_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_notification_list_query_count_does_not_grow_with_notifications(
    client, django_assert_max_num_queries
):
    member = UserFactory()
    client.force_login(member)
    for n in range(2):
        _notify(member, message=f"News {n}.")
    with django_assert_max_num_queries(10) as few:
        assert client.get(reverse("notification_list")).status_code == 200
    for n in range(18):
        _notify(member, message=f"More news {n}.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("notification_list"))
    assert len(_soup(response).select("main li.hub-result")) == 20


def test_notification_list_is_paginated(client, settings):
    settings.HUB_PAGE_SIZE = 2
    member = UserFactory()
    for n in range(3):
        _notify(member, message=f"News {n}.")
    client.force_login(member)
    second = client.get(reverse("notification_list"), {"page": 2})
    assert len(_soup(second).select("main li.hub-result")) == 1
    assert "(page 2)" in _soup(second).title.get_text()


def test_opening_a_notification_marks_it_read_and_follows_its_link(client):
    member = UserFactory()
    notification = _notify(member)
    client.force_login(member)
    response = client.get(reverse("notification_open", kwargs={"pk": notification.pk}))
    assert response.status_code == 302
    assert response["Location"] == "/organisations/x/"
    notification.refresh_from_db()
    assert not notification.is_unread


def test_opening_a_notification_never_leaves_the_site(client):
    member = UserFactory()
    notification = Notification.objects.create(
        recipient=member, kind=KIND, message="Sneaky", url="//evil.example/"
    )
    client.force_login(member)
    response = client.get(reverse("notification_open", kwargs={"pk": notification.pk}))
    assert response["Location"] == reverse("notification_list")


def test_another_member_cannot_open_or_mark_someone_elses_notification(client):
    notification = _notify(UserFactory())
    client.force_login(UserFactory())
    pk = {"pk": notification.pk}
    assert client.get(reverse("notification_open", kwargs=pk)).status_code == 404
    assert client.post(reverse("notification_mark_read", kwargs=pk)).status_code == 404
    client.post(reverse("notification_mark_read"))
    notification.refresh_from_db()
    assert notification.is_unread


def test_mark_one_as_read_keeps_the_others_unread(client):
    member = UserFactory()
    first, second = _notify(member), _notify(member)
    client.force_login(member)
    response = client.post(
        reverse("notification_mark_read", kwargs={"pk": first.pk}),
        {"next": reverse("notification_list") + "?page=1"},
    )
    assert response["Location"] == reverse("notification_list") + "?page=1"
    first.refresh_from_db(), second.refresh_from_db()
    assert not first.is_unread
    assert second.is_unread


def test_mark_all_as_read_marks_only_your_own(client):
    member, other = UserFactory(), UserFactory()
    for _ in range(3):
        _notify(member)
    theirs = _notify(other)
    client.force_login(member)
    response = client.post(reverse("notification_mark_read"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("notification_list")
    assert notifications.unread_count(member) == 0
    theirs.refresh_from_db()
    assert theirs.is_unread


def test_mark_read_needs_a_post(client):
    member = UserFactory()
    client.force_login(member)
    assert client.get(reverse("notification_mark_read")).status_code == 405


# The header


def test_header_shows_the_unread_count_to_the_signed_in_member(client):
    member = UserFactory()
    client.force_login(member)
    header = _soup(client.get("/organisations/")).select_one("header")
    link = header.find("a", href=reverse("notification_list"))
    assert link.get_text(" ", strip=True) == "Notifications"
    assert link.select_one(".hub-count") is None

    for _ in range(3):
        _notify(member)
    header = _soup(client.get("/organisations/")).select_one("header")
    link = header.find("a", href=reverse("notification_list"))
    assert link.get_text(" ", strip=True) == "Notifications (3 unread)"
    account = header.select_one(".hub-header__dropdown > summary")
    assert account.get_text(" ", strip=True) == "Account 3 unread notifications"
    assert account.select_one(".hub-count").get_text(" ", strip=True).startswith("3")


def test_header_has_no_notifications_link_when_signed_out(client):
    header = _soup(client.get("/organisations/")).select_one("header")
    assert header.find("a", href=reverse("notification_list")) is None


def test_unread_count_is_one_query_then_cached_until_the_members_notifications_change():
    member, other = UserFactory(), UserFactory()
    first = _notify(member)
    with CaptureQueriesContext(connection) as queries:
        assert notifications.unread_count(member) == 1
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert notifications.unread_count(member) == 1
    assert len(queries) == 0  # every signed-in page's header: no query
    _notify(other)  # someone else's notification leaves this member's count cached
    with CaptureQueriesContext(connection) as queries:
        assert notifications.unread_count(member) == 1
    assert len(queries) == 0
    second = _notify(member)
    assert notifications.unread_count(member) == 2
    notifications.mark_read(user=member, ids=[first.pk])  # an update(): no signal
    assert notifications.unread_count(member) == 1
    second.delete()
    assert notifications.unread_count(member) == 0


# Grouped by day, with a "mark these as read" for each day.


class _Row:
    def __init__(self, pk, created_at, read=False, kind=KIND):
        self.pk, self.created_at, self.kind = pk, created_at, kind
        self.read_at = created_at if read else None


def test_group_by_day_heads_today_yesterday_and_older_days_and_counts_unread():
    import datetime

    tz = timezone.get_current_timezone()
    at = lambda d, h: datetime.datetime(2026, 12, d, h, tzinfo=tz)  # noqa: E731
    rows = [_Row(5, at(3, 9)), _Row(4, at(3, 8), read=True), _Row(3, at(2, 20)),
            _Row(2, at(1, 7)), _Row(1, at(1, 6), kind="no.such.kind")]  # fmt: skip
    days = notifications.group_by_day(rows, today=datetime.date(2026, 12, 3))
    assert [d.label for d in days] == ["Today", "Yesterday", "Tuesday 1 December 2026"]
    assert [[r.pk for r in d.items] for d in days] == [[5, 4], [3], [2, 1]]
    assert [d.unread_ids for d in days] == [[5], [3], [2, 1]]
    assert rows[0].kind_label == notifications.get_kind(KIND).label
    assert rows[-1].kind_label == ""


def test_a_day_with_several_unread_has_one_button_that_marks_only_them(client):
    member = UserFactory()
    today = [_notify(member, message=f"Today {n}.") for n in range(3)]
    old = _notify(member, message="Last week.")
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=7)
    )
    someone_else = _notify(UserFactory(), message="Not yours.")
    client.force_login(member)

    soup = _soup(client.get(reverse("notification_list")))
    sections = soup.select("main section.hub-notification-day")
    assert sections[0].h2.get_text(" ", strip=True).startswith("Today")
    buttons = sections[0].select("button")
    assert len(buttons) == 1 and buttons[0].get_text(" ", strip=True).startswith("Mark these 3")
    assert sections[0].select_one(".hub-meta").get_text(strip=True)

    ids = [str(n.pk) for n in today[:2]] + [str(someone_else.pk)]
    client.post(reverse("notification_mark_read"), {"id": ids})
    unread = set(Notification.objects.filter(read_at__isnull=True).values_list("pk", flat=True))
    assert unread == {today[2].pk, old.pk, someone_else.pk}
