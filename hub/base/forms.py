"""Forms for profiles and organisations. Each names exactly the fields a user may change."""

from allauth.account import forms as allauth_forms
from django import forms

from hub.base import sso
from hub.base.fields import MonthYearField
from hub.base.models import Membership, Organisation, User
from hub.base.text import no_control_characters


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "job_title", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text="For example, https://www.example.org.uk",
    )

    class Meta:
        model = Organisation
        fields = ["name", "kind", "website", "description", "areas", "claimant_groups"]
        labels = {
            "name": "Organisation name",
            "kind": "What kind of organisation is it?",
            "areas": "Areas served",
            "claimant_groups": "Claimant groups served",
        }
        help_texts = {
            "areas": "Choose every area you deliver in.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "areas": forms.CheckboxSelectMultiple,
            "claimant_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Organisation.Kind.choices  # no empty "-----" radio
        self.fields["name"].validators.append(no_control_characters)


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role", choices=Membership.Role.choices, widget=forms.RadioSelect
    )


class SupplyChainForm(forms.Form):
    RELATION_CHOICES = [
        ("subcontractor", "They deliver for us (they are our subcontractor)"),
        ("prime", "We deliver for them (they are our prime contractor)"),
    ]
    other = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label="Choose an organisation",
    )
    relation = forms.ChoiceField(
        label="How are you linked?", choices=RELATION_CHOICES, widget=forms.RadioSelect
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = Organisation.objects.exclude(pk=organisation.pk).only(
            "pk", "name"
        )


class LoginForm(allauth_forms.LoginForm):
    """allauth's sign-in form, with the reset-password link moved out of the password hint
    (where it sat between the two fields in the tab order) to below the button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"

    def clean(self):
        refusal = sso.password_refusal(self.cleaned_data.get("login") or "")
        if refusal:
            self.add_error("login", refusal)
            return self.cleaned_data
        return super().clean()


class NameForm(forms.ModelForm):
    """A member's name (required) and job title (optional), as other members see them."""

    class Meta:
        model = User
        fields = ["display_name", "job_title"]
        labels = {"display_name": "Your name", "job_title": "Job title (optional)"}
        help_texts = {
            "display_name": "Shown beside what you write, and to an organisation's admins when "
            "you ask to join. For example, Sam Patel.",
            "job_title": "For example, employment adviser or contract manager.",
        }
        error_messages = {"display_name": {"required": "Enter your name"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].widget.attrs["autocomplete"] = "name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up form, with the member's name and job title, saying what the username
    is for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = (
            "Shown on your public profile and used to mention you in the forum. "
            "Letters, numbers and . _ - only."
        )
        name_fields = NameForm().fields
        self.fields = {
            "display_name": name_fields["display_name"],
            "job_title": name_fields["job_title"],
            **self.fields,
        }

    def clean_email(self):
        email = super().clean_email()
        refusal = sso.password_refusal(email)
        if refusal:
            raise forms.ValidationError(refusal)
        return email

    def custom_signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.job_title = self.cleaned_data["job_title"].strip()
        user.save(update_fields=["display_name", "job_title"])


class ReasonForm(forms.Form):
    """A reason for a moderator's action or a member's report, labelled for the occasion."""

    reason = forms.CharField(
        label="Reason",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter a reason"},
    )

    def __init__(self, *args, label: str = "Reason", help_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].help_text = help_text


class AccreditationForm(forms.Form):
    """An accreditation an organisation admin adds; moderators verify it on the same page."""

    kind = forms.ChoiceField(
        label="Which standard?", widget=forms.RadioSelect,
        error_messages={"required": "Choose the standard"},
    )  # fmt: skip
    other_name = forms.CharField(
        label="Name of the standard", required=False, max_length=120,
        help_text="Only if you chose another quality standard.",
        validators=[no_control_characters],
    )  # fmt: skip
    awarded_on = MonthYearField(label="Month awarded", help_text="For example, 3 2025.")
    expires_on = MonthYearField(
        label="Month it expires", required=False, help_text="Leave it empty if it does not expire."
    )
    evidence_url = forms.URLField(
        label="Link to the evidence", max_length=300, assume_scheme="https",
        help_text="The awarding body's register entry or your certificate, so a moderator can "
        "check it. Starts with https://",
        error_messages={"required": "Enter a link to the evidence",
                        "invalid": "Enter a full web address, like https://example.org/register"},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        from hub.base.models import Accreditation

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Accreditation.Kind.choices

    def clean(self):
        data = super().clean()
        if data.get("kind") == "other" and not (data.get("other_name") or "").strip():
            self.add_error("other_name", "Enter the name of the standard")
        awarded, expires = data.get("awarded_on"), data.get("expires_on")
        if awarded and expires and expires <= awarded:
            self.add_error("expires_on", "The month it expires must be after the month awarded")
        return data
