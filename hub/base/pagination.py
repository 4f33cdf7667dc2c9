"""Keyset ("cursor") pagination: page 500 costs what page 1 costs.

An offset makes the database walk past every earlier row; a cursor says "the rows after this
one" and lets an index jump straight there. The cursor holds the sort values of the boundary
row, signed so nobody can hand-craft a query from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core import signing
from django.db.models import Q, QuerySet

_SIGNER = signing.Signer(salt="hub.base.pagination.cursor")


@dataclass
class KeysetPage:
    items: list
    next_cursor: str | None = None
    previous_cursor: str | None = None
    is_first: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return not self.is_first


def _values(obj, fields: list[str]) -> list:
    return [getattr(obj, f.lstrip("-")) for f in fields]


def _encode(obj, fields: list[str], model) -> str:
    raw = []
    for name, value in zip(fields, _values(obj, fields), strict=True):
        raw.append(
            model._meta.get_field(name.lstrip("-")).value_to_string(obj)
            if value is not None
            else None
        )
    return _SIGNER.sign(json.dumps(raw, separators=(",", ":")))


def _decode(cursor: str, fields: list[str], model) -> list | None:
    try:
        raw = json.loads(_SIGNER.unsign(cursor))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(raw, list) or len(raw) != len(fields):
        return None
    values = []
    try:
        for name, value in zip(fields, raw, strict=True):
            values.append(model._meta.get_field(name.lstrip("-")).to_python(value))
    except Exception:  # noqa: BLE001 - any bad value means a bad cursor: start again
        return None
    return values


def _beyond(fields: list[str], values: list, *, forwards: bool) -> Q:
    """Rows strictly after (or before) `values` in the order `fields`, as one OR of ANDs."""
    condition = Q()
    for i, name in enumerate(fields):
        descending = name.startswith("-")
        column = name.lstrip("-")
        go_down = descending == forwards
        step = Q(**{f"{column}__{'lt' if go_down else 'gt'}": values[i]})
        for earlier, value in zip(fields[:i], values[:i], strict=True):
            step &= Q(**{earlier.lstrip("-"): value})
        condition |= step
    return condition


def keyset_page(
    queryset: QuerySet, *, order: list[str], after: str | None, before: str | None, size: int
) -> KeysetPage:
    """One page of `queryset` in `order` (the last field must be unique, like "-id"), after or
    before a cursor taken from a previous page."""
    model = queryset.model
    reverse = [f[1:] if f.startswith("-") else f"-{f}" for f in order]
    if before and (values := _decode(before, order, model)) is not None:
        rows = list(
            queryset.filter(_beyond(order, values, forwards=False)).order_by(*reverse)[: size + 1]
        )
        more_before = len(rows) > size
        rows = list(reversed(rows[:size]))
        page = KeysetPage(items=rows, is_first=not more_before)
        if rows:
            page.next_cursor = _encode(rows[-1], order, model)
            page.previous_cursor = _encode(rows[0], order, model) if more_before else None
        return page
    values = _decode(after, order, model) if after else None
    base = queryset if values is None else queryset.filter(_beyond(order, values, forwards=True))
    rows = list(base.order_by(*order)[: size + 1])
    page = KeysetPage(items=rows[:size], is_first=values is None)
    if len(rows) > size:
        page.next_cursor = _encode(rows[size - 1], order, model)
    if values is not None and rows:
        page.previous_cursor = _encode(rows[0], order, model)
    return page
