"""The pages the hub-wide search finds: every live, public page of the site's tree."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Count, Q

from hub.base.search import Hit, SearchType, choice_facet, highlight, term_facet


def _page_text(page) -> str:
    """The searchable text of a page other than its title, for its snippet."""
    from wagtail.search.index import SearchField

    texts = [page.search_description or ""]
    for search_field in page.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name != "title":
            value = search_field.get_value(page)
            texts.append(" ".join(map(str, value)) if isinstance(value, list) else str(value or ""))
    return " ".join(texts)


class Pages(SearchType):
    key, label, singular = "pages", "Pages", "Page"
    facet_names = ("page_type", "area", "theme")

    def searchable(self):
        from wagtail.models import Page

        return Page.objects.live()

    def visible(self, user):
        # Live pages without a view restriction: drafts, pages waiting in a workflow and
        # private pages are never search results.
        from wagtail.models import Page

        return Page.objects.live().public().filter(depth__gt=1)

    def narrow(self, queryset, chosen):
        if chosen.get("page_type"):
            kinds = Q(pk__in=[])
            for value in chosen["page_type"]:
                app_label, _, model = value.partition(".")
                kinds |= Q(content_type__app_label=app_label, content_type__model=model)
            queryset = queryset.filter(kinds)
        if chosen.get("area"):
            queryset = queryset.filter(workshoppage__area__slug__in=chosen["area"])
        if chosen.get("theme"):
            queryset = queryset.filter(workshoppage__themes__slug__in=chosen["theme"])
        return queryset

    def facets(self, ids, chosen):
        from wagtail.models import Page

        from hub.base.models import Area, Theme
        from hub.site.workshops.models import WorkshopPage

        counts = {}
        for app_label, model, n in (
            Page.objects.filter(pk__in=ids)
            .order_by()
            .values_list("content_type__app_label", "content_type__model")
            .annotate(n=Count("id"))
        ):
            counts[f"{app_label}.{model}"] = n
        choices = []
        for value in sorted(set(counts) | set(chosen.get("page_type", []))):
            app_label, _, model = value.partition(".")
            try:
                name = apps.get_model(app_label, model)._meta.verbose_name
            except (LookupError, ValueError):
                continue
            choices.append((value, str(name)[:1].upper() + str(name)[1:]))
        facets = [choice_facet("page_type", "Type of page", counts, choices, chosen)]
        if counts.get("hub.workshoppage") or chosen.get("area") or chosen.get("theme"):
            workshops = WorkshopPage.objects.filter(pk__in=ids)
            facets += [
                term_facet("area", "Workshop area", workshops, "area", Area, chosen),
                term_facet("theme", "Workshop theme", workshops, "themes", Theme, chosen),
            ]
        return facets

    def hits(self, ids, terms):
        from wagtail.models import Page

        rows = Page.objects.filter(pk__in=ids).specific()
        result = {}
        for page in rows:
            when = getattr(page, "date", None) or page.last_published_at
            name = str(page._meta.verbose_name)
            result[page.pk] = Hit(
                page.title,
                page.url or "",
                name[:1].upper() + name[1:],
                highlight(_page_text(page), terms),
                [],
                when,
            )
        return result
