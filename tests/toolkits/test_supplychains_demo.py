"""The supply-chain demo: five opportunities open and closed, expressions of interest in every
state, conduct feedback shown for one prime (at the minimum) and withheld for the other."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from hub.base.models import Organisation
from hub.site.demo import supplychains
from toolkits.models import ConductFeedback, ExpressionOfInterest, Opportunity

pytestmark = pytest.mark.django_db


def test_the_demo_shows_every_state_and_both_sides_of_the_minimum(client, settings):
    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 5
    call_command("seed_demo", stdout=StringIO())
    state = (Opportunity.objects.count(), ExpressionOfInterest.objects.count())
    supplychains.seed()
    assert (Opportunity.objects.count(), ExpressionOfInterest.objects.count()) == state
    assert Opportunity.objects.count() == 5
    assert Opportunity.objects.open().count() == 3 and Opportunity.objects.closed().count() == 2
    assert set(ExpressionOfInterest.objects.values_list("status", flat=True)) == {
        "sent", "shortlisted", "declined", "withdrawn",
    }  # fmt: skip
    northgate = Organisation.objects.get(name="Northgate Employment Partnership")
    meridian = Organisation.objects.get(name="Meridian Work Solutions")
    assert ConductFeedback.objects.filter(prime=northgate).count() == 5
    assert ConductFeedback.objects.filter(prime=meridian).count() == 4
    shown = client.get(reverse("conduct_page", args=[northgate.slug])).content.decode()
    assert "5 organisations answered" in shown and "Paid us on time" in shown
    withheld = client.get(reverse("conduct_page", args=[meridian.slug])).content.decode()
    assert "fewer than 5 organisations have answered" in withheld
    assert "Paid us on time" not in withheld
    assert "(demo comment)." in shown and "waiting for review" not in shown
    for opportunity in Opportunity.objects.all():
        assert "demo" in opportunity.title
