"""Editor-published pages: the home page and general content pages."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.base.blocks import ContentStreamBlock


def _lazy(selector, *args, **kwargs) -> SimpleLazyObject:
    """A selector's list, read the first time a template uses it."""
    return SimpleLazyObject(lambda: list(selector(*args, **kwargs)))


class HomePage(Page):
    """The site root: a welcome for someone arriving from a link, and the way in to each section."""

    intro = models.TextField(
        max_length=600, help_text="One or two sentences saying what the hub is and who it is for."
    )
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        app_label = "hub"  # the site's pages keep the tables and page types they had
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        """What is new across the hub, read through each app's selectors in bounded queries."""
        from cases.casestudies import selectors as cases
        from forum import selectors as forum
        from hub.base import content_cache
        from hub.base.models import Notification
        from hub.site.workshops.selectors import upcoming_workshops

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        # The sections everyone sees are read only when their cached fragment has expired or
        # the content changed (hub.content_cache), hence lazy.
        context.update(
            content_version=content_cache.version(),
            content_cache_seconds=content_cache.TIMEOUT,
            featured=_lazy(cases.featured_case_studies, limit=3),
            newest=_lazy(cases.newest_case_studies, limit=4),
            top_rated=_lazy(cases.top_rated_case_studies, limit=4),
            active_threads=_lazy(forum.active_threads, user, limit=5),
            upcoming_workshops=_lazy(upcoming_workshops, limit=3),
        )
        if user.is_authenticated:
            context["unread"] = list(
                Notification.objects.on_site()
                .filter(recipient=user, read_at__isnull=True)
                .order_by("-created_at", "-id")[:5]
            )
            context["watched"] = forum.watched_threads_with_news(user, limit=5)
        return context


class ContentPage(Page):
    """A general page: about, help, privacy, the accessibility statement, section introductions."""

    summary = models.TextField(
        max_length=400, blank=True, help_text="Shown under the title and in search results."
    )
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        app_label = "hub"  # the site's pages keep the tables and page types they had
        verbose_name = "content page"
