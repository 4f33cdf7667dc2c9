"""An anonymous visitor finds a toolkit by topic and downloads its checklist, JS on and off."""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from wagtail.models import Page

from hub.site.demo.toolkits import pages as demo
from hub.site.demo.toolkits import toolkit_content
from hub.site.pages import HomePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_visitor_filters_toolkits_opens_one_and_downloads_the_checklist(
    new_page, auditor, js_enabled, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path  # the documents the seed makes stay out of the project
    for placeholder in Page.objects.child_of(HomePage.objects.get()).filter(slug="toolkits"):
        placeholder.delete()
    demo.seed()

    page = new_page()
    page.goto("/toolkits/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Toolkits")
    expect(page.get_by_role("link", name="Payment-by-results financial model")).to_have_attribute(
        "href", "/toolkits/financial-model/"
    )
    standards = page.get_by_role("link", name="Customer Service Standards", exact=True)
    expect(standards).to_have_attribute("href", "/standards/")
    auditor.check(page, js_enabled)

    page.get_by_role("checkbox", name=re.compile(r"^Tendering \(\d+\)$")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/toolkits/\?topic=tendering$"))
    expect(page.get_by_role("heading", name="3 guides match your filters")).to_be_visible()
    expect(page.get_by_role("link", name="Understanding payment by results")).to_have_count(0)
    auditor.check(page, js_enabled)

    page.get_by_role("link", name="Should we bid? A readiness checklist").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Should we bid? A readiness checklist"
    )
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Getting out safely").click()
    expect(page).to_have_url(re.compile(r"#getting-out-safely$"))
    expect(page.get_by_role("heading", name="Getting out safely")).to_be_visible()
    auditor.check(page, js_enabled)

    link = page.get_by_role("link", name=re.compile(r"^Bid readiness checklist"))
    expect(link).to_contain_text("Excel spreadsheet (XLSX)")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    questions = [row[1] for row in workbook.active.iter_rows(min_row=6, values_only=True)]
    expected = [q for _, _, items in toolkit_content.READINESS for q, _ in items]
    assert questions == expected
    assert page.console_errors == []
