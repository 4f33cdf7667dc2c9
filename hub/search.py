"""One search across the hub: pages, case studies, forum threads and posts, organisations and
openly published performance records.

Each type is searched with Wagtail's search backend (its own FilterFields only), the ranked ids
are bounded to ``MAX_HITS`` and then narrowed by the ORM to what the viewer may see, with the
owning app's visibility rules. Facet counts are one aggregate query each over that bounded id
set, so the number of queries does not grow with the data.
"""

from __future__ import annotations

import html
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.search.backends import get_search_backend

from hub import fulltext

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200
MAX_HITS = 500  # per type: ranked by the backend, then filtered for the viewer and paged
PREVIEW_SIZE = 3  # hits of each type on the "all results" view
SNIPPET_WORDS = 30
MAX_SNIPPET_SOURCE = 20_000  # characters of a result's text scanned for the snippet


# Highlighted snippets ----------------------------------------------------------------------

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(^|\s)(#{1,6}|>+|[-*+]|\d+\.)\s+|[*_`~]{1,3}", re.M)
_WORD = re.compile(r"\w+", re.U)


def plain_text(text: str) -> str:
    """Text with its HTML tags and Markdown marks taken out, whitespace collapsed."""
    text = strip_tags(str(text or "")[:MAX_SNIPPET_SOURCE])
    text = html.unescape(text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_MARKS.sub(r"\1", text)
    return " ".join(text.split())


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting, lower-cased, longest first."""
    words = {w.lower() for w in _WORD.findall(query or "") if len(w) >= MIN_QUERY_LENGTH}
    return sorted(words, key=lambda w: (-len(w), w))


def highlight(text: str, terms: list[str], *, words: int = SNIPPET_WORDS) -> SafeString:
    """A window of about `words` words around the first match, escaped, with every word that
    starts with a query term wrapped in <mark>. Escaping comes first, so text can never inject
    markup: only the <mark> tags added here are HTML."""
    text = plain_text(text)
    if not text:
        return mark_safe("")
    tokens = text.split(" ")
    pattern = (
        re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")", re.I | re.U)
        if terms
        else None
    )
    first = 0
    if pattern is not None:
        first = next((i for i, token in enumerate(tokens) if pattern.search(token)), 0)
    start = max(0, first - words // 3)
    window = tokens[start : start + words]
    out = []
    for token in window:
        if pattern is None:
            out.append(escape(token))
            continue
        pieces, last = [], 0
        for match in pattern.finditer(token):
            end = match.end()
            while end < len(token) and (token[end].isalnum() or token[end] == "_"):
                end += 1  # mark the whole word a term starts: "train" marks "training"
            if match.start() < last:
                continue
            pieces.append(escape(token[last : match.start()]))
            pieces.append(f"<mark>{escape(token[match.start() : end])}</mark>")
            last = end
        pieces.append(escape(token[last:]))
        out.append("".join(pieces))
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + " ".join(out) + suffix)  # noqa: S308 - every piece escaped above


# Results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class Hit:
    title: str
    url: str
    kind: str  # the type's singular label, shown as a tag
    snippet: SafeString
    meta: list[str] = field(default_factory=list)
    when: date | datetime | None = None


@dataclass
class Group:
    key: str
    label: str
    count: int
    capped: bool  # more than MAX_HITS matched: the count is a lower bound
    singular: str = ""
    hits: list[Hit] = field(default_factory=list)

    @property
    def noun(self) -> str:
        """The type's name for this many results: "1 case study", "2 case studies"."""
        return (self.singular if self.count == 1 else self.label).lower()


@dataclass
class SearchResults:
    query: str
    kind: str  # "all" or a type key
    groups: list[Group]
    facets: list[Facet] = field(default_factory=list)
    page: PaginatorPage | None = None
    too_short: bool = False

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)

    @property
    def group(self) -> Group | None:
        """The group of the chosen type, when one type is chosen."""
        return next((g for g in self.groups if g.key == self.kind), None)


backend_query = fulltext.words


def _ranked(text: str, queryset: QuerySet, *, bound: dict | None = None) -> list[int]:
    """The ids of the best MAX_HITS matches, best first. With `bound` (hub.fulltext's
    arguments), the backend ranks only a bounded set of candidates: on PostgreSQL a word found
    in half a million posts would otherwise be ranked half a million times."""
    words = backend_query(text)
    if bound is not None:
        ids = fulltext.ranked_ids(queryset.model, words, **bound)
        if ids is not None:
            return ids[:MAX_HITS]  # the caller keeps only what the viewer may see
    hits = get_search_backend().search(words, queryset, operator="and")
    hits = hits[:MAX_HITS]
    return [hit.pk for hit in hits]


def _keep(ranked: list[int], queryset: QuerySet) -> list[int]:
    """`ranked` narrowed to the rows of `queryset`, in rank order: one query."""
    allowed = set(queryset.filter(pk__in=ranked).order_by().values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed]


def _term_facet(name, label, hits: QuerySet, path: str, term_model, chosen) -> Facet:
    """How many of the `hits` carry each term reached by `path` (a category, a claimant
    group...): one aggregate over the bounded hits, then the few terms by id."""
    picked = set(chosen.get(name, []))
    counts = dict(hits.order_by().values_list(path).annotate(n=Count("pk", distinct=True)))
    counts.pop(None, None)
    terms = term_model.objects.filter(Q(pk__in=list(counts)) | Q(slug__in=picked)).order_by(
        "sort_order", "name"
    )
    return Facet(
        name,
        label,
        [FacetOption(t.slug, t.name, counts.get(t.pk, 0), t.slug in picked) for t in terms],
    )


def _choice_facet(name, label, counts: dict, choices, chosen) -> Facet:
    picked = set(chosen.get(name, []))
    return Facet(
        name,
        label,
        [
            FacetOption(value, text, counts.get(value, 0), value in picked)
            for value, text in choices
            if counts.get(value) or value in picked
        ],
    )


class SearchType(ABC):
    """One kind of thing the search finds. Subclasses say how to find, narrow and show it."""

    key = ""
    label = ""  # plural, for the filter and headings
    singular = ""
    facet_names: tuple[str, ...] = ()
    # hub.fulltext.ranked_ids's arguments, or None where the type cannot be bounded (pages are
    # indexed under each page class, not under Page).
    bound: dict | None = {"limit": MAX_HITS}

    @abstractmethod
    def visible(self, user) -> QuerySet:
        """Everything of this type `user` may find."""

    @abstractmethod
    def searchable(self) -> QuerySet:
        """What is handed to the search backend: filtered on the model's own FilterFields."""

    def narrow(self, queryset: QuerySet, chosen: dict[str, list[str]]) -> QuerySet:
        return queryset

    def facets(self, ids: list[int], chosen: dict[str, list[str]]) -> list[Facet]:
        return []

    @abstractmethod
    def hits(self, ids: list[int], terms: list[str]) -> dict[int, Hit]:
        """A hit for each of `ids`, by id: a fixed number of queries."""

    def rows(self, ids: list[int], terms: list[str]) -> list[Hit]:
        """The hits for `ids`, in the order given (the rank)."""
        found = self.hits(ids, terms)
        return [found[pk] for pk in ids if pk in found]

    def find(self, text: str, user, chosen: dict[str, list[str]]) -> tuple[list[int], bool]:
        """The ids `user` may see, best first, and whether the backend's bound was reached."""
        ranked = _ranked(text, self.searchable(), bound=self.bound)
        picked = {k: v for k, v in chosen.items() if k in self.facet_names and v}
        return _keep(ranked, self.narrow(self.visible(user), picked)), len(ranked) >= MAX_HITS


class CaseStudies(SearchType):
    key, label, singular = "case-studies", "Case studies", "Case study"
    facet_names = ("group", "barrier", "stage")

    def _models(self):
        from cases.models import CaseStudy
        from hub.models import Barrier, ClaimantGroup, JourneyStage

        return CaseStudy, {
            "group": ("Claimant group", ClaimantGroup, "claimant_groups"),
            "barrier": ("Barrier to work", Barrier, "barriers"),
            "stage": ("Journey stage", JourneyStage, "journey_stages"),
        }

    def searchable(self):
        CaseStudy, _ = self._models()
        return CaseStudy.objects.published()

    def visible(self, user):
        # Only published ones, for everyone: drafts and hidden ones are never search results.
        return self.searchable()

    def narrow(self, queryset, chosen):
        _, terms = self._models()
        for name, values in chosen.items():
            relation = terms[name][2]
            queryset = queryset.filter(**{f"{relation}__slug__in": values})
        return queryset

    def facets(self, ids, chosen):
        CaseStudy, terms = self._models()
        hits = CaseStudy.objects.filter(pk__in=ids)
        return [
            _term_facet(name, label, hits, relation, model, chosen)
            for name, (label, model, relation) in terms.items()
        ]

    def hits(self, ids, terms):
        CaseStudy, _ = self._models()
        rows = CaseStudy.objects.filter(pk__in=ids).select_related("organisation")
        return {
            cs.pk: Hit(
                cs.title,
                cs.get_absolute_url(),
                self.singular,
                highlight(
                    " ".join([cs.summary, cs.body, cs.what_was_done, cs.outcomes, cs.lessons]),
                    terms,
                ),
                [cs.organisation.name],
                cs.published_at,
            )
            for cs in rows
        }


def _forum_category_facet(hits: QuerySet, path: str, chosen) -> Facet:
    from forum.models import Category

    return _term_facet("category", "Forum category", hits, path, Category, chosen)


class Threads(SearchType):
    key, label, singular = "threads", "Forum threads", "Forum thread"
    facet_names = ("category",)

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

        openings = dict(
            Post.objects.filter(
                thread_id__in=ids, number=1, hidden_at__isnull=True, deleted_at__isnull=True
            ).values_list("thread_id", "body")
        )
        rows = Thread.objects.filter(pk__in=ids).select_related("category")
        return {
            t.pk: Hit(
                t.title,
                t.get_absolute_url(),
                self.singular,
                highlight(openings.get(t.pk, ""), terms),
                [t.category.name, f"{t.reply_count} repl{'y' if t.reply_count == 1 else 'ies'}"],
                t.last_post_at,
            )
            for t in rows
        }


class Posts(SearchType):
    key, label, singular = "posts", "Forum posts", "Forum post"
    facet_names = ("category",)
    bound = {"limit": MAX_HITS, "newest_first": True}  # a million posts: the newest matches

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


class Organisations(SearchType):
    key, label, singular = "organisations", "Organisations", "Organisation"
    facet_names = ("kind",)

    def searchable(self):
        from hub.models import Organisation

        return Organisation.objects.all()

    def visible(self, user):
        return self.searchable()  # the directory is public

    def narrow(self, queryset, chosen):
        return queryset.filter(kind__in=chosen["kind"]) if chosen else queryset

    def facets(self, ids, chosen):
        from hub.models import Organisation

        counts = dict(
            Organisation.objects.filter(pk__in=ids)
            .order_by()
            .values_list("kind")
            .annotate(n=Count("id"))
        )
        kinds = Organisation.Kind.choices
        return [_choice_facet("kind", "Kind of organisation", counts, kinds, chosen)]

    def hits(self, ids, terms):
        from hub.models import Organisation

        return {
            o.pk: Hit(
                o.name,
                o.get_absolute_url(),
                self.singular,
                highlight(o.description, terms),
                [o.get_kind_display()] + (["Verified"] if o.verified else []),
            )
            for o in Organisation.objects.filter(pk__in=ids)
        }


class Records(SearchType):
    key, label, singular = "records", "Performance records", "Performance record"
    facet_names = ("programme", "group", "area")

    def _terms(self):
        from cases.models import Programme
        from hub.models import Area, ClaimantGroup

        return {
            "programme": ("Programme", Programme, "programme"),
            "group": ("Claimant group", ClaimantGroup, "claimant_group"),
            "area": ("Area", Area, "area"),
        }

    def searchable(self):
        from cases.models import PerformanceRecord

        return PerformanceRecord.objects.published()

    def visible(self, user):
        # The open data rule, whoever asks: members-only records are never search results.
        return self.searchable()

    def narrow(self, queryset, chosen):
        terms = self._terms()
        for name, values in chosen.items():
            queryset = queryset.filter(**{f"{terms[name][2]}__slug__in": values})
        return queryset

    def facets(self, ids, chosen):
        from cases.models import PerformanceRecord

        hits = PerformanceRecord.objects.filter(pk__in=ids)
        return [
            _term_facet(name, label, hits, path, model, chosen)
            for name, (label, model, path) in self._terms().items()
        ]

    def hits(self, ids, terms):
        from cases.models import PerformanceRecord

        rows = PerformanceRecord.objects.filter(pk__in=ids).select_related(
            "organisation", "programme", "claimant_group", "area"
        )
        return {
            r.pk: Hit(
                f"{r.organisation.name}: {r.programme.name}",
                r.get_absolute_url(),
                self.singular,
                highlight(
                    f"{r.programme.name} for {r.claimant_group.name} in {r.area.name}, "
                    f"{r.period_start:%B %Y} to {r.period_end:%B %Y}. "
                    f"{r.organisation.name} as {r.get_role_display().lower()}.",
                    terms,
                ),
                [r.get_status_display(), f"{r.period_start:%b %Y} to {r.period_end:%b %Y}"],
                r.period_start,
            )
            for r in rows
        }


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
    bound = None

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

        from hub.models import Area, Theme, WorkshopPage

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
        facets = [_choice_facet("page_type", "Type of page", counts, choices, chosen)]
        if counts.get("hub.workshoppage") or chosen.get("area") or chosen.get("theme"):
            workshops = WorkshopPage.objects.filter(pk__in=ids)
            facets += [
                _term_facet("area", "Workshop area", workshops, "area", Area, chosen),
                _term_facet("theme", "Workshop theme", workshops, "themes", Theme, chosen),
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


TYPES: list[SearchType] = [CaseStudies(), Posts(), Threads(), Pages(), Records(), Organisations()]
TYPE_KEYS = {t.key: t for t in TYPES}


def search(
    query: str,
    *,
    user,
    kind: str = "all",
    chosen: dict[str, list[str]] | None = None,
    page: str | int | None = None,
) -> SearchResults:
    """Everything matching `query` that `user` may see: for "all", the count and the best few
    of each type; for one type, its facets and one page of its results."""
    query = " ".join((query or "").split())[:MAX_QUERY_LENGTH]
    kind = kind if kind in TYPE_KEYS else "all"
    chosen = chosen or {}
    terms = query_terms(query)
    if len(query) < MIN_QUERY_LENGTH or not terms:
        return SearchResults(query, kind, [], too_short=True)
    groups, facets, current = [], [], None
    for search_type in TYPES:
        ids, capped = search_type.find(query, user, chosen if search_type.key == kind else {})
        group = Group(search_type.key, search_type.label, len(ids), capped, search_type.singular)
        if kind == "all" and ids:
            group.hits = search_type.rows(ids[:PREVIEW_SIZE], terms)
        elif search_type.key == kind:
            facets = search_type.facets(ids, chosen)
            current = Paginator(ids, settings.HUB_PAGE_SIZE).get_page(page)
            current.object_list = search_type.rows(list(current.object_list), terms)
            group.hits = current.object_list
        groups.append(group)
    return SearchResults(query, kind, groups, facets, current)
