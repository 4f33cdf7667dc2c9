"""Checks on uploaded documents: the content must be the kind of file its name says it is.

Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS) and the size (WAGTAILDOCS_MAX_UPLOAD_SIZE);
a renamed HTML page would still pass both, so this form base also looks at the bytes.
"""

from __future__ import annotations

import os
import zipfile

from django import forms
from wagtail.documents.forms import BaseDocumentForm

# The MIME types OpenDocument files declare in their first entry, "mimetype".
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
# The part every Office Open XML file of that kind has.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
# What the check may unpack: the "mimetype" entry is one short line, and no real document has
# more entries than this (the hub reads nothing else of an archive; see hub.base.readguard for
# the spreadsheets it does read).
MAX_MIMETYPE_BYTES = 200
MAX_ARCHIVE_ENTRIES = 10_000
# Markup a browser might run if it ever sniffed a text file as HTML or SVG.
MARKUP_SIGNS = (b"<html", b"<script", b"<svg", b"<!doctype", b"<iframe", b"<body")

FILE_KIND_NAMES = {
    "csv": "CSV spreadsheet",
    "docx": "Word document",
    "odt": "OpenDocument text",
    "ods": "OpenDocument spreadsheet",
    "pdf": "PDF",
    "txt": "plain text file",
    "xlsx": "Excel spreadsheet",
}


def content_problem(name: str, head: bytes, file) -> str | None:
    """Why a file's content does not match its extension, or None when it does."""
    extension = os.path.splitext(name)[1][1:].lower()
    kind = FILE_KIND_NAMES.get(extension, extension.upper())
    mismatch = f"The selected file is not a real {kind}. Check the file and try again."
    if extension == "pdf":
        return None if head.startswith(b"%PDF-") else mismatch
    if extension in OOXML_PARTS or extension in ODF_MIMETYPES:
        if not head.startswith(b"PK\x03\x04"):
            return mismatch
        try:
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                if len(names) > MAX_ARCHIVE_ENTRIES:
                    ok = False
                elif extension in OOXML_PARTS:
                    ok = "[Content_Types].xml" in names and OOXML_PARTS[extension] in names
                else:
                    # Only a few bytes are read, whatever the entry claims to unpack to.
                    ok = archive.getinfo("mimetype").file_size <= MAX_MIMETYPE_BYTES and (
                        archive.read("mimetype").strip() == ODF_MIMETYPES[extension]
                    )
        except (zipfile.BadZipFile, KeyError, OSError):
            ok = False
        return None if ok else mismatch
    if extension in {"csv", "txt"}:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A cut in the middle of a character at the end of the sample is fine.
            if error.start < len(head) - 3:
                return f"The selected file must be plain text saved as UTF-8 ({kind})."
        lowered = head.lower()
        if b"\x00" in head or any(sign in lowered for sign in MARKUP_SIGNS):
            return f"The selected file must be plain text, not a web page ({kind})."
        return None
    return mismatch


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content is not what their name says."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        upload.seek(0)
        head = upload.read(64 * 1024)
        problem = content_problem(upload.name, head, upload)
        upload.seek(0)
        if problem:
            raise forms.ValidationError(problem, code="content_mismatch")
        return upload
