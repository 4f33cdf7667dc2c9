"""The scale-out switches: each is off by default and wired up when its variable is set, and the
database router sends a read-only request's reads to the replica and everything else to the
primary. Settings are imported in a fresh process with the variables set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from hub.base import db_router
from hub.base.cache_headers import AnonymousCacheControlMiddleware

ROOT = Path(__file__).resolve().parents[2]
SCALING_VARIABLES = (
    "DATABASE_REPLICA_URL", "REDIS_URL", "DJANGO_SESSION_ENGINE", "TASKS_BACKEND",
    "AWS_STORAGE_BUCKET_NAME", "OPENSEARCH_URL", "FRONTEND_CACHE", "HUB_ANONYMOUS_CACHE_SECONDS",
)  # fmt: skip


def settings_with(**variables):
    """hub.settings as a fresh process sees it with `variables` in the environment."""
    env = {k: v for k, v in os.environ.items() if k not in SCALING_VARIABLES}
    env.pop("DATABASE_URL", None)
    env.update(variables)
    code = (
        "import json, hub.settings as s;"
        "print(json.dumps({'databases': sorted(s.DATABASES),"
        " 'replica': s.DATABASES.get('replica', {}).get('NAME'),"
        " 'replica_test': s.DATABASES.get('replica', {}).get('TEST'),"
        " 'routers': getattr(s, 'DATABASE_ROUTERS', []), 'middleware': s.MIDDLEWARE,"
        " 'cache': s.CACHES['default']['BACKEND'], 'sessions': getattr(s, 'SESSION_ENGINE', ''),"
        " 'apps': s.INSTALLED_APPS, 'tasks': s.TASKS['default']['BACKEND'],"
        " 'storage': s.STORAGES['default'], 'search': s.WAGTAILSEARCH_BACKENDS['default'],"
        " 'frontend_cache': getattr(s, 'WAGTAILFRONTENDCACHE', None),"
        " 'anonymous_cache': s.HUB_ANONYMOUS_CACHE_SECONDS}))"
    )
    result = subprocess.run(  # noqa: S603 - our own settings module, fixed arguments
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_scaling_switch_is_off_by_default():
    s = settings_with()
    assert s["databases"] == ["default"]
    assert s["routers"] == []
    assert "hub.base.db_router.ReadOnlyRequestMiddleware" not in s["middleware"]
    assert s["cache"].endswith("LocMemCache")
    assert s["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert "django_tasks_db" not in s["apps"]
    assert s["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert s["search"]["BACKEND"] == "wagtail.search.backends.database"
    assert s["frontend_cache"] is None
    assert "wagtail.contrib.frontend_cache" not in s["apps"]
    assert s["anonymous_cache"] == 0
    assert "hub.base.cache_headers.AnonymousCacheControlMiddleware" not in s["middleware"]


def test_a_replica_url_adds_the_replica_the_router_and_its_middleware():
    s = settings_with(DATABASE_REPLICA_URL="postgres://hub@replica.internal:5432/hub")
    assert s["databases"] == ["default", "replica"]
    assert s["replica"] == "hub"
    assert s["replica_test"] == {"MIRROR": "default"}
    assert s["routers"] == ["hub.base.db_router.ReplicaRouter"]
    assert s["middleware"][0] == "hub.base.db_router.ReadOnlyRequestMiddleware"


def test_redis_holds_the_cache_and_the_sessions():
    s = settings_with(REDIS_URL="redis://127.0.0.1:6379/5")
    assert s["cache"] == "hub.base.resilient_cache.ResilientRedisCache"
    assert s["sessions"] == "django.contrib.sessions.backends.cached_db"
    s = settings_with(REDIS_URL="redis://127.0.0.1:6379/5", DJANGO_SESSION_ENGINE="cache")
    assert s["sessions"] == "django.contrib.sessions.backends.cache"


def test_the_database_task_backend_installs_its_app_for_the_worker():
    s = settings_with(TASKS_BACKEND="django_tasks_db.DatabaseBackend")
    assert s["tasks"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in s["apps"]


def test_a_bucket_name_moves_media_to_s3_compatible_storage():
    s = settings_with(
        AWS_STORAGE_BUCKET_NAME="hub-media", AWS_S3_ENDPOINT_URL="https://s3.example.org"
    )
    assert s["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s["storage"]["OPTIONS"]["bucket_name"] == "hub-media"
    assert s["storage"]["OPTIONS"]["endpoint_url"] == "https://s3.example.org"


def test_an_opensearch_url_switches_the_wagtail_search_backend():
    s = settings_with(OPENSEARCH_URL="https://search.internal:9200")
    assert s["search"]["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert s["search"]["URLS"] == ["https://search.internal:9200"]
    on_postgres = settings_with(
        DATABASE_URL="postgres://hub@db.internal:5432/hub",
        OPENSEARCH_URL="https://search.internal:9200",
    )
    assert on_postgres["search"]["BACKEND"] == "wagtail.search.backends.opensearch2"


def test_postgresql_gets_the_bounded_search_backend_and_other_databases_wagtails():
    s = settings_with(DATABASE_URL="postgres://hub@db.internal:5432/hub")
    assert s["search"]["BACKEND"] == "hub.base.search_backend"
    assert s["search"]["BOUNDED"]["forum.post"] == {"candidates": 100, "newest_first": True}
    assert settings_with()["search"] == {"BACKEND": "wagtail.search.backends.database"}


@pytest.mark.parametrize(
    ("choice", "backend"),
    [
        ("cloudflare", "CloudflareBackend"),
        ("cloudfront", "CloudfrontBackend"),
        ("http", "HTTPBackend"),
    ],
)
def test_a_frontend_cache_installs_wagtails_purging_with_that_backend(choice, backend):
    s = settings_with(FRONTEND_CACHE=choice)
    assert "wagtail.contrib.frontend_cache" in s["apps"]
    assert s["frontend_cache"]["default"]["BACKEND"].endswith(backend)


def test_an_unknown_frontend_cache_is_refused():
    env = {k: v for k, v in os.environ.items() if k not in SCALING_VARIABLES}
    env["FRONTEND_CACHE"] = "akamai"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import hub.settings"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "FRONTEND_CACHE must be" in result.stderr


def test_anonymous_cache_seconds_adds_the_cache_control_middleware():
    s = settings_with(HUB_ANONYMOUS_CACHE_SECONDS="60")
    assert s["anonymous_cache"] == 60
    assert s["middleware"][0] == "hub.base.cache_headers.AnonymousCacheControlMiddleware"


# The router, with a replica configured.


class FakeConnection:
    in_atomic_block = False


@pytest.fixture
def primary():
    """The primary's connection as the router sees it (in a transaction or not)."""
    return FakeConnection()


@pytest.fixture
def router(monkeypatch, primary):
    monkeypatch.setattr(db_router.ReplicaRouter, "has_replica", lambda self: True)
    monkeypatch.setattr(db_router, "connections", {"default": primary})
    monkeypatch.setattr(db_router, "replica_available", lambda: True)
    return db_router.ReplicaRouter()


class _Replica:
    """A stand-in replica connection that answers or refuses, counting the attempts."""

    def __init__(self, up: bool):
        self.up, self.attempts = up, 0

    def close_if_health_check_failed(self):
        pass

    def ensure_connection(self):
        self.attempts += 1
        if not self.up:
            raise OperationalError("connection refused")


def test_an_unreachable_replica_sends_reads_to_the_primary_until_the_retry(monkeypatch, settings):
    """The real replica stopping and starting is tests/scaleout/test_replica.py's; this is the
    rule: one failed connection marks it down for DATABASE_REPLICA_RETRY_SECONDS."""
    settings.DATABASES = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
    settings.DATABASE_REPLICA_RETRY_SECONDS = 30
    replica = _Replica(up=False)
    monkeypatch.setattr(db_router, "connections", {"replica": replica})
    monkeypatch.setattr(db_router, "_replica_down_until", 0.0)
    clock = [1000.0]
    monkeypatch.setattr(db_router.time, "monotonic", lambda: clock[0])
    assert db_router.replica_available() is False and replica.attempts == 1
    replica.up = True
    clock[0] += 29
    assert db_router.replica_available() is False and replica.attempts == 1  # not retried yet
    clock[0] += 2
    assert db_router.replica_available() is True and replica.attempts == 2


def test_without_a_replica_configured_nothing_is_tried(monkeypatch):
    monkeypatch.setattr(db_router, "connections", {})
    assert db_router.replica_available() is False


def _through_middleware(request, router):
    seen = {}

    def view(request):
        seen["read"] = router.db_for_read(None)
        seen["write"] = router.db_for_write(None)
        return HttpResponse("ok")

    response = db_router.ReadOnlyRequestMiddleware(view)(request)
    return seen, response


def test_a_get_request_reads_from_the_replica_and_writes_to_the_primary(router):
    seen, response = _through_middleware(RequestFactory().get("/case-studies/"), router)
    assert seen == {"read": "replica", "write": "default"}
    assert db_router.PIN_COOKIE not in response.cookies


def test_a_post_reads_the_primary_and_pins_the_member_to_it_for_a_while(router):
    seen, response = _through_middleware(RequestFactory().post("/forum/t/1/reply/"), router)
    assert seen == {"read": "default", "write": "default"}
    assert response.cookies[db_router.PIN_COOKIE]["max-age"] == db_router.pin_seconds()


def test_a_get_just_after_a_write_reads_the_primary(router):
    request = RequestFactory().get("/case-studies/")
    request.COOKIES[db_router.PIN_COOKIE] = "1"
    seen, _ = _through_middleware(request, router)
    assert seen["read"] == "default"


def test_reads_inside_a_transaction_go_to_the_primary(router, primary):
    def view(request):
        outside = router.db_for_read(None)
        primary.in_atomic_block = True
        return HttpResponse(f"{outside} {router.db_for_read(None)}")

    response = db_router.ReadOnlyRequestMiddleware(view)(RequestFactory().get("/"))
    assert response.content == b"replica default"


def test_outside_a_request_and_without_a_replica_reads_use_the_primary(router, monkeypatch):
    assert router.db_for_read(None) == "default"  # no request: e.g. a management command
    monkeypatch.setattr(db_router.ReplicaRouter, "has_replica", lambda self: False)
    seen, _ = _through_middleware(RequestFactory().get("/"), db_router.ReplicaRouter())
    assert seen["read"] == "default"


def test_only_the_primary_is_migrated(router):
    assert router.allow_migrate("default", "cases")
    assert not router.allow_migrate("replica", "cases")


# Cache-Control for anonymous pages.


@pytest.mark.django_db
def test_anonymous_pages_may_be_cached_publicly_but_signed_in_ones_may_not(settings, rf):
    from django.contrib.auth.models import AnonymousUser

    from tests.factories import UserFactory

    settings.HUB_ANONYMOUS_CACHE_SECONDS = 60
    middleware = AnonymousCacheControlMiddleware(lambda request: HttpResponse("page"))
    request = rf.get("/case-studies/")
    request.user = AnonymousUser()
    assert middleware(request)["Cache-Control"] == "public, max-age=60"
    request.user = UserFactory()
    assert not middleware(request).has_header("Cache-Control")


@pytest.mark.django_db
def test_a_response_setting_a_cookie_is_never_marked_public(settings, rf):
    from django.contrib.auth.models import AnonymousUser

    def view(request):
        response = HttpResponse("form")
        response.set_cookie("csrftoken", "x")
        return response

    settings.HUB_ANONYMOUS_CACHE_SECONDS = 60
    request = rf.get("/forum/")
    request.user = AnonymousUser()
    assert not AnonymousCacheControlMiddleware(view)(request).has_header("Cache-Control")
