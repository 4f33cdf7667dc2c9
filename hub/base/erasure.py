"""Erasing a member: one rule for every relation that points at the user model.

Every model with a foreign key (or a many-to-many) to the user must have a rule, registered by
the app that owns the model in its ``AppConfig.ready()``; the base registers its own models',
Django's, Wagtail's and allauth's. ``account_erase`` applies them all and fails loudly when one is
missing, and ``tests/hub/test_erasure.py`` enumerates the relations so a new foreign key without
a rule fails the suite before it fails an erasure.

The user's row itself stays as an anonymous shell (no name, no email, no password, inactive):
what they wrote to others keeps pointing at it and is shown as "Former member", ratings and
reactions still count, and audit logs (which Wagtail never lets go of a user) stay valid. The
retention command deletes a shell once nothing points at it any more.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class Action(enum.Enum):
    KEEP = "keep"  # the row stays, pointing at the anonymous shell ("Former member")
    CLEAR = "clear"  # the row stays, no longer saying who (the field is set to null)
    DELETE = "delete"  # the rows are personal data and go


Handler = Callable[..., None]  # handler(user=..., queryset=...)


@dataclass(frozen=True)
class Rule:
    action: Action | None
    handler: Handler | None
    why: str
    order: int


_rules: dict[tuple[str, str], Rule] = {}


def register(
    model: str,
    field: str,
    action: Action | None = None,
    *,
    handler: Handler | None = None,
    why: str,
    order: int = 50,
) -> None:
    """Say what happens to ``model``'s rows whose ``field`` points at an erased member.

    ``model`` is an "app_label.ModelName" label (a model of an app that is not installed is
    ignored); give an ``action``, or a ``handler(user=, queryset=)`` that does the app's own
    service work (deleting drafts, say). Lower ``order`` runs first.
    """
    if (action is None) == (handler is None):
        raise ValueError("Give either an action or a handler.")
    _rules[(model.lower(), field)] = Rule(action, handler, why, order)


def relations_to_user() -> list[tuple[type[models.Model], str]]:
    """(model, field name) for every foreign key, one-to-one and many-to-many that points at
    the user model, from any installed app, including auto-created many-to-many tables."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields(include_hidden=True):
            if (
                field.model is model  # not a parent's field seen from a child page type
                and field.concrete
                and field.is_relation
                and field.related_model is user_model
                and (field.many_to_one or field.one_to_one)
            ):
                found.append((model, field.name))
    for field in user_model._meta.get_fields(include_hidden=True):
        # A many-to-many declared elsewhere towards the user has its through table found above;
        # the user's own (groups, permissions) likewise. Nothing else can point at a user.
        assert not (field.many_to_many and field.concrete and field.model is not user_model)
    return found


def rule_for(model: type[models.Model], field: str) -> Rule | None:
    return _rules.get((model._meta.label_lower, field))


def missing_rules() -> list[str]:
    return [
        f"{model._meta.label}.{field}"
        for model, field in relations_to_user()
        if rule_for(model, field) is None
    ]


def rules_in_order() -> list[tuple[type[models.Model], str, Rule]]:
    missing = missing_rules()
    if missing:
        raise ImproperlyConfigured(
            "No erasure rule for: " + ", ".join(missing) + ". Register one with "
            "hub.base.erasure.register in the owning app's AppConfig.ready()."
        )
    found = [(model, field, rule_for(model, field)) for model, field in relations_to_user()]
    return sorted(found, key=lambda item: (item[2].order, item[0]._meta.label, item[1]))


def apply_rules(user) -> None:
    """Apply every rule to the rows that point at ``user`` (inside the caller's transaction)."""
    for model, field, rule in rules_in_order():
        queryset = model._base_manager.filter(**{field: user})
        if rule.handler is not None:
            rule.handler(user=user, queryset=queryset)
        elif rule.action is Action.DELETE:
            queryset.delete()
        elif rule.action is Action.CLEAR:
            queryset.update(**{field: None})
