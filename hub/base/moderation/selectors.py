"""Reads for moderation: who reported what, and the review queue, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Min, OuterRef, Q

from hub.base.moderation import Kind, get, is_auto_hidden, is_moderator, kind_of, kinds
from hub.base.moderation.models import Report

ITEMS_PER_PAGE = 20


def reported_by(user, objects) -> set[int]:
    """Ids of `objects` (one kind) on which `user` has an open report, to show "Reported"."""
    objects = list(objects)
    if not user.is_authenticated or not objects:
        return set()
    content_type = ContentType.objects.get_for_model(objects[0], for_concrete_model=False)
    return set(
        Report.objects.open()
        .filter(reporter=user, content_type=content_type, object_id__in=[o.pk for o in objects])
        .values_list("object_id", flat=True)
    )


def reported_by_exists(user, model) -> Exists:
    """`reported_by` as an annotation on a queryset of `model` (signed-in `user`): the page's
    own query says which rows they reported, with no query of its own."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Exists(
        Report.objects.open().filter(
            reporter=user, content_type=content_type, object_id=OuterRef("pk")
        )
    )


def open_report_count() -> int:
    return Report.objects.open().count()


@dataclass
class QueueItem:
    """One reported item with its open reports, as the queue shows it."""

    kind: Kind
    target: object
    first_reported: datetime
    reports: list[Report] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return self.kind.heading(self.target)

    @property
    def where(self) -> str:
        return self.kind.where(self.target)

    @property
    def excerpt(self) -> str:
        return self.kind.excerpt(self.target)

    @property
    def auto_hidden(self) -> bool:
        return is_auto_hidden(self.target)

    @property
    def state(self) -> str:
        """Where the item stands now, or '' while it is shown."""
        if self.kind.is_gone(self.target):
            return "Deleted by its author"
        if self.auto_hidden:
            return "Hidden automatically until reviewed"
        if self.target.hidden_at is not None:
            return "Hidden by a moderator"
        return ""

    @property
    def can_hide(self) -> bool:
        """A shown item can be hidden, and an automatic hide confirmed with a reason."""
        return not self.kind.is_gone(self.target) and (
            self.target.hidden_at is None or self.auto_hidden
        )


def queue_page(page_number, *, moderator) -> object:
    """One page of reported items of the kinds `moderator` may moderate, the oldest report
    first; a fixed number of queries a page (one per kind on it, whatever the data)."""
    allowed = [k for k in kinds() if is_moderator(moderator, k)]
    types = ContentType.objects.get_for_models(
        *[k.model for k in allowed], for_concrete_models=False
    )
    type_ids = {ct.pk: model for model, ct in types.items()}
    groups = (
        Report.objects.open()
        .filter(content_type__in=list(type_ids))
        .values("content_type_id", "object_id")
        .annotate(first_reported=Min("created_at"), reports=Count("id"))
        .order_by("first_reported", "content_type_id", "object_id")
    )
    page = Paginator(groups, ITEMS_PER_PAGE).get_page(page_number)
    rows = list(page.object_list)
    wanted: dict[int, list[int]] = {}
    for row in rows:
        wanted.setdefault(row["content_type_id"], []).append(row["object_id"])
    targets = {
        type_id: kind_of(type_ids[type_id]).queryset().in_bulk(ids)
        for type_id, ids in wanted.items()
    }
    items = {}
    for row in rows:
        key = (row["content_type_id"], row["object_id"])
        target = targets[key[0]].get(key[1])
        if target is not None:
            items[key] = QueueItem(kind_of(target), target, row["first_reported"])
    if items:
        match = Q()
        for type_id, ids in wanted.items():
            match |= Q(content_type_id=type_id, object_id__in=ids)
        reports = Report.objects.open().filter(match).select_related("reporter")
        for report in reports.order_by("created_at", "id"):
            item = items.get((report.content_type_id, report.object_id))
            if item:
                item.reports.append(report)
    page.object_list = list(items.values())
    return page


def target(kind_key: str, pk: int):
    """The registered item `kind_key` `pk`, or None."""
    kind = get(kind_key)
    if kind is None:
        return None
    return kind.queryset().filter(pk=pk).first()


@dataclass
class HeldSection:
    """One held kind's waiting items, a page at a time, as the admin's queue shows them."""

    kind: object
    page: object
    total: int


def held_count(user) -> int:
    """Items waiting in every held kind `user` moderates (the admin menu's number)."""
    from hub.base.moderation import held

    return sum(
        k.model._default_manager.filter(review_state="held").count()
        for k in held.kinds()
        if k.is_moderator(user)
    )


def held_queue(user, *, kind_key: str | None = None, page_number=None) -> list[HeldSection]:
    """The held items of each kind `user` moderates, the longest-waiting first; two queries
    a kind (its count and its page), whatever the data. `kind_key` pages through one kind."""
    from hub.base.moderation import held

    sections = []
    for kind in held.kinds():
        if not kind.is_moderator(user) or (kind_key and kind.key != kind_key):
            continue
        waiting = kind.queryset().filter(review_state="held").order_by(*kind.order_by)
        page = Paginator(waiting, ITEMS_PER_PAGE).get_page(page_number if kind_key else 1)
        page.object_list = list(page.object_list)
        sections.append(HeldSection(kind, page, page.paginator.count))
    return sections


def held_target(kind_key: str, pk: int):
    """The held-kind item `kind_key` `pk` (whatever its state), or None."""
    from hub.base.moderation import held

    kind = held.get(kind_key)
    if kind is None:
        return None
    return kind.queryset().filter(pk=pk).first()
