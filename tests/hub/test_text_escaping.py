"""Text written into a calendar, a header or a file name cannot break the format, and titles
refuse control characters at the form (hub.base.text)."""

import icalendar
import pytest
from django.urls import reverse

from hub.base.forms import OrganisationForm
from hub.base.text import no_control_characters, one_line
from tests.factories import OrganisationFactory, member_of
from tests.hub.test_workshops import _post_data, _publish

pytestmark = pytest.mark.django_db


def test_one_line_turns_every_control_character_and_line_break_into_one_space():
    assert one_line("Keeping\r\nyoung\tpeople\x00engaged\u2028 now ") == (
        "Keeping young people engaged now"
    )
    assert one_line(None) == ""


def test_the_calendar_of_a_title_with_a_line_break_is_valid_icalendar(client):
    # A title saved before the forms refused line breaks, or by an editor in the admin.
    page = _publish("Line one\nX-INJECTED:yes\r\nLine two", days=5, venue="Hall\nB")
    response = client.get(page.url + "calendar/")
    assert response.status_code == 200
    cal = icalendar.Calendar.from_ical(response.content)
    assert str(cal["X-WR-CALNAME"]) == "Line one X-INJECTED:yes Line two"
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Line one X-INJECTED:yes Line two"
    assert str(event["LOCATION"]).startswith("Hall B")
    assert b"\nX-INJECTED" not in response.content
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'


def test_the_proposal_form_refuses_a_title_with_a_line_break(client):
    member = member_of(OrganisationFactory())
    client.force_login(member)
    response = client.post(reverse("workshop_propose"), _post_data(title="Two\nlines"))
    assert response.status_code == 200
    assert "no line breaks or tabs" in response.content.decode()


@pytest.mark.parametrize("value", ["Acme\nLtd", "Acme\tLtd", "Acme\x1bLtd", "Acme\u2028Ltd"])
def test_names_with_control_characters_are_refused(value):
    with pytest.raises(Exception, match="no line breaks or tabs"):
        no_control_characters(value)
    form = OrganisationForm(data={"name": value, "kind": "vcs"})
    assert not form.is_valid()
    assert "Use letters, numbers, spaces and punctuation only" in form.errors["name"][0]


def test_thread_titles_refuse_line_breaks():
    from forum.forms import ThreadForm

    form = ThreadForm(data={"title": "A\nB", "body": "Hello"})
    form.is_valid()
    assert "no line breaks or tabs" in form.errors["title"][0]
