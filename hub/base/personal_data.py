"""A member's data to download: a ZIP with a JSON file and a CSV file for each kind of thing.

Each app registers what it holds about a member in ``AppConfig.ready()`` with
``register(name, rows, fields=..., description=...)``, where ``rows(user)`` returns the
queryset of the member's rows and ``fields`` the columns; the base never imports the apps.
A small export is made in the request; a large one by a background task
(``hub.base.tasks.build_data_export``), which stores the file and notifies the member with a
link. Stored files are deleted by the retention command.
"""

from __future__ import annotations

import io
import json
import secrets
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.utils import timezone

from hub.base.exports import csv_lines

Rows = Callable[..., QuerySet]


@dataclass(frozen=True)
class Section:
    name: str
    rows: Rows
    fields: tuple[str, ...]
    description: str

    def collect(self, user) -> QuerySet:
        return self.rows(user).order_by("pk").values(*self.fields)


_sections: dict[str, Section] = {}

STORE = "data-exports"  # under the default storage: data-exports/<user id>/<token>.zip


def register(name: str, rows: Rows, *, fields: Iterable[str], description: str) -> None:
    _sections[name] = Section(name, rows, tuple(fields), description)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda s: s.name)


def row_count(user) -> int:
    """Roughly how big the export is: the number of rows across every section."""
    return sum(section.rows(user).count() for section in sections())


def is_large(user) -> bool:
    return row_count(user) > settings.HUB_DATA_EXPORT_INLINE_ROWS


def build_zip(user) -> bytes:
    """The ZIP: a README, then <section>.json and <section>.csv for every section."""
    buffer = io.BytesIO()
    made = timezone.now()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        readme = [
            f"Your data from {settings.SITE_NAME}, made {made:%d %B %Y at %H:%M} UTC.",
            "",
            "Each kind of thing is in two files with the same rows: a JSON file and a CSV file",
            "that opens in a spreadsheet.",
            "",
        ]
        for section in sections():
            rows = [dict(row) for row in section.collect(user)]
            readme.append(f"{section.name}: {section.description} ({len(rows)})")
            archive.writestr(
                f"{section.name}.json",
                json.dumps(rows, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            )
            header = section.fields
            archive.writestr(
                f"{section.name}.csv",
                "".join(csv_lines(header, ([row[k] for k in header] for row in rows), bom=True)),
            )
        archive.writestr("README.txt", "\n".join(readme) + "\n")
    return buffer.getvalue()


def filename_for(user) -> str:
    return f"hub-data-{timezone.localdate():%Y-%m-%d}.zip"


def store(user) -> str:
    """Build the ZIP and keep it for the member to download; returns its token."""
    token = secrets.token_urlsafe(16)
    default_storage.save(f"{STORE}/{user.pk}/{token}.zip", ContentFile(build_zip(user)))
    return token


def stored_path(user, token: str) -> str | None:
    """The stored file for this member and token, if it is theirs and still there."""
    if not token.replace("-", "").replace("_", "").isalnum():
        return None
    path = f"{STORE}/{user.pk}/{token}.zip"
    return path if default_storage.exists(path) else None


def delete_stored(user) -> None:
    """Every stored export of a member (their account is being deleted)."""
    folder = f"{STORE}/{user.pk}"
    try:
        _, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        default_storage.delete(f"{folder}/{name}")


def purge_stored(*, older_than) -> int:
    """Delete stored exports made before ``older_than``; returns how many went."""
    removed = 0
    try:
        folders, _ = default_storage.listdir(STORE)
    except FileNotFoundError:
        return 0
    for folder in folders:
        _, files = default_storage.listdir(f"{STORE}/{folder}")
        for name in files:
            path = f"{STORE}/{folder}/{name}"
            if default_storage.get_modified_time(path) < older_than:
                default_storage.delete(path)
                removed += 1
    return removed
