"""Reading the forum: the index, a category, a thread, search."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from forum import permissions, selectors, services
from forum.forms import ReplyForm, SearchForm
from forum.messages import selectors as message_selectors
from forum.models import Category, Draft
from forum.templatetags import forum_tags
from forum.views.common import readable_thread, refuse_members_only, trail
from hub.base import ratelimit


def forum_index(request):
    user = request.user
    categories = selectors.categories_for(user)
    page = selectors.thread_page(
        None,
        user,
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        categories=categories,
    )
    return render(
        request,
        "forum/index.html",
        {
            "categories": categories,
            "page": page,
            "unread": selectors.unread_states(user, page.items),
            "search_form": SearchForm(),
            "unread_messages": message_selectors.unread_count(user),
            "post_refusal": permissions.post_refusal(user),
            "breadcrumbs": [("Home", "/")],
        },
    )


def forum_category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    user = request.user
    if not permissions.can_read(user, category):
        return refuse_members_only(request, category)
    page = selectors.thread_page(
        category, user, after=request.GET.get("after"), before=request.GET.get("before")
    )
    pinned = selectors.pinned_threads(category, user) if page.is_first else []
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "pinned": pinned,
            "page": page,
            "unread": selectors.unread_states(user, pinned + page.items),
            "watching": selectors.watching_category(user, category),
            "post_refusal": permissions.post_refusal(user),
            "breadcrumbs": trail(),
        },
    )


def forum_thread(request, pk):
    thread = readable_thread(request, pk, viewer_state=True)
    user = request.user
    if not permissions.can_read(user, thread.category):
        return refuse_members_only(request, thread.category)
    pages = selectors.page_count(thread)
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        number = 1
    if number < 1 or number > pages:
        raise Http404("No such page.")
    posts = selectors.posts_on_page(thread, number, user)
    # The member's own marks came with the thread and the posts (thread_for, posts_on_page).
    last_read = getattr(thread, "read_to", None)
    if posts and (last_read is None or posts[-1].number > last_read):
        services.mark_read(user=user, thread=thread, up_to=posts[-1].number)
    draft = None
    if getattr(thread, "draft_at", None) is not None:
        draft = Draft(user=user, thread=thread, body=thread.draft_body, updated_at=thread.draft_at)
    reply_form = ReplyForm(initial={"body": draft.body} if draft else None)
    return render(
        request,
        "forum/thread.html",
        {
            "thread": thread,
            "category": thread.category,
            "posts": posts,
            "post_heads": forum_tags.post_heads(posts, thread),
            "page_number": number,
            "pages": pages,
            "page_links": _page_links(number, pages),
            "last_read": last_read,
            "reacted": {p.pk for p in posts if getattr(p, "reacted", False)},
            "flagged": {p.pk for p in posts if getattr(p, "reported", False)},
            "watching": getattr(thread, "watched", False),
            "reply_refusal": permissions.reply_refusal(user, thread),
            "reply_form": reply_form,
            "draft": draft,
            "thread_bookmarked": getattr(thread, "bookmarked", False),
            "bookmarked": {p.pk for p in posts if getattr(p, "bookmarked", False)},
            "is_moderator": permissions.is_moderator(user),
            "can_mark_solution": permissions.can_mark_solution(user, thread),
            "can_react": user.is_authenticated and not permissions.post_refusal(user),
            "breadcrumbs": trail((thread.category.name, thread.category.get_absolute_url())),
        },
    )


def _page_links(current: int, total: int) -> list:
    """Page numbers to show: the first, the last and two either side of the current one."""
    shown = sorted({1, total, *range(max(current - 2, 1), min(current + 2, total) + 1)})
    links, previous = [], 0
    for number in shown:
        if number - previous > 1:
            links.append(None)
        links.append(number)
        previous = number
    return links


def forum_post_link(request, pk):
    """A permanent link to a post: redirects to its page of the thread."""
    from forum.views.common import readable_post

    return redirect(readable_post(request, pk).get_absolute_url())


def forum_search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        refusal = ratelimit.search_refusal(request, form.cleaned_data["q"])
        if refusal:
            return refusal
        results = selectors.search_posts(
            request.user, form.cleaned_data["q"], page=request.GET.get("page")
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "forum/search.html",
        {
            "form": form,
            "results": results,
            "page": results,
            "query": query.urlencode(),
            "breadcrumbs": trail(),
            "limit": selectors.MAX_SEARCH_RESULTS,
            "per_page": settings.FORUM_POSTS_PER_PAGE,
        },
    )


def forum_tag(request, tag):
    """Threads with one tag, in the categories the reader may see (a keyset page)."""
    from taggit.models import Tag

    found = Tag.objects.filter(slug=tag).first() or get_object_or_404(Tag, name=tag)
    page = selectors.thread_page(
        None, request.user, after=request.GET.get("after"), before=request.GET.get("before"),
        tag=found,
    )  # fmt: skip
    return render(
        request,
        "forum/tag.html",
        {
            "tag": found,
            "page": page,
            "unread": selectors.unread_states(request.user, page.items),
            "breadcrumbs": trail(),
        },
    )
