"""Builders for forum tests. Every name here is made up."""

from datetime import timedelta

from django.utils import timezone

from forum.models import Category, Post, Thread
from hub.base.models import User
from tests.factories import OrganisationFactory, member_of


def seasoned_member(**kwargs) -> User:
    """An approved member whose account is old enough that the new-member limits do not apply."""
    user = member_of(OrganisationFactory(), **{f"user__{k}": v for k, v in kwargs.items()})
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=90))
    return User.objects.get(pk=user.pk)


def new_member(**kwargs) -> User:
    return member_of(OrganisationFactory(), **{f"user__{k}": v for k, v in kwargs.items()})


def category(slug="general", access="everyone", **kwargs) -> Category:
    return Category.objects.create(
        name=kwargs.pop("name", slug.title()), slug=slug, description="For testing.",
        read_access=access, **kwargs,
    )  # fmt: skip


def long_thread(cat: Category, author: User, posts: int) -> Thread:
    """A thread of `posts` posts made in bulk, with its counters set as the services would."""
    now = timezone.now()
    thread = Thread.objects.create(
        category=cat, title=f"A thread of {posts} posts", author=author,
        last_post_at=now, last_post_author=author, post_count=posts, reply_count=posts - 1,
    )  # fmt: skip
    Post.objects.bulk_create(
        Post(thread=thread, number=n, author=author, body=f"Post number {n}, with **Markdown**.")
        for n in range(1, posts + 1)
    )
    Category.objects.filter(pk=cat.pk).update(thread_count=1, post_count=posts, last_post_at=now)
    return thread
