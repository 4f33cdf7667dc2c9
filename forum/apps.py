from django.apps import AppConfig


class ForumConfig(AppConfig):
    """The discussion forum."""

    name = "forum"
    verbose_name = "Forum"
