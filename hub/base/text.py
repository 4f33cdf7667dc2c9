"""Text that goes where a line break or a control character would break the format.

One function per format, so a title cannot end a calendar line, split an e-mail header or
start a spreadsheet formula:

- `one_line`: for a single-line field anywhere (calendar names, summaries and locations, e-mail
  subjects): every control character and line break becomes a space, runs of space one.
- `hub.base.exports.neutralise`: CSV and XLSX cells (formula starts).
- `django.utils.http.content_disposition_header`: download file names.

And at the door, `no_control_characters` refuses them in titles and names on the forms.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(value) -> str:
    """The text on one line, with no control characters."""
    text = "" if value is None else str(value)
    return " ".join(_CONTROL.sub(" ", text).split())


def no_control_characters(value: str) -> None:
    """A form validator for titles and names: no line breaks, tabs or other control characters."""
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in value or ""):
        raise ValidationError(
            "Use letters, numbers, spaces and punctuation only: no line breaks or tabs",
            code="control_characters",
        )
