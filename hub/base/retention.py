"""How long the hub keeps things, enforced once a day by ``manage.py apply_retention``.

The periods are settings (README, "Configuration") and the privacy notice states them:
read notifications, stored data downloads, deleted accounts' anonymous shells once nothing
they wrote remains, and expired sessions. A records upload is never stored as a file: it is
read in memory, and its rows wait in the member's session until saved, so they go with it.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Exists, OuterRef
from django.utils import timezone

from hub.base import erasure, personal_data
from hub.base.models import Notification, User


def _unreferenced_shells():
    """Deleted accounts' rows that nothing points at any more."""
    shells = User.objects.filter(erased_at__isnull=False)
    for model, field in erasure.relations_to_user():
        shells = shells.exclude(Exists(model._base_manager.filter(**{field: OuterRef("pk")})))
    return shells


def apply_retention(*, now=None) -> dict[str, int]:
    """Delete what is past its period; returns how many of each went."""
    now = now or timezone.now()
    done = {}
    read_before = now - timedelta(days=settings.HUB_READ_NOTIFICATIONS_KEEP_DAYS)
    done["read notifications"], _ = Notification.objects.filter(read_at__lt=read_before).delete()
    done["data downloads"] = personal_data.purge_stored(
        older_than=now - timedelta(days=settings.HUB_DATA_EXPORT_KEEP_DAYS)
    )
    shells = list(_unreferenced_shells().values_list("pk", flat=True))
    User.objects.filter(pk__in=shells).delete()
    done["deleted accounts"] = len(shells)
    if "db" in settings.SESSION_ENGINE:
        done["expired sessions"], _ = Session.objects.filter(expire_date__lt=now).delete()
    return done
