"""The hub's WSGI application as the HTTP bench serves it: the bench's URLconf (the hub's own
plus the bare view) and rate limits off, since one client asks thousands of times."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402 - settings are configured by the line above

settings.ROOT_URLCONF = "hub.site.bench.measure"
settings.RATELIMIT_ENABLE = False
