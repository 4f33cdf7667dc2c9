"""Shared taxonomies, edited as Wagtail snippets and used by pages and member content."""

from django.db import models
from wagtail.search import index


class Term(index.Indexed, models.Model):
    """A named, ordered entry in one of the hub's controlled vocabularies."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ClaimantGroup(Term):
    """A payment group outcomes are measured and paid by (e.g. JSA 18-24, new ESA claimants)."""

    class Meta(Term.Meta):
        verbose_name = "claimant group"


class Area(Term):
    """A geography programmes are let in: a Contract Package Area or a local area."""

    code = models.CharField(max_length=20, blank=True, help_text="For example, CPA1.")

    class Meta(Term.Meta):
        verbose_name = "area"


class Barrier(Term):
    """A barrier to work a participant may face (health condition, housing, debt...)."""

    class Meta(Term.Meta):
        verbose_name = "barrier to work"
        verbose_name_plural = "barriers to work"


class JourneyStage(Term):
    """One of the five stages of the participant journey used by Customer Service Standards."""

    class Meta(Term.Meta):
        verbose_name = "journey stage"


class Theme(Term):
    """A practice theme workshops and toolkits are grouped by (engagement, in-work support...)."""

    class Meta(Term.Meta):
        verbose_name = "theme"


class ShowcaseKind(models.TextChoices):
    """The three kinds of good practice the 2014 report asks the showcase to cover."""

    VCS_DELIVERY = "vcs_delivery", "Voluntary and community organisations delivering the programme"
    COMPLEMENTARY = "complementary", "Complementary provision outside supply chains"
    ADVOCACY = "advocacy", "Specialist organisations advocating for a customer group"
