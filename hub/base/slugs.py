"""Saving a row under a unique slug made from its name, safely when others do the same at once.

Looking for a free slug and inserting are two steps, so two members creating "Acme Ltd" and
"ACME, Ltd." at the same moment both find `acme-ltd` free, and the second insert fails on the
unique index. `save_with_free_slug` inserts inside a savepoint and, when the index refuses the
slug, takes the next free one (`acme-ltd-2`, ...) and tries again.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify

ATTEMPTS = 100


def free_slug(model: type[models.Model], base: str, *, field: str = "slug") -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not taken now."""
    taken = set(
        model._default_manager.filter(**{f"{field}__startswith": base}).values_list(
            field, flat=True
        )
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def save_with_free_slug(
    instance: models.Model,
    name: str,
    *,
    field: str = "slug",
    default: str = "item",
    max_length: int = 170,
) -> models.Model:
    """Insert `instance` with a slug made from `name`, retrying with the next free slug when
    another insert took it first. A clash on another unique field is a ValidationError on it."""
    model = type(instance)
    base = slugify(name)[:max_length].strip("-") or default
    for _ in range(ATTEMPTS):
        setattr(instance, field, free_slug(model, base, field=field))
        try:
            with transaction.atomic():
                instance.save()
            return instance
        except IntegrityError:
            instance.pk = None
            if model._default_manager.filter(**{field: getattr(instance, field)}).exists():
                continue  # someone took the slug between our look and our insert
            _raise_other_clash(instance, exclude=field)
            raise
    raise IntegrityError(f"No free {field} for {base!r} after {ATTEMPTS} attempts")


def _raise_other_clash(instance: models.Model, *, exclude: str) -> None:
    for model_field in instance._meta.fields:
        if model_field.unique and not model_field.primary_key and model_field.name != exclude:
            value = getattr(instance, model_field.attname)
            if type(instance)._default_manager.filter(**{model_field.attname: value}).exists():
                raise ValidationError(
                    {model_field.name: instance.unique_error_message(type(instance),
                                                                    (model_field.name,))}
                )  # fmt: skip
