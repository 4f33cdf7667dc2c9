from .notifications import Notification, NotificationPreference
from .organisations import Membership, Organisation, SupplyChainLink
from .pages import ContentPage, HomePage
from .showcase import ShowcaseFeature, ShowcaseKind, ShowcasePage
from .taxonomy import Area, Barrier, ClaimantGroup, JourneyStage, Theme
from .users import User
from .workshops import WorkshopIndexPage, WorkshopPage

__all__ = [
    "Area",
    "Barrier",
    "ClaimantGroup",
    "ContentPage",
    "HomePage",
    "JourneyStage",
    "Membership",
    "Notification",
    "NotificationPreference",
    "Organisation",
    "ShowcaseFeature",
    "ShowcaseKind",
    "ShowcasePage",
    "SupplyChainLink",
    "Theme",
    "User",
    "WorkshopIndexPage",
    "WorkshopPage",
]
