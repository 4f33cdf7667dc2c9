"""Version numbers for cached reads, one per namespace, so a cached value is dropped the moment
the rows it was read from change: every key carries its namespace's number, and a change bumps
it, now and again when the transaction commits (so a request that read the old rows meanwhile
cannot keep its answer cached under the new number). Every process sharing the cache sees it.

The "content" namespace is what the home page shows. Its version is bumped when a case study,
rating, forum thread, post or category, organisation or user is saved or deleted, and when any
page is published, unpublished or deleted. The receivers are signals on purpose: saves reach
these tables from services, the Wagtail admin, imports and workflows alike, and a cache that one
path forgot to drop would show stale content. The timeout bounds anything no signal sees (a
bulk `update()`).

`by_content` is the other kind of key, for fragments of a page that do not depend on the
viewer (a post's rendered text, a row of a thread list): the key is a digest of everything the
fragment is made from, so an edit, a rename or a hide is a different key at once and there is
nothing to invalidate; old entries age out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable

from django.core.cache import cache
from django.db import transaction

CONTENT = "content"
# Bumped when a member is saved or deleted (a new public name, an erasure): for caches that show
# members' names without depending on the rest of the content.
MEMBERS = "members"
RATINGS = "ratings"
"""The Star Rating's inputs: records, cohorts, claimant feedback, accreditations, Customer
Service Standards results. Each app names its models with `watch` in its ready(); bulk writes
that send no signal call `changed(RATINGS)` themselves."""
NAMES = "names"
"""Bumped when an organisation or a taxonomy term (programme, area, claimant group) is saved or
deleted: for cached bodies that show their names, without depending on the forum's content."""
TIMEOUT = 10 * 60
WATCHED = {
    "cases.CaseStudy",
    "cases.Rating",
    "forum.Category",
    "forum.Thread",
    "forum.Post",
    "hub.Organisation",
    "hub.User",
    "wagtailcore.PageViewRestriction",  # a restricted page leaves the public lists
}


FRAGMENT_TIMEOUT = 24 * 60 * 60


def by_content(
    namespace: str, inputs: dict[Hashable, object], make: Callable[[Hashable], object]
) -> dict:
    """`make(k)` for each key of `inputs`, cached under a digest of `inputs[k]` (the repr of
    everything the value is made from): one round trip to the cache for all of them, and one
    to store the ones it lacked."""
    keys = {
        k: f"hub:{namespace}:{hashlib.sha1(repr(v).encode(), usedforsecurity=False).hexdigest()}"
        for k, v in inputs.items()
    }
    found = cache.get_many(list(keys.values())) if keys else {}
    values, missing = {}, {}
    for k, key in keys.items():
        if key in found:
            values[k] = found[key]
        else:
            values[k] = missing[key] = make(k)
    if missing:
        cache.set_many(missing, FRAGMENT_TIMEOUT)
    return values


def _key(namespace: str) -> str:
    return f"hub:{namespace}:version"


def version(namespace: str = CONTENT) -> int:
    current = cache.get(_key(namespace))
    if current is None:
        cache.add(_key(namespace), 1, timeout=None)
        current = cache.get(_key(namespace), 1)
    return current


def versions(namespaces) -> dict[str, int]:
    """The version of each of `namespaces`, in one round trip to the cache when all are set."""
    found = cache.get_many([_key(n) for n in namespaces])
    return {n: found.get(_key(n)) or version(n) for n in namespaces}


def _bump(namespace: str) -> None:
    try:
        cache.incr(_key(namespace))
    except ValueError:  # evicted or never read: any new number will do
        cache.set(_key(namespace), version(namespace) + 1, timeout=None)


def changed(namespace: str = CONTENT) -> None:
    """Forget every cached value in `namespace`."""
    _bump(namespace)
    transaction.on_commit(lambda: _bump(namespace))


def watch(namespace: str, *models) -> None:
    """Forget `namespace` whenever a row of any of `models` is saved or deleted, or, for a
    many-to-many relation's through model, whenever the relation changes."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    def receiver(**kwargs) -> None:
        changed(namespace)

    for model in models:
        uid = f"hub.base.content_cache.{namespace}.{model._meta.label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.delete")
        if model._meta.auto_created:
            m2m_changed.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.m2m")


def key(name: str, parts, namespaces=(CONTENT,), prefix: str = "hub", current=None) -> str:
    """A key for `name` and `parts` that changes when any of `namespaces`' rows change.
    `current`: their versions, already read with `versions` (one round trip for many keys)."""
    digest = hashlib.sha1(  # noqa: S324 - a cache key, not a secret
        json.dumps(parts, sort_keys=True, default=str).encode()
    ).hexdigest()
    current = current or versions(namespaces)
    joined = ":".join(f"{n}:{current[n]}" for n in namespaces)
    return f"{prefix}:{joined}:{name}:{digest}"


def cached(name: str, parts, compute, *, namespaces=(CONTENT,), timeout: int = TIMEOUT):
    """`compute()`, cached under `name` and `parts` until any of `namespaces` next changes.
    A value of None is not cached (it is what a miss looks like)."""
    cache_key = key(name, parts, namespaces)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout)
    return value


MAX_QUERY_PARAMS = 20
MAX_QUERY_VALUE = 200


def query_parts(request, known=None) -> list | None:
    """The request's query string as key parts, or None where the answer should not be cached:
    a parameter outside `known` (when given), more than MAX_QUERY_PARAMS values or one longer
    than MAX_QUERY_VALUE, so made-up queries cannot fill the cache with entries of their own."""
    items = sorted(request.GET.lists())
    if sum(len(values) for _, values in items) > MAX_QUERY_PARAMS:
        return None
    for name, values in items:
        if (known is not None and name not in known) or any(
            len(v) > MAX_QUERY_VALUE for v in values
        ):
            return None
    return items


def rendered(
    name: str,
    parts,
    template: str,
    build,
    *,
    request=None,
    namespaces=(CONTENT,),
    timeout: int = TIMEOUT,
    keep=(),
) -> dict:
    """`template` rendered with `build()`'s context and cached under `name` and `parts` until
    any of `namespaces` changes: for a page body every viewer of that audience sees alike, so
    it must hold nothing of the viewer's own (no CSRF token, no edit button; GET forms only).
    `parts` None renders without the cache (see query_parts). Returns {"body": the HTML, and
    each of `keep` from the context (what the page around it needs, e.g. its title)}."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    def compute() -> dict:
        context = build()
        kept = {k: context.get(k) for k in keep}
        return {"body": str(render_to_string(template, context, request=request)), **kept}

    found = (
        compute()
        if parts is None
        else cached(name, parts, compute, namespaces=namespaces, timeout=timeout)
    )
    return {**found, "body": mark_safe(found["body"])}  # noqa: S308 - our own template's output


def _content_changed(**kwargs) -> None:
    changed(CONTENT)


def _model_changed(sender, **kwargs) -> None:
    if sender._meta.label not in WATCHED:
        return
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return  # signing in changes nothing the home page shows
    changed(CONTENT)
    if sender._meta.label == "hub.User":
        changed(MEMBERS)


def _page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        changed(CONTENT)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    post_save.connect(_model_changed, dispatch_uid="hub.base.content_cache.save")
    post_delete.connect(_model_changed, dispatch_uid="hub.base.content_cache.delete")
    post_delete.connect(_page_deleted, dispatch_uid="hub.base.content_cache.page_delete")
    page_published.connect(_content_changed, dispatch_uid="hub.base.content_cache.published")
    page_unpublished.connect(_content_changed, dispatch_uid="hub.base.content_cache.unpublished")
