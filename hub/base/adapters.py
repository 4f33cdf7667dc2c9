from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from hub.base import signin
from hub.base.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's emails through the background task queue, after the transaction commits."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        transaction.on_commit(
            lambda: send_email.enqueue(
                to=list(message.to), subject=message.subject, body=message.body
            )
        )

    # Sign-in back-off in place of allauth's lock-out (hub.base.signin explains the policy).
    def pre_authenticate(self, request, **credentials):
        signin.check(request, credentials)

    def authentication_failed(self, request, **credentials):
        signin.failed(request, credentials)
