"""Writes for the forum. Each checks the actor's right to act, validates, then saves in one
transaction; a thread's and a category's counters change in the same transaction as the post."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from forum import permissions
from forum.models import Category, Post, Reaction, Thread, ThreadRead, Watch
from forum.moderation import post_gone
from hub.base import notifications, revisions
from hub.base.models import User

MENTION = re.compile(r"(?<![\w/@.])@([A-Za-z0-9_.+-]{3,150})")
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
MAX_MENTIONS = 10


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Enter your message."})
    if len(body) > 20_000:
        raise ValidationError({"body": "Posts must be 20,000 characters or fewer."})
    return body


def _check_limits(author: User, *, body: str, new_thread: bool) -> None:
    """The limits on new members, each with a message that says what to do."""
    if not permissions.is_new_member(author):
        return
    now = timezone.now()
    days = settings.FORUM_NEW_MEMBER_DAYS
    last = Post.objects.filter(author=author).order_by("-created_at").first()
    wait = settings.FORUM_SECONDS_BETWEEN_POSTS
    if last and (now - last.created_at).total_seconds() < wait:
        left = wait - int((now - last.created_at).total_seconds())
        raise ValidationError(
            f"You posted a moment ago. New members wait {wait} seconds between posts: "
            f"try again in {max(left, 1)} seconds. Your text is still here."
        )
    since = now - timedelta(days=1)
    if new_thread:
        limit = settings.FORUM_NEW_MEMBER_THREADS_PER_DAY
        if Thread.objects.filter(author=author, created_at__gte=since).count() >= limit:
            raise ValidationError(
                f"New members can start {limit} threads a day, and you have reached that. "
                f"You can still reply to threads. The limit lifts when your account is "
                f"{days} days old."
            )
    else:
        limit = settings.FORUM_NEW_MEMBER_REPLIES_PER_DAY
        if Post.objects.filter(author=author, created_at__gte=since, number__gt=1).count() >= limit:
            raise ValidationError(
                f"New members can post {limit} replies a day, and you have reached that. "
                f"Try again tomorrow; the limit lifts when your account is {days} days old."
            )
    links = len(LINK.findall(body))
    allowed = settings.FORUM_NEW_MEMBER_LINKS_PER_POST
    if links > allowed:
        raise ValidationError(
            {
                "body": f"New members can include up to {allowed} links in a post; this one "
                f"has {links}. Remove {links - allowed}, or post them once your account is "
                f"{days} days old."
            }
        )


def _mentioned(body: str, *, exclude: int) -> list[User]:
    names = list(dict.fromkeys(m.lower() for m in MENTION.findall(body)))[:MAX_MENTIONS]
    if not names:
        return []
    users = User.objects.filter(username__in=names, is_active=True).exclude(pk=exclude)
    return list(users)


def _notify_post(post: Post, *, quote_of: Post | None, new_thread: bool) -> None:
    """Tell the people a post concerns: mentioned, quoted, and watchers (each once)."""
    thread, author = post.thread, post.author
    told = {author.pk}
    url = post.get_absolute_url()
    for user in _mentioned(post.body, exclude=author.pk):
        notifications.notify(
            recipient=user, kind="forum.mention", actor=author, url=url,
            message=f"{author.public_name} mentioned you in “{thread.title}”.",
        )  # fmt: skip
        told.add(user.pk)
    if quote_of is not None and quote_of.author_id not in told:
        notifications.notify(
            recipient=quote_of.author, kind="forum.quote", actor=author, url=url,
            message=f"{author.public_name} quoted your post in “{thread.title}”.",
        )  # fmt: skip
        told.add(quote_of.author_id)
    if new_thread:
        watchers = Watch.objects.filter(category=thread.category_id)
        kind, message = (
            "forum.new_thread",
            f"{author.public_name} started “{thread.title}” in {thread.category.name}.",
        )
    else:
        watchers = Watch.objects.filter(thread=thread)
        kind, message = "forum.reply", f"{author.public_name} replied in “{thread.title}”."
    for watch in watchers.exclude(user_id__in=told).select_related("user"):
        if not thread.category.is_public or watch.user.is_active:
            notifications.notify(
                recipient=watch.user, kind=kind, actor=author, url=url, message=message
            )


def _add_post(thread: Thread, *, author: User, body: str, submission_key=None, when=None) -> Post:
    """Append a post under the thread's row lock: the next number, and every counter."""
    locked = Thread.objects.select_for_update().get(pk=thread.pk)
    post = Post.objects.create(
        thread=locked,
        number=locked.post_count + 1,
        author=author,
        body=body,
        mentions=[u.lower() for u in MENTION.findall(body)][:MAX_MENTIONS],
        submission_key=submission_key,
    )
    if when:
        Post.objects.filter(pk=post.pk).update(created_at=when)
        post.created_at = when
    now = post.created_at
    is_reply = post.number > 1
    Thread.objects.filter(pk=locked.pk).update(
        post_count=F("post_count") + 1,
        reply_count=F("reply_count") + (1 if is_reply else 0),
        last_post_at=now,
        last_post_author=author,
    )
    Category.objects.filter(pk=locked.category_id).update(
        post_count=F("post_count") + 1, last_post_at=now
    )
    Watch.objects.get_or_create(user=author, thread=locked)
    ThreadRead.objects.update_or_create(
        user=author, thread=locked, defaults={"last_read_number": post.number}
    )
    post.thread = Thread.objects.select_related("category").get(pk=locked.pk)
    return post


@transaction.atomic
def thread_create(
    *,
    author: User,
    category: Category,
    title: str,
    body: str,
    tags: list[str] | None = None,
    is_question: bool = False,
    case_study=None,
    organisation=None,
    page=None,
    performance_record=None,
    submission_key=None,
) -> Thread:
    """Start a thread with its opening post."""
    refusal = permissions.post_refusal(author)
    if refusal:
        raise PermissionDenied(refusal)
    if not permissions.can_read(author, category):
        raise PermissionDenied("You cannot post in this category.")
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Enter a title."})
    body = _clean_body(body)
    _check_limits(author, body=body, new_thread=True)
    now = timezone.now()
    thread = Thread.objects.create(
        category=category, title=title[:160], author=author, is_question=is_question,
        case_study=case_study, organisation=organisation, page=page,
        performance_record=performance_record,
        last_post_at=now, last_post_author=author,
    )  # fmt: skip
    if tags:
        thread.tags.set(tags)
    Category.objects.filter(pk=category.pk).update(thread_count=F("thread_count") + 1)
    post = _add_post(thread, author=author, body=body, submission_key=submission_key)
    _notify_post(post, quote_of=None, new_thread=True)
    return post.thread


@transaction.atomic
def post_create(
    *,
    author: User,
    thread: Thread,
    body: str,
    quote_of: Post | None = None,
    submission_key=None,
) -> Post:
    """Reply in a thread (quoting a post, perhaps); notifies watchers, the quoted and mentioned."""
    thread = Thread.objects.select_related("category").get(pk=thread.pk)  # its state now
    refusal = permissions.reply_refusal(author, thread)
    if refusal:
        raise PermissionDenied(refusal)
    if not permissions.can_read(author, thread.category):
        raise PermissionDenied("You cannot post in this category.")
    body = _clean_body(body)
    _check_limits(author, body=body, new_thread=False)
    if quote_of is not None and quote_of.thread_id != thread.pk:
        quote_of = None
    post = _add_post(thread, author=author, body=body, submission_key=submission_key)
    _notify_post(post, quote_of=quote_of, new_thread=False)
    return post


@transaction.atomic
def post_update(*, actor: User, post: Post, body: str) -> Post:
    """Edit a post (its author, or a moderator); it is marked as edited and the text it had is
    kept as an earlier version (hub.base.revisions) that readers can see."""
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    if not permissions.can_edit_post(actor, post):
        raise PermissionDenied("You cannot edit this post.")
    body = _clean_body(body)
    if body == post.body:
        return post
    revisions.keep(
        post, body=post.body, written_at=post.edited_at or post.created_at, replaced_by=actor
    )
    post.body = body
    post.mentions = [u.lower() for u in MENTION.findall(post.body)][:MAX_MENTIONS]
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "mentions", "edited_at"])
    if actor.pk != post.author_id:
        log(instance=post, action="forum.post_edit", user=actor)
    return post


@transaction.atomic
def post_delete(*, actor: User, post: Post) -> None:
    """Delete one's own post: its text (and its earlier versions) go; its place in the thread
    stays, as a placeholder."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if not permissions.can_delete_post(actor, post):
        raise PermissionDenied("You can only delete your own posts.")
    if post.hidden_at is None:
        post_gone(post)
    revisions.delete_for(post)
    post.deleted_at, post.body, post.mentions = timezone.now(), "", []
    post.save(update_fields=["deleted_at", "body", "mentions"])


@transaction.atomic
def reaction_set(*, user: User, post: Post, helpful: bool) -> int:
    """Say a post was helpful, or take that back (one per member; never one's own)."""
    if not user.is_authenticated or permissions.post_refusal(user):
        raise PermissionDenied("Join your organisation on the hub to react to posts.")
    if post.author_id == user.pk:
        raise PermissionDenied("You cannot mark your own post as helpful.")
    if helpful:
        try:
            with transaction.atomic():
                Reaction.objects.create(post=post, user=user)
        except IntegrityError:
            pass  # already there: a double click
        else:
            Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
    elif Reaction.objects.filter(post=post, user=user).delete()[0]:
        Post.objects.filter(pk=post.pk, helpful_count__gt=0).update(
            helpful_count=F("helpful_count") - 1
        )
    return Post.objects.values_list("helpful_count", flat=True).get(pk=post.pk)


@transaction.atomic
def solution_set(*, actor: User, post: Post) -> Thread:
    """Mark a reply as the answer to a question thread (its author or a moderator)."""
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    if not permissions.can_mark_solution(actor, thread):
        raise PermissionDenied("Only the person who asked can mark the solution.")
    if post.number == 1 or post.is_removed:
        raise ValidationError("Choose a reply that is still shown.")
    thread.solution = post
    thread.save(update_fields=["solution"])
    notifications.notify(
        recipient=post.author, kind="forum.solution", actor=actor, url=post.get_absolute_url(),
        message=f"Your reply was marked as the solution to “{thread.title}”.",
    )  # fmt: skip
    return thread


def watch_set(*, user: User, on: bool, thread: Thread | None = None, category=None) -> None:
    """Follow a thread or a category, or stop."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to watch.")
    target = {"thread": thread} if thread is not None else {"category": category}
    if on:
        try:
            with transaction.atomic():
                Watch.objects.get_or_create(user=user, **target)
        except IntegrityError:
            pass
    else:
        Watch.objects.filter(user=user, **target).delete()


def mark_read(*, user: User, thread: Thread, up_to: int) -> None:
    """Remember the furthest post a member has seen in a thread."""
    if not user.is_authenticated or up_to < 1:
        return
    updated = ThreadRead.objects.filter(
        user=user, thread=thread, last_read_number__lt=up_to
    ).update(last_read_number=up_to)
    if not updated:
        try:
            with transaction.atomic():
                ThreadRead.objects.get_or_create(
                    user=user, thread=thread, defaults={"last_read_number": up_to}
                )
        except IntegrityError:
            pass


# Moderating threads (posts are hub.base.moderation's, like every reported kind of content) ---


def _require_moderator(user) -> None:
    if not permissions.is_moderator(user):
        raise PermissionDenied("Only moderators can do that.")


@transaction.atomic
def thread_set(
    *, moderator: User, thread: Thread, locked: bool | None = None, pinned: bool | None = None
) -> Thread:
    """Lock or unlock, pin or unpin a thread."""
    _require_moderator(moderator)
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    changes = {}
    if locked is not None and thread.locked != locked:
        changes["locked"] = locked
    if pinned is not None and thread.pinned != pinned:
        changes["pinned"] = pinned
    for field, value in changes.items():
        setattr(thread, field, value)
        action = {"locked": ("lock", "unlock"), "pinned": ("pin", "unpin")}[field]
        log(instance=thread, action=f"forum.{action[0] if value else action[1]}", user=moderator)
    if changes:
        thread.save(update_fields=list(changes))
    return thread


@transaction.atomic
def thread_move(*, moderator: User, thread: Thread, category: Category) -> Thread:
    """Move a thread, and its counts, to another category."""
    _require_moderator(moderator)
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    old = thread.category_id
    if old == category.pk:
        return thread
    Category.objects.filter(pk=old).update(
        thread_count=F("thread_count") - 1, post_count=F("post_count") - thread.post_count
    )
    Category.objects.filter(pk=category.pk).update(
        thread_count=F("thread_count") + 1, post_count=F("post_count") + thread.post_count
    )
    thread.category = category
    thread.save(update_fields=["category"])
    log(instance=thread, action="forum.move", user=moderator, data={"to": category.name})
    return thread


@transaction.atomic
def thread_hide(*, moderator: User, thread: Thread, reason: str) -> Thread:
    """Take a whole thread off the forum with a reason its author sees."""
    _require_moderator(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter the reason the author will see."})
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    thread.hidden_at, thread.hidden_reason, thread.hidden_by = timezone.now(), reason, moderator
    thread.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    log(instance=thread, action="forum.thread_hide", user=moderator, data={"reason": reason})
    notifications.notify(
        recipient=thread.author, kind="forum.hidden", actor=moderator,
        url=thread.get_absolute_url(),
        message=f"A moderator hid your thread “{thread.title}”: {reason[:200]}",
    )  # fmt: skip
    return thread


@transaction.atomic
def thread_restore(*, moderator: User, thread: Thread) -> Thread:
    _require_moderator(moderator)
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    thread.hidden_at, thread.hidden_reason, thread.hidden_by = None, "", None
    thread.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    log(instance=thread, action="forum.thread_restore", user=moderator)
    return thread
