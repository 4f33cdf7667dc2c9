from django.urls import path

from cases.performance import api

urlpatterns = [
    path("", api.open_data, name="open_data"),
    path("records.csv", api.open_data_csv, name="open_data_csv"),
    path("api/", api.api.urls),
]
