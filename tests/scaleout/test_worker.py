"""The django-tasks database worker as a real process: `manage.py send_digests` queues the daily
digest in PostgreSQL, a `manage.py db_worker` process picks it up, runs it, runs the email task it
queues in turn, and the email arrives (the file email backend, in a folder of the test's)."""

from __future__ import annotations

import sys

import pytest

from tests.scaleout import engines

pytestmark = pytest.mark.scaleout

SETUP = """
from hub.base import notifications
from hub.base.models import NotificationPreference, User
kind = next(k.key for k in notifications.kinds() if k.key != notifications.DAILY_DIGEST.key)
u = User.objects.create_user('digest-reader', 'digest@example.org', 'x', display_name='Dee Gest')
NotificationPreference.objects.create(user=u, kind=kind, email='daily')
notifications.notify(
    recipient=u, kind=kind, message='A reply about job clubs in Leeds', url='/forum/'
)
"""


def test_a_worker_process_sends_the_queued_daily_digest(pg_pair, tmp_path):
    primary, _ = pg_pair
    mail = tmp_path / "mail"
    env = engines.hub_env(
        DATABASE_URL=primary.url,
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_BACKEND="file",
        EMAIL_FILE_PATH=str(mail),
    )
    engines.python(SETUP, env=env)
    queued = engines.manage("send_digests", env=env)
    assert "Queued the daily digests" in queued  # queued, not run in this process
    assert not mail.exists() or not any(mail.iterdir())
    assert primary.sql("SELECT status FROM django_tasks_database_dbtaskresult") == "READY"

    argv = [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"]
    with engines.process(argv, env=env, log=tmp_path / "worker.log") as worker:

        def delivered() -> bool:
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()
            return mail.exists() and any(mail.iterdir())

        engines.wait_for(delivered, "the worker to send the digest", timeout=90)
        engines.wait_for(
            lambda: set(primary.sql(
                "SELECT DISTINCT status FROM django_tasks_database_dbtaskresult"
            ).split()) == {"SUCCESSFUL"},
            "both tasks to be marked done",
        )  # fmt: skip
    message = "".join(path.read_text() for path in mail.iterdir())
    assert "digest@example.org" in message
    assert "A reply about job clubs in Leeds" in message
    assert primary.sql("SELECT count(*) FROM django_tasks_database_dbtaskresult") == "2"
