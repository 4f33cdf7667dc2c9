"""Claimant feedback: links, anonymous answers, held comments, minimum thresholds, rate limits
and link rotation (cases.feedback)."""

import re
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cases.feedback import selectors, services
from cases.feedback.models import ComplaintTheme, FeedbackLink, FeedbackResponse
from hub.base.models import JourneyStage, Notification
from hub.base.moderation import services as moderation
from tests.factories import OrganisationFactory, admin_of, member_of, moderator

pytestmark = pytest.mark.django_db

PHONE_COMMENT = "Please ring me on 07700 900123 about the course"
CLEAN_COMMENT = "The job club gave me confidence to apply again"


def stage(slug=None):
    stages = JourneyStage.objects.order_by("sort_order")
    return stages.get(slug=slug) if slug else stages.first()


def make_link(organisation=None, at=None):
    organisation = organisation or OrganisationFactory()
    return services.feedback_link_create(
        actor=admin_of(organisation), organisation=organisation, stage=at or stage()
    )


def answer(link, n=1, *, treated=5, helped="yes", recommend="yes", comment=""):
    return [
        services.feedback_submit(
            link=link, treated=treated, helped=helped, recommend=recommend, comment=comment
        )
        for _ in range(n)
    ]


def post_answers(client, link, **extra):
    data = {"treated": "4", "helped": "partly", "recommend": "yes", "comment": "", **extra}
    return client.post(reverse("feedback_give", args=(link.token,)), data, **_headers())


def _headers(address="203.0.113.9"):
    return {"REMOTE_ADDR": address, "HTTP_USER_AGENT": "Mozilla/5.0 (Test; Fictional) Browser/1"}


# Links --------------------------------------------------------------------------------------


def test_links_are_unguessable_and_one_per_stage():
    link = make_link()
    assert len(link.token) >= 22
    again = services.feedback_link_create(
        actor=admin_of(link.organisation), organisation=link.organisation, stage=link.stage
    )
    assert again == link
    other = make_link(link.organisation, stage("programme-exit"))
    assert other.token != link.token


def test_only_the_organisations_admin_makes_or_rotates_links():
    link = make_link()
    outsider = member_of(link.organisation)
    with pytest.raises(PermissionDenied):
        services.feedback_link_create(
            actor=outsider, organisation=link.organisation, stage=link.stage
        )
    with pytest.raises(PermissionDenied):
        services.feedback_link_rotate(actor=admin_of(OrganisationFactory()), link=link)


def test_a_rotated_link_says_it_was_replaced_and_saves_nothing(client):
    link = make_link()
    answer(link, 2)
    new = services.feedback_link_rotate(actor=admin_of(link.organisation), link=link)
    assert new.token != link.token and new.stage == link.stage
    page = client.get(reverse("feedback_give", args=(link.token,)))
    assert page.status_code == 410
    assert "This feedback link has been replaced" in page.text
    assert post_answers(client, link).status_code == 410
    assert FeedbackResponse.objects.count() == 2  # the earlier answers still count
    assert post_answers(client, new).status_code == 302
    assert selectors.experience_scores([link.organisation_id])[link.organisation_id].responses == 3
    with pytest.raises(ValidationError):
        answer(FeedbackLink.objects.get(pk=link.pk))


def test_an_unknown_link_is_not_found(client):
    assert client.get(reverse("feedback_give", args=("nope" * 6,))).status_code == 404


def test_the_admin_rotates_a_link_on_the_site_and_others_cannot(client):
    link = make_link()
    url = reverse("feedback_link_rotate", args=(link.organisation.slug, link.pk))
    client.force_login(member_of(link.organisation))
    assert client.post(url).status_code == 404
    client.force_login(admin_of(link.organisation))
    assert client.post(url).status_code == 302
    assert FeedbackLink.objects.get(pk=link.pk).retired_at is not None


def test_the_qr_code_is_an_svg_of_the_link(client):
    link = make_link()
    client.force_login(admin_of(link.organisation))
    response = client.get(reverse("feedback_qr", args=(link.organisation.slug, link.pk)))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg") or b"<svg" in response.content[:200]
    poster = client.get(reverse("feedback_poster", args=(link.organisation.slug, link.pk)))
    assert link.token in poster.text


# The claimant's answers ---------------------------------------------------------------------


def test_a_claimant_answers_without_an_account_and_nothing_personal_is_stored(client):
    link = make_link()
    page = client.get(reverse("feedback_give", args=(link.token,)))
    assert page.status_code == 200 and "How well were you treated?" in page.text
    response = post_answers(client, link, comment=CLEAN_COMMENT)
    assert response.status_code == 302
    row = FeedbackResponse.objects.get()
    stored = {f.attname: getattr(row, f.attname) for f in FeedbackResponse._meta.concrete_fields}
    assert set(stored) == {
        "id", "link_id", "organisation_id", "stage_id", "treated", "helped", "recommend",
        "comment", "submitted_on", "submission_key", "review_state", "held_reasons",
        "reviewed_at", "reviewed_by_id", "review_note",
    }  # fmt: skip
    text = " ".join(str(value) for value in stored.values())
    assert "203.0.113" not in text and "Mozilla" not in text
    assert type(row.submitted_on).__name__ == "date"  # the day, never the time
    assert (row.treated, row.helped, row.recommend) == (4, "partly", "yes")


def test_a_double_submit_counts_once(client):
    link = make_link()
    key = str(uuid.uuid4())
    post_answers(client, link, submission_key=key)
    post_answers(client, link, submission_key=key)
    assert FeedbackResponse.objects.count() == 1


def test_errors_are_shown_beside_the_questions_and_keep_the_comment(client):
    link = make_link()
    page = client.post(
        reverse("feedback_give", args=(link.token,)), {"comment": "kept words"}, **_headers()
    )
    assert page.status_code == 200
    assert "Select how well you were treated" in page.text
    assert "kept words" in page.text
    assert FeedbackResponse.objects.count() == 0


def test_a_comment_with_a_phone_number_is_held_with_the_reason():
    (row,) = answer(make_link(), comment=PHONE_COMMENT)
    assert row.review_state == "held" and row.held_reasons == ["phone"]


def test_every_comment_waits_for_review_even_a_clean_one_and_no_comment_waits_for_nothing():
    link = make_link()
    (clean,) = answer(link, comment=CLEAN_COMMENT)
    (plain,) = answer(link)
    assert clean.review_state == "held" and clean.held_reasons == []
    assert plain.review_state == "published"
    assert selectors.comments_to_review(link.organisation_id) == [clean]


@override_settings(HUB_FEEDBACK_PER_HOUR=2)
def test_answers_are_limited_per_address(client):
    link = make_link()
    assert post_answers(client, link).status_code == 302
    assert post_answers(client, link).status_code == 302
    refused = post_answers(client, link)
    assert refused.status_code == 429
    assert FeedbackResponse.objects.count() == 2
    other = client.post(
        reverse("feedback_give", args=(link.token,)),
        {"treated": "5", "helped": "yes", "recommend": "yes"},
        **_headers("198.51.100.7"),
    )
    assert other.status_code == 302


@override_settings(HUB_FEEDBACK_LINK_PER_HOUR=3, HUB_FEEDBACK_PER_HOUR=100)
def test_answers_are_limited_per_link(client):
    link = make_link()
    other_link = make_link()
    data = {"treated": "5", "helped": "yes", "recommend": "yes"}
    url = reverse("feedback_give", args=(link.token,))
    codes = [client.post(url, data, **_headers(f"192.0.2.{i}")).status_code for i in range(4)]
    assert codes == [302, 302, 302, 429]
    assert FeedbackResponse.objects.filter(link=link).count() == 3
    assert post_answers(client, other_link).status_code == 302


def _cache_keys() -> list[str]:
    from django.core.cache import cache

    store = cache._cache
    if isinstance(store, dict):  # LocMemCache
        return list(store.keys())
    return [key.decode() for key in store.get_client().keys("*")]  # Redis


def test_the_rate_limit_keys_are_hashed_in_the_cache(client):
    link = make_link()
    before = set(_cache_keys())
    post_answers(client, link)
    added = [key for key in set(_cache_keys()) - before if "rl:" in key]
    assert len(added) == 2, "one counter per address and one per link"
    for key in added:
        digest = key.split("rl:", 1)[1]
        assert re.fullmatch(r"[0-9a-f]{64}", digest), key  # a SHA-256, nothing readable


# Review -------------------------------------------------------------------------------------


def test_the_organisations_admin_publishes_and_rejects_its_own_comments():
    link = make_link()
    admin = admin_of(link.organisation)
    first, second = answer(link, 2, comment=CLEAN_COMMENT)
    moderation.held_publish(reviewer=admin, target=first)
    first.refresh_from_db()
    assert first.review_state == "published" and first.reviewed_by == admin
    with pytest.raises(ValidationError):
        moderation.held_reject(reviewer=admin, target=second, reason=" ")
    moderation.held_reject(reviewer=admin, target=second, reason="Names a member of staff")
    second.refresh_from_db()
    assert second.review_state == "rejected" and second.review_note == "Names a member of staff"
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"cases.feedback_publish", "cases.feedback_reject"} <= actions


def test_nobody_else_reviews_an_organisations_comments_but_a_moderator():
    link = make_link()
    (row,) = answer(link, comment=CLEAN_COMMENT)
    for outsider in (admin_of(OrganisationFactory()), member_of(link.organisation)):
        with pytest.raises(PermissionDenied):
            moderation.held_publish(reviewer=outsider, target=row)
    moderation.held_publish(reviewer=moderator(), target=row)
    row.refresh_from_db()
    assert row.review_state == "published"


def test_an_admin_of_another_organisation_cannot_publish_through_the_site(client):
    link = make_link()
    (row,) = answer(link, comment=CLEAN_COMMENT)
    other = OrganisationFactory()
    client.force_login(admin_of(other))
    url = reverse("feedback_comment_publish", args=(other.slug, row.pk))
    assert client.post(url).status_code == 404
    url = reverse("feedback_comment_publish", args=(link.organisation.slug, row.pk))
    assert client.post(url).status_code == 404
    row.refresh_from_db()
    assert row.review_state == "held"


def test_the_admin_reviews_on_the_manage_page(client):
    link = make_link()
    held, clean = answer(link, comment=PHONE_COMMENT)[0], answer(link, comment=CLEAN_COMMENT)[0]
    client.force_login(admin_of(link.organisation))
    page = client.get(reverse("feedback_manage", args=(link.organisation.slug,)))
    assert "This may contain a phone number" in page.text and CLEAN_COMMENT in page.text
    slug = link.organisation.slug
    client.post(reverse("feedback_comment_publish", args=(slug, clean.pk)))
    bad = client.post(reverse("feedback_comment_reject", args=(slug, held.pk)), {"reason": ""})
    assert bad.status_code == 400 and "Enter why the comment should not be shown" in bad.text
    client.post(reverse("feedback_comment_reject", args=(slug, held.pk)), {"reason": "A number"})
    states = dict(FeedbackResponse.objects.values_list("pk", "review_state"))
    assert states == {held.pk: "rejected", clean.pk: "published"}


def test_moderators_see_held_comments_in_the_admin_queue(client):
    link = make_link()
    (row,) = answer(link, comment=PHONE_COMMENT)
    client.force_login(member_of(link.organisation))
    assert client.get(reverse("moderation:held")).status_code in (302, 403)
    reviewer = moderator()
    reviewer.is_staff = True
    reviewer.save()
    from django.contrib.auth.models import Permission

    reviewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reviewer)
    page = client.get(reverse("moderation:held"))
    assert page.status_code == 200
    assert PHONE_COMMENT in page.text and "a phone number" in page.text
    client.post(reverse("moderation:held_publish", args=("claimant-comment", row.pk)))
    row.refresh_from_db()
    assert row.review_state == "published"


# Nothing below the minimum, nothing held, anywhere public -----------------------------------


@override_settings(HUB_FEEDBACK_MIN_RESPONSES=5)
def test_results_are_withheld_below_the_minimum_everywhere(client):
    link = make_link()
    answer(link, 4, treated=1, helped="no", recommend="no")
    organisation = link.organisation
    assert selectors.experience_scores([organisation.pk])[organisation.pk].score is None
    public = client.get(reverse("feedback_organisation", args=(organisation.slug,)))
    assert "Not enough responses yet (4 of 5)" in public.text
    assert "Customer experience score:" not in public.text and "0.0" not in public.text
    programme = client.get(reverse("feedback_programme"))
    assert "Not enough responses yet (4 of 5)" in programme.text and "0.0" not in programme.text
    client.force_login(admin_of(organisation))
    own = client.get(reverse("feedback_manage", args=(organisation.slug,)))
    assert "Not enough responses yet (4 of 5)" in own.text and "0.0%" not in own.text

    answer(link, 1, treated=1, helped="no", recommend="no")
    assert selectors.experience_scores([organisation.pk])[organisation.pk].score == 0.0
    public = client.get(reverse("feedback_organisation", args=(organisation.slug,)))
    assert "Customer experience score: <strong>0.0</strong>" in public.text


@override_settings(HUB_FEEDBACK_MIN_RESPONSES=3)
def test_held_and_rejected_comments_never_appear_publicly(client):
    link = make_link()
    organisation = link.organisation
    held = answer(link, comment=PHONE_COMMENT)[0]
    rejected = answer(link, comment="Rejected words about Mrs Example")[0]
    published = answer(link, comment=CLEAN_COMMENT)[0]
    answer(link, 2)
    admin = admin_of(organisation)
    moderation.held_reject(reviewer=admin, target=rejected, reason="Names someone")
    moderation.held_publish(reviewer=admin, target=published)
    assert held.review_state == "held"
    urls = [
        reverse("feedback_organisation", args=(organisation.slug,)),
        reverse("feedback_programme"),
        reverse("organisation_detail", args=(organisation.slug,)),
        reverse("hub_search") + "?q=ring+course" if _has("hub_search") else "/search/?q=ring",
        "/search/?q=Rejected",
    ]
    for url in urls:
        text = client.get(url).text
        assert "07700" not in text and "Rejected words" not in text, url
    assert CLEAN_COMMENT in client.get(urls[0]).text
    assert Notification.objects.filter(kind="cases.feedback_comment").count() == 3
    assert not Notification.objects.filter(message__contains="07700").exists()
    assert not Notification.objects.filter(message__contains="Rejected words").exists()
    assert selectors.published_comments(organisation.pk) == [published]


def _has(name):
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


@override_settings(HUB_FEEDBACK_MIN_RESPONSES=10)
def test_published_comments_wait_until_the_organisation_has_enough_responses(client):
    link = make_link()
    (row,) = answer(link, comment=CLEAN_COMMENT)
    moderation.held_publish(reviewer=admin_of(link.organisation), target=row)
    assert selectors.published_comments(link.organisation_id) == []
    page = client.get(reverse("feedback_organisation", args=(link.organisation.slug,)))
    assert CLEAN_COMMENT not in page.text


# Complaint themes ---------------------------------------------------------------------------


@override_settings(HUB_FEEDBACK_MIN_ORGANISATIONS=3)
def test_complaint_themes_show_only_from_enough_organisations(client):
    import datetime

    quarter = datetime.date(2026, 7, 1)
    at = stage()
    organisations = [OrganisationFactory() for _ in range(3)]
    for i, organisation in enumerate(organisations[:2]):
        services.complaint_themes_set(
            actor=admin_of(organisation), organisation=organisation, stage=at,
            quarter=quarter, counts={"contact": 4 + i, "respect": 1},
        )  # fmt: skip
    rows = {row.theme: row.total for row in selectors.programme_themes(quarter)}
    assert rows["Not enough contact or hard to reach"].value is None
    page = client.get(reverse("feedback_programme"))
    assert "Not enough organisations yet (2 of 3)" in page.text
    services.complaint_themes_set(
        actor=admin_of(organisations[2]), organisation=organisations[2], stage=at,
        quarter=quarter, counts={"contact": 2},
    )  # fmt: skip
    rows = {row.theme: row.total for row in selectors.programme_themes(quarter)}
    assert rows["Not enough contact or hard to reach"].value == 4 + 5 + 2
    assert rows["Not treated with respect"].value is None


def test_complaint_themes_form_saves_counts_and_zero_removes(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    url = reverse("feedback_themes", args=(organisation.slug,))
    page = client.get(url)
    quarter = page.context["form"].fields["quarter"].choices[0][0]
    data = {"quarter": quarter, "stage": stage().pk, "theme_contact": "3", "theme_access": "1"}
    assert client.post(url, data).status_code == 302
    assert ComplaintTheme.objects.filter(organisation=organisation).count() == 2
    client.post(url, {**data, "theme_access": "0"})
    assert list(ComplaintTheme.objects.values_list("theme", "count")) == [("contact", 3)]
    bad = client.post(url, {**data, "theme_contact": "-1"})
    assert bad.status_code == 200 and "Enter 0 or more" in bad.text
    client.force_login(member_of(organisation))
    assert client.get(url).status_code == 404


# Query counts -------------------------------------------------------------------------------


@override_settings(HUB_FEEDBACK_MIN_RESPONSES=2)
def test_feedback_pages_query_counts_do_not_grow(client):
    link = make_link()
    organisation = link.organisation
    admin = admin_of(organisation)

    def add(n):
        for i in range(n):
            answer(link, comment=f"Comment number {i} was fine")
        for row in FeedbackResponse.objects.held()[: n // 2]:
            moderation.held_publish(reviewer=admin, target=row)

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    urls = [
        reverse("feedback_organisation", args=(organisation.slug,)),
        reverse("feedback_programme"),
        reverse("feedback_manage", args=(organisation.slug,)),
        reverse("feedback_give", args=(link.token,)),
    ]
    client.force_login(admin)
    add(3)
    small = [count(url) for url in urls]
    add(30)
    for other in range(3):
        answer(make_link(), 3, comment=f"Elsewhere {other}")
    large = [count(url) for url in urls]
    assert large <= small, (small, large)


@override_settings(HUB_FEEDBACK_MIN_RESPONSES=3)
def test_the_results_download_withholds_small_groups_and_has_no_comments(client):
    link = make_link()
    answer(link, 2, comment=CLEAN_COMMENT)
    other_stage = make_link(link.organisation, stage("programme-exit"))
    answer(other_stage, 3, treated=3, helped="partly", recommend="not_sure")
    client.force_login(admin_of(link.organisation))
    response = client.get(reverse("feedback_download", args=(link.organisation.slug,)))
    text = b"".join(response.streaming_content).decode()
    lines = {line.split(",")[1]: line for line in text.splitlines()[1:] if line.startswith("stage")}
    assert lines[link.stage.name].endswith("Not enough responses yet (2 of 3)")
    assert lines["Programme exit"].startswith("stage,Programme exit,3,50.0,50.0,50.0,50.0")
    assert CLEAN_COMMENT not in text
    client.force_login(member_of(link.organisation))
    assert (
        client.get(reverse("feedback_download", args=(link.organisation.slug,))).status_code == 404
    )


def test_the_held_queue_costs_a_fixed_number_of_queries(client):
    from django.contrib.auth.models import Permission

    reviewer = moderator()
    reviewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reviewer)

    def count():
        client.get(reverse("moderation:held"))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("moderation:held")).status_code == 200
        return len(ctx)

    answer(make_link(), 2, comment=PHONE_COMMENT)
    small = count()
    for _ in range(4):
        answer(make_link(), 3, comment=CLEAN_COMMENT)
    assert count() <= small


def test_the_programme_view_shows_the_chosen_quarters_themes(client):
    import datetime

    older, newer = datetime.date(2026, 1, 1), datetime.date(2026, 4, 1)
    for _ in range(3):
        organisation = OrganisationFactory()
        for quarter, theme in ((older, "access"), (newer, "contact")):
            services.complaint_themes_set(
                actor=admin_of(organisation), organisation=organisation, stage=stage(),
                quarter=quarter, counts={theme: 2},
            )  # fmt: skip
    latest = client.get(reverse("feedback_programme"))
    assert "April to June 2026" in latest.text and "Not enough contact" in latest.text
    assert "Premises, travel" not in latest.text
    chosen = client.get(reverse("feedback_programme") + "?quarter=2026-01-01")
    assert "Complaints by theme, January to March 2026" in chosen.text
    assert "Premises, travel or accessibility" in chosen.text
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">6</td>' in chosen.text
    assert client.get(reverse("feedback_programme") + "?quarter=nonsense").status_code == 200


def test_deleting_an_organisation_takes_its_feedback_with_it():
    link = make_link()
    answer(link, 2, comment=CLEAN_COMMENT)
    services.complaint_themes_set(
        actor=admin_of(link.organisation), organisation=link.organisation, stage=link.stage,
        quarter=services.quarter_start(link.created_at.date()), counts={"contact": 1},
    )  # fmt: skip
    link.organisation.delete()
    assert not FeedbackResponse.objects.exists() and not FeedbackLink.objects.exists()
    assert not ComplaintTheme.objects.exists()


def test_an_empty_post_shows_every_question_as_an_error(client):
    link = make_link()
    page = client.post(reverse("feedback_give", args=(link.token,)), {}, **_headers())
    assert page.status_code == 200
    for message in ("Select how well you were treated", "Select whether they helped you",
                    "Select whether you would tell a friend"):  # fmt: skip
        assert message in page.text
    assert FeedbackResponse.objects.count() == 0
