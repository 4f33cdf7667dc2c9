"""Subcontract opportunities: the list with its filters, a page each, comparison, publishing,
watching a programme or an area."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hub.base import content_cache, ratelimit, roles
from hub.base.models import Organisation
from hub.base.views.common import apply_errors, posted
from toolkits.supplychains import selectors
from toolkits.supplychains import services as supply
from toolkits.supplychains.filters import OpportunityFilter
from toolkits.supplychains.forms import OpportunityForm, WatchForm
from toolkits.supplychains.modelling import model_url
from toolkits.supplychains.models import ExpressionOfInterest, Opportunity, OpportunityWatch


def trail(*extra):
    return [
        ("Home", "/"),
        ("Subcontract opportunities", reverse("opportunity_list")),
        *extra,
    ]


def action_rate() -> str:
    return f"{settings.HUB_SUPPLY_CHAIN_ACTIONS_PER_HOUR}/h"


def _query_without(request, *names) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _filtered(request) -> OpportunityFilter:
    return OpportunityFilter(request.GET or None, queryset=Opportunity.objects.all())


def opportunity_list(request):
    """The filters, facets and list are the same for everyone asking the same on the same day
    (open means not past its deadline), so they are rendered once and cached until an
    opportunity or an organisation's name changes; the viewer's own links stay outside."""
    query = content_cache.query_parts(request)
    body = content_cache.rendered(
        "opportunity_list_body",
        None if query is None else [query, timezone.localdate().isoformat()],
        "toolkits/supplychains/_opportunity_list_body.html",
        lambda: _list_context(request),
        request=request,
        namespaces=(selectors.OPPORTUNITIES, content_cache.NAMES),
    )["body"]
    return render(
        request,
        "toolkits/supplychains/opportunity_list.html",
        {
            "body": body,
            "feed_query": _query_without(request, "after", "before"),
            "prime_organisations": _prime_organisations(request.user),
            "breadcrumbs": [("Home", "/"), ("Toolkits", "/toolkits/")],
        },
    )


def _list_context(request) -> dict:
    filterset = _filtered(request)
    queryset = filterset.qs if filterset.is_bound else filterset.queryset.open()
    if filterset.is_bound and not filterset.is_valid():
        queryset = Opportunity.objects.open()
    page = selectors.opportunity_page(
        queryset, after=request.GET.get("after"), before=request.GET.get("before")
    )
    return {
        "filter": filterset,
        "status": filterset.chosen_status if filterset.is_bound else "open",
        "facets": selectors.facet_counts(queryset, filterset.selected()),
        "page": page,
        "query": _query_without(request, "after", "before"),
    }


def _prime_organisations(user):
    ids = roles.admin_organisation_ids(user)
    if not ids:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=ids, kind=Organisation.Kind.PRIME).order_by("name")


def opportunity_detail(request, pk):
    try:
        opportunity = selectors.opportunity_detail(pk)
    except Opportunity.DoesNotExist as exc:
        raise Http404 from exc
    admin_ids = roles.admin_organisation_ids(request.user)
    is_prime_admin = opportunity.prime_id in admin_ids
    senders = [i for i in admin_ids if i != opportunity.prime_id]
    own = list(
        selectors.expressions_of(senders)
        .filter(opportunity=opportunity)
        .select_related("organisation")
    )
    return render(
        request,
        "toolkits/supplychains/opportunity_detail.html",
        {
            "opportunity": opportunity,
            "model_url": model_url(opportunity),
            "is_prime_admin": is_prime_admin,
            "can_express": bool(senders) and opportunity.is_open,
            "own_expressions": own,
            "received": opportunity.expressions.exclude(
                status=ExpressionOfInterest.Status.WITHDRAWN
            ).count()
            if is_prime_admin
            else None,
            "breadcrumbs": trail(),
        },
    )


def opportunity_compare(request):
    chosen = selectors.opportunities_to_compare(request.GET.getlist("id"))
    return render(
        request,
        "toolkits/supplychains/opportunity_compare.html",
        {
            "opportunities": chosen,
            "model_links": [(o, model_url(o)) for o in chosen],
            "rows": _compare_rows(chosen),
            "too_few": len(chosen) < 2,
            "breadcrumbs": trail(),
        },
    )


def _money(value) -> str:
    return f"£{value:,.2f}"


def _compare_rows(chosen: list[Opportunity]) -> list[tuple[str, list[str]]]:
    """The fact sheet, one row per term, one column per opportunity."""
    spec = [
        ("Prime", lambda o: o.prime.name),
        ("Programme", lambda o: o.programme.name),
        ("Areas", lambda o: ", ".join(a.name for a in o.areas.all())),
        ("Claimant groups", lambda o: ", ".join(g.name for g in o.claimant_groups.all()) or "All"),
        ("Services wanted", lambda o: o.get_services_display()
         + (f" ({o.specialism})" if o.specialism else "")),
        ("Expected referrals a month", lambda o: f"{o.referrals_per_month:,}"),
        ("Contract length", lambda o: f"{o.contract_months} months"),
        ("Attachment fee", lambda o: _money(o.attachment_fee)),
        ("Job outcome payment", lambda o: _money(o.outcome_payment)),
        ("Sustainment payments",
         lambda o: f"{o.sustainment_count} × {_money(o.sustainment_payment)}"),
        ("Management fee", lambda o: f"{o.management_fee_percent.normalize():f}%"),
        ("Payment terms", lambda o: f"{o.payment_terms_days} days"),
        ("What the prime provides", lambda o: o.prime_provides),
        ("IT systems", lambda o: o.it_systems),
        ("Minimum insurance", lambda o: o.minimum_insurance),
        ("Deadline", lambda o: o.deadline.strftime("%-d %B %Y")
         + ("" if o.is_open else " (closed)")),
    ]  # fmt: skip
    return [(label, [get(o) for o in chosen]) for label, get in spec]


def _publishing_organisation(request) -> Organisation:
    organisations = _prime_organisations(request.user)
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = organisations.filter(slug=chosen).first() if chosen else organisations.first()
    if organisation is None:
        raise PermissionDenied("Only a prime contractor's admins publish opportunities.")
    return organisation


@login_required
def opportunity_create(request):
    prime = _publishing_organisation(request)
    form = OpportunityForm(posted(request))
    if request.method == "POST" and form.is_valid():
        if ratelimit.over_limit(request, group="supply_chains", rate=action_rate()):
            form.add_error(None, "You have done that many times this hour. Try again later.")
        else:
            try:
                opportunity = supply.opportunity_publish(
                    actor=request.user,
                    prime=prime,
                    data=form.service_data(),
                    areas=form.cleaned_data["areas"],
                    claimant_groups=form.cleaned_data["claimant_groups"],
                    submission_key=form.cleaned_data.get("submission_key"),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "The opportunity is published.")
                return redirect(opportunity)
    return render(
        request,
        "toolkits/supplychains/opportunity_form.html",
        {
            "form": form,
            "prime": prime,
            "organisations": _prime_organisations(request.user),
            "opportunity": None,
            "breadcrumbs": trail(),
        },
    )


def _administered(request, pk) -> Opportunity:
    """The opportunity, only for an admin of its prime (anyone else gets a 404)."""
    return get_object_or_404(
        Opportunity.objects.select_related("prime"),
        pk=pk,
        prime__in=Organisation.objects.administered_by(request.user),
    )


@login_required
def opportunity_edit(request, pk):
    opportunity = _administered(request, pk)
    form = OpportunityForm(posted(request), instance=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            supply.opportunity_update(
                actor=request.user,
                opportunity=opportunity,
                data=form.service_data(),
                areas=form.cleaned_data["areas"],
                claimant_groups=form.cleaned_data["claimant_groups"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "The opportunity is updated.")
            return redirect(opportunity)
    return render(
        request,
        "toolkits/supplychains/opportunity_form.html",
        {
            "form": form,
            "prime": opportunity.prime,
            "opportunity": opportunity,
            "breadcrumbs": trail((opportunity.title, opportunity.get_absolute_url())),
        },
    )


@login_required
@require_POST
def opportunity_close(request, pk):
    opportunity = _administered(request, pk)
    supply.opportunity_close(actor=request.user, opportunity=opportunity)
    messages.success(request, "The opportunity is closed. Its page stays as a record of the terms.")
    return redirect(opportunity)


@login_required
def watches(request):
    """The programmes and areas the member hears about; a GET form adds, a POST form changes."""
    form = WatchForm(posted(request))
    if request.method == "POST":
        remove = request.POST.get("remove")
        if remove:
            kind, _sep, slug = remove.partition(":")
            watch = OpportunityWatch.objects.filter(user=request.user)
            watch = (
                watch.filter(programme__slug=slug) if kind == "programme"
                else watch.filter(area__slug=slug)
            ).select_related("programme", "area").first()  # fmt: skip
            if watch is not None:
                supply.watch_set(
                    user=request.user, programme=watch.programme, area=watch.area, watching=False
                )
                messages.success(request, "You will no longer hear about those opportunities.")
            return redirect("opportunity_watches")
        if form.is_valid() and ratelimit.over_limit(
            request, group="supply_chains", rate=action_rate()
        ):
            form.add_error(None, "You have done that many times this hour. Try again later.")
        elif form.is_valid():
            supply.watch_set(
                user=request.user,
                programme=form.cleaned_data["programme"],
                area=form.cleaned_data["area"],
                watching=True,
            )
            messages.success(request, "You will hear about new opportunities there.")
            return redirect("opportunity_watches")
    return render(
        request,
        "toolkits/supplychains/watches.html",
        {
            "form": form,
            "watches": OpportunityWatch.objects.filter(user=request.user)
            .select_related("programme", "area")
            .order_by("programme__name", "area__name"),
            "breadcrumbs": trail(),
        },
    )
