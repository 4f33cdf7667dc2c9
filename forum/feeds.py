"""Atom feeds of new threads in a category or under a tag. A feed is read signed out, so it
holds only what a visitor may see: public categories, threads and opening posts not hidden or
deleted. A members-only category has no feed (404)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from taggit.models import Tag

from forum.models import Category, Post, Thread

FEED_ITEMS = 30


def public_threads():
    """Threads a signed-out reader may see, each with its opening post's text if that is shown."""
    opening = Post.objects.filter(
        thread=OuterRef("pk"), number=1, hidden_at__isnull=True, deleted_at__isnull=True
    ).values("body")[:1]
    return (
        Thread.objects.filter(
            hidden_at__isnull=True, category__read_access=Category.Access.EVERYONE
        )
        .select_related("category", "author")
        .annotate(opening_body=Subquery(opening))
        .order_by("-created_at", "-id")
    )


class _ThreadFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return Truncator(item.opening_body or "").chars(600)

    def item_author_name(self, item):
        return item.author.public_name

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.last_post_at

    def item_categories(self, item):
        return [item.category.name]


class CategoryFeed(_ThreadFeed):
    def get_object(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        if not category.is_public:
            raise Http404("This category is for members only: it has no public feed.")
        return category

    def title(self, obj):
        return f"New threads in {obj.name} — {settings.SITE_NAME}"

    def subtitle(self, obj):
        return obj.description

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return public_threads().filter(category=obj)[:FEED_ITEMS]


class TagFeed(_ThreadFeed):
    def get_object(self, request, tag):
        found = Tag.objects.filter(Q(slug=tag) | Q(name=tag)).first()
        if found is None:
            raise Http404("No such tag.")
        return found

    def title(self, obj):
        return f"Forum threads tagged “{obj.name}” — {settings.SITE_NAME}"

    def subtitle(self, obj):
        return f"New threads tagged “{obj.name}” in the forum's public categories."

    def link(self, obj):
        return reverse("forum_tag", kwargs={"tag": obj.slug})

    def items(self, obj):
        return public_threads().filter(tags=obj)[:FEED_ITEMS]


category_feed = CategoryFeed()
tag_feed = TagFeed()
