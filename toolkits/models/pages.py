"""Toolkit pages: practical guidance for voluntary sector organisations, published by editors."""

from django.db import models
from django.utils.text import slugify
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from hub.base.blocks import ContentStreamBlock


class Audience(models.TextChoices):
    VCS = "vcs", "Voluntary and community sector organisations"
    SUBCONTRACTOR = "subcontractor", "Subcontractors and specialist providers"
    PRIME = "prime", "Prime contractors"
    EVERYONE = "everyone", "Everyone delivering employment programmes"


class Topic(models.TextChoices):
    FINANCIAL_MODELLING = "financial-modelling", "Financial modelling"
    TENDERING = "tendering", "Tendering"
    SUPPLY_CHAIN = "supply-chain", "Supply-chain partnership"
    CUSTOMER_SERVICE = "customer-service", "Customer service"


class ChecklistItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, help_text="One thing to check, as a question or task.")
    hint = blocks.TextBlock(required=False, max_length=600, help_text="Why it matters.")


class ChecklistBlock(blocks.StructBlock):
    """A list of things to check before a decision, shown as a GOV.UK task-style list."""

    title = blocks.CharBlock(max_length=200)
    intro = blocks.TextBlock(required=False, max_length=600)
    items = blocks.ListBlock(ChecklistItemBlock(), min_num=1)

    class Meta:
        icon = "tasks"
        template = "blocks/checklist.html"


class RelatedCaseStudiesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, default="Case studies")
    case_studies = blocks.ListBlock(SnippetChooserBlock("cases.CaseStudy"), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/related_case_studies.html"

    def get_context(self, value, parent_context=None):
        """Show only case studies still published, with their organisations in one query."""
        from cases.casestudies import selectors as cases

        context = super().get_context(value, parent_context=parent_context)
        ids = [case_study.pk for case_study in value["case_studies"] if case_study]
        found = {case_study.pk: case_study for case_study in cases.published_in(ids)}
        context["case_studies"] = [found[pk] for pk in dict.fromkeys(ids) if pk in found]
        return context


class RelatedPagesBlock(blocks.StructBlock):
    """Links to workshop notes or other toolkits."""

    heading = blocks.CharBlock(max_length=200, default="Workshop notes")
    pages = blocks.ListBlock(blocks.PageChooserBlock(), min_num=1)

    class Meta:
        icon = "link"
        template = "blocks/related_pages.html"

    def get_context(self, value, parent_context=None):
        """Link only to pages anyone can read, as their specific types (for summaries)."""
        context = super().get_context(value, parent_context=parent_context)
        ids = [page.pk for page in value["pages"] if page and page.live]
        live = Page.objects.filter(pk__in=ids).live().public().specific()
        found = {page.pk: page for page in live}
        context["pages"] = [found[pk] for pk in dict.fromkeys(ids) if pk in found]
        return context


class ToolkitStreamBlock(ContentStreamBlock):
    checklist = ChecklistBlock()
    related_case_studies = RelatedCaseStudiesBlock()
    related_pages = RelatedPagesBlock()


class ToolkitIndexPage(Page):
    """The toolkits section: every toolkit, filterable by topic and audience."""

    intro = models.TextField(max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["toolkits.ToolkitPage"]
    max_count = 1

    class Meta:
        verbose_name = "toolkit index"

    def get_context(self, request, *args, **kwargs):
        from toolkits.selectors import toolkit_list

        context = super().get_context(request, *args, **kwargs)
        context.update(
            toolkit_list(
                index=self,
                topics=request.GET.getlist("topic"),
                audiences=request.GET.getlist("audience"),
            )
        )
        return context


class ToolkitPage(Page):
    """One practical guide: guidance sections, checklists, documents and links."""

    summary = models.TextField(max_length=400, help_text="Shown in the list and search results.")
    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.VCS, db_index=True
    )
    topic = models.CharField(max_length=30, choices=Topic.choices, db_index=True)
    body = StreamField(ToolkitStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("topic"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("topic"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["toolkits.ToolkitIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "toolkit"

    # A contents list helps once a page has this many sections.
    CONTENTS_MIN_SECTIONS = 3

    def sections(self) -> list[tuple[object, str]]:
        """Each body block with the anchor it gets if it opens a section (h2s and checklists)."""
        used: set[str] = set()
        result = []
        for block in self.body:
            title = ""
            if block.block_type == "heading" and block.value["level"] == "h2":
                title = block.value["text"]
            elif block.block_type == "checklist":
                title = block.value["title"]
            anchor = ""
            if title:
                base = slugify(title)[:60] or "section"
                anchor, n = base, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
            result.append((block, anchor))
        return result

    def get_context(self, request, *args, **kwargs):
        from toolkits.selectors import related_toolkits

        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        contents = [
            {"anchor": anchor, "title": _section_title(block)}
            for block, anchor in sections
            if anchor
        ]
        context["sections"] = sections
        context["contents"] = contents if len(contents) >= self.CONTENTS_MIN_SECTIONS else []
        context["related_toolkits"] = related_toolkits(self)
        return context


def _section_title(block) -> str:
    return block.value["text"] if block.block_type == "heading" else block.value["title"]
