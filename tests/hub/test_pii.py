"""The personal-data scanner holds back what would identify a claimant, and lets ordinary
comments through (hub.base.pii)."""

import pytest

from hub.base.pii import describe, scan


@pytest.mark.parametrize(
    "text",
    [
        "Ring me on 07700 900123 please",
        "my number is 07700900123",
        "call 0161 496 0000 any time",
        "Call (0161) 496-0000",
        "020 7946 0018",
        "+44 7700 900123",
        "+44 (0)20 7946 0018",
        "0044 7700 900 123",
        "tel:01632960001",
        "0800 123 4567 is the helpline",
        "01632.960.001",
    ],
)
def test_finds_uk_phone_numbers(text):
    assert "phone" in scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "I went 3 times a week for 12 weeks",
        "Between 2014 and 2015 it got better",
        "2019-2020 was hard",
        "I earn £1,250,000 a year",  # a dream, not a phone number
        "Appointment on 01/02/2026 at 10:30",
        "Reference 12345678901",  # eleven digits not starting with 0
        "+1 202 555 0143",  # not a UK number, nor a claimant's usually; not held
        "Score 10 out of 10",
        "00000 00000",
    ],
)
def test_does_not_take_other_numbers_for_phone_numbers(text):
    assert "phone" not in scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "write to jo.bloggs@example.com",
        "JO_BLOGGS+jobs@example.co.uk",
        "email me at sam at example dot com",
        "sam [at] example [dot] co [dot] uk",
        "o'brien@example.org",
    ],
)
def test_finds_email_addresses(text):
    assert "email" in scan(text)


@pytest.mark.parametrize(
    "text",
    ["I was at the centre at 10", "the course was @ the library", "look at it. Com on", "a@b"],
)
def test_does_not_take_at_for_email(text):
    assert "email" not in scan(text)


@pytest.mark.parametrize("text", ["NI QQ123456C", "my NI is qq 12 34 56 c", "AB123456D."])
def test_finds_national_insurance_numbers(text):
    assert "ni_number" in scan(text)


@pytest.mark.parametrize("text", ["GB123456A", "QQ123456E", "AB12345C", "ID 123456"])
def test_does_not_take_other_codes_for_national_insurance_numbers(text):
    assert "ni_number" not in scan(text)


@pytest.mark.parametrize(
    "text", ["I live at SW1A 1AA", "near m1 1ae", "EC1A1BB", "postcode B33 8TH", "W1A 0AX"]
)
def test_finds_full_postcodes(text):
    assert "postcode" in scan(text)


@pytest.mark.parametrize(
    "text", ["the office in M1 is near", "I have a B2 licence", "room 4B", "took the A1 north"]
)
def test_does_not_take_a_district_or_a_road_for_a_postcode(text):
    assert "postcode" not in scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Patel was lovely",
        "thanks to Dr. Okafor",
        "Mr O'Neill helped me",
        "My name is Sam and I was helped",
        "my adviser Priya was brilliant",
        "My work coach is Dave",
        "the key worker called Ahmed got me a CV",
        "I'm Terry, 52, and",
        "ask for Jo at reception",
        "Thank you Kelly for everything",
    ],
)
def test_finds_likely_names(text):
    assert "name" in scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "My adviser was brilliant",
        "my adviser is great and patient",
        "The staff were kind",
        "I'm grateful for the help",
        "I am happy with the service",
        "Thank you for everything",
        "Thanks to everyone at the centre",
        "mr motivator sessions were fun",  # not a capitalised name
        "The Jobcentre sent me here",
        "I'm Very happy",
        "My adviser Always listened",
    ],
)
def test_does_not_take_ordinary_words_for_names(text):
    assert "name" not in scan(text)


def test_a_clean_comment_has_no_reasons():
    assert scan("They treated me with respect and helped me write a CV. Thank you!") == []
    assert scan("") == [] and scan(None) == []


def test_reasons_come_in_a_fixed_order_once_each():
    text = "Mrs Khan, 07700 900123, khan@example.com, SW1A 1AA, QQ123456C, 07700 900999"
    assert scan(text) == ["phone", "email", "ni_number", "postcode", "name"]


def test_describe_says_the_reasons_in_words():
    assert describe([]) == ""
    assert describe(["phone"]) == "a phone number"
    assert describe(["phone", "postcode", "name"]) == (
        "a phone number, a postcode and a person's name"
    )
