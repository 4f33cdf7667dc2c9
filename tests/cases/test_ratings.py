"""The rating arithmetic (no database) and the stored aggregates under concurrency."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from cases.casestudies import ratings, services
from cases.casestudies.models import CaseStudy, Rating


def test_one_five_star_rating_does_not_outrank_forty_averaging_4_6():
    one_five = ratings.bayesian_average(1, 5)
    forty = ratings.bayesian_average(40, 184)
    assert one_five == Decimal("3.333") and forty == Decimal("4.422")
    assert forty > one_five


def test_bayesian_ranking_orders_a_constructed_set():
    # (name, count, total)
    constructed = [
        ("single 5", 1, 5),
        ("forty at 4.6", 40, 184),
        ("ten at 4.0", 10, 40),
        ("three at 5", 3, 15),
        ("two at 1", 2, 2),
        ("none", 0, 0),
        ("hundred at 3.9", 100, 390),
    ]
    ranked = sorted(constructed, key=lambda r: ratings.bayesian_average(r[1], r[2]), reverse=True)
    scores = {name: ratings.bayesian_average(c, t) for name, c, t in constructed}
    assert scores == {
        "single 5": Decimal("3.333"),
        "forty at 4.6": Decimal("4.422"),
        "ten at 4.0": Decimal("3.667"),
        "three at 5": Decimal("3.750"),
        "two at 1": Decimal("2.429"),
        "none": Decimal("3.000"),
        "hundred at 3.9": Decimal("3.857"),
    }
    assert [name for name, *_ in ranked] == [
        "forty at 4.6",
        "hundred at 3.9",
        "three at 5",
        "ten at 4.0",
        "single 5",
        "none",
        "two at 1",
    ]


def test_many_ratings_converge_on_their_mean():
    assert ratings.bayesian_average(10_000, 46_000) == Decimal("4.599")


def test_mean_of_no_ratings_is_zero_and_negative_counts_are_refused():
    assert ratings.mean(0, 0) == 0
    with pytest.raises(ValueError):
        ratings.bayesian_average(-1, 0)


# serialized_rollback: its teardown must not recreate content types under new ids, or the
# browser tests that run after it could not restore the migrated data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_fifty_concurrent_raters_leave_count_and_mean_exact():
    from tests.factories import CaseStudyFactory, OrganisationFactory, member_of

    case_study = CaseStudyFactory()
    raters = [member_of(OrganisationFactory()) for _ in range(50)]
    errors = []

    def wave(score_for):
        barrier = threading.Barrier(len(raters))

        def rate(i, user):
            try:
                barrier.wait()
                services.rating_set(user=user, case_study=case_study, score=score_for(i))
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=rate, args=(i, u)) for i, u in enumerate(raters)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    wave(lambda i: i % 5 + 1)  # 10 each of 1..5: total 150
    assert errors == []
    case_study.refresh_from_db()
    assert case_study.rating_count == 50
    assert case_study.rating_mean == Decimal("3.000")
    assert case_study.rating_score == ratings.bayesian_average(50, 150)

    wave(lambda i: 5)  # everyone changes their mind at once
    assert errors == []
    case_study.refresh_from_db()
    assert Rating.objects.filter(case_study=case_study).count() == 50
    assert (case_study.rating_count, case_study.rating_mean) == (50, Decimal("5.000"))
    assert CaseStudy.objects.get(pk=case_study.pk).rating_score == ratings.bayesian_average(50, 250)
