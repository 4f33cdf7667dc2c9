from .case_studies import CaseStudy, CaseStudyRevision, TaggedCaseStudy
from .engagement import Comment, Flag, Rating

__all__ = ["CaseStudy", "CaseStudyRevision", "Comment", "Flag", "Rating", "TaggedCaseStudy"]
