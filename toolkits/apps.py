from django.apps import AppConfig


class ToolkitsConfig(AppConfig):
    """Toolkits, the payment-by-results financial model and Customer Service Standards."""

    name = "toolkits"
    verbose_name = "Toolkits"

    def ready(self):
        from toolkits import personal_data

        personal_data.register()
        from toolkits.supplychains import moderation

        moderation.register()
        from hub.base import content_cache
        from toolkits.models import StandardResult

        # The Star Rating's quality area reads Customer Service Standards results.
        content_cache.watch(content_cache.RATINGS, StandardResult)
        from toolkits.supplychains.models import Opportunity
        from toolkits.supplychains.selectors import OPPORTUNITIES

        # The opportunities list's cached body.
        content_cache.watch(
            OPPORTUNITIES,
            Opportunity,
            *(field.remote_field.through for field in Opportunity._meta.many_to_many),
        )
        from hub.base.notifications import register_kind

        register_kind(
            "standards.review_due",
            label="Your organisation's standards are due for review",
            description="When Customer Service Standards you are an admin of were last "
            "reviewed more than six months ago.",
        )
        for key, label, description in (
            ("opportunity.new", "A new subcontract opportunity in a programme or area you watch",
             "When a prime publishes an opportunity in a programme or area you chose to watch."),
            ("opportunity.eoi_received", "An expression of interest in your organisation's "
             "opportunity", "When an organisation expresses interest in an opportunity your "
             "organisation published (for its admins)."),
            ("opportunity.eoi_answered", "A prime answers your organisation's expression of "
             "interest", "When a prime shortlists or declines your organisation's expression "
             "of interest (for its admins)."),
            ("opportunity.eoi_withdrawn", "An expression of interest is withdrawn",
             "When an organisation withdraws its interest in your organisation's opportunity."),
        ):  # fmt: skip
            register_kind(key, label=label, description=description)
