"""Fictional demo Customer Service Standards, written in plain English for claimants.

Four demo organisations publish standards for all five journey stages; one of them was last
reviewed eight months ago, so it shows as due for review; one more has a draft. Seeding goes
through the services as each organisation's admin, and leaves alone what is already there.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

DEMO_NOTE = "*These standards are fictional, written for the hub's demo content.*"

RIGHTS = (
    "We will treat you with respect and keep what you tell us private. "
    "You can see the notes we keep about you. "
    "You can bring someone with you to any meeting. "
    "If you are unhappy with our help, you can complain and we will reply within ten working "
    "days."
)
RESPONSIBILITIES = (
    "Come to the meetings you agree with your adviser, or tell us before if you cannot. "
    "Do the steps in your plan that you agreed to do. "
    "Tell us if your health, money or home changes in a way that affects your plan. "
    "Treat our staff and other people with respect."
)

# stage slug -> [(service standard, measure, kind, value, frequency)]
STANDARDS = {
    "pre-programme-engagement": [
        (
            "We will write to you before your first meeting to say who you will meet, where, and "
            "what to bring.",
            "Welcome letters sent before the first meeting",
            "percentage",
            "98",
            "",
        ),
        (
            "We will offer you a first meeting at a time that suits you.",
            "First meeting offered after the Jobcentre sends you to us",
            "days",
            "5",
            "",
        ),
    ],
    "programme-engagement": [
        (
            "Your adviser will agree a plan with you. It will list the steps you will take and the "
            "help we will give, with dates.",
            "Plans agreed in the first month",
            "percentage",
            "95",
            "",
        ),
        (
            "We will meet you to talk about your plan and change it if it is not working.",
            "Meetings to review your plan",
            "frequency",
            None,
            "fortnightly",
        ),
    ],
    "pre-work-support": [
        (
            "If something makes it hard for you to work, such as debt, housing or your health, "
            "we will help you or find someone who can.",
            "Help arranged after you tell us what is in the way",
            "days",
            "10",
            "",
        ),
    ],
    "in-work-support": [
        (
            "Once you start a job, we will keep in touch in the way you prefer, by phone, text or "
            "in person.",
            "Contact in your first three months in work",
            "frequency",
            None,
            "weekly",
        ),
        (
            "If a problem at work comes up, we will call you back.",
            "Call back after you ask for help",
            "days",
            "1",
            "",
        ),
    ],
    "programme-exit": [
        (
            "When you leave, we will give you a written summary of what you achieved and where to "
            "get help next.",
            "Leaving summaries given",
            "percentage",
            "100",
            "",
        ),
    ],
}

# organisation name -> (status, days since last review)
ORGANISATIONS = {
    "Northgate Employment Partnership": ("published", 30),
    "Riverside Pathways": ("published", 60),
    "Second Chance Community Trust": ("published", 10),
    "Clearview Mental Health Employment Service": ("published", 240),  # due for review
    "Harbour Lights Training": ("draft", None),
}


def _value(kind: str, value: str | None, shift: int) -> Decimal | None:
    """Each organisation's targets differ a little, so the comparison page has something to
    compare."""
    if value is None:
        return None
    if kind == "days":
        return Decimal(value) + shift
    return min(Decimal(100), Decimal(value) - shift)


def _inputs(stages: dict, shift: int) -> list:
    from toolkits.services.standards import StandardInput

    return [
        StandardInput(
            stage=stages[slug],
            service_standard=text,
            measure=measure,
            measure_kind=kind,
            measure_value=_value(kind, value, shift),
            measure_frequency=frequency,
        )
        for slug, rows in STANDARDS.items()
        for text, measure, kind, value, frequency in rows
    ]


def seed(stdout=None) -> str:
    """Create the demo standards once; nothing happens if the demo organisations are missing."""
    from django.db import transaction
    from django.utils import timezone

    from hub.base.models import JourneyStage, Membership, Organisation
    from toolkits.models import StandardsStatement
    from toolkits.services import standards as svc

    stages = {stage.slug: stage for stage in JourneyStage.objects.all()}
    if not set(STANDARDS) <= set(stages):
        return ""
    made = 0
    for shift, (name, (status, days_ago)) in enumerate(ORGANISATIONS.items()):
        organisation = Organisation.objects.filter(name=name).first()
        admin = (
            Membership.objects.filter(
                organisation=organisation,
                role=Membership.Role.ADMIN,
                status=Membership.Status.APPROVED,
            )
            .select_related("user")
            .first()
        )
        if organisation is None or admin is None:
            continue
        if StandardsStatement.objects.filter(organisation=organisation).exists():
            continue
        with transaction.atomic():
            svc.standards_save(
                actor=admin.user,
                organisation=organisation,
                rights=f"{RIGHTS}\n\n{DEMO_NOTE}",
                responsibilities=RESPONSIBILITIES,
                standards=_inputs(stages, shift),
                expected_version=None,
            )
            if status == "published":
                statement = svc.standards_publish(actor=admin.user, organisation=organisation)
                reviewed = timezone.localdate() - datetime.timedelta(days=days_ago)
                StandardsStatement.objects.filter(pk=statement.pk).update(
                    last_reviewed_on=reviewed,
                    published_at=timezone.now() - datetime.timedelta(days=days_ago),
                )
        made += 1
    return f"Customer Service Standards for {len(ORGANISATIONS)} organisations ({made} new)"
