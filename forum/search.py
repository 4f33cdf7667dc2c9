"""The forum threads and posts the hub-wide search finds (registered in ForumConfig.ready())."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from hub.base.search import Facet, Hit, SearchType, highlight, term_facet


def _forum_category_facet(hits: QuerySet, path: str, chosen) -> Facet:
    from forum.models import Category

    return term_facet("category", "Forum category", hits, path, Category, chosen)


class Threads(SearchType):
    key, label, singular = "threads", "Forum threads", "Forum thread"
    facet_names = ("category",)
    searches_visible = True  # shown threads in readable categories: FilterFields of Thread

    def searchable(self):
        from forum.models import Thread

        return Thread.objects.filter(hidden_at__isnull=True)

    def visible(self, user):
        from forum.selectors import searchable_threads

        return searchable_threads(user)

    def narrow(self, queryset, chosen):
        return queryset.filter(category__slug__in=chosen["category"]) if chosen else queryset

    def facets(self, ids, chosen):
        from forum.models import Thread

        return [_forum_category_facet(Thread.objects.filter(pk__in=ids), "category", chosen)]

    def hits(self, ids, terms):
        from forum.models import Post, Thread

        opening = (
            Post.objects.filter(
                thread=OuterRef("pk"), number=1, hidden_at__isnull=True, deleted_at__isnull=True
            )
            .order_by()
            .values("body")[:1]
        )
        rows = (
            Thread.objects.filter(pk__in=ids)
            .select_related("category")
            .annotate(opening=Subquery(opening))
        )
        return {
            t.pk: Hit(
                t.title,
                t.get_absolute_url(),
                self.singular,
                highlight(t.opening or "", terms),
                [t.category.name, f"{t.reply_count} repl{'y' if t.reply_count == 1 else 'ies'}"],
                t.last_post_at,
            )
            for t in rows
        }


class Posts(SearchType):
    key, label, singular = "posts", "Forum posts", "Forum post"
    facet_names = ("category",)

    def searchable(self):
        from forum.models import Post

        return Post.objects.filter(hidden_at__isnull=True, deleted_at__isnull=True)

    def visible(self, user):
        from forum.selectors import searchable_posts

        return searchable_posts(user)

    def narrow(self, queryset, chosen):
        if not chosen:
            return queryset
        return queryset.filter(thread__category__slug__in=chosen["category"])

    def facets(self, ids, chosen):
        from forum.models import Post

        hits = Post.objects.filter(pk__in=ids)
        return [_forum_category_facet(hits, "thread__category", chosen)]

    def hits(self, ids, terms):
        from forum.models import Post

        rows = Post.objects.filter(pk__in=ids).select_related("thread__category", "author")
        return {
            p.pk: Hit(
                p.thread.title if p.number == 1 else f"Reply in “{p.thread.title}”",
                p.get_absolute_url(),
                self.singular,
                highlight(p.body, terms),
                [p.author.display_name or p.author.username, p.thread.category.name],
                p.created_at,
            )
            for p in rows
        }
