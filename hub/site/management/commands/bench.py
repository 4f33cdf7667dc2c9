"""Seed a separate database at scale, time the key pages and print the results table.

`make bench` runs it against PostgreSQL (database hub_bench); `make bench BENCH_DB=sqlite
SCALE=0.01` for a quick run. It refuses any database whose name does not contain "bench".
"""

from __future__ import annotations

import platform
import re
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from hub.site.bench import approaches as bench_approaches
from hub.site.bench import chains as bench_chains
from hub.site.bench import http as bench_http
from hub.site.bench import indexing, measure, report, rows, seed
from hub.site.bench import profile as bench_profile


def chosen(pages: list, pattern: str) -> list:
    """The pages whose name matches `pattern`, and the first (the layout-only page) always."""
    if not pattern:
        return pages
    wanted = re.compile(pattern, re.I)
    return [page for i, page in enumerate(pages) if i == 0 or wanted.search(page.name)]


class Command(BaseCommand):
    help = "Benchmark the hub at scale: seed in bulk, time the key pages, print a table."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = the issue's sizes.")
        parser.add_argument("--repeat", type=int, default=40, help="Timed requests per page.")
        parser.add_argument("--warmup", type=int, default=5, help="Untimed requests first.")
        parser.add_argument("--output", default="bench-results/bench-results.md")
        parser.add_argument("--csv", default="", help="Also write the rows as CSV here.")
        parser.add_argument(
            "--seed-only", action="store_true", help="Seed (if needed) and stop; no timing."
        )
        parser.add_argument(
            "--no-demo", action="store_true", help="Skip the demo content (for the tests)."
        )
        parser.add_argument(
            "--no-http", action="store_true", help="Only the in-process table, no HTTP one."
        )
        parser.add_argument("--http-rounds", type=int, default=3, help="Interleaved rounds.")
        parser.add_argument(
            "--http-seconds", type=float, default=2.0, help="Seconds per page per round."
        )
        parser.add_argument(
            "--http-concurrency", type=int, default=1, help="Client connections at once."
        )
        parser.add_argument("--http-output", default="bench-results/bench-http.md")
        parser.add_argument(
            "--profile",
            action="store_true",
            help="After the HTTP table, py-spy each page that missed a target "
            "(bench-results/profiles/).",
        )
        parser.add_argument(
            "--profile-all", action="store_true", help="Profile every measured page."
        )
        parser.add_argument("--profile-seconds", type=float, default=8.0)
        parser.add_argument(
            "--pages",
            default="",
            help="Only the pages whose name matches this regular expression (case-insensitive); "
            "the layout-only page is always kept, as the yardstick.",
        )

    def handle(self, *args, **options):
        name = str(connection.settings_dict["NAME"])
        if "bench" not in Path(name).name:
            raise CommandError(
                f"The bench seeds millions of rows: it only runs on a database whose name "
                f"contains 'bench' (this one is {name!r}). Use `make bench`."
            )
        scale = options["scale"]
        seeding = {}
        if rows.is_seeded(scale):
            self.stdout.write(f"The database is already seeded at scale {scale}: measuring.")
            seeded = rows.locate(scale)
        else:
            from hub.base.models import User

            if User.objects.filter(username__startswith="bench").exists():
                raise CommandError(
                    "This database was seeded at another scale: recreate it "
                    "(make bench BENCH_FRESH=1)."
                )
            started = time.perf_counter()
            if not options["no_demo"]:
                call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
            seeding["demo content"] = time.perf_counter() - started
            self.stdout.write(f"Seeding at scale {scale} on {connection.vendor}…")
            seeded = seed.seed(scale, stdout=self.stdout)
            seeding.update(seeded.counts.timings)
            index_timings = indexing.index_for_search(stdout=self.stdout)
            seeding.update({f"search index: {k}": v for k, v in index_timings.items()})
            seeding["total"] = time.perf_counter() - started
            indexing.forget_cached_counts()
        self._verified_members()
        workshop = self._workshop_pages()
        approach = bench_approaches.link(stdout=self.stdout)
        prime = bench_chains.link(seeded.member_username, stdout=self.stdout)
        if options["seed_only"]:
            for what, seconds in seeding.items():
                self.stdout.write(f"  {what}: {seconds:.1f} s")
            return
        pages = self._pages(seeded, workshop, approach, prime)
        from hub.base.models import User

        member = User.objects.get(username=seeded.member_username)
        with override_settings(
            ROOT_URLCONF="hub.site.bench.measure",
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
            RATELIMIT_ENABLE=False,  # one client asks hundreds of times: time pages, not limits
        ):
            pages = self._search_pages(pages)
            pages = chosen(pages, options["pages"])
            self.stdout.write(f"Measuring {len(pages)} pages, {options['repeat']} requests each…")
            baseline, results = measure.run(
                pages,
                member=member,
                repeat=options["repeat"],
                warmup=options["warmup"],
                stdout=self.stdout,
            )
        table = report.markdown(baseline, results, meta=self._meta(options, seeding))
        output = Path(options["output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(table)
        if options["csv"]:
            Path(options["csv"]).write_text(report.as_csv(baseline, results))
        self.stdout.write("")
        self.stdout.write(table)
        self.stdout.write(f"Written to {output}.")
        if not options["no_http"]:
            self._over_http(pages, member, options)

    def _over_http(self, pages, member, options) -> None:
        """The same pages through gunicorn (one worker) on loopback (hub.site.bench.http)."""
        client = Client()
        client.force_login(member)
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
        output = Path(options["http_output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        self.stdout.write("")
        self.stdout.write(
            f"Measuring {len(pages)} pages over HTTP (gunicorn, one worker), "
            f"{options['http_rounds']} rounds of {options['http_seconds']} s each…"
        )
        with bench_http.serve(log=output.with_suffix(".gunicorn.log")) as base:
            bare, layout, results, generator = bench_http.run(
                pages,
                base=base,
                member_cookie=cookie,
                rounds=options["http_rounds"],
                seconds=options["http_seconds"],
                concurrency=options["http_concurrency"],
                stdout=self.stdout,
            )
            if options["profile"] or options["profile_all"]:
                log = output.with_suffix(".gunicorn.log")
                self._profiles(results, layout, base, cookie, log, options)
        meta = [
            f"# Bench over HTTP ({connection.vendor}, scale {options['scale']})",
            "",
            f"- Run on {date.today():%Y-%m-%d}: gunicorn, one sync worker, on loopback; "
            f"{generator}, {options['http_concurrency']} connection(s), "
            f"{options['http_rounds']} interleaved rounds of {options['http_seconds']} s a page.",
            f"- Layout-only page: {layout.page.name} `{layout.page.url}`, "
            f"{layout.rps:.1f} requests a second.",
        ]
        table = bench_http.markdown(bare, layout, results, generator=generator, meta=meta)
        output.write_text(table)
        self.stdout.write("")
        self.stdout.write(table)
        self.stdout.write(f"Written to {output}.")

    def _profiles(self, results, layout, base, cookie, log, options) -> None:
        """py-spy on the worker while one page is driven, for each page that missed a target
        (every page with --profile-all): bench-results/profiles/ (hub.site.bench.profile)."""
        chosen = [
            r for r in results if r is not layout and (options["profile_all"] or r.problems())
        ]
        folder = Path(options["http_output"]).parent / "profiles"
        folder.mkdir(parents=True, exist_ok=True)
        seconds = options["profile_seconds"]
        for result in chosen:
            pid = bench_profile.worker_pid(log)
            if pid is None:
                self.stdout.write("  No gunicorn worker pid in its log: no profiles.")
                return
            who = "member" if result.page.signed_in else "anonymous"
            name = bench_profile.slug(f"{result.page.name} {who}")
            raw = folder / f"{name}.collapsed"
            spy = bench_profile.record(pid, seconds, raw)
            bench_http.drive(
                base, result.page.url, cookie if result.page.signed_in else "", seconds + 1
            )
            _, err = spy.communicate(timeout=seconds + 60)
            if spy.returncode != 0 or not raw.exists():
                self.stdout.write(f"  py-spy failed on {name}: {err.decode()[-500:]}")
                continue
            stacks = bench_profile.parse(raw.read_text())
            summary = bench_profile.summarise(stacks)
            title = f"{result.page.name} ({who}) {result.page.url}"
            samples = sum(count for _, count in stacks)
            (folder / f"{name}.txt").write_text(bench_profile.text(title, summary, samples))
            top = ", ".join(f"{b.what} {b.inclusive:.0%}" for b in summary["buckets"][:3])
            self.stdout.write(f"  Profiled {title}: {top}")
        self.stdout.write(f"Profiles written to {folder}/.")

    def _meta(self, options, seeding) -> list[str]:
        row_counts = indexing.row_counts()
        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        lines = [
            f"# Bench results ({connection.vendor}, scale {options['scale']})",
            "",
            f"- Run on {date.today():%Y-%m-%d}, Python {platform.python_version()}, "
            f"DEBUG={settings.DEBUG}, cache {cache}, "
            f"CONN_MAX_AGE={connection.settings_dict.get('CONN_MAX_AGE')}, "
            f"{options['repeat']} timed requests per page after {options['warmup']} warm-up.",
            "- Rows: " + ", ".join(f"{n:,} {what}" for what, n in row_counts.items()) + ".",
        ]
        if seeding:
            lines.append(
                "- Seeding: "
                + ", ".join(f"{what} {seconds:.1f} s" for what, seconds in seeding.items())
                + "."
            )
        else:
            lines.append("- Seeding: already seeded (an earlier run), so not timed this run.")
        lines.append(
            "- First (ms) is the first request, before any warm-up (cold caches); p50 and p95 "
            "are over the timed requests."
        )
        return lines

    def _verified_members(self, n: int = 200) -> None:
        """The first bench members get a verified address, so the load test can sign them in."""
        from allauth.account.models import EmailAddress

        from hub.base.models import User

        users = User.objects.filter(username__startswith="bench", emailaddress__isnull=True)
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=user, email=user.email, verified=True, primary=True)
                for user in users.order_by("pk")[:n]
            ]
        )

    def _workshop_pages(self) -> str | None:
        """A few workshop notes under the workshop index, made with Wagtail's add_child."""
        try:
            from hub.site.pages import HomePage
            from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
        except ImportError:
            return None
        from hub.base.models import Area

        existing = WorkshopPage.objects.live().filter(slug__startswith="bench-workshop").first()
        if existing:
            return existing.url
        index = WorkshopIndexPage.objects.first()
        if index is None:
            home = HomePage.objects.first()
            if home is None:
                return None
            index = home.add_child(
                instance=WorkshopIndexPage(title="Workshops", slug="workshops", live=True)
            )
        area = Area.objects.order_by("pk").first()
        page = None
        for i in range(5):
            page = index.add_child(
                instance=WorkshopPage(
                    title=f"Bench workshop {i + 1}",
                    slug=f"bench-workshop-{i + 1}",
                    date=date(2024, 1 + i, 10),
                    area=area,
                    summary="A fictional workshop made by the scale benchmark.",
                    live=True,
                )
            )
        return page.url if page else None

    def _pages(self, seeded, workshop, approach, prime=None) -> list[measure.Page]:
        P = measure.Page
        pages = [
            # A page with a template and no data: what the base layout alone costs.
            P("Static page (layout only)", "/performance/definitions/"),
            P("Home", "/"),
            P("Home", "/", signed_in=True),
            P("Case studies, top rated", "/case-studies/?sort=top"),
            P("Case studies, newest", "/case-studies/"),
            P("Case studies, newest", "/case-studies/", signed_in=True),
            P("Case study detail", f"/case-studies/{seeded.detail_case_study}/"),
            P("Case study detail", f"/case-studies/{seeded.detail_case_study}/", signed_in=True),
            P("Forum index", "/forum/"),
            P("Forum index", "/forum/", signed_in=True),
            P("Forum category", f"/forum/c/{seeded.category_slug}/"),
            P("Thread, page 1", f"/forum/t/{seeded.big_thread}/"),
            P("Thread, page 1", f"/forum/t/{seeded.big_thread}/", signed_in=True),
            P(
                f"Thread, last page ({seeded.big_thread_pages})",
                f"/forum/t/{seeded.big_thread}/?page={seeded.big_thread_pages}",
            ),
            P("Performance records", "/performance/"),
            P("Performance records", "/performance/", signed_in=True),
            P("Benchmarks (peer group)", "/performance/benchmarks/"),
            P("Benchmarks (peer group)", "/performance/benchmarks/", signed_in=True),
            P("Benchmark of a record", f"/performance/benchmarks/record/{seeded.record}/"),
            P("Cohort benchmark (12 months)", "/performance/benchmarks/?figures=cohort"),
            P(
                "Cohort benchmark (12 months)",
                "/performance/benchmarks/?figures=cohort",
                signed_in=True,
            ),
            P("Open-data cohort benchmark", rows.cohort_benchmark_api_path()),
            P("Open-data API list", "/performance/open-data/api/records"),
            P("Opportunities", "/toolkits/opportunities/"),
            P("Opportunities", "/toolkits/opportunities/", signed_in=True),
            P("What works toolkit", "/what-works/"),
            P("What works, filtered and sorted", "/what-works/?evidence=2&impact=0&sort=cost"),
            P("Approach page", f"/what-works/{approach}/"),
            P("Approach page", f"/what-works/{approach}/", signed_in=True),
        ]
        if workshop:
            pages.append(P("Workshop page", workshop))
        if prime:
            pages += [
                P("Star Rating of an organisation", f"/organisations/{prime}/star-rating/"),
                P("Star Rating of an organisation", f"/organisations/{prime}/star-rating/",
                  signed_in=True),
                P(f"Supply-chain view ({bench_chains.CHAIN_SIZE + 1} organisations)",
                  f"/organisations/{prime}/supply-chain/compare/", signed_in=True),
            ]  # fmt: skip
        return pages

    def _search_pages(self, pages) -> list[measure.Page]:
        """The hub-wide search if it is there, and the case-study and forum searches."""
        P = measure.Page
        common, rare = rows.COMMON_WORD, rows.RARE_WORD
        client = Client()
        searches = []
        if client.get(f"/search/?q={common}", secure=True).status_code == 200:
            searches += [
                P("Search (hub), common word", f"/search/?q={common}"),
                P("Search (hub), rare word", f"/search/?q={rare}"),
            ]
        searches += [
            P("Search case studies, common word", f"/case-studies/?q={common}"),
            P("Search case studies, rare word", f"/case-studies/?q={rare}"),
            P("Search forum, common word", f"/forum/search/?q={common}"),
            P("Search forum, rare word", f"/forum/search/?q={rare}"),
        ]
        return pages + searches
