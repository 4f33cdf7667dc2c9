"""Held for review (pre-moderation): the registry of kinds of content that nobody sees until a
reviewer publishes it.

Reports (the rest of hub.base.moderation) take content down after the fact; a held kind is
never shown until someone who may review it says so. An app registers each held model in its
`AppConfig.ready()` with `register(HeldKind(...))`: who may review one item (`may_review(user,
obj)`, so an organisation's admin can review the claimant comments about it while only
moderators review others), how the queue names it, and what else publishing or rejecting
changes. The model inherits `hub.base.moderation.models.HeldForReview`; the services are
`hub.base.moderation.services.held_publish` and `held_reject`, the queue is "Held for review"
in the Wagtail admin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from hub.base.moderation import Registry, _Registered


def _nothing(obj, **kwargs) -> None:
    return None


@dataclass(frozen=True)
class HeldKind(_Registered):
    """A kind of content held until reviewed, and who may review it.

    Its audit-log actions are `action_prefix` + "publish" / "reject"; moderators (holders of
    `permission`) review every item of the kind in the admin's queue, and `may_review` may let
    others review some items (it must be True for a moderator too)."""

    model: type[models.Model]
    permission: str  # the moderators' permission ("cases.moderate_feedback")
    action_prefix: str  # "cases.feedback_": cases.feedback_publish, cases.feedback_reject
    describe: Callable[[models.Model], str]  # "a comment from a claimant of Acme Works"
    may_review: Callable[[object, models.Model], bool] | None = None  # (user, obj) -> bool
    where: Callable[[models.Model], str] = lambda obj: ""  # the queue's line under the heading
    excerpt_field: str = "comment"
    related: tuple[str, ...] = ()  # select_related for the queue
    order_by: tuple[str, ...] = ("id",)  # the queue's order: the longest-waiting first
    on_publish: Callable[..., None] = _nothing  # (obj, reviewer=User): caches, counters
    on_reject: Callable[..., None] = _nothing  # (obj, reviewer=User)

    @property
    def actions(self) -> dict[str, str]:
        return {"publish": f"{self.action_prefix}publish", "reject": f"{self.action_prefix}reject"}

    def is_moderator(self, user) -> bool:
        return bool(user.is_authenticated and user.has_perm(self.permission))

    def can_review(self, user, obj) -> bool:
        if not user.is_authenticated:
            return False
        if self.is_moderator(user):
            return True
        return bool(self.may_review and self.may_review(user, obj))


_registry = Registry("as held for review")
register, kinds, get, kind_of = (
    _registry.register,
    _registry.kinds,
    _registry.get,
    _registry.kind_of,
)


def is_reviewer(user) -> bool:
    """May review every item of at least one held kind (the admin queue's audience)."""
    return any(kind.is_moderator(user) for kind in kinds())
