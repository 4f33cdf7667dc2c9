"""Reads on a real PostgreSQL streaming replica, writes on the primary.

Two clusters of their own on loopback (the replica made with pg_basebackup and streaming from
the primary), the hub under gunicorn with DATABASE_URL and DATABASE_REPLICA_URL. Pausing the
replica's replay makes it lag on purpose, which shows where each read went: a signed-out GET
does not see a row written to the primary until replay resumes; a member who has just posted
sees their own change at once (the pin cookie); and with the replica stopped the hub answers
from the primary."""

from __future__ import annotations

import re

import pytest
import requests

from tests.scaleout import engines

pytestmark = pytest.mark.scaleout

PASSWORD = "replica-test-password-2026"  # noqa: S105 - a test account on a throwaway cluster


@pytest.fixture(scope="module")
def stack(pg_pair, static_root, tmp_path_factory):
    primary, replica = pg_pair
    env = engines.hub_env(
        DATABASE_URL=primary.url,
        DATABASE_REPLICA_URL=replica.url,
        DATABASE_REPLICA_RETRY_SECONDS="1",
        STATIC_ROOT=str(static_root),
    )
    engines.python(
        "from hub.base.models import User\n"
        "from allauth.account.models import EmailAddress\n"
        "u = User.objects.create_user('replica-reader', 'reader@example.org', "
        f"'{PASSWORD}', display_name='Rita Reader')\n"
        "EmailAddress.objects.create(user=u, email=u.email, verified=True, primary=True)\n",
        env=engines.hub_env(DATABASE_URL=primary.url),
    )
    engines.wait_for(lambda: caught_up(primary, replica), "the replica to catch up")
    with engines.hub_server(env, tmp_path_factory.mktemp("replica") / "gunicorn.log") as base:
        yield primary, replica, base
    if not replica.running():
        replica.start()  # other tests of the session may read it


def caught_up(primary, replica) -> bool:
    lsn = primary.sql("SELECT pg_current_wal_lsn()")
    return replica.sql(f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn") == "t"


def create_organisation(primary, name: str) -> None:
    """A verified organisation written to the primary by a separate process (not the hub)."""
    engines.python(
        "from hub.base.models import Organisation\n"
        f"Organisation.objects.create(name={name!r}, slug={name.lower().replace(' ', '-')!r}, "
        "kind='vcs', verified=True)\n",
        env=engines.hub_env(DATABASE_URL=primary.url),
    )


def sign_in(base: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": "reader@example.org", "password": PASSWORD},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=10,
    )
    assert response.ok and "Sign out" in response.text, response.text[:2000]
    return session


def test_a_signed_out_get_reads_the_replica(stack):
    primary, replica, base = stack
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        create_organisation(primary, "Lagging Replica Trust")
        page = requests.get(f"{base}/organisations/", timeout=10)
        assert page.status_code == 200
        assert "Lagging Replica Trust" not in page.text  # the replica has not replayed it yet
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")
    engines.wait_for(lambda: caught_up(primary, replica), "the replica to catch up")
    assert "Lagging Replica Trust" in requests.get(f"{base}/organisations/", timeout=10).text


def test_a_member_reads_their_own_write_while_the_replica_lags(stack):
    primary, replica, base = stack
    session = sign_in(base)
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        form = session.get(f"{base}/accounts/name/", timeout=10)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        response = session.post(
            f"{base}/accounts/name/",
            data={"csrfmiddlewaretoken": token, "display_name": "Rita Renamed"},
            headers={"Referer": f"{base}/accounts/name/"},
            timeout=10,
        )
        assert response.ok
        assert "hub_primary" in session.cookies  # the pin: this member reads the primary
        profile = session.get(f"{base}/members/replica-reader/", timeout=10)
        assert "Rita Renamed" in profile.text
        # A reader without the pin still gets the replica's (older) copy.
        stranger = requests.get(f"{base}/members/replica-reader/", timeout=10)
        assert stranger.status_code == 200
        assert "Rita Renamed" not in stranger.text and "Rita Reader" in stranger.text
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")


def test_the_hub_still_answers_when_the_replica_is_stopped(stack):
    primary, replica, base = stack
    engines.wait_for(lambda: caught_up(primary, replica), "the replica to catch up")
    assert requests.get(f"{base}/organisations/", timeout=10).status_code == 200  # connected
    replica.stop()
    assert not replica.running()
    create_organisation(primary, "Primary Only Trust")
    for _ in range(3):
        page = requests.get(f"{base}/organisations/", timeout=10)
        assert page.status_code == 200
        assert "Primary Only Trust" in page.text  # read from the primary now
    session = sign_in(base)
    assert session.get(f"{base}/members/replica-reader/", timeout=10).status_code == 200
