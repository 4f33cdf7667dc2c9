"""Saving, renaming and deleting a member's financial-model scenarios (owner only)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from hub.base.idempotency import create_once
from toolkits.models import Scenario


class ScenarioNameTaken(Exception):
    """The owner already has a scenario with this name: ask before replacing it."""

    def __init__(self, scenario: Scenario):
        super().__init__(scenario.name)
        self.scenario = scenario


def _check_owner(owner, scenario: Scenario) -> None:
    if scenario.owner_id != owner.pk:
        raise PermissionDenied("Only the owner can change a scenario.")


def scenario_save(
    *, owner, name: str, inputs: dict, submission_key=None, replace: bool = False
) -> tuple[Scenario, str]:
    """Save inputs under a name; return the scenario and "created", "replaced" or "repeat" (the
    same form sent twice). Raises ScenarioNameTaken unless `replace` is set."""
    if not owner.is_authenticated:
        raise PermissionDenied("Sign in to save a scenario.")
    if submission_key and (
        done := Scenario.objects.filter(owner=owner, submission_key=submission_key).first()
    ):
        return done, "repeat"
    with transaction.atomic():
        existing = Scenario.objects.select_for_update().filter(owner=owner, name=name).first()
        if existing is not None:
            if not replace:
                raise ScenarioNameTaken(existing)
            existing.inputs = inputs
            existing.save(update_fields=["inputs", "updated_at"])
            return existing, "replaced"
    try:
        scenario, created = create_once(
            Scenario,
            key=submission_key,
            owner={"owner": owner},
            create=lambda: Scenario.objects.create(
                owner=owner, name=name, inputs=inputs, submission_key=submission_key
            ),
        )
    except IntegrityError:  # the same name saved a moment ago by another request
        raise ScenarioNameTaken(Scenario.objects.get(owner=owner, name=name)) from None
    return scenario, "created" if created else "repeat"


def scenario_rename(*, owner, scenario: Scenario, name: str) -> Scenario:
    """Give a scenario a new name that none of the owner's other scenarios has."""
    _check_owner(owner, scenario)
    if Scenario.objects.filter(owner=owner, name=name).exclude(pk=scenario.pk).exists():
        raise ValidationError({"name": "You already have a scenario with that name"})
    scenario.name = name
    try:
        with transaction.atomic():
            scenario.save(update_fields=["name", "updated_at"])
    except IntegrityError:
        raise ValidationError({"name": "You already have a scenario with that name"}) from None
    return scenario


def scenario_delete(*, owner, scenario: Scenario) -> None:
    """Delete one of the owner's scenarios."""
    _check_owner(owner, scenario)
    scenario.delete()
