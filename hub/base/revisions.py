"""Visible edit history for member text, one mechanism for every kind (forum posts, case-study
comments): an app's edit service calls `keep` before it overwrites the text, and its history
page reads `versions`. Who may see which history is the app's rule (members see the versions
of content shown to them; moderators see all)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models

from hub.base.models import TextRevision

MAX_VERSIONS_SHOWN = 50


@dataclass(frozen=True)
class Version:
    body: str
    written_at: datetime
    current: bool


def _about(obj: models.Model) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
        "object_id": obj.pk,
    }


def keep(obj: models.Model, *, body: str, written_at: datetime, replaced_by) -> TextRevision:
    """Keep `body` (the text about to be replaced, written at `written_at`) as an earlier version
    of `obj`. Call it inside the edit's transaction."""
    return TextRevision.objects.create(
        **_about(obj), body=body, written_at=written_at, replaced_by=replaced_by
    )


def versions(obj: models.Model, *, current_body: str, current_at: datetime) -> list[Version]:
    """The current text first, then the earlier versions newest first (bounded): one query."""
    earlier = (
        TextRevision.objects.filter(**_about(obj))
        .order_by("-replaced_at", "-id")
        .values_list("body", "written_at")[: MAX_VERSIONS_SHOWN - 1]
    )
    return [
        Version(current_body, current_at, True),
        *(Version(body, at, False) for body, at in earlier),
    ]


def count(obj: models.Model) -> int:
    return TextRevision.objects.filter(**_about(obj)).count()


def delete_for(obj: models.Model) -> None:
    """Drop an item's earlier versions (its author deleted it: the text must go everywhere)."""
    TextRevision.objects.filter(**_about(obj)).delete()


def register_personal_data(name: str, model: type[models.Model], *, author_field: str, what: str):
    """Put the earlier versions of a member's own items of `model` in their data download
    (hub.base.personal_data); `object_id` there is the item's id."""
    from hub.base import personal_data

    def rows(user):
        return TextRevision.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=model._default_manager.filter(**{author_field: user}).values("pk"),
        ).order_by("object_id", "replaced_at")

    personal_data.register(
        name,
        rows,
        fields=["object_id", "body", "written_at", "replaced_at"],
        description=f"earlier versions of {what} (object_id is its id)",
    )
