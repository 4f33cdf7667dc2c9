"""Real engines on loopback for the scale-out tests: a PostgreSQL primary and a streaming
replica made from it by pg_basebackup (two clusters of their own, on their own ports), the hub
served by gunicorn against them, a django-tasks database worker, and an S3-compatible server
(moto in server mode). Nothing here is mocked: each is the program production would run.

PostgreSQL refuses to run as root, so when the tests run as root its commands run as the
`postgres` user (runuser), in a temporary directory that user owns."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
SECRET = "scale-out-tests-not-a-real-secret-key-0123456789abcdefghijklmnop"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if not pg_config:
        return None
    out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
    bindir = Path(out.stdout.strip())
    return bindir if (bindir / "pg_basebackup").exists() else None


def _as_postgres(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def _run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, **kwargs)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@dataclass
class Cluster:
    """One PostgreSQL server: its data directory, port and the binaries that run it."""

    bindir: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/hub"

    def start(self) -> None:
        _run(_as_postgres([
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "server.log"),
            "-w", "-t", "60", "-o", f"-p {self.port} -k {self.data}", "start",
        ]))  # fmt: skip

    def stop(self) -> None:
        subprocess.run(  # noqa: S603
            _as_postgres([
                str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop",
            ]),
            capture_output=True, timeout=60,
        )  # fmt: skip

    def running(self) -> bool:
        result = subprocess.run(  # noqa: S603
            _as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "status"]),
            capture_output=True, timeout=30,
        )  # fmt: skip
        return result.returncode == 0

    def sql(self, statement: str, database: str = "hub") -> str:
        """Runs one statement with psql and returns what it printed (unaligned, no headers)."""
        return _run([
            str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
            "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement,
        ]).stdout.strip()  # fmt: skip


@contextlib.contextmanager
def primary_and_replica() -> Iterator[tuple[Cluster, Cluster]]:
    """A fresh primary with an empty database `hub`, and a hot-standby replica streaming from it."""
    bindir = pg_bindir()
    assert bindir, "pg_config and pg_basebackup are needed"
    base = Path(tempfile.mkdtemp(prefix="hub-replica-"))
    if os.geteuid() == 0:
        pg = pwd.getpwnam("postgres")
        os.chown(base, pg.pw_uid, pg.pw_gid)
    primary = Cluster(bindir, base / "primary", free_port())
    replica = Cluster(bindir, base / "replica", free_port())
    try:
        _run(_as_postgres([
            str(bindir / "initdb"), "-D", str(primary.data), "-U", "postgres", "-A", "trust",
            "--no-sync", "-E", "UTF8", "--locale", "C",
        ]))  # fmt: skip
        settings = (
            "listen_addresses = '127.0.0.1'\nwal_level = replica\nmax_wal_senders = 4\n"
            "hot_standby = on\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            "max_connections = 40\nshared_buffers = 32MB\n"
        )
        with open(primary.data / "postgresql.conf", "a") as conf:  # root may write; owner unchanged
            conf.write(settings)
        primary.start()
        primary.sql("CREATE DATABASE hub", database="postgres")
        _run(_as_postgres([
            str(bindir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port),
            "-U", "postgres", "-D", str(replica.data), "-R", "-X", "stream", "--no-sync",
        ]))  # fmt: skip
        replica.start()
        wait_for(lambda: replica.sql("SELECT pg_is_in_recovery()") == "t", "the replica to start")
        yield primary, replica
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(base, ignore_errors=True)


def wait_for(condition, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception as error:  # noqa: BLE001 - keep trying until the deadline
            last_error = error
        time.sleep(0.2)
    raise TimeoutError(f"waited {timeout}s for {what}" + (f": {last_error}" if last_error else ""))


def hub_env(**variables: str) -> dict[str, str]:
    """The environment of a hub process in production mode on loopback (plain HTTP)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "AWS_", "TASKS_", "DJANGO_", "EMAIL_"))
    }
    env.update(
        DJANGO_DEBUG="false", DJANGO_SECRET_KEY=SECRET, DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false", DJANGO_SECURE_COOKIES="false", DJANGO_HSTS_SECONDS="0",
        FAST_PASSWORD_HASHER="true", PYTHONUNBUFFERED="1",
    )  # fmt: skip
    env.update(variables)
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 300) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def python(code: str, *, env: dict[str, str], timeout: float = 120) -> str:
    """Runs `code` in a fresh Django process with `env` (django.setup() done first)."""
    prelude = "import django; django.setup()\n"
    result = subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", prelude + code], cwd=ROOT, capture_output=True, text=True,
        timeout=timeout, env={**env, "DJANGO_SETTINGS_MODULE": "hub.settings"},
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"python failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@contextlib.contextmanager
def process(argv: list[str], *, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A long-running process, stopped (the whole group) when the block ends."""
    with open(log, "w") as out:
        proc = subprocess.Popen(  # noqa: S603
            argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@contextlib.contextmanager
def hub_server(env: dict[str, str], log: Path) -> Iterator[str]:
    """The hub under gunicorn with the project's gunicorn.conf.py and one sync worker, on a free
    loopback port; yields its base URL."""
    port = free_port()
    argv = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "hub.wsgi"]
    env = {**env, "GUNICORN_WORKERS": "1", "GUNICORN_BIND": f"127.0.0.1:{port}"}
    with process(argv, env=env, log=log) as proc:
        base = f"http://127.0.0.1:{port}"

        def up() -> bool:
            assert proc.poll() is None, log.read_text()
            return requests.get(base + "/accessibility/", timeout=5).status_code == 200

        wait_for(up, f"the hub on port {port}", timeout=90)
        yield base
