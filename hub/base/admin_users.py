"""The Wagtail admin's user delete, one user or many, through the account erasure service."""

from django.db import transaction
from django.utils.translation import ngettext
from wagtail.users.views import users
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction

from hub.base import accounts


class DeleteView(users.DeleteView):
    @property
    def confirmation_message(self):
        handover = accounts.organisations_needing_handover(self.object)
        message = (
            "Their name, email addresses, profile, two-factor devices and settings are deleted "
            "and they can no longer sign in. What they published stays, shown as by a "
            "'Former member'; their drafts are deleted."
        )
        if handover:
            names = ", ".join(o.name for o in handover)
            message += (
                f" They are the only admin of {names}: the longest-standing member of each "
                "becomes its admin."
            )
        return message

    def delete_action(self):
        accounts.account_erase(actor=self.request.user, user=self.object)


class UserViewSet(users.UserViewSet):
    delete_view_class = DeleteView


class EraseBulkAction(DeleteBulkAction):
    """Replaces Wagtail's bulk delete for users (registered later, so it wins)."""

    @classmethod
    def execute_action(cls, objects, model=None, user=None, **kwargs):
        with transaction.atomic():
            for obj in objects:
                accounts.account_erase(actor=user, user=obj)
        return len(objects), 0

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d account has been deleted",
            "%(count)d accounts have been deleted",
            num_parent_objects,
        ) % {"count": num_parent_objects}
