from .case_studies import EVIDENCE_STATUSES, CaseStudy, CaseStudyRevision, TaggedCaseStudy
from .engagement import Comment, Rating

__all__ = [
    "EVIDENCE_STATUSES",
    "CaseStudy",
    "CaseStudyRevision",
    "Comment",
    "Rating",
    "TaggedCaseStudy",
]
