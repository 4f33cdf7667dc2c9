"""The demo seed: about sixty fictional case studies, their ratings and comments, and a
populated showcase, made idempotently by `manage.py seed_demo`."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Exists, F, OuterRef, Sum
from django.utils.html import escape

from cases.casestudies import ratings
from cases.casestudies.models import CaseStudy, Comment, Rating
from hub.base.models import Membership
from hub.site.demo.cases import CASE_STUDIES
from hub.site.pages import ContentPage
from hub.site.showcase.models import ShowcaseFeature, ShowcasePage

pytestmark = pytest.mark.django_db


def _state():
    return (
        CaseStudy.objects.count(),
        CaseStudy.objects.published().count(),
        Rating.objects.count(),
        Comment.objects.count(),
        ShowcaseFeature.objects.count(),
        ShowcasePage.objects.count(),
        sorted(
            CaseStudy.objects.values_list("pk", "published_at", "rating_count", "comment_count")
        ),
    )


def test_seed_demo_makes_case_studies_ratings_and_a_showcase_idempotently(client):
    call_command("seed_demo", stdout=StringIO())
    first = _state()
    call_command("seed_demo", stdout=StringIO())
    assert _state() == first

    total, published = first[0], first[1]
    assert total == len(CASE_STUDIES) and 55 <= total <= 65
    assert 3 <= total - published <= 4  # a few are left as drafts
    assert not Rating.objects.filter(case_study__status=CaseStudy.Status.DRAFT).exists()

    # No rating comes from a member of the case study's own organisation.
    own_org_ratings = Rating.objects.filter(
        Exists(
            Membership.objects.filter(
                user=OuterRef("user"),
                organisation=OuterRef("case_study__organisation"),
                status=Membership.Status.APPROVED,
            )
        )
    )
    assert not own_org_ratings.exists()
    assert not Rating.objects.filter(user=F("case_study__author")).exists()

    # The stored aggregates match the rating rows, and "top rated" has something to show.
    for case_study in CaseStudy.objects.annotate(n=Count("ratings"), total=Sum("ratings__score")):
        total_score = case_study.total or 0
        assert case_study.rating_count == case_study.n, case_study
        assert case_study.rating_mean == ratings.mean(case_study.n, total_score), case_study
        if case_study.n:  # an unrated case study keeps the model's default score
            assert case_study.rating_score == ratings.bayesian_average(case_study.n, total_score)
        assert case_study.comment_count == case_study.comments.count(), case_study
    counts = list(CaseStudy.objects.published().values_list("rating_count", flat=True))
    assert 0 in counts and max(counts) >= 15
    assert CaseStudy.objects.filter(rating_count=1, rating_mean=5).exists()
    assert CaseStudy.objects.filter(
        rating_count__gte=15, rating_mean__gte=Decimal("4.5"), rating_mean__lte=Decimal("4.7")
    ).exists()
    per_case = CaseStudy.objects.published().values_list("comment_count", flat=True)
    assert max(per_case) <= 6 and 0 in per_case
    assert Comment.objects.filter(parent__isnull=False).exists()  # authors reply

    # Publication dates spread over about two years, so "newest" means something.
    dates = sorted(CaseStudy.objects.published().values_list("published_at", flat=True))
    assert (dates[-1] - dates[0]).days > 600

    # Every case study's author is an approved member of its organisation.
    assert not CaseStudy.objects.exclude(
        Exists(
            Membership.objects.filter(
                user=OuterRef("author"),
                organisation=OuterRef("organisation"),
                status=Membership.Status.APPROVED,
            )
        )
    ).exists()

    # The showcase replaced the placeholder, features nine case studies, three of each kind.
    showcase = ShowcasePage.objects.get()
    assert showcase.live and showcase.url_path.endswith("/showcase/")
    assert not ContentPage.objects.filter(slug="showcase").exists()
    kinds = showcase.features.values("kind").annotate(n=Count("id"))
    assert {row["kind"]: row["n"] for row in kinds} == {
        "vcs_delivery": 3,
        "complementary": 3,
        "advocacy": 3,
    }
    featured = CaseStudy.objects.filter(featured_at__isnull=False)
    assert featured.count() >= 9
    assert set(featured.values_list("status", flat=True)) == {CaseStudy.Status.PUBLISHED}

    response = client.get("/showcase/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Showcase" in html
    assert all(escape(title) in html for title in featured.values_list("title", flat=True))


def test_seed_replaces_an_existing_coming_soon_placeholder(client):
    """A database seeded before the showcase existed has a ContentPage at /showcase/."""
    from hub.site.pages import HomePage

    home = HomePage.objects.get()
    placeholder = home.add_child(instance=ContentPage(title="Showcase", slug="showcase"))
    placeholder.save_revision().publish()

    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert not ContentPage.objects.filter(slug="showcase").exists()
    assert ShowcasePage.objects.count() == 1
    assert client.get("/showcase/").status_code == 200
