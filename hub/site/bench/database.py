"""Create (or recreate) the bench's PostgreSQL database: `python -m hub.site.bench.database URL`.

Connects to the server's `postgres` maintenance database, so it needs no psql on the PATH.
Refuses any database whose name lacks "bench", so it can never touch the dev or test ones.
"""

from __future__ import annotations

import sys

import dj_database_url
import psycopg
from psycopg import sql


def ensure(url: str, *, fresh: bool = False) -> str:
    config = dj_database_url.parse(url)
    name = config["NAME"]
    if "bench" not in name:
        raise SystemExit(f"Refusing to create or drop {name!r}: the name must contain 'bench'.")
    with psycopg.connect(
        dbname="postgres",
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        autocommit=True,
    ) as conn:
        if fresh:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(drop.format(sql.Identifier(name)))
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return f"Created the database {name}."
    return f"The database {name} is there."


if __name__ == "__main__":
    print(ensure(sys.argv[1], fresh="--fresh" in sys.argv[2:]))
