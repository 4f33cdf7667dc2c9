"""One version number for the content the home page shows, so its rendered sections can be
cached and are dropped the moment anything they show changes.

The version is bumped when a case study, rating, forum thread, post or category, organisation
or user is saved or deleted, and when any page is published, unpublished or deleted: now, and
again when the transaction commits (so a request that rendered the old content meanwhile cannot
keep it cached under the new number). The receivers are signals on purpose: saves reach these
tables from services, the Wagtail admin, imports and workflows alike, and a cache that one path
forgot to drop would show stale content. The timeout bounds anything no signal sees (a bulk
`update()`).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

KEY = "hub:content:version"
TIMEOUT = 10 * 60
WATCHED = {
    "cases.CaseStudy",
    "cases.Rating",
    "forum.Category",
    "forum.Thread",
    "forum.Post",
    "hub.Organisation",
    "hub.User",
}


def version() -> int:
    current = cache.get(KEY)
    if current is None:
        cache.add(KEY, 1, timeout=None)
        current = cache.get(KEY, 1)
    return current


def _bump() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # evicted or never read: any new number will do
        cache.set(KEY, version() + 1, timeout=None)


def changed(**kwargs) -> None:
    _bump()
    transaction.on_commit(_bump)


def _model_changed(sender, **kwargs) -> None:
    if sender._meta.label not in WATCHED:
        return
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return  # signing in changes nothing the home page shows
    changed()


def _page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        changed()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    post_save.connect(_model_changed, dispatch_uid="hub.content_cache.save")
    post_delete.connect(_model_changed, dispatch_uid="hub.content_cache.delete")
    post_delete.connect(_page_deleted, dispatch_uid="hub.content_cache.page_delete")
    page_published.connect(changed, dispatch_uid="hub.content_cache.published")
    page_unpublished.connect(changed, dispatch_uid="hub.content_cache.unpublished")
