"""One moderation mechanism for every kind of member content.

An app registers each kind of content members may report (`register(Kind(...))` in its
`AppConfig.ready()`); reports, the automatic hide, hiding and restoring with a reason, the audit
log and the review queue in the admin are then the same for all of them. The content keeps its
own `hidden_at`, `hidden_reason` and `hidden_by` fields (lists and search filter on them); a
kind says only what else hiding and restoring change (counters, a status, a revision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.text import Truncator, slugify


def _nothing(obj, **kwargs) -> None:
    return None


def _deleted(obj) -> bool:
    return getattr(obj, "deleted_at", None) is not None


class _Registered:
    """What a reported kind and a held kind share: their name from the model's verbose name
    ("case study", key "case-study"), an excerpt for the queue, the queue's queryset."""

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def key(self) -> str:
        return slugify(self.label)

    def excerpt(self, obj) -> str:
        return Truncator(getattr(obj, self.excerpt_field) or "").chars(300)

    def queryset(self):
        return self.model._default_manager.select_related(*self.related)


class Registry:
    """Kinds by key, registered from apps' `AppConfig.ready()`; `kind_of` finds an object's."""

    def __init__(self, what: str):
        self.what = what
        self._kinds: dict = {}

    def register(self, kind) -> None:
        self._kinds[kind.key] = kind

    def kinds(self) -> list:
        return list(self._kinds.values())

    def get(self, key: str):
        return self._kinds.get(key)

    def kind_of(self, obj_or_model):
        model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
        for kind in self._kinds.values():
            if issubclass(model, kind.model):
                return kind
        raise LookupError(f"{model.__name__} is not registered {self.what}")


@dataclass(frozen=True)
class Kind(_Registered):
    """A kind of content members may report, and what moderating it means for its app.

    Its key in the admin's URLs and its label come from the model's verbose name ("case study",
    "case-study"); its audit-log actions are `action_prefix` + "hide" / "restore" and
    "<app label>.flags_dismiss"; the author is told of a hide as "<app label>.hidden"."""

    model: type[models.Model]
    permission: str  # who moderates it ("cases.moderate_casestudy")
    action_prefix: str  # "forum.post_": forum.post_hide, forum.post_restore
    describe: Callable[[models.Model], str]  # "the comment by Ann on “Job clubs”"
    heading: Callable[[models.Model], str]  # the queue's heading for it
    titled: Callable[[models.Model], str]  # "on “Job clubs”": "A moderator hid your comment …"
    where: Callable[[models.Model], str] = lambda obj: ""  # "By Ann in Funding, posted …"
    excerpt_field: str = "body"
    related: tuple[str, ...] = ("author",)  # select_related for the queue and the admin views
    on_hide: Callable[..., None] = _nothing  # (obj, moderator=None|User): counters, status...
    on_restore: Callable[..., None] = _nothing  # (obj, moderator=User)
    is_gone: Callable[[models.Model], bool] = _deleted
    hidden_prefix: str = ""  # the audit log's words for a hide, if not "<Label> hidden by ..."

    @property
    def actions(self) -> dict[str, str]:
        app = self.model._meta.app_label
        return {
            "hide": f"{self.action_prefix}hide",
            "restore": f"{self.action_prefix}restore",
            "dismiss": f"{app}.flags_dismiss",
        }

    @property
    def notification_kind(self) -> str:
        return f"{self.model._meta.app_label}.hidden"


_registry = Registry("for moderation")
register, kinds, get, kind_of = (
    _registry.register,
    _registry.kinds,
    _registry.get,
    _registry.kind_of,
)


def is_auto_hidden(obj) -> bool:
    """Hidden by enough members' reports rather than by a moderator."""
    return obj.hidden_at is not None and obj.hidden_by_id is None


def is_moderator(user, kind: Kind | None = None) -> bool:
    """May moderate `kind`, or at least one registered kind when none is given."""
    if not user.is_authenticated:
        return False
    return any(user.has_perm(k.permission) for k in ([kind] if kind else kinds()))
