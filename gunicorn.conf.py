"""Gunicorn for the hub in production: `gunicorn -c gunicorn.conf.py hub.wsgi` (make serve-prod).

Every value can be set by environment variable. The defaults follow a measurement on this
project (README "Running at scale"): sync workers, two per core plus one. The hub's requests
spend most of their time rendering templates in Python, not waiting on PostgreSQL or Redis, so
threads mostly queue for the interpreter lock: with the same 5 processes under the same load,
gthread (4 threads each) served fewer requests a second and its p95 and p99 were three to five
times the sync workers'. Set GUNICORN_WORKER_CLASS=gthread where requests wait on the network.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = _int("GUNICORN_THREADS", 4 if worker_class == "gthread" else 1)
# Recycle workers now and then, so a slow leak cannot grow without bound; jitter staggers them.
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 500)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Load the app before forking: workers share its memory, and a broken settings file fails
# at once rather than in every worker.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Behind a load balancer or proxy on another host, list its address here (comma separated).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips
# Limits on the request line and headers, read before Django sees anything (gunicorn's own
# defaults, stated). Bodies are limited by the proxy and by hub.base.security, before reading.
limit_request_line = _int("GUNICORN_LIMIT_REQUEST_LINE", 4094)
limit_request_fields = _int("GUNICORN_LIMIT_REQUEST_FIELDS", 100)
limit_request_field_size = _int("GUNICORN_LIMIT_REQUEST_FIELD_SIZE", 8190)


def post_fork(server, worker):
    """Connections opened before the fork (by preloading) must not be shared by workers."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
