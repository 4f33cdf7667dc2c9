"""Customer Service Standards, mounted at /standards/."""

from django.urls import path

from toolkits.views import standards as views

urlpatterns = [
    path("", views.standards_compare, name="standards_compare"),
    # Organisation slugs never start with "_" (slugify strips it), so this cannot clash.
    path("_check/", views.standards_check, name="standards_check"),
    path("<slug:slug>/", views.standards_detail, name="standards_detail"),
    path("<slug:slug>/results/", views.standards_results, name="standards_results"),
    path("<slug:slug>/edit/", views.standards_edit, name="standards_edit"),
    path("<slug:slug>/review/", views.standards_review, name="standards_review"),
    path("<slug:slug>/unpublish/", views.standards_unpublish, name="standards_unpublish"),
]
