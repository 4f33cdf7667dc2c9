"""Template helpers for the toolkits: how a document download describes itself."""

from django import template

from toolkits.documents import FILE_KIND_NAMES

register = template.Library()


def _size(size: int) -> str:
    """GOV.UK style sizes: whole KB below a megabyte, one decimal above."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@register.filter
def attachment_meta(document) -> str:
    """'Excel spreadsheet (XLSX), 12 KB': what a download is before anyone opens it."""
    extension = (document.file_extension or "").lower()
    kind = FILE_KIND_NAMES.get(extension, "File")
    parts = [f"{kind[0].upper()}{kind[1:]} ({extension.upper()})" if extension else kind]
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):
            size = None
    if size:
        parts.append(_size(size))
    return ", ".join(parts)
