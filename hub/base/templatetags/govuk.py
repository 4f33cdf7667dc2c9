"""GOV.UK Frontend markup for Django forms: the one way the hub renders a form.

    {% load govuk %}
    {% govuk_error_summary form %}   "There is a problem" box; once per form, nothing if valid
    {% govuk_fields form %}          every field of the form, hidden ones included
    {% govuk_field form.email %}     one field; label_class="govuk-label--m" sizes its label

The markup lives in templates/govuk/. This module only picks the template for each
widget and works out ids, classes and aria-describedby, so that plain forms, model
forms and allauth's forms all come out the same way.

A widget's own attrs are kept (autocomplete, maxlength and so on) except ``placeholder``:
GOV.UK asks for none, since it vanishes as you type and often repeats the label. Its
``class`` is added after the GOV.UK class, except on radios and checkboxes, where it
goes on the group (for example ``forms.RadioSelect(attrs={"class": "govuk-radios--inline"})``).

Honeypot fields (bot traps) render hidden from people and assistive technology but
present for bots: allauth's signup honeypot (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD), any
field named in a form's ``honeypot_fields``, and any widget with the class
``govuk-visually-hidden``.
"""

import copy

from allauth.account.forms import SignupForm
from django import forms, template
from django.conf import settings
from django.forms.boundfield import BoundWidget

from hub.base.fields import MonthYearWidget

register = template.Library()

# Set on a form once its error summary is on the page, so a layout and a form element
# that both ask for it do not show it twice.
_SUMMARY_SHOWN = "_govuk_error_summary_shown"


@register.simple_tag(takes_context=True)
def govuk_error_summary(context, form):
    """The error summary for a bound form with errors; nothing otherwise.

    ``form`` may be missing: allauth's form element is not always given one.
    """
    if not getattr(form, "is_bound", False) or not form.errors:
        return ""
    if getattr(form, _SUMMARY_SHOWN, False):
        return ""
    setattr(form, _SUMMARY_SHOWN, True)
    errors = [{"text": error, "href": ""} for error in form.non_field_errors()]
    for bound_field in form:
        href = "" if bound_field.is_hidden else f"#{_first_input_id(bound_field)}"
        errors.extend({"text": error, "href": href} for error in bound_field.errors)
    return _render(context, "govuk/error_summary.html", {"errors": errors})


@register.simple_tag(takes_context=True)
def govuk_fields(context, form):
    """All of a form's fields: hidden ones as they are, visible ones via govuk_field."""
    return _render(context, "govuk/fields.html", {"form": form})


@register.simple_tag(takes_context=True)
def govuk_field(context, bound_field, label_class=""):
    """One field as a GOV.UK form group, with label, hint, error message and control."""
    template_name, field_context = _field_context(bound_field, label_class)
    return _render(context, template_name, field_context)


def _render(context, template_name, data):
    return context.template.engine.get_template(template_name).render(context.new(data))


def _field_context(bound_field, label_class):
    """The template that renders this field's widget kind, and its context."""
    widget = bound_field.field.widget
    field_id = _base_id(bound_field)
    ctx = {
        "id": field_id,
        "label": bound_field.label,
        # A search box is optional by nature; saying so is noise. A field required by another
        # answer (`required_when`, shown under that answer) is not "optional" either.
        "optional": not bound_field.field.required
        and not getattr(bound_field.field, "required_when", "")
        and getattr(widget, "input_type", "") != "search",
        "label_class": label_class,
        "hint": bound_field.help_text,
        "hint_id": f"{field_id}-hint" if bound_field.help_text else "",
        "errors": bound_field.errors,
        "error_id": f"{field_id}-error" if bound_field.errors else "",
    }
    described_by = " ".join(
        filter(None, [widget.attrs.get("aria-describedby"), ctx["hint_id"], ctx["error_id"]])
    )

    if _is_honeypot(bound_field):
        return "govuk/field/honeypot.html", {**ctx, "control": _honeypot_control(bound_field)}

    if isinstance(widget, MonthYearWidget):
        values = bound_field.value()
        if not isinstance(values, list | tuple):
            values = widget.decompress(values)
        return "govuk/field/month_year.html", {
            **ctx,
            "legend_class": label_class.replace("govuk-label--", "govuk-fieldset__legend--"),
            "described_by": described_by,
            "parts": [
                {
                    "id": f"{field_id}_{i}",
                    "name": f"{bound_field.html_name}_{i}",
                    "label": label,
                    "width": width,
                    "value": values[i] if i < len(values) else "",
                }
                for i, (_, label, width) in enumerate(widget.parts)
            ],
        }

    if isinstance(widget, forms.RadioSelect | forms.SelectMultiple):
        group = "checkboxes" if widget.allow_multiple_selected else "radios"
        return "govuk/field/choices.html", {
            **ctx,
            "group": group,
            "group_class": widget.attrs.get("class", ""),
            "legend_class": label_class.replace("govuk-label--", "govuk-fieldset__legend--"),
            "described_by": described_by,
            "options": _options(bound_field, f"govuk-{group}__input"),
        }

    if isinstance(widget, forms.CheckboxInput):
        control = _control(bound_field, "govuk-checkboxes__input", "", described_by)
        return "govuk/field/checkbox.html", {**ctx, "control": control}

    if isinstance(widget, forms.PasswordInput):
        control = _control(
            bound_field,
            "govuk-input govuk-password-input__input govuk-js-password-input-input",
            "govuk-input--error",
            described_by,
            defaults={"spellcheck": "false", "autocapitalize": "none"},
        )
        return "govuk/field/password.html", {**ctx, "control": control}

    if isinstance(widget, forms.Textarea):
        css_class, error_class = "govuk-textarea", "govuk-textarea--error"
    elif isinstance(widget, forms.Select):
        css_class, error_class = "govuk-select", "govuk-select--error"
    elif isinstance(widget, forms.FileInput):
        css_class, error_class = "govuk-file-upload", "govuk-file-upload--error"
    else:
        css_class, error_class = "govuk-input", "govuk-input--error"
    control = _control(bound_field, css_class, error_class, described_by)
    return "govuk/field/input.html", {**ctx, "control": control}


def _base_id(bound_field):
    """The field's id: its input's id, or the prefix of its options' ids."""
    return bound_field.field.widget.attrs.get("id") or bound_field.auto_id or bound_field.html_name


def _first_input_id(bound_field):
    """Where the error summary links to: the input, or a group's first option."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.SelectMultiple | MonthYearWidget):
        return f"{_base_id(bound_field)}_0"  # as ChoiceWidget.id_for_label numbers options
    return _base_id(bound_field)


def _control(bound_field, css_class, error_class, described_by, defaults=None):
    """The widget's own markup with GOV.UK classes; ``defaults`` yield to widget attrs."""
    widget = bound_field.field.widget
    attrs = {name: value for name, value in (defaults or {}).items() if name not in widget.attrs}
    attrs["id"] = _base_id(bound_field)
    attrs["class"] = " ".join(
        filter(None, [css_class, bound_field.errors and error_class, widget.attrs.get("class")])
    )
    if described_by:
        attrs["aria-describedby"] = described_by
    attrs["placeholder"] = False  # Django leaves out an attribute whose value is False
    return bound_field.as_widget(attrs=attrs)


def _options(bound_field, input_class):
    """Radios or checkboxes, each with its rendered <input>, id and label.

    A SelectMultiple is shown as checkboxes: GOV.UK has no multiple select.
    """
    widget = bound_field.field.widget
    if not isinstance(widget, forms.RadioSelect):
        widget = forms.CheckboxSelectMultiple(attrs=widget.attrs, choices=widget.choices)
    attrs = bound_field.build_widget_attrs(
        {"id": _base_id(bound_field), "class": input_class}, widget
    )
    # The fieldset carries the hint and error, so the options need no aria-describedby.
    attrs.pop("aria-describedby", None)
    return [
        {
            "id": option["attrs"]["id"],
            "label": option["label"],
            "input": BoundWidget(widget, option, bound_field.form.renderer).tag(),
        }
        for option in widget.subwidgets(bound_field.html_name, bound_field.value(), attrs)
    ]


def _is_honeypot(bound_field):
    form, widget = bound_field.form, bound_field.field.widget
    return (
        bound_field.name in getattr(form, "honeypot_fields", ())
        or "govuk-visually-hidden" in widget.attrs.get("class", "").split()
        or (
            isinstance(form, SignupForm)
            and bound_field.name == getattr(settings, "ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD", None)
        )
    )


def _honeypot_control(bound_field):
    """The trap's <input>: out of the tab order, never autofilled, no inline style.

    Its container hides it (the site's CSP blocks allauth's inline style anyway).
    """
    widget = copy.copy(bound_field.field.widget)
    widget.attrs = {k: v for k, v in widget.attrs.items() if k not in {"class", "style"}}
    attrs = {"id": _base_id(bound_field), "tabindex": "-1", "autocomplete": "off"}
    return bound_field.as_widget(widget=widget, attrs=attrs)


@register.simple_tag
def details_open(form, names: str) -> str:
    """ "open" when any of the named fields (space-separated; absent ones are skipped) has an
    error or a value other than its default, so a <details> section of a long form never hides
    what was typed or what needs fixing."""
    for name in names.split():
        if name not in form.fields:
            continue
        bound = form[name]
        value = bound.value()
        empty = value in (None, "", [], ()) or value == [""]
        if bound.errors or not (empty or value == form.fields[name].initial):
            return "open"
    return ""
