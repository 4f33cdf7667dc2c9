"""One moderation mechanism for every kind of member content.

An app registers each kind of content members may report (`register(Kind(...))` in its
`AppConfig.ready()`); reports, the automatic hide, hiding and restoring with a reason, the audit
log and the review queue in the admin are then the same for all of them. The content keeps its
own `hidden_at`, `hidden_reason` and `hidden_by` fields (lists and search filter on them); a
kind says only what else hiding and restoring change (counters, a status, a revision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.text import Truncator


def _nothing(obj, **kwargs) -> None:
    return None


@dataclass(frozen=True)
class Kind:
    """A kind of content members may report, and what moderating it means for its app."""

    key: str  # in the admin's URLs: "case-study", "comment", "post"
    model: type[models.Model]
    label: str  # "case study": in messages and headings
    permission: str  # who moderates it ("cases.moderate_casestudy")
    actions: dict[str, str]  # audit-log action names: {"hide", "restore", "dismiss"}
    notification_kind: str  # the author is told of a hide under this notification kind
    describe: Callable[[models.Model], str]  # "the comment by Ann on “Job clubs”"
    heading: Callable[[models.Model], str]  # the queue's heading for it
    titled: Callable[[models.Model], str]  # "on “Job clubs”": "A moderator hid your comment …"
    where: Callable[[models.Model], str] = lambda obj: ""  # "in Funding", for the queue
    excerpt_field: str = "body"
    related: tuple[str, ...] = ("author",)  # select_related for the queue and the admin views
    on_hide: Callable[..., None] = _nothing  # (obj, moderator=None|User): counters, status...
    on_restore: Callable[..., None] = _nothing  # (obj, moderator=User)
    is_gone: Callable[[models.Model], bool] = lambda obj: (
        getattr(obj, "deleted_at", None) is not None
    )
    extra: dict = field(default_factory=dict)

    def excerpt(self, obj) -> str:
        return Truncator(getattr(obj, self.excerpt_field) or "").chars(300)

    def queryset(self):
        return self.model._default_manager.select_related(*self.related)


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _kinds[kind.key] = kind


def kinds() -> list[Kind]:
    return list(_kinds.values())


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def kind_of(obj_or_model) -> Kind:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    for kind in _kinds.values():
        if issubclass(model, kind.model):
            return kind
    raise LookupError(f"{model.__name__} is not registered for moderation")


def is_auto_hidden(obj) -> bool:
    """Hidden by enough members' reports rather than by a moderator."""
    return obj.hidden_at is not None and obj.hidden_by_id is None


def is_moderator(user, kind: Kind | None = None) -> bool:
    """May moderate `kind`, or at least one registered kind when none is given."""
    if not user.is_authenticated:
        return False
    return any(user.has_perm(k.permission) for k in ([kind] if kind else kinds()))
