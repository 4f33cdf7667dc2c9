"""A member's saved financial-model scenarios: in their data download
(hub.base.personal_data), and deleted with their account (hub.base.erasure). Registered in
ToolkitsConfig.ready()."""

from hub.base import personal_data
from hub.base.erasure import Action
from hub.base.erasure import register as register_rule


def register() -> None:
    from toolkits.models import Scenario

    register_rule("toolkits.Scenario", "owner", Action.DELETE, why="Their saved scenarios.")
    register_rule(
        "toolkits.StandardsStatement", "updated_by", Action.CLEAR, why="The organisation's."
    )
    register_rule(
        "toolkits.StandardResult", "recorded_by", Action.CLEAR, why="The organisation's results."
    )
    personal_data.register(
        "scenarios",
        lambda user: Scenario.objects.filter(owner=user),
        fields=["name", "inputs", "created_at", "updated_at"],
        description="financial model scenarios you saved",
    )
