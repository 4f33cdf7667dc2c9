"""Reads of claimant feedback: only ever aggregates of at least HUB_FEEDBACK_MIN_RESPONSES
answers, and comments only once published. `experience_scores` is the Star Rating's customer
experience area."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncQuarter

from cases.feedback.models import ComplaintTheme, FeedbackLink, FeedbackResponse
from cases.feedback.scores import ExperienceScore, Shares, Tally, experience_score, shares
from hub.base.models import JourneyStage
from hub.base.thresholds import Gated, gate

R = FeedbackResponse


def minimum_responses() -> int:
    return settings.HUB_FEEDBACK_MIN_RESPONSES


def _tally_fields():
    return {
        "responses": Count("id"),
        "treated_total": Sum("treated"),
        "helped_yes": Count("id", filter=Q(helped=R.Helped.YES)),
        "helped_partly": Count("id", filter=Q(helped=R.Helped.PARTLY)),
        "recommend_yes": Count("id", filter=Q(recommend=R.Recommend.YES)),
        "recommend_not_sure": Count("id", filter=Q(recommend=R.Recommend.NOT_SURE)),
    }


def _tally(row) -> Tally:
    return Tally(**{key: row[key] or 0 for key in _tally_fields()})


def experience_scores(organisation_ids) -> dict[int, ExperienceScore]:
    """Each organisation's customer experience score over all its answers, or None with the
    reason (not enough responses yet); one query whatever the number of organisations."""
    ids = list(organisation_ids)
    found = {
        row["organisation_id"]: _tally(row)
        for row in R.objects.filter(organisation_id__in=ids)
        .values("organisation_id")
        .annotate(**_tally_fields())
        .order_by()
    }
    return {pk: experience_score(found.get(pk, Tally()), minimum=minimum_responses()) for pk in ids}


@dataclass(frozen=True)
class Result:
    """One row of results (a stage, a quarter): withheld below the minimum."""

    label: str
    score: ExperienceScore
    shares: Gated  # of Shares


def _result(label: str, tally: Tally) -> Result:
    minimum = minimum_responses()
    return Result(
        label,
        experience_score(tally, minimum=minimum),
        gate(lambda: shares(tally), count=tally.responses, minimum=minimum),
    )


def _stages():
    return list(JourneyStage.objects.order_by("sort_order", "name"))


def results_by_stage(organisation_ids=None) -> list[Result]:
    """Every stage's results for the organisations (all when None): two queries."""
    answers = R.objects.all()
    if organisation_ids is not None:
        answers = answers.filter(organisation_id__in=list(organisation_ids))
    found = {
        row["stage_id"]: _tally(row)
        for row in answers.values("stage_id").annotate(**_tally_fields()).order_by()
    }
    return [_result(stage.name, found.get(stage.pk, Tally())) for stage in _stages()]


def quarter_label(day) -> str:
    months = {1: "January to March", 4: "April to June", 7: "July to September"}
    return f"{months.get(day.month, 'October to December')} {day.year}"


def results_over_time(organisation_id: int) -> list[Result]:
    """Each quarter's results for an organisation, oldest first: one query."""
    rows = (
        R.objects.filter(organisation_id=organisation_id)
        .annotate(quarter=TruncQuarter("submitted_on"))
        .values("quarter")
        .annotate(**_tally_fields())
        .order_by("quarter")
    )
    return [_result(quarter_label(row["quarter"]), _tally(row)) for row in rows]


def total_responses(organisation_id: int) -> int:
    return R.objects.filter(organisation_id=organisation_id).count()


def published_comments(organisation_id: int, *, limit: int = 20):
    """The newest published comments, once the organisation has enough responses to show
    results at all (a comment beside too few answers is a clue to who wrote it)."""
    if total_responses(organisation_id) < minimum_responses():
        return []
    return list(
        R.objects.published()
        .with_comment()
        .filter(organisation_id=organisation_id)
        .select_related("stage")
        .order_by("-id")[:limit]
    )


def comments_to_review(organisation_id: int, *, limit: int = 50):
    """Held comments for the organisation's admin, the longest-waiting first."""
    return list(
        R.objects.held()
        .with_comment()
        .filter(organisation_id=organisation_id)
        .select_related("stage")
        .order_by("id")[:limit]
    )


def held_comment_count(organisation_id: int) -> int:
    return R.objects.held().with_comment().filter(organisation_id=organisation_id).count()


def active_links(organisation_id: int) -> dict[int, FeedbackLink]:
    """The organisation's current link for each stage that has one, by stage id."""
    return {
        link.stage_id: link
        for link in FeedbackLink.objects.active().filter(organisation_id=organisation_id)
    }


def link_by_token(token: str) -> FeedbackLink | None:
    return FeedbackLink.objects.select_related("organisation", "stage").filter(token=token).first()


@dataclass(frozen=True)
class ThemeRow:
    """A theme at one stage across the programme: withheld below the organisations minimum."""

    stage: str
    theme: str
    total: Gated


def latest_theme_quarter():
    return ComplaintTheme.objects.order_by("-quarter").values_list("quarter", flat=True).first()


def theme_quarters(limit: int = 8) -> list:
    """The latest quarters with complaint themes, newest first (the programme view's choice)."""
    return list(
        ComplaintTheme.objects.order_by("-quarter")
        .values_list("quarter", flat=True)
        .distinct()[:limit]
    )


def programme_themes(quarter) -> list[ThemeRow]:
    """Complaint themes by stage for one quarter, summed over organisations; each total shown
    only when at least HUB_FEEDBACK_MIN_ORGANISATIONS organisations reported it. Two queries."""
    if quarter is None:
        return []
    rows = (
        ComplaintTheme.objects.filter(quarter=quarter, count__gt=0)
        .values("stage_id", "theme")
        .annotate(total=Sum("count"), organisations=Count("organisation_id", distinct=True))
        .order_by()
    )
    found = {(row["stage_id"], row["theme"]): row for row in rows}
    labels = dict(ComplaintTheme.Theme.choices)
    result = []
    for stage in _stages():
        for theme, label in labels.items():
            row = found.get((stage.pk, theme))
            if row is None:
                continue
            result.append(
                ThemeRow(
                    stage.name,
                    label,
                    gate(
                        row["total"],
                        count=row["organisations"],
                        minimum=settings.HUB_FEEDBACK_MIN_ORGANISATIONS,
                        noun="organisations",
                    ),
                )
            )
    return result


def organisation_themes(organisation_id: int, quarter) -> dict[tuple[int, str], int]:
    return {
        (row.stage_id, row.theme): row.count
        for row in ComplaintTheme.objects.filter(organisation_id=organisation_id, quarter=quarter)
    }


__all__ = ["ExperienceScore", "Shares", "experience_scores"]
