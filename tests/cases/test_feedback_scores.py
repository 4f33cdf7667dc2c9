"""The customer experience score, worked by hand (cases.feedback.scores)."""

from cases.feedback.scores import Tally, experience_score, shares


def tally(*answers):
    """answers: (treated 1-5, helped yes/partly/no, recommend yes/not_sure/no)."""
    total = Tally()
    for treated, helped, recommend in answers:
        total = total + Tally(
            responses=1,
            treated_total=treated,
            helped_yes=helped == "yes",
            helped_partly=helped == "partly",
            recommend_yes=recommend == "yes",
            recommend_not_sure=recommend == "not_sure",
        )
    return total


def test_the_docstring_example_scores_55_6():
    # (1+1+1)/3 = 1; (3/4+1/2+1/2)/3 = 7/12; (1/4+0+0)/3 = 1/12; mean 20/36 = 0.5556
    answers = tally((5, "yes", "yes"), (4, "partly", "not_sure"), (2, "no", "no"))
    result = experience_score(answers, minimum=3)
    assert result.score == 55.6
    assert result.responses == 3 and result.reason == ""


def test_best_answers_score_100_and_worst_0_and_middle_50():
    assert experience_score(tally(*[(5, "yes", "yes")] * 4), minimum=4).score == 100.0
    assert experience_score(tally(*[(1, "no", "no")] * 4), minimum=4).score == 0.0
    assert experience_score(tally(*[(3, "partly", "not_sure")] * 4), minimum=4).score == 50.0


def test_below_the_minimum_there_is_no_score_and_the_reason_says_how_many():
    result = experience_score(tally((5, "yes", "yes"), (5, "yes", "yes")), minimum=10)
    assert result.score is None
    assert result.responses == 2
    assert result.reason == "Not enough responses yet (2 of 10)"


def test_no_responses_at_all_is_not_a_zero():
    result = experience_score(Tally(), minimum=1)
    assert result.score is None and result.responses == 0


def test_shares_of_each_answer():
    # treated: (5-1 + 2-1)/(4*2) = 5/8 = 62.5%; helped: (1 + 0)/2 = 50%; recommend (0.5+0)/2
    result = shares(tally((5, "yes", "not_sure"), (2, "no", "no")))
    assert (result.treated, result.helped, result.recommend) == (62.5, 50.0, 25.0)
    assert shares(Tally()) is None


def test_rounding_to_one_decimal():
    # One (4, partly, yes): (3/4 + 1/2 + 1)/3 = 0.75 → 75.0; with (5, yes, no): (1+1+0)/3
    # = 2/3; mean (0.75 + 0.6667)/2 = 0.70833 → 70.8
    assert experience_score(tally((4, "partly", "yes"), (5, "yes", "no")), minimum=2).score == 70.8
