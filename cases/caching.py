"""Cached reads over many rows, dropped whenever any of those rows change.

The benchmark page's choices and the open-data count each read a million performance records,
the case-study list's facet counts every published case study; the answers change only when a
row is saved, deleted or imported. Each is cached under its namespace's version number
(hub.content_cache), which a change bumps: signals for saves, deletes and taxonomy links,
explicit calls after bulk imports.
"""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache

from hub.base import content_cache
from hub.base.content_cache import changed, version

RECORDS, CASE_STUDIES, RELATED = "records", "case_studies", "related"
NAMES = content_cache.NAMES
TIMEOUT = 60 * 60

__all__ = ["NAMES", "RECORDS", "CASE_STUDIES", "RELATED", "cached", "changed", "key", "version"]


def records_changed(**kwargs) -> None:
    changed(RECORDS)
    changed(content_cache.RATINGS)  # the Star Rating reads records and cohorts


def case_studies_changed(**kwargs) -> None:
    changed(CASE_STUDIES)
    changed(RELATED)


def ratings_changed() -> None:
    """A rating moves a case study's score, which orders the related case studies."""
    changed(RELATED)


def key(name: str, parts, namespace: str = RECORDS) -> str:
    """A key for `name` and `parts` that changes when `namespace`'s rows change (also for
    template fragments: `{% cache 3600 name key %}`)."""
    digest = hashlib.sha1(  # noqa: S324 - a cache key, not a secret
        json.dumps(parts, sort_keys=True, default=str).encode()
    ).hexdigest()
    return f"cases:{namespace}:{version(namespace)}:{name}:{digest}"


def cached(name: str, parts, compute, timeout: int = TIMEOUT, namespace: str = RECORDS):
    """`compute()`, cached under `name` and `parts` until `namespace`'s rows next change."""
    cache_key = key(name, parts, namespace)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout)
    return value


def audience(user) -> str:
    """Which side of signing in `user` is on: all that `visible_to` reads of the viewer, so the
    only part of a viewer that a shared cached answer over records may depend on."""
    return "members" if user.is_authenticated else "public"


def rendered_body(request, name: str, template: str, build, *, parts=(), keep=()) -> dict:
    """`template` rendered with `build()`'s context, cached for everyone with the same
    audience and query (and `parts`) until a record or a name (NAMES) changes: the
    same for every viewer, so `template` must hold nothing of the viewer's own (no CSRF
    token, no edit buttons; GET forms only). Returns {"body": the HTML, and each of `keep`
    from the context (what the page around it needs, e.g. its title)}."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    def compute() -> dict:
        context = build()
        found = {k: context.get(k) for k in keep}
        return {"body": render_to_string(template, context, request=request), **found}

    key_parts = [audience(request.user), sorted(request.GET.lists()), *parts]
    found = content_cache.cached(
        name, key_parts, compute, namespaces=(RECORDS, NAMES), timeout=TIMEOUT
    )
    return {**found, "body": mark_safe(found["body"])}  # noqa: S308 - our own template's output
