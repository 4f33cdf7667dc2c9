"""Fictional claimant feedback for some demo organisations: answers through each stage's link
spread over the last four quarters, comments their admins published, rejected or have still to
review (one with a phone number the scanner holds back), and complaint themes by stage.

Every answer and comment is invented (data/feedback.yaml) and drawn with a generator seeded
with 2026. Northgate, Riverside and Harbour Lights have more than the minimum of responses
(HUB_FEEDBACK_MIN_RESPONSES, 10 by default), Eastside and Meridian fewer, so both sides of the
threshold show. Idempotent: an organisation with feedback already is left alone.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cases.feedback import services
from cases.feedback.models import FeedbackResponse
from hub.base import notifications
from hub.base.models import JourneyStage, Membership, Organisation
from hub.base.moderation import services as moderation
from hub.site.demo.data import load

RANDOM_SEED = 2026

# (treated 1-5, helped, recommend) weights by tone
TONES = {
    "good": ([1, 1, 3, 10, 15], [12, 5, 2], [14, 3, 2]),
    "mixed": ([2, 4, 8, 8, 5], [6, 6, 5], [7, 6, 5]),
    "poor": ([5, 6, 5, 3, 1], [2, 4, 8], [2, 4, 8]),
}


def _admin(organisation):
    membership = (
        Membership.objects.filter(
            organisation=organisation,
            role=Membership.Role.ADMIN,
            status=Membership.Status.APPROVED,
        )
        .select_related("user")
        .order_by("id")
        .first()
    )
    return membership.user if membership else None


def _answers(rng, tone):
    treated_w, helped_w, recommend_w = TONES[tone]
    return (
        rng.choices([1, 2, 3, 4, 5], weights=treated_w)[0],
        rng.choices(["yes", "partly", "no"], weights=helped_w)[0],
        rng.choices(["yes", "not_sure", "no"], weights=recommend_w)[0],
    )


def seed(stdout=None) -> str:
    """Make the demo feedback where an organisation has none. Returns a one-line summary."""
    data = load("feedback")
    rng = random.Random(RANDOM_SEED)
    stages = {stage.slug: stage for stage in JourneyStage.objects.all()}
    today = timezone.localdate()
    made = comments = 0
    with notifications.emails_muted(), transaction.atomic():
        for name, plan in data["ORGANISATIONS"].items():
            organisation = Organisation.objects.filter(name=name).first()
            admin = organisation and _admin(organisation)
            if admin is None or FeedbackResponse.objects.filter(organisation=organisation).exists():
                continue
            links = {
                slug: services.feedback_link_create(
                    actor=admin, organisation=organisation, stage=stages[slug]
                )
                for slug in plan["responses"]
            }
            for slug, count in plan["responses"].items():
                for _ in range(count):
                    treated, helped, recommend = _answers(rng, plan["tone"])
                    row = services.feedback_submit(
                        link=links[slug], treated=treated, helped=helped, recommend=recommend
                    )
                    day = today - timedelta(days=rng.randrange(0, 365))
                    FeedbackResponse.objects.filter(pk=row.pk).update(submitted_on=day)
                    made += 1
            first_link = next(iter(links.values()))
            said = [(c, "publish", "") for c in plan.get("published", [])]
            said += [(c, "hold", "") for c in plan.get("held", [])]
            said += [(c, "reject", why) for c, why in plan.get("rejected", [])]
            for comment, decision, why in said:
                treated, helped, recommend = _answers(rng, plan["tone"])
                row = services.feedback_submit(
                    link=first_link, treated=treated, helped=helped, recommend=recommend,
                    comment=comment,
                )  # fmt: skip
                made += 1
                comments += 1
                if decision == "publish":
                    moderation.held_publish(reviewer=admin, target=row)
                elif decision == "reject":
                    moderation.held_reject(reviewer=admin, target=row, reason=why)
        themes = _complaint_themes(data["COMPLAINT_THEMES"], stages, today)
    return (
        f"Claimant feedback: {made} fictional answers, {comments} comments, "
        f"{themes} complaint-theme counts."
    )


def _complaint_themes(plan, stages, today) -> int:
    from cases.feedback.models import ComplaintTheme

    if ComplaintTheme.objects.exists():
        return 0
    latest = services.quarter_start(services.quarter_start(today) - timedelta(days=1))
    quarters = [latest, services.quarter_start(latest - timedelta(days=1))]
    done = 0
    for name, by_stage in plan.items():
        organisation = Organisation.objects.filter(name=name).first()
        admin = organisation and _admin(organisation)
        if admin is None:
            continue
        for age, quarter in enumerate(quarters):
            for slug, counts in by_stage.items():
                done += services.complaint_themes_set(
                    actor=admin, organisation=organisation, stage=stages[slug], quarter=quarter,
                    counts={theme: max(count - age, 0) for theme, count in counts.items()},
                )  # fmt: skip
    return done
