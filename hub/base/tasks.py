"""Background tasks: run at once in development, by a django-tasks worker in production."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(
    *, to: list[str], subject: str, body: str, headers: dict[str, str] | None = None
) -> int:
    """Send one plain-text email; retried by the worker if the mail server fails.

    ``headers`` carries extra ones such as List-Unsubscribe; the email is rendered before it is
    queued, so every argument is plain JSON.
    """
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, headers=headers)
    return message.send()
