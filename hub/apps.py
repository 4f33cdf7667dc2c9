from django.apps import AppConfig


class HubConfig(AppConfig):
    """The site itself: accounts, organisations, taxonomies and pages."""

    name = "hub"
    verbose_name = "Good Practice Hub"

    def ready(self):
        from hub import content_cache

        content_cache.connect()
        from wagtail.models import WorkflowState
        from wagtail.signals import workflow_approved, workflow_rejected

        from hub import workshops
        from hub.notifications import register_kind

        # Proposed workshop notes may be decided in the Wagtail admin as well as on the site's
        # review pages; the workflow's own signals reach the proposer from either. Connected
        # (before wagtail.admin's ready()) under the dispatch_uids of Wagtail's approval and
        # rejection emails, which they replace for workshop notes and call for anything else.
        workflow_approved.connect(
            workshops.workflow_approved_handler,
            sender=WorkflowState,
            dispatch_uid="workflow_state_approved_email_notification",
        )
        workflow_rejected.connect(
            workshops.workflow_rejected_handler,
            sender=WorkflowState,
            dispatch_uid="workflow_state_rejected_email_notification",
        )

        register_kind(
            "organisation.join_request",
            label="Someone asks to join your organisation",
            description="When someone asks to join an organisation you are an admin of.",
        )
        register_kind(
            "organisation.join_decision",
            label="Your request to join an organisation is decided",
            description="When an organisation's admin approves or declines your request to join.",
        )
        register_kind(
            "workshop.approved",
            label="Your workshop notes are approved",
            description="A moderator approves and publishes workshop notes you proposed.",
        )
        register_kind(
            "workshop.rejected",
            label="Your workshop notes need changes",
            description="A moderator does not approve workshop notes you proposed, and says why.",
        )
