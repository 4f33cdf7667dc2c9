"""Customer Service Standards: writes (each checks the actor is an admin of the organisation,
validates, saves atomically) and the reads that span relations.

Recommendation 8 asks for a review twice a year, so standards are due for review when their
last review is more than REVIEW_AFTER_DAYS (183 days, half a year) ago.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from hub.base.models import JourneyStage, Organisation, User
from toolkits.models import ServiceStandard, StandardsStatement

REVIEW_AFTER_DAYS = 183
MAX_PER_STAGE = 10
COMPARE_AT_MOST = 5
STALE_MESSAGE = (
    "Someone else in your organisation saved these standards while you were writing. "
    "Nothing has been saved: your text is still here. Copy anything you want to keep, then "
    "reload the page to see their version."
)
ITEM_FIELDS = (
    "stage_id", "service_standard", "measure", "measure_kind", "measure_value",
    "measure_frequency",
)  # fmt: skip


@dataclass(frozen=True)
class StandardInput:
    """One standard as a form gives it to the services."""

    stage: JourneyStage
    service_standard: str
    measure: str
    measure_kind: str
    measure_value: Decimal | None = None
    measure_frequency: str = ""

    def as_row(self) -> tuple:
        value = None if self.measure_value is None else Decimal(self.measure_value)
        return (
            self.stage.pk,
            self.service_standard.strip(),
            self.measure.strip(),
            self.measure_kind,
            value,
            self.measure_frequency or "",
        )


def _require_admin(*, actor: User, organisation: Organisation) -> None:
    if not Organisation.objects.administered_by(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied("Only an admin of this organisation can change its standards.")


def _rows(statement: StandardsStatement) -> list[tuple]:
    rows = []
    for item in statement.items.order_by("stage__sort_order", "sort_order", "id"):
        value = None if item.measure_value is None else Decimal(item.measure_value)
        rows.append(
            (item.stage_id, item.service_standard, item.measure, item.measure_kind, value,
             item.measure_frequency)
        )  # fmt: skip
    return rows


def _normalise(row: tuple) -> tuple:
    """Rows compare equal whatever the decimal places (5 == 5.0)."""
    value = row[4]
    return (*row[:4], None if value is None else value.normalize(), row[5])


def _same(statement: StandardsStatement, rights: str, responsibilities: str, rows) -> bool:
    return (
        statement.rights == rights
        and statement.responsibilities == responsibilities
        and [_normalise(r) for r in _rows(statement)] == [_normalise(r) for r in rows]
    )


def _check_item(row: tuple, index: int) -> None:
    item = ServiceStandard(
        stage_id=row[0], service_standard=row[1], measure=row[2], measure_kind=row[3],
        measure_value=row[4], measure_frequency=row[5],
    )  # fmt: skip
    try:
        item.full_clean(exclude=["statement", "stage", "sort_order"])
    except ValidationError as exc:
        raise ValidationError(f"Standard {index + 1}: {'; '.join(exc.messages)}") from exc
    kind = ServiceStandard.MeasureKind
    if row[3] == kind.PERCENTAGE and not (row[4] is not None and 0 <= row[4] <= 100):
        raise ValidationError(f"Standard {index + 1}: a percentage must be from 0 to 100.")
    if row[3] == kind.DAYS and not (row[4] is not None and row[4] > 0):
        raise ValidationError(f"Standard {index + 1}: the number of days must be more than 0.")
    if row[3] == kind.FREQUENCY and not row[5]:
        raise ValidationError(f"Standard {index + 1}: choose how often.")


@transaction.atomic
def standards_save(
    *,
    actor: User,
    organisation: Organisation,
    rights: str,
    responsibilities: str,
    standards: Sequence[StandardInput],
    expected_version: int | None,
) -> StandardsStatement:
    """Save the organisation's standards as one whole, refusing a stale version so two admins
    editing at once cannot overwrite each other; resending what is already saved (a double
    click) changes nothing. Published standards stay published and must stay complete."""
    _require_admin(actor=actor, organisation=organisation)
    rights, responsibilities = rights.strip(), responsibilities.strip()
    rows = [standard.as_row() for standard in standards]
    for index, row in enumerate(rows):
        _check_item(row, index)
    statement = (
        StandardsStatement.objects.select_for_update().filter(organisation=organisation).first()
    )
    if statement is not None and _same(statement, rights, responsibilities, rows):
        return statement
    if statement is None:
        if expected_version not in (None, 0):
            raise ValidationError(STALE_MESSAGE, code="stale")
        statement = StandardsStatement(organisation=organisation, version=0)
    elif expected_version is not None and expected_version != statement.version:
        raise ValidationError(STALE_MESSAGE, code="stale")
    if statement.status == StandardsStatement.Status.PUBLISHED:
        _check_complete(rights=rights, responsibilities=responsibilities, rows=rows)
    statement.rights, statement.responsibilities = rights, responsibilities
    statement.updated_by = actor
    statement.version += 1
    try:
        with transaction.atomic():
            statement.save()
    except IntegrityError as exc:  # another admin created the statement a moment ago
        raise ValidationError(STALE_MESSAGE, code="stale") from exc
    statement.items.all().delete()
    order: dict[int, int] = {}
    items = []
    for row in rows:
        order[row[0]] = order.get(row[0], 0) + 1
        items.append(
            ServiceStandard(statement=statement, sort_order=order[row[0]], **dict(
                zip(ITEM_FIELDS, row, strict=True)))
        )  # fmt: skip
    ServiceStandard.objects.bulk_create(items)
    return statement


def _check_complete(*, rights: str, responsibilities: str, rows: Iterable[tuple]) -> None:
    """Published standards cover every journey stage and say what a claimant can expect and
    what is asked of them (Recommendations 6 and 9). Errors are keyed by field or stage slug."""
    covered = {row[0] for row in rows}
    errors: dict[str, list[str]] = {}
    for stage in JourneyStage.objects.order_by("sort_order"):
        if stage.pk not in covered:
            errors[f"stage-{stage.slug}"] = [
                f"Add at least one standard for {stage.name.lower()} before publishing."
            ]
    if not rights:
        errors["rights"] = ["Say what a claimant can expect from you before publishing."]
    if not responsibilities:
        errors["responsibilities"] = ["Say what you ask of a claimant in return before publishing."]
    if errors:
        raise ValidationError(errors)


def _locked(organisation: Organisation) -> StandardsStatement:
    statement = (
        StandardsStatement.objects.select_for_update().filter(organisation=organisation).first()
    )
    if statement is None:
        raise ValidationError("Save your standards as a draft first.")
    return statement


@transaction.atomic
def standards_publish(*, actor: User, organisation: Organisation) -> StandardsStatement:
    """Publish the saved standards on the organisation's profile; publishing counts as a review."""
    _require_admin(actor=actor, organisation=organisation)
    statement = _locked(organisation)
    _check_complete(
        rights=statement.rights,
        responsibilities=statement.responsibilities,
        rows=_rows(statement),
    )
    now = timezone.now()
    statement.status = StandardsStatement.Status.PUBLISHED
    statement.published_at = now
    statement.last_reviewed_on = timezone.localdate(now)
    statement.updated_by = actor
    statement.version += 1
    statement.save()
    return statement


@transaction.atomic
def standards_mark_reviewed(*, actor: User, organisation: Organisation) -> StandardsStatement:
    """'We have reviewed these standards': restarts the six-month review clock."""
    _require_admin(actor=actor, organisation=organisation)
    statement = _locked(organisation)
    if statement.status != StandardsStatement.Status.PUBLISHED:
        raise ValidationError("Only published standards can be marked as reviewed.")
    statement.last_reviewed_on = timezone.localdate()
    statement.updated_by = actor
    statement.version += 1
    statement.save()
    return statement


@transaction.atomic
def standards_unpublish(*, actor: User, organisation: Organisation) -> StandardsStatement:
    """Take the standards off the profile and back to a draft, keeping every word."""
    _require_admin(actor=actor, organisation=organisation)
    statement = _locked(organisation)
    statement.status = StandardsStatement.Status.DRAFT
    statement.updated_by = actor
    statement.version += 1
    statement.save()
    return statement


def standards_remind_due(*, today: datetime.date | None = None) -> int:
    """Tell each organisation's admins, once, that its published standards are due for review
    (Recommendation 8). Returns how many admins were told; running it again tells nobody new."""
    from django.urls import reverse
    from django.utils.formats import date_format

    from hub.base.models import Membership
    from hub.base.notifications import notify

    told = 0
    for statement in due_for_review(today).select_related("organisation"):
        with transaction.atomic():
            locked = StandardsStatement.objects.select_for_update().get(pk=statement.pk)
            if locked.review_reminder_for == locked.last_reviewed_on:
                continue
            organisation = statement.organisation
            admins = User.objects.filter(
                memberships__organisation=organisation,
                memberships__status=Membership.Status.APPROVED,
                memberships__role=Membership.Role.ADMIN,
                is_active=True,
            )
            for admin in admins:
                notify(
                    recipient=admin,
                    kind="standards.review_due",
                    message=(
                        f"{organisation.name}'s Customer Service Standards were last reviewed on "
                        f"{date_format(locked.last_reviewed_on, 'j F Y')}: please review them."
                    ),
                    url=reverse("standards_edit", args=[organisation.slug]),
                )
                told += 1
            locked.review_reminder_for = locked.last_reviewed_on
            locked.save(update_fields=["review_reminder_for"])
    return told


# Reads -------------------------------------------------------------------------------------


def review_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Standards last reviewed before this date are due for review."""
    return (today or timezone.localdate()) - datetime.timedelta(days=REVIEW_AFTER_DAYS)


def is_due_for_review(statement: StandardsStatement, today: datetime.date | None = None) -> bool:
    return (
        statement.status == StandardsStatement.Status.PUBLISHED
        and statement.last_reviewed_on is not None
        and statement.last_reviewed_on < review_cutoff(today)
    )


def review_due_on(statement: StandardsStatement) -> datetime.date | None:
    if statement.last_reviewed_on is None:
        return None
    return statement.last_reviewed_on + datetime.timedelta(days=REVIEW_AFTER_DAYS)


def published() -> QuerySet[StandardsStatement]:
    return StandardsStatement.objects.filter(status=StandardsStatement.Status.PUBLISHED)


def due_for_review(today: datetime.date | None = None) -> QuerySet[StandardsStatement]:
    """Published standards whose last review is more than six months old (uses the
    status-and-review-date index)."""
    return published().filter(last_reviewed_on__lt=review_cutoff(today))


def stages() -> list[JourneyStage]:
    return list(JourneyStage.objects.order_by("sort_order", "name"))


def _with_items(queryset: QuerySet[StandardsStatement]) -> QuerySet[StandardsStatement]:
    return queryset.select_related("organisation").prefetch_related(
        Prefetch(
            "items",
            queryset=ServiceStandard.objects.select_related("stage").order_by(
                "stage__sort_order", "sort_order", "id"
            ),
        )
    )


def statement_for(organisation: Organisation) -> StandardsStatement | None:
    """The organisation's statement (draft or published) with its standards, in two queries."""
    return _with_items(StandardsStatement.objects.filter(organisation=organisation)).first()


@dataclass
class StageGroup:
    stage: JourneyStage
    items: list[ServiceStandard]


def by_stage(statement: StandardsStatement, all_stages: list[JourneyStage]) -> list[StageGroup]:
    """The statement's standards grouped under every journey stage, in the stages' order."""
    groups = {stage.pk: StageGroup(stage=stage, items=[]) for stage in all_stages}
    for item in statement.items.all():
        if item.stage_id in groups:
            groups[item.stage_id].items.append(item)
    return list(groups.values())


def comparison_candidates(*, area=None, kind: str = "") -> QuerySet[Organisation]:
    """Organisations with published standards, optionally in one area or of one kind."""
    queryset = Organisation.objects.filter(standards__status=StandardsStatement.Status.PUBLISHED)
    if area is not None:
        queryset = queryset.filter(areas=area)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("name", "id").only("id", "name", "slug", "kind")


@dataclass
class ComparisonRow:
    stage: JourneyStage
    cells: list[tuple[StandardsStatement, list[ServiceStandard]]]


def comparison(organisation_ids: Sequence[int]) -> tuple[list[StandardsStatement], list]:
    """Published standards of up to COMPARE_AT_MOST organisations, stage by stage: a fixed
    number of queries however many standards they have."""
    ids = list(organisation_ids)[:COMPARE_AT_MOST]
    statements = list(
        _with_items(published().filter(organisation_id__in=ids)).order_by("organisation__name")
    )
    all_stages = stages()
    rows = [ComparisonRow(stage=stage, cells=[]) for stage in all_stages]
    for statement in statements:
        groups = by_stage(statement, all_stages)
        for row, group in zip(rows, groups, strict=True):
            row.cells.append((statement, group.items))
    return statements, rows
