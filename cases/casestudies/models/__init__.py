from .case_studies import EVIDENCE_STATUSES, CaseStudy, CaseStudyRevision, TaggedCaseStudy
from .engagement import Comment, Flag, Rating

__all__ = [
    "EVIDENCE_STATUSES",
    "CaseStudy",
    "CaseStudyRevision",
    "Comment",
    "Flag",
    "Rating",
    "TaggedCaseStudy",
]
