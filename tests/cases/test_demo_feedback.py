"""The fictional claimant feedback: both sides of the minimum, held, published and rejected
comments, complaint themes; idempotent."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from cases.feedback import selectors
from cases.feedback.models import ComplaintTheme, FeedbackResponse
from hub.base.models import Organisation
from hub.site.demo import feedback as demo_feedback

pytestmark = pytest.mark.django_db


def test_the_demo_shows_feedback_above_and_below_the_minimum_with_every_kind_of_comment():
    call_command("seed_demo", stdout=io.StringIO())
    counts = dict(
        FeedbackResponse.objects.values_list("organisation__name")
        .annotate(n=Count("id"))
        .values_list("organisation__name", "n")
    )
    ids = dict(Organisation.objects.filter(name__in=counts).values_list("name", "pk"))
    scores = selectors.experience_scores(ids.values())
    shown = {name for name, pk in ids.items() if scores[pk].score is not None}
    assert {"Northgate Employment Partnership", "Riverside Pathways"} <= shown
    assert "Eastside Futures" not in shown and "Meridian Work Solutions" not in shown
    states = set(FeedbackResponse.objects.with_comment().values_list("review_state", flat=True))
    assert states == {"held", "published", "rejected"}
    phone = FeedbackResponse.objects.get(comment__contains="07700 900461")
    assert phone.review_state == "held" and "phone" in phone.held_reasons
    assert all("Fictional claimant" in c for c in FeedbackResponse.objects.with_comment()
               .values_list("comment", flat=True))  # fmt: skip
    assert ComplaintTheme.objects.exists()
    quarter = selectors.latest_theme_quarter()
    assert any(row.total.shown for row in selectors.programme_themes(quarter))
    assert any(not row.total.shown for row in selectors.programme_themes(quarter))
    before = FeedbackResponse.objects.count(), ComplaintTheme.objects.count()
    demo_feedback.seed()
    assert (FeedbackResponse.objects.count(), ComplaintTheme.objects.count()) == before
