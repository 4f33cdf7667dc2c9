"""Background tasks: run at once in development, by a django-tasks worker in production."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text email; retried by the worker if the mail server fails."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
