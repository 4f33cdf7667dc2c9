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
# Sections and policies now served by their own views: an earlier run's placeholder page for each is removed.
RETIRED_PLACEHOLDERS = [
    "performance", "case-studies", "forum", "workshops", "toolkits", "privacy", "accessibility",
]  # fmt: skip
