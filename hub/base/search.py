"""One search across the hub, by type. Each app registers the types of thing it owns in its
`AppConfig.ready()` (`register(CaseStudies(), order=10)`), saying who may see what; this module
knows none of them.

Each type is searched with Wagtail's search API. Where the backend filters a model's queryset on
any field (hub.base.search_backend on PostgreSQL, for the models it bounds), the type hands it
what the viewer may see (`visible(user)`, narrowed by the chosen facets) and one query per type
finds the matches, keeps the visible ones, counts them up to ``MAX_HITS`` and ranks them: the
"all results" view asks for the best ``PREVIEW_SIZE`` and the count, the chosen type's view for
the best ``MAX_HITS``. Elsewhere (SQLite, OpenSearch, pages) the ranked ids are bounded to
``MAX_HITS`` on the model's FilterFields and then narrowed by the ORM with the owning app's
visibility rules. Facet counts are one aggregate query each over that bounded id set, so the
number of queries does not grow with the data.
"""

from __future__ import annotations

import html
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.search.backends import get_search_backend

from hub.base.keys import among

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


def backend_query(query: str) -> str:
    """Only the words of a query: punctuation means syntax to some backends (SQLite's FTS5
    fails on a stray quote or bracket), and a search box should never expose that."""
    return " ".join(_WORD.findall(query or ""))


def ranked_ids(text: str, queryset: QuerySet, *, depth: int = MAX_HITS) -> list[int]:
    """The ids of the best `depth` matches for `text` in `queryset`, best first, by Wagtail's
    search backend: every word must match, on every backend. `queryset` may filter only on the
    model's FilterFields; narrow to what a viewer may see afterwards, with the ORM."""
    return ranked(text, queryset, depth=depth)[0]


def ranked(text: str, queryset: QuerySet, *, depth: int = MAX_HITS) -> tuple[list[int], bool]:
    """ranked_ids, and whether more may match than were ranked: `depth` hits came back, or the
    backend ranked a bounded set of candidates and reached its bound (`bound_reached`, see
    hub.base.search_backend; a backend without it ranked every match)."""
    hits = get_search_backend().search(backend_query(text), queryset.only("pk"), operator="and")
    hits = hits[:depth]
    ids = hits.pks() if hasattr(hits, "pks") else [hit.pk for hit in hits]
    return ids, len(ids) >= depth or getattr(hits, "bound_reached", False)


def ranked_and_counted(
    text: str, queryset: QuerySet, *, shown: int = MAX_HITS
) -> tuple[list[int], int, bool] | None:
    """The ids of the best `shown` matches in `queryset`, best first, how many match (up to
    ``MAX_HITS``) and whether more may, in one query, where the backend can count further than
    it ranks (hub.base.search_backend); None where it cannot."""
    hits = get_search_backend().search(backend_query(text), queryset.only("pk"), operator="and")
    both = getattr(hits[:shown], "ranked_and_counted", lambda counted: None)(MAX_HITS)
    if both is None:
        return None
    ids, count = both
    return ids, count, count >= MAX_HITS


def filters_any_field(model) -> bool:
    """Whether the search backend applies any filter of a queryset of `model` in its ranked
    query (hub.base.search_backend on PostgreSQL, for the models it bounds); other backends
    filter on the model's FilterFields only."""
    backend = get_search_backend()
    return getattr(backend, "filters_any_field", lambda model: False)(model)


def _keep(ranked: list[int], queryset: QuerySet) -> list[int]:
    """`ranked` narrowed to the rows of `queryset`, in rank order: one query."""
    allowed = set(among(queryset, ranked).order_by().values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed]


def term_facet(name, label, hits: QuerySet, path: str, term_model, chosen) -> Facet:
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


def choice_facet(name, label, counts: dict, choices, chosen) -> Facet:
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
    # True where visible(user) filters only on the model's FilterFields (as searchable() does):
    # the backend then applies it, and its hits need no second filter.
    searches_visible = False

    def visible(self, user) -> QuerySet:
        """Everything of this type `user` may find. By default whatever is searchable, for
        everyone: then the backend's hits need no second filter."""
        return self.searchable()

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

    def found(
        self, text: str, user, chosen: dict[str, list[str]], *, shown: int = MAX_HITS
    ) -> tuple[list[int], int, bool]:
        """The ids of the best `shown` results `user` may see, best first, how many there are
        (up to ``MAX_HITS``) and whether more may be. Where the backend filters on any field, one
        query finds, narrows to what `user` may see, counts and ranks; elsewhere the ranked ids
        are narrowed by the ORM (find) and counted."""
        visible = self.visible(user)
        if filters_any_field(visible.model):
            picked = {k: v for k, v in chosen.items() if k in self.facet_names and v}
            both = ranked_and_counted(text, self.narrow(visible, picked), shown=shown)
            if both is not None:
                return both
        ids, capped = self._find(text, visible, chosen)
        return ids[:shown], len(ids), capped

    def find(self, text: str, user, chosen: dict[str, list[str]]) -> tuple[list[int], bool]:
        """The ids `user` may see, best first, and whether the backend's bound was reached."""
        return self._find(text, self.visible(user), chosen)

    def _find(self, text: str, visible: QuerySet, chosen) -> tuple[list[int], bool]:
        picked = {k: v for k, v in chosen.items() if k in self.facet_names and v}
        if filters_any_field(visible.model):
            # One query finds, narrows to what the viewer may see and ranks.
            return ranked(text, self.narrow(visible, picked))
        direct = self.searches_visible or type(self).visible is SearchType.visible
        ids, capped = ranked(text, visible if direct else self.searchable())
        if direct and not picked:
            return ids, capped  # every backend applies its queryset's filters to its hits
        return _keep(ids, self.narrow(visible, picked)), capped


class Organisations(SearchType):
    key, label, singular = "organisations", "Organisations", "Organisation"
    facet_names = ("kind",)

    def searchable(self):
        from hub.base.models import Organisation

        return Organisation.objects.all()  # the directory is public: visible to everyone

    def narrow(self, queryset, chosen):
        return queryset.filter(kind__in=chosen["kind"]) if chosen else queryset

    def facets(self, ids, chosen):
        from hub.base.models import Organisation

        counts = dict(
            Organisation.objects.filter(pk__in=ids)
            .order_by()
            .values_list("kind")
            .annotate(n=Count("id"))
        )
        kinds = Organisation.Kind.choices
        return [choice_facet("kind", "Kind of organisation", counts, kinds, chosen)]

    def hits(self, ids, terms):
        from hub.base.models import Organisation

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


_TYPES: dict[str, tuple[int, SearchType]] = {}


def register(search_type: SearchType, *, order: int) -> None:
    """Add a type to the hub-wide search; `order` places it among the others."""
    _TYPES[search_type.key] = (order, search_type)


def types() -> list[SearchType]:
    return [t for _, t in sorted(_TYPES.values(), key=lambda pair: pair[0])]


def type_keys() -> dict[str, SearchType]:
    return {t.key: t for t in types()}


def facet_names() -> list[str]:
    return sorted({name for t in types() for name in t.facet_names})


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
    kind = kind if kind in type_keys() else "all"
    chosen = chosen or {}
    terms = query_terms(query)
    if len(query) < MIN_QUERY_LENGTH or not terms:
        return SearchResults(query, kind, [], too_short=True)
    groups, facets, current = [], [], None
    for search_type in types():
        if search_type.key == kind:
            ids, count, capped = search_type.found(query, user, chosen)
        else:  # the best few for the "all" view; for a chosen type's tabs, only the count
            ids, count, capped = search_type.found(query, user, {}, shown=PREVIEW_SIZE)
        group = Group(search_type.key, search_type.label, count, capped, search_type.singular)
        if kind == "all" and ids:
            group.hits = search_type.rows(ids[:PREVIEW_SIZE], terms)
        elif search_type.key == kind:
            facets = search_type.facets(ids, chosen)
            current = Paginator(ids, settings.HUB_PAGE_SIZE).get_page(page)
            current.object_list = search_type.rows(list(current.object_list), terms)
            group.hits = current.object_list
        groups.append(group)
    return SearchResults(query, kind, groups, facets, current)
