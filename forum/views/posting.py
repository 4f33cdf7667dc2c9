"""Taking part: starting threads, replying, editing, reacting, reporting and watching."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from forum import permissions, services
from forum.forms import PostEditForm, ReplyForm, ThreadForm
from forum.habits import selectors as habits
from forum.habits import services as drafts
from forum.models import Category, Post
from forum.views.common import (
    readable_post,
    readable_thread,
    refuse_members_only,
    trail,
)
from hub.base import ratelimit
from hub.base.idempotency import create_once
from hub.base.moderation import views as moderation
from hub.base.views.common import apply_errors, posted


def _quote(post: Post) -> str:
    """The Markdown a quote-reply starts with."""
    lines = "\n".join(f"> {line}" for line in post.body.splitlines()[:12])
    return f"{lines}\n>\n> — @{post.author.username}, post {post.number}\n\n"


def _about(request) -> dict:
    """What a new thread is about, from ?case_study=, ?record=, ?organisation= or ?page= (a live
    workshop note) or the form's copy."""
    from cases.casestudies import selectors as cases
    from cases.performance import selectors as records
    from hub.base.models import Organisation

    source = request.POST if request.method == "POST" else request.GET
    about = {}
    value = source.get("case_study", "")
    if value.isdigit():
        case_study = cases.published_case_study(int(value))
        if case_study:
            about["case_study"] = case_study
    value = source.get("record", "")
    if value.isdigit():
        record = records.visible_record(int(value), request.user)
        if record:
            about["performance_record"] = record
    value = source.get("organisation", "")
    if value.isdigit():
        organisation = Organisation.objects.filter(pk=value).first()
        if organisation:
            about["organisation"] = organisation
    value = source.get("page", "")
    if value.isdigit():
        from wagtail.models import Page

        # Pages that invite follow-up threads (workshop notes) say so by this attribute.
        page = Page.objects.live().public().filter(pk=value).specific().first()
        if page is not None and getattr(page, "takes_follow_up_threads", False):
            about["page"] = page
    return about


PREVIEW, SAVE_DRAFT = "preview", "draft"
DRAFT_SAVES_PER_HOUR = 600  # autosave posts at most every couple of seconds while typing


def _action(request) -> str:
    """Which button sent the form: "post" (the default, also Enter), "preview" or "draft"."""
    if request.method != "POST":
        return ""
    action = request.POST.get("action", "post")
    return action if action in (PREVIEW, SAVE_DRAFT) else "post"


def _as_typed(form_class, request, **extra):
    """An unbound form holding what was typed (so previewing or saving a draft shows no
    "required" errors and loses nothing)."""
    fields = [name for name in form_class.base_fields if name in request.POST]
    return form_class(initial={**{name: request.POST.get(name) for name in fields}, **extra})


def _preview(body: str) -> Post:
    """An unsaved post, rendered through the same filter (Markdown, nh3, mentions) as a saved
    one."""
    return Post(body=body or "", mentions=[m.lower() for m in services.MENTION.findall(body)])


def _keep_draft(request, *, thread=None, category=None) -> None:
    post = request.POST
    drafts.draft_save(
        user=request.user, thread=thread, category=category, body=post.get("body", ""),
        title=post.get("title", ""), tags=post.get("tags", ""),
    )  # fmt: skip


THREAD_LIMIT = "thread"
REPLY_LIMIT = "reply"


def _within(request, form, kind: str) -> bool:
    """Whether the member is within the posting limits that hold for everyone (new members
    have tighter ones in the services); if not, the form says so and keeps the text."""
    if kind == THREAD_LIMIT:
        checks = [("forum_thread", ratelimit.forum_thread_rate(), "hour")]
    else:
        minute, hour = ratelimit.forum_reply_rates()
        checks = [("forum_reply_burst", minute, "minute"), ("forum_reply", hour, "hour")]
    for group, rate, period in checks:
        if ratelimit.over_limit(request, group=group, rate=rate):
            count = rate.split("/")[0]
            noun = "threads" if kind == THREAD_LIMIT else "replies"
            form.add_error(
                None,
                f"You have posted {count} {noun} in the last {period}, the most anyone can. "
                f"Wait a while and post again: your text is still here.",
            )
            return False
    return True


@login_required
def discuss(request):
    """Start a thread about a case study or an organisation: first choose where it goes."""
    about = _about(request)
    if not about:
        return redirect("forum_index")
    categories = Category.objects.all()
    chosen = request.GET.get("category")
    if chosen:
        category = get_object_or_404(Category, slug=chosen)
        names = {"performance_record": "record"}
        target = "&".join(f"{names.get(k, k)}={v.pk}" for k, v in about.items())
        return redirect(f"{category.get_absolute_url()}new/?{target}")
    return render(
        request,
        "forum/discuss.html",
        {"about": about, "categories": categories, "breadcrumbs": trail()},
    )


@login_required
def thread_create(request, slug):
    category = get_object_or_404(Category, slug=slug)
    if not permissions.can_read(request.user, category):
        return refuse_members_only(request, category)
    refusal = permissions.post_refusal(request.user)
    if refusal:
        messages.error(request, refusal)
        return redirect(category)
    form = ThreadForm(posted(request))
    about = _about(request)
    action, preview = _action(request), None
    draft = habits.draft_for(request.user, category=category)
    if request.method == "GET" and draft:
        form = ThreadForm(initial={"title": draft.title, "body": draft.body, "tags": draft.tags})
    if action in (PREVIEW, SAVE_DRAFT):
        _keep_draft(request, category=category)
        form = _as_typed(ThreadForm, request)
        if action == PREVIEW:
            preview = _preview(request.POST.get("body", ""))
        else:
            messages.success(request, "Your draft is saved. It will be here when you come back.")
    elif request.method == "POST" and form.is_valid() and _within(request, form, THREAD_LIMIT):
        data, key = form.cleaned_data, form.cleaned_data.get("submission_key")
        try:
            post, _ = create_once(
                Post,
                key=key,
                owner={"author": request.user},
                create=lambda: services.thread_create(
                    author=request.user,
                    category=category,
                    title=data["title"],
                    body=data["body"],
                    tags=data["tags"],
                    is_question=data["is_question"],
                    submission_key=key,
                    **about,
                ).posts.get(number=1),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            drafts.draft_delete(user=request.user, category=category)
            messages.success(request, "Your thread is started. You are watching it.")
            return redirect(post.thread)
    return render(
        request,
        "forum/thread_form.html",
        {
            "form": form,
            "category": category,
            "about": about,
            "preview": preview,
            "draft": draft,
            "breadcrumbs": trail((category.name, category.get_absolute_url())),
        },
    )


@login_required
def reply_create(request, pk):
    thread = readable_thread(request, pk)
    if not permissions.can_read(request.user, thread.category):
        return refuse_members_only(request, thread.category)
    refusal = permissions.reply_refusal(request.user, thread)
    if refusal:
        messages.error(request, refusal)
        return redirect(thread)
    quote_id = request.POST.get("quote") or request.GET.get("quote")
    quote_of = None
    if quote_id and str(quote_id).isdigit():
        quote_of = (
            Post.objects.filter(
                pk=quote_id, thread=thread, deleted_at__isnull=True, hidden_at__isnull=True
            )
            .select_related("author")
            .first()
        )
    initial = {"body": _quote(quote_of), "quote": quote_of.pk} if quote_of else None
    form = ReplyForm(posted(request), initial=initial)
    action, preview = _action(request), None
    draft = habits.draft_for(request.user, thread=thread)
    if request.method == "GET" and draft:
        body = f"{draft.body}\n\n{initial['body']}" if initial else draft.body
        form = ReplyForm(initial={**(initial or {}), "body": body})
    if action in (PREVIEW, SAVE_DRAFT):
        _keep_draft(request, thread=thread)
        form = _as_typed(ReplyForm, request)
        if action == PREVIEW:
            preview = _preview(request.POST.get("body", ""))
        else:
            messages.success(request, "Your draft is saved. It will be here when you come back.")
    elif request.method == "POST" and form.is_valid() and _within(request, form, REPLY_LIMIT):
        key = form.cleaned_data.get("submission_key")
        try:
            post, _ = create_once(
                Post,
                key=key,
                owner={"author": request.user},
                create=lambda: services.post_create(
                    author=request.user,
                    thread=thread,
                    body=form.cleaned_data["body"],
                    quote_of=quote_of,
                    submission_key=key,
                ),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            drafts.draft_delete(user=request.user, thread=thread)
            messages.success(request, "Your reply is posted.")
            return redirect(post.get_absolute_url())
    return render(
        request,
        "forum/reply_form.html",
        {
            "form": form,
            "thread": thread,
            "quote_of": quote_of,
            "preview": preview,
            "draft": draft,
            "breadcrumbs": trail(
                (thread.category.name, thread.category.get_absolute_url()),
                (thread.title, thread.get_absolute_url()),
            ),
        },
    )


@login_required
def post_edit(request, pk):
    post = readable_post(request, pk)
    if not permissions.can_edit_post(request.user, post):
        raise PermissionDenied("You cannot edit this post.")
    form = PostEditForm(posted(request), initial={"body": post.body})
    preview = None
    if _action(request) == PREVIEW:
        form = _as_typed(PostEditForm, request)
        preview = _preview(request.POST.get("body", ""))
    elif request.method == "POST" and form.is_valid():
        try:
            services.post_update(actor=request.user, post=post, body=form.cleaned_data["body"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect(post.get_absolute_url())
    return render(
        request,
        "forum/post_edit.html",
        {
            "form": form,
            "post": post,
            "preview": preview,
            "breadcrumbs": trail((post.thread.title, post.thread.get_absolute_url())),
        },
    )


@login_required
def post_delete(request, pk):
    post = readable_post(request, pk)
    if not permissions.can_delete_post(request.user, post):
        raise PermissionDenied("You can only delete your own posts.")
    if request.method == "POST":
        services.post_delete(actor=request.user, post=post)
        messages.success(request, "Your post is deleted.")
        return redirect(post.get_absolute_url())
    return render(
        request,
        "forum/post_delete.html",
        {"post": post, "breadcrumbs": trail((post.thread.title, post.thread.get_absolute_url()))},
    )


@login_required
def post_flag(request, pk):
    post = readable_post(request, pk)
    crumbs = trail((post.thread.title, post.thread.get_absolute_url()))
    context = {"post": post, "heading": "Report a post to a moderator", "button": "Send report"}
    context["breadcrumbs"] = crumbs
    return moderation.report(request, post, template="forum/post_action.html", context=context)


@login_required
@require_POST
def post_helpful(request, pk):
    post = readable_post(request, pk)
    try:
        services.reaction_set(
            user=request.user, post=post, helpful=request.POST.get("helpful") == "1"
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def post_solution(request, pk):
    post = readable_post(request, pk)
    try:
        services.solution_set(actor=request.user, post=post)
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, getattr(exc, "messages", [str(exc)])[0])
    else:
        messages.success(request, "Marked as the solution.")
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def thread_watch(request, pk):
    thread = readable_thread(request, pk)
    on = request.POST.get("watch") == "1"
    services.watch_set(user=request.user, thread=thread, on=on)
    messages.success(
        request,
        "You are watching this thread: you will hear about new replies."
        if on
        else "You have stopped watching this thread.",
    )
    return redirect(thread)


@login_required
@require_POST
def category_watch(request, slug):
    category = get_object_or_404(Category, slug=slug)
    if not permissions.can_read(request.user, category):
        return refuse_members_only(request, category)
    on = request.POST.get("watch") == "1"
    services.watch_set(user=request.user, category=category, on=on)
    messages.success(
        request,
        f"You are watching {category.name}: you will hear about new threads."
        if on
        else f"You have stopped watching {category.name}.",
    )
    return redirect(category)


@login_required
@require_POST
def draft_save(request):
    """Autosave (JavaScript, debounced): keep the member's draft for a thread or a category.
    Answers JSON; the forms' own "Save draft" button does the same without JavaScript."""
    if ratelimit.over_limit(request, group="forum_draft", rate=f"{DRAFT_SAVES_PER_HOUR}/h"):
        return JsonResponse({"saved": False, "error": "Too many saves: wait a minute."}, status=429)
    thread = category = None
    if request.POST.get("thread", "").isdigit():
        thread = readable_thread(request, int(request.POST["thread"]))
        if not permissions.can_read(request.user, thread.category) or permissions.reply_refusal(
            request.user, thread
        ):
            raise Http404("No such thread.")
    elif request.POST.get("category"):
        category = get_object_or_404(Category, slug=request.POST["category"])
    else:
        raise Http404("Nothing to keep a draft for.")
    try:
        _keep_draft(request, thread=thread, category=category)
    except PermissionDenied as exc:
        return JsonResponse({"saved": False, "error": str(exc)}, status=403)
    return JsonResponse({"saved": True})
