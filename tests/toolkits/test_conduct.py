"""Conduct feedback on primes: who may answer, once a year, and aggregates that never show
below the minimum number of organisations or by organisation."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hub.base import services as base_services
from hub.base.models import SupplyChainLink
from tests.factories import OrganisationFactory, UserFactory, admin_of, member_of
from tests.toolkits.supplychains_helpers import SCORES, chain, prime
from toolkits.supplychains import services as supply
from toolkits.supplychains.conduct import year_result
from toolkits.supplychains.models import ConductFeedback

ONE = (("paid_on_time", "Paid us on time"),)


def test_a_year_below_the_minimum_shows_nothing_not_even_the_count():
    result = year_result(
        year=2026, organisations=4, sums={"paid_on_time": 16}, agrees={"paid_on_time": 3},
        statements=ONE, minimum=5,
    )  # fmt: skip
    assert not result.shown
    assert result.organisations is None and result.statements == ()


def test_means_and_agreement_are_worked_by_hand():
    # Five organisations answer 4, 5, 3, 4, 4: sum 20, mean 4.0; four agree (4 or 5): 80%.
    result = year_result(
        year=2026, organisations=5, sums={"paid_on_time": 20}, agrees={"paid_on_time": 4},
        statements=ONE, minimum=5,
    )  # fmt: skip
    assert result.shown and result.organisations == 5
    assert result.statements[0].mean == Decimal("4.0")
    assert result.statements[0].agree_percent == 80
    # Six answer 1, 2, 3, 4, 3, 4 would be sum 17: 17 / 6 = 2.833 -> 2.8; 2 of 6 agree: 33%.
    result = year_result(
        year=2026, organisations=6, sums={"paid_on_time": 17}, agrees={"paid_on_time": 2},
        statements=ONE, minimum=5,
    )  # fmt: skip
    assert result.statements[0].mean == Decimal("2.8")
    assert result.statements[0].agree_percent == 33
    # Halves round up: 13 / 4 = 3.25 -> 3.3; 1 of 8 agree = 12.5% -> 13%.
    result = year_result(
        year=2026, organisations=4, sums={"paid_on_time": 13}, agrees={"paid_on_time": 1},
        statements=ONE, minimum=2,
    )  # fmt: skip
    assert result.statements[0].mean == Decimal("3.3")
    result = year_result(
        year=2026, organisations=8, sums={"paid_on_time": 24}, agrees={"paid_on_time": 1},
        statements=ONE, minimum=2,
    )  # fmt: skip
    assert result.statements[0].agree_percent == 13


def test_a_minimum_below_two_is_refused():
    with pytest.raises(ValueError):
        year_result(year=2026, organisations=1, sums={}, agrees={}, statements=(), minimum=1)


@pytest.mark.django_db
def test_only_members_of_organisations_in_or_formerly_in_the_confirmed_chain_answer():
    the_prime = prime()
    current, former, proposed, outsider = (OrganisationFactory() for _ in range(4))
    chain(the_prime, current)
    link = chain(the_prime, former)
    base_services.supply_chain_remove(link=link, actor=admin_of(the_prime))
    SupplyChainLink.objects.create(
        prime=the_prime, subcontractor=proposed, proposed_by_organisation=proposed
    )
    for organisation in (current, former):
        supply.conduct_feedback_set(
            actor=member_of(organisation), prime=the_prime, organisation=organisation,
            scores=SCORES,
        )  # fmt: skip
    for organisation in (proposed, outsider):
        with pytest.raises(PermissionDenied):
            supply.conduct_feedback_set(
                actor=member_of(organisation), prime=the_prime, organisation=organisation,
                scores=SCORES,
            )  # fmt: skip
    # A member cannot answer for an organisation they do not belong to.
    with pytest.raises(PermissionDenied):
        supply.conduct_feedback_set(
            actor=member_of(outsider), prime=the_prime, organisation=current, scores=SCORES
        )
    # Nor can the prime's own members rate it.
    with pytest.raises(PermissionDenied):
        supply.conduct_feedback_set(
            actor=member_of(the_prime), prime=the_prime, organisation=the_prime, scores=SCORES
        )
    assert ConductFeedback.objects.count() == 2


@pytest.mark.django_db
def test_one_answer_per_organisation_per_year_which_its_members_can_change():
    the_prime, sub = prime(), OrganisationFactory()
    chain(the_prime, sub)
    first, second = member_of(sub), member_of(sub)
    supply.conduct_feedback_set(
        actor=first, prime=the_prime, organisation=sub, scores=SCORES, year=2026
    )
    supply.conduct_feedback_set(
        actor=second, prime=the_prime, organisation=sub,
        scores={**SCORES, "paid_on_time": 1}, year=2026,
    )  # fmt: skip
    rows = ConductFeedback.objects.filter(prime=the_prime, organisation=sub)
    assert rows.count() == 1
    assert rows.get().paid_on_time == 1 and rows.get().answered_by == second
    supply.conduct_feedback_set(
        actor=first, prime=the_prime, organisation=sub, scores=SCORES, year=2027
    )
    assert rows.count() == 2


@pytest.mark.django_db
def test_the_answer_page_refuses_anyone_outside_the_chain(client):
    the_prime = prime()
    client.force_login(member_of(OrganisationFactory()))
    assert client.get(reverse("conduct_answer", args=[the_prime.slug])).status_code == 403
    client.force_login(UserFactory())
    response = client.post(reverse("conduct_answer", args=[the_prime.slug]), SCORES)
    assert response.status_code == 403
    assert not ConductFeedback.objects.exists()


def _answer(the_prime, organisation, scores=SCORES):
    chain(the_prime, organisation)
    supply.conduct_feedback_set(
        actor=member_of(organisation), prime=the_prime, organisation=organisation, scores=scores
    )


def _conduct_bodies(client, the_prime, **params) -> list[str]:
    pages = [the_prime.get_absolute_url(), reverse("conduct_page", args=[the_prime.slug])]
    return [client.get(url, params).content.decode() for url in pages]


def _panel(body: str) -> str:
    """The conduct results on a page, from the explanation to the mediation link."""
    start = body.index("rate it against the Code of Conduct")
    return body[start : body.index("independent mediation", start)]


@pytest.mark.django_db
def test_aggregates_show_only_from_the_minimum_of_different_organisations(client, settings):
    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 3
    the_prime = prime()
    subs = [OrganisationFactory(name=f"Respondent {n}") for n in range(3)]
    _answer(the_prime, subs[0], {**SCORES, "paid_on_time": 5})
    _answer(the_prime, subs[1], {**SCORES, "paid_on_time": 2})
    # More members of one organisation change its one answer; they never add a second.
    supply.conduct_feedback_set(
        actor=member_of(subs[1]), prime=the_prime, organisation=subs[1],
        scores={**SCORES, "paid_on_time": 3},
    )  # fmt: skip
    for body in _conduct_bodies(client, the_prime):
        assert "fewer than 3 organisations have answered" in body
        assert "Paid us on time" not in body
    client.force_login(admin_of(the_prime))  # the prime sees no more than anyone
    for body in _conduct_bodies(client, the_prime):
        assert "Paid us on time" not in body
    _answer(the_prime, subs[2], {**SCORES, "paid_on_time": 4})
    client.logout()
    for body in _conduct_bodies(client, the_prime):
        assert "3 organisations answered" in body
        assert "Paid us on time" in body
        assert ">4.0<" in body  # (5 + 3 + 4) / 3
    client.force_login(admin_of(the_prime))
    trend = client.get(reverse("conduct_page", args=[the_prime.slug])).context["conduct"]["trend"]
    # The other five statements score 2, 3, 5, 1, 4 for everyone: (4.0 + 2 + 3 + 5 + 1 + 4) / 6.
    assert [r.overall for r in trend] == [Decimal("3.2")]


@pytest.mark.django_db
def test_no_filter_or_parameter_breaks_the_aggregates_down_by_organisation(client, settings):
    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 2
    the_prime = prime()
    subs = [OrganisationFactory(name=f"Answering Charity {n}") for n in range(2)]
    neutral = dict.fromkeys(SCORES, 3)
    _answer(the_prime, subs[0], {**neutral, "paid_on_time": 5})
    _answer(the_prime, subs[1], {**neutral, "paid_on_time": 1})
    plain = _conduct_bodies(client, the_prime)
    for params in (
        {"organisation": subs[0].slug},
        {"organisation": subs[0].pk, "year": 2026},
        {"area": "cpa1", "respondent": subs[1].slug},
    ):
        assert [_panel(b) for b in _conduct_bodies(client, the_prime, **params)] == [
            _panel(b) for b in plain
        ]
    conduct_page = plain[1]
    assert ">3.0<" in conduct_page
    for sub in subs:
        assert sub.name not in conduct_page
    # Each organisation's own score for that statement (5 and 1) appears nowhere.
    assert ">5.0<" not in conduct_page and ">1.0<" not in conduct_page


@pytest.mark.django_db
def test_the_prime_posts_one_public_reply_a_year_and_only_its_admins_may(client, settings):
    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 2
    the_prime = prime()
    for _ in range(2):
        _answer(the_prime, OrganisationFactory())
    with pytest.raises(PermissionDenied):
        supply.conduct_reply_set(
            actor=member_of(the_prime), prime=the_prime, year=2026, text="Not allowed"
        )
    admin = admin_of(the_prime)
    client.force_login(admin)
    reply_url = reverse("conduct_reply", args=[the_prime.slug])
    client.post(reply_url, {"text": "We now pay in 20 days."})
    client.post(reply_url, {"text": "We now pay in 15 days."})
    body = client.get(reverse("conduct_page", args=[the_prime.slug])).content.decode()
    assert "We now pay in 15 days." in body and "20 days" not in body
    assert "independent mediation" in body
    client.force_login(member_of(OrganisationFactory()))
    assert client.post(reply_url, {"text": "Hijack"}).status_code == 404


SECRET = "The prime paid us ninety days late every quarter."


@pytest.mark.django_db
def test_a_held_comment_never_leaks_and_shows_without_its_author_once_published(client, settings):
    from hub.base.models import Notification
    from hub.base.moderation import services as moderation
    from tests.factories import moderator
    from toolkits.supplychains.models import ConductComment

    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 2
    the_prime = prime()
    writer_org = OrganisationFactory(name="Commenting Charity Ltd")
    chain(the_prime, writer_org)
    writer = member_of(writer_org)
    supply.conduct_feedback_set(
        actor=writer, prime=the_prime, organisation=writer_org, scores=SCORES, comment=SECRET
    )
    _answer(the_prime, OrganisationFactory())
    comment = ConductComment.objects.get()
    assert comment.review_state == "held"

    def everywhere() -> str:
        pages = [
            the_prime.get_absolute_url(),
            reverse("conduct_page", args=[the_prime.slug]),
            reverse("opportunity_feed"),
            reverse("opportunity_list"),
            "/search/?q=ninety+days+late",
        ]
        return "".join(client.get(url).content.decode() for url in pages)

    for viewer in (None, admin_of(the_prime), writer):
        if viewer:
            client.force_login(viewer)
        assert SECRET not in everywhere()
    assert not Notification.objects.filter(message__icontains="ninety days").exists()

    # The prime cannot review comments about itself; a moderator can.
    with pytest.raises(PermissionDenied):
        moderation.held_publish(reviewer=admin_of(the_prime), target=comment)
    moderation.held_publish(reviewer=moderator(), target=comment)
    client.logout()
    body = client.get(reverse("conduct_page", args=[the_prime.slug])).content.decode()
    assert SECRET in body
    assert "Commenting Charity Ltd" not in body
    assert writer.display_name not in body

    # Changed words go back for review and leave the page.
    supply.conduct_feedback_set(
        actor=writer, prime=the_prime, organisation=writer_org, scores=SCORES,
        comment="Now they pay on time.",
    )  # fmt: skip
    assert ConductComment.objects.get().review_state == "held"
    body = client.get(reverse("conduct_page", args=[the_prime.slug])).content.decode()
    assert "Now they pay on time." not in body and SECRET not in body


@pytest.mark.django_db
def test_a_published_comment_stays_hidden_while_the_year_is_below_the_minimum(client, settings):
    from hub.base.moderation import services as moderation
    from tests.factories import moderator
    from toolkits.supplychains.models import ConductComment

    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 3
    the_prime, sub = prime(), OrganisationFactory()
    chain(the_prime, sub)
    supply.conduct_feedback_set(
        actor=member_of(sub), prime=the_prime, organisation=sub, scores=SCORES, comment=SECRET
    )
    moderation.held_publish(reviewer=moderator(), target=ConductComment.objects.get())
    for url in (the_prime.get_absolute_url(), reverse("conduct_page", args=[the_prime.slug])):
        assert SECRET not in client.get(url).content.decode()


@pytest.mark.django_db
def test_conduct_page_profile_and_expressions_list_query_counts_do_not_grow(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hub.base.moderation import services as moderation
    from tests.factories import moderator
    from tests.toolkits.supplychains_helpers import eoi_data, publish
    from toolkits.supplychains.models import ConductComment

    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 2
    the_prime = prime()
    prime_admin = admin_of(the_prime)
    opportunity = publish(the_prime, actor=prime_admin)
    reviewer = moderator()

    def add(n):
        for _ in range(n):
            sub = OrganisationFactory()
            chain(the_prime, sub)
            supply.conduct_feedback_set(
                actor=member_of(sub), prime=the_prime, organisation=sub, scores=SCORES,
                comment="Fair terms.",
            )  # fmt: skip
            supply.eoi_send(
                actor=admin_of(sub), organisation=sub, opportunity=opportunity, data=eoi_data()
            )
        for comment in ConductComment.objects.held():
            moderation.held_publish(reviewer=reviewer, target=comment)

    def counts():
        client.force_login(prime_admin)
        out = []
        for url in (
            reverse("conduct_page", args=[the_prime.slug]),
            reverse("opportunity_expressions", args=[opportunity.pk]),
        ):
            client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx))
        return out

    add(2)
    small = counts()
    add(8)
    big = counts()
    assert all(b <= s for b, s in zip(big, small, strict=True)), (big, small)
