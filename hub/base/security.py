"""Answers and headers every response needs, whatever view made it.

- A signed-in member without access to the Wagtail admin gets a 403 page for /admin/ (Wagtail
  would send them to the sign-in page, which sends a signed-in member straight back: a loop).
- Pages for signed-in members say `Cache-Control: private, no-store`: no shared cache may keep
  them, and no browser may keep them after sign-out.
- Every response has a `Permissions-Policy` turning off the browser features the hub never uses.
- The Wagtail admin, where moderators read member content, has its own Content-Security-Policy
  (HUB_ADMIN_CSP): Wagtail's panels and date widgets write inline scripts and styles, so those
  stay allowed, but nothing loads from or posts to another origin, and no plugin, base URL or
  framing by another site is allowed. The rest of the site has django-csp's stricter policy.
- `RequestSizeMiddleware` (first in the stack) refuses a request whose declared body is larger
  than HUB_REQUEST_MAX_BYTES with a 413 before any of it is read; Django reads no more than the
  declared length, and the proxy in front refuses bodies over the same size (README).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

ADMIN_PREFIX = "/admin/"
ADMIN_LOGIN = "/admin/login/"


class SecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if (
            signed_in
            and request.path.startswith(ADMIN_PREFIX)
            and not request.path.startswith(ADMIN_LOGIN)
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            response = render(request, "hub/admin_forbidden.html", status=403)
        else:
            response = self.get_response(request)
        if signed_in:
            response.headers.pop("Cache-Control", None)
            response["Cache-Control"] = "private, no-store"
        response.setdefault("Permissions-Policy", settings.HUB_PERMISSIONS_POLICY)
        if request.path.startswith(ADMIN_PREFIX):
            response.setdefault("Content-Security-Policy", settings.HUB_ADMIN_CSP)
        return response


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.HUB_REQUEST_MAX_BYTES
        if length > limit:
            # No template context processors: the request's body, session and user are
            # never touched. The connection is closed, so the unread body goes nowhere.
            html = render_to_string("413.html", {"limit_mb": limit // (1024 * 1024)})
            response = HttpResponse(html, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
