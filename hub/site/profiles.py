from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from hub.base import selectors, services
from hub.base.forms import ProfileForm
from hub.base.models import User
from hub.base.views.common import posted as _posted
from hub.base.views.organisations import organisation_detail_context


def member_profile(request, username):
    from cases.casestudies import selectors as case_selectors
    from forum import selectors as forum_selectors

    member = get_object_or_404(User, username=username, is_active=True)
    return render(
        request,
        "hub/member_profile.html",
        {
            "member": member,
            "memberships": selectors.memberships_of(member),
            "case_studies": case_selectors.published_by(member),
            "threads": forum_selectors.threads_started_by(member, request.user),
        },
    )


@login_required
def profile_edit(request):
    """Only ever edits the signed-in user's own profile: there is no id in the URL to change."""
    form = ProfileForm(_posted(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, "Your profile has been saved.")
        return redirect("profile_edit")
    return render(
        request,
        "hub/profile_edit.html",
        {"form": form, "memberships": selectors.memberships_of(request.user, include_pending=True)},
    )


def organisation_profile(request, slug):
    """An organisation's profile: the base's directory entry, and for a prime its open
    subcontract opportunities and conduct feedback aggregates (toolkits.selectors)."""
    from toolkits import selectors as toolkit_selectors

    context = organisation_detail_context(request, slug)
    context["prime_summary"] = toolkit_selectors.prime_supply_chain_summary(context["organisation"])
    return render(request, "hub/organisation_detail.html", context)
