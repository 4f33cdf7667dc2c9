"""The showcase (Recommendation 25): curated good practice, written by editors and featuring
members' case studies chosen by moderators."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from hub.base.blocks import ContentStreamBlock
from hub.base.models import ShowcaseKind


class ShowcasePage(Page):
    """The showcase: editorial text for each kind of good practice and the featured case studies."""

    intro = models.TextField(max_length=800, help_text="Shown under the title.")
    vcs_delivery_text = RichTextField(
        "about VCS delivery", blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    complementary_text = RichTextField(
        "about complementary provision", blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    advocacy_text = RichTextField(
        "about specialist advocacy", blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    body = StreamField(ContentStreamBlock(), blank=True, help_text="Further editorial content.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("vcs_delivery_text"),
                FieldPanel("complementary_text"),
                FieldPanel("advocacy_text"),
            ],
            heading="The three kinds of good practice",
        ),
        InlinePanel("features", heading="Featured case studies", label="Featured case study"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("vcs_delivery_text"),
        index.SearchField("complementary_text"),
        index.SearchField("advocacy_text"),
        index.SearchField("body"),
    ]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["hub.ContentPage"]

    class Meta:
        app_label = "hub"  # the site's pages keep the tables and page types they had
        verbose_name = "showcase page"

    def shown_features(self) -> list:
        """The featured case studies that are still published, in the editors' order."""
        return list(
            self.features.filter(case_study__status="published")
            .select_related("case_study__organisation", "case_study__author")
            .order_by("sort_order", "id")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        features = self.shown_features()
        texts = {
            ShowcaseKind.VCS_DELIVERY: self.vcs_delivery_text,
            ShowcaseKind.COMPLEMENTARY: self.complementary_text,
            ShowcaseKind.ADVOCACY: self.advocacy_text,
        }
        context["sections"] = [
            {
                "kind": kind,
                "label": kind.label,
                "text": texts[kind],
                "features": [f for f in features if f.kind == kind],
            }
            for kind in ShowcaseKind
        ]
        return context


class ShowcaseFeature(Orderable):
    """A member's case study featured on the showcase, with the moderator's note on why."""

    page = ParentalKey(ShowcasePage, on_delete=models.CASCADE, related_name="features")
    case_study = models.ForeignKey(
        "cases.CaseStudy", on_delete=models.CASCADE, related_name="showcase_features"
    )
    kind = models.CharField("kind of good practice", max_length=20, choices=ShowcaseKind.choices)
    note = models.TextField(
        "why it was chosen", max_length=600, help_text="One or two sentences shown beside it."
    )
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("case_study"), FieldPanel("kind"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        app_label = "hub"  # the site's pages keep the tables and page types they had
        verbose_name = "featured case study"
