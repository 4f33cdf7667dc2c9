"""Fill the bench database at scale with bulk inserts: PostgreSQL COPY, SQLite executemany.

Rows get explicit ids (after whatever the demo content left), so foreign keys are known without
reading anything back; the stored counters (ratings, comments, posts) are computed here as the
services would have kept them. Everything is fictional and generated from a fixed seed.
"""

from __future__ import annotations

import math
import random
import time
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from cases.casestudies.models import CaseStudy, Comment, Rating
from cases.casestudies.ratings import bayesian_average, mean
from cases.performance.models import CohortRecord, PerformanceRecord, Programme
from forum.models import Category, Post, Thread
from hub.base.models import (
    Area,
    Barrier,
    ClaimantGroup,
    JourneyStage,
    Membership,
    Organisation,
    User,
)
from hub.site.bench.rows import (
    GROUPS,
    PEER_GROUP_SIZE,
    PROGRAMMES,
    RARE_EVERY,
    WORDS,
    Counts,
    Seeded,
    Writer,
    first_free_id,
    random_text,
    term_ids,
)


def seed(scale: float, *, stdout=None) -> Seeded:
    """Seed everything at `scale` (1 = the issue's default sizes) and say how long each took."""
    counts = Counts.at(scale)
    rng = random.Random(8)  # the number: the same data every run
    writer = Writer()
    now = datetime.now(tz=UTC).replace(microsecond=0)

    def step(name, fn):
        started = time.perf_counter()
        with transaction.atomic():
            result = fn()
        counts.timings[name] = time.perf_counter() - started
        if stdout:
            stdout.write(f"  seeded {name} in {counts.timings[name]:.1f} s")
        return result

    # People and organisations: small tables, through the ORM.
    def people():
        password = make_password("bench-password-not-secret")
        first = first_free_id(User)
        User.objects.bulk_create(
            [
                User(
                    username=f"bench{first + i}",
                    email=f"bench{first + i}@example.org",
                    display_name=f"Bench member {first + i}",
                    password=password,
                )
                for i in range(counts.users)
            ],
            batch_size=2000,
        )
        users = list(
            User.objects.filter(username__startswith="bench")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        start = Organisation.objects.count()
        kinds = [k for k, _ in Organisation.Kind.choices]
        Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Bench organisation {start + i + 1}",
                    slug=f"bench-organisation-{start + i + 1}",
                    kind=kinds[i % len(kinds)],
                    description="A fictional organisation made by the scale benchmark.",
                )
                for i in range(counts.organisations)
            ],
            batch_size=2000,
        )
        orgs = list(
            Organisation.objects.filter(slug__startswith="bench-")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        Membership.objects.bulk_create(
            [
                Membership(
                    user_id=user,
                    organisation_id=orgs[i % len(orgs)],
                    status=Membership.Status.APPROVED,
                    role=Membership.Role.MEMBER,
                )
                for i, user in enumerate(users)
            ],
            batch_size=2000,
        )
        return users, orgs

    users, orgs = step("users and organisations", people)
    groups = term_ids(ClaimantGroup, "Bench claimant group", GROUPS)
    programmes = term_ids(Programme, "Bench programme", PROGRAMMES)
    stages = term_ids(JourneyStage, "Bench stage", 0) or term_ids(JourneyStage, "Bench stage", 5)
    barriers = term_ids(Barrier, "Bench barrier", 0) or term_ids(Barrier, "Bench barrier", 8)
    areas = term_ids(Area, "Bench area", 20)

    # Case studies, with their taxonomy links, ratings and comments.
    first_cs = first_free_id(CaseStudy)
    cs_ids = list(range(first_cs, first_cs + counts.case_studies))
    detail = cs_ids[0]
    # The detail page's case study gets a large share; the rest spread evenly.
    detail_ratings = min(len(users), max(counts.ratings // 50, 1))
    detail_comments = min(counts.comments // 50, 2000)
    rating_stats = {}

    def plan_ratings():
        per_cs = {detail: detail_ratings}
        rest = counts.ratings - detail_ratings
        others = cs_ids[1:]
        for i, pk in enumerate(others):
            per_cs[pk] = rest // len(others) + (1 if i < rest % len(others) else 0)
        return per_cs

    rating_plan = plan_ratings()

    def ratings_iter():
        created = now - timedelta(days=30)
        for pk, n in rating_plan.items():
            offset = rng.randrange(len(users))
            total = 0
            for k in range(min(n, len(users))):
                score = rng.choice((2, 3, 4, 4, 5, 5))
                total += score
                yield (pk, users[(offset + k) % len(users)], score, created, created)
            rating_stats[pk] = (min(n, len(users)), total)

    comment_plan = {detail: detail_comments}
    rest = counts.comments - detail_comments
    for i, pk in enumerate(cs_ids[1:]):
        comment_plan[pk] = rest // (len(cs_ids) - 1) + (1 if i < rest % (len(cs_ids) - 1) else 0)

    def case_study_rows():
        for i, pk in enumerate(cs_ids):
            published_at = now - timedelta(minutes=7 * (len(cs_ids) - i))
            count, total = rating_stats.get(pk, (0, 0))
            status = "published" if i % 20 else ("draft" if i % 40 else "published")
            if pk == detail:
                status = "published"
            yield (
                pk,
                f"Bench case study {i + 1}: {' '.join(rng.choices(WORDS, k=4))}",
                random_text(rng, 30, rare=i % RARE_EVERY == 7),
                random_text(rng, 200),
                users[i % len(users)],
                orgs[i % len(orgs)],
                random_text(rng, 20),
                "end_to_end",
                "",
                random_text(rng, 60),
                random_text(rng, 40),
                100 + i % 400,
                40 + i % 100,
                20 + i % 50,
                random_text(rng, 40),
                date(2022, 1 + i % 12, 1),
                None,
                status,
                "",
                now,
                now,
                published_at if status == "published" else None,
                published_at if i in (len(cs_ids) - 1, len(cs_ids) - 2, len(cs_ids) - 3) else None,
                count,
                mean(count, total),
                bayesian_average(count, total),
                comment_plan.get(pk, 0),
            )

    def case_studies():
        ratings = list(ratings_iter())  # computes rating_stats for the case-study rows
        fields = [
            "id", "title", "summary", "body", "author", "organisation", "delivery_approach",
            "provision", "partners", "what_was_done", "outcomes", "participants", "job_starts",
            "job_outcomes", "lessons", "period_start", "period_end", "status", "hidden_reason",
            "created_at", "updated_at", "published_at", "featured_at", "rating_count",
            "rating_mean", "rating_score", "comment_count",
        ]  # fmt: skip
        writer.insert(CaseStudy, fields, case_study_rows())
        for relation, targets, column in (
            ("claimant_groups", groups, "claimantgroup"),
            ("journey_stages", stages, "journeystage"),
            ("barriers", barriers, "barrier"),
            ("areas", areas, "area"),
        ):
            through = getattr(CaseStudy, relation).through
            writer.insert(
                through,
                ["casestudy", column],
                ((pk, targets[i % len(targets)]) for i, pk in enumerate(cs_ids)),
            )
        writer.insert(
            Rating, ["case_study", "user", "score", "created_at", "updated_at"], iter(ratings)
        )
        writer.reset_sequences([CaseStudy, Rating])

    step("case studies and ratings", case_studies)

    def comments():
        next_id = first_free_id(Comment)

        def rows():
            pk = next_id
            for cs, n in comment_plan.items():
                for k in range(n):
                    # Every fifth comment replies to the one before it (replies go one deep).
                    parent = pk - 1 if k % 5 == 4 else None
                    created = now - timedelta(days=20, minutes=-k)
                    yield (
                        pk,
                        cs,
                        parent,
                        users[(cs + k) % len(users)],
                        random_text(rng, 25),
                        created,
                    )
                    pk += 1

        writer.insert(
            Comment, ["id", "case_study", "parent", "author", "body", "created_at"], rows()
        )
        writer.reset_sequences([Comment])

    step("comments", comments)

    # The forum: categories, threads and posts, with the counters the lists read.
    def forum():
        start = Category.objects.count()
        Category.objects.bulk_create(
            [
                Category(
                    name=f"Bench category {start + i + 1}",
                    slug=f"bench-category-{start + i + 1}",
                    description="A fictional category made by the scale benchmark.",
                    sort_order=100 + i,
                )
                for i in range(8)
            ]
        )
        categories = list(
            Category.objects.filter(slug__startswith="bench-category-").order_by("pk")
        )
        first_thread, first_post = first_free_id(Thread), first_free_id(Post)
        thread_ids = list(range(first_thread, first_thread + counts.threads))
        big = thread_ids[0]
        rest = counts.posts - counts.big_thread_posts
        others = len(thread_ids) - 1
        sizes = {big: counts.big_thread_posts}
        for i, pk in enumerate(thread_ids[1:]):
            sizes[pk] = rest // others + (1 if i < rest % others else 0)
        span = timedelta(days=3 * 365)
        started = now - span
        step_per_thread = span / len(thread_ids)
        threads = []
        cat_totals = {c.pk: [0, 0, None] for c in categories}

        def post_rows():
            pk = first_post
            for i, thread in enumerate(thread_ids):
                opened = started + step_per_thread * i
                n = sizes[thread]
                author = None
                for number in range(1, n + 1):
                    author = users[(thread + number) % len(users)]
                    created = opened + timedelta(minutes=number)
                    rare = pk % RARE_EVERY == 11
                    text = random_text(rng, 30, rare=rare, common=pk % 2 == 0)
                    yield (pk, thread, number, author, text, [], created, 0)
                    pk += 1
                category = categories[i % len(categories)].pk if thread != big else categories[0].pk
                last = opened + timedelta(minutes=n)
                threads.append(
                    (
                        thread, category, f"Bench thread {i + 1}: {' '.join(rng.choices(WORDS, k=5))}",  # noqa: E501
                        users[thread % len(users)], opened, i % 7 == 0, False, False, n, n - 1,
                        last, author,
                    )
                )  # fmt: skip
                totals = cat_totals[category]
                totals[0] += 1
                totals[1] += n
                totals[2] = last if totals[2] is None or last > totals[2] else totals[2]

        # Posts reference threads: collect the posts first (computing the thread counters),
        # write the threads, then the posts, inside one transaction.
        post_fields = [
            "id", "thread", "number", "author", "body", "mentions", "created_at", "helpful_count",
        ]  # fmt: skip
        thread_fields = [
            "id", "category", "title", "author", "created_at", "is_question", "pinned", "locked",
            "post_count", "reply_count", "last_post_at", "last_post_author",
        ]  # fmt: skip
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            writer.insert(Post, post_fields, post_rows())
            writer.insert(Thread, thread_fields, threads)
        else:
            posts = list(post_rows())
            writer.insert(Thread, thread_fields, threads)
            writer.insert(Post, post_fields, posts)
        for category in categories:
            n_threads, n_posts, last = cat_totals[category.pk]
            Category.objects.filter(pk=category.pk).update(
                thread_count=n_threads, post_count=n_posts, last_post_at=last
            )
        writer.reset_sequences([Thread, Post])
        return big, categories[1].slug

    big_thread, category_slug = step("forum threads and posts", forum)

    # Performance records: peer groups of PEER_GROUP_SIZE organisations each.
    def records():
        periods_needed = math.ceil(counts.records / (PROGRAMMES * GROUPS * PEER_GROUP_SIZE))
        first = first_free_id(PerformanceRecord)
        statuses = ["self_reported"] * 14 + ["peer_confirmed"] * 3 + ["verified", "disputed"]

        def rows():
            pk, n = first, 0
            for t in range(periods_needed):
                year, month = divmod(t, 12)
                start = date(2024 - year, 12 - month, 1)
                for p, programme in enumerate(programmes):
                    for g, group in enumerate(groups):
                        base = (t * 7 + p * 13 + g * 17) % len(orgs)
                        for k in range(min(PEER_GROUP_SIZE, len(orgs))):
                            if n >= counts.records:
                                return
                            o = (base + k) % len(orgs)
                            referrals = 200 + (pk * 37) % 800
                            attachments = referrals * (60 + pk % 30) // 100
                            starts = attachments * (20 + pk % 25) // 100
                            outcomes = starts * (40 + pk % 40) // 100
                            yield (
                                pk, orgs[o], "prime", programme, areas[o % len(areas)], group,
                                start, start, referrals, attachments, starts, outcomes,
                                outcomes * 8 // 10, starts * 7 // 10, statuses[pk % len(statuses)],
                                "public" if pk % 5 < 3 else "members", now, now,
                            )  # fmt: skip
                            pk += 1
                            n += 1

        fields = [
            "id", "organisation", "role", "programme", "area", "claimant_group", "period_start",
            "period_end", "referrals", "attachments", "job_starts", "job_outcomes",
            "sustainment_outcomes", "profile_job_outcomes", "status", "visibility", "created_at",
            "updated_at",
        ]  # fmt: skip
        writer.insert(PerformanceRecord, fields, rows())
        writer.reset_sequences([PerformanceRecord])
        return next(pk for pk in range(first, first + 5) if pk % 5 < 3)  # a public one

    record = step("performance records", records)

    # Cohort records: the same peer groups, one cohort a month, every month old enough for a
    # 12-month rate, so the cohort benchmark compares PEER_GROUP_SIZE organisations.
    def cohort_records():
        from cases.performance import cohorts as cohort_maths

        months_needed = math.ceil(counts.cohorts / (PROGRAMMES * GROUPS * PEER_GROUP_SIZE))
        last = cohort_maths.latest_mature_month(12, date.today())
        first = first_free_id(CohortRecord)

        def rows():
            pk, n = first, 0
            for t in range(months_needed):
                month = cohort_maths.add_months(last, -t)
                for p, programme in enumerate(programmes):
                    for g, group in enumerate(groups):
                        base = (p * 13 + g * 17) % len(orgs)
                        for k in range(min(PEER_GROUP_SIZE, len(orgs))):
                            if n >= counts.cohorts:
                                return
                            o = (base + k) % len(orgs)
                            attached = 40 + (pk * 37) % 160
                            starts = [attached * (s + o % 10) // 100 for s in (15, 25, 32, 36)]
                            outcomes = [attached * (s + o % 8) // 100 for s in (3, 10, 18, 22)]
                            sustained = [attached * s // 100 for s in (0, 4, 10, 14)]
                            yield (
                                pk, orgs[o], "prime", programme, areas[o % len(areas)], group,
                                month, attached, *starts, *outcomes, *sustained,
                                "public" if pk % 5 < 3 else "members", "self_reported", now, now,
                            )  # fmt: skip
                            pk += 1
                            n += 1

        fields = [
            "id", "organisation", "role", "programme", "area", "claimant_group", "cohort_month",
            "attached", *cohort_maths.FIGURE_NAMES, "visibility", "status", "created_at",
            "updated_at",
        ]  # fmt: skip
        writer.insert(CohortRecord, fields, rows())
        writer.reset_sequences([CohortRecord])

    step("cohort records", cohort_records)
    if connection.vendor == "postgresql":
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        counts.timings["analyze"] = time.perf_counter() - started

    return Seeded(
        detail_case_study=detail,
        big_thread=big_thread,
        big_thread_pages=math.ceil(counts.big_thread_posts / settings.FORUM_POSTS_PER_PAGE),
        category_slug=category_slug,
        record=record,
        member_username=User.objects.get(pk=users[0]).username,
        counts=counts,
    )
