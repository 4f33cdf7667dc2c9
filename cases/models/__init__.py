from .case_studies import CaseStudy, CaseStudyRevision, TaggedCaseStudy
from .engagement import Comment, Flag, Rating
from .performance import PerformanceRecord, Programme, RecordEvent, RecordUpload

__all__ = [
    "CaseStudy",
    "CaseStudyRevision",
    "Comment",
    "Flag",
    "PerformanceRecord",
    "Programme",
    "Rating",
    "RecordEvent",
    "RecordUpload",
    "TaggedCaseStudy",
]
