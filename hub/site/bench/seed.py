"""Fill the bench database at scale with bulk inserts: PostgreSQL COPY, SQLite executemany.

Rows get explicit ids (after whatever the demo content left), so foreign keys are known without
reading anything back; the stored counters (ratings, comments, posts) are computed here as the
services would have kept them. Everything is fictional and generated from a fixed seed.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils.text import slugify

from cases.casestudies.models import CaseStudy, Comment, Rating
from cases.casestudies.ratings import bayesian_average, mean
from cases.performance.models import PerformanceRecord, Programme
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

# Counts at --scale 1 (the "sector actually uses it").
DEFAULTS = {
    "case_studies": 10_000,
    "ratings": 100_000,
    "comments": 100_000,
    "threads": 100_000,
    "posts": 1_000_000,
    "records": 1_000_000,
    "users": 2_000,
    "organisations": 500,
}
BIG_THREAD_POSTS = 5_000
PEER_GROUP_SIZE = 50  # records per programme, claimant group and period
PROGRAMMES, GROUPS = 10, 20
BATCH = 20_000
COMMON_WORD = "employment"
RARE_WORD = "quillwort"
RARE_EVERY = 2_500  # one case study or post in this many says the rare word

_VOCABULARY = (
    "adviser claimant referral attachment job start outcome sustainment barrier housing debt "
    "confidence health condition mental wellbeing caseload appointment jobcentre work coach "
    "provider prime subcontractor supply chain employer engagement vacancy interview skills "
    "training apprenticeship volunteering placement travel childcare benefit universal credit "
    "disability carer lone parent young people older workers ex-offenders outreach community "
    "library cafe drop-in mentoring peer support in-work progression retention payment profile "
    "contract area programme sanction conditionality motivation digital literacy cv application "
    "transport budgeting advice partnership referral pathway triage assessment action plan goal "
    "review follow-up milestone evidence data dashboard quarter target flexible rural urban town"
)
WORDS = _VOCABULARY.split()


@dataclass
class Counts:
    scale: float
    case_studies: int = 0
    ratings: int = 0
    comments: int = 0
    threads: int = 0
    posts: int = 0
    records: int = 0
    users: int = 0
    organisations: int = 0
    big_thread_posts: int = 0
    timings: dict = field(default_factory=dict)

    @classmethod
    def at(cls, scale: float) -> Counts:
        counts = cls(scale=scale)
        for name, value in DEFAULTS.items():
            setattr(counts, name, max(int(value * scale), 10))
        counts.users = max(counts.users, 50)
        counts.organisations = max(counts.organisations, 20)
        counts.threads = max(counts.threads, 20)
        counts.big_thread_posts = max(min(int(BIG_THREAD_POSTS * max(scale, 0.01)), 5_000), 60)
        counts.posts = max(counts.posts, counts.big_thread_posts + counts.threads)
        return counts


@dataclass
class Seeded:
    """What the measurements need to find: ids and slugs of the interesting rows."""

    detail_case_study: int
    big_thread: int
    big_thread_pages: int
    category_slug: str
    record: int
    member_username: str
    counts: Counts


def _adapt(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    return value


class Writer:
    """Insert rows into one model's table as fast as the database allows."""

    def __init__(self):
        self.vendor = connection.vendor

    def insert(self, model, fields: list[str], rows) -> int:
        """Write `rows` (tuples in `fields` order); other columns get their field's default."""
        given = {model._meta.get_field(name).name for name in fields}
        extra = [
            f
            for f in model._meta.concrete_fields
            if f.name not in given
            and not f.primary_key
            and not f.null
            and (f.has_default() or f.empty_strings_allowed)
        ]
        if extra:
            defaults = tuple(f.get_default() for f in extra)
            fields = [*fields, *(f.name for f in extra)]
            rows = (tuple(row) + defaults for row in rows)
        columns = [model._meta.get_field(name).column for name in fields]
        table = model._meta.db_table
        if self.vendor == "postgresql":
            return self._copy(table, columns, rows)
        return self._executemany(model, fields, table, columns, rows)

    def _copy(self, table, columns, rows) -> int:
        n = 0
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as cp:
                for row in rows:
                    cp.write_row([_adapt(v) for v in row])
                    n += 1
        return n

    def _executemany(self, model, fields, table, columns, rows) -> int:
        model_fields = [model._meta.get_field(name) for name in fields]
        placeholders = ", ".join(["%s"] * len(columns))
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({placeholders})"  # noqa: S608, E501
        n, batch = 0, []
        with connection.cursor() as cursor:
            for row in rows:
                batch.append(
                    [
                        f.get_db_prep_save(v, connection)
                        for f, v in zip(model_fields, row, strict=True)
                    ]
                )
                if len(batch) >= BATCH:
                    cursor.executemany(sql, batch)
                    n += len(batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
                n += len(batch)
        return n

    def reset_sequences(self, models) -> None:
        if self.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


def _next_id(model) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def _text(rng: random.Random, n: int, *, rare: bool = False, common: bool = True) -> str:
    words = rng.choices(WORDS, k=n)
    if common:
        words[rng.randrange(n)] = COMMON_WORD
    if rare:
        words[rng.randrange(n)] = RARE_WORD
    return " ".join(words).capitalize() + "."


def _terms(model, prefix: str, needed: int, **extra) -> list[int]:
    """At least `needed` terms of one taxonomy (the demo's plus bench ones), as ids."""
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
    missing = needed - len(ids)
    if missing > 0:
        start = model.objects.count()
        model.objects.bulk_create(
            [
                model(
                    name=f"{prefix} {start + i + 1}",
                    slug=slugify(f"bench {prefix} {start + i + 1}"),
                    sort_order=1000 + i,
                    **extra,
                )
                for i in range(missing)
            ]
        )
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
    return ids[:needed] if needed else ids


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
        first = _next_id(User)
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
    groups = _terms(ClaimantGroup, "Bench claimant group", GROUPS)
    programmes = _terms(Programme, "Bench programme", PROGRAMMES)
    stages = _terms(JourneyStage, "Bench stage", 0) or _terms(JourneyStage, "Bench stage", 5)
    barriers = _terms(Barrier, "Bench barrier", 0) or _terms(Barrier, "Bench barrier", 8)
    areas = _terms(Area, "Bench area", 20)

    # Case studies, with their taxonomy links, ratings and comments.
    first_cs = _next_id(CaseStudy)
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
                _text(rng, 30, rare=i % RARE_EVERY == 7),
                _text(rng, 200),
                users[i % len(users)],
                orgs[i % len(orgs)],
                _text(rng, 20),
                "end_to_end",
                "",
                _text(rng, 60),
                _text(rng, 40),
                100 + i % 400,
                40 + i % 100,
                20 + i % 50,
                _text(rng, 40),
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
        next_id = _next_id(Comment)

        def rows():
            pk = next_id
            for cs, n in comment_plan.items():
                for k in range(n):
                    # Every fifth comment replies to the one before it (replies go one deep).
                    parent = pk - 1 if k % 5 == 4 else None
                    created = now - timedelta(days=20, minutes=-k)
                    yield (pk, cs, parent, users[(cs + k) % len(users)], _text(rng, 25), created)
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
        first_thread, first_post = _next_id(Thread), _next_id(Post)
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
                    yield (
                        pk, thread, number, author, _text(rng, 30, rare=rare, common=pk % 2 == 0),
                        [], created, 0,
                    )  # fmt: skip
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
        first = _next_id(PerformanceRecord)
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


def locate(scale: float) -> Seeded:
    """Find the interesting rows of an already seeded database (to measure it again)."""
    counts = Counts.at(scale)
    detail = CaseStudy.objects.published().order_by("-rating_count", "pk").first()
    big = Thread.objects.order_by("-post_count", "pk").first()
    category = Category.objects.filter(slug__startswith="bench-category-").order_by("pk")[1]
    member = User.objects.filter(username__startswith="bench").order_by("pk").first()
    return Seeded(
        detail_case_study=detail.pk,
        big_thread=big.pk,
        big_thread_pages=math.ceil(big.post_count / settings.FORUM_POSTS_PER_PAGE),
        category_slug=category.slug,
        record=PerformanceRecord.objects.published()
        .filter(organisation__slug__startswith="bench-")
        .order_by("pk")
        .first()
        .pk,
        member_username=member.username,
        counts=counts,
    )


def is_seeded(scale: float) -> bool:
    """The bench rows are there at this scale (so a second run measures without reseeding)."""
    counts = Counts.at(scale)
    return (
        User.objects.filter(username__startswith="bench").count() == counts.users
        and CaseStudy.objects.filter(title__startswith="Bench case study").count()
        == counts.case_studies
    )


def index_for_search(*, stdout=None) -> dict[str, float]:
    """Put the bulk rows into Wagtail's search index, the cheapest way each backend allows.

    Case studies go through the backend's own add_items in batches (its indexer builds the
    vectors), with the title-norm refresh run once at the end rather than after every batch,
    which would rescan the whole index each time. On PostgreSQL, threads and posts are indexed
    with one INSERT ... SELECT each that builds the same weighted tsvectors in the database.
    """
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    timings = {}

    def timed(name, fn):
        started = time.perf_counter()
        with transaction.atomic():
            fn()
        timings[name] = time.perf_counter() - started
        if stdout:
            stdout.write(f"  indexed {name} in {timings[name]:.1f} s")

    def through_backend(model, queryset):
        index = backend.get_index_for_model(model)
        refresh = getattr(index, "_refresh_title_norms", None)
        if refresh is not None:
            index._refresh_title_norms = lambda full=False: None
        try:
            batch = []
            for obj in queryset.iterator(chunk_size=1000):
                batch.append(obj)
                if len(batch) >= 500:
                    index.add_items(model, batch)
                    batch = []
            if batch:
                index.add_items(model, batch)
        finally:
            if refresh is not None:
                del index._refresh_title_norms
                refresh()

    timed(
        "case studies",
        lambda: through_backend(CaseStudy, CaseStudy.objects.filter(title__startswith="Bench")),
    )
    threads = Thread.objects.filter(title__startswith="Bench thread")
    posts = Post.objects.filter(thread__title__startswith="Bench thread")
    if connection.vendor == "postgresql":
        timed("threads", lambda: _sql_index(backend, Thread, threads))
        timed("posts", lambda: _sql_index(backend, Post, posts))
        refresh_started = time.perf_counter()
        backend.get_index_for_model(Thread)._refresh_title_norms()
        timings["title norms"] = time.perf_counter() - refresh_started
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        timed("threads", lambda: through_backend(Thread, threads))
        timed("posts", lambda: through_backend(Post, posts))
    return timings


def _sql_index(backend, model, queryset) -> None:
    """INSERT ... SELECT the index entries of `queryset` with the vectors PostgresIndex makes."""
    from django.contrib.contenttypes.models import ContentType
    from modelsearch.backends.database.postgres.weights import get_weight
    from modelsearch.index import AutocompleteField, SearchField
    from wagtail.search.models import IndexEntry

    def vector(columns, config):
        if not columns:
            return "to_tsvector(COALESCE('', ''))"
        cfg = f"'{config}'::regconfig, " if config else ""
        parts = [
            f"setweight(to_tsvector({cfg}COALESCE(t.{connection.ops.quote_name(col)}, '')), "
            f"'{weight}')"
            for col, weight in columns
        ]
        return " || ".join(parts)

    fields = model.get_search_fields()
    column = {f.name: f.column for f in model._meta.concrete_fields}
    title = [
        (column[f.field_name], get_weight(f.boost))
        for f in fields
        if isinstance(f, SearchField) and f.field_name == "title"
    ]
    body = [
        (column[f.field_name], get_weight(f.boost))
        for f in fields
        if isinstance(f, SearchField) and f.field_name != "title"
    ]
    autocomplete = [(column[f.field_name], "D") for f in fields if isinstance(f, AutocompleteField)]

    def text(columns):
        if not columns:
            return "''"
        quote = connection.ops.quote_name
        return " || ' ' || ".join(f"COALESCE(t.{quote(c)}, '')" for c, _ in columns)

    content_type = ContentType.objects.get_for_model(model).pk
    inner, params = queryset.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"""
        INSERT INTO {IndexEntry._meta.db_table}
            (content_type_id, object_id, title, autocomplete, body, title_norm, title_text,
             body_text)
        SELECT %s, t.id::text, {vector(title, backend.config)},
               {vector(autocomplete, backend.autocomplete_config)},
               {vector(body, backend.config)}, 1.0, {text(title)}, {text(body)}
        FROM {table} t WHERE t.id IN ({inner})
        ON CONFLICT (content_type_id, object_id) DO NOTHING
    """  # noqa: S608 - identifiers come from the models, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [content_type, *params])


def forget_cached_counts() -> None:
    """COPY sends no signals: forget any cached answer from before the bulk rows."""
    from cases import caching

    for namespace in (caching.RECORDS, caching.CASE_STUDIES, caching.RELATED):
        caching.changed(namespace)


def row_counts() -> dict[str, int]:
    """How many rows the bench measured against, for its report."""
    return {
        "case studies": CaseStudy.objects.count(),
        "ratings": Rating.objects.count(),
        "comments": Comment.objects.count(),
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
        "performance records": PerformanceRecord.objects.count(),
    }
