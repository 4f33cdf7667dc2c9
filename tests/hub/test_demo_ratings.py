"""The Star Rating's demo data: accreditations (verified and waiting), funding disclosed and
Customer Service Standards results, seeded idempotently; the demo prime's chain has five."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from cases.performance.models import PerformanceRecord
from hub.base.models import Accreditation, Organisation, SupplyChainLink, User
from toolkits.models import StandardResult

pytestmark = pytest.mark.django_db


def _state():
    return (
        sorted(Accreditation.objects.values_list("organisation__name", "kind", "verified_at")),
        PerformanceRecord.objects.filter(funding_received__isnull=False).count(),
        sorted(StandardResult.objects.values_list("organisation__name", "measure", "met",
                                                  "quarter_start")),
    )  # fmt: skip


def test_demo_star_rating_data_is_seeded_idempotently_and_shown(client):
    call_command("seed_demo", stdout=StringIO())
    first = _state()
    call_command("seed_demo", stdout=StringIO())
    assert _state() == first
    accreditations, funded, results = first
    assert any(v for *_, v in accreditations) and any(v is None for *_, v in accreditations)
    assert funded > 100
    assert {met for _, _, met, _ in results} == {True, False}
    prime = Organisation.objects.get(name="Northgate Employment Partnership")
    assert SupplyChainLink.objects.filter(prime=prime, status="confirmed").count() == 5

    page = client.get(reverse("organisation_star_rating", kwargs={"slug": prime.slug}))
    text = page.content.decode()
    assert "Customer Service Standards measures met" in text or "standard measures met" in text
    client.force_login(User.objects.get(username="tom.bright"))
    chain = client.get(reverse("supply_chain_view", kwargs={"slug": prime.slug}))
    assert chain.status_code == 200
    assert "Riverside Pathways" in chain.content.decode()
