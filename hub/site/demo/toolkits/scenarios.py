"""Fictional demo scenarios: saved financial-model figures for a demo VCS charity's chief
executive. The figures are the illustrative presets, not real contract terms."""

from toolkits.model_forms import PRESETS

OWNER = "bernadette.kelly"  # chief executive of Second Chance Community Trust (a fictional VCS)
SCENARIOS = (
    ("Northgate end-to-end bid, as offered (illustrative)", "end-to-end", {}),
    (
        "Northgate end-to-end bid, cautious (illustrative)",
        "end-to-end",
        {"group_1_outcome_rate": "16", "referrals_per_month": "16"},
    ),
)


def seed(stdout=None) -> str:
    """Create or refresh the demo scenarios; nothing happens if the demo member is missing."""
    from hub.base.models import User
    from toolkits.models import Scenario

    owner = User.objects.filter(username=OWNER).first()
    if owner is None:
        return ""
    presets = {preset["slug"]: preset["data"] for preset in PRESETS}
    made = 0
    for name, slug, changes in SCENARIOS:
        inputs = {**presets[slug], **changes}
        scenario, created = Scenario.objects.get_or_create(
            owner=owner, name=name, defaults={"inputs": inputs}
        )
        if not created and scenario.inputs != inputs:
            scenario.inputs = inputs
            scenario.save(update_fields=["inputs", "updated_at"])
        made += created
    return f"{len(SCENARIOS)} financial-model scenarios ({made} new)"
