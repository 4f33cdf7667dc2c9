"""Uploading a spreadsheet of performance records: template, preview, save, history.

The checked rows wait in the session between the preview and the save, keyed by the file's
SHA-256, and are checked again before saving: the browser only says "save that file".
Two kinds of record take the same path (`UploadKind`): period records (`record_upload`) and
monthly cohort records (`cohort_upload`, cases.performance.cohort_imports), whose rows may
update cohorts already saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_GET

from cases.performance import cohort_imports, cohort_services, imports
from cases.performance import rates as performance
from cases.performance import services as record_services
from cases.performance.models import RecordUpload
from hub.base import exports, roles
from hub.base.models import Organisation

SESSION_KEY = "cases.record_upload"


@dataclass(frozen=True)
class UploadKind:
    """What differs between uploading period records and cohort records."""

    key: str
    noun: str  # "records", "cohorts"
    title: str
    url: str
    template_url: str
    columns: tuple
    required: tuple
    notes: dict
    examples: tuple
    file_stem: str
    rules: str


PERIOD = UploadKind(
    key="period", noun="records", title="Upload performance records", url="record_upload",
    template_url="record_upload_template", columns=imports.COLUMNS,
    required=imports.REQUIRED_COLUMNS, notes=imports.COLUMN_NOTES,
    examples=(imports.EXAMPLE_ROW,), file_stem="performance-records",
    rules="Give job starts, job outcomes or both. Attachments cannot be more than referrals, "
    "job starts more than attachments, or job outcomes more than job starts.",
)  # fmt: skip
COHORT = UploadKind(
    key="cohort", noun="cohorts", title="Upload cohort records", url="cohort_upload",
    template_url="cohort_upload_template", columns=cohort_imports.COLUMNS,
    required=cohort_imports.REQUIRED_COLUMNS, notes=cohort_imports.COLUMN_NOTES,
    examples=cohort_imports.EXAMPLE_ROWS, file_stem="cohort-records",
    rules="One row a month of attachment. Each figure counts everyone reached so far, so a "
    "later milestone is never less than an earlier one, and none is more than the people "
    "attached. A row for a cohort already saved updates it: the figures it gives replace the "
    "saved ones (each change is kept in the cohort's history), and an empty figure keeps the "
    "saved one.",
)  # fmt: skip
ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _trail(*extra):
    return [("Home", "/"), ("Performance", reverse("record_list")), *extra]


class UploadForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which organisation are the records for?",
        error_messages={
            "required": "Choose the organisation the records are for",
            "invalid_choice": "Choose one of the organisations you are an admin of",
        },
    )
    file = forms.FileField(
        label="Upload a file",
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "required": "Choose a CSV or Excel file to upload",
            "empty": "The selected file is empty",
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.only = organisations[0] if len(organisations) == 1 else None
        if self.only:  # nothing to choose
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        self.fields["file"].help_text = (
            f"A CSV file (UTF-8) or an Excel workbook (.xlsx), up to "
            f"{settings.HUB_UPLOAD_MAX_BYTES / (1024 * 1024):g} MB and "
            f"{settings.HUB_UPLOAD_MAX_ROWS:,} records."
        )

    def clean(self):
        data = super().clean()
        if self.only:
            chosen = self.data.get("organisation")
            if chosen and chosen != str(self.only.pk):
                raise ValidationError(
                    "You can only upload records for an organisation you are an admin of"
                )
            data["organisation"] = self.only
        return data


def _administered(user):
    return Organisation.objects.administered_by(user).order_by("name")


def _checked(kind: UploadKind, rows, organisation):
    """(what to save, every problem): records, or (new cohorts, updates) for cohorts."""
    if kind is COHORT:
        new, updates, errors = cohort_imports.validate(rows, organisation)
        return (new, updates), errors
    return imports.validate(rows, organisation)


@login_required
def record_upload(request, kind: UploadKind = PERIOD):
    """Upload a file; see every problem in it, or a preview of what will be saved."""
    organisations = _administered(request.user)
    if not organisations:
        return render(
            request, "cases/uploads/need_admin.html", {"breadcrumbs": _trail()}, status=403
        )
    if request.method == "POST" and request.POST.get("action") == "save":
        return _save(request, organisations, kind)
    if request.method != "POST":
        return _upload_page(request, UploadForm(organisations=organisations), kind=kind)
    form = UploadForm(request.POST, request.FILES, organisations=organisations)
    if not form.is_valid():
        return _upload_page(request, form, kind=kind)
    organisation, uploaded = form.cleaned_data["organisation"], form.cleaned_data["file"]
    reader = cohort_imports.read_rows if kind is COHORT else imports.read_rows
    try:
        rows = reader(uploaded)
    except ValidationError as exc:
        form.add_error("file", exc.messages[0])
        return _upload_page(request, form, kind=kind)
    checked, errors = _checked(kind, rows, organisation)
    if errors:
        request.session.pop(SESSION_KEY, None)
        return _upload_page(request, form, problems=errors, filename=uploaded.name, kind=kind)
    sha256 = imports.file_sha256(uploaded)
    request.session[SESSION_KEY] = {
        "kind": kind.key,
        "sha256": sha256,
        "filename": uploaded.name,
        "organisation": organisation.pk,
        "rows": rows,
    }
    if kind is COHORT:
        return _cohort_preview_page(request, organisation, checked, uploaded.name, sha256)
    return _preview_page(request, organisation, checked, uploaded.name, sha256)


@login_required
def cohort_upload(request):
    """Upload a file of monthly cohorts: the same steps as records."""
    return record_upload(request, kind=COHORT)


def _save(request, organisations, kind: UploadKind):
    pending = request.session.get(SESSION_KEY)
    if (
        not pending
        or pending.get("kind", PERIOD.key) != kind.key
        or not constant_time_compare(pending["sha256"], request.POST.get("sha256", ""))
    ):
        messages.warning(
            request,
            "That file is no longer waiting to be saved: it was saved already, or you have "
            "uploaded another file since. Check the upload history, or upload it again.",
        )
        return redirect(kind.url)
    organisation = next((o for o in organisations if o.pk == pending["organisation"]), None)
    if organisation is None:
        request.session.pop(SESSION_KEY, None)
        raise PermissionDenied("You are no longer an admin of that organisation.")
    filename = pending["filename"]
    form = UploadForm(initial={"organisation": organisation.pk}, organisations=organisations)
    checked, errors = _checked(kind, pending["rows"], organisation)
    if errors:  # something changed since the preview, such as a record saved meanwhile
        request.session.pop(SESSION_KEY, None)
        return _upload_page(request, form, problems=errors, filename=filename, kind=kind)
    try:
        if kind is COHORT:
            upload = cohort_services.cohorts_import(
                actor=request.user, organisation=organisation, cohorts=checked[0],
                updates=checked[1], filename=filename, sha256=pending["sha256"],
            )  # fmt: skip
        else:
            upload = record_services.records_import(
                actor=request.user, organisation=organisation, records=checked,
                filename=filename, sha256=pending["sha256"],
            )  # fmt: skip
    except ValidationError as exc:
        request.session.pop(SESSION_KEY, None)
        problems = [imports.RowError(0, imports.NO_COLUMN, m) for m in exc.messages]
        return _upload_page(request, form, problems=problems, filename=filename, kind=kind)
    request.session.pop(SESSION_KEY, None)
    count = upload.row_count
    noun = kind.noun if count != 1 else kind.noun[:-1]
    messages.success(request, f"Saved {count} {noun} from {filename} for {organisation.name}.")
    return redirect("record_upload_history")


def _upload_page(request, form, *, problems=(), filename="", kind: UploadKind = PERIOD):
    summary = []
    if problems:
        bad_rows = len({problem.row for problem in problems if problem.row})
        text = (
            f"{filename} has {len(problems)} problem{'s' if len(problems) != 1 else ''}"
            + (f" in {bad_rows} row{'s' if bad_rows != 1 else ''}" if bad_rows else "")
            + ". Nothing has been saved: correct the file and upload it again."
        )
        summary = [{"text": text, "href": "#problems"}]
    return render(
        request,
        "cases/uploads/upload.html",
        {
            "form": form,
            "problems": problems,
            "filename": filename,
            "summary": summary,
            "kind": kind,
            "columns": [(name, kind.notes[name]) for name in kind.columns],
            "required": kind.required,
            "breadcrumbs": _trail(),
        },
    )


def _cohort_preview_page(request, organisation, checked, filename, sha256):
    new, updates = checked
    return render(
        request,
        "cases/uploads/cohort_preview.html",
        {
            "organisation": organisation,
            "new": new,
            "updates": [
                (stored, cohort_services.changes_of(stored, data)) for stored, data in updates
            ],
            "filename": filename,
            "sha256": sha256,
            "count": len(new) + len(updates),
            "breadcrumbs": _trail(("Upload cohorts", reverse("cohort_upload"))),
        },
    )


def _preview_page(request, organisation, records, filename, sha256):
    rows = [(record, performance.rates_of(record)) for record in records]
    return render(
        request,
        "cases/uploads/preview.html",
        {
            "organisation": organisation,
            "rows": rows,
            "filename": filename,
            "sha256": sha256,
            "count": len(rows),
            "breadcrumbs": _trail(("Upload records", reverse("record_upload"))),
        },
    )


@require_GET
def record_upload_template(request, kind: UploadKind = PERIOD):
    """The empty template (CSV or XLSX), or with ?example=1 a CSV with example rows."""
    file_format = request.GET.get("format", "csv")
    definitions = request.build_absolute_uri(reverse("record_definitions"))
    sheet = kind.noun.capitalize()
    if file_format == "xlsx":
        notes = [(name, kind.notes[name]) for name in kind.columns]
        notes += [
            ("", ""),
            ("Fill in", f"The first sheet, {sheet}: one a row, under the header row."),
            ("Example", "The Example sheet shows filled-in rows; it is not uploaded."),
            ("Definitions", definitions),
        ]
        return exports.xlsx_response(
            f"{kind.file_stem}-template.xlsx",
            kind.columns,
            [],
            sheet_title=sheet,
            more_sheets=[
                ("Example", kind.columns, list(kind.examples)),
                ("Notes", ("column", "what to enter"), notes),
            ],
        )
    if file_format != "csv":
        raise Http404("Choose csv or xlsx.")
    if request.GET.get("example") == "1":
        return exports.csv_response(
            f"{kind.file_stem}-example.csv", kind.columns, list(kind.examples), bom=True
        )
    return exports.csv_response(f"{kind.file_stem}-template.csv", kind.columns, [], bom=True)


@require_GET
def cohort_upload_template(request):
    return record_upload_template(request, kind=COHORT)


@login_required
def record_upload_history(request):
    """Every upload for the user's organisations, newest first."""
    organisation_ids = list(roles.organisation_roles(request.user))
    uploads = (
        RecordUpload.objects.filter(organisation__in=organisation_ids)
        .select_related("organisation", "uploaded_by")
        .order_by("-created_at", "-id")
    )
    page = Paginator(uploads, settings.HUB_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/uploads/history.html",
        {
            "page": page,
            "query": "",
            "several": len(organisation_ids) > 1,
            "is_member": bool(organisation_ids),
            "can_upload": bool(roles.admin_organisation_ids(request.user)),
            "breadcrumbs": _trail(),
        },
    )
