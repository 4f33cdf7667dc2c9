"""Wagtail's PostgreSQL search backend, ranking a bounded set of candidates: fast at a million rows.

Wagtail's PostgreSQL backend ranks every match and joins the index to the model through a text
cast, so a word found in half a million forum posts costs seconds. For each model named in the
backend's ``BOUNDED`` option (settings.WAGTAILSEARCH_BACKENDS, keyed by model label) this backend
answers a plain AND search with one statement: it takes the matching index entries (matched on
the entry's ``title || body`` vector, which forum migration 0004 indexes; through the model's own
partial index where the model's option says ``own_index``, see ``model_index``) whose row is in
the queryset (the queryset's own SQL, so it may filter on any field, related models too: the hub
search's visibility rules and facets), at most N of them, the most recently indexed first where
the model's option says ``newest_first``; it counts them and ranks the first ``candidates`` of
them with Wagtail's formula (the title's rank by its norm plus the body's rank). N is the larger
of the model's ``candidates``, the end of the slice asked for (``search(...)[:500]`` ranks at
least 500) and, through ``ranked_and_counted``, how far the caller wants counted; so a search
never returns fewer results than it would have unbounded when fewer than N items match, and a
common word gives the best of N matches.

Anything else (other models, OR queries, phrases, ``fields=``, scores, no relevance order) is
Wagtail's backend unchanged, FilterFields only. App code only calls Wagtail's search API (and
hub.base.search the two additions, ``pks`` and ``ranked_and_counted``, where present), so
choosing another backend in settings (OpenSearch, SQLite's) needs no code change.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, migrations, router
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
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


def _bounded_search(compiler) -> bool:
    """Whether the search `compiler` makes is one the bound covers (a plain AND search of the
    whole text, by relevance); the model's options decide the rest."""
    query = compiler.query
    return (
        isinstance(query, PlainText)
        and query.operator == "and"
        and compiler.fields is None
        and compiler.order_by_relevance
    )


class BoundedQueryCompiler(PostgresSearchQueryCompiler):
    """Wagtail's query compiler, which lets a bounded search filter on any field: its filters
    are the queryset's own SQL (BoundedSearchResults), not Wagtail's FilterFields."""

    bounded: frozenset[str] = frozenset()

    def check(self):
        if self.queryset.model._meta.label_lower in self.bounded and _bounded_search(self):
            return
        super().check()


@cache
def _compiler_for(bounded: frozenset[str]) -> type[BoundedQueryCompiler]:
    """The query compiler for these bounded models (one class for each setting, not per call:
    Wagtail makes a backend for every search)."""
    return type("BoundedQueryCompiler", (BoundedQueryCompiler,), {"bounded": bounded})


class BoundedSearchResults(PostgresSearchResults):
    """Results ranked over a bounded set of candidates where the backend's options allow it.

    Once evaluated, ``bound_reached`` says whether the candidates ran out at the bound, so more
    matches may exist than were ranked (the queryset's filters can leave fewer results than were
    asked for even then); a backend without the attribute ranked every match."""

    bound_reached = False

    def _options(self) -> dict | None:
        """The model's BOUNDED options, or None where this search is Wagtail's own."""
        compiler = self.query_compiler
        if not _bounded_search(compiler):
            return None
        if self._score_field is not None:
            return None
        return self.backend.bounded.get(compiler.queryset.model._meta.label_lower)

    def _ranked_pks(self, options: dict, counted: int = 0) -> tuple[list, int, int]:
        """The queryset's rows among the candidates, best first, how many matched (up to the
        bound) and the bound, in one statement: it finds the matching entries, keeps those whose
        row is in the queryset (the queryset's own SQL: visibility, facets), takes at most the
        bound of them, counts them and ranks the first `candidates` (or the slice's end).

        The bound is the larger of that and `counted`: a count goes deeper than the ranking
        cheaply, as matching reads no vectors where an index answers it; ranking reads them."""
        depth = max(options.get("candidates", DEFAULT_CANDIDATES), self.stop or 0)
        limit = max(depth, counted)
        queryset = self.query_compiler.queryset
        model = queryset.model
        alias = router.db_for_read(IndexEntry)
        connection = connections[alias]
        content_type = ContentType.objects.db_manager(alias).get_for_model(model).pk
        # The search configuration Wagtail indexed with (SEARCH_CONFIG), else the database's.
        config, text = self.backend.config, self.query_compiler.query.query_string
        tsquery = "plainto_tsquery(%s::regconfig, %s)" if config else "plainto_tsquery(%s)"
        query_params = [config, text] if config else [text]
        order = "ORDER BY id DESC" if options.get("newest_first") else ""
        # A model with its own partial index (model_index below) is matched through it: written
        # `content_type_id + 0`, the condition is that index's predicate and no other index's,
        # so the planner cannot take the content type's btree and read every entry of it.
        kind = "(content_type_id + 0)" if options.get("own_index") else "content_type_id"
        rows, rows_params = queryset.order_by().values("pk").query.sql_with_params()
        key = f"object_id::{model._meta.pk.cast_db_type(connection)}"
        table = IndexEntry._meta.db_table
        # The query is parsed once for the ranking (a function in FROM), but written out in the
        # match so the planner sees its value: a newest-first bound then walks the index backwards.
        sql = (
            "SELECT object_id, total FROM ("  # noqa: S608 - the index's table; values are parameters
            "SELECT object_id, title, body, title_norm, "
            "count(*) OVER () AS total, row_number() OVER () AS n FROM ("
            f"SELECT object_id, title, body, title_norm FROM {table} "
            f"WHERE {kind} = %s AND (title || body) @@ {tsquery} AND {key} IN ({rows}) "
            f"{order} LIMIT %s) AS matches) AS candidates, {tsquery} AS query WHERE n <= %s "
            "ORDER BY ts_rank(title, query) * title_norm + ts_rank(body, query) DESC, "
            "object_id DESC"
        )
        params = [content_type, *query_params, *rows_params, limit, *query_params, depth]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        to_python = model._meta.pk.to_python
        return [to_python(row[0]) for row in found], (found[0][1] if found else 0), limit

    def _kept(self, options: dict) -> list:
        """Primary keys of the queryset's rows among the candidates, best first."""
        if self._pks is None:
            self._pks, matched, limit = self._ranked_pks(options)
            self.bound_reached = matched >= limit
        return self._pks

    _pks: list | None = None

    def pks(self) -> list:
        """The primary keys of these results, best first, without making instances (a bounded
        search reads nothing else); any other search takes them from its instances."""
        options = self._options()
        if options is None:
            return [hit.pk for hit in self]
        return self._kept(options)[self.start : self.stop]

    def ranked_and_counted(self, counted: int) -> tuple[list, int] | None:
        """For a bounded search: these results' primary keys, best first, and how many results
        there are up to `counted` (more may exist), in one query; None for any other search."""
        options = self._options()
        if options is None:
            return None
        pks, matched, _ = self._ranked_pks(options, counted)
        return pks[self.start : self.stop], matched

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
        self.query_compiler_class = _compiler_for(frozenset(self.bounded))

    def filters_any_field(self, model) -> bool:
        """Whether a plain AND search of `model` may filter its queryset on any field, related
        ones too, not just its FilterFields: a bounded model's filters are the queryset's own
        SQL, applied in the ranked query itself."""
        return model._meta.label_lower in self.bounded


SearchBackend = BoundedPostgresSearchBackend


def model_index(label: str):
    """A migration operation: a GIN index on the index entries of the model `label` alone
    (PostgreSQL only), for a model whose BOUNDED options say ``own_index``.

    The table holds the entries of every model, and the planner judges a word's frequency over
    all of them: a word in half the forum posts looks as common for the threads, so it would walk
    every thread entry (reading each vector) rather than look the word up. With this index and
    the condition written as its predicate, it looks the word up among the model's entries only.
    The predicate names the content type's id in this database; should that row ever be made
    anew, the search stays right but slow until the migration is reapplied."""
    app_label, model = label.lower().split(".")
    name = f"hub_search_{app_label}_{model}_gin"

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        content_types = apps.get_model("contenttypes", "ContentType").objects
        alias = schema_editor.connection.alias
        content_type, _ = content_types.using(alias).get_or_create(app_label=app_label, model=model)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {IndexEntry._meta.db_table} "
            f"USING gin ((title || body)) WHERE (content_type_id + 0) = {int(content_type.pk)}"
        )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop, elidable=False)
