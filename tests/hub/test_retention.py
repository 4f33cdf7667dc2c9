"""The daily retention command deletes what is past its period, and nothing else."""

import datetime
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from forum.models import Post
from hub.base import accounts, personal_data
from hub.base.models import Notification, User
from hub.base.retention import apply_retention
from tests.factories import UserFactory
from tests.forum.helpers import category, long_thread

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_read_notifications_go_after_their_period_and_unread_ones_stay(settings):
    settings.HUB_READ_NOTIFICATIONS_KEEP_DAYS = 30
    member, now = UserFactory(), timezone.now()
    old_read = Notification.objects.create(
        recipient=member, kind="k", message="m", url="/", read_at=now - 31 * DAY
    )
    recent = Notification.objects.create(
        recipient=member, kind="k", message="m", url="/", read_at=now - 29 * DAY
    )
    unread = Notification.objects.create(
        recipient=member, kind="k", message="m", url="/", created_at=now - 400 * DAY
    )
    apply_retention(now=now)
    remaining = set(Notification.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, unread.pk}
    assert old_read.pk not in remaining


def test_a_deleted_accounts_row_goes_once_nothing_it_wrote_remains():
    quiet, writer = UserFactory(), UserFactory()
    thread = long_thread(category(), writer, posts=2)
    accounts.account_erase(actor=quiet, user=quiet)
    accounts.account_erase(actor=writer, user=writer)
    done = apply_retention()
    assert done["deleted accounts"] == 1
    assert not User.objects.filter(pk=quiet.pk).exists()
    assert User.objects.filter(pk=writer.pk).exists()  # their posts still point at it
    Post.objects.filter(thread=thread).delete()
    thread.delete()
    apply_retention()
    assert not User.objects.filter(pk=writer.pk).exists()


def test_stored_downloads_go_after_their_period(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HUB_DATA_EXPORT_KEEP_DAYS = 7
    member = UserFactory()
    default_storage.save(f"{personal_data.STORE}/{member.pk}/x.zip", ContentFile(b"zip"))
    assert apply_retention()["data downloads"] == 0
    assert apply_retention(now=timezone.now() + 8 * DAY)["data downloads"] == 1
    assert personal_data.stored_path(member, "x") is None


def test_expired_sessions_go(settings):
    session = SessionStore()
    session["pending"] = "rows of an upload"
    session.set_expiry(-10)
    session.create()
    assert apply_retention()["expired sessions"] >= 1


def test_the_command_says_what_it_deleted():
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "read notifications: 0 deleted" in out.getvalue()
