from django.conf import settings

# The hub's sections, in the order the header shows them.
NAV_ITEMS = [
    ("Showcase", "/showcase/"),
    ("Case studies", "/case-studies/"),
    ("Workshops", "/workshops/"),
    ("Forum", "/forum/"),
    ("Performance", "/performance/"),
    ("Toolkits", "/toolkits/"),
    ("Organisations", "/organisations/"),
]


def site(request):
    """The site name and the header navigation, with the current section marked."""
    path = request.path
    return {
        "site_name": settings.SITE_NAME,
        "nav_items": [
            {"label": label, "url": url, "active": path.startswith(url)} for label, url in NAV_ITEMS
        ],
    }
