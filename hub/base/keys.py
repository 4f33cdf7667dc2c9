"""A queryset narrowed to a long list of primary keys, such as the ranked hits of a search."""

from __future__ import annotations

from django.db import connections
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL


def among(queryset: QuerySet, pks) -> QuerySet:
    """`queryset.filter(pk__in=pks)`, but on PostgreSQL with the keys as one array parameter:
    `pk__in` sends one parameter per key, which costs milliseconds at a thousand keys."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return queryset.filter(pk__in=pks)
    pk = queryset.model._meta.pk
    quote = connection.ops.quote_name
    column = f"{quote(queryset.model._meta.db_table)}.{quote(pk.column)}"
    # Names quoted from the model's own metadata; the keys are a parameter.
    matches = RawSQL(  # noqa: S611
        f"{column} = ANY(%s::{pk.db_type(connection)}[])", [list(pks)], BooleanField()
    )
    return queryset.filter(matches)
