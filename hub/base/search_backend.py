"""Wagtail's PostgreSQL search backend, ranking a bounded set of candidates: fast at a million rows.

Wagtail's PostgreSQL backend ranks every match and joins the index to the model through a text
cast, so a word found in half a million forum posts costs seconds. For each model named in the
backend's ``BOUNDED`` option (settings.WAGTAILSEARCH_BACKENDS, keyed by model label) this backend
first takes at most N matching index entries (matched on the entry's ``title || body`` vector,
which forum migration 0004 indexes), the most recently indexed first where the model's option says
``newest_first``; it ranks just those with Wagtail's formula (the title's rank by its norm plus
the body's rank) and then applies the queryset's own filters to them. N is the larger of the
model's ``candidates`` and the end of the slice asked for (``search(...)[:500]`` ranks at least
500), so a search never returns fewer results than it would have unbounded when fewer than N
items match, and a common word gives the best of N matches.

Anything else (other models, OR queries, phrases, ``fields=``, scores, no relevance order) is
Wagtail's backend unchanged. App code only calls Wagtail's search API, so choosing another
backend in settings (OpenSearch, SQLite's) needs no code change.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchResults,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_descendant_models

from hub.base.keys import among

DEFAULT_CANDIDATES = 500


@cache
def _checked(label: str) -> str:
    """`label`, once it is known to name a model whose entries are all under its own content
    type: a model with indexed subclasses (pages) keeps Wagtail's search."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise ImproperlyConfigured(f"BOUNDED names {label!r}, which is no model.") from error
    if len(get_descendant_models(model)) > 1:
        raise ImproperlyConfigured(
            f"BOUNDED names {label!r}, which has indexed subclasses: its entries are under "
            "their content types, so it cannot be bounded by its own."
        )
    return model._meta.label_lower


def _keys_only(queryset: QuerySet) -> bool:
    """Whether `queryset` loads the primary key alone (`.only("pk")`), nothing added."""
    query, pk = queryset.query, queryset.model._meta.pk
    fields, deferring = query.deferred_loading
    return (
        not deferring
        and set(fields) == {pk.name}
        and not query.annotations
        and not query.extra
        and not query.select_related
        and not queryset._prefetch_related_lookups
        and queryset._iterable_class is ModelIterable
    )


class BoundedSearchResults(PostgresSearchResults):
    """Results ranked over a bounded set of candidates where the backend's options allow it.

    Once evaluated, ``bound_reached`` says whether the candidates ran out at the bound, so more
    matches may exist than were ranked (the queryset's filters can leave fewer results than were
    asked for even then); a backend without the attribute ranked every match."""

    bound_reached = False

    def _options(self) -> dict | None:
        """The model's BOUNDED options, or None where this search is Wagtail's own."""
        compiler = self.query_compiler
        query = compiler.query
        plain_and = isinstance(query, PlainText) and query.operator == "and"
        if not plain_and or compiler.fields is not None or not compiler.order_by_relevance:
            return None
        if self._score_field is not None:
            return None
        return self.backend.bounded.get(compiler.queryset.model._meta.label_lower)

    def _ranked_pks(self, options: dict) -> tuple[list[int], int]:
        """Primary keys of the candidates, best first (one query on the index), and the bound."""
        limit = max(options.get("candidates", DEFAULT_CANDIDATES), self.stop or 0)
        model = self.query_compiler.queryset.model
        alias = router.db_for_read(IndexEntry)
        content_type = ContentType.objects.db_manager(alias).get_for_model(model).pk
        # The search configuration Wagtail indexed with (SEARCH_CONFIG), else the database's.
        config, text = self.backend.config, self.query_compiler.query.query_string
        tsquery = "plainto_tsquery(%s::regconfig, %s)" if config else "plainto_tsquery(%s)"
        query_params = [config, text] if config else [text]
        order = "ORDER BY id DESC" if options.get("newest_first") else ""
        table = IndexEntry._meta.db_table
        # The query is parsed once for the ranking (a function in FROM), but written out in the
        # match so the planner sees its value: a newest-first bound then walks the index backwards.
        sql = (
            "SELECT object_id FROM ("  # noqa: S608 - the index's table; values are parameters
            f"SELECT object_id, title, body, title_norm FROM {table} "
            f"WHERE content_type_id = %s AND (title || body) @@ {tsquery} {order} LIMIT %s"
            f") AS candidates, {tsquery} AS query ORDER BY "
            "ts_rank(title, query) * title_norm + ts_rank(body, query) DESC, object_id DESC"
        )
        params = [content_type, *query_params, limit, *query_params]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            return [int(row[0]) for row in cursor.fetchall()], limit

    def _kept(self, options: dict) -> list[int]:
        """Primary keys of the queryset's rows among the candidates, best first."""
        ranked, limit = self._ranked_pks(options)
        self.bound_reached = len(ranked) >= limit
        if not ranked:
            return []
        queryset = among(self.query_compiler.queryset, ranked).order_by()
        kept = set(queryset.values_list("pk", flat=True))
        return [pk for pk in ranked if pk in kept]

    def _do_search(self):
        options = self._options()
        if options is None:
            return super()._do_search()
        pks = self._kept(options)[self.start : self.stop]
        queryset = self.query_compiler.queryset
        if not pks:
            return []
        if _keys_only(queryset):
            # The caller asked for primary keys alone: the rows are the keys just read, so
            # they become instances as Django would make them, without a second query.
            attname = queryset.model._meta.pk.attname
            return [queryset.model.from_db(queryset.db, [attname], (pk,)) for pk in pks]
        rows = {row.pk: row for row in among(queryset, pks).order_by()}
        return [rows[pk] for pk in pks if pk in rows]

    def _do_count(self):
        options = self._options()
        if options is None:
            return super()._do_count()
        return len(self._kept(options)[self.start : self.stop])


class BoundedPostgresSearchBackend(PostgresSearchBackend):
    """Wagtail's PostgreSQL backend with bounded ranking for the models named in ``BOUNDED``:
    ``{"forum.post": {"candidates": 500, "newest_first": True}, ...}``."""

    results_class = BoundedSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.bounded = {
            _checked(label): dict(options) for label, options in params.get("BOUNDED", {}).items()
        }


SearchBackend = BoundedPostgresSearchBackend
