"""Index the bench's rows for search, forget cached counts, and count what is there."""

from __future__ import annotations

import time

from django.db import connection, transaction

from cases.casestudies.models import CaseStudy, Comment, Rating
from cases.performance.models import CohortRecord, PerformanceRecord
from forum.models import Post, Thread


def index_for_search(*, stdout=None) -> dict[str, float]:
    """Put the bulk rows into Wagtail's search index, the cheapest way each backend allows.

    Case studies go through the backend's own add_items in batches (its indexer builds the
    vectors), with the title-norm refresh run once at the end rather than after every batch,
    which would rescan the whole index each time. On PostgreSQL, threads and posts are indexed
    with one INSERT ... SELECT each that builds the same weighted tsvectors in the database.
    """
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    timings = {}

    def timed(name, fn):
        started = time.perf_counter()
        with transaction.atomic():
            fn()
        timings[name] = time.perf_counter() - started
        if stdout:
            stdout.write(f"  indexed {name} in {timings[name]:.1f} s")

    def through_backend(model, queryset):
        index = backend.get_index_for_model(model)
        refresh = getattr(index, "_refresh_title_norms", None)
        if refresh is not None:
            index._refresh_title_norms = lambda full=False: None
        try:
            batch = []
            for obj in queryset.iterator(chunk_size=1000):
                batch.append(obj)
                if len(batch) >= 500:
                    index.add_items(model, batch)
                    batch = []
            if batch:
                index.add_items(model, batch)
        finally:
            if refresh is not None:
                del index._refresh_title_norms
                refresh()

    timed(
        "case studies",
        lambda: through_backend(CaseStudy, CaseStudy.objects.filter(title__startswith="Bench")),
    )
    threads = Thread.objects.filter(title__startswith="Bench thread")
    posts = Post.objects.filter(thread__title__startswith="Bench thread")
    if connection.vendor == "postgresql":
        timed("threads", lambda: _sql_index(backend, Thread, threads))
        timed("posts", lambda: _sql_index(backend, Post, posts))
        refresh_started = time.perf_counter()
        backend.get_index_for_model(Thread)._refresh_title_norms()
        timings["title norms"] = time.perf_counter() - refresh_started
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        timed("threads", lambda: through_backend(Thread, threads))
        timed("posts", lambda: through_backend(Post, posts))
    return timings


def _sql_index(backend, model, queryset) -> None:
    """INSERT ... SELECT the index entries of `queryset` with the vectors PostgresIndex makes."""
    from django.contrib.contenttypes.models import ContentType
    from modelsearch.backends.database.postgres.weights import get_weight
    from modelsearch.index import AutocompleteField, SearchField
    from wagtail.search.models import IndexEntry

    def vector(columns, config):
        if not columns:
            return "to_tsvector(COALESCE('', ''))"
        cfg = f"'{config}'::regconfig, " if config else ""
        parts = [
            f"setweight(to_tsvector({cfg}COALESCE(t.{connection.ops.quote_name(col)}, '')), "
            f"'{weight}')"
            for col, weight in columns
        ]
        return " || ".join(parts)

    fields = model.get_search_fields()
    column = {f.name: f.column for f in model._meta.concrete_fields}
    title = [
        (column[f.field_name], get_weight(f.boost))
        for f in fields
        if isinstance(f, SearchField) and f.field_name == "title"
    ]
    body = [
        (column[f.field_name], get_weight(f.boost))
        for f in fields
        if isinstance(f, SearchField) and f.field_name != "title"
    ]
    autocomplete = [(column[f.field_name], "D") for f in fields if isinstance(f, AutocompleteField)]

    def text(columns):
        if not columns:
            return "''"
        quote = connection.ops.quote_name
        return " || ' ' || ".join(f"COALESCE(t.{quote(c)}, '')" for c, _ in columns)

    content_type = ContentType.objects.get_for_model(model).pk
    inner, params = queryset.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"""
        INSERT INTO {IndexEntry._meta.db_table}
            (content_type_id, object_id, title, autocomplete, body, title_norm, title_text,
             body_text)
        SELECT %s, t.id::text, {vector(title, backend.config)},
               {vector(autocomplete, backend.autocomplete_config)},
               {vector(body, backend.config)}, 1.0, {text(title)}, {text(body)}
        FROM {table} t WHERE t.id IN ({inner})
        ON CONFLICT (content_type_id, object_id) DO NOTHING
    """  # noqa: S608 - identifiers come from the models, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [content_type, *params])


def forget_cached_counts() -> None:
    """COPY sends no signals: forget any cached answer from before the bulk rows."""
    from cases import caching

    for namespace in (caching.RECORDS, caching.CASE_STUDIES, caching.RELATED):
        caching.changed(namespace)
    caching.records_changed()  # the Star Rating's inputs too


def row_counts() -> dict[str, int]:
    """How many rows the bench measured against, for its report."""
    return {
        "case studies": CaseStudy.objects.count(),
        "ratings": Rating.objects.count(),
        "comments": Comment.objects.count(),
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
        "performance records": PerformanceRecord.objects.count(),
        "cohort records": CohortRecord.objects.count(),
    }
