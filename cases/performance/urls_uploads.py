from django.urls import path

from cases.performance.views import uploads

urlpatterns = [
    path("", uploads.record_upload, name="record_upload"),
    path("template/", uploads.record_upload_template, name="record_upload_template"),
    path("cohorts/", uploads.cohort_upload, name="cohort_upload"),
    path("cohorts/template/", uploads.cohort_upload_template, name="cohort_upload_template"),
    path("history/", uploads.record_upload_history, name="record_upload_history"),
]
