import pytest
from django.core.cache import cache

from tests.oidc_provider.fixtures import oidc_provider, oidc_provider_process  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def pytest_collection_modifyitems(session, config, items):
    """Run the browser journeys last, as Django's runner orders transactional tests: their
    teardown empties the database, and only tests marked serialized_rollback refill it."""
    items.sort(key=_run_order)


def _run_order(item) -> int:
    """Plain tests first, then the browser journeys, then other transactional tests (the
    concurrency tests): each transactional test empties the database when it ends, and the
    first browser test restores the migrated data only if it finds it still there (its database
    setup can run inside Playwright's greenlet, on a connection without the serialized copy)."""
    if item.get_closest_marker("e2e"):
        return 1
    marker = item.get_closest_marker("django_db")
    return 2 if marker and marker.kwargs.get("transaction") else 0


_serialized = {}


class _SerializedContents:
    """Looks up the migrated data serialized at database creation by connection alias, so any
    connection object for that alias has it, however it was made."""

    def __get__(self, conn, owner=None):
        if conn is None:
            return self
        try:
            return _serialized[conn.alias]
        except KeyError:
            raise AttributeError("_test_serialized_contents") from None


def _keep_serialized_contents():
    """Keep the migrated data pytest-django serialized at database creation reachable from every
    connection. Playwright's sync API runs tests inside greenlets, and Django's connection
    handler (an asgiref Local keyed on context) can hand such a test, or its teardown, a fresh
    connection object that lacks it. Without it serialized_rollback restores nothing, and the
    flush at teardown re-creates content types with new ids that clash with the serialized ones
    when the next browser test restores them. So the copy is also served from the connection
    class, by alias, and no connection object can be without it."""
    from django.db import connections

    for alias in connections:
        conn = connections[alias]
        contents = conn.__dict__.get("_test_serialized_contents")
        if contents is not None and alias not in _serialized:
            _serialized[alias] = contents
            type(conn)._test_serialized_contents = _SerializedContents()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _keep_serialized_contents()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    _keep_serialized_contents()
