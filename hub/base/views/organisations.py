"""The organisation directory, profiles, and the screens organisation admins use."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hub.base import ratelimit, selectors, services
from hub.base.filters import OrganisationFilter
from hub.base.forms import (
    AccreditationForm,
    JoinRequestForm,
    OrganisationForm,
    RoleForm,
    SupplyChainForm,
)
from hub.base.models import Accreditation, Membership, Organisation, SupplyChainLink
from hub.base.views.common import apply_errors
from hub.base.views.common import posted as _posted


def _trail(organisation: Organisation | None = None, *, manage: bool = False) -> list:
    """Breadcrumbs for the organisation pages: the directory, then the organisation, then its
    admin screen, each a link back up from the page being shown."""
    trail = [("Home", "/"), ("Organisations", reverse("organisation_list"))]
    if organisation is not None:
        trail.append((organisation.name, organisation.get_absolute_url()))
    if manage:
        trail.append(
            ("Manage", reverse("organisation_members", kwargs={"slug": organisation.slug}))
        )
    return trail


def _first_error(exc: ValidationError) -> str:
    return exc.messages[0] if exc.messages else "That could not be done."


def organisation_list(request):
    filterset = OrganisationFilter(request.GET or None, queryset=Organisation.objects.all())
    queryset = selectors.organisation_directory(
        filterset.qs if filterset.is_bound and filterset.is_valid() else Organisation.objects.all()
    )
    page = Paginator(queryset, settings.HUB_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "hub/organisation_list.html",
        {"filter": filterset, "page": page, "query": query.urlencode()},
    )


def organisation_detail_context(request, slug) -> dict:
    """What an organisation's profile shows from the base; the site's profile view adds what
    the apps say about it (hub.site.profiles.organisation_profile)."""
    try:
        organisation = selectors.organisation_detail(slug)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc
    membership = selectors.membership_for(request.user, organisation)
    is_admin = membership is not None and membership.is_admin
    supply_chain = selectors.supply_chain(organisation)
    # A member of this organisation may open the side-by-side view of each chain it is in.
    chain_views = []
    if membership is not None and membership.status == Membership.Status.APPROVED:
        if organisation.kind == Organisation.Kind.PRIME or supply_chain["subcontractors"]:
            chain_views.append(organisation)
        chain_views += [link.prime for link in supply_chain["primes"]]
    return {
        "organisation": organisation,
        "membership": membership,
        "is_admin": is_admin,
        # An admin is told at a glance that people are waiting for a decision.
        "pending_count": selectors.organisation_pending_requests(organisation).count()
        if is_admin
        else 0,
        "members": selectors.organisation_members(organisation),
        "supply_chain": supply_chain,
        "chain_views": chain_views,
        "accreditations": selectors.accreditations_of(organisation),
        "can_verify": request.user.has_perm("hub.verify_organisation"),
        "breadcrumbs": _trail(),
    }


@login_required
def organisation_create(request):
    form = OrganisationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        if ratelimit.over_limit(
            request, group="organisation_create", rate=ratelimit.organisation_create_rate()
        ):
            form.add_error(
                None,
                "You have created several organisations today. Try again tomorrow, "
                "or ask a moderator for help.",
            )
        else:
            data = form.cleaned_data
            organisation = services.organisation_create(user=request.user, **data)
            messages.success(
                request, f"{organisation.name} has been created. You are its organisation admin."
            )
            return redirect(organisation)
    return render(
        request,
        "hub/organisation_form.html",
        {"form": form, "organisation": None, "breadcrumbs": _trail()},
    )


def _administered(request, slug) -> Organisation:
    """The organisation named in the URL, but only if the signed-in user is one of its admins."""
    return get_object_or_404(Organisation.objects.administered_by(request.user), slug=slug)


@login_required
def organisation_edit(request, slug):
    organisation = _administered(request, slug)
    form = OrganisationForm(_posted(request), instance=organisation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.organisation_update(
            organisation=organisation,
            actor=request.user,
            areas=data.pop("areas"),
            claimant_groups=data.pop("claimant_groups"),
            **data,
        )
        messages.success(request, "The organisation's profile has been saved.")
        return redirect(organisation)
    return render(
        request,
        "hub/organisation_form.html",
        {"form": form, "organisation": organisation, "breadcrumbs": _trail(organisation)},
    )


@login_required
def organisation_join(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    existing = selectors.membership_for(request.user, organisation)
    if existing is not None and existing.status != Membership.Status.DECLINED:
        messages.info(
            request,
            "You are already a member of this organisation."
            if existing.status == Membership.Status.APPROVED
            else "You have already asked to join. An admin will decide soon.",
        )
        return redirect(organisation)
    form = JoinRequestForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        if ratelimit.over_limit(request, group="membership_request", rate=ratelimit.join_rate()):
            form.add_error(None, "You have sent a lot of join requests. Try again in an hour.")
        else:
            try:
                services.membership_request(
                    user=request.user,
                    organisation=organisation,
                    message=form.cleaned_data["message"],
                )
            except ValidationError as exc:
                messages.info(request, _first_error(exc))
                return redirect(organisation)
            messages.success(
                request,
                f"Your request to join {organisation.name} has been sent to its admins. "
                "We will email you when they decide.",
            )
            return redirect(organisation)
    return render(
        request,
        "hub/organisation_join.html",
        {"form": form, "organisation": organisation, "breadcrumbs": _trail(organisation)},
    )


@login_required
@require_POST
def organisation_leave(request, slug):
    membership = get_object_or_404(Membership, organisation__slug=slug, user=request.user)
    organisation = membership.organisation
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _first_error(exc))
    else:
        messages.success(request, f"You have left {organisation.name}.")
    return redirect(organisation)


@login_required
@require_POST
def organisation_verify(request, slug):
    if not request.user.has_perm("hub.verify_organisation"):
        raise PermissionDenied
    organisation = get_object_or_404(Organisation, slug=slug)
    verified = request.POST.get("verified") == "1"
    services.organisation_set_verified(
        organisation=organisation, actor=request.user, verified=verified
    )
    messages.success(
        request,
        f"{organisation.name} is now marked as verified."
        if verified
        else f"{organisation.name} is no longer marked as verified.",
    )
    return redirect(organisation)


@login_required
def organisation_members(request, slug):
    """The organisation admin's screen: join requests, members and roles, supply-chain links."""
    organisation = _administered(request, slug)
    return render(
        request,
        "hub/organisation_members.html",
        {
            "organisation": organisation,
            "pending": selectors.organisation_pending_requests(organisation),
            "members": selectors.organisation_members(organisation),
            "supply_chain": selectors.supply_chain(organisation, confirmed_only=False),
            "breadcrumbs": _trail(organisation),
        },
    )


@login_required
@require_POST
def membership_decide(request, slug, pk):
    organisation = _administered(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    approve = request.POST.get("decision") == "approve"
    try:
        services.membership_decide(membership=membership, actor=request.user, approve=approve)
    except ValidationError as exc:
        messages.info(request, _first_error(exc))
    else:
        name = membership.user.public_name
        messages.success(
            request,
            f"{name} is now a member of {organisation.name}."
            if approve
            else f"You declined {name}'s request.",
        )
    return redirect("organisation_members", slug=slug)


@login_required
@require_POST
def membership_role(request, slug, pk):
    organisation = _administered(request, slug)
    membership = get_object_or_404(
        Membership, pk=pk, organisation=organisation, status=Membership.Status.APPROVED
    )
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_set_role(
                membership=membership, actor=request.user, role=form.cleaned_data["role"]
            )
        except ValidationError as exc:
            messages.error(request, _first_error(exc))
        else:
            messages.success(
                request,
                f"{membership.user.public_name} is now "
                f"{'an organisation admin' if membership.role == 'admin' else 'a member'}.",
            )
    else:
        messages.error(request, "Choose a role.")
    return redirect("organisation_members", slug=slug)


@login_required
@require_POST
def membership_remove(request, slug, pk):
    organisation = _administered(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _first_error(exc))
    else:
        messages.success(request, f"{membership.user.public_name} has been removed.")
    return redirect("organisation_members", slug=slug)


@login_required
def supply_chain_propose(request, slug):
    organisation = _administered(request, slug)
    form = SupplyChainForm(_posted(request), organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            link = services.supply_chain_propose(
                actor=request.user,
                organisation=organisation,
                other=form.cleaned_data["other"],
                other_is_prime=form.cleaned_data["relation"] == "prime",
            )
        except ValidationError as exc:
            form.add_error("other", _first_error(exc))
        else:
            messages.success(
                request,
                f"Link proposed. It will show once {link.awaiting_organisation.name} confirms it.",
            )
            return redirect("organisation_members", slug=slug)
    return render(
        request,
        "hub/supply_chain_form.html",
        {
            "organisation": organisation,
            "form": form,
            "breadcrumbs": _trail(organisation, manage=True),
        },
    )


@login_required
@require_POST
def supply_chain_decide(request, slug, pk):
    organisation = _administered(request, slug)
    link = get_object_or_404(
        SupplyChainLink.objects.filter(prime=organisation)
        | SupplyChainLink.objects.filter(subcontractor=organisation),
        pk=pk,
    )
    if request.POST.get("decision") == "confirm":
        if link.awaiting_organisation.pk != organisation.pk:
            raise PermissionDenied
        services.supply_chain_confirm(link=link, actor=request.user)
        messages.success(request, "The supply-chain link is confirmed.")
    else:
        services.supply_chain_remove(link=link, actor=request.user)
        messages.success(request, "The supply-chain link has been removed.")
    return redirect("organisation_members", slug=slug)


def accreditation_list(request, slug):
    """An organisation's accreditations: verified ones for everyone; its admins also see and add
    those waiting for a moderator, and moderators verify them here."""
    organisation = get_object_or_404(Organisation, slug=slug)
    is_admin = services.is_organisation_admin(user=request.user, organisation=organisation)
    can_verify = request.user.has_perm("hub.verify_accreditation")
    form = AccreditationForm(_posted(request)) if is_admin else None
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.accreditation_add(
                    organisation=organisation, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    "The accreditation has been added. It counts once a moderator has checked "
                    "the evidence.",
                )
                return redirect("organisation_accreditations", slug=organisation.slug)
    accreditations = selectors.accreditations_of(
        organisation, include_unverified=is_admin or can_verify
    )
    return render(
        request,
        "hub/organisation_accreditations.html",
        {
            "organisation": organisation,
            "accreditations": accreditations,
            "form": form,
            "is_admin": is_admin,
            "can_verify": can_verify,
            "breadcrumbs": _trail(organisation),
        },
    )


@login_required
@require_POST
def accreditation_verify(request, slug, pk):
    if not request.user.has_perm("hub.verify_accreditation"):
        raise PermissionDenied
    accreditation = get_object_or_404(Accreditation, pk=pk, organisation__slug=slug)
    verified = request.POST.get("verified") == "1"
    services.accreditation_verify(
        accreditation=accreditation, actor=request.user, verified=verified
    )
    messages.success(
        request,
        f"{accreditation.title} is now shown as verified."
        if verified
        else f"{accreditation.title} is no longer shown as verified.",
    )
    return redirect("organisation_accreditations", slug=slug)


@login_required
@require_POST
def accreditation_remove(request, slug, pk):
    organisation = _administered(request, slug)
    accreditation = get_object_or_404(Accreditation, pk=pk, organisation=organisation)
    services.accreditation_remove(accreditation=accreditation, actor=request.user)
    messages.success(request, f"{accreditation.title} has been removed.")
    return redirect("organisation_accreditations", slug=slug)
