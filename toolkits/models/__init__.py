# The supply-chains part keeps its models beside its code; Django finds them here.
from toolkits.supplychains.models import (  # noqa: E402
    ConductComment,
    ConductFeedback,
    ConductReply,
    ExpressionOfInterest,
    Opportunity,
    OpportunityWatch,
)

from .pages import ToolkitIndexPage, ToolkitPage
from .scenarios import Scenario
from .standards import ServiceStandard, StandardResult, StandardsStatement

__all__ = [
    "ConductComment",
    "ConductFeedback",
    "ConductReply",
    "ExpressionOfInterest",
    "Opportunity",
    "OpportunityWatch",
    "Scenario",
    "ServiceStandard",
    "StandardResult",
    "StandardsStatement",
    "ToolkitIndexPage",
    "ToolkitPage",
]
