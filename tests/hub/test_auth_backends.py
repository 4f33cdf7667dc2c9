"""Each member's permission set is cached (hub.base.auth_backends) and dropped the moment their
groups or permissions, or a group's permissions, change."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _admin_link(client) -> bool:
    header = BeautifulSoup(client.get("/organisations/").content, "html.parser").select_one(
        "header"
    )
    return header.find("a", href="/admin/") is not None


def _fresh(user):
    return type(user).objects.get(pk=user.pk)  # a new request's user: no per-object cache


def test_the_permission_set_is_read_once_then_from_the_cache():
    member = UserFactory()
    with CaptureQueriesContext(connection) as queries:
        assert not _fresh(member).has_perm("wagtailadmin.access_admin")
    assert len([q for q in queries if "auth_permission" in q["sql"]]) == 2
    with CaptureQueriesContext(connection) as queries:
        assert not _fresh(member).has_perm("wagtailadmin.access_admin")
    assert not [q for q in queries if "auth_permission" in q["sql"]]


def test_a_group_given_to_a_member_shows_the_admin_link_at_once_and_taking_it_hides_it(client):
    member = UserFactory()
    client.force_login(member)
    assert not _admin_link(client)
    editors = Group.objects.create(name="Test editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    member.groups.add(editors)
    assert _admin_link(client)
    member.groups.remove(editors)
    assert not _admin_link(client)
    member.groups.add(editors)
    assert _admin_link(client)
    editors.permissions.clear()  # the group loses it: every member of it does
    assert not _admin_link(client)


def test_a_permission_given_directly_and_a_deleted_group_drop_the_cache(client):
    member = UserFactory()
    client.force_login(member)
    access = Permission.objects.get(codename="access_admin")
    assert not _admin_link(client)
    member.user_permissions.add(access)
    assert _admin_link(client)
    member.user_permissions.remove(access)
    group = Group.objects.create(name="Short-lived")
    group.permissions.add(access)
    member.groups.add(group)
    assert _admin_link(client)
    group.delete()
    assert not _admin_link(client)


def test_superuser_status_and_inactive_members_are_never_served_a_stale_set():
    member = UserFactory()
    assert not _fresh(member).has_perm("wagtailadmin.access_admin")
    member.is_superuser = True
    member.save()
    assert _fresh(member).get_all_permissions()  # a superuser's set: every permission
    member.is_superuser = False
    member.save()
    assert not _fresh(member).get_all_permissions()
    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    member.is_active = False
    member.save()
    assert not _fresh(member).has_perm("wagtailadmin.access_admin")
