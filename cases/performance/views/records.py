"""The performance database: the list, a record's page, entry, and the community's checks."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from cases import caching
from cases.performance import benchmarks, cohorts
from cases.performance import rates as performance
from cases.performance import services as records
from cases.performance.forms import NoteForm, RecordFilterForm, RecordForm, VisibilityForm
from cases.performance.models import PerformanceRecord
from cases.performance.views.benchmarks import min_peers
from hub.base import roles
from hub.base.models import Organisation
from hub.base.pagination import keyset_page
from hub.base.views.common import apply_errors, posted

ORDER = ["-period_start", "-id"]


def rate_texts(record, rates) -> dict[str, str]:
    """Each rate with what it divides: "32.0% (48 of 150 attached)"."""
    w = benchmarks.with_denominator
    return {
        "attachment_rate": w(rates.attachment_rate, record.attachments, record.referrals,
                             "referred"),
        "job_start_rate": w(rates.job_start_rate, record.job_starts, record.attachments),
        "job_outcome_rate": w(rates.job_outcome_rate, record.job_outcomes, record.attachments),
        "performance_against_profile": w(rates.performance_against_profile, record.job_outcomes,
                                         record.profile_job_outcomes, "expected"),
    }  # fmt: skip


def _trail(*extra):
    return [("Home", "/"), ("Performance", reverse("record_list")), *extra]


def _record_list_context(request) -> dict:
    """The filter form and the page of records."""
    form = RecordFilterForm(request.GET or None)
    queryset = PerformanceRecord.objects.visible_to(request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["programme"]:
            queryset = queryset.filter(programme=data["programme"])
        if data["group"]:
            queryset = queryset.filter(claimant_group=data["group"])
        if data["area"]:
            queryset = queryset.filter(area=data["area"])
        if data["kind"]:
            queryset = queryset.filter(organisation__kind=data["kind"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["chain"]:
            queryset = queryset.in_supply_chain_of(data["chain"])
    page = keyset_page(
        queryset.select_related("organisation", "programme", "area", "claimant_group"),
        order=ORDER,
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        size=settings.HUB_PAGE_SIZE * 2,
    )
    rows = []
    for record in page.items:
        rates = performance.rates_of(record)
        rows.append((record, rates, rate_texts(record, rates)))
    query = request.GET.copy()
    for key in ("after", "before"):
        query.pop(key, None)
    return {"form": form, "page": page, "rows": rows, "query": query.urlencode()}


def record_list(request):
    """The filter form and the table are the same for everyone on the same side of signing in
    (visible_to) with the same query, so they are rendered once and cached until a record
    (cases.caching.RECORDS) or a name (content_cache.NAMES) changes; only the
    "Add a record" button is the viewer's own."""
    found = caching.rendered_body(
        request, "record_list_page", "cases/records/includes_record_list_body.html",
        lambda: _record_list_context(request),
    )  # fmt: skip
    return render(
        request,
        "cases/records/record_list.html",
        {
            **found,
            "can_enter": bool(roles.admin_organisation_ids(request.user)),
            "breadcrumbs": [("Home", "/")],
        },
    )


def definitions(request):
    example = cohorts.worked_example()
    return render(
        request,
        "cases/records/definitions.html",
        {
            "definitions": [
                (name, name.replace("_", " ").capitalize(), text)
                for name, text in performance.DEFINITIONS.items()
            ],
            "example": example,
            "example_rate": benchmarks.with_denominator(
                example["rate"].rate, example["rate"].numerator, example["rate"].denominator
            ),
            "milestones": cohorts.MILESTONES,
            "window_months": cohorts.WINDOW_MONTHS,
            "min_peers": min_peers(),
            "quarter_minimum": benchmarks.QUARTER_MINIMUM,
            "breadcrumbs": _trail(),
        },
    )


def _visible(request, pk) -> PerformanceRecord:
    try:
        return (
            PerformanceRecord.objects.visible_to(request.user)
            .select_related("organisation", "prime", "programme", "area", "claimant_group")
            .get(pk=pk)
        )
    except PerformanceRecord.DoesNotExist as exc:
        raise Http404("No such record, or it is shared with signed-in members only.") from exc


def record_detail(request, pk):
    record = _visible(request, pk)
    user = request.user
    member_orgs = set(roles.organisation_roles(user))
    cited_by = list(record.cited_by.filter(status="published").select_related("organisation")[:20])
    return render(
        request,
        "cases/records/record_detail.html",
        {
            "record": record,
            "rates": performance.rates_of(record),
            "rate_texts": rate_texts(record, performance.rates_of(record)),
            "events": record.events.select_related("actor", "actor_organisation"),
            "cited_by": cited_by,
            "can_edit": records.can_enter(user, record.organisation),
            "can_confirm": record.status == record.Status.SELF_REPORTED
            and records.confirming_organisation(user, record) is not None,
            "can_verify": records.is_verifier(user)
            and record.status != record.Status.DISPUTED
            and record.status != record.Status.VERIFIED,
            "can_dispute": roles.is_member(user)
            and record.organisation_id not in member_orgs
            and record.status != record.Status.DISPUTED,
            "can_resolve": record.status == record.Status.DISPUTED
            and (records.is_verifier(user) or records.can_enter(user, record.organisation)),
            "breadcrumbs": _trail(),
        },
    )


def _entry_organisations(user):
    return Organisation.objects.filter(pk__in=roles.admin_organisation_ids(user))


@login_required
def record_create(request):
    organisations = _entry_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied("Only organisation admins enter performance records.")
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = organisations.filter(slug=chosen).first() or organisations.first()
    form = RecordForm(posted(request), organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            record = records.record_create(
                actor=request.user, organisation=organisation, data=form.service_data()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "The record is saved as self-reported.")
            return redirect(record)
    return render(
        request,
        "cases/records/record_form.html",
        {
            "form": form,
            "organisation": organisation,
            "organisations": organisations,
            "record": None,
            "breadcrumbs": _trail(),
        },
    )


@login_required
def record_edit(request, pk):
    record = _visible(request, pk)
    if not records.can_enter(request.user, record.organisation):
        raise PermissionDenied("Only the organisation's admins can change its records.")
    form = RecordForm(posted(request), instance=record, organisation=record.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            records.record_update(actor=request.user, record=record, data=form.service_data())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "The record is updated.")
            return redirect(record)
    return render(
        request,
        "cases/records/record_form.html",
        {
            "form": form,
            "organisation": record.organisation,
            "record": record,
            "breadcrumbs": _trail((str(record), record.get_absolute_url())),
        },
    )


def _state_change(request, pk, *, service, form_kwargs, heading, button, success, arg="note"):
    record = _visible(request, pk)
    form = NoteForm(posted(request), **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, record=record, **{arg: form.cleaned_data["note"]})
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        else:
            messages.success(request, success)
            return redirect(record)
    return render(
        request,
        "cases/records/record_action.html",
        {
            "form": form,
            "record": record,
            "rates": performance.rates_of(record),
            "rate_texts": rate_texts(record, performance.rates_of(record)),
            "heading": heading,
            "button": button,
            "breadcrumbs": _trail((str(record), record.get_absolute_url())),
        },
    )


@login_required
def record_confirm(request, pk):
    return _state_change(
        request, pk, service=records.record_confirm,
        form_kwargs={"label": "Anything to add? (optional)", "required": False,
                     "help_text": "For example, which of your own figures you checked it against."},
        heading="Confirm this record", button="Confirm the figures",
        success="Thank you. The record is now confirmed by a supply-chain partner.",
    )  # fmt: skip


@login_required
def record_verify(request, pk):
    if not records.is_verifier(request.user):
        raise PermissionDenied("Only moderators verify records.")
    return _state_change(
        request, pk, service=records.record_verify,
        form_kwargs={"label": "What evidence did you check?",
                     "help_text": "Everyone who can see the record sees this note."},
        heading="Verify this record", button="Verify",
        success="The record is verified.",
    )  # fmt: skip


@login_required
def record_dispute(request, pk):
    return _state_change(
        request, pk, service=records.record_dispute, arg="reason",
        form_kwargs={"label": "What looks wrong?",
                     "help_text": "Everyone who can see the record sees your reason and your "
                                  "organisation's name."},
        heading="Dispute this record", button="Dispute it",
        success="The record is marked as disputed, with your reason.",
    )  # fmt: skip


@login_required
def record_resolve(request, pk):
    return _state_change(
        request, pk, service=records.record_resolve,
        form_kwargs={"label": "How was the dispute resolved?"},
        heading="Resolve the dispute", button="Resolve",
        success="The dispute is resolved.",
    )  # fmt: skip


@login_required
def record_visibility(request, pk):
    record = _visible(request, pk)
    if not records.can_enter(request.user, record.organisation):
        raise PermissionDenied("Only the organisation's admins choose who sees its records.")
    form = VisibilityForm(posted(request), initial={"visibility": record.visibility})
    if request.method == "POST" and form.is_valid():
        records.record_set_visibility(
            actor=request.user, record=record, visibility=form.cleaned_data["visibility"]
        )
        messages.success(request, "Sharing is updated.")
        return redirect(record)
    return render(
        request,
        "cases/records/record_action.html",
        {
            "form": form,
            "record": record,
            "rates": performance.rates_of(record),
            "rate_texts": rate_texts(record, performance.rates_of(record)),
            "heading": "Who can see this record?",
            "button": "Save",
            "breadcrumbs": _trail((str(record), record.get_absolute_url())),
        },
    )
