from django.urls import path

from cases.performance import api, api_cohorts, open_data  # noqa: F401  (api_cohorts registers its routes)

urlpatterns = [
    path("", open_data.open_data, name="open_data"),
    path("records.csv", open_data.open_data_csv, name="open_data_csv"),
    path("api/", api.api.urls),
]
