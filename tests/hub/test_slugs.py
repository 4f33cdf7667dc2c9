"""Unique slugs made from names survive simultaneous creation (hub.base.slugs)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from hub.base import services, slugs
from hub.base.models import Organisation
from tests.factories import UserFactory


@pytest.mark.django_db
def test_a_slug_taken_between_the_look_and_the_insert_moves_to_the_next(monkeypatch):
    user = UserFactory()
    real = slugs.free_slug
    calls = []

    def late_look(model, base, **kwargs):
        slug = real(model, base, **kwargs)
        if not calls:  # another request inserts the same slug just after our look
            Organisation.objects.create(name="Acme Ltd", slug=slug)
        calls.append(slug)
        return slug

    monkeypatch.setattr(slugs, "free_slug", late_look)
    organisation = services.organisation_create(user=user, name="ACME, Ltd.", kind="vcs")
    assert calls == ["acme-ltd", "acme-ltd-2"]
    assert organisation.slug == "acme-ltd-2"
    assert organisation.memberships.get().user == user


@pytest.mark.django_db
def test_a_name_taken_at_the_same_moment_is_a_message_on_the_name(monkeypatch):
    user = UserFactory()
    real_clean = Organisation.full_clean

    def clean_then_race(self, *args, **kwargs):
        real_clean(self, *args, **kwargs)
        Organisation.objects.create(name=self.name, slug="someone-else")

    monkeypatch.setattr(Organisation, "full_clean", clean_then_race)
    with pytest.raises(ValidationError) as exc:
        services.organisation_create(user=user, name="Acme Ltd", kind="vcs")
    assert "already exists" in exc.value.message_dict["name"][0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent inserts need PostgreSQL")
def test_twenty_simultaneous_creations_with_the_same_slug_all_succeed():
    creators = [UserFactory() for _ in range(20)]
    names = ["Acme Ltd" + "!" * n for n in range(20)]  # all slugify to acme-ltd
    barrier, errors = threading.Barrier(len(creators)), []

    def create(user, name):
        try:
            barrier.wait()
            services.organisation_create(user=user, name=name, kind="vcs")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    pairs = zip(creators, names, strict=True)
    workers = [threading.Thread(target=create, args=pair) for pair in pairs]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    made = sorted(
        Organisation.objects.filter(name__startswith="Acme Ltd").values_list("slug", flat=True)
    )
    assert len(made) == len(set(made)) == 20
    assert set(made) == {"acme-ltd", *(f"acme-ltd-{n}" for n in range(2, 21))}
