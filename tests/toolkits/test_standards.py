"""Customer Service Standards: services against the database, then the pages."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hub.base.models import Area, JourneyStage
from tests.cases.test_views import _Inspector, script_injection_strings
from tests.factories import OrganisationFactory, admin_of, member_of, moderator
from tests.querycounts import cold_viewer_caches
from toolkits.models import ServiceStandard, StandardsStatement
from toolkits.services import standards as svc

pytestmark = pytest.mark.django_db

RIGHTS = "We will treat you with respect."
RESPONSIBILITIES = "Come to the meetings you agree with your adviser."
JARGON = "Following attachment we facilitate holistic wraparound provision and signposting."


def _stages():
    return list(JourneyStage.objects.order_by("sort_order"))


def _inputs(stages=None, **overrides):
    return [
        svc.StandardInput(
            stage=stage,
            service_standard=overrides.get("service_standard", f"We promise {stage.name}."),
            measure=overrides.get("measure", f"People seen at {stage.name}"),
            measure_kind=overrides.get("measure_kind", "percentage"),
            measure_value=overrides.get("measure_value", Decimal("95")),
            measure_frequency=overrides.get("measure_frequency", ""),
        )
        for stage in (stages if stages is not None else _stages())
    ]


def _save(admin, organisation, *, version=None, standards=None, **kwargs):
    return svc.standards_save(
        actor=admin,
        organisation=organisation,
        rights=kwargs.get("rights", RIGHTS),
        responsibilities=kwargs.get("responsibilities", RESPONSIBILITIES),
        standards=_inputs() if standards is None else standards,
        expected_version=version,
    )


def _published(organisation=None, admin=None):
    organisation = organisation or OrganisationFactory()
    admin = admin or admin_of(organisation)
    _save(admin, organisation)
    return svc.standards_publish(actor=admin, organisation=organisation), admin


# Services -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "other admin", "moderator"])
def test_only_an_organisations_admins_can_save_or_publish_its_standards(who):
    organisation = OrganisationFactory()
    actor = {
        "member": lambda: member_of(organisation),
        "other admin": lambda: admin_of(OrganisationFactory()),
        "moderator": moderator,
    }[who]()
    with pytest.raises(PermissionDenied):
        _save(actor, organisation)
    assert not StandardsStatement.objects.exists()
    statement, _ = _published(organisation)
    for action in (svc.standards_publish, svc.standards_mark_reviewed, svc.standards_unpublish):
        with pytest.raises(PermissionDenied):
            action(actor=actor, organisation=organisation)
    statement.refresh_from_db()
    assert statement.status == "published" and statement.version == 2


def test_saving_stores_the_statement_and_its_standards_in_stage_order():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    stages = _stages()
    statement = _save(admin, organisation, standards=_inputs([stages[2], stages[0], stages[2]]))
    assert statement.version == 1 and statement.status == "draft"
    assert statement.updated_by == admin
    items = list(statement.items.all())
    assert [i.stage for i in items] == [stages[0], stages[2], stages[2]]
    assert [i.sort_order for i in items] == [1, 1, 2]
    _save(admin, organisation, version=1, standards=_inputs([stages[1]]))
    statement.refresh_from_db()
    assert statement.version == 2
    assert [i.stage for i in statement.items.all()] == [stages[1]]


def test_a_stale_version_is_refused_and_nothing_changes():
    organisation = OrganisationFactory()
    first, second = admin_of(organisation), admin_of(organisation)
    _save(first, organisation, version=0)
    _save(first, organisation, version=1, rights="Changed by the first admin.")
    with pytest.raises(ValidationError) as caught:
        _save(second, organisation, version=1, rights="Second admin's text.")
    assert caught.value.code == "stale"
    statement = StandardsStatement.objects.get()
    assert statement.rights == "Changed by the first admin." and statement.version == 2


def test_creating_when_another_admin_already_created_is_refused():
    organisation = OrganisationFactory()
    _save(admin_of(organisation), organisation, version=0)
    with pytest.raises(ValidationError):
        _save(admin_of(organisation), organisation, version=0, rights="Other text")
    assert StandardsStatement.objects.get().rights == RIGHTS


def test_resending_what_is_already_saved_changes_nothing():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    _save(admin, organisation, version=0)
    again = _save(admin, organisation, version=0)  # a double click sends the old version
    assert again.version == 1
    assert ServiceStandard.objects.count() == 5


@pytest.mark.parametrize(
    ("kind", "value", "frequency"),
    [("percentage", Decimal("120"), ""), ("percentage", None, ""), ("days", Decimal("0"), ""),
     ("frequency", None, "")],
)  # fmt: skip
def test_an_incomplete_measure_is_refused(kind, value, frequency):
    organisation = OrganisationFactory()
    with pytest.raises(ValidationError):
        _save(
            admin_of(organisation), organisation,
            standards=_inputs(measure_kind=kind, measure_value=value,
                              measure_frequency=frequency),
        )  # fmt: skip
    assert not StandardsStatement.objects.exists()


def test_publishing_needs_every_stage_and_rights_and_responsibilities():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    stages = _stages()
    _save(admin, organisation, standards=_inputs(stages[:4]), rights="", responsibilities="")
    with pytest.raises(ValidationError) as caught:
        svc.standards_publish(actor=admin, organisation=organisation)
    assert set(caught.value.error_dict) == {f"stage-{stages[4].slug}", "rights", "responsibilities"}
    assert StandardsStatement.objects.get().status == "draft"


def test_publishing_sets_the_publication_and_review_dates():
    statement, _ = _published()
    assert statement.status == "published"
    assert statement.published_at is not None
    assert statement.last_reviewed_on == timezone.localdate()


def test_published_standards_must_stay_complete_when_saved():
    statement, admin = _published()
    with pytest.raises(ValidationError):
        _save(admin, statement.organisation, version=statement.version,
              standards=_inputs(_stages()[:2]))  # fmt: skip
    assert ServiceStandard.objects.filter(statement=statement).count() == 5


def test_due_for_review_after_183_days_and_reviewing_restarts_the_clock():
    statement, admin = _published()
    today = timezone.localdate()
    statement.last_reviewed_on = today - datetime.timedelta(days=183)
    statement.save()
    assert not svc.is_due_for_review(statement)
    assert not svc.due_for_review().exists()
    statement.last_reviewed_on = today - datetime.timedelta(days=184)
    statement.save()
    assert svc.is_due_for_review(statement)
    assert list(svc.due_for_review()) == [statement]
    svc.standards_mark_reviewed(actor=admin, organisation=statement.organisation)
    statement.refresh_from_db()
    assert statement.last_reviewed_on == today and not svc.is_due_for_review(statement)


def test_admins_are_reminded_once_when_standards_fall_due_and_again_after_the_next_review(
    django_capture_on_commit_callbacks,
):
    from django.core import mail
    from django.core.management import call_command

    from hub.base.models import Notification

    statement, admin = _published()
    second_admin = admin_of(statement.organisation)
    member = member_of(statement.organisation)
    fresh, _ = _published()  # reviewed today: nobody is told about it
    today = timezone.localdate()
    statement.last_reviewed_on = today - datetime.timedelta(days=200)
    statement.save()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", stdout=io.StringIO())
    told = Notification.objects.filter(kind="standards.review_due")
    assert sorted(n.recipient_id for n in told) == sorted([admin.pk, second_admin.pk])
    assert all(f"/standards/{statement.organisation.slug}/edit/" in n.url for n in told)
    assert not told.filter(recipient=member).exists()
    assert len(mail.outbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        assert svc.standards_remind_due() == 0  # the same review date is reminded about once
    assert told.count() == 2

    svc.standards_mark_reviewed(actor=admin, organisation=statement.organisation)
    later = today + datetime.timedelta(days=190)
    # Six months on, both statements are due: this one's two admins and the other's one.
    assert svc.standards_remind_due(today=later) == 3


def test_drafts_are_never_due_and_cannot_be_marked_reviewed():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    statement = _save(admin, organisation)
    statement.last_reviewed_on = timezone.localdate() - datetime.timedelta(days=400)
    statement.save()
    assert not svc.is_due_for_review(statement) and not svc.due_for_review().exists()
    with pytest.raises(ValidationError):
        svc.standards_mark_reviewed(actor=admin, organisation=organisation)


def test_unpublishing_keeps_every_word():
    statement, admin = _published()
    svc.standards_unpublish(actor=admin, organisation=statement.organisation)
    statement.refresh_from_db()
    assert statement.status == "draft" and statement.items.count() == 5
    assert statement.rights == RIGHTS


# Pages: who may write -----------------------------------------------------------------------


def _form_data(organisation, *, version=0, action="save", **overrides):
    """A complete edit form: one standard per stage."""
    data = {"version": str(version), "action": action, "rights": RIGHTS,
            "responsibilities": RESPONSIBILITIES}  # fmt: skip
    for stage in _stages():
        prefix = f"stage-{stage.slug}"
        data.update({
            f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "10",
            f"{prefix}-0-service_standard": f"We will see you at {stage.name.lower()}.",
            f"{prefix}-0-measure": "People seen on time",
            f"{prefix}-0-measure_kind": "days", f"{prefix}-0-days": "5",
            f"{prefix}-0-percentage": "", f"{prefix}-0-frequency": "",
        })  # fmt: skip
    data.update(overrides)
    return data


def _first(name):
    return f"stage-{_stages()[0].slug}-0-{name}"


ROLES = ["anonymous", "member", "other organisation admin", "moderator", "this organisation admin"]
EDIT_STATUS = {"anonymous": 302, "member": 404, "other organisation admin": 404,
               "moderator": 404, "this organisation admin": 200}  # fmt: skip


def _as(client, role, organisation):
    user = {
        "anonymous": lambda: None,
        "member": lambda: member_of(organisation),
        "other organisation admin": lambda: admin_of(OrganisationFactory()),
        "moderator": moderator,
        "this organisation admin": lambda: admin_of(organisation),
    }[role]()
    if user is not None:
        client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_edit_permission_matrix_on_get(client, role):
    organisation = OrganisationFactory()
    _as(client, role, organisation)
    response = client.get(reverse("standards_edit", args=[organisation.slug]))
    assert response.status_code == EDIT_STATUS[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ROLES[:-1])
def test_refused_posts_change_nothing(client, role):
    statement, _ = _published()
    organisation = statement.organisation
    before = (statement.version, list(statement.items.values_list("service_standard", "measure")))
    _as(client, role, organisation)
    data = _form_data(organisation, version=statement.version, action="publish",
                      rights="Overwritten!")  # fmt: skip
    urls = [reverse(name, args=[organisation.slug])
            for name in ("standards_edit", "standards_review", "standards_unpublish")]  # fmt: skip
    for url in urls:
        response = client.post(url, data)
        assert response.status_code == (302 if role == "anonymous" else 404), url
    statement.refresh_from_db()
    assert statement.rights == RIGHTS and statement.status == "published"
    after = (statement.version, list(statement.items.values_list("service_standard", "measure")))
    assert after == before


def test_a_draft_is_seen_only_by_the_organisations_admins(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    _save(admin, organisation)
    url = reverse("standards_detail", args=[organisation.slug])
    assert client.get(url).status_code == 404
    client.force_login(member_of(organisation))
    assert client.get(url).status_code == 404
    client.force_login(admin)
    response = client.get(url)
    assert response.status_code == 200 and b"These standards are a draft" in response.content


# Pages: writing -----------------------------------------------------------------------------


def test_an_admin_publishes_standards_for_all_five_stages(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    response = client.post(
        reverse("standards_edit", args=[organisation.slug]),
        _form_data(organisation, action="publish"),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("standards_detail", args=[organisation.slug])
    statement = StandardsStatement.objects.get(organisation=organisation)
    assert statement.status == "published" and statement.items.count() == 5
    assert {i.measure_kind for i in statement.items.all()} == {"days"}
    assert statement.items.first().measure_value == Decimal("5")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Customer Service Standards" in page
    assert "We will see you at in-work support." in page
    assert "within 5 working days" in page
    assert f"Last reviewed on {timezone.localdate():%-d %B %Y}" in page


def test_saving_a_draft_then_editing_uses_the_saved_values(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    url = reverse("standards_edit", args=[organisation.slug])
    data = _form_data(organisation, **{_first("measure_kind"): "frequency", _first("days"): "",
                                       _first("frequency"): "fortnightly"})  # fmt: skip
    assert client.post(url, data)["Location"] == url
    page = client.get(url).content.decode()
    assert 'name="version" value="1"' in page
    assert '<option value="fortnightly" selected>' in page
    assert StandardsStatement.objects.get().status == "draft"


def _error_beside(html, field_id):
    match = re.search(rf'<p id="{re.escape(field_id)}-error" class="govuk-error-message">(.*?)</p>',
                      html, re.S)  # fmt: skip
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else None


def test_the_value_a_chosen_measure_needs_is_not_labelled_optional(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    html = client.get(reverse("standards_edit", args=[organisation.slug])).content.decode()
    html += client.post(
        reverse("standards_edit", args=[organisation.slug]),
        _form_data(organisation, **{_first("measure_kind"): "percentage"}),
    ).content.decode()
    assert "Target percentage" in html
    assert "Target percentage (optional)" not in html
    assert "Number of working days (optional)" not in html
    assert "How often (optional)" not in html
    assert "Needed when the measure is a target percentage" in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"service_standard": ""}, "service_standard", "Enter the service standard"),
        ({"measure": ""}, "measure", "Enter the standard measure"),
        ({"measure_kind": "", "days": ""}, "measure_kind", "Choose how the standard is measured"),
        ({"measure_kind": "percentage"}, "percentage",
         "Enter the target percentage, from 0 to 100: you chose a target percentage"),
        ({"measure_kind": "percentage", "percentage": "lots"}, "percentage",
         "Enter the target percentage as a number"),
        ({"measure_kind": "percentage", "percentage": "101"}, "percentage",
         "The target percentage must be 100 or less"),
        ({"days": "0"}, "days", "The number of working days must be more than 0"),
        ({"days": ""}, "days", "Enter the number of working days"),
        ({"measure_kind": "frequency"}, "frequency", "Choose how often"),
        ({"service_standard": "x" * 1001}, "service_standard", "at most 1000 characters"),
    ],
)  # fmt: skip
def test_every_invalid_input_gets_its_message_beside_the_field(client, overrides, field, message):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    data = _form_data(organisation, **{_first(k): v for k, v in overrides.items()})
    data[_first("service_standard")] = overrides.get("service_standard", "Kept as typed")
    response = client.post(reverse("standards_edit", args=[organisation.slug]), data)
    assert response.status_code == 200
    html = response.content.decode()
    field_id = f"id_{_first(field)}"
    assert message in (_error_beside(html, field_id) or ""), html[:2000]
    assert "There is a problem" in html and html.count(f'href="#{field_id}') >= 1
    assert "<title>Error: " in html
    if "service_standard" not in overrides:
        assert "Kept as typed" in html
    assert not StandardsStatement.objects.exists()


def test_publishing_with_a_stage_missing_says_so_beside_the_stage(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    last = _stages()[4]
    data = _form_data(organisation, action="publish", rights="")
    data.update({f"stage-{last.slug}-0-{name}": "" for name in
                 ("service_standard", "measure", "measure_kind", "days")})  # fmt: skip
    response = client.post(reverse("standards_edit", args=[organisation.slug]), data)
    html = response.content.decode()
    assert "Add at least one standard for programme exit" in _error_beside(
        html, f"stage-{last.slug}"
    )
    assert "Say what a claimant can expect" in _error_beside(html, "id_rights")
    assert not StandardsStatement.objects.exists()  # the save rolled back with the publish


def test_add_another_without_javascript_keeps_what_was_typed(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    first = _stages()[0]
    data = _form_data(organisation, action=f"add:{first.slug}", rights="My typed rights",
                      **{_first("service_standard"): "My typed promise"})  # fmt: skip
    response = client.post(reverse("standards_edit", args=[organisation.slug]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "My typed promise" in html and "My typed rights" in html
    assert f'name="stage-{first.slug}-TOTAL_FORMS" value="2"' in html
    assert f'id="id_stage-{first.slug}-1-service_standard"' in html
    assert "govuk-error-message" not in html  # nothing validated yet
    assert not StandardsStatement.objects.exists()
    # The blank one added is skipped on save.
    data = _form_data(organisation, **{f"stage-{first.slug}-TOTAL_FORMS": "2"})
    assert client.post(reverse("standards_edit", args=[organisation.slug]), data).status_code == 302
    assert ServiceStandard.objects.count() == 5


def test_remove_without_javascript_drops_only_that_standard(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    first = _stages()[0]
    prefix = f"stage-{first.slug}"
    data = _form_data(organisation, action=f"remove:{first.slug}:0", **{
        f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-1-service_standard": "The second one",
        f"{prefix}-1-measure": "Second measure", f"{prefix}-1-measure_kind": "percentage",
        f"{prefix}-1-percentage": "80"})  # fmt: skip
    html = client.post(reverse("standards_edit", args=[organisation.slug]), data).content.decode()
    assert f'name="{prefix}-TOTAL_FORMS" value="1"' in html
    assert "The second one" in html and "We will see you at pre-programme" not in html
    assert 'value="80"' in html


def test_check_my_wording_without_javascript_flags_jargon_and_keeps_the_text(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    data = _form_data(organisation, action="check", **{_first("service_standard"): JARGON})
    response = client.post(reverse("standards_edit", args=[organisation.slug]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert JARGON in html
    slot = html[html.index(f'id="id_{_first("service_standard")}-findings"') :][:3000]
    assert "&ldquo;attachment&rdquo; &ndash; try &ldquo;joining the programme&rdquo;" in slot
    assert "holistic" in slot and "looking at your whole situation" in slot
    assert "Nothing has been saved yet" in html
    assert not StandardsStatement.objects.exists()


def test_the_check_endpoint_renders_the_same_findings(client):
    organisation = OrganisationFactory()
    url = reverse("standards_check")
    assert client.post(url, {"text": JARGON}).status_code == 302  # sign in first
    client.force_login(admin_of(organisation))
    assert client.get(url).status_code == 405
    html = client.post(url, {"text": JARGON}).content.decode()
    assert "try &ldquo;joining the programme&rdquo;" in html
    plain = client.post(url, {"text": "We will call you within two days."}).content.decode()
    assert "No jargon or long sentences found" in plain and "try" not in plain


def test_a_double_submit_saves_once(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    url = reverse("standards_edit", args=[organisation.slug])
    data = _form_data(organisation)
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    statement = StandardsStatement.objects.get()
    assert statement.version == 1 and statement.items.count() == 5


def test_a_stale_form_is_refused_with_the_text_kept(client):
    organisation = OrganisationFactory()
    other = admin_of(organisation)
    _save(other, organisation)
    _save(other, organisation, version=1, rights="The other admin's rights")
    client.force_login(admin_of(organisation))
    response = client.post(
        reverse("standards_edit", args=[organisation.slug]),
        _form_data(organisation, version=1, rights="My own rights"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else in your organisation saved these standards" in html
    assert "My own rights" in html
    assert StandardsStatement.objects.get().rights == "The other admin's rights"


def test_saves_are_rate_limited(client, settings):
    settings.HUB_STANDARDS_SAVES_PER_HOUR = 1
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    url = reverse("standards_edit", args=[organisation.slug])
    assert client.post(url, _form_data(organisation)).status_code == 302
    response = client.post(url, _form_data(organisation, version=1, rights="New"))
    assert response.status_code == 200 and b"many times this hour" in response.content
    assert StandardsStatement.objects.get().rights == RIGHTS


def test_review_and_unpublish_by_the_admin(client):
    statement, admin = _published()
    statement.last_reviewed_on = timezone.localdate() - datetime.timedelta(days=200)
    statement.save()
    client.force_login(admin)
    slug = statement.organisation.slug
    assert b"Due for review" in client.get(reverse("standards_detail", args=[slug])).content
    client.post(reverse("standards_review", args=[slug]))
    statement.refresh_from_db()
    assert statement.last_reviewed_on == timezone.localdate()
    assert b"Due for review" not in client.get(reverse("standards_detail", args=[slug])).content
    client.post(reverse("standards_unpublish", args=[slug]))
    statement.refresh_from_db()
    assert statement.status == "draft"


# Pages: reading ----------------------------------------------------------------------------


def test_profile_shows_due_for_review_and_the_edit_link_only_to_admins(client):
    statement, admin = _published()
    statement.last_reviewed_on = timezone.localdate() - datetime.timedelta(days=200)
    statement.save()
    url = statement.organisation.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Due for review" in page and "Edit your Customer Service Standards" not in page
    client.force_login(admin)
    assert "Edit your Customer Service Standards" in client.get(url).content.decode()
    other = OrganisationFactory()
    client.force_login(admin_of(other))
    page = client.get(other.get_absolute_url()).content.decode()
    assert "has not published Customer Service Standards yet" in page
    assert "Write your Customer Service Standards" in page


def test_compare_shows_chosen_organisations_stage_by_stage(client):
    a, _ = _published(OrganisationFactory(name="Alpha Test Org", kind="prime"))
    b, _ = _published(OrganisationFactory(name="Beta Test Org", kind="vcs"))
    c, _ = _published(OrganisationFactory(name="Gamma Test Org", kind="vcs"))
    draft_org = OrganisationFactory(name="Draft Test Org")
    _save(admin_of(draft_org), draft_org)
    url = reverse("standards_compare")
    html = client.get(url).content.decode()
    assert "Alpha Test Org" in html and "Draft Test Org" not in html
    html = client.get(url, {"org": [a.organisation.slug, c.organisation.slug]}).content.decode()
    table = html[html.index("<table") :]
    assert "Alpha Test Org" in table and "Gamma Test Org" in table
    assert "Beta Test Org" not in table
    assert table.count("<table") == 5
    html = client.get(url, {"kind": "vcs"}).content.decode()
    assert "Beta Test Org" in html and "Alpha Test Org" not in html


def test_compare_refuses_too_many_organisations_beside_the_field(client):
    slugs = [_published()[0].organisation.slug for _ in range(svc.COMPARE_AT_MOST + 1)]
    html = client.get(reverse("standards_compare"), {"org": slugs}).content.decode()
    assert f"Choose {svc.COMPARE_AT_MOST} organisations or fewer" in _error_beside(html, "id_org")
    assert html.count('<th scope="row"') == 5 * svc.COMPARE_AT_MOST


def test_compare_filters_by_area(client):
    area = Area.objects.first()
    inside, _ = _published(OrganisationFactory(name="Inside Test Org"))
    inside.organisation.areas.add(area)
    _published(OrganisationFactory(name="Outside Test Org"))
    html = client.get(reverse("standards_compare"), {"area": area.slug}).content.decode()
    assert "Inside Test Org" in html and "Outside Test Org" not in html


def _count(client, url, params=None):
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx)


def _grow(n, admin=None):
    statements = []
    for _ in range(n):
        statement, _ = _published()
        stages = _stages()
        _save(statement.updated_by, statement.organisation, version=statement.version,
              standards=_inputs(stages) + _inputs(stages))  # fmt: skip
        statements.append(statement)
    return statements


@pytest.mark.parametrize("signed_in", [False, True])
def test_compare_profile_and_detail_query_counts_do_not_grow(client, signed_in):
    first = _grow(2)[0]
    first.organisation.areas.add(Area.objects.first())
    if signed_in:
        client.force_login(first.updated_by)
    slugs = {"org": [s.organisation.slug for s in StandardsStatement.objects.all()]}
    urls = [
        (reverse("standards_compare"), None),
        (reverse("standards_compare"), slugs),
        (first.organisation.get_absolute_url(), None),
        (reverse("standards_detail", args=[first.organisation.slug]), None),
        (reverse("standards_edit", args=[first.organisation.slug]), None) if signed_in else
        (reverse("standards_compare"), {"kind": "vcs"}),
    ]  # fmt: skip
    small = [_count(client, url, params) for url, params in urls]
    _grow(6)
    first.organisation.areas.add(*Area.objects.all()[:3])
    large = [_count(client, url, params) for url, params in urls]
    assert small == large


def test_script_payloads_render_inert_everywhere(client):
    payloads = script_injection_strings()
    urls = []
    for i in range(0, len(payloads), 8):
        chunk = payloads[i : i + 8]
        organisation = OrganisationFactory()
        admin = admin_of(organisation)
        standards = [
            svc.StandardInput(stage=stage, service_standard="\n\n".join(chunk),
                              measure=chunk[n % len(chunk)][:300], measure_kind="percentage",
                              measure_value=Decimal("50"))
            for n, stage in enumerate(_stages())
        ]  # fmt: skip
        svc.standards_save(actor=admin, organisation=organisation, rights="\n\n".join(chunk),
                           responsibilities=chunk[0], standards=standards,
                           expected_version=None)  # fmt: skip
        svc.standards_publish(actor=admin, organisation=organisation)
        urls += [organisation.get_absolute_url(),
                 reverse("standards_detail", args=[organisation.slug]),
                 reverse("standards_compare") + f"?org={organisation.slug}"]  # fmt: skip
    client.force_login(admin)
    urls.append(reverse("standards_edit", args=[organisation.slug]))
    assert "<script>alert(123)</script>" in payloads
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        inspector = _Inspector()
        inspector.feed(response.content.decode())
        assert inspector.problems == [], url
    text = "<script>alert(1)</script> " + "word " * 30 + "MI."  # quoted as a long sentence
    html = client.post(reverse("standards_check"), {"text": text})
    assert b"<script>alert" not in html.content and b"&lt;script&gt;" in html.content


# Demo ----------------------------------------------------------------------------------------


def test_demo_standards_are_plain_idempotent_and_include_a_due_one_and_a_draft():
    from hub.site.demo.toolkits import standards as demo
    from toolkits.plain_english import check

    for name in demo.ORGANISATIONS:
        admin_of(OrganisationFactory(name=name))
    assert "5 new" in demo.seed()
    assert "0 new" in demo.seed()
    assert StandardsStatement.objects.count() == 5
    assert StandardsStatement.objects.filter(status="draft").count() == 1
    assert [s.organisation.name for s in svc.due_for_review()] == [
        "Clearview Mental Health Employment Service"
    ]
    for statement in svc.published():
        assert set(statement.items.values_list("stage", flat=True)) == {s.pk for s in _stages()}
    texts = [demo.RIGHTS, demo.RESPONSIBILITIES]
    texts += [row[0] for rows in demo.STANDARDS.values() for row in rows]
    for text in texts:
        findings = check(text)
        assert not findings.jargon and not findings.long_sentences, text
        assert findings.score >= 60, text


# Admin ---------------------------------------------------------------------------------------


def test_admin_lists_and_inspects_statements_read_only(client):
    from django.contrib.auth import get_user_model

    statement, _ = _published(OrganisationFactory(name="Admin Listed Org"))
    client.force_login(get_user_model().objects.create_superuser(
        username="root", email="root@example.org", password="x"))  # fmt: skip
    viewset = StandardsStatement.snippet_viewset
    listing = client.get(reverse(viewset.get_url_name("list")))
    assert listing.status_code == 200 and b"Admin Listed Org" in listing.content
    inspect = client.get(reverse(viewset.get_url_name("inspect"), args=[statement.pk]))
    assert inspect.status_code == 200 and RIGHTS.encode() in inspect.content
    assert client.get(reverse(viewset.get_url_name("edit"), args=[statement.pk])).status_code in {
        302,
        403,
    }


def test_template_comments_never_reach_the_page(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    html = client.get(reverse("standards_edit", args=[organisation.slug])).content.decode()
    assert "{#" not in html and "#}" not in html and "comment %}" not in html


def test_moderators_see_standards_in_the_admin_but_cannot_change_them(client):
    statement, _ = _published()
    client.force_login(moderator())
    listing = client.get("/admin/snippets/toolkits/standardsstatement/")
    assert listing.status_code == 200
    assert statement.organisation.name in listing.content.decode()
    edit = client.get(f"/admin/snippets/toolkits/standardsstatement/edit/{statement.pk}/")
    assert edit.status_code in (302, 403, 404)
    client.force_login(member_of(OrganisationFactory()))
    assert client.get("/admin/snippets/toolkits/standardsstatement/").status_code in (302, 403)
