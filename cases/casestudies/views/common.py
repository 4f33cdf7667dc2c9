"""Helpers shared by the case-study views."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from cases.casestudies import selectors
from cases.casestudies.models import CaseStudy, Comment


def trail(case_study: CaseStudy | None = None, *extra) -> list:
    """Breadcrumbs: home, the list, the case study, then any further steps."""
    crumbs = [("Home", "/"), ("Case studies", reverse("case_study_list"))]
    if case_study is not None:
        crumbs.append((case_study.title, case_study.get_absolute_url()))
    crumbs.extend(extra)
    return crumbs


def visible_case_study(request, pk: int) -> CaseStudy:
    """The case study if the user may see it; 404 otherwise (a draft's existence is private)."""
    try:
        return selectors.case_study_detail(pk, request.user)
    except CaseStudy.DoesNotExist as exc:
        raise Http404("No such case study.") from exc


def visible_comment(request, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("case_study", "author"), pk=pk)
    if not CaseStudy.objects.visible_to(request.user).filter(pk=comment.case_study_id).exists():
        raise Http404("No such comment.")
    return comment
