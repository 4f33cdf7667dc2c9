"""Workshop views outside the page tree (proposing notes, reviewing them), mounted at
/workshops/; anything not matched here falls through to the Wagtail pages."""

from django.urls import path

from hub.site.workshops import views as workshops

urlpatterns = [
    path("propose/", workshops.workshop_propose, name="workshop_propose"),
    path("proposals/", workshops.workshop_proposals, name="workshop_proposals"),
    path(
        "proposals/<int:page_id>/change/",
        workshops.workshop_resubmit,
        name="workshop_resubmit",
    ),
    path("review/", workshops.review_list, name="workshop_review_list"),
    path("review/<int:page_id>/", workshops.review_detail, name="workshop_review"),
]
