"""Claimant feedback on the site: the claimant's page (no account), the organisation's own
results and review screen, an organisation's public results and the programme-wide view."""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cases.feedback import selectors, services
from cases.feedback.forms import ComplaintThemesForm, FeedbackForm, RejectForm
from cases.feedback.models import FeedbackLink, FeedbackResponse
from hub.base import charts, exports
from hub.base.models import JourneyStage, Organisation
from hub.base.moderation import services as moderation
from hub.base.ratelimit import over_limit, over_limit_for


def _link_or_gone(request, token: str):
    link = selectors.link_by_token(token)
    if link is None:
        return None, render(
            request, "cases/feedback/link_gone.html", {"replaced": False}, status=404
        )
    if link.retired_at is not None:
        return None, render(
            request, "cases/feedback/link_gone.html", {"replaced": True}, status=410
        )
    return link, None


def _limited(request, link) -> bool:
    per_address = over_limit(request, group="feedback", rate=f"{settings.HUB_FEEDBACK_PER_HOUR}/h")
    per_link = over_limit_for(
        request,
        group="feedback_link",
        key=str(link.pk),
        rate=f"{settings.HUB_FEEDBACK_LINK_PER_HOUR}/h",
    )
    return per_address or per_link


@never_cache
def give(request, token: str):
    """The claimant's questions: no account, nothing asked that says who they are."""
    link, gone = _link_or_gone(request, token)
    if gone:
        return gone
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _limited(request, link):
            return render(request, "cases/feedback/limited.html", {"link": link}, status=429)
        data = form.cleaned_data
        try:
            response = services.feedback_submit(
                link=link,
                treated=data["treated"],
                helped=data["helped"],
                recommend=data["recommend"],
                comment=data["comment"],
                submission_key=data.get("submission_key"),
            )
        except ValidationError:
            return render(request, "cases/feedback/link_gone.html", {"replaced": True}, status=410)
        held = "1" if response.comment else "0"
        return redirect(f"{reverse('feedback_thanks', args=(token,))}?comment={held}")
    return render(request, "cases/feedback/give.html", {"link": link, "form": form})


def thanks(request, token: str):
    link = selectors.link_by_token(token)
    if link is None:
        raise Http404
    return render(
        request,
        "cases/feedback/thanks.html",
        {"link": link, "commented": request.GET.get("comment") == "1"},
    )


def _administered(request, slug: str) -> Organisation:
    return get_object_or_404(Organisation.objects.administered_by(request.user), slug=slug)


def _score_chart(results) -> str:
    rows = [(r.label, r.score.score) for r in results if r.score.score is not None]
    if not rows:
        return ""
    return charts.diverging_bars(
        chart_id="feedback-over-time",
        title="Customer experience score by quarter",
        desc="Score out of 100 for each quarter with enough responses; the table below has "
        "the same numbers.",
        rows=rows,
        unit="",
    )


@login_required
def manage(request, slug: str):
    """The organisation's admins: links and QR codes, results by stage and over time, and the
    comments waiting for them."""
    organisation = _administered(request, slug)
    stages = list(JourneyStage.objects.order_by("sort_order", "name"))
    links = selectors.active_links(organisation.pk)
    over_time = selectors.results_over_time(organisation.pk)
    return render(
        request,
        "cases/feedback/manage.html",
        {
            "organisation": organisation,
            "stages": [(stage, links.get(stage.pk)) for stage in stages],
            "by_stage": selectors.results_by_stage([organisation.pk]),
            "over_time": over_time,
            "chart": _score_chart(over_time),
            "overall": selectors.experience_scores([organisation.pk])[organisation.pk],
            "to_review": selectors.comments_to_review(organisation.pk),
            "reject_form": RejectForm(),
            "minimum": selectors.minimum_responses(),
            "link_base": request.build_absolute_uri("/f/"),
        },
    )


def _result_rows(kind: str, results):
    for row in results:
        if row.shares.shown:
            value = row.shares.value
            yield [kind, row.label, row.score.responses, row.score.score,
                   value.treated, value.helped, value.recommend, ""]  # fmt: skip
        else:
            yield [kind, row.label, row.score.responses, None, None, None, None, row.shares.message]


@login_required
def results_download(request, slug: str):
    """The organisation's results as CSV: aggregates only, each row withheld below the minimum
    as on the page; no comments."""
    organisation = _administered(request, slug)
    rows = [
        *_result_rows("stage", selectors.results_by_stage([organisation.pk])),
        *_result_rows("quarter", selectors.results_over_time(organisation.pk)),
    ]
    header = ["by", "stage or quarter", "responses", "score (of 100)", "treated well %",
              "helped towards work %", "would recommend %", "note"]  # fmt: skip
    return exports.csv_response(f"claimant-feedback-{organisation.slug}.csv", header, rows)


@login_required
@require_POST
def link_create(request, slug: str, stage: int):
    organisation = _administered(request, slug)
    stage = get_object_or_404(JourneyStage, pk=stage)
    services.feedback_link_create(actor=request.user, organisation=organisation, stage=stage)
    messages.success(request, f"The feedback link for {stage.name} is ready to share.")
    return redirect("feedback_manage", slug=slug)


@login_required
@require_POST
def link_rotate(request, slug: str, pk: int):
    organisation = _administered(request, slug)
    link = get_object_or_404(FeedbackLink.objects.active(), pk=pk, organisation=organisation)
    services.feedback_link_rotate(actor=request.user, link=link)
    messages.success(
        request,
        f"The {link.stage.name} link has a new address. The old one now tells claimants it "
        "was replaced: print the new QR code.",
    )
    return redirect("feedback_manage", slug=slug)


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    return image.to_string(encoding="unicode")


@login_required
def poster(request, slug: str, pk: int):
    """A printable page with the link's QR code and address."""
    organisation = _administered(request, slug)
    link = get_object_or_404(FeedbackLink.objects.active(), pk=pk, organisation=organisation)
    url = request.build_absolute_uri(reverse("feedback_give", args=(link.token,)))
    return render(
        request,
        "cases/feedback/poster.html",
        {"organisation": organisation, "link": link, "url": url},
    )


@login_required
def qr_code(request, slug: str, pk: int):
    """The QR code as an SVG file (safe to show: made by qrcode, no user text in it)."""
    organisation = _administered(request, slug)
    link = get_object_or_404(FeedbackLink.objects.active(), pk=pk, organisation=organisation)
    url = request.build_absolute_uri(reverse("feedback_give", args=(link.token,)))
    response = HttpResponse(_qr_svg(url), content_type="image/svg+xml")
    if request.GET.get("download"):
        response["Content-Disposition"] = content_disposition_header(
            True, f"feedback-{link.stage.slug}.svg"
        )
    return response


def _comment_for_reviewer(request, slug: str, pk: int):
    organisation = _administered(request, slug)
    return organisation, get_object_or_404(
        FeedbackResponse.objects.exclude(comment=""), pk=pk, organisation=organisation
    )


@login_required
@require_POST
def comment_publish(request, slug: str, pk: int):
    _organisation, response = _comment_for_reviewer(request, slug, pk)
    try:
        moderation.held_publish(reviewer=request.user, target=response)
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, "The comment is published.")
    return redirect(f"{reverse('feedback_manage', args=(slug,))}#review")


@login_required
@require_POST
def comment_reject(request, slug: str, pk: int):
    organisation, response = _comment_for_reviewer(request, slug, pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        moderation.held_reject(
            reviewer=request.user, target=response, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "The comment will not be shown.")
        return redirect(f"{reverse('feedback_manage', args=(slug,))}#review")
    return render(
        request,
        "cases/feedback/reject.html",
        {"organisation": organisation, "response": response, "form": form},
        status=400,
    )


@login_required
def themes(request, slug: str):
    """The organisation's complaint counts by theme for a stage and quarter."""
    organisation = _administered(request, slug)
    stages = JourneyStage.objects.order_by("sort_order", "name")
    form = ComplaintThemesForm(request.POST if request.method == "POST" else None, stages=stages)
    if request.method == "POST" and form.is_valid():
        try:
            services.complaint_themes_set(
                actor=request.user,
                organisation=organisation,
                stage=form.cleaned_data["stage"],
                quarter=form.cleaned_data["quarter"],
                counts=form.counts(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your complaint themes are saved.")
            return redirect("feedback_manage", slug=slug)
    return render(
        request, "cases/feedback/themes.html", {"organisation": organisation, "form": form}
    )


def organisation_results(request, slug: str):
    """Anyone: an organisation's results, only as aggregates above the minimum, and the
    comments its admins or a moderator published."""
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "cases/feedback/organisation.html",
        {
            "organisation": organisation,
            "overall": selectors.experience_scores([organisation.pk])[organisation.pk],
            "by_stage": selectors.results_by_stage([organisation.pk]),
            "comments": selectors.published_comments(organisation.pk),
            "minimum": selectors.minimum_responses(),
        },
    )


def programme(request):
    """Anyone: feedback and complaint themes by stage across the programme (rec 10)."""
    quarters = selectors.theme_quarters()
    chosen = request.GET.get("quarter", "")
    quarter = next((q for q in quarters if q.isoformat() == chosen), None) or (
        quarters[0] if quarters else None
    )
    return render(
        request,
        "cases/feedback/programme.html",
        {
            "by_stage": selectors.results_by_stage(),
            "themes": selectors.programme_themes(quarter),
            "quarter": selectors.quarter_label(quarter) if quarter else "",
            "quarters": [
                (q.isoformat(), selectors.quarter_label(q), q == quarter) for q in quarters
            ],
            "minimum": selectors.minimum_responses(),
            "minimum_organisations": settings.HUB_FEEDBACK_MIN_ORGANISATIONS,
        },
    )
