"""A Redis cache whose outage is not a site outage.

Django's RedisCache raises on every call while Redis is unreachable, and the hub reads the cache
on nearly every page (cached counts, sessions, rate limits), so a Redis restart was a 500 on
every page. This backend logs the error and answers as an empty cache would: a read misses,
a write is dropped. So, while Redis is down:

- pages render from the database (every cached value is also computed when missing);
- sessions survive: the `cached_db` engine reads the database when the cache misses;
- rate limits and sign-in back-off fail OPEN: with no counters, nothing is over a limit
  (`RATELIMIT_FAIL_OPEN`; the limits come back with Redis). An outage is logged at ERROR.

After an error the cache is skipped for HUB_CACHE_RETRY_SECONDS (so a page does not wait on a
dead server call after call); the next call after that tries Redis again, and the hub recovers
by itself when Redis returns.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


def _errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def _call(self, name: str, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except _errors() as exc:
            self._down_until = time.monotonic() + settings.HUB_CACHE_RETRY_SECONDS
            logger.error("Cache unreachable (%s): %s; using the database only", name, exc)
            return fallback
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # None, not an exception: django-ratelimit reads it as "no count" (and fails open).
        return self._call("incr", None, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
