"""Search depends on the configured search backend only.

Every search box (the case-study list, the forum's search, the hub-wide search and each of its
types) finds what was indexed whichever backend settings choose: Wagtail's own database backend
for this database, or its fallback backend, which keeps no index table at all and matches the
models' own columns, as OpenSearch keeps its own index and leaves the database's table empty.
On PostgreSQL the default backend is hub.base.search_backend, which ranks a bounded set of
candidates from the database's index: its ranking and bounds are checked here too.
"""

import copy

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from cases.casestudies.models import CaseStudy
from hub.base.keys import among
from hub.base.search_backend import BoundedPostgresSearchBackend
from tests.factories import CaseStudyFactory, OrganisationFactory
from tests.hub.test_search import record_for, thread_with, workshop

pytestmark = pytest.mark.django_db

WORD = "wallabyloan"
WAGTAIL_DATABASE = "wagtail.search.backends.database"
FALLBACK = "wagtail.search.backends.database.fallback"
PROJECT_BACKENDS = copy.deepcopy(django_settings.WAGTAILSEARCH_BACKENDS)


def _backend(settings, path: str) -> None:
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": path}}


def _content():
    """One item for each search box, with the word in a column every backend searches (the
    fallback backend matches only the model's own text columns: titles, names, bodies)."""
    return {
        "case-studies": CaseStudyFactory(title=f"Loans of a {WORD}", body="Bikes.").title,
        "threads": thread_with("Travel help", title=f"The {WORD} scheme").title,
        "posts": "Reply in “{}”".format(
            thread_with("Travel to work", reply=f"We run a {WORD} pool.").title
        ),
        "organisations": OrganisationFactory(name=f"{WORD.title()} Cycles").name,
        "records": "{0.organisation.name}: {0.programme.name}".format(
            record_for(OrganisationFactory(name=f"{WORD.title()} Partnership"))
        ),
        "pages": workshop(f"a {WORD} scheme").title,
    }


def _search_boxes(client) -> dict[str, str]:
    """The pages each search box shows for WORD."""
    pages = {
        "case study list": client.get("/case-studies/", {"q": WORD}),
        "forum search": client.get("/forum/search/", {"q": WORD}),
        "hub search": client.get("/search/", {"q": WORD}),
    }
    for kind in ("case-studies", "threads", "posts", "organisations", "records", "pages"):
        pages[f"hub search: {kind}"] = client.get("/search/", {"q": WORD, "type": kind})
    assert {name: r.status_code for name, r in pages.items()} == dict.fromkeys(pages, 200)
    return {name: response.content.decode() for name, response in pages.items()}


def _assert_every_box_finds(shown: dict[str, str], titles: dict[str, str]) -> None:
    assert titles["case-studies"] in shown["case study list"]
    assert f"{WORD} pool" in shown["forum search"]  # the reply
    assert f"The {WORD} scheme" in shown["forum search"]  # the thread's opening post
    for kind, title in titles.items():
        assert title in shown["hub search"], kind
        assert title in shown[f"hub search: {kind}"], kind


@pytest.mark.parametrize("backend", [WAGTAIL_DATABASE, FALLBACK])
def test_every_search_box_finds_the_item_on_another_backend(client, settings, backend):
    _backend(settings, backend)
    if backend == FALLBACK:
        IndexEntry.objects.all().delete()  # as under OpenSearch: the database's index is empty
    titles = _content()
    if backend == FALLBACK:
        assert not IndexEntry.objects.exists()

    _assert_every_box_finds(_search_boxes(client), titles)


def test_the_database_index_is_not_what_found_them_on_the_fallback_backend(client, settings):
    """The control for the test above: what was saved under the fallback backend is not in the
    database's index, so the default backend (reading that index) finds none of it."""
    _backend(settings, FALLBACK)
    titles = _content()
    settings.WAGTAILSEARCH_BACKENDS = copy.deepcopy(PROJECT_BACKENDS)
    shown = _search_boxes(client)
    for name, page in shown.items():
        assert not any(title in page for title in titles.values()), name


def test_the_default_backend_finds_every_item_too(client):
    titles = _content()
    _assert_every_box_finds(_search_boxes(client), titles)


def test_a_bounded_model_must_be_one_whose_entries_are_its_own():
    with pytest.raises(ImproperlyConfigured, match="indexed subclasses"):
        BoundedPostgresSearchBackend({"BOUNDED": {"wagtailcore.page": {}}})
    with pytest.raises(ImproperlyConfigured, match="no model"):
        BoundedPostgresSearchBackend({"BOUNDED": {"cases.nosuchmodel": {}}})


# The bounded PostgreSQL backend ------------------------------------------------------------

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the bounded backend is PostgreSQL's"
)


def _bounded(settings, **options):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "hub.base.search_backend", "BOUNDED": {"cases.casestudy": options}}
    }
    backend = get_search_backend()
    assert isinstance(backend, BoundedPostgresSearchBackend)
    return backend


def _titles(results) -> list[str]:
    return [hit.title for hit in results]


@postgres_only
def test_on_postgresql_the_default_backend_is_the_bounded_one():
    assert isinstance(get_search_backend(), BoundedPostgresSearchBackend)


@postgres_only
def test_bounded_ranking_puts_a_title_match_first(settings):
    backend = _bounded(settings, candidates=10)
    CaseStudyFactory(title="Job clubs", summary="Brackets everywhere in the notes.")
    CaseStudyFactory(title="Brackets and braces", summary="Short.")

    ranked = _titles(backend.search("brackets", CaseStudy, operator="and")[:10])

    assert ranked == ["Brackets and braces", "Job clubs"]


@postgres_only
def test_bounded_ranking_finds_what_wagtails_own_backend_finds_below_the_bound(settings):
    for n in range(6):
        CaseStudyFactory(title=f"Study {n}", body="Brackets " * (n + 1), summary=f"Case {n}.")
    CaseStudyFactory(title="Unrelated", body="Nothing here.")
    queryset = CaseStudy.objects.published()

    bounded = _titles(_bounded(settings, candidates=10).search("brackets", queryset)[:10])
    _backend(settings, WAGTAIL_DATABASE)
    wagtails = _titles(get_search_backend().search("brackets", queryset)[:10])

    assert sorted(bounded) == sorted(wagtails) == [f"Study {n}" for n in range(6)]
    assert bounded[0] == "Study 5"  # the most mentions ranks first


@postgres_only
def test_the_bound_is_the_larger_of_the_models_candidates_and_the_slice(settings):
    for n in range(5):
        CaseStudyFactory(title=f"Study {n}", body="Brackets.")

    backend = _bounded(settings, candidates=2, newest_first=True)

    assert len(backend.search("brackets", CaseStudy)[:1]) == 1
    # Two candidates ranked, whatever the slice below them asks for: the two indexed last.
    assert sorted(_titles(backend.search("brackets", CaseStudy)[:2])) == ["Study 3", "Study 4"]
    assert backend.search("brackets", CaseStudy).count() == 2
    # A deeper slice ranks deeper.
    assert len(backend.search("brackets", CaseStudy)[:4]) == 4
    assert len(backend.search("brackets", CaseStudy)[2:5]) == 3


@postgres_only
def test_the_querysets_filters_apply_to_the_bounded_candidates(settings):
    CaseStudyFactory(title="Published", body="Brackets.")
    CaseStudyFactory(title="Draft", body="Brackets.", status=CaseStudy.Status.DRAFT)

    backend = _bounded(settings, candidates=10)

    assert _titles(backend.search("brackets", CaseStudy.objects.published())) == ["Published"]


@postgres_only
def test_what_the_bound_does_not_cover_is_wagtails_own_search(settings):
    CaseStudyFactory(title="Brackets", body="Braces.")
    CaseStudyFactory(title="Parentheses", body="Braces.")
    CaseStudyFactory(title="Parentheses and brackets", body="Braces.")
    backend = _bounded(settings, candidates=1)

    # OR is Wagtail's own query (unbounded): all three, where a bound of one would give one.
    either = backend.search("brackets parentheses", CaseStudy, operator="or")
    assert len(either[:1]) == 1
    assert sorted(_titles(either)) == ["Brackets", "Parentheses", "Parentheses and brackets"]
    # So are a search of named fields and one without relevance order.
    assert len(backend.search("braces", CaseStudy, fields=["body"])) == 3
    assert len(backend.search("braces", CaseStudy, order_by_relevance=False)) == 3
    # The bound applies to the plain AND search.
    assert len(backend.search("braces", CaseStudy)) == 1


@postgres_only
def test_the_results_say_when_the_bound_cut_the_candidates_short(settings):
    """The hub-wide search shows "500+" from this: candidates filtered out by the queryset
    still used up the bound, so more matches may exist than came back."""
    CaseStudyFactory(title="Draft", body="Brackets.", status=CaseStudy.Status.DRAFT)
    for n in range(2):
        CaseStudyFactory(title=f"Published {n}", body="Brackets.")
    published = CaseStudy.objects.published()

    cut = _bounded(settings, candidates=2, newest_first=False).search("brackets", published)[:2]
    assert len(list(cut)) <= 2 and cut.bound_reached
    whole = _bounded(settings, candidates=4).search("brackets", published)[:4]
    assert len(list(whole)) == 2 and not whole.bound_reached


def test_among_narrows_a_queryset_to_the_keys_on_every_database():
    first, _, third = (CaseStudyFactory(title=f"Study {n}") for n in range(3))
    keys = [third.pk, first.pk, 10**9]

    narrowed = among(CaseStudy.objects.all(), keys).values_list("pk", flat=True)

    assert sorted(narrowed) == sorted([first.pk, third.pk])
    assert not among(CaseStudy.objects.all(), []).exists()


@postgres_only
def test_hits_asked_for_by_key_alone_are_instances_whose_fields_still_load(settings):
    backend = _bounded(settings, candidates=10)
    study = CaseStudyFactory(title="Brackets", body="Braces.")

    [by_key] = backend.search("brackets", CaseStudy.objects.only("pk"))
    [whole] = backend.search("brackets", CaseStudy.objects.all())

    assert by_key.pk == whole.pk == study.pk
    assert "title" in by_key.get_deferred_fields() and not whole.get_deferred_fields()
    assert by_key.title == whole.title == "Brackets"  # a deferred field loads on first use


@postgres_only
def test_a_bounded_search_filters_on_related_fields_in_its_ranked_query(settings):
    """The hub-wide search hands each type's visibility rule (joins to other models, not just
    FilterFields) to the bounded backend, which applies it in the one ranked query."""
    shown = CaseStudyFactory(title="Shown", body="Brackets.")
    CaseStudyFactory(title="Elsewhere", body="Brackets.")
    backend = _bounded(settings, candidates=10)

    queryset = CaseStudy.objects.filter(organisation__name=shown.organisation.name)
    with CaptureQueriesContext(connection) as queries:
        assert backend.search("brackets", queryset.only("pk"))[:10].pks() == [shown.pk]
    assert len(queries) == 1


@postgres_only
def test_a_bounded_search_counts_further_than_it_ranks_in_one_query(settings):
    for n in range(5):
        CaseStudyFactory(title=f"Study {n}", body="Brackets.")
    CaseStudyFactory(title="Draft", body="Brackets.", status=CaseStudy.Status.DRAFT)
    backend = _bounded(settings, candidates=2)
    published = CaseStudy.objects.published()

    with CaptureQueriesContext(connection) as queries:
        ids, count = backend.search("brackets", published)[:1].ranked_and_counted(4)
    assert len(queries) == 1 and len(ids) == 1 and count == 4  # counted up to 4, the draft not
    ids, count = backend.search("brackets", published)[:3].ranked_and_counted(10)
    assert len(ids) == 3 and count == 5
    # Wagtail's own search (here an OR query) has no such count.
    assert backend.search("brackets", published, operator="or").ranked_and_counted(4) is None
