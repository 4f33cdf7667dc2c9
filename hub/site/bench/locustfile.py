"""A mixed load on the hub: visitors browsing, and members who sign in and read the forum.

`make loadtest` runs it headless against a local production stack (gunicorn, PostgreSQL,
Redis) on the loopback address only, for a bounded time; any failed request fails the run.
The members are the bench's seeded ones (bench<N>@example.org), so run `make bench` first.
"""

from __future__ import annotations

import os
import random
import re
from urllib.parse import urlparse

from locust import HttpUser, between, events, task

PASSWORD = "bench-password-not-secret"  # noqa: S105 - the bench's fictional members
CASE_STUDY = re.compile(r'href="/case-studies/(\d+)/"')
THREAD = re.compile(r'href="/forum/t/(\d+)/"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MEMBERS = int(os.environ.get("LOADTEST_MEMBERS", "50"))
# An illustrative contract for the financial model (its first preset's answers).
MODEL_INPUTS = (
    "contract_months=24&run_off_months=6&referrals_per_month=20&ramp_up_months=3"
    "&referrals_stop_months=3&attachment_rate=80&support_months=6&months_to_outcome=6"
    "&group_1_name=All+participants&group_1_share=100&group_1_outcome_rate=22"
    "&group_1_outcome_payment=1200&sustainment_count=6&sustainment_every_months=1"
    "&sustainment_payment=120&sustainment_rate=70&attachment_fee=300&management_fee=15"
    "&delivery_cost=65&fixed_costs=1500&starting_reserves=12000"
)


@events.init.add_listener
def loopback_only(environment, **kwargs):
    """This load test is for a server on this machine; refuse any other host."""
    host = urlparse(environment.host or "").hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"Refusing to load-test {host!r}: loopback addresses only.")


class Browsing:
    case_studies: list[str] = []
    threads: list[str] = []

    def discover(self):
        page = self.client.get("/case-studies/", name="/case-studies/")
        self.case_studies = CASE_STUDY.findall(page.text) or self.case_studies
        page = self.client.get("/forum/", name="/forum/")
        self.threads = THREAD.findall(page.text) or self.threads

    def case_study(self):
        if self.case_studies:
            pk = random.choice(self.case_studies)
            self.client.get(f"/case-studies/{pk}/", name="/case-studies/[id]/")

    def thread(self):
        if self.threads:
            pk = random.choice(self.threads)
            self.client.get(f"/forum/t/{pk}/", name="/forum/t/[id]/")


class Visitor(Browsing, HttpUser):
    """Someone not signed in, arriving from a search engine or a link."""

    weight = 3
    wait_time = between(0.5, 2)

    def on_start(self):
        self.discover()

    @task(3)
    def home(self):
        self.client.get("/")

    @task(3)
    def list_newest(self):
        self.client.get("/case-studies/")

    @task(2)
    def list_top(self):
        self.client.get("/case-studies/?sort=top")

    @task(4)
    def detail(self):
        self.case_study()

    @task(3)
    def forum(self):
        self.client.get("/forum/")

    @task(3)
    def read_thread(self):
        self.thread()

    @task(2)
    def performance(self):
        self.client.get("/performance/")

    @task(1)
    def benchmarks(self):
        self.client.get("/performance/benchmarks/")

    @task(1)
    def api(self):
        self.client.get("/performance/open-data/api/records?limit=50")

    @task(1)
    def search(self):
        self.client.get("/case-studies/?q=quillwort", name="/case-studies/?q=")

    @task(1)
    def workshops(self):
        self.client.get("/workshops/")

    @task(1)
    def toolkits(self):
        self.client.get("/toolkits/")

    @task(1)
    def financial_model(self):
        self.client.get(
            f"/toolkits/financial-model/?{MODEL_INPUTS}", name="/toolkits/financial-model/?…"
        )

    @task(1)
    def standards(self):
        self.client.get("/standards/")


class Member(Browsing, HttpUser):
    """A signed-in member: reads threads (which records how far they read) and case studies."""

    weight = 1
    wait_time = between(0.5, 2)

    def on_start(self):
        number = random.randrange(MEMBERS)
        login = self.client.get("/accounts/login/")
        token = CSRF.search(login.text)
        with self.client.post(
            "/accounts/login/",
            data={
                "login": f"bench{self.first_member + number}@example.org",
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in failed: {response.status_code}")
        self.discover()

    @property
    def first_member(self) -> int:
        return int(os.environ.get("LOADTEST_FIRST_MEMBER", "1"))

    @task(3)
    def home(self):
        self.client.get("/")

    @task(4)
    def read_thread(self):
        self.thread()

    @task(2)
    def forum(self):
        self.client.get("/forum/")

    @task(3)
    def detail(self):
        self.case_study()

    @task(2)
    def performance(self):
        self.client.get("/performance/")

    @task(1)
    def benchmarks(self):
        self.client.get("/performance/benchmarks/")

    @task(2)
    def site_search(self):
        # Members only: visitors all come from one loopback address here, so they would share
        # its search limit.
        word = random.choice(["employment", "mentoring", "quillwort"])
        self.client.get(f"/search/?q={word}", name="/search/?q=")
