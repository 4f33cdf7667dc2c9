"""Query counts measured from a known state of the per-viewer caches.

Every signed-in page reads the member's permission set (hub.base.auth_backends) and unread
count (hub.base.notifications) from the cache; the first request after a change reads them from
the database. A test comparing counts before and after the data grows must not depend on which
request came first, so it drops them right before each measurement: counts are the cold case,
the most a request can cost."""

from hub.base import auth_backends, content_cache, notifications
from hub.base.models import User


def cold_viewer_caches() -> None:
    content_cache.changed(auth_backends.PERMISSIONS)
    for pk in User.objects.values_list("pk", flat=True):
        content_cache.changed(notifications.unread_namespace(pk))
