from django.apps import AppConfig


class ToolkitsConfig(AppConfig):
    """Toolkits, the payment-by-results financial model and Customer Service Standards."""

    name = "toolkits"
    verbose_name = "Toolkits"
