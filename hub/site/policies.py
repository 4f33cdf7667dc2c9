"""The privacy notice, accessibility statement and cookies page: written for the hub, with
the periods and contact details read from settings, so they stay true wherever it runs."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_GET


def _context() -> dict:
    return {
        "operator": settings.HUB_OPERATOR,
        "contact_email": settings.HUB_CONTACT_EMAIL,
        "read_notifications_days": settings.HUB_READ_NOTIFICATIONS_KEEP_DAYS,
        "data_export_days": settings.HUB_DATA_EXPORT_KEEP_DAYS,
        "session_weeks": settings.SESSION_COOKIE_AGE // (7 * 24 * 3600),
    }


@require_GET
def privacy(request):
    return render(request, "hub/policies/privacy.html", _context())


@require_GET
def accessibility(request):
    return render(request, "hub/policies/accessibility.html", _context())


@require_GET
def cookies(request):
    return render(request, "hub/policies/cookies.html", _context())


@require_GET
def contact(request):
    return render(request, "hub/policies/contact.html", _context())
