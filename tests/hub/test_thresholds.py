"""An aggregate of too few respondents is withheld with the count, never computed or shown
(hub.base.thresholds)."""

from django.template.loader import render_to_string

from hub.base.thresholds import gate


def test_below_the_minimum_the_value_is_withheld_with_the_count():
    result = gate(73.5, count=4, minimum=10)
    assert not result.shown
    assert result.value is None
    assert result.needed == 6
    assert result.message == "Not enough responses yet (4 of 10)"


def test_at_the_minimum_the_value_is_shown():
    result = gate(73.5, count=10, minimum=10)
    assert result.shown and result.value == 73.5 and result.message == ""
    assert result.needed == 0


def test_a_callable_is_not_computed_below_the_minimum():
    calls = []

    def compute():
        calls.append(1)
        return 42

    assert gate(compute, count=2, minimum=3).value is None
    assert calls == []
    assert gate(compute, count=3, minimum=3).value == 42
    assert calls == [1]


def test_a_minimum_below_one_still_needs_one_respondent():
    assert not gate(5, count=0, minimum=0).shown
    assert gate(5, count=1, minimum=0).shown
    assert gate(5, count=-3, minimum=2).count == 0


def test_the_noun_names_what_is_counted():
    assert gate(1, count=2, minimum=4, noun="organisations").message == (
        "Not enough organisations yet (2 of 4)"
    )


def test_the_include_says_how_many_there_are_and_why():
    html = render_to_string("includes/not_enough.html", {"gate": gate(9, count=3, minimum=10)})
    assert "Not enough responses yet (3 of 10)" in html
    assert "10 responses or more" in html
