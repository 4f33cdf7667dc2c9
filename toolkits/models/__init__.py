from .pages import ToolkitIndexPage, ToolkitPage
from .scenarios import Scenario
from .standards import ServiceStandard, StandardResult, StandardsStatement

__all__ = [
    "Scenario",
    "ServiceStandard",
    "StandardResult",
    "StandardsStatement",
    "ToolkitIndexPage",
    "ToolkitPage",
]
