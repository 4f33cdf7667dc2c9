"""Uploading a spreadsheet of performance records: template, preview, save, history.

The checked rows wait in the session between the preview and the save, keyed by the file's
SHA-256, and are checked again before saving: the browser only says "save that file".
"""

from __future__ import annotations

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

from cases.performance import imports
from cases.performance import rates as performance
from cases.performance import services as record_services
from cases.performance.models import RecordUpload
from hub.base import exports, roles
from hub.base.models import Organisation

SESSION_KEY = "cases.record_upload"
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


@login_required
def record_upload(request):
    """Upload a file; see every problem in it, or a preview of what will be saved."""
    organisations = _administered(request.user)
    if not organisations:
        return render(
            request, "cases/uploads/need_admin.html", {"breadcrumbs": _trail()}, status=403
        )
    if request.method == "POST" and request.POST.get("action") == "save":
        return _save(request, organisations)
    if request.method != "POST":
        return _upload_page(request, UploadForm(organisations=organisations))
    form = UploadForm(request.POST, request.FILES, organisations=organisations)
    if not form.is_valid():
        return _upload_page(request, form)
    organisation, uploaded = form.cleaned_data["organisation"], form.cleaned_data["file"]
    try:
        rows = imports.read_rows(uploaded)
    except ValidationError as exc:
        form.add_error("file", exc.messages[0])
        return _upload_page(request, form)
    records, errors = imports.validate(rows, organisation)
    if errors:
        request.session.pop(SESSION_KEY, None)
        return _upload_page(request, form, problems=errors, filename=uploaded.name)
    sha256 = imports.file_sha256(uploaded)
    request.session[SESSION_KEY] = {
        "sha256": sha256,
        "filename": uploaded.name,
        "organisation": organisation.pk,
        "rows": rows,
    }
    return _preview_page(request, organisation, records, uploaded.name, sha256)


def _save(request, organisations):
    pending = request.session.get(SESSION_KEY)
    if not pending or not constant_time_compare(pending["sha256"], request.POST.get("sha256", "")):
        messages.warning(
            request,
            "That file is no longer waiting to be saved: it was saved already, or you have "
            "uploaded another file since. Check the upload history, or upload it again.",
        )
        return redirect("record_upload")
    organisation = next((o for o in organisations if o.pk == pending["organisation"]), None)
    if organisation is None:
        request.session.pop(SESSION_KEY, None)
        raise PermissionDenied("You are no longer an admin of that organisation.")
    filename = pending["filename"]
    form = UploadForm(initial={"organisation": organisation.pk}, organisations=organisations)
    records, errors = imports.validate(pending["rows"], organisation)
    if errors:  # something changed since the preview, such as a record saved meanwhile
        request.session.pop(SESSION_KEY, None)
        return _upload_page(request, form, problems=errors, filename=filename)
    try:
        upload = record_services.records_import(
            actor=request.user, organisation=organisation, records=records,
            filename=filename, sha256=pending["sha256"],
        )  # fmt: skip
    except ValidationError as exc:
        request.session.pop(SESSION_KEY, None)
        problems = [imports.RowError(0, imports.NO_COLUMN, m) for m in exc.messages]
        return _upload_page(request, form, problems=problems, filename=filename)
    request.session.pop(SESSION_KEY, None)
    count = upload.row_count
    messages.success(
        request,
        f"Saved {count} record{'s' if count != 1 else ''} from {filename} for {organisation.name}.",
    )
    return redirect("record_upload_history")


def _upload_page(request, form, *, problems=(), filename=""):
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
            "columns": [(name, imports.COLUMN_NOTES[name]) for name in imports.COLUMNS],
            "required": imports.REQUIRED_COLUMNS,
            "breadcrumbs": _trail(),
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
def record_upload_template(request):
    """The empty template (CSV or XLSX), or with ?example=1 a CSV with one example row."""
    kind = request.GET.get("format", "csv")
    definitions = request.build_absolute_uri(reverse("record_definitions"))
    if kind == "xlsx":
        notes = [(name, imports.COLUMN_NOTES[name]) for name in imports.COLUMNS]
        notes += [
            ("", ""),
            ("Fill in", "The first sheet, Records: one record a row, under the header row."),
            ("Example", "The Example sheet shows a filled-in row; it is not uploaded."),
            ("Definitions", definitions),
        ]
        return exports.xlsx_response(
            "performance-records-template.xlsx",
            imports.COLUMNS,
            [],
            sheet_title="Records",
            more_sheets=[
                ("Example", imports.COLUMNS, [imports.EXAMPLE_ROW]),
                ("Notes", ("column", "what to enter"), notes),
            ],
        )
    if kind != "csv":
        raise Http404("Choose csv or xlsx.")
    if request.GET.get("example") == "1":
        return exports.csv_response(
            "performance-records-example.csv", imports.COLUMNS, [imports.EXAMPLE_ROW], bom=True
        )
    return exports.csv_response("performance-records-template.csv", imports.COLUMNS, [], bom=True)


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
