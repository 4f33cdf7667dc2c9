"""Customer Service Standards end to end in Chromium, with JavaScript on and off."""

import re

import pytest
from playwright.sync_api import expect

from hub.base.models import JourneyStage
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, admin_of
from toolkits.models import StandardsStatement

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JARGON = (
    "Following attachment, participants are signposted to holistic wraparound provision that "
    "addresses barriers to employment."
)
PLAIN = "We will offer you a first meeting within five working days."


def _field(page, prefix, name):
    return page.locator(f"#id_{prefix}-{name}")


def _choose(page, prefix, kind_index):
    page.locator(f"label[for='id_{prefix}-measure_kind_{kind_index}']").click()


def test_an_admin_writes_checks_and_publishes_standards_and_a_visitor_compares_them(
    new_page, auditor, js_enabled, live_server
):
    organisation = OrganisationFactory(name="Lighthouse Test Employment", kind="vcs")
    admin = admin_of(organisation)
    stages = list(JourneyStage.objects.order_by("sort_order"))
    assert len(stages) == 5

    page = new_page()
    sign_in(page, auditor, js_enabled, admin.email)
    page.goto(organisation.get_absolute_url())
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Write your Customer Service Standards").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Write your Customer Service Standards"
    )
    auditor.check(page, js_enabled)

    # A jargon-heavy promise for the first stage: the check flags it with plainer words.
    first = f"stage-{stages[0].slug}-0"
    _field(page, first, "service_standard").fill(JARGON)
    slot = page.locator(f"#id_{first}-service_standard-findings")
    if js_enabled:  # as you type, from the server's own check
        expect(slot).to_contain_text("try “joining the programme”")
    else:
        page.get_by_role("button", name="Check my wording").click()
        expect(page.get_by_role("main")).to_contain_text("Nothing has been saved yet")
    expect(slot).to_contain_text("“attachment” – try “joining the programme”")
    expect(slot).to_contain_text("looking at your whole situation")
    auditor.check(page, js_enabled)
    assert _field(page, first, "service_standard").input_value() == JARGON

    # Rewritten plainly, the advice goes.
    _field(page, first, "service_standard").fill(PLAIN)
    if not js_enabled:
        page.get_by_role("button", name="Check my wording").click()
    expect(slot).to_contain_text("No jargon or long sentences found")
    _field(page, first, "measure").fill("First meetings offered on time")
    _choose(page, first, 1)  # a number of working days
    _field(page, first, "days").fill("5")

    # A second standard for the second stage, added the no-JavaScript way (a submit button).
    page.get_by_role("button", name=f"Add another standard for {stages[1].name.lower()}").click()
    second_stage = f"stage-{stages[1].slug}"
    expect(_field(page, f"{second_stage}-1", "service_standard")).to_be_visible()
    assert _field(page, first, "service_standard").input_value() == PLAIN
    auditor.check(page, js_enabled)

    for n, stage in enumerate(stages[1:], start=1):
        prefix = f"stage-{stage.slug}-0"
        _field(page, prefix, "service_standard").fill(f"We will help you at stage {n + 1}.")
        _field(page, prefix, "measure").fill(f"People helped at stage {n + 1}")
        _choose(page, prefix, 0)  # a target percentage
        _field(page, prefix, "percentage").fill("90")
    extra = f"{second_stage}-1"
    _field(page, extra, "service_standard").fill("We will talk about your plan with you.")
    _field(page, extra, "measure").fill("Meetings about your plan")
    _choose(page, extra, 2)  # how often
    _field(page, extra, "frequency").select_option("fortnightly")

    # Publishing without rights and responsibilities is refused beside those fields.
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("#id_rights-error")).to_contain_text("Say what a claimant can expect")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    auditor.check(page, js_enabled)
    assert _field(page, extra, "service_standard").input_value() == (
        "We will talk about your plan with you."
    )

    page.get_by_label("What a claimant can expect from you").fill("We will treat you with respect.")
    page.get_by_label("What you ask of a claimant in return").fill(
        "Come to the meetings you agree with us."
    )
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Customer Service Standards")
    expect(page.get_by_role("main")).to_contain_text("published on your profile")
    auditor.check(page, js_enabled)
    statement = StandardsStatement.objects.get(organisation=organisation)
    assert statement.status == "published" and statement.items.count() == 6

    page.goto(organisation.get_absolute_url())
    main = page.get_by_role("main")
    expect(main).to_contain_text(PLAIN)
    expect(main).to_contain_text("every two weeks")
    expect(main).to_contain_text(re.compile(r"Last reviewed on \d{1,2} \w+ \d{4}"))
    auditor.check(page, js_enabled)

    # A visitor compares the organisation's standards with another's.
    visitor = new_page()
    visitor.goto("/standards/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Customer Service Standards")
    auditor.check(visitor, js_enabled)
    visitor.get_by_label("Lighthouse Test Employment").check()
    visitor.get_by_role("button", name="Compare").click()
    table = visitor.locator("table", has_text=stages[3].name)
    expect(table).to_contain_text("Lighthouse Test Employment")
    expect(table).to_contain_text("90%")
    auditor.check(visitor, js_enabled)
    assert not page.console_errors and not visitor.console_errors
