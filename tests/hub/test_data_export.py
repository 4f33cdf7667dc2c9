"""Download my data: the ZIP's files and contents, made at once or by the background task."""

import csv
import io
import json
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from cases.casestudies import services as case_services
from hub.base import personal_data
from hub.base.models import Notification
from tests.factories import CaseStudyFactory, UserFactory
from tests.forum.helpers import seasoned_member

pytestmark = pytest.mark.django_db


def _open(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


@pytest.fixture
def member():
    member = seasoned_member(display_name="Priya Export")
    organisation = member.memberships.get().organisation
    CaseStudyFactory(author=member, organisation=organisation, title="=Formula title")
    other = CaseStudyFactory()
    case_services.rating_set(user=member, case_study=other, score=5)
    case_services.comment_create(author=member, case_study=other, body="Thank you.")
    return member


def test_a_small_download_is_a_zip_of_json_and_csv_for_every_section(client, member):
    client.force_login(member)
    page = client.get(reverse("data_export"))
    assert page.status_code == 200
    response = client.post(reverse("data_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = _open(response.content)
    names = set(archive.namelist())
    for section in personal_data.sections():
        assert {f"{section.name}.json", f"{section.name}.csv"} <= names
    profile = json.loads(archive.read("profile.json"))
    assert profile[0]["display_name"] == "Priya Export"
    assert json.loads(archive.read("ratings.json"))[0]["score"] == 5
    assert json.loads(archive.read("comments.json"))[0]["body"] == "Thank you."
    rows = list(csv.DictReader(io.StringIO(archive.read("case_studies.csv").decode("utf-8-sig"))))
    assert rows[0]["title"] == "'=Formula title"  # a spreadsheet will not run it
    assert "memberships.json" in names and json.loads(archive.read("memberships.json"))


def test_nothing_of_anyone_else_is_in_the_download(client, member):
    someone = UserFactory(display_name="Someone Else")
    client.force_login(someone)
    archive = _open(client.post(reverse("data_export")).content)
    assert json.loads(archive.read("ratings.json")) == []
    assert b"Priya" not in b"".join(archive.read(n) for n in archive.namelist())


def test_a_large_download_is_made_in_the_background_and_linked(
    client, member, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.HUB_DATA_EXPORT_INLINE_ROWS = 1
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("data_export"), follow=True)
    assert b"We are making your file" in response.content
    notification = Notification.objects.get(recipient=member, kind="account.data_export")
    assert any(member.email in m.to for m in mail.outbox)
    download = client.get(notification.url)
    assert download.status_code == 200
    archive = _open(b"".join(download.streaming_content))
    assert json.loads(archive.read("profile.json"))[0]["display_name"] == "Priya Export"
    # Only its member can fetch it.
    client.force_login(UserFactory())
    assert client.get(notification.url).status_code == 404


def test_the_download_pages_need_a_signed_in_member(client):
    assert client.get(reverse("data_export")).status_code == 302
