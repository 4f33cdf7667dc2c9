"""Private messages: services, who may read them (participants only; moderators only through a
report), moderation, notifications and e-mail, leaving, rate limits and query counts."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forum.messages import services
from forum.models import Conversation, Message, Participant
from hub.base import erasure, personal_data
from hub.base.models import Notification, Report
from tests.factories import UserFactory, moderator
from tests.forum.helpers import new_member, seasoned_member

pytestmark = pytest.mark.django_db


def _conversation(sender=None, *others, body="Can we share referral data safely?"):
    sender = sender or seasoned_member(username="ann.sender")
    others = others or (seasoned_member(username="bea.reader"),)
    conversation = services.conversation_start(
        sender=sender, recipients=list(others), subject="Sharing referrals", body=body
    )
    return conversation, sender, others


def test_starting_a_conversation_adds_everyone_and_notifies_and_emails_the_others(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        conversation, sender, (reader,) = _conversation()
    assert set(conversation.participants.values_list("user", flat=True)) == {sender.pk, reader.pk}
    assert Conversation.objects.get(pk=conversation.pk).message_count == 1
    note = Notification.objects.get(recipient=reader, kind="forum.message")
    assert note.url == conversation.get_absolute_url()
    assert "Sharing referrals" in note.message
    assert not Notification.objects.filter(recipient=sender).exists()
    assert [m.to for m in mail.outbox] == [[reader.email]]
    assert "private message" in mail.outbox[0].body


def test_recipients_are_checked_and_capped(settings):
    sender = seasoned_member(username="ann.sender")
    seasoned_member(username="bea.reader")
    gone = seasoned_member(username="cy.gone")
    gone.is_active = False
    gone.save()
    assert [u.username for u in services.recipients_from(["@Bea.Reader"], sender=sender)] == [
        "bea.reader"
    ]
    with pytest.raises(ValidationError, match="cy.gone"):
        services.recipients_from(["bea.reader", "cy.gone"], sender=sender)
    with pytest.raises(ValidationError, match="yourself"):
        services.recipients_from(["ann.sender"], sender=sender)
    settings.FORUM_CONVERSATION_MAX_PEOPLE = 3
    with pytest.raises(ValidationError, match="up to 3 people"):
        services.recipients_from(["a1", "a2", "a3"], sender=sender)
    visitor_only = UserFactory(username="no.org")  # not a member of any organisation
    with pytest.raises(ValidationError, match="no.org"):
        services.recipients_from(["no.org"], sender=sender)
    with pytest.raises(PermissionDenied):
        services.conversation_start(
            sender=visitor_only, recipients=[sender], subject="Hi", body="Hello"
        )


def test_a_member_who_left_sends_nothing_and_hears_nothing(django_capture_on_commit_callbacks):
    conversation, sender, (reader,) = _conversation()
    services.conversation_leave(user=reader, conversation=conversation)
    with pytest.raises(PermissionDenied):
        services.message_send(sender=reader, conversation=conversation, body="Back again")
    Notification.objects.all().delete()
    services.message_send(sender=sender, conversation=conversation, body="Anyone there?")
    assert not Notification.objects.filter(recipient=reader).exists()


@pytest.mark.parametrize(
    "who", ["anonymous", "member", "moderator", "participant", "left", "moderator reporter"]
)
def test_only_participants_read_a_conversation(client, who):
    conversation, sender, (reader,) = _conversation()
    url = conversation.get_absolute_url()
    user = {
        "anonymous": lambda: None,
        "member": seasoned_member,
        "moderator": moderator,
        "participant": lambda: reader,
        "left": lambda: reader,
        "moderator reporter": lambda: reader,
    }[who]()
    if who == "left":
        services.conversation_leave(user=reader, conversation=conversation)
    if user:
        client.force_login(user)
    response = client.get(url)
    if who == "anonymous":
        assert response.status_code == 302 and "login" in response["Location"]
    elif who in {"participant", "moderator reporter"}:
        assert response.status_code == 200
        assert "Can we share referral data safely?" in response.content.decode()
    else:
        assert response.status_code == 404
        assert "referral data" not in response.content.decode()
    # Nor can they send into it, report its messages, or leave it.
    if user and who not in {"participant", "moderator reporter"}:
        message = conversation.messages.get()
        assert client.post(url, {"body": "Let me in"}).status_code == 404
        assert client.get(reverse("forum_message_report", args=[message.pk])).status_code == 404
        assert client.post(
            reverse("forum_conversation_leave", args=[conversation.pk])
        ).status_code in {
            404,
            405,
        }
        assert not Message.objects.filter(body="Let me in").exists()


def test_a_moderator_sees_a_message_only_once_it_is_reported_and_never_the_conversation(client):
    conversation, sender, (reader,) = _conversation(body="Buy cheap training courses here")
    services.message_send(sender=reader, conversation=conversation, body="The other message")
    message = conversation.messages.get(body__startswith="Buy")
    mod = moderator()
    client.force_login(mod)
    link = reverse("forum_message", args=[message.pk])
    assert client.get(link).status_code == 404

    client.force_login(reader)
    response = client.post(
        reverse("forum_message_report", args=[message.pk]), {"reason": "It is advertising."}
    )
    assert response.status_code == 302
    assert Report.objects.about(message).filter(reporter=reader).exists()

    client.force_login(mod)
    page = client.get(link).content.decode()
    assert "Buy cheap training courses here" in page
    assert "The other message" not in page
    assert client.get(conversation.get_absolute_url()).status_code == 404
    queue = client.get(reverse("moderation:index")).content.decode()
    assert "Private message in “Sharing referrals”" in queue
    assert "Buy cheap training courses here" in queue
    assert "The other message" not in queue


def test_a_moderator_hides_a_reported_message_through_the_one_queue(client):
    conversation, sender, (reader,) = _conversation(body="Rude words")
    message = conversation.messages.get()
    from hub.base.moderation import services as moderation

    moderation.report_create(reporter=reader, target=message, reason="It is abusive.")
    mod = moderator()
    client.force_login(mod)
    response = client.post(
        reverse("moderation:hide", args=["private-message", message.pk]),
        {"reason": "Abusive language"},
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.hidden_at is not None and message.hidden_by == mod
    client.force_login(reader)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Rude words" not in page and "Abusive language" in page
    client.force_login(sender)
    assert "Rude words" in client.get(conversation.get_absolute_url()).content.decode()


def test_nobody_reports_their_own_message(client):
    conversation, sender, _ = _conversation()
    message = conversation.messages.get()
    client.force_login(sender)
    client.post(reverse("forum_message_report", args=[message.pk]), {"reason": "Test"})
    assert not Report.objects.about(message).exists()


def test_new_members_are_rate_limited_and_keep_their_text(client, settings):
    settings.FORUM_NEW_MEMBER_CONVERSATIONS_PER_DAY = 1
    sender = new_member(username="nia.new")
    seasoned_member(username="bea.reader")
    client.force_login(sender)
    data = {"to": "bea.reader", "subject": "Hello", "body": "First"}
    assert client.post(reverse("forum_conversation_new"), data).status_code == 302
    response = client.post(
        reverse("forum_conversation_new"), {**data, "body": "Second, kept when refused"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "the most a new member can" in page
    assert "Second, kept when refused" in page
    assert Conversation.objects.count() == 1


def test_starting_a_conversation_through_the_form(client):
    sender = seasoned_member(username="ann.sender")
    reader = seasoned_member(username="bea.reader")
    client.force_login(sender)
    response = client.post(
        reverse("forum_conversation_new"),
        {"to": "bea.reader, nobody.here", "subject": "Hi", "body": "Text kept"},
    )
    assert response.status_code == 200
    assert "nobody.here" in response.content.decode()
    assert "Text kept" in response.content.decode()
    response = client.post(
        reverse("forum_conversation_new"),
        {"to": "bea.reader", "subject": "Hi", "body": "Hello **Bea**"},
    )
    conversation = Conversation.objects.get()
    assert response["Location"] == conversation.get_absolute_url()
    client.force_login(reader)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "<strong>Bea</strong>" in page
    client.post(conversation.get_absolute_url(), {"body": "<script>alert(1)</script> Hi"})
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page


def test_leaving_takes_it_off_the_list(client):
    conversation, sender, (reader,) = _conversation()
    client.force_login(reader)
    link = f'href="{conversation.get_absolute_url()}"'
    assert link in client.get(reverse("forum_conversations")).content.decode()
    client.post(reverse("forum_conversation_leave", args=[conversation.pk]))
    assert link not in client.get(reverse("forum_conversations")).content.decode()
    client.force_login(sender)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "(left)" in page


def test_erasure_and_data_download_cover_messages():
    conversation, sender, (reader,) = _conversation(body="A message I wrote")
    sections = {s.name: s for s in personal_data.sections()}
    sent = list(sections["forum_messages"].rows(sender).values_list("body", flat=True))
    assert sent == ["A message I wrote"]
    assert list(
        sections["forum_conversations"].rows(reader).values_list("conversation_id", flat=True)
    ) == [conversation.pk]
    assert not erasure.missing_rules()
    from hub.base import accounts

    accounts.account_erase(actor=reader, user=reader)
    assert not Participant.objects.filter(user=reader).exists()
    assert Message.objects.filter(author=sender).exists()


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_conversation_list_and_page_cost_the_same_queries_with_more_rows(client):
    me = seasoned_member(username="ann.sender")
    friend = seasoned_member(username="bea.reader")
    first = services.conversation_start(sender=me, recipients=[friend], subject="One", body="x")
    client.force_login(me)
    before = [
        _count(client, reverse("forum_conversations")),
        _count(client, first.get_absolute_url()),
    ]
    people = [seasoned_member() for _ in range(6)]
    for i in range(35):
        services.conversation_start(sender=me, recipients=people, subject=f"S{i}", body="y")
    for i in range(40):
        services.message_send(sender=me, conversation=first, body=f"More {i}")
    after = [
        _count(client, reverse("forum_conversations")),
        _count(client, first.get_absolute_url()),
    ]
    assert before == after
