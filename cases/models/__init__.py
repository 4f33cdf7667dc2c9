"""Django's view of the app's models; code imports them from their part of the app
(cases.casestudies.models, cases.performance.models)."""

from cases.casestudies.models import (
    Approach,
    CaseStudy,
    CaseStudyApproach,
    CaseStudyRevision,
    Comment,
    Rating,
    TaggedCaseStudy,
)
from cases.feedback.models import ComplaintTheme, FeedbackLink, FeedbackResponse
from cases.performance.models import (
    CohortEvent,
    CohortRecord,
    PerformanceRecord,
    Programme,
    RecordEvent,
    RecordUpload,
)

__all__ = [
    "ComplaintTheme",
    "FeedbackLink",
    "FeedbackResponse",
    "Approach",
    "CaseStudyApproach",
    "CaseStudy",
    "CaseStudyRevision",
    "CohortEvent",
    "CohortRecord",
    "Comment",
    "PerformanceRecord",
    "Programme",
    "Rating",
    "RecordEvent",
    "RecordUpload",
    "TaggedCaseStudy",
]
