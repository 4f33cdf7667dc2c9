"""Private messages: the member's conversations, one conversation, a new one, leaving, and
reporting a message. Every conversation is found through the member's own participant row, so
anyone else (moderators included) gets a 404; moderators see a message only once a member
reports it, through the review queue."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from forum import permissions
from forum.forms import ConversationForm, MessageForm
from forum.messages import selectors, services
from forum.models import Message
from forum.views.common import trail
from hub.base import ratelimit
from hub.base.idempotency import create_once
from hub.base.moderation import selectors as moderation_selectors
from hub.base.moderation import views as moderation
from hub.base.moderation.models import Report
from hub.base.views.common import apply_errors, posted


def _crumbs(*extra) -> list:
    return trail(("Private messages", reverse("forum_conversations")), *extra)


def _within(request, form, *, new_conversation: bool) -> bool:
    """The sending limits (tighter for new members); if over one, the form says so and keeps
    the text."""
    new = permissions.is_new_member(request.user)
    for group, rate in ratelimit.forum_message_rates(
        new_member=new, new_conversation=new_conversation
    ):
        if ratelimit.over_limit(request, group=group, rate=rate):
            count, period = rate.split("/")
            period = {"h": "hour", "d": "day"}[period]
            noun = "conversations" if group == "forum_conversation_new" else "messages"
            form.add_error(
                None,
                f"You have started or sent {count} {noun} in the last {period}, the most "
                f"{'a new member' if new else 'anyone'} can. Wait a while and send it again: "
                "your text is still here.",
            )
            return False
    return True


@login_required
def conversations(request):
    page = selectors.inbox_page(
        request.user, after=request.GET.get("after"), before=request.GET.get("before")
    )
    return render(
        request,
        "forum/conversations.html",
        {
            "page": page,
            "can_message": services.can_message(request.user),
            "breadcrumbs": trail(),
        },
    )


@login_required
def conversation_new(request):
    if not services.can_message(request.user):
        raise PermissionDenied("Join your organisation on the hub to send private messages.")
    initial = {"to": request.GET.get("to", "")[:400]}
    form = ConversationForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data, key = form.cleaned_data, form.cleaned_data.get("submission_key")
        try:
            recipients = services.recipients_from(data["to"], sender=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if _within(request, form, new_conversation=True):
                try:
                    message, _ = create_once(
                        Message,
                        key=key,
                        owner={"author": request.user},
                        create=lambda: services.conversation_start(
                            sender=request.user, recipients=recipients,
                            subject=data["subject"], body=data["body"], submission_key=key,
                        ).messages.get(),
                    )  # fmt: skip
                except ValidationError as exc:
                    apply_errors(form, exc)
                else:
                    flash.success(request, "Your message is sent.")
                    return redirect(message.conversation)
    return render(
        request,
        "forum/conversation_new.html",
        {"form": form, "breadcrumbs": _crumbs()},
    )


def _participation(request, pk):
    participation = selectors.participation(request.user, pk)
    if participation is None or participation.left_at is not None:
        raise Http404("No such conversation.")
    return participation


@login_required
def conversation(request, pk):
    me = _participation(request, pk)
    conversation = me.conversation
    form = MessageForm(posted(request))
    posting = request.method == "POST" and form.is_valid()
    if posting and _within(request, form, new_conversation=False):
        key = form.cleaned_data.get("submission_key")
        try:
            create_once(
                Message,
                key=key,
                owner={"author": request.user},
                create=lambda: services.message_send(
                    sender=request.user, conversation=conversation,
                    body=form.cleaned_data["body"], submission_key=key,
                ),
            )  # fmt: skip
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            flash.success(request, "Your message is sent.")
            return redirect(conversation)
    page = selectors.message_page(
        conversation, after=request.GET.get("after"), before=request.GET.get("before")
    )
    services.mark_read(user=request.user, conversation=conversation)
    return render(
        request,
        "forum/conversation.html",
        {
            "conversation": conversation,
            "people": selectors.people(conversation),
            "page": page,
            "form": form,
            "reported": moderation_selectors.reported_by(request.user, page.items),
            "can_message": services.can_message(request.user),
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_POST
def conversation_leave(request, pk):
    me = _participation(request, pk)
    services.conversation_leave(user=request.user, conversation=me.conversation)
    flash.success(request, f"You have left “{me.conversation.subject}”.")
    return redirect("forum_conversations")


def _message(request, pk) -> Message:
    message = get_object_or_404(Message.objects.select_related("conversation", "author"), pk=pk)
    _participation(request, message.conversation_id)
    return message


@login_required
def message_link(request, pk):
    """A message's address. Its participants go to it in the conversation; a moderator sees
    it alone, and only while a member's report is about it; anyone else gets a 404."""
    message = get_object_or_404(Message.objects.select_related("conversation", "author"), pk=pk)
    me = selectors.participation(request.user, message.conversation_id)
    if me is not None and me.left_at is None:
        return redirect(f"{message.conversation.get_absolute_url()}#message-{message.pk}")
    reported = Report.objects.about(message).exists()
    if not (reported and permissions.is_moderator(request.user)):
        raise Http404("No such message.")
    return render(
        request,
        "forum/message_reported.html",
        {"message": message, "breadcrumbs": trail()},
    )


@login_required
def message_report(request, pk):
    message = _message(request, pk)
    where = (message.conversation.subject, message.conversation.get_absolute_url())
    context = {
        "heading": "Report a private message to a moderator",
        "button": "Send report",
        "message": message,
        "breadcrumbs": _crumbs(where),
        "cancel_url": message.conversation.get_absolute_url(),
    }
    return moderation.report(
        request, message, template="forum/message_action.html", context=context
    )
