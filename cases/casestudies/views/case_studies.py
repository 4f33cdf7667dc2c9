"""Browsing, posting and editing case studies."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from cases import caching
from cases.casestudies import permissions, ratings, selectors, services
from cases.casestudies.filters import SORTS, CaseStudyFilter
from cases.casestudies.forms import CaseStudyForm, CommentForm, RatingForm
from cases.casestudies.models import CaseStudy
from cases.casestudies.views import comment_cache, feeds
from cases.casestudies.views.common import trail, visible_case_study
from hub.base import ratelimit
from hub.base.idempotency import create_once
from hub.base.markdown import render_markdown
from hub.base.views.common import apply_errors, posted


def case_study_list(request):
    filterset = CaseStudyFilter(request.GET or None, queryset=CaseStudy.objects.published())
    valid = not filterset.is_bound or filterset.is_valid()
    queryset = filterset.qs if filterset.is_bound and valid else CaseStudy.objects.published()
    sort, text = filterset.sort_key, filterset.search_text
    query = request.GET.copy()
    for key in ("page", "after", "before"):
        query.pop(key, None)
    # Counting and faceting read every matching case study: cached per filter until a case
    # study (or a record, for the evidenced filter) changes (cases.caching).
    filters = [(k, v) for k, v in sorted(query.lists()) if k != "sort"]
    parts = [filters, valid, caching.version(caching.RECORDS)]
    results = None
    if text:
        refusal = ratelimit.search_refusal(request, text)
        if refusal:
            return refusal
        page = selectors.case_study_search_page(queryset, text=text, page=request.GET.get("page"))
        total = page.paginator.count
    else:
        # The results column is the same for every viewer with these filters, sort and cursor:
        # rendered once, cached until a case study, a rating or a comment count changes.
        after, before = request.GET.get("after"), request.GET.get("before")
        results_key = None
        if len(after or "") + len(before or "") < 200:
            results_key = caching.results_key([parts, sort, after, before])
            results = cache.get(results_key)
        if results is None:
            page = selectors.case_study_page(queryset, sort=sort, after=after, before=before)
            total = caching.cached(
                "case_study_total", parts, queryset.count, namespace=caching.CASE_STUDIES
            )
        else:
            page = total = None
    selected = {
        name: request.GET.getlist(name)
        for name in ("group", "barrier", "stage", "area", "kind", "tag")
    }
    sort_links = []
    for key, (label, _) in SORTS.items():
        q = query.copy()
        q["sort"] = key
        sort_links.append(
            {"key": key, "label": label, "query": q.urlencode(), "current": key == sort}
        )
    facets = caching.cached(
        "case_study_facets",
        parts,
        lambda: selectors.facet_counts(queryset, selected),
        namespace=caching.CASE_STUDIES,
    )
    for option in facets["tag"]:
        q = query.copy()
        if option.selected:
            q.pop("tag", None)
        else:
            q["tag"] = option.value
        option.query = q.urlencode()
    context = {
        "filter": filterset,
        "page": page,
        "keyset": not text,
        "total": total,
        "facets": facets,
        "sort": sort,
        "sort_links": sort_links,
        "searching": bool(text),
        "query": query.urlencode(),
        "has_filters": bool(query),
        "feed_query": feeds.filter_query(request.GET),
        # The search-and-filter column is the same for everyone with these filters.
        "sidebar_key": caching.key(
            "case_study_sidebar", [parts, sort], namespace=caching.CASE_STUDIES
        ),
        "breadcrumbs": [("Home", "/")],
    }
    if not text and results is None:
        results = render_to_string("cases/includes/case_study_results.html", context)
        if results_key:
            cache.set(results_key, str(results), caching.TIMEOUT)
    context["results"] = mark_safe(results) if results is not None else None  # noqa: S308
    return render(request, "cases/case_study_list.html", context)


def case_study_detail(request, pk):
    page = request.GET.get("comments")
    key = None
    if not request.user.is_authenticated:
        # Visitors who are not signed in all see the same page (no forms, no tokens): it is
        # cached whole, until anything it shows changes (cases.caching.visitor_page_key).
        key = caching.visitor_page_key(pk, page)
        cached = cache.get(key) if key else None
        if cached is not None:
            return _detail_page(request, cached)
    try:
        case_study = selectors.case_study_for_page(pk, request.user)
    except CaseStudy.DoesNotExist as exc:
        raise Http404("No such case study.") from exc
    context = _detail_context(request, case_study, page=page)
    rendered = {
        "title": case_study.title,
        "summary": case_study.summary,
        "body": str(render_to_string("cases/case_study_body.html", context, request)),
    }
    if key and case_study.is_published:
        cache.set(key, rendered, caching.TIMEOUT)
    return _detail_page(request, rendered)


def _detail_page(request, rendered: dict):
    return render(
        request,
        "cases/case_study_detail.html",
        {
            "title": rendered["title"],
            "summary": rendered["summary"],
            "body": mark_safe(rendered["body"]),  # noqa: S308 - our own templates' output
            "breadcrumbs": trail(),
        },
    )


def _detail_context(request, case_study, *, page=None, rating_form=None, comment_form=None):
    user = request.user
    own_rating = selectors.rating_of(user, case_study)
    context = {
        "case_study": case_study,
        "own_rating": own_rating,
        "rating_form": rating_form
        or RatingForm(initial={"score": own_rating.score} if own_rating else None),
        "rating_refusal": permissions.rating_refusal(user, case_study),
        "comment_form": comment_form or CommentForm(),
        "comment_refusal": permissions.comment_refusal(user, case_study),
        "flagged": selectors.flagged_by(user, case_study=case_study),
        "evidence": selectors.case_study_evidence(case_study),
        "can_edit": permissions.can_edit(user, case_study),
        "can_delete": permissions.can_delete(user, case_study),
        "can_see_history": permissions.can_see_history(user, case_study),
        "is_moderator": permissions.is_moderator(user),
        "can_feature": permissions.can_feature(user, case_study),
        "breadcrumbs": trail(),
    }
    # What every viewer sees alike, read from the cache in two round trips (cases.caching):
    # terms, rating bars, related case studies and approach links (nine queries otherwise),
    # the rendered comment threads (per-viewer parts filled in from `context`) and the forum's
    # threads about it.
    keys = caching.case_study_page_keys(
        case_study, comments_page=page, signed_in=user.is_authenticated
    )
    found = cache.get_many([k for k in keys.values() if k])
    missing = {}
    shared = found.get(keys["shared"])
    if shared is None:
        shared = missing[keys["shared"]] = _shared(case_study)
    context.update(shared)
    context["comment_threads"], fresh = comment_cache.threads(
        request, case_study, page=page, value=found.get(keys["comments"]), context=context
    )
    if fresh is not None and keys["comments"]:
        missing[keys["comments"]] = fresh
    threads = found.get(keys["threads"])
    if threads is None:
        threads = missing[keys["threads"]] = str(
            render_to_string("cases/includes/forum_threads.html", context, request)
        )
    context["forum_threads"] = mark_safe(threads)  # noqa: S308 - our own templates' output
    if missing:
        cache.set_many(missing, caching.TIMEOUT)
    return context


def _shared(case_study) -> dict:
    return {
        "terms": selectors.case_study_terms(case_study),
        "distribution": selectors.rating_distribution(case_study)
        if case_study.rating_count
        else [],
        "related": selectors.related_case_studies(case_study),
        "approach_links": selectors.approach_links(case_study),
    }


@login_required
def case_study_create(request):
    organisations = selectors.member_organisations(request.user)
    if not organisations.exists():
        return render(request, "cases/case_study_need_membership.html", {"breadcrumbs": trail()})
    form = CaseStudyForm(posted(request), organisations=organisations)
    action = request.POST.get("action", "draft")
    preview = None
    if request.method == "POST" and form.is_valid():
        if action == "preview":
            preview = _preview(form)
        elif ratelimit.over_limit(
            request, group="case_study_create", rate=f"{settings.HUB_CASE_STUDIES_PER_DAY}/d"
        ):
            form.add_error(None, "You have posted a lot of case studies today. Try again tomorrow.")
        else:
            publish = action == "publish"
            key = form.cleaned_data.get("submission_key")
            try:
                case_study, created = create_once(
                    CaseStudy,
                    key=key,
                    owner={"author": request.user},
                    create=lambda: _create(request.user, form, publish, key),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                if created:
                    messages.success(
                        request,
                        "Your case study is published."
                        if publish
                        else "Your case study is saved as a draft. Only you, your organisation's "
                        "admins and moderators can see it.",
                    )
                return redirect(case_study)
    return render(
        request,
        "cases/case_study_form.html",
        {"form": form, "case_study": None, "preview": preview, "breadcrumbs": trail()},
    )


def _create(user, form, publish, key):
    return services.case_study_create(
        author=user,
        organisation=form.cleaned_data["organisation"],
        data=form.service_data(),
        publish=publish,
        submission_key=key,
    )


def _preview(form) -> dict:
    """The posted text as it would appear, without saving anything."""
    data = form.cleaned_data
    return {
        "title": data["title"],
        "summary": data["summary"],
        "body": render_markdown(data["body"]),
        "what_was_done": render_markdown(data["what_was_done"]),
        "outcomes": render_markdown(data["outcomes"]),
        "lessons": render_markdown(data["lessons"]),
    }


def _editable(request, pk) -> CaseStudy:
    case_study = visible_case_study(request, pk)
    if not permissions.can_edit(request.user, case_study):
        raise PermissionDenied("You cannot edit this case study.")
    return case_study


@login_required
def case_study_edit(request, pk):
    case_study = _editable(request, pk)
    organisations = selectors.member_organisations(case_study.author)
    form = CaseStudyForm(posted(request), instance=case_study, organisations=organisations)
    action = request.POST.get("action", "save")
    preview = None
    if request.method == "POST" and form.is_valid():
        if action == "preview":
            preview = _preview(form)
        else:
            publish = {"publish": True, "unpublish": False}.get(action)
            data = form.service_data()
            data["organisation"] = form.cleaned_data["organisation"]
            try:
                services.case_study_update(
                    actor=request.user, case_study=case_study, data=data, publish=publish
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "Your changes are saved.")
                return redirect(case_study)
    return render(
        request,
        "cases/case_study_form.html",
        {
            "form": form,
            "case_study": case_study,
            "preview": preview,
            "breadcrumbs": trail(case_study),
        },
    )


@login_required
@require_POST
def case_study_publish(request, pk):
    case_study = _editable(request, pk)
    published = request.POST.get("published") == "1"
    try:
        services.case_study_set_published(
            actor=request.user, case_study=case_study, published=published
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request,
            "Your case study is published."
            if published
            else "Your case study is back to draft: only you, your organisation's admins and "
            "moderators can see it.",
        )
    return redirect(case_study)


@login_required
def case_study_delete(request, pk):
    case_study = visible_case_study(request, pk)
    if not permissions.can_delete(request.user, case_study):
        raise PermissionDenied("You cannot delete this case study.")
    if request.method == "POST":
        title = case_study.title
        services.case_study_delete(actor=request.user, case_study=case_study)
        messages.success(request, f"“{title}” has been deleted.")
        return redirect("case_study_mine")
    return render(
        request,
        "cases/case_study_delete.html",
        {"case_study": case_study, "breadcrumbs": trail(case_study)},
    )


@login_required
def case_study_history(request, pk):
    case_study = visible_case_study(request, pk)
    if not permissions.can_see_history(request.user, case_study):
        raise PermissionDenied(
            "Only the author, their organisation's admins and moderators can see the history."
        )
    page = Paginator(selectors.revisions(case_study), 25).get_page(request.GET.get("page"))
    entries = list(page.object_list)
    # Each entry is shown with what changed since the one before it.
    previous = (
        selectors.revisions(case_study).filter(created_at__lt=entries[-1].created_at).first()
        if entries
        else None
    )
    changes = []
    for i, entry in enumerate(entries):
        older = entries[i + 1] if i + 1 < len(entries) else previous
        changes.append((entry, _changed_fields(entry.content, older.content if older else None)))
    return render(
        request,
        "cases/case_study_history.html",
        {
            "case_study": case_study,
            "page": page,
            "changes": changes,
            "query": "",
            "breadcrumbs": trail(case_study),
        },
    )


FIELD_LABELS = {
    "title": "Title", "summary": "Summary", "body": "The story", "organisation": "Organisation",
    "delivery_approach": "How it was delivered", "provision": "End-to-end or specialist",
    "partners": "Partners", "what_was_done": "What was done", "outcomes": "Outcomes",
    "participants": "People supported", "job_starts": "Job starts", "job_outcomes": "Job outcomes",
    "lessons": "Lessons and pitfalls", "period_start": "Period from", "period_end": "Period to",
    "claimant_groups": "Claimant groups", "barriers": "Barriers",
    "journey_stages": "Journey stages", "areas": "Areas", "tags": "Tags", "status": "State",
    "approaches": "Approaches", "comparison": "Compared with",
    "comparison_outcome_rate": "Comparison's job outcome rate",
    "follow_up_months": "Months followed up", "cost_per_participant": "Cost per participant",
    "cost_covers": "What the cost covers",
}  # fmt: skip


def _changed_fields(new: dict, old: dict | None) -> list[dict]:
    """The fields that differ between two snapshots, with the before and after text."""
    if old is None:
        return []
    changed = []
    for key, label in FIELD_LABELS.items():
        before, after = old.get(key), new.get(key)
        if before != after:
            fmt = lambda v: ", ".join(v) if isinstance(v, list) else ("" if v is None else str(v))  # noqa: E731
            changed.append({"label": label, "before": fmt(before), "after": fmt(after)})
    return changed


@login_required
def case_study_mine(request):
    page = Paginator(selectors.managed_by(request.user), settings.HUB_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "cases/case_study_mine.html",
        {
            "page": page,
            "query": "",
            "breadcrumbs": trail(),
            "can_post": permissions.can_post(request.user),
        },
    )


def rating_help(request):
    """How 'top rated' works, with worked examples computed by the same function the site uses."""
    examples = [
        ("One rating of 5", 1, 5),
        ("Three ratings of 5", 3, 15),
        ("Ten ratings averaging 4.0", 10, 40),
        ("Forty ratings averaging 4.6", 40, 184),
        ("Two ratings of 1", 2, 2),
        ("No ratings yet", 0, 0),
    ]
    rows = [
        {
            "label": label,
            "count": count,
            "mean": ratings.mean(count, total),
            "score": ratings.bayesian_average(count, total),
        }
        for label, count, total in examples
    ]
    return render(
        request,
        "cases/rating_help.html",
        {
            "rows": sorted(rows, key=lambda r: r["score"], reverse=True),
            "prior_mean": ratings.PRIOR_MEAN,
            "prior_weight": ratings.PRIOR_WEIGHT,
            "breadcrumbs": trail(),
        },
    )
