"""Customer Service Standards pages: compare, read, and (for an organisation's admins) write."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hub.base import ratelimit, roles
from hub.base.models import Area, JourneyStage, Organisation
from toolkits import plain_english
from toolkits.models import StandardsStatement
from toolkits.services import standards as svc
from toolkits.services import standards_results as results_svc
from toolkits.standards_forms import (
    CompareForm,
    ResultsForm,
    StandardFormSet,
    StatementForm,
    initial_from,
    raw_values,
)

CANDIDATES_AT_MOST = 40
CHECK_MAX_CHARS = 5000


def _saves_rate() -> str:
    return f"{settings.HUB_STANDARDS_SAVES_PER_HOUR}/h"


def _trail(organisation: Organisation | None = None, *, edit: bool = False) -> list:
    trail = [("Home", "/"), ("Customer Service Standards", reverse("standards_compare"))]
    if organisation is not None:
        url = reverse("standards_detail", kwargs={"slug": organisation.slug})
        trail.append((organisation.name, url if edit else ""))
    if edit:
        trail.append(("Write your standards", ""))
    return trail


def _administered(request, slug) -> Organisation:
    """The organisation in the URL, only if the signed-in user is one of its admins (404)."""
    return get_object_or_404(Organisation.objects.administered_by(request.user), slug=slug)


# Reading -----------------------------------------------------------------------------------


def standards_compare(request):
    """Published standards of several organisations side by side, stage by stage."""
    chosen_slugs = request.GET.getlist("org")[: svc.COMPARE_AT_MOST * 2]
    area_slug, kind = request.GET.get("area", ""), request.GET.get("kind", "")
    area = None
    if area_slug:
        area = Area.objects.filter(slug=area_slug).first()
    kinds = dict(Organisation.Kind.choices)
    candidates = list(
        svc.comparison_candidates(area=area, kind=kind if kind in kinds else "")[
            :CANDIDATES_AT_MOST
        ]
    )
    known = {org.slug for org in candidates}
    missing = [slug for slug in chosen_slugs if slug not in known]
    if missing:  # keep chosen organisations choosable after the filter changes
        candidates += list(svc.comparison_candidates().filter(slug__in=missing))
    form = CompareForm(request.GET or None, candidates=candidates)
    if form.is_bound and form.is_valid():
        chosen = form.cleaned_data["org"]
    else:
        chosen = [slug for slug in chosen_slugs if slug in {c.slug for c in candidates}]
    by_slug = {org.slug: org.pk for org in candidates}
    ids = [by_slug[slug] for slug in chosen if slug in by_slug][: svc.COMPARE_AT_MOST]
    if not ids:
        ids = [org.pk for org in candidates[: svc.COMPARE_AT_MOST]]
    statements, rows = svc.comparison(ids)
    results_svc.attach_results(statements, today=datetime.date.today())
    return render(
        request,
        "toolkits/standards/compare.html",
        {
            "form": form,
            "statements": statements,
            "rows": rows,
            "chose": bool(chosen),
            "more_candidates": len(candidates) >= CANDIDATES_AT_MOST,
            "compare_at_most": svc.COMPARE_AT_MOST,
            "breadcrumbs": [("Home", "/"), ("Customer Service Standards", "")],
        },
    )


def standards_detail(request, slug):
    """An organisation's published standards; its admins also see a draft."""
    organisation = get_object_or_404(Organisation, slug=slug)
    statement = svc.statement_for(organisation)
    is_admin = organisation.pk in roles.admin_organisation_ids(request.user)
    published = statement is not None and statement.status == StandardsStatement.Status.PUBLISHED
    if not published and not is_admin:
        raise Http404("No published standards")
    if statement is not None:
        results_svc.attach_results([statement], today=datetime.date.today())
    return render(
        request,
        "toolkits/standards/detail.html",
        {
            "organisation": organisation,
            "statement": statement,
            "groups": svc.by_stage(statement, svc.stages()) if statement else [],
            "due": statement is not None and svc.is_due_for_review(statement),
            "review_due_on": svc.review_due_on(statement) if statement else None,
            "is_admin": is_admin,
            "breadcrumbs": _trail(organisation),
        },
    )


# Writing -----------------------------------------------------------------------------------


@dataclass
class Section:
    """One journey stage on the edit form: its formset and any errors about the stage itself."""

    stage: JourneyStage
    formset: StandardFormSet
    errors: list[str] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        return f"stage-{self.stage.slug}"


@dataclass
class EditForm:
    """The whole edit page: the statement form and a section per stage."""

    statement: StatementForm
    sections: list[Section]
    bound: bool = False

    def is_valid(self) -> bool:
        valid = self.statement.is_valid()
        for section in self.sections:
            valid = section.formset.is_valid() and valid
        return valid

    def standards(self) -> list:
        return [
            form.standard_input(section.stage)
            for section in self.sections
            for form in section.formset.filled_forms()
        ]

    def apply(self, exc: ValidationError) -> None:
        """A service's errors beside their field or stage (or at the top of the page)."""
        if not hasattr(exc, "error_dict"):
            for message in exc.messages:
                self.statement.add_error(None, message)
            return
        stages = {section.prefix: section for section in self.sections}
        for key, errors in exc.error_dict.items():
            for error in errors:
                if key in stages:
                    stages[key].errors.extend(error.messages)
                elif key in self.statement.fields:
                    self.statement.add_error(key, error.messages[0])
                else:
                    self.statement.add_error(None, error.messages[0])

    def error_summary(self) -> list[dict]:
        """Every error on the page, each linking to its field, for the GOV.UK error summary."""
        if not self.bound:
            return []
        summary = [{"text": e, "href": ""} for e in self.statement.non_field_errors()]
        for name in ("rights", "responsibilities"):
            href = f"#{self.statement[name].auto_id}"
            summary += [{"text": e, "href": href} for e in self.statement.errors.get(name, [])]
        for section in self.sections:
            summary += [{"text": e, "href": f"#{section.prefix}"} for e in section.errors]
            summary += [
                {"text": e, "href": f"#{section.prefix}"} for e in section.formset.non_form_errors()
            ]
            for form in section.formset.forms:
                for name, errors in form.errors.items():
                    anchor = form[name].auto_id if name in form.fields else section.prefix
                    if name == "measure_kind":
                        anchor = f"{anchor}_0"
                    summary += [{"text": e, "href": f"#{anchor}"} for e in errors]
        return summary

    def check_findings(self) -> None:
        """The plain-English check for every text a claimant will read, beside its field."""
        self.statement.findings = {
            name: plain_english.check(str(self.statement[name].value() or ""))
            for name in ("rights", "responsibilities")
        }
        for section in self.sections:
            for form in section.formset.forms:
                form.findings = plain_english.check(str(form["service_standard"].value() or ""))


def _unbound(statement_initial: dict, per_stage: dict[int, list[dict]], stages) -> EditForm:
    sections = []
    for stage in stages:
        initial = per_stage.get(stage.pk) or [{}]
        sections.append(
            Section(stage=stage, formset=StandardFormSet(prefix=f"stage-{stage.slug}",
                                                         initial=initial))
        )  # fmt: skip
    return EditForm(statement=StatementForm(initial=statement_initial), sections=sections)


def _from_saved(statement: StandardsStatement | None, stages) -> EditForm:
    if statement is None:
        return _unbound({"version": 0}, {}, stages)
    per_stage: dict[int, list[dict]] = {}
    for item in statement.items.all():
        per_stage.setdefault(item.stage_id, []).append(initial_from(item))
    initial = {
        "rights": statement.rights,
        "responsibilities": statement.responsibilities,
        "version": statement.version,
    }
    return _unbound(initial, per_stage, stages)


def _bound(data, stages) -> EditForm:
    sections = [
        Section(stage=stage, formset=StandardFormSet(data, prefix=f"stage-{stage.slug}"))
        for stage in stages
    ]
    return EditForm(statement=StatementForm(data), sections=sections, bound=True)


def _retyped(edit: EditForm, stages, *, add: str = "", remove: tuple[str, int] | None = None):
    """The posted page shown again, unvalidated, with what was typed (and a standard added or
    removed): how "Add another", "Remove" and "Check my wording" work without JavaScript."""
    per_stage: dict[int, list[dict]] = {}
    for section in edit.sections:
        if not section.formset.management_form.is_valid():
            continue
        rows = [raw_values(form) for form in section.formset.forms]
        if remove and remove[0] == section.stage.slug and 0 <= remove[1] < len(rows):
            del rows[remove[1]]
        if add == section.stage.slug and len(rows) < svc.MAX_PER_STAGE:
            rows.append({})
        per_stage[section.stage.pk] = rows
    statement_initial = {
        name: edit.statement[name].data or "" for name in ("rights", "responsibilities")
    }
    statement_initial["version"] = edit.statement["version"].data or 0
    return _unbound(statement_initial, per_stage, stages)


def _parse_action(value: str) -> tuple[str, str, int]:
    kind, _, rest = value.partition(":")
    slug, _, index = rest.partition(":")
    try:
        number = int(index) if index else -1
    except ValueError:
        number = -1
    return kind, slug, number


@login_required
def standards_edit(request, slug):
    organisation = _administered(request, slug)
    stages = svc.stages()
    statement = svc.statement_for(organisation)
    if request.method != "POST":
        return _render_edit(request, organisation, statement, _from_saved(statement, stages))

    action, stage_slug, index = _parse_action(request.POST.get("action", "save"))
    edit = _bound(request.POST, stages)
    if action in {"add", "remove", "check"}:
        page = _retyped(
            edit,
            stages,
            add=stage_slug if action == "add" else "",
            remove=(stage_slug, index) if action == "remove" else None,
        )
        if action == "check":
            messages.info(request, "Your wording has been checked. Nothing has been saved yet.")
        return _render_edit(request, organisation, statement, page, focus=action)

    if edit.is_valid():
        if ratelimit.over_limit(request, group="standards_save", rate=_saves_rate()):
            edit.statement.add_error(
                None, "You have saved these standards many times this hour. Try again later."
            )
        else:
            data = edit.statement.cleaned_data
            try:
                with transaction.atomic():
                    svc.standards_save(
                        actor=request.user,
                        organisation=organisation,
                        rights=data["rights"],
                        responsibilities=data["responsibilities"],
                        standards=edit.standards(),
                        expected_version=data.get("version"),
                    )
                    if action == "publish":
                        svc.standards_publish(actor=request.user, organisation=organisation)
            except ValidationError as exc:
                edit.apply(exc)
            else:
                if action == "publish":
                    messages.success(
                        request, "Your Customer Service Standards are published on your profile."
                    )
                    return redirect("standards_detail", slug=organisation.slug)
                messages.success(request, "Your standards have been saved.")
                return redirect("standards_edit", slug=organisation.slug)
    return _render_edit(request, organisation, statement, edit)


def _render_edit(request, organisation, statement, edit: EditForm, focus: str = ""):
    edit.check_findings()
    summary = edit.error_summary()
    return render(
        request,
        "toolkits/standards/edit.html",
        {
            "organisation": organisation,
            "statement": statement,
            "edit": edit,
            "summary": summary,
            "due": statement is not None and svc.is_due_for_review(statement),
            "published": statement is not None
            and statement.status == StandardsStatement.Status.PUBLISHED,
            "max_per_stage": svc.MAX_PER_STAGE,
            "breadcrumbs": _trail(organisation, edit=True),
        },
        status=200,
    )


@login_required
@require_POST
def standards_review(request, slug):
    organisation = _administered(request, slug)
    try:
        svc.standards_mark_reviewed(actor=request.user, organisation=organisation)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, "Thank you. These standards are marked as reviewed today.")
    return redirect("standards_detail", slug=organisation.slug)


@login_required
@require_POST
def standards_unpublish(request, slug):
    organisation = _administered(request, slug)
    try:
        svc.standards_unpublish(actor=request.user, organisation=organisation)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, "Your standards are now a draft and no longer on your profile.")
    return redirect("standards_edit", slug=organisation.slug)


@login_required
@require_POST
def standards_check(request):
    """The plain-English findings for one text, as the same fragment the form shows, so the
    check as-you-type never duplicates the check itself in JavaScript."""
    text = request.POST.get("text", "")[:CHECK_MAX_CHARS]
    response = render(
        request,
        "toolkits/standards/_findings.html",
        {"findings": plain_english.check(text)},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def standards_results(request, slug):
    """An admin records the quarter's result for each published Standard Measure."""
    organisation = _administered(request, slug)
    statement = svc.statement_for(organisation)
    if statement is None or statement.status != StandardsStatement.Status.PUBLISHED:
        messages.info(request, "Publish your standards before you record results against them.")
        return redirect("standards_detail", slug=organisation.slug)
    today = datetime.date.today()
    quarters = results_svc.previous_quarters(today, results_svc.QUARTERS_BACK)
    labels = {q: results_svc.quarter_label(q) for q in quarters}
    chosen = next(
        (q for q in quarters if q.isoformat() == request.GET.get("quarter", "")), quarters[0]
    )
    items = list(statement.items.all())
    data = request.POST if request.method == "POST" else None
    if data is not None:
        chosen = next((q for q in quarters if q.isoformat() == data.get("quarter")), chosen)
    saved = results_svc.results_by_measure([organisation.pk], chosen)
    initial = {"quarter": chosen.isoformat()}
    for item in items:
        result = saved.get((organisation.pk, item.stage_id, item.measure))
        if result is not None:
            initial[f"measure_{item.pk}"] = (
                ("yes" if result.kept else "no") if result.kept is not None else result.result
            )
    form = ResultsForm(data, initial=initial, items=items, quarters=quarters, labels=labels)
    if data is not None and form.is_valid():
        try:
            results_svc.standard_results_record(
                actor=request.user, organisation=organisation, quarter=chosen,
                results=form.results(), today=today,
            )  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, f"Results for {labels[chosen]} have been saved.")
            return redirect("standards_detail", slug=organisation.slug)
    return render(
        request,
        "toolkits/standards/results.html",
        {
            "organisation": organisation,
            "form": form,
            "quarter_label": labels[chosen],
            "quarters": [(q.isoformat(), labels[q], q == chosen) for q in quarters],
            "breadcrumbs": _trail(organisation, edit=True)[:-1] + [("Record results", "")],
        },
    )
