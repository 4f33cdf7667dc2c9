from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site on top of the apps: home, showcase, workshop notes, hub-wide search, profiles,
    demo content and the bench. Its page models keep the app label "hub" (see hub.site.models)."""

    name = "hub.site"
    label = "hub_site"
    verbose_name = "Good Practice Hub site"

    def ready(self):
        from hub.base import search
        from hub.site.search.pages import Pages

        search.register(Pages(), order=40)
        from hub.site import personal_data

        personal_data.register()
        from wagtail.models import WorkflowState
        from wagtail.signals import (
            page_published,
            page_unpublished,
            workflow_approved,
            workflow_rejected,
        )

        from hub.base.notifications import register_kind
        from hub.site.showcase import services as showcase
        from hub.site.showcase.models import ShowcasePage
        from hub.site.workshops import services as workshops

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
        # Publishing reaches the showcase by paths no admin hook sees (workflow approval from
        # the dashboard, scheduled publishing), so the featured marks follow Wagtail's signals.
        page_published.connect(
            showcase.sync_featured_handler, sender=ShowcasePage, dispatch_uid="site.sync_pub"
        )
        page_unpublished.connect(
            showcase.sync_featured_handler, sender=ShowcasePage, dispatch_uid="site.sync_unpub"
        )

        register_kind(
            "cases.featured",
            label="Your case study is featured",
            description="A moderator features one of your case studies on the showcase.",
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
