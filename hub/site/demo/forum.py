"""Fictional demo forum: categories, about two hundred threads and two thousand posts.

Every person, organisation, place detail and figure in these threads is invented for the hub's
demo content; none of it reports a real provider's practice or a real programme result. The
posts are written in the voice of front-line advisers, managers at primes and subcontractors,
small charities and Jobcentre staff, so the forum's lists, threads, search, solutions, quotes,
mentions and "helpful" counts have something true-to-life to show.

The bulk is put together from hand-written fragments: every thread has its own title and
opening, and the replies are drawn from points written for its topic, with openers, quotes,
mentions, questions back and answers around them, by a generator seeded with 2026, so each run
writes the same forum (only the dates move with today's date).

``seed()`` is idempotent: categories are matched by slug and never changed once made, and
threads are only written when the demo categories hold no thread by a demo person yet.
Posts are written in bulk, then every stored counter is set from the rows written.
"""

# ruff: noqa: E501  -- prose reads better unwrapped

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q

from hub.base import notifications
from hub.site.demo.data import load
from hub.site.demo.forum_content import (
    CATEGORIES,
    MEMBERS_JOINED_DAYS,
    ThreadPlan,
)
from hub.site.demo.forum_plan import Planner

_DATA = load("forum")


class _Seeder(Planner):
    """One run: plans every thread in memory (``Planner``), then writes what is missing."""

    def categories(self) -> dict:
        from forum.models import Category

        found = {c.slug: c for c in Category.objects.filter(slug__in=[c[0] for c in CATEGORIES])}
        for order, (slug, name, description, access, _) in enumerate(CATEGORIES):
            if slug in found:
                continue  # made on an earlier run; a moderator may have changed it since
            if Category.objects.filter(name=name).exists():
                _say(self.stdout, f"Skipped the demo category {name!r}: the name is taken.")
                continue
            found[slug] = Category.objects.create(
                name=name,
                slug=slug,
                description=description,
                read_access=access,
                sort_order=(order + 1) * 10,
            )
            self.counts["categories"] += 1
        return found

    def _backdate_members(self, plans: list[ThreadPlan]) -> None:
        """Demo people joined before their first post (and so are not 'new members')."""
        from hub.base.models import User

        earliest = min(p.start for p in plans)
        joined = self.now - timedelta(days=MEMBERS_JOINED_DAYS)
        people = User.objects.filter(username__in=self.demo_usernames).order_by("username")
        for index, user in enumerate(people):
            if user.date_joined > earliest - timedelta(days=14):
                User.objects.filter(pk=user.pk).update(
                    date_joined=joined - timedelta(days=index * 3)
                )

    def write(self, categories: dict, plans: list[ThreadPlan]) -> None:
        from forum.models import Post, Reaction, Thread, ThreadRead, Watch
        from forum.services import MAX_MENTIONS, MENTION

        threads = []
        for plan in plans:
            last = plan.posts[-1]
            threads.append(
                Thread(
                    category=categories[plan.category],
                    title=plan.title,
                    author=plan.starter.user,
                    is_question=plan.is_question,
                    pinned=plan.pinned,
                    locked=plan.locked,
                    case_study=plan.case_study,
                    organisation=plan.organisation,
                    post_count=len(plan.posts),
                    reply_count=len(plan.posts) - 1,
                    last_post_at=last.when,
                    last_post_author=last.member.user,
                )
            )
        Thread.objects.bulk_create(threads, batch_size=200)
        for thread, plan in zip(threads, plans, strict=True):
            thread.created_at = plan.start  # auto_now_add set it to now on the way in
        Thread.objects.bulk_update(threads, ["created_at"], batch_size=200)

        posts, rows = [], []
        for thread, plan in zip(threads, plans, strict=True):
            for number, post in enumerate(plan.posts, start=1):
                rows.append((thread, plan, number, post))
                posts.append(
                    Post(
                        thread=thread,
                        number=number,
                        author=post.member.user,
                        body=post.body,
                        mentions=[u.lower() for u in MENTION.findall(post.body)][:MAX_MENTIONS],
                        helpful_count=len(post.reactors),
                    )
                )
        Post.objects.bulk_create(posts, batch_size=500)
        for row, plan_post in zip(posts, rows, strict=True):
            row.created_at = plan_post[3].when
        Post.objects.bulk_update(posts, ["created_at"], batch_size=500)

        solved = []
        reactions, reaction_times = [], []
        watches, reads = {}, {}
        rng = random.Random(self.rng.getrandbits(64))
        for post, (thread, plan, number, plan_post) in zip(posts, rows, strict=True):
            if plan.solution is not None and number == plan.solution + 1:
                thread.solution = post
                solved.append(thread)
            for member in plan_post.reactors:
                reactions.append(Reaction(post=post, user=member.user))
                after = timedelta(hours=rng.uniform(0.2, 72))
                reaction_times.append(min(plan_post.when + after, self.now))
            key = (thread.pk, plan_post.member.user.pk)
            watches[key] = Watch(user=plan_post.member.user, thread=thread)
            reads[key] = ThreadRead(
                user=plan_post.member.user, thread=thread, last_read_number=number
            )
        Thread.objects.bulk_update(solved, ["solution"], batch_size=200)
        Reaction.objects.bulk_create(reactions, batch_size=500)
        for reaction, when in zip(reactions, reaction_times, strict=True):
            reaction.created_at = when
        Reaction.objects.bulk_update(reactions, ["created_at"], batch_size=500)
        Watch.objects.bulk_create(watches.values(), batch_size=500)
        ThreadRead.objects.bulk_create(reads.values(), batch_size=500)
        for thread, plan in zip(threads, plans, strict=True):
            if plan.tags:
                thread.tags.set(plan.tags)

        self._count(categories, plans)
        self._index(threads, posts)
        self.counts["threads"] = len(threads)
        self.counts["posts"] = len(posts)
        self.counts["reactions"] = len(reactions)

    def _count(self, categories: dict, plans: list[ThreadPlan]) -> None:
        """Add what was written to each category's stored counters."""
        from forum.models import Category

        for slug, category in categories.items():
            mine = [p for p in plans if p.category == slug]
            if not mine:
                continue
            category.refresh_from_db()
            latest = max(p.posts[-1].when for p in mine)
            Category.objects.filter(pk=category.pk).update(
                thread_count=F("thread_count") + len(mine),
                post_count=F("post_count") + sum(len(p.posts) for p in mine),
                last_post_at=max(filter(None, [category.last_post_at, latest])),
            )

    @staticmethod
    def _index(threads, posts) -> None:
        """Bulk writes skip the search index's save signals: add the rows to it directly."""
        from wagtail.search.backends import get_search_backends

        from forum.models import Post, Thread

        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(Thread, threads)
            backend.add_bulk(Post, posts)

    def run(self) -> str:
        from cases.casestudies.models import CaseStudy
        from forum.models import Thread

        self.CaseStudy = CaseStudy
        categories = self.categories()
        summary = f"Demo forum: {len(categories)} categories ({self.counts['categories']} new)"
        if not self.members:
            return f"{summary}; no demo members to write threads, so none added."
        existing = Thread.objects.filter(
            Q(category__in=categories.values()), author__username__in=self.demo_usernames
        )
        if existing.exists():
            return f"{summary}; {existing.count()} demo threads already there, left alone."
        plans = self.plan(categories)
        self._backdate_members(plans)
        self.write(categories, plans)
        helpful = sum(1 for p in plans for post in p.posts if post.reactors)
        return (
            f"{summary}; {self.counts['threads']} threads and {self.counts['posts']} posts "
            f"added, {self.counts['reactions']} 'helpful' marks on {helpful} posts."
        )


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def seed(stdout=None) -> str:
    """Create the demo forum categories and, if none of their threads are there yet, the demo
    threads, posts, solutions, tags and 'helpful' reactions. Returns a one-line summary.

    Needs the demo organisations and members (``manage.py seed_demo`` runs it after the case
    studies). Writes no notifications: the posts are backdated conversations, not news.
    """
    with notifications.emails_muted(), transaction.atomic():
        return _Seeder(stdout).run()
