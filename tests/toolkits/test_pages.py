"""Toolkit pages: the index and its filters, every block, query counts, documents and the demo."""

import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, PageViewRestriction
from wagtail.rich_text import RichText

from cases.casestudies.models import CaseStudy
from hub.site.demo.toolkits import pages as demo
from hub.site.demo.toolkits import toolkit_content
from hub.site.pages import HomePage
from tests.factories import CaseStudyFactory, UserFactory
from toolkits.models.pages import ToolkitIndexPage, ToolkitPage

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded files go to a temporary folder, not the project's media folder."""
    settings.MEDIA_ROOT = tmp_path


def _xlsx_bytes(text="hello") -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = text
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _document(name, data, title="A document"):
    document = Document(title=title)
    document.file.save(name, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _index() -> ToolkitIndexPage:
    home = HomePage.objects.get()
    for page in Page.objects.child_of(home).filter(slug="toolkits"):
        page.delete()  # a placeholder from the migrations
    index = home.add_child(instance=ToolkitIndexPage(title="Toolkits", slug="toolkits", live=False))
    index.save_revision().publish()
    return index


def _toolkit(index, title, topic="tendering", audience="vcs", body=(), live=True, **kwargs):
    page = index.add_child(
        instance=ToolkitPage(
            title=title,
            summary=f"Summary of {title}.",
            topic=topic,
            audience=audience,
            live=False,
            **kwargs,
        )
    )
    page.body = list(body)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def _full_body(index, case_studies, linked_pages, document, image):
    return [
        ("heading", {"text": "Money first", "level": "h2"}),
        ("paragraph", RichText("<p>A paragraph about <b>money</b>.</p>")),
        ("callout", {"style": "warning", "title": "", "text": RichText("<p>Mind the gap.</p>")}),
        (
            "table",
            {
                "caption": "Prices by group",
                "table": {
                    "columns": [
                        {"type": "text", "heading": "Group"},
                        {"type": "text", "heading": "Price"},
                    ],
                    "rows": [{"values": ["JSA 25+", "£1,200"]}],
                },
            },
        ),
        ("document", {"document": document, "description": "Fill it in with trustees."}),
        ("image", {"image": image, "alt_text": "A cash-flow curve", "caption": "The J curve"}),
        ("heading", {"text": "Risk", "level": "h2"}),
        (
            "checklist",
            {
                "title": "Before you bid",
                "intro": "Ask your trustees.",
                "items": [
                    {"text": "Do we have reserves?", "hint": "Cash runs out first."},
                    {"text": "Is the fee fair?", "hint": ""},
                ],
            },
        ),
        ("heading", {"text": "Risk", "level": "h2"}),
        ("heading", {"text": "A smaller point", "level": "h3"}),
        (
            "related_case_studies",
            {"heading": "Case studies on money", "case_studies": list(case_studies)},
        ),
        ("related_pages", {"heading": "Read next", "pages": list(linked_pages)}),
    ]


@pytest.fixture
def image():
    return get_image_model().objects.create(
        title="Curve", file=get_test_image_file(filename="curve.png", size=(40, 30))
    )


# Page rules and the editor --------------------------------------------------------------------


def test_toolkits_live_only_under_the_one_index_under_home():
    index = _index()
    home = HomePage.objects.get()
    assert ToolkitPage.can_create_at(index)
    assert not ToolkitPage.can_create_at(home)
    assert not ToolkitIndexPage.can_create_at(home)  # max_count: there is one already
    assert ToolkitIndexPage.allowed_parent_page_models() == [HomePage]


def test_editors_can_open_a_toolkit_with_every_block_in_the_admin(client, image):
    index = _index()
    document = _document("checklist.xlsx", _xlsx_bytes())
    linked = _toolkit(index, "The fact sheet")
    body = _full_body(index, [CaseStudyFactory()], [linked], document, image)
    page = _toolkit(index, "Money matters", topic="financial-modelling", body=body)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    assert "Before you bid" in response.content.decode()


# The index ----------------------------------------------------------------------------------


def test_index_lists_live_toolkits_by_topic_and_links_to_the_tools_for_anyone(client):
    index = _index()
    _toolkit(index, "Cash flow basics", topic="financial-modelling")
    _toolkit(index, "Bidding basics", topic="tendering")
    _toolkit(index, "Unfinished draft", topic="tendering", live=False)
    private = _toolkit(index, "Members only", topic="tendering")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get("/toolkits/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/toolkits/financial-model/"' in html
    assert 'href="/standards/"' in html
    assert "Cash flow basics" in html and "Bidding basics" in html
    assert "Unfinished draft" not in html and "Members only" not in html
    assert re.search(r'id="topic-financial-modelling">Financial modelling', html)
    assert html.index("Financial modelling <span") < html.index("Tendering <span")
    assert "2 guides" in html


def test_index_filters_by_topic_with_counts_and_no_javascript(client):
    index = _index()
    _toolkit(index, "Cash flow basics", topic="financial-modelling")
    _toolkit(index, "Bidding basics", topic="tendering")
    _toolkit(index, "Fact sheet", topic="tendering", audience="everyone")

    html = client.get("/toolkits/?topic=tendering").content.decode()

    assert "Bidding basics" in html and "Fact sheet" in html
    assert "Cash flow basics" not in html
    assert "2 guides match your filters" in html
    assert re.search(r'value="tendering" checked>\s*<label[^>]*>Tendering <span class="hub-meta">'
                     r"\(2\)", html)  # fmt: skip
    # A topic's count still shows, so a visitor can widen the choice.
    assert re.search(r'value="financial-modelling">\s*<label[^>]*>Financial modelling '
                     r'<span class="hub-meta">\(1\)', html)  # fmt: skip
    # Audience counts apply the topic filter.
    assert re.search(r'value="everyone">\s*<label[^>]*>Everyone[^<]*<span class="hub-meta">\(1\)',
                     html)  # fmt: skip
    assert "Clear filters" in html


def test_index_filters_by_audience_and_combines_topics(client):
    index = _index()
    _toolkit(index, "Cash flow basics", topic="financial-modelling", audience="vcs")
    _toolkit(index, "Bidding basics", topic="tendering", audience="vcs")
    _toolkit(index, "For primes", topic="supply-chain", audience="prime")

    html = client.get("/toolkits/?audience=vcs").content.decode()
    assert "Cash flow basics" in html and "Bidding basics" in html and "For primes" not in html

    html = client.get(
        "/toolkits/?topic=tendering&topic=supply-chain&audience=prime"
    ).content.decode()
    assert "For primes" in html
    assert "Bidding basics" not in html and "Cash flow basics" not in html
    assert "1 guide matches your filters" in html


def test_index_ignores_unknown_filter_values(client):
    index = _index()
    _toolkit(index, "Bidding basics", topic="tendering")

    response = client.get("/toolkits/?topic=<script>&audience=nobody")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bidding basics" in html and "<script>" not in html
    assert "1 guide" in html


def test_index_says_when_nothing_matches(client):
    index = _index()
    _toolkit(index, "Bidding basics", topic="tendering")

    html = client.get("/toolkits/?topic=customer-service").content.decode()

    assert "No guides match these filters." in html
    assert "Bidding basics" not in html


# A toolkit page ------------------------------------------------------------------------------


def test_toolkit_page_renders_every_block_for_an_anonymous_visitor(client, image):
    index = _index()
    document = _document("checklist.xlsx", _xlsx_bytes(), title="The checklist")
    case_study = CaseStudyFactory(title="Paying for attachments")
    hidden = CaseStudyFactory(title="Hidden by a moderator", status=CaseStudy.Status.HIDDEN)
    linked = _toolkit(index, "The fact sheet", topic="tendering")
    draft = _toolkit(index, "Draft guide", topic="tendering", live=False)
    body = _full_body(index, [case_study, hidden], [linked, draft], document, image)
    page = _toolkit(index, "Money matters", topic="financial-modelling", body=body)

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<span class="govuk-caption-l">Financial modelling</span>' in html
    assert "Voluntary and community sector organisations" in html
    assert '<h2 class="govuk-heading-l" id="money-first">Money first</h2>' in html
    assert "<b>money</b>" in html
    assert "govuk-warning-text" in html and "Mind the gap." in html
    assert "Prices by group" in html and "£1,200" in html
    assert f'href="{document.url}" download>The checklist' in html
    assert "Excel spreadsheet (XLSX)" in html and "Fill it in with trustees." in html
    assert 'alt="A cash-flow curve"' in html
    # The checklist is a list to read, not form controls that do nothing.
    assert '<h2 class="govuk-heading-m" id="before-you-bid">Before you bid</h2>' in html
    assert re.search(r'<ol class="govuk-list govuk-list--number hub-checklist__items">\s*<li', html)
    assert "Do we have reserves?" in html and "Cash runs out first." in html
    assert 'type="checkbox"' not in html
    # A repeated heading gets its own anchor; h3s stay out of the contents.
    assert 'id="risk"' in html and 'id="risk-2"' in html
    start = html.index('id="contents-heading"')
    contents = html[start : html.index("</nav>", start)]
    assert re.findall(r'href="#([^"]+)"', contents) == [
        "money-first",
        "risk",
        "before-you-bid",
        "risk-2",
    ]
    assert "A smaller point" not in contents
    assert "Case studies on money" in html and case_study.get_absolute_url() in html
    assert case_study.organisation.name in html
    assert "Hidden by a moderator" not in html
    assert "Read next" in html and linked.url in html
    assert "Draft guide" not in html


def test_short_toolkit_has_no_contents_list(client):
    index = _index()
    page = _toolkit(
        index,
        "Short guide",
        body=[
            ("heading", {"text": "One", "level": "h2"}),
            ("paragraph", RichText("<p>Text.</p>")),
            ("heading", {"text": "Two", "level": "h2"}),
        ],
    )

    html = client.get(page.url).content.decode()

    assert 'id="contents-heading"' not in html
    assert 'id="one"' in html


def test_toolkit_page_suggests_live_toolkits_on_the_same_topic(client):
    index = _index()
    page = _toolkit(index, "Bidding basics", topic="tendering")
    _toolkit(index, "The fact sheet", topic="tendering")
    _toolkit(index, "A tendering draft", topic="tendering", live=False)
    _toolkit(index, "Cash flow basics", topic="financial-modelling")

    html = client.get(page.url).content.decode()

    related = html[html.index('id="related-heading"') :]
    assert "More on tendering" in related
    assert "The fact sheet" in related
    assert "A tendering draft" not in related and "Cash flow basics" not in related
    assert "Bidding basics" not in related
    assert 'href="/toolkits/?topic=tendering"' in html


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_query_counts_do_not_grow_with_toolkits_or_related_items(client, image):
    index = _index()
    document = _document("checklist.xlsx", _xlsx_bytes())
    topics = ["financial-modelling", "tendering", "supply-chain", "customer-service"]

    def grow(n):
        made = [
            _toolkit(index, f"Guide {n}-{i}", topic=topics[i % 4], audience="vcs") for i in range(n)
        ]
        studies = [CaseStudyFactory() for _ in range(n)]
        body = _full_body(index, studies, made, document, image)
        return _toolkit(index, f"Big guide {n}", topic="tendering", body=body)

    small_page = grow(2)
    client.get(small_page.url)  # the first view makes the image's rendition
    small = (
        _count(client, "/toolkits/"),
        _count(client, "/toolkits/?topic=tendering&audience=vcs"),
        _count(client, small_page.url),
    )
    large_page = grow(12)
    client.get(large_page.url)
    large = (
        _count(client, "/toolkits/"),
        _count(client, "/toolkits/?topic=tendering&audience=vcs"),
        _count(client, large_page.url),
    )
    assert small == large


# Documents ----------------------------------------------------------------------------------


def test_a_download_is_an_attachment_the_browser_must_not_sniff(client):
    document = _document("fact-sheet.xlsx", _xlsx_bytes("fact"))

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    data = b"".join(response.streaming_content)
    assert load_workbook(io.BytesIO(data)).active["A1"].value == "fact"


@pytest.mark.parametrize(
    "name, data",
    [
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("page.xhtml", b'<html xmlns="http://www.w3.org/1999/xhtml"></html>'),
    ],
)
def test_markup_documents_are_never_served_inline(client, name, data):
    """Even a file that bypassed the upload checks (an old upload, a script) downloads as bytes."""
    document = _document(name, data)

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_pdfs_may_open_in_the_browser_but_sandboxed(client):
    document = _document("guide.pdf", b"%PDF-1.4\n%%EOF\n")

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _zip(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _upload(client, name, data):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("evil.html", b"<html></html>", "File extension"),
        ("drawing.svg", b"<svg/>", "File extension"),
        ("report.pdf", b"<html><script>alert(1)</script></html>", "not a real PDF"),
        ("sheet.xlsx", b"PK\x03\x04not really a zip", "not a real Excel spreadsheet"),
        ("notes.docx", _xlsx_bytes(), "not a real Word document"),
        ("bomb.odt", _zip({"mimetype": b"\0" * 50_000_000}), "not a real OpenDocument text"),
        ("notes.txt", b"<!DOCTYPE html><html><body>hi</body></html>", "not a web page"),
        ("data.csv", b"\xff\xfe\x00a\x00b" * 10, "UTF-8"),
    ],
)
def test_uploads_are_checked_by_content_not_just_by_name(editor_client, name, data, message):
    response = _upload(editor_client, name, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "name, data",
    [
        ("sheet.xlsx", _xlsx_bytes()),
        ("guide.pdf", b"%PDF-1.7\n1 0 obj\n%%EOF\n"),
        ("list.csv", "group,price\nJSA 25+,£1200\n".encode()),
    ],
)
def test_genuine_files_upload(editor_client, name, data):
    response = _upload(editor_client, name, data)

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file_size == len(data)


def test_oversized_uploads_are_refused(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = _upload(editor_client, "big.csv", b"a,b\n" * 1000)

    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Document.objects.exists()


# Demo content -------------------------------------------------------------------------------


def _snapshot():
    return (
        sorted(ToolkitPage.objects.values_list("slug", "live", "latest_revision_id")),
        sorted(Document.objects.values_list("title", "file", "file_hash")),
        ToolkitIndexPage.objects.count(),
    )


def test_demo_seed_creates_live_guides_and_real_documents_once(client):
    for page in Page.objects.child_of(HomePage.objects.get()).filter(slug="toolkits"):
        page.delete()
    CaseStudyFactory(title=toolkit_content.TOOLKITS["should-we-bid"][4][0])

    summary = demo.seed()
    first = _snapshot()
    assert demo.seed() and _snapshot() == first  # a second run changes nothing

    assert "6 toolkit pages created" in summary
    slugs = {slug for slug, live, _ in first[0]}
    assert slugs == set(toolkit_content.TOOLKITS)
    assert all(live for _, live, _ in first[0])
    index = ToolkitIndexPage.objects.get()
    assert index.slug == "toolkits" and index.live and index.get_parent().specific_class is HomePage
    collection = Collection.objects.get(name=demo.COLLECTION_NAME)
    documents = {d.title: d for d in Document.objects.filter(collection=collection)}
    assert set(documents) == {demo.FACT_SHEET_TITLE, demo.CHECKLIST_TITLE}
    with documents[demo.FACT_SHEET_TITLE].open_file() as f:
        workbook = load_workbook(io.BytesIO(f.read()))
    assert workbook.sheetnames == ["Headline terms", "Payment groups"]
    terms = [row[0] for row in workbook["Headline terms"].iter_rows(min_row=6, values_only=True)]
    assert "Management fee" in terms and "Exit and termination" in terms

    for slug in toolkit_content.TOOLKITS:
        page = ToolkitPage.objects.get(slug=slug)
        response = client.get(page.url)
        assert response.status_code == 200, slug
        assert "fictional" in response.content.decode()
    readiness = client.get(ToolkitPage.objects.get(slug="should-we-bid").url).content.decode()
    assert documents[demo.CHECKLIST_TITLE].url in readiness
    assert "Merlin Standard" in readiness and toolkit_content.TOOLKITS["should-we-bid"][4][0] in (
        readiness
    )
    assert readiness.count('class="hub-checklist"') == len(toolkit_content.READINESS)
    pbr = client.get(ToolkitPage.objects.get(slug="understanding-payment-by-results").url)
    assert 'href="/toolkits/financial-model/"' in pbr.content.decode()
