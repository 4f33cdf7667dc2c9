"""The header: one row of links at desktop widths and a <details> menu below them, which opens
without JavaScript and holds a search box with a visible label."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _header(client, path="/organisations/"):
    return BeautifulSoup(client.get(path).content, "html.parser").select_one("header")


def test_the_desktop_row_has_the_sections_search_and_sign_in(client):
    header = _header(client)
    wide_nav = header.select_one("nav.hub-header__nav")
    assert [a.get_text(strip=True) for a in wide_nav.select("a")][:2] == [
        "Showcase",
        "Case studies",
    ]
    account = header.select_one("nav.hub-header__account")
    assert [a.get_text(strip=True) for a in account.select("a")] == ["Search", "Sign in"]
    assert header.select_one(".hub-header__dropdown") is None  # signed out: no account menu


def test_the_small_screen_menu_is_a_details_with_a_labelled_search(client):
    header = _header(client)
    menu = header.select_one("details.hub-header__menu")
    assert menu.summary.get_text(strip=True) == "Menu"
    search_input = menu.select_one('input[type="search"]')
    label = menu.select_one(f'label[for="{search_input["id"]}"]')
    assert "govuk-visually-hidden" not in label.get("class", [])
    assert label.get_text(strip=True) == "Search the hub"
    assert {a.get_text(strip=True) for a in menu.select("a")} >= {
        "Case studies", "Forum", "Sign in", "Create an account"
    }  # fmt: skip


def test_signed_in_the_account_menu_holds_notifications_profile_and_sign_out(client):
    client.force_login(UserFactory())
    header = _header(client)
    dropdown = header.select_one("details.hub-header__dropdown")
    assert dropdown.summary.get_text(" ", strip=True) == "Account"
    assert [a.get_text(strip=True) for a in dropdown.select("a")] == [
        "Notifications",
        "Your profile",
    ]
    assert dropdown.select_one("form button").get_text(strip=True) == "Sign out"
    assert dropdown.select_one("form")["action"] == reverse("account_logout")


def test_the_search_page_has_one_search_box(client):
    html = client.get(reverse("search"), {"q": "anything"}).content.decode()
    assert html.count('type="search"') == 1
    assert _header(client, reverse("search")).select_one('input[type="search"]') is None
