from django.apps import AppConfig


class ToolkitsConfig(AppConfig):
    """Toolkits, the payment-by-results financial model and Customer Service Standards."""

    name = "toolkits"
    verbose_name = "Toolkits"

    def ready(self):
        from toolkits import personal_data

        personal_data.register()
        from hub.base.notifications import register_kind

        register_kind(
            "standards.review_due",
            label="Your organisation's standards are due for review",
            description="When Customer Service Standards you are an admin of were last "
            "reviewed more than six months ago.",
        )
