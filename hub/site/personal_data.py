"""What happens to the site's pages and marks when a member deletes their account (registered
with hub.base.erasure in the site's AppConfig.ready())."""

from hub.base.erasure import Action
from hub.base.erasure import register as register_rule


def register() -> None:
    register_rule("hub.ShowcaseFeature", "featured_by", Action.CLEAR, why="The showcase stays.")
    register_rule("hub.WorkshopPage", "proposed_by", Action.CLEAR, why="The workshop note stays.")
