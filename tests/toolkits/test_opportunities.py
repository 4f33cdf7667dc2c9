"""Subcontract opportunities and expressions of interest: who may do what, the list, the feed,
comparison and the financial model link."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hub.base.models import Area, Notification, Organisation
from tests.factories import OrganisationFactory, UserFactory, admin_of, member_of
from tests.toolkits.supplychains_helpers import eoi_data, prime, programme, publish, terms
from toolkits.supplychains import services as supply
from toolkits.supplychains.models import ExpressionOfInterest, Opportunity

pytestmark = pytest.mark.django_db


def test_only_a_primes_admin_publishes_its_opportunities():
    the_prime = prime()
    area = Area.objects.first()
    for outsider in (member_of(the_prime), admin_of(OrganisationFactory()), UserFactory()):
        with pytest.raises(PermissionDenied):
            supply.opportunity_publish(
                actor=outsider, prime=the_prime, data=terms(), areas=[area], claimant_groups=[]
            )
    assert not Opportunity.objects.exists()
    assert publish(the_prime).prime == the_prime


def test_an_organisation_that_is_not_a_prime_cannot_publish():
    charity = OrganisationFactory(kind=Organisation.Kind.VCS)
    with pytest.raises(ValidationError):
        publish(charity)


def test_the_publish_page_refuses_a_member_who_administers_no_prime(client):
    client.force_login(admin_of(OrganisationFactory(kind=Organisation.Kind.VCS)))
    assert client.get(reverse("opportunity_create")).status_code == 403


def test_a_primes_admin_publishes_through_the_form_and_a_resubmission_makes_one(client):
    the_prime = prime()
    client.force_login(admin_of(the_prime))
    area = Area.objects.first()
    form = {
        **{k: v for k, v in terms().items() if k not in {"programme", "starts_on", "deadline"}},
        "programme": programme().pk,
        "areas": [area.pk],
        "deadline": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "submission_key": "6f1c1d8e-3f8a-4d44-9a39-8f0c9b7b9a11",
        "organisation": the_prime.slug,
    }
    first = client.post(reverse("opportunity_create"), form)
    assert first.status_code == 302
    client.post(reverse("opportunity_create"), form)
    assert Opportunity.objects.count() == 1


def test_the_form_keeps_answers_and_shows_errors_beside_fields(client):
    the_prime = prime()
    client.force_login(admin_of(the_prime))
    response = client.post(reverse("opportunity_create"), {"title": "Half done"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Half done"' in body
    assert "govuk-error-message" in body
    assert "Choose at least one area" in body


def test_only_the_primes_admins_change_or_close_an_opportunity(client):
    opportunity = publish()
    client.force_login(admin_of(OrganisationFactory(kind=Organisation.Kind.PRIME)))
    assert client.get(reverse("opportunity_edit", args=[opportunity.pk])).status_code == 404
    assert client.post(reverse("opportunity_close", args=[opportunity.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        supply.opportunity_close(actor=member_of(opportunity.prime), opportunity=opportunity)
    opportunity.refresh_from_db()
    assert opportunity.closed_at is None


def test_a_closed_opportunity_stays_visible_as_a_record(client):
    opportunity = publish(title="Closed but kept")
    supply.opportunity_close(actor=admin_of(opportunity.prime), opportunity=opportunity)
    page = client.get(opportunity.get_absolute_url())
    assert page.status_code == 200
    assert "has closed" in page.content.decode()
    assert "Closed but kept" not in client.get(reverse("opportunity_list")).content.decode()
    listed = client.get(reverse("opportunity_list"), {"status": "closed"}).content.decode()
    assert "Closed but kept" in listed


def test_the_list_filters_by_programme_area_and_services_with_counts(client):
    areas = list(Area.objects.order_by("pk")[:2])
    publish(title="Alpha offer", areas=[areas[0]], services="end_to_end")
    publish(title="Beta offer", areas=[areas[1]], services="specialist", specialism="Debt")
    publish(title="Gamma offer", areas=[areas[1]], programme=programme("other-programme"))
    body = client.get(reverse("opportunity_list"), {"area": areas[1].slug}).content.decode()
    assert "Beta offer" in body and "Gamma offer" in body and "Alpha offer" not in body
    body = client.get(
        reverse("opportunity_list"), {"area": areas[1].slug, "services": "specialist"}
    ).content.decode()
    assert "Beta offer" in body and "Gamma offer" not in body
    body = client.get(reverse("opportunity_list"), {"programme": "other-programme"}).content
    assert b"Gamma offer" in body and b"Beta offer" not in body
    assert b'Other-Programme <span class="hub-meta">(1)</span>' in body


def test_the_cached_list_follows_edits_closing_areas_and_renames_at_once(client):
    areas = list(Area.objects.order_by("pk")[:2])
    opportunity = publish(title="First title", areas=[areas[0]])
    actor = admin_of(opportunity.prime)
    by_area = {"area": areas[1].slug}
    assert "First title" in client.get(reverse("opportunity_list")).content.decode()
    assert "First title" not in client.get(reverse("opportunity_list"), by_area).content.decode()
    opportunity.areas.set([areas[1]])  # m2m_changed only
    assert "First title" in client.get(reverse("opportunity_list"), by_area).content.decode()
    opportunity.title = "Second title"
    opportunity.save()
    assert "Second title" in client.get(reverse("opportunity_list")).content.decode()
    opportunity.prime.name = "Renamed Prime"
    opportunity.prime.save()
    assert "Renamed Prime" in client.get(reverse("opportunity_list")).content.decode()
    supply.opportunity_close(actor=actor, opportunity=opportunity)
    assert "Second title" not in client.get(reverse("opportunity_list")).content.decode()


def test_list_compare_and_profile_query_counts_do_not_grow(client):
    the_prime = prime()
    actor = admin_of(the_prime)
    areas = list(Area.objects.order_by("pk")[:3])

    def count(url, params=None):
        client.get(url, params)
        cache.clear()  # the uncached path, where queries could grow (the list's body is cached)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, params).status_code == 200
        return len(ctx)

    made = [publish(the_prime, actor=actor, areas=areas) for _ in range(2)]
    ids = [o.pk for o in made]
    small = (
        count(reverse("opportunity_list")),
        count(reverse("opportunity_compare"), {"id": ids}),
        count(the_prime.get_absolute_url()),
        count(made[0].get_absolute_url()),
        count(reverse("opportunity_feed")),
    )
    for _ in range(12):
        publish(the_prime, actor=actor, areas=areas)
    big = (
        count(reverse("opportunity_list")),
        count(reverse("opportunity_compare"), {"id": ids + [ids[0] + 5]}),
        count(the_prime.get_absolute_url()),
        count(made[0].get_absolute_url()),
        count(reverse("opportunity_feed")),
    )
    assert all(b <= s for b, s in zip(big, small, strict=True)), (big, small)


def test_compare_shows_two_or_three_side_by_side_without_javascript(client):
    a = publish(title="First offer", outcome_payment=1000)
    b = publish(title="Second offer", outcome_payment=2500)
    c = publish(title="Third offer")
    d = publish(title="Fourth offer")
    body = client.get(
        reverse("opportunity_compare"), {"id": [a.pk, b.pk, c.pk, d.pk]}
    ).content.decode()
    assert "First offer" in body and "Third offer" in body and "Fourth offer" not in body
    assert "£1,000.00" in body and "£2,500.00" in body


def test_model_link_prefills_the_financial_model_without_submitting_it(client):
    opportunity = publish(attachment_fee=250, management_fee_percent=12, contract_months=18)
    link = client.get(opportunity.get_absolute_url()).context["model_url"]
    query = parse_qs(urlparse(link).query)
    assert query["contract_months"] == ["18"]
    assert query["attachment_fee"] == ["250"]
    page = client.get(link)
    form = page.context["form"]
    assert not form.is_bound
    assert form["contract_months"].value() == 18
    assert form["attachment_fee"].value() == "250"
    assert form["management_fee"].value() == "12"
    assert form["group_1_outcome_payment"].value() == "1200"
    assert page.context["result"] is None
    assert opportunity.title in page.content.decode()
    assert "govuk-error-message" not in page.content.decode()


def test_watchers_of_a_programme_or_area_hear_of_a_new_opportunity_once():
    area = Area.objects.order_by("pk").first()
    both, by_area, other = UserFactory(), UserFactory(), UserFactory()
    supply.watch_set(user=both, programme=programme(), watching=True)
    supply.watch_set(user=both, area=area, watching=True)
    supply.watch_set(user=by_area, area=area, watching=True)
    supply.watch_set(user=other, area=Area.objects.order_by("pk").last(), watching=True)
    publish(areas=[area])
    assert Notification.objects.filter(recipient=both, kind="opportunity.new").count() == 1
    assert Notification.objects.filter(recipient=by_area, kind="opportunity.new").count() == 1
    assert not Notification.objects.filter(recipient=other).exists()


def test_the_feed_follows_the_lists_filters(client):
    areas = list(Area.objects.order_by("pk")[:2])
    publish(title="Feed alpha", areas=[areas[0]])
    publish(title="Feed beta", areas=[areas[1]])
    response = client.get(reverse("opportunity_feed"), {"area": areas[0].slug})
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Feed alpha" in body and "Feed beta" not in body


def test_only_an_organisations_admin_sends_its_one_expression_of_interest():
    opportunity = publish()
    charity = OrganisationFactory(kind=Organisation.Kind.VCS)
    with pytest.raises(PermissionDenied):
        supply.eoi_send(
            actor=member_of(charity), organisation=charity, opportunity=opportunity,
            data=eoi_data(),
        )  # fmt: skip
    admin = admin_of(charity)
    supply.eoi_send(actor=admin, organisation=charity, opportunity=opportunity, data=eoi_data())
    with pytest.raises(ValidationError):
        supply.eoi_send(actor=admin, organisation=charity, opportunity=opportunity, data=eoi_data())
    assert ExpressionOfInterest.objects.count() == 1


def test_no_expression_of_interest_after_the_deadline_or_from_the_prime_itself():
    opportunity = publish()
    with pytest.raises(ValidationError):
        supply.eoi_send(
            actor=admin_of(opportunity.prime), organisation=opportunity.prime,
            opportunity=opportunity, data=eoi_data(),
        )  # fmt: skip
    Opportunity.objects.filter(pk=opportunity.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    charity = OrganisationFactory()
    with pytest.raises(ValidationError):
        supply.eoi_send(
            actor=admin_of(charity), organisation=charity, opportunity=opportunity,
            data=eoi_data(),
        )  # fmt: skip


def test_only_the_primes_admins_see_and_answer_expressions_and_both_sides_hear(client):
    opportunity = publish()
    prime_admin = admin_of(opportunity.prime)
    charity = OrganisationFactory()
    sender = admin_of(charity)
    eoi = supply.eoi_send(
        actor=sender, organisation=charity, opportunity=opportunity, data=eoi_data()
    )
    assert Notification.objects.filter(recipient=prime_admin, kind="opportunity.eoi_received")
    url = reverse("opportunity_expressions", args=[opportunity.pk])
    for outsider in (sender, member_of(opportunity.prime)):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        answer = reverse("eoi_answer", args=[opportunity.pk, eoi.pk])
        assert client.post(answer, {"status": "shortlisted"}).status_code == 404
    with pytest.raises(PermissionDenied):
        supply.eoi_answer(actor=sender, eoi=eoi, status="shortlisted", reply="")
    client.force_login(prime_admin)
    assert charity.name in client.get(url).content.decode()
    response = client.post(
        reverse("eoi_answer", args=[opportunity.pk, eoi.pk]),
        {"status": "shortlisted", "reply": "Let us talk."},
    )
    assert response.status_code == 302
    eoi.refresh_from_db()
    assert eoi.status == "shortlisted" and eoi.answered_by == prime_admin
    assert Notification.objects.filter(recipient=sender, kind="opportunity.eoi_answered")


def test_a_withdrawn_expression_cannot_be_answered_and_may_be_sent_again():
    opportunity = publish()
    charity = OrganisationFactory()
    sender = admin_of(charity)
    eoi = supply.eoi_send(
        actor=sender, organisation=charity, opportunity=opportunity, data=eoi_data()
    )
    supply.eoi_withdraw(actor=sender, eoi=eoi)
    with pytest.raises(ValidationError):
        supply.eoi_answer(actor=admin_of(opportunity.prime), eoi=eoi, status="declined", reply="")
    again = supply.eoi_send(
        actor=sender, organisation=charity, opportunity=opportunity, data=eoi_data()
    )
    assert again.pk == eoi.pk and again.status == "sent"


def test_a_member_watches_and_stops_watching_an_area_from_the_alerts_page(client):
    from toolkits.supplychains.models import OpportunityWatch

    member = UserFactory()
    area = Area.objects.order_by("pk").first()
    client.force_login(member)
    url = reverse("opportunity_watches")
    assert client.post(url, {"area": area.slug}).status_code == 302
    assert client.post(url, {"area": area.slug}).status_code == 302
    assert OpportunityWatch.objects.filter(user=member, area=area).count() == 1
    both = client.post(url, {"area": area.slug, "programme": programme().slug})
    assert both.status_code == 200 and "not both" in both.content.decode()
    client.post(url, {"remove": f"area:{area.slug}"})
    assert not OpportunityWatch.objects.filter(user=member).exists()
