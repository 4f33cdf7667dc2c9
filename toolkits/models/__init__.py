from .pages import ToolkitIndexPage, ToolkitPage
from .scenarios import Scenario
from .standards import ServiceStandard, StandardsStatement

__all__ = [
    "Scenario",
    "ServiceStandard",
    "StandardsStatement",
    "ToolkitIndexPage",
    "ToolkitPage",
]
