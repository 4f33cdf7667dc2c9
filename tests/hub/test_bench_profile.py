"""The bench's profile summary (hub.site.bench.profile), with hand-worked shares."""

from pathlib import Path

from hub.site.bench import profile

SITE = "/work/.venv/lib/python3.11/site-packages"
GUNICORN = "run (gunicorn/arbiter.py:1);handle (gunicorn/workers/sync.py:2)"
VIEW = f"{GUNICORN};thread_page (/src/forum/views.py:10)"
COLLAPSED = "\n".join(
    [
        f"{VIEW};thread_for (/src/forum/selectors.py:20)"
        f";execute_sql ({SITE}/django/db/models/sql/compiler.py:3)"
        f";wait ({SITE}/psycopg/waiting.py:4) 6",
        f"{VIEW};render ({SITE}/django/template/base.py:5) 2",
        f"{VIEW};render ({SITE}/django/template/base.py:5)"
        f";escape ({SITE}/django/utils/html.py:7) 1",
        f"{VIEW};posts (/src/forum/selectors.py:30);<listcomp> (/src/forum/selectors.py:31) 1",
        f"run ({SITE}/gunicorn/arbiter.py:1);select (/usr/lib/python3.11/selectors.py:6) 2",
        "not a stack line",
    ]
)


def test_collapsed_stacks_are_parsed_with_their_counts():
    stacks = profile.parse(COLLAPSED)
    assert [count for _, count in stacks] == [6, 2, 1, 1, 2]
    assert stacks[0][0][-1] == f"wait ({SITE}/psycopg/waiting.py:4)"


def test_each_sample_counts_once_in_the_bucket_nearest_the_top_of_its_stack():
    summary = profile.summarise(profile.parse(COLLAPSED))
    shares = {line.what: round(line.inclusive, 4) for line in summary["buckets"]}
    # 12 samples: 6 wait in psycopg (under the ORM: the database wins), 3 render templates (one
    # of them in django.utils' escape, called by the template: a helper takes its caller's bucket),
    # 1 is the project's own list comprehension, 2 wait in gunicorn for the next request.
    assert shares == {
        "waiting on the database (psycopg)": 0.5,
        "Django templates": 0.25,
        "gunicorn (parsing, writing, waiting for the next request)": round(2 / 12, 4),
        "the project's own code": round(1 / 12, 4),
    }


def test_project_functions_have_inclusive_and_own_shares():
    summary = profile.summarise(profile.parse(COLLAPSED))
    lines = {
        line.what: (round(line.inclusive, 4), round(line.own, 4)) for line in summary["functions"]
    }
    # thread_page is on 10 of 12 stacks, and the project's top frame on the 3 that render.
    assert lines["thread_page (/src/forum/views.py)"] == (round(10 / 12, 4), 0.25)
    # thread_for: 6 samples, always the project's top frame (the ORM and psycopg are above it).
    assert lines["thread_for (/src/forum/selectors.py)"] == (0.5, 0.5)
    assert lines["<listcomp> (/src/forum/selectors.py)"] == (round(1 / 12, 4), round(1 / 12, 4))
    assert not any("site-packages" in name for name in lines)


def test_no_samples_give_an_empty_summary():
    assert profile.summarise([]) == {"buckets": [], "functions": []}


def test_the_worker_pid_is_the_last_one_gunicorn_booted(tmp_path: Path):
    log = tmp_path / "g.log"
    log.write_text(
        "[INFO] Booting worker with pid: 101\n[INFO] Worker exiting (pid: 101)\n"
        "[INFO] Booting worker with pid: 202\n"
    )
    assert profile.worker_pid(log) == 202
    log.write_text("nothing booted\n")
    assert profile.worker_pid(log) is None
