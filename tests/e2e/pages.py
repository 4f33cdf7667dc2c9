"""Every page of the journeys, in one list, for the sweep in test_every_page.py.

The sweep loads the fictional demo content (`seed_demo`) and visits each page below at 320 px and
1280 px, with JavaScript on and off, as the given person. A page is a path, or a list page and
the pattern of the first link on it to follow (so a detail page needs no database ids), plus
what to do once it is open (submit a form, open a menu). To add a page of a new feature,
add one line to PAGES.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

VISITOR, MEMBER, ORG_ADMIN, MODERATOR = "visitor", "member", "org_admin", "moderator"
PEOPLE = {
    MEMBER: "amara.okafor@example.org",
    ORG_ADMIN: "priya.shah@example.org",  # administers Meridian Work Solutions
    MODERATOR: "moderator@example.org",
}
SIGN_UP_PASSWORD = "a-long-enough-passphrase"  # noqa: S105 - a test account's
LONG_EMAIL = (
    "a.very.long.address.that.does.not.fit.on.a.phone.screen."
    "at.all@employment-support-partnership-for-the-north-east.example.org"
)


@dataclass(frozen=True)
class Visit:
    name: str
    path: str
    who: str = VISITOR
    follow: str = ""
    """A regular expression: open the first link on `path` whose address matches it."""
    then: Callable | None = None
    """Steps once the page is open, given the Playwright page; the page they end on is checked."""


_sign_ups = itertools.count(1)


def _sign_up_with_a_long_email(page) -> None:
    n = next(_sign_ups)
    page.get_by_label("Your name").fill("Demo Longaddress")
    page.get_by_label("Email").fill(f"{n}.{LONG_EMAIL}")
    page.get_by_label("Username").fill(f"demo.longaddress{n}")
    page.get_by_label("Password", exact=True).fill(SIGN_UP_PASSWORD)
    page.get_by_label("Password (again)").fill(SIGN_UP_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.locator(".govuk-notification-banner").first.wait_for()


def _open_menu(page) -> None:
    page.set_viewport_size({"width": 320, "height": 900})
    page.locator(".hub-header__menu > summary").click()


MODEL = r"^/toolkits/financial-model/\?"

PAGES = [
    # The home page, the menu and search.
    Visit("home", "/"),
    Visit("home, menu open", "/", then=_open_menu),
    Visit("home, member", "/", MEMBER),
    Visit("search results", "/search/?q=employment"),
    Visit("search with no query", "/search/"),
    # Case studies and the showcase.
    Visit("case studies", "/case-studies/"),
    Visit("case study", "/case-studies/", follow=r"^/case-studies/\d+/$"),
    Visit("case study, member", "/case-studies/", MEMBER, follow=r"^/case-studies/\d+/$"),
    Visit("case study form", "/case-studies/new/", MEMBER),
    Visit("your case studies", "/case-studies/yours/", MEMBER),
    Visit("how ratings work", "/case-studies/how-ratings-work/"),
    Visit("showcase", "/showcase/"),
    Visit("what works", "/what-works/"),
    Visit("approach", "/what-works/", follow=r"^/what-works/[\w-]+/$"),
    Visit("workshops", "/workshops/"),
    Visit("workshop notes", "/workshops/", follow=r"^/workshops/(?!calendar|propose)[\w-]+/$"),
    # The forum.
    Visit("forum", "/forum/"),
    Visit("forum category", "/forum/", follow=r"^/forum/c/[\w-]+/$"),
    Visit("forum thread", "/forum/", follow=r"^/forum/t/\d+/$"),
    Visit("forum thread, member", "/forum/", MEMBER, follow=r"^/forum/t/\d+/$"),
    Visit("bookmarks", "/forum/bookmarks/", MEMBER),
    Visit("private messages", "/forum/messages/", MEMBER),
    Visit("a conversation", "/forum/messages/", MEMBER, follow=r"^/forum/messages/\d+/$"),
    # Performance.
    Visit("performance records", "/performance/"),
    Visit("performance record", "/performance/", MEMBER, follow=r"^/performance/\d+/$"),
    Visit("definitions", "/performance/definitions/"),
    Visit("benchmarks", "/performance/benchmarks/"),
    Visit(
        "benchmark of a record",
        "/performance/",
        MEMBER,
        follow=r"^/performance/\d+/$",
        then=lambda page: _follow(page, "/benchmarks/record/"),
    ),  # fmt: skip
    Visit(
        "organisation's results",
        "/performance/benchmarks/",
        follow=r"^/performance/benchmarks/organisation/[\w-]+/$",
    ),  # fmt: skip
    Visit("star rating", "/performance/benchmarks/star-rating/"),
    Visit("cohort benchmark", "/performance/benchmarks/?figures=cohort"),
    Visit("cohort records", "/performance/cohorts/", MEMBER),
    Visit("cohort record", "/performance/cohorts/", MEMBER, follow=r"^/performance/cohorts/\d+/$"),
    Visit("cohort upload", "/performance/upload/cohorts/", ORG_ADMIN),
    # Claimant feedback.
    Visit("claimant feedback across the programme", "/feedback/"),
    Visit(
        "an organisation's feedback", "/feedback/organisations/northgate-employment-partnership/"
    ),
    Visit("managing feedback", "/feedback/manage/meridian-work-solutions/", ORG_ADMIN),
    Visit(
        "a feedback poster",
        "/feedback/manage/meridian-work-solutions/",
        ORG_ADMIN,
        follow=r"/links/\d+/poster/$",
    ),  # fmt: skip
    Visit(
        "a claimant's feedback form",
        "/feedback/manage/meridian-work-solutions/",
        ORG_ADMIN,
        then=lambda page: _open_feedback_link(page),
    ),  # fmt: skip
    Visit("open data", "/performance/open-data/"),
    # Toolkits, the financial model and the standards.
    Visit("toolkits", "/toolkits/"),
    Visit("financial model", "/toolkits/financial-model/"),
    Visit("financial model results", "/toolkits/financial-model/", follow=MODEL),
    Visit(
        "financial model, every column",
        "/toolkits/financial-model/",
        follow=MODEL,
        then=lambda page: page.locator("#monthly-all > summary").click(),
    ),  # fmt: skip
    Visit("saved scenarios", "/toolkits/financial-model/scenarios/", MEMBER),
    # Subcontract opportunities and conduct feedback on primes.
    Visit("opportunities", "/toolkits/opportunities/"),
    Visit("opportunity", "/toolkits/opportunities/", follow=r"^/toolkits/opportunities/\d+/$"),
    Visit("opportunity alerts", "/toolkits/opportunities/watching/", MEMBER),
    Visit("conduct feedback on a prime", "/toolkits/conduct/northgate-employment-partnership/"),
    Visit("standards", "/standards/"),
    Visit("an organisation's standards", "/standards/", follow=r"^/standards/[\w-]+/$"),
    Visit("standards form", "/standards/meridian-work-solutions/edit/", ORG_ADMIN),
    # Organisations.
    Visit("organisations", "/organisations/"),
    Visit("organisation", "/organisations/", follow=r"^/organisations/[\w-]+/$"),
    Visit(
        "manage members and supply chain",
        "/organisations/meridian-work-solutions/members/",
        ORG_ADMIN,
    ),  # fmt: skip
    Visit("edit organisation", "/organisations/meridian-work-solutions/edit/", ORG_ADMIN),
    Visit(
        "an organisation's star rating",
        "/organisations/northgate-employment-partnership/star-rating/",
    ),
    Visit(
        "supply-chain view",
        "/organisations/northgate-employment-partnership/supply-chain/compare/",
        MEMBER,
    ),  # fmt: skip
    Visit("accreditations", "/organisations/meridian-work-solutions/accreditations/", ORG_ADMIN),
    # A member's own pages.
    Visit("notifications", "/notifications/", MEMBER),
    Visit("notification settings", "/notifications/preferences/", MEMBER),
    Visit("profile", "/accounts/profile/", MEMBER),
    Visit("email addresses", "/accounts/email/", MEMBER),
    Visit("change password", "/accounts/password/change/", MEMBER),
    Visit("your data", "/accounts/data/", MEMBER),
    # Signing up: the success banner names a long e-mail address.
    Visit("sign in", "/accounts/login/"),
    Visit("sign-up success banner", "/accounts/signup/", then=_sign_up_with_a_long_email),
]


def _open_feedback_link(page) -> None:
    """The manage page shows each stage's link as text to copy: open the first, as a claimant
    who typed it would."""
    text = page.locator("main").inner_text()
    path = re.search(r"/f/[\w-]+/", text).group(0)
    origin = re.match(r"https?://[^/]+", page.url).group(0)
    page.goto(origin + path)


def _follow(page, fragment: str) -> None:
    """Open the first link in the main content whose address contains `fragment`."""
    page.locator(f'main a[href*="{fragment}"]').first.click()
    page.wait_for_load_state()
