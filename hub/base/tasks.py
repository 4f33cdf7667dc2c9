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


@task()
def build_data_export(*, user_id: int) -> str:
    """Make a member's data download, keep it, and send them the link to it."""
    from django.urls import reverse

    from hub.base import personal_data
    from hub.base.models import User
    from hub.base.notifications import notify

    user = User.objects.get(pk=user_id, erased_at__isnull=True)
    token = personal_data.store(user)
    notify(
        recipient=user,
        kind="account.data_export",
        message="Your data is ready to download.",
        url=reverse("data_export_download", kwargs={"token": token}),
    )
    return token
