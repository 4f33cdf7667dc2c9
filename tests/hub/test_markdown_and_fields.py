"""Member Markdown is sanitised; the month-year field gives one clear message."""

import datetime

import pytest

from hub.base.fields import MonthYearField
from hub.base.markdown import render_markdown


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("<script>alert(1)</script>", "<script"),
        ("[x](javascript:alert(1))", "javascript:"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<a href="#" onclick="alert(1)">x</a>', "onclick"),
        ("<iframe src='https://example.org'></iframe>", "<iframe"),
        ("<style>body{display:none}</style>", "<style"),
    ],
)
def test_markdown_removes_anything_that_runs(text, forbidden):
    assert forbidden not in render_markdown(text).lower()


def test_markdown_keeps_formatting_and_marks_links_as_user_content():
    html = render_markdown("**bold** and [a link](https://example.org)\n\n- one\n- two")
    assert "<strong>bold</strong>" in html and "<li>one</li>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow ugc noopener noreferrer"' in html


def test_member_headings_never_outrank_the_page_headings():
    html = render_markdown("# Big\n\n## Smaller")
    assert "<h1" not in html and "<h2" not in html
    assert "<h3>Big</h3>" in html and "<h4>Smaller</h4>" in html


@pytest.mark.parametrize(
    "value, expected",
    [
        (["3", "2024"], datetime.date(2024, 3, 1)),
        (["12", "2019"], datetime.date(2019, 12, 1)),
        (["", ""], None),
    ],
)
def test_month_year_field_accepts_a_month(value, expected):
    assert MonthYearField(label="Start", required=False).clean(value) == expected


@pytest.mark.parametrize(
    "value, message",
    [
        (["13", "2024"], "the month must be a number from 1 to 12"),
        (["3", "24"], "the year must have 4 numbers"),
        (["", "2024"], "must include a month"),
        (["3", ""], "must include a year"),
        (["", ""], "Enter start"),
    ],
)
def test_month_year_field_says_what_is_wrong(value, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=message):
        MonthYearField(label="Start").clean(value)
