"""A member's case studies, comments, ratings and uploads: what their data download holds
(hub.base.personal_data) and what happens to each when they delete their account
(hub.base.erasure). Registered in CasesConfig.ready(). Reports are hub.base.moderation's."""

from hub.base import personal_data
from hub.base.erasure import Action
from hub.base.erasure import register as register_rule


def _case_studies(*, user, queryset) -> None:
    """Published case studies stay, by a former member; drafts and hidden ones are deleted."""
    from cases.casestudies.models import CaseStudy

    for case_study in queryset.exclude(status=CaseStudy.Status.PUBLISHED):
        case_study.delete()


def register() -> None:
    register_rule("cases.CaseStudy", "author", handler=_case_studies, why="Drafts go.", order=10)
    for model, field, action, why in [
        ("cases.CaseStudyRevision", "editor", Action.CLEAR, "The history stays, unattributed."),
        ("cases.CaseStudyApproach", "confirmed_by", Action.CLEAR, "The confirmation stays."),
        ("cases.Rating", "user", Action.KEEP, "Ratings count on, anonymously."),
        ("cases.Comment", "author", Action.KEEP, "Comments stay, by a former member."),
        ("cases.PerformanceRecord", "created_by", Action.CLEAR, "Records are the organisation's."),
        ("cases.RecordEvent", "actor", Action.CLEAR, "The record's history stays."),
        ("cases.RecordUpload", "uploaded_by", Action.CLEAR, "The upload history stays."),
        ("cases.FeedbackLink", "created_by", Action.CLEAR, "The link is the organisation's."),
        ("cases.ComplaintTheme", "entered_by", Action.CLEAR, "The counts are the organisation's."),
    ]:
        register_rule(model, field, action, why=why)
    _register_sections()


def _register_sections() -> None:
    from cases.casestudies.models import CaseStudy, Comment, Rating
    from cases.performance.models import PerformanceRecord, RecordUpload
    from hub.base import revisions

    revisions.register_personal_data(
        "comment_versions", Comment, author_field="author", what="your comments on case studies"
    )

    sections = [
        (
            "case_studies",
            CaseStudy,
            "author",
            "case studies you wrote, published or not",
            (
                "id title status organisation__name summary body delivery_approach provision "
                "partners what_was_done outcomes participants job_starts job_outcomes lessons "
                "period_start "
                "period_end created_at updated_at published_at"
            ),
        ),
        (
            "comments",
            Comment,
            "author",
            "your comments on case studies",
            (
                "id case_study_id case_study__title parent_id body created_at edited_at deleted_at "
                "hidden_at hidden_reason"
            ),
        ),
        (
            "ratings",
            Rating,
            "user",
            "your ratings of case studies",
            "case_study_id case_study__title score created_at updated_at",
        ),
        (
            "record_uploads",
            RecordUpload,
            "uploaded_by",
            "files of performance records you uploaded",
            "id organisation__name filename row_count created_at",
        ),
        (
            "performance_records",
            PerformanceRecord,
            "created_by",
            "performance records you entered or uploaded",
            (
                "id organisation__name role programme__name area__name claimant_group__name "
                "period_start period_end referrals attachments job_starts job_outcomes "
                "sustainment_outcomes status visibility created_at"
            ),
        ),
    ]
    for name, model, field, description, fields in sections:
        personal_data.register(
            name,
            lambda user, model=model, field=field: model.objects.filter(**{field: user}),
            fields=fields.split(),
            description=description,
        )
