"""With Redis down the hub answers from the database, and recovers when Redis returns
(hub.base.resilient_cache). The test runs its own redis-server on a spare loopback port."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.test.utils import override_settings
from django.urls import reverse

from hub.base import ratelimit
from tests.factories import PASSWORD, UserFactory

REDIS_SERVER = shutil.which("redis-server")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not REDIS_SERVER, reason="needs redis-server"),
]


def _spare_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = _spare_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    caches = {
        "default": {
            "BACKEND": "hub.base.resilient_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    with override_settings(
        CACHES=caches,
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
        HUB_CACHE_RETRY_SECONDS=0,
    ):
        yield server
    server.stop()


def _pages(client) -> list[int]:
    return [client.get(url).status_code for url in ("/", "/case-studies/", "/forum/")]


def test_pages_answer_while_redis_is_down_and_after_it_returns(client, redis_server):
    member = UserFactory()
    visitor = type(client)()
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    cache.set("probe", "up")
    assert cache.get("probe") == "up"
    assert _pages(visitor) == [200, 200, 200]

    redis_server.stop()
    assert cache.get("probe") is None  # a miss, not an error
    assert _pages(visitor) == [200, 200, 200]
    assert _pages(client) == [200, 200, 200]
    profile = client.get(reverse("profile_edit"))
    assert profile.status_code == 200  # still signed in: the session came from the database
    assert member.email in profile.content.decode() or member.username in profile.content.decode()
    login = type(client)().get(reverse("account_login"))
    assert login.status_code == 200

    redis_server.start()  # an empty Redis on the same port
    assert _pages(visitor) == [200, 200, 200]
    assert client.get(reverse("profile_edit")).status_code == 200
    cache.set("probe", "back")
    assert cache.get("probe") == "back"


def test_rate_limits_fail_open_while_redis_is_down_and_hold_again_after(rf, redis_server):
    request = rf.post("/")
    request.user = UserFactory()
    assert not ratelimit.over_limit(request, group="outage-test", rate="1/m")
    assert ratelimit.over_limit(request, group="outage-test", rate="1/m")
    redis_server.stop()
    assert not ratelimit.over_limit(request, group="outage-test", rate="1/m")
    redis_server.start()
    assert not ratelimit.over_limit(request, group="outage-test", rate="1/m")
    assert ratelimit.over_limit(request, group="outage-test", rate="1/m")
