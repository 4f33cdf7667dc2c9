"""The govuk template tags: every Django form renders as GOV.UK Frontend markup."""

import pytest
from allauth.account.forms import LoginForm, SignupForm
from bs4 import BeautifulSoup
from django import forms
from django.forms.utils import ErrorList
from django.template import Context, Origin, Template

COLOURS = [("", "Choose a colour"), ("red", "Red"), ("green", "Green")]
AREAS = [("north", "North"), ("south", "South"), ("west", "West")]
KINDS = [("charity", "A charity"), ("business", "A business")]


class SampleForm(forms.Form):
    name = forms.CharField(
        help_text="Your full name",
        max_length=50,
        widget=forms.TextInput(
            attrs={"autocomplete": "name", "placeholder": "Ann", "class": "govuk-input--width-20"}
        ),
    )
    email = forms.EmailField(required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    staff = forms.IntegerField(required=False)
    started = forms.DateField(required=False, widget=forms.DateInput)
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    bio = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    colour = forms.ChoiceField(choices=COLOURS)
    kind = forms.ChoiceField(choices=KINDS, widget=forms.RadioSelect, help_text="Pick one")
    areas = forms.MultipleChoiceField(choices=AREAS, widget=forms.CheckboxSelectMultiple)
    regions = forms.MultipleChoiceField(choices=AREAS, required=False)
    agree = forms.BooleanField(help_text="You must agree")
    logo = forms.FileField(required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Something is wrong with the whole form")


INVALID_DATA = {
    "name": "Ann <Smith>",
    "email": "not-an-email",
    "colour": "green",
    "kind": "business",
    "areas": ["south", "west"],
    "regions": ["west"],
    "agree": "",
    "token": "",
}


def render(source, **context):
    # allauth's {% element %} needs the template to have a name.
    origin = Origin("test.html", template_name="test.html")
    html = Template("{% load govuk %}" + source, origin=origin).render(Context(context))
    return BeautifulSoup(html, "html.parser")


def render_field(form, name, **kwargs):
    options = "".join(f' {key}="{value}"' for key, value in kwargs.items())
    return render(f"{{% govuk_field form.{name}{options} %}}", form=form)


def classes(tag):
    return tag.get("class", [])


@pytest.mark.parametrize(
    ("name", "selector", "css_class"),
    [
        ("name", "input#id_name", "govuk-input"),
        ("email", "input#id_email", "govuk-input"),
        ("website", "input#id_website", "govuk-input"),
        ("staff", "input#id_staff", "govuk-input"),
        ("started", "input#id_started", "govuk-input"),
        ("password", "input#id_password", "govuk-input"),
        ("bio", "textarea#id_bio", "govuk-textarea"),
        ("colour", "select#id_colour", "govuk-select"),
        ("logo", "input#id_logo", "govuk-file-upload"),
    ],
)
def test_each_control_gets_its_govuk_class_inside_a_labelled_form_group(name, selector, css_class):
    soup = render_field(SampleForm(), name)

    group = soup.select_one("div.govuk-form-group")
    control = group.select_one(selector)
    assert css_class in classes(control)
    assert group.select_one(f"label.govuk-label[for=id_{name}]") is not None


def test_widget_attrs_and_class_are_kept_but_not_placeholders():
    control = render_field(SampleForm(), "name").select_one("input#id_name")

    assert classes(control) == ["govuk-input", "govuk-input--width-20"]
    assert control["autocomplete"] == "name"
    assert not control.has_attr("placeholder")  # GOV.UK: no placeholder text
    assert control["maxlength"] == "50"
    assert control.has_attr("required")


def test_password_uses_the_password_input_component_with_a_hidden_show_button():
    soup = render_field(SampleForm(), "password")

    group = soup.select_one("div.govuk-form-group.govuk-password-input")
    assert group["data-module"] == "govuk-password-input"
    control = group.select_one("input#id_password")
    assert control["type"] == "password"
    assert control["autocomplete"] == "new-password"
    assert "govuk-js-password-input-input" in classes(control)
    toggle = group.select_one("button.govuk-js-password-input-toggle")
    assert toggle["type"] == "button"
    assert toggle["aria-controls"] == "id_password"
    assert toggle.has_attr("hidden")


def test_radios_render_in_a_fieldset_with_one_govuk_radio_per_choice():
    soup = render_field(SampleForm(), "kind")

    fieldset = soup.select_one("div.govuk-form-group > fieldset.govuk-fieldset")
    assert fieldset.select_one("legend.govuk-fieldset__legend").get_text(strip=True) == "Kind"
    radios = fieldset.select_one("div.govuk-radios[data-module=govuk-radios]")
    inputs = radios.select("div.govuk-radios__item > input.govuk-radios__input")
    assert [(i["type"], i["id"], i["value"]) for i in inputs] == [
        ("radio", "id_kind_0", "charity"),
        ("radio", "id_kind_1", "business"),
    ]
    labels = radios.select("label.govuk-label.govuk-radios__label")
    assert [(label["for"], label.get_text(strip=True)) for label in labels] == [
        ("id_kind_0", "A charity"),
        ("id_kind_1", "A business"),
    ]


@pytest.mark.parametrize("name", ["areas", "regions"])
def test_checkbox_select_multiple_and_select_multiple_render_as_govuk_checkboxes(name):
    soup = render_field(SampleForm(), name)

    fieldset = soup.select_one("fieldset.govuk-fieldset")
    checkboxes = fieldset.select_one("div.govuk-checkboxes[data-module=govuk-checkboxes]")
    inputs = checkboxes.select("div.govuk-checkboxes__item > input.govuk-checkboxes__input")
    assert [(i["type"], i["id"], i["value"]) for i in inputs] == [
        ("checkbox", f"id_{name}_0", "north"),
        ("checkbox", f"id_{name}_1", "south"),
        ("checkbox", f"id_{name}_2", "west"),
    ]
    assert soup.select_one("select") is None


def test_a_boolean_field_is_a_single_govuk_checkbox_labelled_after_its_input():
    soup = render_field(SampleForm(), "agree")

    item = soup.select_one("div.govuk-checkboxes > div.govuk-checkboxes__item")
    control = item.select_one("input.govuk-checkboxes__input#id_agree")
    assert control["type"] == "checkbox"
    assert control.find_next_sibling("label")["for"] == "id_agree"
    assert "govuk-checkboxes__label" in classes(control.find_next_sibling("label"))
    assert soup.select_one("fieldset") is None


def test_error_summary_lists_every_error_linking_to_the_first_input_of_each_field():
    form = SampleForm(data=INVALID_DATA)

    summary = render("{% govuk_error_summary form %}", form=form).select_one(
        "div.govuk-error-summary[data-module=govuk-error-summary]"
    )

    assert summary.select_one("[role=alert] h2.govuk-error-summary__title").get_text(
        strip=True
    ) == ("There is a problem")
    items = summary.select("ul.govuk-error-summary__list > li")
    links = [(li.a["href"] if li.a else None, li.get_text(strip=True)) for li in items]
    assert links == [
        (None, "Something is wrong with the whole form"),
        ("#id_email", "Enter a valid email address."),
        ("#id_password", "This field is required."),
        ("#id_agree", "This field is required."),
        (None, "This field is required."),  # the hidden token: nothing to link to
    ]


def test_error_summary_links_radios_and_checkboxes_to_their_first_option():
    form = SampleForm(data={})

    hrefs = [a["href"] for a in render("{% govuk_error_summary form %}", form=form).select("li a")]

    assert "#id_kind_0" in hrefs
    assert "#id_areas_0" in hrefs
    assert "#id_colour" in hrefs
    assert "#id_name" in hrefs


def test_error_summary_renders_nothing_for_an_unbound_or_a_valid_form():
    class ValidForm(forms.Form):
        name = forms.CharField()

    valid = ValidForm(data={"name": "Ann"})
    assert valid.is_valid()

    assert render("{% govuk_error_summary form %}", form=SampleForm()).get_text(strip=True) == ""
    assert render("{% govuk_error_summary form %}", form=valid).get_text(strip=True) == ""
    assert render("{% govuk_error_summary form %}", form="").get_text(strip=True) == ""


def test_error_summary_is_shown_once_per_form_even_if_asked_twice():
    soup = render(
        "{% govuk_error_summary form %}{% govuk_error_summary form %}",
        form=SampleForm(data=INVALID_DATA),
    )

    assert len(soup.select("div.govuk-error-summary")) == 1


def test_a_field_with_an_error_is_marked_and_described_by_its_hint_and_error():
    soup = render_field(SampleForm(data={**INVALID_DATA, "name": ""}), "name")

    group = soup.select_one("div.govuk-form-group")
    assert "govuk-form-group--error" in classes(group)
    assert group.select_one("div.govuk-hint#id_name-hint").get_text(strip=True) == "Your full name"
    error = group.select_one("p.govuk-error-message#id_name-error")
    assert error.select_one("span.govuk-visually-hidden").get_text(strip=True) == "Error:"
    assert "This field is required." in error.get_text()
    control = group.select_one("input#id_name")
    assert control["aria-describedby"] == "id_name-hint id_name-error"
    assert "govuk-input--error" in classes(control)


@pytest.mark.parametrize(
    ("name", "selector", "error_class"),
    [
        ("bio", "textarea", "govuk-textarea--error"),
        ("colour", "select", "govuk-select--error"),
        ("logo", "input", "govuk-file-upload--error"),
    ],
)
def test_other_controls_get_their_error_modifier(name, selector, error_class):
    class OneFieldForm(SampleForm):
        def clean(self):
            self.add_error(name, "Something is wrong")

    soup = render_field(OneFieldForm(data=INVALID_DATA), name)

    assert error_class in classes(soup.select_one(f"{selector}#id_{name}"))


def test_a_field_without_hint_or_error_has_no_aria_describedby():
    control = render_field(SampleForm(), "email").select_one("input#id_email")

    assert not control.has_attr("aria-describedby")
    assert "govuk-input--error" not in classes(control)


def test_radios_and_checkboxes_are_described_on_their_fieldset_not_each_option():
    soup = render_field(SampleForm(data={}), "kind")

    fieldset = soup.select_one("fieldset.govuk-fieldset")
    assert fieldset["aria-describedby"] == "id_kind-hint id_kind-error"
    assert soup.select_one("#id_kind-hint") is not None
    assert soup.select_one("p.govuk-error-message#id_kind-error") is not None
    assert all(not i.has_attr("aria-describedby") for i in soup.select("input"))


def test_a_single_checkbox_is_described_by_its_hint_and_error():
    control = render_field(SampleForm(data=INVALID_DATA), "agree").select_one("input#id_agree")

    assert control["aria-describedby"] == "id_agree-hint id_agree-error"


def test_what_was_entered_is_kept_after_a_validation_error():
    form = SampleForm(data=INVALID_DATA)
    assert not form.is_valid()

    soup = render("{% govuk_fields form %}", form=form)

    assert soup.select_one("input#id_name")["value"] == "Ann <Smith>"
    assert soup.select_one("input#id_email")["value"] == "not-an-email"
    selected = soup.select("select#id_colour option[selected]")
    assert [option["value"] for option in selected] == ["green"]
    checked_radios = soup.select("input[name=kind][checked]")
    assert [radio["value"] for radio in checked_radios] == ["business"]
    checked_areas = soup.select("input[name=areas][checked]")
    assert [box["value"] for box in checked_areas] == ["south", "west"]
    checked_regions = soup.select("input[name=regions][checked]")
    assert [box["value"] for box in checked_regions] == ["west"]


def test_optional_fields_say_so_in_their_label_or_legend():
    form = SampleForm()

    assert render_field(form, "email").label.get_text(strip=True) == "Email (optional)"
    assert render_field(form, "name").label.get_text(strip=True) == "Name"
    assert render_field(form, "regions").legend.get_text(strip=True) == "Regions (optional)"
    assert render_field(form, "areas").legend.get_text(strip=True) == "Areas"


def test_label_class_sizes_a_label_or_a_legend():
    form = SampleForm()

    label = render_field(form, "name", label_class="govuk-label--m").label
    legend = render_field(form, "kind", label_class="govuk-label--m").legend

    assert classes(label) == ["govuk-label", "govuk-label--m"]
    assert classes(legend) == ["govuk-fieldset__legend", "govuk-fieldset__legend--m"]


def test_govuk_fields_renders_visible_fields_as_form_groups_and_hidden_fields_as_they_are():
    soup = render("{% govuk_fields form %}", form=SampleForm())

    assert soup.select_one("input[type=hidden][name=token]") is not None
    assert len(soup.select("div.govuk-form-group")) == len(SampleForm().visible_fields())


def assert_hidden_honeypot(soup, name):
    control = soup.select_one(f"input[name={name}]")
    wrapper = control.parent
    assert "govuk-visually-hidden" in classes(wrapper)
    assert wrapper["aria-hidden"] == "true"
    assert control["tabindex"] == "-1"
    assert control["autocomplete"] == "off"
    assert not control.has_attr("style")
    assert soup.select_one(f"label[for={control['id']}]") is not None


def test_allauth_signup_honeypot_is_in_the_page_but_hidden_from_people(settings):
    settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "fax_number"

    soup = render("{% govuk_fields form %}", form=SignupForm())

    assert_hidden_honeypot(soup, "fax_number")


def test_a_form_can_name_its_own_honeypots_or_mark_them_visually_hidden():
    class TrapForm(forms.Form):
        honeypot_fields = {"website"}
        website = forms.CharField(required=False)
        nickname = forms.CharField(
            required=False, widget=forms.TextInput(attrs={"class": "govuk-visually-hidden"})
        )

    soup = render("{% govuk_fields form %}", form=TrapForm())

    assert_hidden_honeypot(soup, "website")
    assert_hidden_honeypot(soup, "nickname")


def test_allauth_login_form_renders_in_govuk_style_keeping_its_widget_attrs(rf):
    soup = render("{% govuk_fields form %}", form=LoginForm(request=rf.get("/")))

    login = soup.select_one("input[name=login]")
    assert "govuk-input" in classes(login)
    assert login["autocomplete"] == "email"
    assert not login.has_attr("placeholder")
    password = soup.select_one("input[name=password]")
    assert password["autocomplete"] == "current-password"
    assert soup.select_one("input[name=remember].govuk-checkboxes__input") is not None


def test_allauth_field_element_renders_a_described_govuk_input():
    source = (
        "{% load allauth %}"
        '{% element field type="email" id="new_email" name="email" value="a@example.org" '
        "errors=errors %}"
        "{% slot label %}New email{% endslot %}{% slot help_text %}We will check it{% endslot %}"
        "{% endelement %}"
    )

    soup = render(source, errors=ErrorList(["Enter a valid email address."]))

    assert soup.select_one("label.govuk-label[for=new_email]").get_text(strip=True) == "New email"
    control = soup.select_one("input#new_email")
    assert classes(control) == ["govuk-input", "govuk-input--error"]
    assert control["value"] == "a@example.org"
    assert control["aria-describedby"] == "new_email-hint new_email-error"
    assert "Enter a valid email address." in soup.select_one("#new_email-error").get_text()


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("", ["govuk-button"]),
        ("secondary", ["govuk-button", "govuk-button--secondary"]),
        ("danger,delete", ["govuk-button", "govuk-button--warning"]),
    ],
)
def test_allauth_button_element_is_a_govuk_button(tags, expected):
    source = '{% load allauth %}{% element button type="submit" tags=tags %}Go{% endelement %}'

    button = render(source, tags=tags).button

    assert classes(button) == expected
    assert button["type"] == "submit"
    assert button["data-module"] == "govuk-button"
