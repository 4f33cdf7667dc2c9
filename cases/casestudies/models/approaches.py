"""Approaches: editor-written descriptions of a practice (volunteer mentoring, in-work support by
text...), and the links from case studies to them.

An approach is a snippet, not a page: case studies link to it by a foreign key in a form an
adviser fills in, the toolkit lists and filters approaches in one query, and its page is built
from numbers computed over its case studies, not from a page tree.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from hub.base.models import Barrier, ClaimantGroup, JourneyStage


class ApproachQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class Approach(index.Indexed, models.Model):
    """A practice members can copy, described by editors; its evidence comes from case studies."""

    title = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.TextField(
        max_length=400, help_text="One or two plain-English sentences: what it is and who it helps."
    )
    what_it_is = models.TextField("what it is", max_length=5000, help_text="Markdown.")
    who_it_suits = models.TextField(
        "who it suits", max_length=3000, help_text="Markdown. Claimant groups, barriers, stages."
    )
    how_to = models.TextField("how to do it", max_length=8000, help_text="Markdown.")
    pitfalls = models.TextField(max_length=5000, help_text="Markdown. What goes wrong.")
    claimant_groups = models.ManyToManyField(ClaimantGroup, blank=True, related_name="approaches")
    barriers = models.ManyToManyField(Barrier, blank=True, related_name="approaches")
    journey_stages = models.ManyToManyField(JourneyStage, blank=True, related_name="approaches")
    live = models.BooleanField(
        "shown on the toolkit", default=True, help_text="Untick to take it off the site."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApproachQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("what_it_is"),
        FieldPanel("who_it_suits"),
        FieldPanel("how_to"),
        FieldPanel("pitfalls"),
        MultiFieldPanel(
            [FieldPanel("claimant_groups"), FieldPanel("barriers"), FieldPanel("journey_stages")],
            heading="Who it suits (the toolkit's filters)",
        ),
        FieldPanel("live"),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = "approach"
        verbose_name_plural = "approaches"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("approach_detail", kwargs={"slug": self.slug})


class CaseStudyApproach(models.Model):
    """A case study's author says it is an example of an approach; a moderator may confirm it."""

    case_study = models.ForeignKey(
        "cases.CaseStudy", on_delete=models.CASCADE, related_name="approach_links"
    )
    approach = models.ForeignKey(
        Approach, on_delete=models.CASCADE, related_name="case_study_links"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case_study", "approach"], name="case_approach_once")
        ]
        indexes = [models.Index(fields=["approach", "case_study"], name="approach_case_studies")]

    def __str__(self) -> str:
        return f"{self.case_study_id} → {self.approach}"
