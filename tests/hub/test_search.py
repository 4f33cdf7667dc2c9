"""One search across the hub: every type found, the type filter and facets, who sees what,
safe highlighted snippets and query counts that do not grow with the data."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Workflow
from wagtail.rich_text import RichText

from cases.casestudies.models import CaseStudy
from cases.performance.models import PerformanceRecord, Programme
from forum import services as forum_services
from forum.models import Post
from hub.base import search
from hub.base.models import Area, ClaimantGroup, Organisation, Theme
from hub.base.moderation import services as moderation
from hub.site.pages import ContentPage, HomePage
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
from tests.cases.test_views import _Inspector, script_injection_strings
from tests.factories import CaseStudyFactory, OrganisationFactory, member_of, moderator
from tests.forum.helpers import category, seasoned_member

pytestmark = pytest.mark.django_db

WORD = "quokkabike"


# Builders ----------------------------------------------------------------------------------


def thread_with(text: str, *, cat=None, author=None, title=None, reply: str | None = None):
    """A thread opened through the service (so it is indexed), optionally with a reply."""
    author = author or seasoned_member()
    cat = cat or category(slug=f"cat-{timezone.now().timestamp()}".replace(".", "-"))
    thread = forum_services.thread_create(
        author=author, category=cat, title=title or "A question about travel", body=text
    )
    if reply is not None:
        forum_services.post_create(author=author, thread=thread, body=reply)
    return thread


def record_for(organisation, **overrides) -> PerformanceRecord:
    fields = {
        "organisation": organisation,
        "role": PerformanceRecord.Role.PRIME,
        "programme": Programme.objects.get(slug="restart-scheme"),
        "area": Area.objects.get(code="CPA5"),
        "claimant_group": ClaimantGroup.objects.get(slug="jsa-18-24"),
        "period_start": datetime.date(2025, 4, 1),
        "period_end": datetime.date(2025, 6, 1),
        "visibility": PerformanceRecord.Visibility.PUBLIC,
    }
    fields.update(overrides)
    return PerformanceRecord.objects.create(**fields)


def workshop_index() -> WorkshopIndexPage:
    index = WorkshopIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(
            instance=WorkshopIndexPage(title="Workshops", slug="workshops-index")
        )
    return index


def workshop(text: str, *, live=True, area=None, slug=None, themes=()) -> WorkshopPage:
    page = WorkshopPage(
        title=f"Workshop on {text[:40]}",
        slug=slug or f"workshop-{WorkshopPage.objects.count() + 1}",
        date=datetime.date(2026, 3, 1),
        area=area or Area.objects.first(),
        summary="Advisers from four providers met.",
        notes=[("what_was_shared", RichText(f"<p>They shared {text}.</p>"))],
        live=live,
    )
    workshop_index().add_child(instance=page)
    if themes:
        page.themes.set(themes)
    revision = page.save_revision()
    if live:
        revision.publish()
    return WorkshopPage.objects.get(pk=page.pk)


def content_page(text: str, *, slug: str, live=True) -> ContentPage:
    page = HomePage.objects.get().add_child(
        instance=ContentPage(title=f"About {slug}", slug=slug, summary=text, live=live)
    )
    revision = page.save_revision()
    if live:
        revision.publish()
    return ContentPage.objects.get(pk=page.pk)


def found(query: str, user, kind: str = "all", **chosen) -> dict[str, list[str]]:
    """Titles found for `user`, by type (all of each type's first page)."""
    if kind == "all":
        by_type = {
            t.key: [h.title for h in t.rows(t.find(query, user, {})[0], [])] for t in search.types()
        }
        # The "all results" view counts and previews each type by its own path (on PostgreSQL
        # one query per type that finds, keeps what `user` may see, counts and ranks): the same.
        for group in search.search(query, user=user).groups:
            assert group.count == len(by_type[group.key]), group.key
            shown = by_type[group.key][: search.PREVIEW_SIZE]
            assert [hit.title for hit in group.hits] == shown, group.key
        return by_type
    results = search.search(query, user=user, kind=kind, chosen=chosen)
    return {kind: [h.title for h in results.page.object_list]}


def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


# Each type is found ------------------------------------------------------------------------


def test_one_search_finds_each_type_of_content(client):
    case_study = CaseStudyFactory(title="Loans of bicycles", body=f"We lent a {WORD} to each.")
    thread = thread_with(f"Has anyone tried a {WORD}?", title=f"The {WORD} scheme")
    reply_thread = thread_with("Travel to work help", reply=f"We use a {WORD} pool.")
    organisation = OrganisationFactory(name=f"{WORD.title()} Cycles", description="Bikes.")
    record = record_for(OrganisationFactory(name=f"{WORD.title()} Partnership"))
    note = workshop(f"a {WORD} loan scheme")
    about = content_page(f"All about the {WORD}.", slug="about-bikes")

    response = client.get("/search/", {"q": WORD})

    assert response.status_code == 200
    page = response.content.decode()
    for title in (
        case_study.title,
        thread.title,
        f"Reply in “{reply_thread.title}”",
        organisation.name,
        f"{record.organisation.name}: {record.programme.name}",
        note.title,
        about.title,
    ):
        assert title in page, title
    groups = {g.key: g.count for g in response.context["results"].groups}
    assert groups == {
        "case-studies": 1,
        "posts": 2,  # the opening post of the first thread and the reply
        "threads": 1,
        "pages": 2,
        "records": 1,
        "organisations": 2,  # the cycles and the partnership
    }


def test_the_type_filter_shows_only_that_type_with_every_count_kept(client):
    CaseStudyFactory(title="Loans of bicycles", body=f"We lent a {WORD} to each.")
    thread_with(f"Has anyone tried a {WORD}?")
    workshop(f"a {WORD} loan scheme")

    response = client.get("/search/", {"q": WORD, "type": "case-studies"})

    page = response.content.decode()
    assert "Loans of bicycles" in page
    assert "Workshop on" not in page and "A question about travel" not in page
    links = {t["key"]: t["count"] for t in response.context["type_links"]}
    assert links["all"] == 3 and links["posts"] == 1 and links["pages"] == 1
    assert 'href="/search/?q=quokkabike&amp;type=pages"' in page


def test_only_types_with_hits_are_offered_with_their_counts_and_the_page_has_one_box(client):
    CaseStudyFactory(title="Loans of bicycles", body=f"We lent a {WORD} to each.")
    thread_with(f"Has anyone tried a {WORD}?")

    response = client.get("/search/", {"q": WORD})

    links = {t["key"]: t["count"] for t in response.context["type_links"]}
    assert links == {"all": 2, "case-studies": 1, "posts": 1}  # the thread's title misses
    page = response.content.decode()
    assert "type=organisations" not in page and "type=records" not in page
    assert page.count('type="search"') == 1  # the page's own box; the header's menu has none
    chosen = client.get("/search/", {"q": WORD, "type": "organisations"})
    assert {t["key"] for t in chosen.context["type_links"]} == {
        "all", "case-studies", "posts", "organisations"
    }  # fmt: skip


def test_the_all_view_shows_a_few_of_each_type_and_links_to_the_rest(client):
    for n in range(search.PREVIEW_SIZE + 2):
        CaseStudyFactory(title=f"Study {n}", body=f"The {WORD} again.")

    page = client.get("/search/", {"q": WORD}).content.decode()

    assert page.count('class="hub-result hub-search-hit"') == search.PREVIEW_SIZE
    assert f"See all {search.PREVIEW_SIZE + 2} case studies" in page


def test_a_short_or_empty_query_shows_guidance_and_no_results_shows_suggestions(client):
    empty = client.get("/search/").content.decode()
    short = client.get("/search/", {"q": "a"}).content.decode()
    none = client.get("/search/", {"q": "zzxqvnothinghere"}).content.decode()

    assert "What you can find" in empty and "Enter at least" not in empty
    assert "Enter at least 2 letters or numbers" in short
    assert "Nothing on the hub matches “zzxqvnothinghere”" in none
    assert "check the spelling" in none


def test_results_are_paged_within_one_type(client, settings):
    settings.HUB_PAGE_SIZE = 2
    for n in range(5):
        CaseStudyFactory(title=f"Study {n}", body=f"The {WORD} again.")

    first = client.get("/search/", {"q": WORD, "type": "case-studies"})
    third = client.get("/search/", {"q": WORD, "type": "case-studies", "page": 3})

    assert len(first.context["results"].page.object_list) == 2
    assert len(third.context["results"].page.object_list) == 1
    assert "page=2" in first.content.decode()


# Facets ------------------------------------------------------------------------------------


def test_case_study_facets_count_and_narrow_by_claimant_group():
    young, older = ClaimantGroup.objects.order_by("pk")[:2]
    CaseStudyFactory(title="For young people", body=WORD, claimant_groups=[young])
    CaseStudyFactory(title="For older people", body=WORD, claimant_groups=[older])

    results = search.search(WORD, user=anonymous(), kind="case-studies")
    groups = {f.name: f for f in results.facets}["group"]
    narrowed = search.search(
        WORD, user=anonymous(), kind="case-studies", chosen={"group": [young.slug]}
    )

    assert {(o.value, o.count) for o in groups.options} == {(young.slug, 1), (older.slug, 1)}
    assert [h.title for h in narrowed.page.object_list] == ["For young people"]
    assert {f.name for f in results.facets} == {"group", "barrier", "stage"}


def test_forum_facet_narrows_posts_and_threads_by_category():
    author = seasoned_member()
    jobs, housing = category(slug="jobs"), category(slug="housing")
    thread_with(f"{WORD} for jobs", cat=jobs, author=author, title=f"{WORD} jobs")
    thread_with(f"{WORD} for housing", cat=housing, author=author, title=f"{WORD} housing")

    for kind in ("posts", "threads"):
        results = search.search(WORD, user=anonymous(), kind=kind)
        options = {o.value: o.count for o in results.facets[0].options}
        narrowed = search.search(WORD, user=anonymous(), kind=kind, chosen={"category": ["jobs"]})
        assert options == {"jobs": 1, "housing": 1}
        assert [h.title for h in narrowed.page.object_list] == [f"{WORD} jobs"]


def test_record_facets_narrow_by_programme_and_area():
    organisation = OrganisationFactory(name=f"{WORD.title()} Training")
    restart = Programme.objects.get(slug="restart-scheme")
    other = Programme.objects.exclude(pk=restart.pk).first()
    record_for(organisation, programme=restart)
    record_for(organisation, programme=other)

    results = search.search(WORD, user=anonymous(), kind="records")
    programmes = {f.name: f for f in results.facets}["programme"]
    narrowed = search.search(
        WORD, user=anonymous(), kind="records", chosen={"programme": [other.slug]}
    )

    assert {o.value: o.count for o in programmes.options} == {restart.slug: 1, other.slug: 1}
    assert [h.title for h in narrowed.page.object_list] == [f"{organisation.name}: {other.name}"]
    assert {f.name for f in results.facets} == {"programme", "group", "area"}


def test_page_facets_narrow_by_page_type_and_workshop_area_and_theme():
    north, south = Area.objects.order_by("pk")[:2]
    theme = Theme.objects.create(name="Transport", slug="transport")
    workshop(f"{WORD} in the north", area=north, themes=[theme])
    workshop(f"{WORD} in the south", area=south)
    content_page(f"The {WORD} guide.", slug="guide")

    results = search.search(WORD, user=anonymous(), kind="pages")
    facets = {f.name: f for f in results.facets}
    by_type = search.search(
        WORD, user=anonymous(), kind="pages", chosen={"page_type": ["hub.contentpage"]}
    )
    by_area = search.search(WORD, user=anonymous(), kind="pages", chosen={"area": [north.slug]})
    by_theme = search.search(WORD, user=anonymous(), kind="pages", chosen={"theme": ["transport"]})

    assert {o.value: o.count for o in facets["page_type"].options} == {
        "hub.contentpage": 1,
        "hub.workshoppage": 2,
    }
    assert {o.value: o.count for o in facets["area"].options} == {north.slug: 1, south.slug: 1}
    assert [h.title for h in by_type.page.object_list] == ["About guide"]
    assert [h.title for h in by_area.page.object_list] == [f"Workshop on {WORD} in the north"]
    assert [h.title for h in by_theme.page.object_list] == [f"Workshop on {WORD} in the north"]


def test_facets_render_as_checkboxes_in_a_get_form(client):
    group = ClaimantGroup.objects.first()
    CaseStudyFactory(title="For a group", body=WORD, claimant_groups=[group])

    page = client.get(
        "/search/", {"q": WORD, "type": "case-studies", "group": group.slug}
    ).content.decode()

    assert re.search(rf'name="group" type="checkbox" value="{group.slug}" checked', page)
    assert 'name="type" value="case-studies"' in page and "Clear filters" in page


# Who sees what -----------------------------------------------------------------------------

VIEWERS = ["anonymous", "member", "moderator"]


def _viewer(role):
    return {
        "anonymous": anonymous,
        "member": lambda: member_of(OrganisationFactory()),
        "moderator": moderator,
    }[role]()


@pytest.mark.parametrize("role", VIEWERS)
def test_draft_and_hidden_case_studies_are_never_found(role):
    CaseStudyFactory(title="Draft one", body=WORD, status=CaseStudy.Status.DRAFT)
    CaseStudyFactory(title="Hidden one", body=WORD, status=CaseStudy.Status.HIDDEN)
    CaseStudyFactory(title="Published one", body=WORD)

    assert found(WORD, _viewer(role))["case-studies"] == ["Published one"]


def test_the_author_of_a_draft_does_not_find_it_in_search_either():
    draft = CaseStudyFactory(title="My draft", body=WORD, status=CaseStudy.Status.DRAFT)

    assert found(WORD, draft.author)["case-studies"] == []


@pytest.mark.parametrize("role", VIEWERS)
def test_hidden_threads_and_their_posts_are_never_found(role):
    mod = moderator()
    thread = thread_with(f"Opening about {WORD}", title=f"Hidden {WORD} thread", reply=WORD)
    forum_services.thread_hide(moderator=mod, thread=thread, reason="Off topic.")

    result = found(WORD, _viewer(role))

    assert result["threads"] == [] and result["posts"] == []


@pytest.mark.parametrize("role", VIEWERS)
def test_hidden_and_deleted_posts_are_never_found(role):
    author = seasoned_member()
    thread = thread_with("Opening post", author=author, title="Travel help")
    hidden = forum_services.post_create(author=author, thread=thread, body=f"Hidden {WORD}")
    moderation.hide(moderator=moderator(), target=hidden, reason="Rude.")
    deleted = forum_services.post_create(author=author, thread=thread, body=f"Deleted {WORD}")
    forum_services.post_delete(actor=author, post=deleted)
    # A soft-deleted row that still has its text (as an older deletion might) stays out too.
    kept = forum_services.post_create(author=author, thread=thread, body=f"Kept text {WORD}")
    Post.objects.filter(pk=kept.pk).update(deleted_at=timezone.now())
    forum_services.post_create(author=author, thread=thread, body=f"Shown {WORD}")

    posts = search.type_keys()["posts"]
    ids, _ = posts.find(WORD, _viewer(role), {})

    assert [p.body for p in Post.objects.filter(pk__in=ids)] == [f"Shown {WORD}"]


def test_members_only_forum_categories_are_found_only_by_signed_in_members():
    private = category(slug="members-room", access="members")
    thread_with(f"Private {WORD}", cat=private, title=f"Private {WORD} thread")

    anon = found(WORD, anonymous())
    member = found(WORD, member_of(OrganisationFactory()))

    assert anon["threads"] == [] and anon["posts"] == []
    assert member["threads"] == [f"Private {WORD} thread"]
    assert member["posts"] == [f"Private {WORD} thread"]


def test_members_only_thread_counts_do_not_leak_to_visitors(client):
    private = category(slug="members-room", access="members")
    thread_with(f"Private {WORD}", cat=private, title="Members only")

    page = client.get("/search/", {"q": WORD, "type": "threads"}).content.decode()

    assert "Members only" not in page and "members-room" not in page
    assert client.get("/search/", {"q": WORD}).context["results"].total == 0


@pytest.mark.parametrize("role", VIEWERS)
def test_only_openly_published_performance_records_are_found_whoever_asks(role):
    organisation = OrganisationFactory(name=f"{WORD.title()} Works")
    record_for(organisation, visibility=PerformanceRecord.Visibility.MEMBERS)
    open_record = record_for(
        organisation, programme=Programme.objects.exclude(slug="restart-scheme").first()
    )

    titles = found(WORD, _viewer(role))["records"]

    assert titles == [f"{organisation.name}: {open_record.programme.name}"]


def test_a_record_made_members_only_later_drops_out_of_search():
    record = record_for(OrganisationFactory(name=f"{WORD.title()} Works"))
    record.visibility = PerformanceRecord.Visibility.MEMBERS
    record.save()

    assert found(WORD, anonymous())["records"] == []


@pytest.mark.parametrize("role", VIEWERS)
def test_draft_unpublished_and_private_pages_are_never_found(role):
    workshop(f"a draft {WORD}", live=False)
    content_page(f"Draft {WORD}.", slug="draft-page", live=False)
    unpublished = content_page(f"Withdrawn {WORD}.", slug="withdrawn")
    unpublished.unpublish()
    private = content_page(f"Private {WORD}.", slug="private-page")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = content_page(f"Public {WORD}.", slug="public-page")

    assert found(WORD, _viewer(role))["pages"] == [public.title]


def test_pages_in_a_workflow_are_found_only_as_last_published():
    editor = moderator()
    workflow = Workflow.objects.filter(active=True).first()
    assert workflow is not None
    # A new page proposed for review: never published.
    proposal = workshop(f"proposed {WORD}", live=False)
    workflow.start(proposal, editor)
    # A live page with changes waiting in the workflow: only the published text is searched.
    page = content_page("The published text.", slug="changing")
    page.summary = f"Changes awaiting review: {WORD}."
    page.save_revision(user=editor)
    workflow.start(page, editor)

    assert Page.objects.get(pk=proposal.pk).workflow_in_progress
    assert found(WORD, anonymous())["pages"] == []
    assert found("published text", anonymous())["pages"] == ["About changing"]


# Highlighted snippets ----------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_highlight_marks_matching_words_in_a_window_around_the_first_match():
    text = " ".join(f"w{i}" for i in range(100)) + " the Training day " + "x " * 50

    snippet = search.highlight(text, search.query_terms("train"))

    assert "<mark>Training</mark>" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet.split()) <= search.SNIPPET_WORDS + 2


def test_highlight_strips_markdown_and_html_before_marking():
    text = "## Heading\n\n**Bold** [link text](http://x.test) <em>it</em>"

    snippet = search.highlight(text, ["link"])

    assert str(snippet) == "Heading Bold <mark>link</mark> text it"


@pytest.mark.parametrize("payload", script_injection_strings())
def test_highlight_never_lets_a_script_injection_payload_through(payload):
    terms = search.query_terms(payload) + ["script", "alert"]

    snippet = search.highlight(f"before {payload} after script alert", terms)

    parser = _Tags()
    parser.feed(str(snippet))
    assert {tag for tag, _attrs in parser.tags} <= {"mark"}
    assert all(attrs == [] for _tag, attrs in parser.tags)


def test_script_injection_payloads_in_queries_and_content_render_inert(client, settings):
    # About escaping, not limits: the member's search allowance must not end the run early.
    settings.HUB_MEMBER_SEARCHES_PER_MINUTE = 10_000
    payloads = script_injection_strings()
    for n, payload in enumerate(payloads[:12]):
        CaseStudyFactory(title=f"Study {n}", body=f"{payload} {WORD} {payload}")
        thread_with(f"{payload} {WORD}", title=f"Thread {n} {payload[:60]}")
    urls = [("/search/", {"q": WORD}), ("/search/", {"q": WORD, "type": "posts"})]
    urls += [("/search/", {"q": payload}) for payload in payloads]
    client.force_login(member_of(OrganisationFactory()))
    for url, params in urls:
        response = client.get(url, params)
        assert response.status_code == 200, params
        inspector = _Inspector()
        inspector.feed(response.content.decode())
        assert inspector.problems == [], params


# Limits and query counts -------------------------------------------------------------------


def test_visitors_searching_too_fast_are_asked_to_wait_sooner_than_members(client, settings):
    settings.HUB_SEARCHES_PER_MINUTE = 2
    statuses = [client.get("/search/", {"q": WORD}).status_code for _ in range(3)]
    client.force_login(member_of(OrganisationFactory()))
    member = [client.get("/search/", {"q": WORD}).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert member == [200, 200, 200]


def _grow(n: int, author, cat, organisation):
    group = ClaimantGroup.objects.first()
    for _ in range(n):
        CaseStudyFactory(
            body=f"A {WORD} story.", claimant_groups=[group], organisation=organisation
        )
        thread_with(f"A {WORD} question", cat=cat, author=author, title=f"{WORD} thread",
                    reply=f"A {WORD} answer")  # fmt: skip
        other = OrganisationFactory(name=f"{WORD.title()} {Organisation.objects.count()}")
        record_for(other)
        workshop(f"the {WORD}", themes=Theme.objects.all()[:1])
        content_page(f"A {WORD} page.", slug=f"page-{Page.objects.count()}")


def _count(client, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/search/", params).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("signed_in", [False, True])
def test_search_query_counts_do_not_grow_with_the_data(client, signed_in):
    Theme.objects.get_or_create(name="Transport", slug="transport")
    author = seasoned_member()
    cat = category(slug="general")
    organisation = OrganisationFactory()
    if signed_in:
        client.force_login(member_of(OrganisationFactory()))
    views = [{"q": WORD}] + [{"q": WORD, "type": t.key} for t in search.types()]
    views.append({"q": WORD, "type": "case-studies", "group": ClaimantGroup.objects.first().slug})
    views.append({"q": WORD, "type": "pages", "page_type": "hub.workshoppage"})
    _grow(2, author, cat, organisation)
    for params in views:
        client.get("/search/", params)  # warm the per-process caches (site root paths)
    small = [_count(client, params) for params in views]
    _grow(6, author, cat, organisation)
    large = [_count(client, params) for params in views]

    # Never more with more data (pages load one query per page type among the hits shown).
    assert all(big <= few for big, few in zip(large, small, strict=True)), (small, large)
    assert client.get("/search/", {"q": WORD}).context["results"].total > 30
