"""Django's ModelBackend with each member's permission set kept in the shared cache.

Every signed-in page asks one permission question (the header's "Admin" link:
``perms.wagtailadmin.access_admin``), and Django answers it with two queries a request (the
member's own permissions and their groups'). The set changes only when a member's groups or
permissions, or a group's permissions, change, so it is kept under the "permissions" namespace
of hub.base.content_cache, which those changes bump (m2m_changed on the three link tables,
saves and deletes of groups and permissions). The key carries ``is_superuser`` (a superuser has
every permission); an inactive member has none and is never looked up.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from hub.base import content_cache

PERMISSIONS = "permissions"
PERMISSIONS_TIMEOUT = 60 * 60


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = content_cache.cached(
                "perms",
                [user_obj.pk, user_obj.is_superuser],
                lambda: set(super(CachedPermissionsBackend, self).get_all_permissions(user_obj)),
                namespaces=(PERMISSIONS,),
                timeout=PERMISSIONS_TIMEOUT,
            )
        return user_obj._perm_cache


def connect() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model()
    content_cache.watch(
        PERMISSIONS,
        user.groups.through,
        user.user_permissions.through,
        Group.permissions.through,
        Group,
        Permission,
    )
