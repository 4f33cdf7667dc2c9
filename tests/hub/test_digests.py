"""The daily digest: one email a day, from a background task, listing the unread notifications of
the kinds a member chose to get that way."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hub.base import digests, notifications
from hub.base.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DAILY_KIND = "test.digest_daily"
IMMEDIATE_KIND = "test.digest_immediate"


@pytest.fixture(autouse=True)
def registry(monkeypatch):
    """Two test kinds in a copy of the registry, so nothing here depends on the forum's kinds."""
    monkeypatch.setattr(notifications, "_kinds", dict(notifications._kinds))
    notifications.register_kind(DAILY_KIND, label="Daily thing", description="Digested.")
    notifications.register_kind(IMMEDIATE_KIND, label="Urgent thing", description="At once.")
    return notifications


@pytest.fixture
def run_digests(capsys):
    """Run the digests as cron does: the command queues the background task (run at once here)."""

    def run():
        call_command("send_digests")
        return capsys.readouterr().out

    return run


def _member(*, daily_on_site=True):
    member = UserFactory()
    notifications.preferences_set(
        user=member,
        values={DAILY_KIND: (daily_on_site, "daily"), IMMEDIATE_KIND: (True, "immediately")},
    )
    return member


def _notify(recipient, message, *, kind=DAILY_KIND, ago=None, url="/cases/1/"):
    notifications.notify(recipient=recipient, kind=kind, message=message, url=url)
    notification = Notification.objects.get(recipient=recipient, message=message)
    if ago is not None:
        notification.created_at = timezone.now() - ago
        notification.save(update_fields=["created_at"])
    return notification


def _listed(body):
    """The notification messages a digest email lists, in order."""
    return re.findall(r"^(News .+)$", body, flags=re.MULTILINE)


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_digest_task_emails_exactly_the_unread_activity_of_daily_kinds_once(
    mailoutbox, django_capture_on_commit_callbacks, run_digests
):
    member, idle = _member(), _member()
    with django_capture_on_commit_callbacks(execute=True):
        older = _notify(member, "News older", ago=datetime.timedelta(hours=5))
        newer = _notify(member, "News newer", ago=datetime.timedelta(hours=1))
        read = _notify(member, "News already read", ago=datetime.timedelta(hours=3))
        urgent = _notify(member, "News urgent", kind=IMMEDIATE_KIND)
        idle_read = _notify(idle, "News idle has read")
    assert [m.subject.split("] ")[1] for m in mailoutbox] == ["News urgent"]
    notifications.mark_read(user=member, ids=[read.pk])
    notifications.mark_read(user=idle, ids=[idle_read.pk])
    mailoutbox.clear()

    assert "1 email queued" in run_digests()

    [email] = mailoutbox
    assert email.to == [member.email]
    assert email.subject == (
        f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}"
        "Your daily digest: 2 notifications you have not read"
    )
    assert _listed(email.body) == ["News newer", "News older"]
    assert f"{settings.SITE_URL}/cases/1/" in email.body
    assert f"{settings.SITE_URL}{reverse('notification_preferences')}" in email.body
    assert "more:" not in email.body
    token = notifications.unsubscribe_token(member, notifications.DAILY_DIGEST.key)
    unsubscribe = settings.SITE_URL + reverse("notification_unsubscribe", args=[token])
    assert f"Stop the daily digest: {unsubscribe}" in email.body
    assert email.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    digested = set(Notification.objects.filter(digested_at__isnull=False).values_list("pk"))
    assert digested == {(older.pk,), (newer.pk,)}
    for untouched in (read, urgent, idle_read):
        untouched.refresh_from_db()
        assert untouched.digested_at is None

    mailoutbox.clear()
    assert "0 emails queued" in run_digests()
    assert mailoutbox == []


def test_a_daily_kind_sends_no_email_when_it_happens_and_shows_on_the_site(
    mailoutbox, django_capture_on_commit_callbacks
):
    member = _member()
    with django_capture_on_commit_callbacks(execute=True):
        notification = notifications.notify(
            recipient=member, kind=DAILY_KIND, message="News", url="/cases/1/"
        )
    assert mailoutbox == []
    assert notification.in_app
    assert notification.for_digest
    assert notification.digested_at is None
    assert notifications.unread_count(member) == 1


def test_daily_digest_without_the_site_keeps_a_hidden_row_only_the_digest_lists(
    client, mailoutbox, django_capture_on_commit_callbacks, run_digests
):
    member = _member(daily_on_site=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            notifications.notify(
                recipient=member, kind=DAILY_KIND, message="News hidden", url="/cases/1/"
            )
            is None
        )
    hidden = Notification.objects.get(recipient=member)
    assert not hidden.in_app
    assert notifications.unread_count(member) == 0

    client.force_login(member)
    assert "News hidden" not in client.get(reverse("notification_list")).content.decode()
    assert client.get(reverse("notification_open", args=[hidden.pk])).status_code == 404
    client.post(reverse("notification_mark_read"))  # 'mark all as read' leaves it for the digest
    hidden.refresh_from_db()
    assert hidden.is_unread

    run_digests()
    [email] = mailoutbox
    assert _listed(email.body) == ["News hidden"]


def test_long_digest_lists_the_newest_and_counts_the_rest(
    monkeypatch, mailoutbox, django_capture_on_commit_callbacks, run_digests
):
    monkeypatch.setattr(digests, "DIGEST_MAX_ITEMS", 3)
    member = _member()
    for n in range(5):
        _notify(member, f"News {n}", ago=datetime.timedelta(minutes=10 - n))
    run_digests()
    [email] = mailoutbox
    assert _listed(email.body) == ["News 4", "News 3", "News 2"]
    assert f"And 2 more: {settings.SITE_URL}{reverse('notification_list')}" in email.body
    assert "5 notifications" in email.subject
    assert not Notification.objects.digest_due().exists()  # the two counted are not sent again


def test_only_what_arrived_while_on_the_daily_digest_is_digested(
    mailoutbox, django_capture_on_commit_callbacks, run_digests
):
    member = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(member, "News emailed at once")
    assert len(mailoutbox) == 1  # emailed already, so no digest repeats it
    with notifications.emails_muted():
        _notify(member, "News from a bulk job")
    notifications.preferences_set(user=member, values={DAILY_KIND: (True, "daily")})
    with notifications.emails_muted():
        _notify(member, "News from a muted bulk job")
    _notify(member, "News while daily")
    mailoutbox.clear()
    run_digests()
    [email] = mailoutbox
    assert _listed(email.body) == ["News while daily"]


@pytest.mark.parametrize("method", ["button", "one_click"])
def test_unsubscribe_link_in_the_digest_stops_the_digest_only(
    method, client, mailoutbox, django_capture_on_commit_callbacks, run_digests
):
    member = _member()
    _notify(member, "News one")
    run_digests()
    [email] = mailoutbox
    url = email.extra_headers["List-Unsubscribe"].strip("<>").removeprefix(settings.SITE_URL)

    page = client.get(url)
    assert page.status_code == 200
    assert _soup(page).h1.get_text(strip=True) == "Stop your daily digest email?"
    if method == "button":
        done = client.post(url)
    else:
        done = Client(enforce_csrf_checks=True).post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
    assert done.status_code == 200
    assert "You will not get the daily digest email any more" in done.content.decode()
    assert client.post(url).status_code == 200  # twice is harmless

    by_key = {k.key: (on, mail) for k, on, mail in notifications.preferences_for(member)}
    assert by_key[DAILY_KIND] == (True, "never")
    assert by_key[IMMEDIATE_KIND] == (True, "immediately")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(member, "News two")
        _notify(member, "News urgent", kind=IMMEDIATE_KIND)
    run_digests()
    assert [m.subject.split("] ")[1] for m in mailoutbox] == ["News urgent"]


def test_stopping_all_email_or_the_kind_stops_its_digest(mailoutbox, run_digests):
    stopped_all, stopped_kind = _member(), _member()
    for member in (stopped_all, stopped_kind):
        _notify(member, "News waiting")
    notifications.unsubscribe_from_token(notifications.unsubscribe_token(stopped_all, None))
    notifications.unsubscribe_from_token(notifications.unsubscribe_token(stopped_kind, DAILY_KIND))
    run_digests()
    assert mailoutbox == []


def test_inactive_member_or_one_without_an_address_gets_no_digest(mailoutbox, run_digests):
    gone, silent = _member(), _member()
    for member in (gone, silent):
        _notify(member, "News waiting")
    gone.is_active = False
    gone.save()
    silent.email = ""
    silent.save()
    run_digests()
    assert mailoutbox == []


def test_a_failed_digest_does_not_stop_the_others_and_the_command_reports_it(
    monkeypatch, mailoutbox
):
    broken, fine = _member(), _member()
    _notify(broken, "News broken")
    _notify(fine, "News fine")
    render = digests._render_digest

    def flaky(*, recipient, **kwargs):
        if recipient.pk == broken.pk:
            raise RuntimeError("template trouble")
        return render(recipient=recipient, **kwargs)

    monkeypatch.setattr(digests, "_render_digest", flaky)
    with pytest.raises(CommandError, match="daily digest task failed"):
        call_command("send_digests")
    assert [m.to for m in mailoutbox] == [[fine.email]]
    broken_row = Notification.objects.get(recipient=broken)
    assert broken_row.digested_at is None  # left for the next run


def test_digest_queries_do_not_grow_with_notifications():
    member = _member()
    for n in range(2):
        _notify(member, f"News {n}")
    with CaptureQueriesContext(connection) as few:
        assert digests.digests_send() == 1
    for n in range(40):
        _notify(member, f"More news {n}")
    with CaptureQueriesContext(connection) as many:
        assert digests.digests_send() == 1
    assert len(many) == len(few)


def test_preferences_page_offers_and_saves_the_daily_digest(client):
    member = UserFactory()
    client.force_login(member)
    page = _soup(client.get(reverse("notification_preferences")))
    for kind in notifications.kinds():
        prefix = re.sub(r"[^a-z0-9]+", "-", kind.key)
        labels = [
            page.select_one(f"label[for='{radio['id']}']").get_text(strip=True)
            for radio in page.select(f"input[name='{prefix}-email']")
        ]
        assert labels == ["Straight away", "In a daily digest", "Never"]

    data = {}
    for kind in notifications.kinds():
        prefix = re.sub(r"[^a-z0-9]+", "-", kind.key)
        data[f"{prefix}-in_app"] = "on"
        data[f"{prefix}-email"] = "daily" if kind.key == DAILY_KIND else "never"
    assert client.post(reverse("notification_preferences"), data).status_code == 302
    by_key = {k.key: mail for k, _, mail in notifications.preferences_for(member)}
    assert by_key[DAILY_KIND] == "daily"
    page = _soup(client.get(reverse("notification_preferences")))
    assert page.select_one("#id_test-digest-daily-email_1").has_attr("checked")


def test_choosing_the_daily_digest_lifts_a_stop_on_all_email():
    member = UserFactory()
    notifications.unsubscribe_from_token(notifications.unsubscribe_token(member, None))
    assert notifications.all_email_stopped(member)
    notifications.preferences_set(user=member, values={DAILY_KIND: (True, "daily")})
    assert not notifications.all_email_stopped(member)
