from django.urls import path

from cases.feedback import views

urlpatterns = [
    path("", views.programme, name="feedback_programme"),
    path("organisations/<slug:slug>/", views.organisation_results, name="feedback_organisation"),
    path("manage/<slug:slug>/", views.manage, name="feedback_manage"),
    path("manage/<slug:slug>/themes/", views.themes, name="feedback_themes"),
    path("manage/<slug:slug>/results.csv", views.results_download, name="feedback_download"),
    path(
        "manage/<slug:slug>/stages/<int:stage>/link/",
        views.link_create,
        name="feedback_link_create",
    ),
    path(
        "manage/<slug:slug>/links/<int:pk>/rotate/", views.link_rotate, name="feedback_link_rotate"
    ),
    path("manage/<slug:slug>/links/<int:pk>/poster/", views.poster, name="feedback_poster"),
    path("manage/<slug:slug>/links/<int:pk>/qr.svg", views.qr_code, name="feedback_qr"),
    path(
        "manage/<slug:slug>/comments/<int:pk>/publish/",
        views.comment_publish,
        name="feedback_comment_publish",
    ),
    path(
        "manage/<slug:slug>/comments/<int:pk>/reject/",
        views.comment_reject,
        name="feedback_comment_reject",
    ),
]
