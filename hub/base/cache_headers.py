"""Cache-Control for anonymous pages, so a CDN or proxy may keep them for a short while."""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_cache_control

EXCLUDED_PREFIXES = ("/admin/", "/accounts/", "/notifications/")


class AnonymousCacheControlMiddleware:
    """A public max-age on successful GETs by visitors who are not signed in, unless the
    response sets a cookie (a CSRF token, a message) or already says how to cache it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = settings.HUB_ANONYMOUS_CACHE_SECONDS
        user = getattr(request, "user", None)
        if (
            seconds
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and user is not None
            and not user.is_authenticated
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not request.path.startswith(EXCLUDED_PREFIXES)
        ):
            patch_cache_control(response, public=True, max_age=seconds)
        return response
