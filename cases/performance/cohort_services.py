"""Writes for cohort records: entry by form, updates, and uploads that create or update.

The same rules as period records (cases.performance.services): only an organisation's admins
enter or change its cohorts. A cohort's figures grow as its people reach milestones, so a later
upload (or form) for the same organisation, programme, area, claimant group, month and prime
*updates* the cohort, and every change is kept as a CohortEvent with its old and new figures and
the upload it came from. Figures a confirmation or verification vouched for start again as
self-reported when they change; a dispute stays until resolved.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from cases.caching import records_changed
from cases.performance.cohorts import FIGURE_NAMES, MEASURES, MILESTONES, figure_name
from cases.performance.models import CohortEvent, CohortRecord, RecordUpload
from cases.performance.services import can_enter
from hub.base.models import Organisation, User

KEY_FIELDS = ("role", "prime", "programme", "area", "claimant_group", "cohort_month")
FIGURES = ("attached", *FIGURE_NAMES)
FIELDS = (*KEY_FIELDS, *FIGURES, "visibility")
TRACKED = (*FIGURES, "visibility")
Status = CohortRecord.Status
_WORDS = {"job_starts": "job starts", "job_outcomes": "job outcomes",
          "sustainment_outcomes": "sustainment outcomes"}  # fmt: skip


def cohort_key(cohort) -> tuple:
    """What makes a cohort one cohort (the database's unique constraint)."""
    return (
        cohort.programme_id, cohort.area_id, cohort.claimant_group_id, cohort.cohort_month,
        cohort.prime_id,
    )  # fmt: skip


def validate(cohort: CohortRecord) -> None:
    """The model's rules in words, beside the fields they concern."""
    errors: dict[str, str] = {}
    if cohort.cohort_month and cohort.cohort_month.day != 1:
        errors["cohort_month"] = "Give the cohort as a month: the first day of the month"
    if cohort.attached is None:
        errors["attached"] = "Enter the number of people attached in the month"
    for measure in MEASURES:
        earlier = None
        for months in MILESTONES:
            name = figure_name(measure, months)
            value = getattr(cohort, name)
            if value is None:
                continue
            if cohort.attached is not None and value > cohort.attached:
                errors.setdefault(
                    name,
                    f"{_WORDS[measure].capitalize()} by {months} months ({value}) cannot be more "
                    f"than the people attached ({cohort.attached})",
                )
            if earlier is not None and value < earlier[1]:
                errors.setdefault(
                    name,
                    f"{_WORDS[measure].capitalize()} by {months} months ({value}) cannot be fewer "
                    f"than by {earlier[0]} months ({earlier[1]}): the figures add up over time",
                )
            earlier = (months, value)
    if cohort.role == CohortRecord.Role.SUBCONTRACTOR and not cohort.prime_id:
        errors["prime"] = "Say which prime contractor you deliver for"
    if cohort.role == CohortRecord.Role.PRIME:
        cohort.prime = None
    if cohort.prime_id and cohort.prime_id == cohort.organisation_id:
        errors["prime"] = "An organisation cannot be its own prime contractor"
    if errors:
        raise ValidationError(errors)


def build(*, organisation: Organisation, data: dict) -> CohortRecord:
    """An unsaved cohort from cleaned data, validated."""
    cohort = CohortRecord(organisation=organisation)
    for name in FIELDS:
        if name in data:
            setattr(cohort, name, data[name])
    validate(cohort)
    return cohort


def merged(existing: CohortRecord, data: dict) -> tuple[CohortRecord, dict]:
    """`existing` with the figures `data` gives (an empty figure keeps the stored one: a later
    file need not repeat what is known), validated, and the changes as {field: [old, new]}."""
    changes = {}
    for name in TRACKED:
        new = data.get(name)
        if new is None:
            continue
        old = getattr(existing, name)
        if old != new:
            changes[name] = [old, new]
            setattr(existing, name, new)
    validate(existing)
    return existing, changes


def changes_of(stored: CohortRecord, data: dict) -> dict:
    """What `data` would change in `stored` ({field: [old, new]}), validated, leaving
    `stored` as it is (ValidationError if the result breaks a rule)."""
    copy = CohortRecord(
        **{f.attname: getattr(stored, f.attname) for f in CohortRecord._meta.concrete_fields}
    )
    return merged(copy, data)[1]


def _event(cohort, action, actor, *, changes=None, upload=None, from_status="", note=""):
    return CohortEvent(
        cohort=cohort, action=action, actor=actor, actor_organisation=cohort.organisation,
        upload=upload, changes=changes or {}, from_status=from_status, to_status=cohort.status,
        note=note,
    )  # fmt: skip


def _find(organisation, data) -> CohortRecord | None:
    return (
        CohortRecord.objects.select_for_update()
        .filter(
            organisation=organisation,
            programme=data.get("programme"),
            area=data.get("area"),
            claimant_group=data.get("claimant_group"),
            cohort_month=data.get("cohort_month"),
            prime=data.get("prime") if data.get("role") != CohortRecord.Role.PRIME else None,
        )  # fmt: skip
        .first()
    )


@transaction.atomic
def cohort_record_create(*, actor: User, organisation: Organisation, data: dict) -> CohortRecord:
    """Enter one cohort for one of the actor's organisations (as its admin); a cohort that
    exists already is updated instead, with its provenance kept."""
    if not can_enter(actor, organisation):
        raise PermissionDenied("Only the organisation's admins can enter its cohorts.")
    cohort = build(organisation=organisation, data=data)
    existing = _find(organisation, data)
    if existing is not None:
        return _apply(actor, existing, data)
    cohort.created_by = actor
    cohort.save()
    _event(cohort, CohortEvent.Action.CREATED, actor,
           changes={n: [None, getattr(cohort, n)] for n in FIGURES
                    if getattr(cohort, n) is not None}).save()  # fmt: skip
    return cohort


def _apply(actor, cohort: CohortRecord, data: dict, upload=None) -> CohortRecord:
    before = cohort.status
    cohort, changes = merged(cohort, data)
    if not changes:
        return cohort
    if before in (Status.PEER_CONFIRMED, Status.VERIFIED) and set(changes) - {"visibility"}:
        cohort.status = Status.SELF_REPORTED
    cohort.save()
    _event(cohort, CohortEvent.Action.UPDATED, actor, changes=changes, upload=upload,
           from_status=before,
           note=f"Uploaded in {upload.filename}" if upload else "").save()  # fmt: skip
    return cohort


@transaction.atomic
def cohort_record_update(*, actor: User, cohort: CohortRecord, data: dict) -> CohortRecord:
    """Change a cohort's figures (they grow as people reach milestones)."""
    cohort = (
        CohortRecord.objects.select_for_update().select_related("organisation").get(pk=cohort.pk)
    )
    if not can_enter(actor, cohort.organisation):
        raise PermissionDenied("Only the organisation's admins can change its cohorts.")
    return _apply(actor, cohort, {name: data[name] for name in TRACKED if name in data})


BATCH_SIZE = 500


def cohorts_import(
    *,
    actor: User,
    organisation: Organisation,
    cohorts: list[CohortRecord],
    updates: list[tuple[CohortRecord, dict]],
    filename: str,
    sha256: str,
) -> RecordUpload:
    """Save an upload in one transaction: the new cohorts, each with its "created" event, and
    the changes to cohorts that exist (`updates`: the stored cohort and the row's data), each
    with an "updated" event naming the upload and every old → new figure. If the database
    refuses anything, nothing is saved and a ValidationError says so."""
    if not can_enter(actor, organisation):
        raise PermissionDenied("Only the organisation's admins can upload its cohorts.")
    if not cohorts and not updates:
        raise ValidationError("There are no cohorts to save.")
    if any(c.organisation_id != organisation.pk or c.pk for c in cohorts) or any(
        c.organisation_id != organisation.pk or not c.pk for c, _ in updates
    ):
        raise ValueError("Commit only cohorts of this organisation.")
    try:
        with transaction.atomic():
            upload = RecordUpload.objects.create(
                organisation=organisation, uploaded_by=actor, filename=filename[:255],
                sha256=sha256, row_count=len(cohorts) + len(updates),
                kind=RecordUpload.Kind.COHORT,
            )  # fmt: skip
            for cohort in cohorts:
                cohort.upload, cohort.created_by = upload, actor
            CohortRecord.objects.bulk_create(cohorts, batch_size=BATCH_SIZE)
            if any(c.pk is None for c in cohorts):  # a backend that returns no ids
                saved = {cohort_key(c): c for c in upload.cohorts.all()}
                for cohort in cohorts:
                    cohort.pk = saved[cohort_key(cohort)].pk
            events = [
                _event(c, CohortEvent.Action.CREATED, actor, upload=upload,
                       note=f"Uploaded in {upload.filename}",
                       changes={n: [None, getattr(c, n)] for n in FIGURES
                                if getattr(c, n) is not None})
                for c in cohorts
            ]  # fmt: skip
            ids = [c.pk for c, _ in updates]
            locked = {
                c.pk: c
                for c in CohortRecord.objects.select_for_update()
                .select_related("organisation")
                .filter(pk__in=ids)
            }
            for stored, data in updates:
                cohort = locked[stored.pk]
                before = cohort.status
                cohort, changes = merged(cohort, data)
                if not changes:
                    continue
                if before in (Status.PEER_CONFIRMED, Status.VERIFIED):
                    cohort.status = Status.SELF_REPORTED
                cohort.save()
                events.append(
                    _event(cohort, CohortEvent.Action.UPDATED, actor, changes=changes,
                           upload=upload, from_status=before,
                           note=f"Uploaded in {upload.filename}")
                )  # fmt: skip
            CohortEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)
            records_changed()
    except IntegrityError as exc:
        for cohort in cohorts:
            cohort.pk, cohort.upload, cohort._state.adding = None, None, True
        raise ValidationError(
            "Nothing has been saved: the database refused one of the cohorts, most likely "
            "because someone saved the same cohort meanwhile. Upload the file again to see "
            "which row.",
            code="conflict",
        ) from exc
    return upload
