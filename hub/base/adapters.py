from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction
from django.urls import reverse
from django.utils.http import urlencode

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

    def post_login(self, request, user, **kwargs):
        """A member who has not given their name yet is asked for it once, after signing in,
        on their way to where they were going."""
        response = super().post_login(request, user, **kwargs)
        if not user.display_name and response.status_code == 302:
            next_url = response["Location"]
            response["Location"] = f"{reverse('account_name')}?{urlencode({'next': next_url})}"
        return response
