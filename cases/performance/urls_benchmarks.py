from django.urls import path

from cases.performance.views import benchmarks, organisation_benchmarks

urlpatterns = [
    path("", benchmarks.benchmark_index, name="benchmark_index"),
    path("record/<int:pk>/", benchmarks.benchmark_record, name="benchmark_record"),
    path(
        "organisation/<slug:slug>/",
        organisation_benchmarks.benchmark_organisation,
        name="benchmark_organisation",
    ),
    path(
        "star-rating/",
        organisation_benchmarks.star_rating_methodology,
        name="star_rating_methodology",
    ),
]
