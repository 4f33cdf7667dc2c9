"""'What Works' workshop notes (Recommendation 3): advisers from different providers in one
area meet and share practice; the notes are Wagtail pages, so proposals go through a moderation
workflow."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from hub.base.blocks import ContentStreamBlock, DocumentBlock

NOTE_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class PracticeExampleBlock(blocks.StructBlock):
    """One approach an attending provider described."""

    title = blocks.CharBlock(max_length=200)
    organisation = blocks.CharBlock(max_length=200, required=False)
    text = blocks.RichTextBlock(features=NOTE_FEATURES)

    class Meta:
        icon = "pick"
        template = "blocks/practice_example.html"


class ActionBlock(blocks.StructBlock):
    """An action agreed at the workshop, with who will do it and by when."""

    action = blocks.CharBlock(max_length=300)
    owner = blocks.CharBlock(max_length=200, required=False)
    due = blocks.DateBlock(required=False)

    class Meta:
        icon = "tick"
        template = "blocks/workshop_action.html"


class WorkshopNotesBlock(ContentStreamBlock):
    what_was_shared = blocks.RichTextBlock(
        features=NOTE_FEATURES, template="blocks/what_was_shared.html"
    )
    practice_example = PracticeExampleBlock()
    action = ActionBlock()
    follow_up = blocks.RichTextBlock(features=NOTE_FEATURES, template="blocks/follow_up.html")


class WorkshopIndexPage(RoutablePageMixin, Page):
    """Every workshop, past and upcoming, filterable by area, theme, claimant group and year."""

    intro = models.TextField(max_length=800, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["hub.WorkshopPage"]
    max_count = 1

    class Meta:
        app_label = "hub"  # the site's pages keep the tables and page types they had
        verbose_name = "workshop index"

    @path("")
    def index_route(self, request):
        from hub.site.workshops.views import workshop_index

        return workshop_index(request, self)

    @path("calendar/", name="upcoming_ics")
    def upcoming_ics(self, request):
        from hub.site.workshops.views import upcoming_calendar

        return upcoming_calendar(request, self)


class WorkshopPage(RoutablePageMixin, Page):
    """One workshop: when and where, who came, and the notes of what was shared and agreed."""

    takes_follow_up_threads = True  # the forum offers "start a follow-up thread" for it

    date = models.DateField(db_index=True)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=255, blank=True)
    area = models.ForeignKey("hub.Area", on_delete=models.PROTECT, related_name="workshops")
    facilitator = models.ForeignKey(
        "hub.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="facilitated_workshops",
    )  # fmt: skip
    attendees = ParentalManyToManyField(
        "hub.Organisation", blank=True, related_name="attended_workshops"
    )
    claimant_groups = ParentalManyToManyField(
        "hub.ClaimantGroup", blank=True, related_name="workshops"
    )
    themes = ParentalManyToManyField("hub.Theme", blank=True, related_name="workshops")
    summary = models.TextField(max_length=600, help_text="Shown in lists and search results.")
    notes = StreamField(WorkshopNotesBlock(), blank=True)
    case_studies = StreamField(
        [("case_study", SnippetChooserBlock("cases.CaseStudy"))],
        blank=True,
        help_text="Case studies the workshop discussed.",
    )
    attachments = StreamField([("document", DocumentBlock())], blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="proposed_workshops", editable=False,
    )  # fmt: skip
    # A proposal's one-time form key (hub.idempotency): a double click makes one draft, not two.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("start_time"),
                FieldPanel("end_time"),
                FieldPanel("venue"),
                FieldPanel("area"),
            ],
            heading="When and where",
        ),
        MultiFieldPanel(
            [FieldPanel("facilitator"), FieldPanel("attendees")], heading="Who took part"
        ),
        FieldPanel("claimant_groups"),
        FieldPanel("themes"),
        FieldPanel("summary"),
        FieldPanel("notes"),
        FieldPanel("case_studies"),
        FieldPanel("attachments"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("notes"),
        index.SearchField("venue"),
        index.FilterField("date"),
        index.FilterField("area"),
    ]
    parent_page_types = ["hub.WorkshopIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        app_label = "hub"  # the site's pages keep the tables and page types they had
        verbose_name = "workshop note"
        indexes = [models.Index(fields=["area", "date"], name="workshop_area_date")]

    @path("")
    def page_route(self, request):
        from hub.site.workshops.views import workshop_detail

        return workshop_detail(request, self)

    @path("calendar/", name="event_ics")
    def event_ics(self, request):
        from hub.site.workshops.views import workshop_calendar

        return workshop_calendar(request, self)
