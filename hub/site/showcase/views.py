"""A moderator features a case study on the showcase from the case study's own page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from cases.casestudies import selectors as cases
from hub.base.views.common import apply_errors, posted
from hub.site.showcase import services
from hub.site.showcase.forms import FeatureForm


@login_required
def case_study_feature(request, pk):
    case_study = cases.case_study_or_none(pk, request.user)
    if case_study is None:
        raise Http404("No such case study.")
    if not cases.is_moderator(request.user):
        raise PermissionDenied("Only moderators can do that.")
    form = FeatureForm(posted(request))
    if form.fields["showcase"].queryset.count() == 1:
        form.fields["showcase"].initial = form.fields["showcase"].queryset.first()
    if request.method == "POST" and form.is_valid():
        try:
            services.case_study_feature(
                moderator=request.user,
                case_study=case_study,
                showcase=form.cleaned_data["showcase"],
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The case study is featured on the showcase.")
            return redirect(case_study)
    crumbs = [
        ("Home", "/"),
        ("Case studies", reverse("case_study_list")),
        (case_study.title, case_study.get_absolute_url()),
    ]
    return render(
        request,
        "cases/moderate_form.html",
        {
            "form": form,
            "heading": f"Feature “{case_study.title}” on the showcase",
            "button": "Feature it",
            "case_study": case_study,
            "breadcrumbs": crumbs,
            "cancel_url": case_study.get_absolute_url(),
        },
    )
