"""Counters under concurrent replies, on a database with real row locks."""

import threading

import pytest
from django.db import connection, connections

from forum import services
from forum.models import Category, Post
from tests.forum.helpers import category, seasoned_member


# serialized_rollback keeps the migrated data restorable for the tests that run after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_counters_stay_exact_under_concurrent_replies():
    cat = category()
    thread = services.thread_create(
        author=seasoned_member(), category=cat, title="Busy", body="Reply all at once"
    )
    repliers = [seasoned_member() for _ in range(40)]
    barrier, errors = threading.Barrier(len(repliers)), []

    def reply(user):
        try:
            barrier.wait()
            services.post_create(author=user, thread=thread, body=f"From {user.username}")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=reply, args=(u,)) for u in repliers]
    for w in workers:
        w.start()
    for w in workers:
        w.join()

    assert errors == []
    thread.refresh_from_db()
    cat.refresh_from_db()
    numbers = sorted(Post.objects.filter(thread=thread).values_list("number", flat=True))
    assert numbers == list(range(1, 42))
    assert (thread.post_count, thread.reply_count) == (41, 40)
    assert (cat.thread_count, cat.post_count) == (1, 41)
    assert Category.objects.get(pk=cat.pk).post_count == Post.objects.count()
