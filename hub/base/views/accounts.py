"""A member downloads their data, and deletes their own account after saying their password
again."""

from allauth.account.decorators import reauthentication_required
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from hub.base import accounts, personal_data, services
from hub.base.forms import NameForm
from hub.base.tasks import build_data_export
from hub.base.views.common import apply_errors
from hub.base.views.common import posted as _posted


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        help_text="To check that it is you.",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            # Signed in through an identity provider: allauth has just asked it (or for a
            # two-factor code) again, so no password is needed here.
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("The password is not right")
        return password


def _account_delete(request):
    form = AccountDeleteForm(_posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.account_erase(actor=request.user, user=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            logout(request)
            messages.success(request, "Your account has been deleted.")
            return redirect("/")
    return render(
        request,
        "hub/account_delete.html",
        {"form": form, "handover": accounts.organisations_needing_handover(request.user)},
    )


_reauthenticated = reauthentication_required(_account_delete, allow_get=True)


@login_required
def account_delete(request):
    """Password accounts confirm with their password on this page; accounts without one
    (identity-provider sign-in) go through allauth's reauthentication first."""
    if request.user.has_usable_password():
        return _account_delete(request)
    return _reauthenticated(request)


@login_required
@require_http_methods(["GET", "POST"])
def data_export(request):
    """GET says what the file holds; POST makes it: at once when small, else in the background."""
    if request.method == "POST":
        user = request.user
        if not personal_data.is_large(user):
            response = HttpResponse(personal_data.build_zip(user), content_type="application/zip")
            filename = personal_data.filename_for(user)
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        transaction.on_commit(lambda: build_data_export.enqueue(user_id=user.pk))
        messages.success(
            request,
            "We are making your file. We will send you a notification with a link when it is "
            "ready, usually within a few minutes.",
        )
        return redirect("data_export")
    return render(
        request,
        "hub/data_export.html",
        {"sections": personal_data.sections(), "keep_days": settings.HUB_DATA_EXPORT_KEEP_DAYS},
    )


@login_required
def data_export_download(request, token):
    """A file made in the background; only its member can download it."""
    path = personal_data.stored_path(request.user, token)
    if path is None:
        raise Http404("This file has expired or is not yours.")
    return FileResponse(
        personal_data.default_storage.open(path, "rb"),
        as_attachment=True,
        filename=personal_data.filename_for(request.user),
        content_type="application/zip",
    )


@login_required
def account_name(request):
    """Members who joined before names were asked at sign-up give theirs, once, after signing
    in (hub.base.adapters); they may skip it, and change it later on their profile."""
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    form = NameForm(_posted(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            job_title=form.cleaned_data["job_title"],
            bio=request.user.bio,
        )
        messages.success(request, "Thank you. Your name is saved.")
        return redirect(next_url)
    return render(request, "hub/account_name.html", {"form": form, "next": next_url})
