"""Template tags for the financial model: GOV.UK inputs with a £ prefix or % suffix, and money."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from hub.base.templatetags.govuk import _field_context, _render

register = template.Library()


@register.simple_tag(takes_context=True)
def model_field(context, bound_field):
    """One field as hub's govuk_field renders it, with the field's prefix or suffix beside it."""
    template_name, field_context = _field_context(bound_field, "")
    field = bound_field.field
    prefix, suffix = getattr(field, "prefix", ""), getattr(field, "suffix", "")
    if template_name == "govuk/field/input.html" and (prefix or suffix):
        template_name = "toolkits/model/field.html"
        field_context = {**field_context, "prefix": prefix, "suffix": suffix}
    return _render(context, template_name, field_context)


@register.filter
def money(value) -> str:
    """£1,234.56 or −£1,234.56 (a true minus sign, so screen readers say "minus")."""
    if value is None:
        return ""
    value = Decimal(value)
    text = f"£{abs(value):,.2f}"
    return f"\u2212{text}" if value < 0 else text


@register.filter
def pounds(value) -> str:
    """Whole pounds, for a grid of estimates where pence are noise: £1,235 or −£1,235."""
    if value is None:
        return ""
    value = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    text = f"£{abs(value):,}"
    return f"\u2212{text}" if value < 0 else text


@register.filter
def people(value) -> str:
    """An expected number of people as whole people (405.6 -> "406", 0.4 -> "0"): nobody is
    part of a person; the exports keep the exact figures."""
    if value is None:
        return ""
    return f"{Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


@register.filter
def signed_percent(value) -> str:
    """A relative change as +10%, −20% or "As entered"."""
    value = Decimal(value) * 100
    if not value:
        return "As entered"
    return f"+{value:.0f}%" if value > 0 else f"\u2212{abs(value):.0f}%"
