"""Cached reads over many rows, dropped whenever any of those rows change.

The benchmark page's choices and the open-data count each read a million performance records,
the case-study list's facet counts every published case study; the answers change only when a
row is saved, deleted or imported. Each is cached under its namespace's version number
(hub.content_cache), which a change bumps: signals for saves, deletes and taxonomy links,
explicit calls after bulk imports.
"""

from __future__ import annotations

from hub.base import content_cache
from hub.base.content_cache import changed, version

RECORDS, CASE_STUDIES, RELATED = "records", "case_studies", "related"
# Any comment saved or deleted (a case study's comment count moves): the list's rendered cards.
COMMENTS = "comments"
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


def comments_namespace(case_study_id: int) -> str:
    return f"comments:{case_study_id}"


def comments_changed(sender, instance, **kwargs) -> None:
    """A comment saved or deleted: its case study's rendered threads are stale."""
    changed(comments_namespace(instance.case_study_id))
    changed(COMMENTS)


def results_key(parts) -> str:
    """The key of a rendered page of the case-study list (not a search): it changes when a case
    study or its terms (CASE_STUDIES), a rating (RELATED), a comment (COMMENTS) or a performance
    record (RECORDS: what counts as evidenced) changes."""
    return content_cache.key(
        "case_study_results", parts, (CASE_STUDIES, RELATED, COMMENTS, RECORDS), prefix="cases"
    )


def case_study_page_keys(case_study, *, comments_page: str | None, signed_in: bool) -> dict:
    """The cache keys of what a case study's page shows every viewer alike, from one read of
    the versions they depend on:
    - "shared": its terms, rating bars, related case studies and approach links: until a case
      study, its terms or links (CASE_STUDIES) or a rating (RELATED) change; its rating count
      and mean are in the key too;
    - "comments": its rendered comment threads (cases.casestudies.views.comment_cache), until
      one of its comments or any member (a name, an erasure) changes; None for a page number
      nobody links to;
    - "threads": the forum's threads about it (the same for all visitors, and for all
      members), until a thread, post or category changes (the content version)."""
    namespaces = (CASE_STUDIES, RELATED, comments_namespace(case_study.pk),
                  content_cache.MEMBERS, content_cache.CONTENT)  # fmt: skip
    current = content_cache.versions(namespaces)
    pk = case_study.pk
    rating = [case_study.rating_count, str(case_study.rating_mean)]
    keys = {
        "shared": content_cache.key(
            "case_study_shared", [pk, *rating], namespaces[:2], "cases", current
        ),
        "threads": content_cache.key(
            "case_study_threads", [pk, signed_in], namespaces[4:], "cases", current
        ),
        "comments": None,
    }
    if comments_page is None or (comments_page.isdigit() and len(comments_page) < 6):
        keys["comments"] = content_cache.key(
            "comment_threads", [pk, case_study.author_id, comments_page or "1"],
            namespaces[2:4], "cases", current,
        )  # fmt: skip
    return keys


def visitor_page_key(case_study_id: int, comments_page: str | None) -> str | None:
    """The key of a case study's whole page (below the layout) as a visitor who is not signed
    in sees it. It changes when anything on it can: a case study, its terms, links or approaches
    (CASE_STUDIES), a rating (RELATED), a comment anywhere (COMMENTS: counts) or on it, a record
    (RECORDS: cited records and evidence), a member (MEMBERS) or the forum (CONTENT). None for
    a comments page nobody links to (not cached)."""
    if not (comments_page is None or (comments_page.isdigit() and len(comments_page) < 6)):
        return None
    namespaces = (CASE_STUDIES, RELATED, COMMENTS, RECORDS, comments_namespace(case_study_id),
                  content_cache.MEMBERS, content_cache.CONTENT)  # fmt: skip
    return content_cache.key(
        "case_study_visitor_page", [case_study_id, comments_page or "1"], namespaces, "cases"
    )


def key(name: str, parts, namespace: str = RECORDS) -> str:
    """A key for `name` and `parts` that changes when `namespace`'s rows change (also for
    template fragments: `{% cache 3600 name key %}`)."""
    return content_cache.key(name, parts, (namespace,), prefix="cases")


def cached(name: str, parts, compute, timeout: int = TIMEOUT, namespace: str = RECORDS):
    """`compute()`, cached under `name` and `parts` until `namespace`'s rows next change."""
    return content_cache.cached(name, parts, compute, namespaces=(namespace,), timeout=timeout)


def audience(user) -> str:
    """Which side of signing in `user` is on: all that `visible_to` reads of the viewer, so the
    only part of a viewer that a shared cached answer over records may depend on."""
    return "members" if user.is_authenticated else "public"


def rendered_body(request, name: str, template: str, build, *, parts=(), keep=()) -> dict:
    """`template` rendered with `build()`'s context (content_cache.rendered), cached for
    everyone with the same audience and query (and `parts`) until a record or a name (NAMES)
    changes. Returns {"body": the HTML, and each of `keep` from the context}."""
    query = content_cache.query_parts(request)
    key_parts = None if query is None else [audience(request.user), query, *parts]
    return content_cache.rendered(
        name,
        key_parts,
        template,
        build,
        request=request,
        namespaces=(RECORDS, NAMES),
        timeout=TIMEOUT,
        keep=keep,
    )
