from django.conf import settings

from hub.notifications import unread_count

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


def notifications(request):
    """How many unread notifications the header shows: one query, only for signed-in members."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
