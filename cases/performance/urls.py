from django.urls import include, path

from cases.performance.views import cohorts, records

urlpatterns = [
    path("", records.record_list, name="record_list"),
    path("definitions/", records.definitions, name="record_definitions"),
    path("new/", records.record_create, name="record_create"),
    path("<int:pk>/", records.record_detail, name="record_detail"),
    path("<int:pk>/edit/", records.record_edit, name="record_edit"),
    path("<int:pk>/confirm/", records.record_confirm, name="record_confirm"),
    path("<int:pk>/verify/", records.record_verify, name="record_verify"),
    path("<int:pk>/dispute/", records.record_dispute, name="record_dispute"),
    path("<int:pk>/resolve/", records.record_resolve, name="record_resolve"),
    path("<int:pk>/sharing/", records.record_visibility, name="record_visibility"),
    path("cohorts/", cohorts.cohort_list, name="cohort_list"),
    path("cohorts/new/", cohorts.cohort_create, name="cohort_create"),
    path("cohorts/<int:pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path("upload/", include("cases.performance.urls_uploads")),
    path("benchmarks/", include("cases.performance.urls_benchmarks")),
    path("open-data/", include("cases.performance.urls_open_data")),
]
