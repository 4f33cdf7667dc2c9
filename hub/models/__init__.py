from .organisations import Membership, Organisation, SupplyChainLink
from .pages import ContentPage, HomePage
from .taxonomy import Area, Barrier, ClaimantGroup, JourneyStage
from .users import User

__all__ = [
    "Area",
    "Barrier",
    "ClaimantGroup",
    "ContentPage",
    "HomePage",
    "JourneyStage",
    "Membership",
    "Organisation",
    "SupplyChainLink",
    "User",
]
