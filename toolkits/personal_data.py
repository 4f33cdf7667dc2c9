"""A member's saved financial-model scenarios: in their data download
(hub.base.personal_data), and deleted with their account (hub.base.erasure). Registered in
ToolkitsConfig.ready()."""

from hub.base import personal_data
from hub.base.erasure import Action
from hub.base.erasure import register as register_rule


def register() -> None:
    from toolkits.models import ExpressionOfInterest, OpportunityWatch, Scenario

    register_rule("toolkits.Scenario", "owner", Action.DELETE, why="Their saved scenarios.")
    register_rule(
        "toolkits.StandardsStatement", "updated_by", Action.CLEAR, why="The organisation's."
    )
    register_rule(
        "toolkits.StandardResult", "recorded_by", Action.CLEAR, why="The organisation's results."
    )
    for label, field, action, why in (
        ("toolkits.Opportunity", "published_by", Action.CLEAR, "The prime's opportunity stays."),
        ("toolkits.OpportunityWatch", "user", Action.DELETE, "Their alerts."),
        ("toolkits.ExpressionOfInterest", "sent_by", Action.CLEAR, "The organisation's."),
        ("toolkits.ExpressionOfInterest", "answered_by", Action.CLEAR, "The prime's answer."),
        ("toolkits.ConductFeedback", "answered_by", Action.CLEAR, "The organisation's answer."),
        ("toolkits.ConductReply", "posted_by", Action.CLEAR, "The prime's reply."),
    ):
        register_rule(label, field, action, why=why)
    personal_data.register(
        "opportunity_watches",
        lambda user: OpportunityWatch.objects.filter(user=user),
        fields=["programme", "area", "created_at"],
        description="programmes and areas you watch for subcontract opportunities",
    )
    personal_data.register(
        "expressions_of_interest",
        lambda user: ExpressionOfInterest.objects.filter(sent_by=user),
        fields=["opportunity", "organisation", "status", "created_at"],
        description="expressions of interest you sent for your organisation",
    )
    personal_data.register(
        "scenarios",
        lambda user: Scenario.objects.filter(owner=user),
        fields=["name", "inputs", "created_at", "updated_at"],
        description="financial model scenarios you saved",
    )
