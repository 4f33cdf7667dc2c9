"""Reads for the forum: categories, thread lists, a page of a thread, unread state, search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from forum import permissions
from forum.models import Bookmark, Category, Draft, Post, Reaction, Thread, ThreadRead, Watch
from hub.base.keys import among
from hub.base.moderation import selectors as moderation_selectors
from hub.base.pagination import KeysetPage, keyset_page

THREAD_ORDER = ["-last_post_at", "-id"]
NEW_THREAD_DAYS = 14
MAX_SEARCH_RESULTS = 200
# Posts are ranked among the best 1,000 matches (on PostgreSQL the newest 1,000: settings
# BOUNDED), then the best MAX_SEARCH_RESULTS kept; thread titles add their opening posts.
SEARCH_DEPTH = 1000
MAX_TITLE_HITS = 50


def categories_for(user) -> list[Category]:
    """Every category, with the counters on the row; members-only ones marked for visitors."""
    return list(Category.objects.all())


def readable_categories(user) -> QuerySet:
    if user.is_authenticated:
        return Category.objects.all()
    return Category.objects.filter(read_access=Category.Access.EVERYONE)


# What a page needs to name a member (User.public_name, get_absolute_url): a narrow read, so
# lists and posts do not carry password hashes and biographies along.
NAME_FIELDS = ("id", "username", "display_name", "erased_at")


def _people(ids) -> dict:
    from django.contrib.auth import get_user_model

    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    return {u.pk: u for u in get_user_model().objects.filter(pk__in=ids).only(*NAME_FIELDS)}


def _with_names(threads: list[Thread], categories=()) -> list[Thread]:
    """Attach each thread's category and the names lists show (who started it, who posted
    last): one narrow query of the people, instead of joining four tables to every thread,
    whose planning cost more than the rows (issue 20)."""
    people = _people([t.author_id for t in threads] + [t.last_post_author_id for t in threads])
    by_pk = {c.pk: c for c in categories}
    author = Thread._meta.get_field("author")
    last = Thread._meta.get_field("last_post_author")
    category = Thread._meta.get_field("category")
    for thread in threads:
        author.set_cached_value(thread, people.get(thread.author_id))
        last.set_cached_value(thread, people.get(thread.last_post_author_id))
        if thread.category_id in by_pk:
            category.set_cached_value(thread, by_pk[thread.category_id])
    return threads


def visible_threads(user) -> QuerySet:
    """Hidden threads are seen only by moderators and, with the reason, by their author."""
    threads = Thread.objects.all()
    if permissions.is_moderator(user):
        return threads
    if user.is_authenticated:
        return threads.filter(Q(hidden_at__isnull=True) | Q(author=user))
    return threads.filter(hidden_at__isnull=True)


def _with_read_to(threads: QuerySet, user) -> QuerySet:
    """A member's list also says how far they read each thread (`read_to`, None if never),
    for `unread_states`, in the list's own query."""
    if not user.is_authenticated:
        return threads
    read = ThreadRead.objects.filter(user=user, thread=OuterRef("pk"))
    return threads.annotate(read_to=Subquery(read.values("last_read_number")[:1]))


def pinned_threads(category: Category, user) -> list[Thread]:
    threads = _with_read_to(visible_threads(user).filter(category=category, pinned=True), user)
    return _with_names(list(threads.order_by(*THREAD_ORDER)[:10]), [category])


def thread_page(
    category: Category | None, user, *, after, before, tag=None, categories=None
) -> KeysetPage:
    """Threads by latest activity, a keyset page at a time (pinned ones are listed apart),
    perhaps only those with one tag. Across categories, pass `categories` when the page has
    read them already (the index lists them): the readable ones are picked from it."""
    threads = Thread.objects.filter(hidden_at__isnull=True)
    if tag is not None:
        threads = threads.filter(tags=tag)
    if category is not None:
        threads = threads.filter(category=category, pinned=False)
        shown = [category]
    else:
        if categories is None:
            categories = list(readable_categories(user))
        shown = [c for c in categories if permissions.can_read(user, c)]
        threads = threads.filter(category__in=[c.pk for c in shown])
    page = keyset_page(
        _with_read_to(threads, user),
        order=THREAD_ORDER,
        after=after,
        before=before,
        size=settings.FORUM_THREADS_PER_PAGE,
    )
    _with_names(page.items, shown)
    return page


@dataclass
class UnreadState:
    new_posts: int = 0
    is_new: bool = False


def unread_states(user, threads: list[Thread]) -> dict[int, UnreadState]:
    """For each thread on a list: how many posts are new to the member, or whether it is new."""
    if not user.is_authenticated or not threads:
        return {}
    if all(hasattr(t, "read_to") for t in threads):  # read with the list (_with_read_to)
        reads = {t.pk: t.read_to for t in threads if t.read_to is not None}
    else:
        reads = dict(
            ThreadRead.objects.filter(user=user, thread__in=threads).values_list(
                "thread_id", "last_read_number"
            )
        )
    recent = timezone.now() - timedelta(days=NEW_THREAD_DAYS)
    states = {}
    for thread in threads:
        if thread.pk in reads:
            states[thread.pk] = UnreadState(new_posts=max(thread.post_count - reads[thread.pk], 0))
        else:
            states[thread.pk] = UnreadState(is_new=thread.created_at >= recent)
    return states


def thread_for(pk: int, user, *, viewer_state: bool = False) -> Thread:
    """The thread with its category and tags. What it discusses (a case study, organisation,
    page or record) is read only when it discusses one, each by its key. One select_related
    over ten tables here cost 9-10 ms of planning for 0.5 ms of work (issue 20).

    With `viewer_state`, a member's thread also carries their own marks in the same query:
    `read_to` (the last post number they read, or None), `watched`, `bookmarked`, and their
    draft reply's `draft_body` and `draft_at` (None without one)."""
    threads = visible_threads(user).select_related("category").prefetch_related("tags")
    if viewer_state and user.is_authenticated:
        mine = {"user": user, "thread": OuterRef("pk")}
        threads = threads.annotate(
            read_to=Subquery(ThreadRead.objects.filter(**mine).values("last_read_number")[:1]),
            watched=Exists(Watch.objects.filter(**mine)),
            bookmarked=Exists(Bookmark.objects.filter(**mine)),
            draft_body=Subquery(Draft.objects.filter(**mine).values("body")[:1]),
            draft_at=Subquery(Draft.objects.filter(**mine).values("updated_at")[:1]),
        )
    thread = threads.get(pk=pk)
    if thread.performance_record_id:
        field = Thread._meta.get_field("performance_record")
        field.set_cached_value(
            thread,
            field.related_model._base_manager.select_related(
                "organisation", "programme", "claimant_group"
            )
            .filter(pk=thread.performance_record_id)
            .first(),
        )
    return thread


def page_count(thread: Thread) -> int:
    return max((thread.post_count - 1) // settings.FORUM_POSTS_PER_PAGE + 1, 1)


def posts_on_page(thread: Thread, page: int, user=None) -> list[Post]:
    """Posts numbered ((page-1)*size, page*size]: an index range, as cheap on page 100 as on 1.
    Given a member, each post also says whether they found it helpful (`reacted`), bookmarked
    it (`bookmarked`) and have an open report on it (`reported`), in the same query."""
    size = settings.FORUM_POSTS_PER_PAGE
    # Ordered and limited, so PostgreSQL walks the (thread, number) index: with the range alone
    # it guessed most posts of most threads fall in 1-20 and scanned the whole thread.
    posts = Post.objects.filter(
        thread=thread, number__gt=(page - 1) * size, number__lte=page * size
    ).order_by("number")[:size]
    fields = [f.name for f in Post._meta.concrete_fields if f.name != "submission_key"]
    if user is not None and user.is_authenticated:
        posts = posts.annotate(
            reacted=Exists(Reaction.objects.filter(user=user, post=OuterRef("pk"))),
            bookmarked=Exists(Bookmark.objects.filter(user=user, post=OuterRef("pk"))),
            reported=moderation_selectors.reported_by_exists(user, Post),
        )
    return list(
        posts.select_related("author").only(*fields, *(f"author__{f}" for f in NAME_FIELDS))
    )


def last_read(user, thread: Thread) -> int | None:
    if not user.is_authenticated:
        return None
    return (
        ThreadRead.objects.filter(user=user, thread=thread)
        .values_list("last_read_number", flat=True)
        .first()
    )


def reacted(user, posts: list[Post]) -> set[int]:
    if not user.is_authenticated or not posts:
        return set()
    return set(Reaction.objects.filter(user=user, post__in=posts).values_list("post_id", flat=True))


def flagged(user, posts: list[Post]) -> set[int]:
    """Ids of these posts the user has an open report on (to show 'Reported')."""
    return moderation_selectors.reported_by(user, posts)


def watching_thread(user, thread: Thread) -> bool:
    return user.is_authenticated and Watch.objects.filter(user=user, thread=thread).exists()


def watching_category(user, category: Category) -> bool:
    return user.is_authenticated and Watch.objects.filter(user=user, category=category).exists()


def search_post_ids(user, text: str) -> list[int]:
    """Ids of posts matching `text` in threads the user may read, best first (bounded)."""
    from hub.base.search import filters_any_field, ranked_ids

    if filters_any_field(Post) and filters_any_field(Thread):
        # The backend applies who may read what in its ranked queries: nothing to narrow after.
        ids = ranked_ids(text, searchable_posts(user), depth=SEARCH_DEPTH)[:MAX_SEARCH_RESULTS]
        title_hits = ranked_ids(text, searchable_threads(user), depth=MAX_TITLE_HITS)
        first_posts = Post.objects.filter(thread__in=title_hits, number=1)
        return list(dict.fromkeys([*first_posts.values_list("pk", flat=True), *ids]))
    posts = Post.objects.filter(hidden_at__isnull=True, deleted_at__isnull=True)
    ids = ranked_ids(text, posts, depth=SEARCH_DEPTH)[:MAX_SEARCH_RESULTS]
    threads = Thread.objects.filter(hidden_at__isnull=True)
    title_hits = ranked_ids(text, threads, depth=MAX_TITLE_HITS)
    first_posts = Post.objects.filter(thread__in=title_hits, number=1)
    ids = list(dict.fromkeys([*first_posts.values_list("pk", flat=True), *ids]))
    readable = set(
        among(Post.objects.all(), ids)
        .filter(thread__category__in=readable_categories(user), thread__hidden_at__isnull=True)
        .values_list("pk", flat=True)
    )
    return [pk for pk in ids if pk in readable]


def search_posts(user, text: str, *, page=None):
    """One page of the posts matching `text`: ranked ids first, then only that page's rows."""
    current = Paginator(search_post_ids(user, text), settings.FORUM_POSTS_PER_PAGE).get_page(page)
    rows = Post.objects.filter(pk__in=list(current.object_list)).select_related(
        "thread__category", "author"
    )
    by_pk = {p.pk: p for p in rows}
    current.object_list = [by_pk[pk] for pk in current.object_list if pk in by_pk]
    return current


def threads_about(*, user, **target) -> list[Thread]:
    """Threads that link to a case study, organisation or page (shown on that item's page)."""
    return list(
        Thread.objects.filter(
            hidden_at__isnull=True, category__in=readable_categories(user), **target
        )
        .select_related("category")
        .order_by(*THREAD_ORDER)[:10]
    )


def threads_about_case_studies(*, user, case_studies, limit: int = 5) -> list[Thread]:
    """The latest threads that link to any of `case_studies` (ids or a subquery of them), for
    a page that gathers case studies (an approach)."""
    return list(
        Thread.objects.filter(
            hidden_at__isnull=True,
            category__in=readable_categories(user),
            case_study__in=case_studies,
        )
        .select_related("category")
        .order_by(*THREAD_ORDER)[:limit]
    )


def threads_started_by(author, viewer, *, limit: int = 5) -> list[Thread]:
    """A member's latest threads that the viewer may read, for the member's public profile."""
    return list(
        Thread.objects.filter(
            author=author, hidden_at__isnull=True, category__in=readable_categories(viewer)
        )
        .select_related("category")
        .order_by("-created_at", "-id")[:limit]
    )


def searchable_threads(user) -> QuerySet:
    """Threads site search may show `user`: shown ones, in categories they may read."""
    return Thread.objects.filter(hidden_at__isnull=True, category__in=readable_categories(user))


def searchable_posts(user) -> QuerySet:
    """Posts site search may show `user`: not hidden or deleted, in threads they may read."""
    return Post.objects.filter(
        hidden_at__isnull=True,
        deleted_at__isnull=True,
        thread__hidden_at__isnull=True,
        thread__category__in=readable_categories(user),
    )


def active_threads(user, *, limit: int = 5) -> list[Thread]:
    """The threads with the latest posts that `user` may read, for the home page."""
    return list(
        searchable_threads(user)
        .select_related("category", "last_post_author")
        .order_by(*THREAD_ORDER)[:limit]
    )


def watched_threads_with_news(user, *, limit: int = 5) -> list[Thread]:
    """Threads the member watches that have posts they have not read, latest first, each
    annotated with `new_posts`: one query."""
    from django.db.models import F, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    if not user.is_authenticated:
        return []
    read_to = ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values(
        "last_read_number"
    )[:1]
    return list(
        searchable_threads(user)
        .filter(watches__user=user)
        .annotate(read_to=Coalesce(Subquery(read_to), 0))
        .filter(post_count__gt=F("read_to"))
        .annotate(new_posts=F("post_count") - F("read_to"))
        .select_related("category", "last_post_author")
        .order_by(*THREAD_ORDER)[:limit]
    )
