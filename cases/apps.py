from django.apps import AppConfig


class CasesConfig(AppConfig):
    """Case studies, ratings, comments and performance records."""

    name = "cases"
    verbose_name = "Case studies and performance"
