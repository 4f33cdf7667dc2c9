from hub.base.moderation.models import Report

from .accreditations import Accreditation
from .domains import EmailDomain
from .notifications import Notification, NotificationPreference
from .organisations import EndedSupplyChainLink, Membership, Organisation, SupplyChainLink
from .revisions import TextRevision
from .taxonomy import Area, Barrier, ClaimantGroup, JourneyStage, ShowcaseKind, Theme
from .users import User

__all__ = [
    "Accreditation",
    "Area",
    "Barrier",
    "ClaimantGroup",
    "EmailDomain",
    "EndedSupplyChainLink",
    "JourneyStage",
    "Membership",
    "Notification",
    "NotificationPreference",
    "Organisation",
    "Report",
    "ShowcaseKind",
    "SupplyChainLink",
    "TextRevision",
    "Theme",
    "User",
]
