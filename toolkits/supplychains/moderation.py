"""Comments on primes' conduct are held for review (hub.base.moderation.held): only moderators
review them, never the prime they are about. Registered in ToolkitsConfig.ready()."""


def register() -> None:
    from hub.base.moderation import held
    from toolkits.supplychains.models import ConductComment

    held.register(
        held.HeldKind(
            model=ConductComment,
            permission="toolkits.review_conductcomment",
            action_prefix="toolkits.conduct_comment_",
            # Never the organisation that wrote it: moderators judge the words alone.
            describe=lambda comment: f"a comment on {comment.prime.name}'s conduct",
            where=lambda comment: f"Feedback for {comment.year}",
            excerpt_field="text",
            related=("prime",),
            order_by=("id",),
        )
    )
