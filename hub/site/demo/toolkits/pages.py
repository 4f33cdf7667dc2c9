"""Demo toolkit pages and their downloadable documents. Idempotent: what exists is left alone."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cases.casestudies.models import CaseStudy
from hub.site.pages import HomePage
from toolkits.models.pages import ToolkitIndexPage, ToolkitPage

from . import toolkit_content as content
from . import toolkit_guides as guides

COLLECTION_NAME = "Toolkit documents"
FICTION = "Made for the Good Practice Hub demonstration: every figure and example is fictional."
FACT_SHEET_TITLE = "Subcontract fact sheet template"
CHECKLIST_TITLE = "Bid readiness checklist"


def seed(stdout=None) -> str:
    """Create the toolkit index, the guides and their documents where they do not exist yet."""
    home = HomePage.objects.first()
    if home is None:
        return ""
    index = ToolkitIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ToolkitIndexPage(
                title="Toolkits", slug="toolkits", intro=content.INDEX_INTRO, live=False
            )
        )
        index.save_revision().publish()
    documents = {
        title: _document(title, filename, build)
        for title, filename, build in (
            (FACT_SHEET_TITLE, "subcontract-fact-sheet.xlsx", fact_sheet_xlsx),
            (CHECKLIST_TITLE, "bid-readiness-checklist.xlsx", checklist_xlsx),
        )
    }
    existing = set(ToolkitPage.objects.child_of(index).values_list("slug", flat=True))
    created = {}
    for slug, (title, topic, audience, summary, _) in content.TOOLKITS.items():
        if slug in existing:
            continue  # made on an earlier run; an editor may have changed it since
        created[slug] = index.add_child(
            instance=ToolkitPage(
                title=title, slug=slug, topic=topic, audience=audience, summary=summary, live=False
            )
        )
    pages = {page.slug: page for page in ToolkitPage.objects.child_of(index)}
    for slug, page in created.items():
        page.body = _body(slug, documents, pages)
        page.save_revision().publish()
    return f"{len(created)} toolkit pages created, {len(pages)} in all, {len(documents)} documents"


def _body(slug, documents, pages):
    case_studies = _case_studies(content.TOOLKITS[slug][4])
    fact_sheet, checklist_doc = documents[FACT_SHEET_TITLE], documents[CHECKLIST_TITLE]
    body = {
        "understanding-payment-by-results": lambda: content.understanding_pbr(case_studies),
        "should-we-bid": lambda: content.readiness(case_studies, fact_sheet, checklist_doc),
        "subcontract-fact-sheet": lambda: content.fact_sheet(case_studies, fact_sheet),
        "tendering-process": lambda: guides.tendering(case_studies),
        "writing-customer-service-standards": lambda: guides.customer_service(case_studies),
        "supply-chain-partnership": lambda: guides.supply_chain(case_studies),
    }[slug]()
    read_next = [pages[s] for s in content.READ_NEXT.get(slug, []) if s in pages]
    if read_next:
        body.append(("related_pages", {"heading": "Read next", "pages": read_next}))
    return body


def _case_studies(titles):
    """The published demo case studies with these titles, in the order given."""
    found = {cs.title: cs for cs in CaseStudy.objects.published().filter(title__in=titles)}
    return [found[title] for title in titles if title in found]


def _document(title, filename, build):
    """The named document in the toolkit collection, made the first time it is asked for."""
    Document = get_document_model()
    collection = _collection()
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save(filename, ContentFile(build()), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    return collection or root.add_child(name=COLLECTION_NAME)


def _sheet_header(sheet, headings, widths):
    sheet.append(headings)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", widths, strict=False):
        sheet.column_dimensions[column].width = width


def _wrap(sheet):
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fact_sheet_xlsx() -> bytes:
    """The fact sheet a prime fills in: one row per headline term, and prices by group."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Headline terms"
    sheet.append(["Subcontract fact sheet"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Ask the prime contractor to fill in column C for this subcontract."])
    sheet.append([FICTION])
    sheet.append([])
    _sheet_header(
        sheet, ["Term", "What to ask", "The prime's answer", "Example answer"], [28, 60, 45, 45]
    )
    sheet.freeze_panes = "A6"
    for term, ask, example in content.FACT_SHEET_TERMS:
        sheet.append([term, ask, "", example])
    _wrap(sheet)

    prices = workbook.create_sheet("Payment groups")
    prices.append(["Prices by payment group, before the prime's management fee"])
    prices["A1"].font = Font(bold=True, size=14)
    prices.append([FICTION + " Replace the example rows with the prime's figures."])
    prices.append([])
    _sheet_header(
        prices,
        [
            "Payment group",
            "Attachment or delivery fee (£)",
            "Job outcome payment (£)",
            "Sustainment payment, each 4 weeks (£)",
            "Most sustainment payments",
            "Expected referrals a month",
        ],
        [28, 18, 18, 22, 16, 18],
    )
    prices.freeze_panes = "A5"
    for group, attach, outcome, sustain, n in content.PAYMENT_GROUPS:
        prices.append([group, attach, outcome, sustain, n, None])
    prices.append(["Management fee kept by the prime (%)", 15])
    _wrap(prices)
    return _save(workbook)


def checklist_xlsx() -> bytes:
    """The readiness questions with a Yes / No / Not sure answer and a column for actions."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Readiness checklist"
    sheet.append(["Should we bid? A readiness checklist"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Answer each question with your trustees. Any 'No' or 'Not sure' needs a plan."])
    sheet.append([FICTION])
    sheet.append([])
    _sheet_header(
        sheet,
        ["Area", "Question", "Why it matters", "Answer", "What we will do"],
        [24, 50, 60, 12, 40],
    )
    sheet.freeze_panes = "A6"
    answers = DataValidation(type="list", formula1='"Yes,No,Not sure"', allow_blank=True)
    answers.prompt = "Yes, No or Not sure"
    sheet.add_data_validation(answers)
    for area, _intro, items in content.READINESS:
        for question, hint in items:
            sheet.append([area, question, hint, "", ""])
            answers.add(f"D{sheet.max_row}")
    _wrap(sheet)
    return _save(workbook)
