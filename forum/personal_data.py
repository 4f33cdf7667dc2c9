"""A member's threads, posts, reactions and watches: what their data download holds
(hub.base.personal_data) and what happens to each when they delete their account
(hub.base.erasure). Registered in ForumConfig.ready(). Reports are hub.base.moderation's."""

from hub.base import personal_data
from hub.base.erasure import Action
from hub.base.erasure import register as register_rule


def register() -> None:
    for model, field, action, why in [
        ("forum.Thread", "author", Action.KEEP, "Threads stay, started by a former member."),
        ("forum.Thread", "hidden_by", Action.CLEAR, "The moderation stays."),
        ("forum.Thread", "last_post_author", Action.KEEP, "Shown as a former member."),
        ("forum.Post", "author", Action.KEEP, "Posts stay, by a former member."),
        ("forum.Reaction", "user", Action.KEEP, "'Helpful' counts stay, anonymously."),
        ("forum.Watch", "user", Action.DELETE, "What they watched."),
        ("forum.ThreadRead", "user", Action.DELETE, "What they read."),
        ("forum.Draft", "user", Action.DELETE, "Their unsent drafts."),
        ("forum.Bookmark", "user", Action.DELETE, "What they bookmarked."),
        ("forum.Conversation", "started_by", Action.CLEAR, "The others keep the conversation."),
        ("forum.Participant", "user", Action.DELETE, "They leave every conversation."),
        ("forum.Message", "author", Action.KEEP, "The others keep the messages they were sent."),
    ]:
        register_rule(model, field, action, why=why)
    _register_sections()


def _register_sections() -> None:
    from forum.models import Bookmark, Draft, Message, Participant, Post, Reaction, Thread, Watch
    from hub.base import revisions

    revisions.register_personal_data(
        "forum_post_versions", Post, author_field="author", what="your forum posts"
    )

    sections = [
        (
            "forum_threads",
            Thread,
            "author",
            "threads you started",
            "id title category__name created_at hidden_at",
        ),
        (
            "forum_posts",
            Post,
            "author",
            "your forum posts",
            "id thread_id thread__title number body created_at edited_at deleted_at hidden_at",
        ),
        (
            "forum_reactions",
            Reaction,
            "user",
            "posts you marked helpful",
            "post_id post__thread__title created_at",
        ),
        (
            "forum_watches",
            Watch,
            "user",
            "threads and categories you watch",
            "thread__title category__name created_at",
        ),
        (
            "forum_drafts",
            Draft,
            "user",
            "your unsent forum drafts",
            "thread__title category__name title body tags updated_at",
        ),
        (
            "forum_bookmarks",
            Bookmark,
            "user",
            "threads and posts you bookmarked",
            "thread__title post_id post__thread__title created_at",
        ),
        (
            "forum_conversations",
            Participant,
            "user",
            "your private conversations",
            "conversation_id conversation__subject joined_at left_at",
        ),
        (
            "forum_messages",
            Message,
            "author",
            "private messages you sent",
            "conversation_id conversation__subject body created_at hidden_at",
        ),
    ]
    for name, model, field, description, fields in sections:
        personal_data.register(
            name,
            lambda user, model=model, field=field: model.objects.filter(**{field: user}),
            fields=fields.split(),
            description=description,
        )
