from django.apps import AppConfig


class CasesConfig(AppConfig):
    """Case studies, ratings, comments and performance records."""

    name = "cases"
    verbose_name = "Case studies and performance"

    def ready(self):
        from cases.casestudies import moderation
        from cases.casestudies.search import CaseStudies
        from cases.performance.search import Records
        from hub.base import search

        search.register(CaseStudies(), order=10)
        search.register(Records(), order=50)
        from cases import personal_data

        personal_data.register()
        moderation.register()
        from cases.feedback import moderation as feedback_moderation

        feedback_moderation.register()
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from cases.caching import case_studies_changed, comments_changed, records_changed
        from cases.casestudies.models import (
            Approach,
            CaseStudy,
            CaseStudyApproach,
            Comment,
            TaggedCaseStudy,
        )
        from cases.performance.models import CohortRecord, PerformanceRecord
        from hub.base.models import (
            Area,
            Barrier,
            ClaimantGroup,
            JourneyStage,
            Organisation,
            SupplyChainLink,
        )
        from hub.base.notifications import register_kind

        # Cached benchmark choices, open-data counts and the Star Rating's year inputs are
        # forgotten when any period or cohort record changes.
        post_save.connect(records_changed, sender=PerformanceRecord, dispatch_uid="cases.rec_s")
        post_delete.connect(records_changed, sender=PerformanceRecord, dispatch_uid="cases.rec_d")
        # A case study's cached comment threads: any of its comments saved or deleted.
        post_save.connect(comments_changed, sender=Comment, dispatch_uid="cases.comment_s")
        post_delete.connect(comments_changed, sender=Comment, dispatch_uid="cases.comment_d")
        post_save.connect(records_changed, sender=CohortRecord, dispatch_uid="cases.coh_s")
        post_delete.connect(records_changed, sender=CohortRecord, dispatch_uid="cases.coh_d")
        # A supply chain's records (the "chain" filters) change with its links.
        post_save.connect(records_changed, sender=SupplyChainLink, dispatch_uid="cases.link_s")
        post_delete.connect(records_changed, sender=SupplyChainLink, dispatch_uid="cases.link_d")
        # The Star Rating's other cached input from this app (records call records_changed).
        from cases.feedback.models import FeedbackResponse
        from hub.base import content_cache

        content_cache.watch(content_cache.RATINGS, FeedbackResponse)
        from cases.performance.models import Programme

        content_cache.watch(content_cache.NAMES, Programme)
        # The case-study list's cached facet counts: any case study, its terms or its tags.
        # Terms too: their names are in the cached filters, pages and case studies' terms.
        for model in (CaseStudy, TaggedCaseStudy, Organisation, Approach, CaseStudyApproach,
                      ClaimantGroup, Barrier, JourneyStage, Area):  # fmt: skip
            for signal in (post_save, post_delete):
                signal.connect(case_studies_changed, sender=model, dispatch_uid=f"cases.cs_{model}")
        for relation in ("claimant_groups", "barriers", "journey_stages", "areas", "approaches",
                         "cited_records"):  # fmt: skip
            m2m_changed.connect(
                case_studies_changed,
                sender=getattr(CaseStudy, relation).through,
                dispatch_uid=f"cases.cs_{relation}",
            )

        register_kind(
            "cases.commented",
            label="Comments on your case studies",
            description="Someone comments on a case study you wrote.",
        )
        register_kind(
            "cases.rated",
            label="Ratings of your case studies",
            description="Someone rates a case study you wrote for the first time.",
        )
        register_kind(
            "cases.reply",
            label="Replies to your comments",
            description="Someone replies to a comment you made on a case study.",
        )
        register_kind(
            "cases.feedback_comment",
            label="Claimants' comments to review",
            description="A claimant leaves a comment through one of your organisation's "
            "feedback links (the message never quotes it).",
        )
        register_kind(
            "cases.hidden",
            label="Moderators hide your content",
            description="A moderator hides one of your case studies or comments, with the reason.",
        )
