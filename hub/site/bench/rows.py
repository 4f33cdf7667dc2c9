"""The bench's row writer (PostgreSQL COPY, SQLite executemany), its sizes and its word list.

Everything written is fictional and generated from a fixed seed.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils.text import slugify

from cases.casestudies.models import CaseStudy
from cases.performance.models import PerformanceRecord
from forum.models import Category, Thread
from hub.base.models import (
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
    "cohorts": 200_000,
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
    cohorts: int = 0
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


def first_free_id(model) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def random_text(rng: random.Random, n: int, *, rare: bool = False, common: bool = True) -> str:
    words = rng.choices(WORDS, k=n)
    if common:
        words[rng.randrange(n)] = COMMON_WORD
    if rare:
        words[rng.randrange(n)] = RARE_WORD
    return " ".join(words).capitalize() + "."


def term_ids(model, prefix: str, needed: int, **extra) -> list[int]:
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


def cohort_benchmark_api_path() -> str:
    """The open-data cohort benchmark of the first bench programme and claimant group."""
    from cases.performance.models import Programme
    from hub.base.models import ClaimantGroup

    programme = Programme.objects.filter(name__startswith="Bench programme").order_by("pk")
    group = ClaimantGroup.objects.filter(name__startswith="Bench claimant group").order_by("pk")
    return (
        "/performance/open-data/api/cohort-benchmark?months=12"
        f"&programme={programme.first().slug}&claimant_group={group.first().slug}"
    )
