"""The old cases and forum flags move into hub.base.moderation reports without loss (hub 0013),
and back again when the migration is reversed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from cases.casestudies.models import Comment
from forum import services as forum_services
from hub.base.models import Report
from tests.factories import CaseStudyFactory, UserFactory, moderator
from tests.forum.helpers import category, seasoned_member

BEFORE = [
    ("hub", "0012_moderation_reports"),
    ("cases", "0005_record_latest_index"),
    ("forum", "0004_search_entry_vector_index"),
]
AFTER = [
    ("hub", "0013_flags_to_reports"),
    ("cases", "0006_delete_flag"),
    ("forum", "0005_delete_postflag"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# serialized_rollback: the migrated data (groups, content types) is restored before this test
# and after it, so neither this test nor the transactional ones after it depend on the order.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flags_become_reports_with_everything_they_held_and_back():
    case_study = CaseStudyFactory()
    comment = Comment.objects.create(case_study=case_study, author=UserFactory(), body="Spam")
    thread = forum_services.thread_create(
        author=seasoned_member(), category=category(), title="Job clubs", body="How?"
    )
    post = forum_services.post_create(author=seasoned_member(), thread=thread, body="Buy now")
    # The post was hidden automatically before the move: its state stays on the post.
    type(post).objects.filter(pk=post.pk).update(
        hidden_at=timezone.now(), hidden_reason="Hidden until reviewed"
    )
    ann, bob, mod = UserFactory(), UserFactory(), moderator()
    long_ago = timezone.now() - timedelta(days=40)
    resolved = timezone.now() - timedelta(days=39)

    old = _migrate(BEFORE)
    Flag, PostFlag = old.get_model("cases", "Flag"), old.get_model("forum", "PostFlag")
    Flag.objects.create(case_study_id=case_study.pk, reporter_id=ann.pk, reason="Names a client")
    Flag.objects.create(
        comment_id=comment.pk, reporter_id=bob.pk, reason="Rude", status="dismissed",
        resolved_at=resolved, resolved_by_id=mod.pk,
    )  # fmt: skip
    PostFlag.objects.create(post_id=post.pk, reporter_id=ann.pk, reason="Advertising")
    PostFlag.objects.create(post_id=post.pk, reporter_id=bob.pk, reason="Spam")
    Flag.objects.filter(reason="Names a client").update(created_at=long_ago)
    expected = {
        (f.reporter_id, f.reason, f.status, f.created_at, f.resolved_at, f.resolved_by_id)
        for model in (Flag, PostFlag)
        for f in model.objects.all()
    }

    _migrate(AFTER)
    reports = list(Report.objects.select_related("content_type"))
    assert len(reports) == 4
    assert {
        (r.reporter_id, r.reason, r.status, r.created_at, r.resolved_at, r.resolved_by_id)
        for r in reports
    } == expected
    assert {(r.content_type.model, r.object_id) for r in reports} == {
        ("casestudy", case_study.pk),
        ("comment", comment.pk),
        ("post", post.pk),
    }
    assert {r.weight for r in reports} == {2}
    assert Report.objects.filter(post=post, status="open").count() == 2
    assert Report.objects.get(case_study=case_study).created_at == long_ago
    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_by_id is None

    old = _migrate(BEFORE)
    Flag, PostFlag = old.get_model("cases", "Flag"), old.get_model("forum", "PostFlag")
    assert {
        (f.reporter_id, f.reason, f.status, f.created_at, f.resolved_at, f.resolved_by_id)
        for model in (Flag, PostFlag)
        for f in model.objects.all()
    } == expected
    assert Flag.objects.get(reason="Rude").comment_id == comment.pk
    assert not Report.objects.exists()
    _migrate(AFTER)
