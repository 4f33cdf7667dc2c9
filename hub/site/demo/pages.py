"""The hub's standing pages, written for the hub. Sections not built yet say so honestly."""

from wagtail.rich_text import RichText


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def para(html):
    return ("paragraph", RichText(html))


def callout(html, style="inset", title=""):
    return ("callout", {"style": style, "title": title, "text": RichText(html)})


CONTENT_PAGES = [
    {
        "slug": "about",
        "title": "About the hub",
        "summary": "Why the hub exists and who it is for.",
        "body": [
            para(
                "<p>The Good Practice Hub is where the organisations that deliver employment "
                "programmes share what works. Prime contractors, their subcontractors, small "
                "voluntary and community sector charities and Jobcentre Plus offices all use it.</p>"
            ),
            heading("Where the idea came from"),
            para(
                "<p>The 2014 <i>Work Programme: Building Best Practice</i> report asked for "
                "comparative performance information shared across supply chains, 'What Works' "
                "workshops for front-line advisers, a toolkit for voluntary sector organisations "
                "considering a subcontract, a showcase of good practice and an online forum. "
                "The hub brings these together in one place.</p>"
            ),
            heading("Who runs it"),
            para(
                "<p>The hub is open source. Moderators drawn from member organisations curate the "
                "showcase, check performance data and keep the forum civil.</p>"
            ),
            callout(
                "<p>Every organisation, person and figure in this demonstration is fictional.</p>"
            ),
        ],
    },
    {
        "slug": "help",
        "title": "Help",
        "summary": "How to join, add your organisation and get started.",
        "body": [
            heading("Creating an account"),
            para(
                "<p>Create an account with your work email address. We send a link to confirm "
                "it; you cannot sign in until you have followed that link. Then find your "
                'organisation in the <a href="/organisations/">directory</a> and ask to join. '
                "An admin of that organisation approves or declines your request.</p>"
            ),
            heading("Adding your organisation"),
            para(
                "<p>If your organisation is not in the directory, add it. You become its "
                "organisation admin: you approve people who ask to join, choose who else is an "
                "admin, and record who you deliver for or who delivers for you. A moderator can "
                "mark the organisation as verified once they have checked it is genuine.</p>"
            ),
            heading("Keeping your account safe"),
            para(
                "<p>You can turn on two-factor authentication from your profile page. You will "
                "need an authenticator app, and we give you recovery codes to keep somewhere "
                "safe in case you lose your phone.</p>"
            ),
            (
                "table",
                {
                    "caption": "Who can do what",
                    "table": {
                        "columns": [
                            {"type": "text", "heading": "Role"},
                            {"type": "text", "heading": "Can"},
                        ],
                        "rows": [
                            {
                                "values": [
                                    "Visitor",
                                    "Read public pages, toolkits and the directory",
                                ]
                            },
                            {
                                "values": [
                                    "Member",
                                    "Ask to join organisations, edit their own profile",
                                ]
                            },
                            {
                                "values": [
                                    "Organisation admin",
                                    "Approve members and edit their organisation",
                                ]
                            },
                            {
                                "values": [
                                    "Moderator",
                                    "Verify organisations and curate the showcase",
                                ]
                            },
                        ],
                    },
                },
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "summary": "How accessible the hub is and how to report a problem.",
        "body": [
            para(
                "<p>We want as many people as possible to be able to use the hub. You should be "
                "able to zoom to 400% without text spilling off the screen, navigate the whole "
                "site using just a keyboard, use it without JavaScript, and listen to it with a "
                "screen reader.</p>"
            ),
            heading("How we test"),
            para(
                "<p>Every journey is tested automatically in a real browser, with JavaScript on "
                "and off, and every page visited is checked against WCAG 2.2 level AA at narrow "
                "and wide screen sizes.</p>"
            ),
            heading("Reporting a problem"),
            para(
                "<p>If you find a part of the hub you cannot use, tell us in the forum or raise "
                "an issue in the project's repository, and we will fix it.</p>"
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "summary": "What we hold about you and why.",
        "body": [
            para(
                "<p>We hold your email address, so you can sign in and we can tell you about "
                "things that concern you; your display name, job title and short bio, which "
                "other members see; and the organisations you belong to.</p>"
            ),
            para(
                "<p>We never show your email address to other members. We use a cookie to keep "
                "you signed in and one to protect forms from forgery; we do not use tracking or "
                "advertising cookies.</p>"
            ),
            heading("Deleting your account"),
            para("<p>Ask a site administrator and we will delete your account and profile.</p>"),
        ],
    },
    {
        "slug": "terms",
        "title": "Terms of use",
        "summary": "The rules for using the hub.",
        "body": [
            para(
                "<p>Post only what you have the right to share. Never post information that "
                "could identify a participant. Be civil: moderators may hide content that breaks "
                "these rules.</p>"
            ),
        ],
    },
]

# The showcase is a ShowcasePage made by hub.site.demo.cases.seed(), which replaces the placeholder an
# earlier seed made; it is not listed here, so later runs never make the placeholder again.
# Sections now served by their own views: an earlier run's placeholder page for each is removed.
RETIRED_PLACEHOLDERS = ["performance", "case-studies", "forum", "workshops", "toolkits"]
