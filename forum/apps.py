from django.apps import AppConfig


class ForumConfig(AppConfig):
    """The forum: categories, threads, posts, reactions, watching and moderation."""

    name = "forum"
    verbose_name = "Forum"

    def ready(self):
        from forum import moderation
        from forum.search import Posts, Threads
        from hub.base import search

        search.register(Posts(), order=20)
        search.register(Threads(), order=30)
        from forum import personal_data

        personal_data.register()
        moderation.register()
        from forum.messages import moderation as message_moderation

        message_moderation.register()
        from hub.base.notifications import register_kind

        register_kind(
            "forum.reply",
            label="Replies in threads you watch",
            description="Someone replies in a thread you started, posted in or watch.",
        )
        register_kind(
            "forum.new_thread",
            label="New threads in categories you watch",
            description="Someone starts a thread in a category you watch.",
        )
        register_kind(
            "forum.mention",
            label="Mentions",
            description="Someone mentions you with @ and your username.",
        )
        register_kind(
            "forum.quote",
            label="Quotes of your posts",
            description="Someone quotes one of your posts in a reply.",
        )
        register_kind(
            "forum.solution",
            label="Your reply marked as the solution",
            description="A thread's author marks your reply as the answer to their question.",
        )
        register_kind(
            "forum.message",
            label="Private messages",
            description="A member sends you a private message, or replies in a conversation.",
        )
        register_kind(
            "forum.hidden",
            label="Moderators hide your posts",
            description="A moderator hides one of your threads or posts, with the reason.",
        )
