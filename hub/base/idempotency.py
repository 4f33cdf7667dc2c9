"""Creating a row once per form: a double click or a resubmitted form returns the first row.

Forms carry a one-time `submission_key` (a UUID made when the form is shown); the model keeps
it in a unique column. The second of two identical requests either finds the first row or, if
both raced, fails on the unique index and then finds it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db import IntegrityError, models, transaction

T = TypeVar("T", bound=models.Model)


def new_key() -> str:
    return str(uuid.uuid4())


def create_once(
    model: type[T], *, key: uuid.UUID | str | None, owner: dict, create: Callable[[], T]
) -> tuple[T, bool]:
    """Run `create` (which must save `submission_key=key`) unless a row with this key and owner
    exists; return the row and whether it is new."""
    if key is None:
        return create(), True
    existing = model.objects.filter(submission_key=key, **owner).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = model.objects.filter(submission_key=key, **owner).first()
        if existing is None:
            raise
        return existing, False


class SubmissionKeyMixin(forms.Form):
    """A one-time key, so a double click or a resubmitted form creates one row, not two."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_key())
