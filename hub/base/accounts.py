"""Deleting an account: one service for a member deleting their own and an administrator
deleting someone else's, and the erasure rules for the base's, Django's, Wagtail's and
allauth's models (the apps register their own)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from hub.base import erasure, personal_data
from hub.base.erasure import Action
from hub.base.models import (
    Membership,
    Notification,
    NotificationPreference,
    Organisation,
    Report,
    User,
)


def organisations_needing_handover(user: User) -> list[Organisation]:
    """Organisations where ``user`` is the only admin: they must make someone else one first."""
    return list(
        Organisation.objects.filter(
            memberships__user=user,
            memberships__role=Membership.Role.ADMIN,
            memberships__status=Membership.Status.APPROVED,
        )
        .annotate(
            admins=Count(
                "memberships",
                filter=Q(
                    memberships__role=Membership.Role.ADMIN,
                    memberships__status=Membership.Status.APPROVED,
                ),
            )
        )
        .filter(admins__lte=1)
        .order_by("name")
    )


def can_erase(*, actor: User, user: User) -> bool:
    """A member may delete their own account; an administrator with the permission to delete
    users may delete anyone else's (never their own from the admin)."""
    if not actor.is_authenticated or user.is_erased:
        return False
    return actor.pk == user.pk or actor.has_perm(f"{User._meta.app_label}.delete_user")


def _end_memberships(*, user: User, queryset) -> None:
    """Memberships end. An organisation whose only admin this was must have been handed over
    by the member; when an administrator deletes the account, the longest-standing member
    becomes the admin (or, with no one left, the organisation waits for a moderator)."""
    for organisation in organisations_needing_handover(user):
        successor = (
            Membership.objects.select_for_update()
            .filter(organisation=organisation, status=Membership.Status.APPROVED)
            .exclude(user=user)
            .order_by("decided_at", "created_at", "pk")
            .first()
        )
        if successor is not None:
            successor.role = Membership.Role.ADMIN
            successor.save(update_fields=["role"])
    queryset.delete()


@transaction.atomic
def account_erase(*, actor: User, user: User) -> User:
    """Delete ``user``'s account: their personal data goes, what they wrote to others stays as a
    "Former member"'s (the rules in ``hub.base.erasure``), and they can no longer sign in."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not can_erase(actor=actor, user=user):
        raise PermissionDenied("You cannot delete this account.")
    if actor.pk == user.pk:
        orphans = organisations_needing_handover(user)
        if orphans:
            names = ", ".join(o.name for o in orphans)
            raise ValidationError(
                f"You are the only admin of {names}. Make someone else an admin first, "
                "or ask a site administrator to delete your account."
            )
    erasure.apply_rules(user)
    transaction.on_commit(lambda: personal_data.delete_stored(user))
    user.username = f"former-member-{user.pk}"
    user.email = user.first_name = user.last_name = ""
    user.display_name = user.job_title = user.bio = ""
    user.set_unusable_password()  # also ends every session: their hash no longer matches
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.erased_at = timezone.now()
    user.save()
    return user


def register_rules() -> None:
    """The base's own relations and those of the libraries it installs."""
    register, KEEP, CLEAR, DELETE = erasure.register, Action.KEEP, Action.CLEAR, Action.DELETE
    # Every model that takes moderation's hidden fields gets their rule here, once.
    from django.apps import apps

    from hub.base.moderation.models import HeldForReview, Hideable

    for model in apps.get_models():
        if issubclass(model, Hideable):
            register(model._meta.label, "hidden_by", CLEAR, why="The moderation stays.")
        if issubclass(model, HeldForReview):
            register(model._meta.label, "reviewed_by", CLEAR, why="The review decision stays.")
    register(
        "hub.Membership",
        "user",
        handler=_end_memberships,
        why="Memberships end; the last admin hands over first.",
        order=0,
    )
    for model, field, action, why in [
        ("hub.Membership", "decided_by", CLEAR, "Another member's decision stays."),
        ("hub.Notification", "recipient", DELETE, "Their notifications are theirs."),
        ("hub.Notification", "actor", DELETE, "The message names them."),
        ("hub.NotificationPreference", "user", DELETE, "Their settings."),
        ("hub.Organisation", "created_by", CLEAR, "The organisation stays."),
        ("hub.Report", "reporter", KEEP, "Reports stay for moderators, anonymously."),
        ("hub.Report", "resolved_by", CLEAR, "The decision stays."),
        ("hub.TextRevision", "replaced_by", CLEAR, "Earlier versions stay with their item."),
        ("hub.Organisation", "verified_by", CLEAR, "The verification stays."),
        ("hub.Accreditation", "added_by", CLEAR, "The organisation's accreditation stays."),
        ("hub.Accreditation", "verified_by", CLEAR, "The verification stays."),
        ("hub.SupplyChainLink", "proposed_by", CLEAR, "The link stays."),
        ("hub.User_groups", "user", DELETE, "Roles on the site end."),
        ("hub.User_user_permissions", "user", DELETE, "Permissions end."),
        ("account.EmailAddress", "user", DELETE, "Their email addresses."),
        ("mfa.Authenticator", "user", DELETE, "Their two-factor devices and recovery codes."),
        ("socialaccount.SocialAccount", "user", DELETE, "Links to their identity provider."),
        ("wagtailusers.UserProfile", "user", DELETE, "Their admin preferences."),
        ("wagtailadmin.EditingSession", "user", DELETE, "Open editing sessions."),
        ("wagtailadmin.FormState", "user", DELETE, "Half-filled admin forms."),
        ("wagtailcore.APIToken", "user", DELETE, "Their API tokens."),
        ("wagtailcore.PageSubscription", "user", DELETE, "Their comment subscriptions."),
        ("wagtailcore.Comment", "user", KEEP, "Editorial comments stay, by a former member."),
        ("wagtailcore.CommentReply", "user", KEEP, "Replies stay, by a former member."),
        ("wagtailcore.Comment", "resolved_by", CLEAR, "The resolution stays."),
        ("wagtailcore.ModelLogEntry", "user", KEEP, "The audit log keeps its rows."),
        ("wagtailcore.PageLogEntry", "user", KEEP, "The audit log keeps its rows."),
        ("wagtailcore.Revision", "user", CLEAR, "Revisions stay, unattributed."),
        ("wagtailcore.WorkflowState", "requested_by", CLEAR, "The workflow stays."),
        ("wagtailcore.TaskState", "finished_by", CLEAR, "The task stays."),
        ("wagtailcore.Page", "owner", CLEAR, "Pages stay."),
        ("wagtailcore.Page", "locked_by", CLEAR, "Their locks go."),
        ("wagtailcore.UploadedFile", "uploaded_by_user", DELETE, "Unfinished uploads."),
        ("wagtaildocs.Document", "uploaded_by_user", CLEAR, "Published documents stay."),
        ("wagtailimages.Image", "uploaded_by_user", CLEAR, "Published images stay."),
    ]:
        register(model, field, action, why=why)
    _register_sections()


def _register_sections() -> None:
    from allauth.account.models import EmailAddress

    sections = [
        (
            "profile",
            User,
            "pk",
            "your account and public profile",
            "username email display_name job_title bio date_joined last_login",
        ),
        ("email_addresses", EmailAddress, "user", "your email addresses", "email verified primary"),
        (
            "memberships",
            Membership,
            "user",
            "your organisations and requests to join them",
            "organisation__name role status message created_at decided_at",
        ),
        (
            "reports",
            Report,
            "reporter",
            "what you reported to moderators (case studies, comments, forum posts)",
            "id content_type__model object_id reason status created_at resolved_at",
        ),
        (
            "notifications",
            Notification,
            "recipient",
            "your notifications",
            "kind message url created_at read_at",
        ),
        (
            "notification_settings",
            NotificationPreference,
            "user",
            "how you chose to be told",
            "kind in_app email updated_at",
        ),
    ]
    for name, model, field, description, fields in sections:
        personal_data.register(
            name,
            lambda user, model=model, field=field: model.objects.filter(
                **{field: user.pk if field == "pk" else user}
            ),
            fields=fields.split(),
            description=description,
        )
