"""Shared engines for the scale-out tests: one PostgreSQL primary with a streaming replica,
migrated once (with the database task backend's tables), and static files collected once.

These tests start real servers and take a few minutes, so `make test` runs them only when
HUB_SCALEOUT_TESTS=1 (`.ci/run` sets it for its PostgreSQL pass)."""

import os

import pytest

from tests.scaleout import engines

ENABLED = os.environ.get("HUB_SCALEOUT_TESTS") == "1"


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="real-engine scale-out tests: set HUB_SCALEOUT_TESTS=1")
    for item in items:
        if item.get_closest_marker("scaleout"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pg_pair():
    """(primary, replica): the replica streams from the primary; database `hub` is migrated."""
    if engines.pg_bindir() is None:
        pytest.skip("PostgreSQL server binaries (pg_config, pg_basebackup) are needed")
    with engines.primary_and_replica() as (primary, replica):
        env = engines.hub_env(
            DATABASE_URL=primary.url, TASKS_BACKEND="django_tasks_db.DatabaseBackend"
        )
        engines.manage("migrate", "--noinput", "-v0", env=env, timeout=900)
        yield primary, replica


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected once for the production-mode hub processes (the manifest storage
    needs them)."""
    target = tmp_path_factory.mktemp("static")
    engines.manage(
        "collectstatic", "--noinput", "-v0", env=engines.hub_env(STATIC_ROOT=str(target))
    )
    return target
