"""Writes for performance records: entry, the community's validation, and provenance.

Only an organisation's admins enter or change its records. Others move a record's state:
a supply-chain partner confirms it, a moderator verifies it, any member of another
organisation may dispute it. Every change is kept as a RecordEvent.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from cases.caching import records_changed
from cases.performance.models import PerformanceRecord, RecordEvent, RecordUpload
from hub.base import roles
from hub.base.models import Organisation, SupplyChainLink, User

FIGURES = (
    "referrals", "attachments", "job_starts", "job_outcomes", "sustainment_outcomes",
    "profile_job_outcomes", "funding_received",
)  # fmt: skip
FIELDS = (
    "role", "prime", "programme", "area", "claimant_group", "period_start", "period_end",
    *FIGURES, "visibility",
)  # fmt: skip
VERIFY = "cases.verify_performancerecord"
Status = PerformanceRecord.Status


def is_verifier(user) -> bool:
    return user.is_authenticated and user.has_perm(VERIFY)


def can_enter(user, organisation: Organisation) -> bool:
    return organisation.pk in roles.admin_organisation_ids(user)


def partner_organisation_ids(record: PerformanceRecord) -> set[int]:
    """The organisations that share a confirmed supply chain with the record's organisation."""
    links = SupplyChainLink.objects.filter(status=SupplyChainLink.Status.CONFIRMED).filter(
        Q(prime=record.organisation_id) | Q(subcontractor=record.organisation_id)
    )
    ids = set()
    for prime_id, sub_id in links.values_list("prime_id", "subcontractor_id"):
        ids.add(sub_id if prime_id == record.organisation_id else prime_id)
    return ids


def confirming_organisation(user, record: PerformanceRecord) -> int | None:
    """The partner organisation `user` would confirm for, or None if they cannot."""
    mine = set(roles.organisation_roles(user))
    partners = partner_organisation_ids(record) & mine
    if record.role == PerformanceRecord.Role.SUBCONTRACTOR and record.prime_id in partners:
        return record.prime_id
    return min(partners) if partners else None


def _validate(record: PerformanceRecord, *, check_duplicate: bool = True) -> None:
    """Model validation with the rules stated in words, beside the fields they concern."""
    errors = {}
    figures = {name: getattr(record, name) for name in FIGURES}
    chain = [("attachments", "referrals"), ("job_starts", "attachments"),
             ("job_outcomes", "job_starts")]  # fmt: skip
    words = {"referrals": "referrals", "attachments": "attachments",
             "job_starts": "job starts", "job_outcomes": "job outcomes"}  # fmt: skip
    for smaller, larger in chain:
        small, large = figures[smaller], figures[larger]
        if small is not None and large is not None and small > large:
            errors[smaller] = (
                f"{words[smaller].capitalize()} ({small}) cannot be more than "
                f"{words[larger]} ({large})"
            )
    if figures["job_starts"] is None and figures["job_outcomes"] is None:
        errors.setdefault("job_starts", "Give job starts, job outcomes or both")
    if record.period_start and record.period_end and record.period_end < record.period_start:
        errors["period_end"] = "The period must end in the same month as it starts or later"
    if record.role == PerformanceRecord.Role.SUBCONTRACTOR and not record.prime_id:
        errors["prime"] = "Say which prime contractor you deliver for"
    if record.role == PerformanceRecord.Role.PRIME:
        record.prime = None
    if record.prime_id and record.prime_id == record.organisation_id:
        errors["prime"] = "An organisation cannot be its own prime contractor"
    if errors:
        raise ValidationError(errors)
    if not check_duplicate:
        return
    duplicate = PerformanceRecord.objects.filter(
        organisation=record.organisation_id, programme=record.programme_id, area=record.area_id,
        claimant_group=record.claimant_group_id, period_start=record.period_start,
        period_end=record.period_end,
    ).exclude(pk=record.pk)  # fmt: skip
    if duplicate.exists():
        raise ValidationError(DUPLICATE_MESSAGE)


def _event(record, action, actor, *, note="", from_status="", organisation=None):
    return RecordEvent.objects.create(
        record=record, action=action, actor=actor, note=note, from_status=from_status,
        to_status=record.status, actor_organisation=organisation,
    )  # fmt: skip


DUPLICATE_MESSAGE = (
    "There is already a record for this organisation, programme, area, claimant group and "
    "period. Change that record instead."
)


def build(
    *, organisation: Organisation, data: dict, check_duplicate: bool = True
) -> PerformanceRecord:
    """An unsaved record from cleaned data, validated. The importer checks a whole file's
    duplicates in one query and so turns the per-record check off."""
    record = PerformanceRecord(organisation=organisation)
    for name in FIELDS:
        if name in data:
            setattr(record, name, data[name])
    _validate(record, check_duplicate=check_duplicate)
    return record


@transaction.atomic
def record_create(
    *, actor: User, organisation: Organisation, data: dict, upload=None
) -> PerformanceRecord:
    """Enter one record for one of the actor's organisations (as its admin)."""
    if not can_enter(actor, organisation):
        raise PermissionDenied("Only the organisation's admins can enter its records.")
    record = build(organisation=organisation, data=data)
    record.created_by, record.upload = actor, upload
    record.save()
    _event(record, RecordEvent.Action.CREATED, actor, organisation=organisation)
    return record


@transaction.atomic
def record_update(*, actor: User, record: PerformanceRecord, data: dict) -> PerformanceRecord:
    """Correct a record's figures. A confirmation was of the old figures, so it starts again as
    self-reported; a dispute stays until someone resolves it."""
    record = PerformanceRecord.objects.select_for_update().get(pk=record.pk)
    if not can_enter(actor, record.organisation):
        raise PermissionDenied("Only the organisation's admins can change its records.")
    before = record.status
    for name in FIELDS:
        if name in data:
            setattr(record, name, data[name])
    _validate(record)
    if before in (Status.PEER_CONFIRMED, Status.VERIFIED):
        record.status = Status.SELF_REPORTED
    record.save()
    _event(record, RecordEvent.Action.UPDATED, actor, from_status=before,
           organisation=record.organisation)  # fmt: skip
    return record


@transaction.atomic
def record_confirm(*, actor: User, record: PerformanceRecord, note: str = "") -> PerformanceRecord:
    """A member of a supply-chain partner confirms the figures match what they know."""
    record = PerformanceRecord.objects.select_for_update().get(pk=record.pk)
    partner = confirming_organisation(actor, record)
    if partner is None:
        raise PermissionDenied(
            "Only a member of an organisation in the same supply chain can confirm this record."
        )
    if record.status != Status.SELF_REPORTED:
        raise ValidationError(f"This record is {record.get_status_display().lower()} already.")
    before, record.status = record.status, Status.PEER_CONFIRMED
    record.save(update_fields=["status", "updated_at"])
    _event(record, RecordEvent.Action.CONFIRMED, actor, note=note.strip(), from_status=before,
           organisation=Organisation.objects.get(pk=partner))  # fmt: skip
    return record


@transaction.atomic
def record_verify(*, actor: User, record: PerformanceRecord, note: str) -> PerformanceRecord:
    """A moderator checked the evidence; the note says what they saw."""
    if not is_verifier(actor):
        raise PermissionDenied("Only a moderator can verify a record.")
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Say what evidence you checked"})
    record = PerformanceRecord.objects.select_for_update().get(pk=record.pk)
    if record.status == Status.DISPUTED:
        raise ValidationError("Resolve the dispute before verifying the record.")
    before, record.status = record.status, Status.VERIFIED
    record.save(update_fields=["status", "updated_at"])
    _event(record, RecordEvent.Action.VERIFIED, actor, note=note, from_status=before)
    return record


@transaction.atomic
def record_dispute(*, actor: User, record: PerformanceRecord, reason: str) -> PerformanceRecord:
    """A member of another organisation says the figures look wrong, and why (shown to all)."""
    if not roles.is_member(actor):
        raise PermissionDenied("Join your organisation on the hub to dispute a record.")
    if record.organisation_id in roles.organisation_roles(actor):
        raise PermissionDenied("You cannot dispute your own organisation's record; correct it.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say what looks wrong"})
    record = PerformanceRecord.objects.select_for_update().get(pk=record.pk)
    if record.status == Status.DISPUTED:
        raise ValidationError("This record is already disputed.")
    before, record.status = record.status, Status.DISPUTED
    record.save(update_fields=["status", "updated_at"])
    mine = sorted(roles.organisation_roles(actor))
    _event(record, RecordEvent.Action.DISPUTED, actor, note=reason, from_status=before,
           organisation=Organisation.objects.get(pk=mine[0]))  # fmt: skip
    return record


@transaction.atomic
def record_resolve(*, actor: User, record: PerformanceRecord, note: str) -> PerformanceRecord:
    """Close a dispute (a moderator, or the organisation's admin), returning the record to the
    state it had before."""
    record = PerformanceRecord.objects.select_for_update().get(pk=record.pk)
    if not (is_verifier(actor) or can_enter(actor, record.organisation)):
        raise PermissionDenied("Only a moderator or the organisation's admins can resolve this.")
    if record.status != Status.DISPUTED:
        raise ValidationError("This record is not disputed.")
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Say how the dispute was resolved"})
    dispute = record.events.filter(action=RecordEvent.Action.DISPUTED).order_by("-id").first()
    back_to = dispute.from_status if dispute and dispute.from_status else Status.SELF_REPORTED
    record.status = back_to
    record.save(update_fields=["status", "updated_at"])
    _event(record, RecordEvent.Action.RESOLVED, actor, note=note, from_status=Status.DISPUTED)
    return record


@transaction.atomic
def record_set_visibility(
    *, actor: User, record: PerformanceRecord, visibility: str
) -> PerformanceRecord:
    """The organisation chooses whether a record is for members only or published openly."""
    record = PerformanceRecord.objects.select_for_update().get(pk=record.pk)
    if not can_enter(actor, record.organisation):
        raise PermissionDenied("Only the organisation's admins choose who sees its records.")
    if visibility not in PerformanceRecord.Visibility.values:
        raise ValidationError({"visibility": "Choose who can see the record"})
    if record.visibility != visibility:
        record.visibility = visibility
        record.save(update_fields=["visibility", "updated_at"])
        _event(record, RecordEvent.Action.VISIBILITY, actor,
               note=record.get_visibility_display(), from_status=record.status,
               organisation=record.organisation)  # fmt: skip
    return record


BATCH_SIZE = 500


def records_import(
    *,
    actor: User,
    organisation: Organisation,
    records: list[PerformanceRecord],
    filename: str,
    sha256: str,
) -> RecordUpload:
    """Save an upload and all its checked records, each with its "created" event, in one
    transaction: if the database refuses any row (say, a record someone else saved since the
    check), nothing is saved and a ValidationError says so."""
    if not can_enter(actor, organisation):
        raise PermissionDenied("Only the organisation's admins can upload its records.")
    if not records:
        raise ValidationError("There are no records to save.")
    if any(record.organisation_id != organisation.pk or record.pk for record in records):
        raise ValueError("Commit only new records built for this organisation.")
    try:
        with transaction.atomic():
            upload = RecordUpload.objects.create(
                organisation=organisation, uploaded_by=actor, filename=filename[:255],
                sha256=sha256, row_count=len(records),
            )  # fmt: skip
            for record in records:
                record.upload, record.created_by = upload, actor
            PerformanceRecord.objects.bulk_create(records, batch_size=BATCH_SIZE)
            records_changed()  # bulk_create sends no post_save: forget cached answers here
            if any(record.pk is None for record in records):  # a backend that returns no ids
                ids = list(upload.records.order_by("pk").values_list("pk", flat=True))
            else:
                ids = [record.pk for record in records]
            event = {
                "action": RecordEvent.Action.CREATED,
                "actor": actor,
                "actor_organisation": organisation,
                "to_status": PerformanceRecord.Status.SELF_REPORTED,
                "note": f"Uploaded in {upload.filename}",
            }
            RecordEvent.objects.bulk_create(
                [RecordEvent(record_id=pk, **event) for pk in ids], batch_size=BATCH_SIZE
            )
    except IntegrityError as exc:
        for record in records:  # as they were: unsaved, so a caller may check them again
            record.pk, record.upload, record._state.adding = None, None, True
        raise ValidationError(
            "Nothing has been saved: the database refused one of the records, most likely "
            "because someone saved a record for the same programme, area, claimant group and "
            "period meanwhile. Upload the file again to see which row.",
            code="conflict",
        ) from exc
    return upload
