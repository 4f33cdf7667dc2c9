from .approaches import Approach, CaseStudyApproach
from .case_studies import EVIDENCE_STATUSES, CaseStudy, CaseStudyRevision, TaggedCaseStudy
from .engagement import Comment, Rating

__all__ = [
    "Approach",
    "CaseStudyApproach",
    "EVIDENCE_STATUSES",
    "CaseStudy",
    "CaseStudyRevision",
    "Comment",
    "Rating",
    "TaggedCaseStudy",
]
