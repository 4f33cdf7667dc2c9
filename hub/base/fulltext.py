"""Bounded full-text search over Wagtail's database index, fast at a million rows.

Wagtail's PostgreSQL backend ranks every match and joins the index to the model through a
text cast, so a word found in half a million forum posts costs seconds. On PostgreSQL this
first takes at most `limit` matching index entries (by the GIN index on the entry's
`title || body` vector, see forum migration 0004), newest first if asked, then ranks just
those with the backend's own formula. A word found in fewer than `limit` items gives the
backend's ranking of all of them; a common word gives the best of the newest `limit` matches.
Other databases keep the backend's plain search.
"""

from __future__ import annotations

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import QuerySet

CANDIDATES = 2000
_WORD = re.compile(r"\w+", re.U)


def words(query: str) -> str:
    """Only the words of a query: punctuation means syntax to some backends (SQLite's FTS5
    fails on a stray quote or bracket), and a search box should never expose that."""
    return " ".join(_WORD.findall(query or ""))


def ranked_ids(model, text: str, *, limit: int = CANDIDATES, newest_first: bool = False):
    """Primary keys of up to `limit` items matching `text`, best first, or None where this
    database has no bounded path. `newest_first` takes the most recently indexed candidates:
    right for a model indexed last and matched often (posts), slow for one whose entries sit
    far back in the index (a backward scan past every later entry). The ranking is Wagtail's
    own (title weighted by its norm, plus body) over just the bounded candidates: Wagtail's
    query joins every matching entry of the model to its table before ranking, which for a
    word in every case study costs ~90 ms at 10,000 case studies."""
    from wagtail.search.models import IndexEntry

    text = words(text)
    alias = router.db_for_read(IndexEntry)
    connection = connections[alias]
    if connection.vendor != "postgresql" or not text.strip():
        return None
    content_type = ContentType.objects.db_manager(alias).get_for_model(model).pk
    order = "ORDER BY id DESC" if newest_first else ""
    table = IndexEntry._meta.db_table
    sql = (
        "SELECT object_id FROM ("  # noqa: S608 - a model's table; values are parameters
        f"SELECT object_id, title, body, title_norm FROM {table} "
        f"WHERE content_type_id = %s AND (title || body) @@ plainto_tsquery(%s) {order} LIMIT %s"
        ") AS candidates ORDER BY "
        "ts_rank(title, plainto_tsquery(%s)) * title_norm + ts_rank(body, plainto_tsquery(%s)) "
        "DESC, object_id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [content_type, text, limit, text, text])
        return [int(row[0]) for row in cursor.fetchall()]


def search_ids(
    queryset: QuerySet,
    text: str,
    *,
    limit: int = CANDIDATES,
    newest_first: bool = False,
    max_results: int = 500,
) -> list[int]:
    """Ids of the best matches for `text` among `queryset`, best first: on PostgreSQL ranked
    over at most `limit` candidates (see ranked_ids), elsewhere by the search backend."""
    ranked = ranked_ids(queryset.model, text, limit=limit, newest_first=newest_first)
    if ranked is None:
        from wagtail.search.backends import get_search_backend

        hits = get_search_backend().search(words(text), queryset)[:max_results]
        return [hit.pk for hit in hits]
    allowed = set(queryset.filter(pk__in=ranked).order_by().values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed][:max_results]
