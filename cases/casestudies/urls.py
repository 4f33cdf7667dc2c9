from django.urls import path

from cases.casestudies.views import case_studies, engagement, feeds, moderation

urlpatterns = [
    path("", case_studies.case_study_list, name="case_study_list"),
    path("feed/", feeds.case_study_feed, name="case_study_feed"),
    path("new/", case_studies.case_study_create, name="case_study_create"),
    path("yours/", case_studies.case_study_mine, name="case_study_mine"),
    path("how-ratings-work/", case_studies.rating_help, name="case_study_rating_help"),
    path("<int:pk>/", case_studies.case_study_detail, name="case_study_detail"),
    path("<int:pk>/edit/", case_studies.case_study_edit, name="case_study_edit"),
    path("<int:pk>/publish/", case_studies.case_study_publish, name="case_study_publish"),
    path("<int:pk>/delete/", case_studies.case_study_delete, name="case_study_delete"),
    path("<int:pk>/history/", case_studies.case_study_history, name="case_study_history"),
    path("<int:pk>/rate/", engagement.case_study_rate, name="case_study_rate"),
    path("<int:pk>/rate/remove/", engagement.rating_remove, name="case_study_rating_remove"),
    path("<int:pk>/comments/", engagement.comment_create, name="case_study_comment"),
    path("<int:pk>/report/", engagement.case_study_flag, name="case_study_flag"),
    path("<int:pk>/hide/", moderation.case_study_hide, name="case_study_hide"),
    path("<int:pk>/restore/", moderation.case_study_restore, name="case_study_restore"),
    path(
        "<int:pk>/approaches/<int:link>/confirm/",
        moderation.approach_confirm,
        name="case_study_approach_confirm",
    ),
    path("comments/<int:pk>/edit/", engagement.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/history/", engagement.comment_history, name="comment_history"),
    path("comments/<int:pk>/delete/", engagement.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/report/", engagement.comment_flag, name="comment_flag"),
    path("comments/<int:pk>/hide/", moderation.comment_hide, name="comment_hide"),
    path("comments/<int:pk>/restore/", moderation.comment_restore, name="comment_restore"),
]
