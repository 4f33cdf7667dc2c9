"""Emails to members about things that concern them, sent after the transaction commits."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from hub.tasks import send_email


def email_users(*, users: Iterable, template: str, context: dict) -> None:
    """Render `<template>_subject.txt` and `<template>.txt` for each user and queue the email."""
    for user in users:
        if not user.email:
            continue
        ctx = {**context, "recipient": user, "site_url": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template}_subject.txt", ctx).split())
        body = render_to_string(f"{template}.txt", ctx)
        transaction.on_commit(
            lambda to=user.email, s=subject, b=body: send_email.enqueue(to=[to], subject=s, body=b)
        )
