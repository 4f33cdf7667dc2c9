from django.urls import path

from hub.site.approaches import views

urlpatterns = [
    path("", views.toolkit, name="approach_toolkit"),
    path("<slug:slug>/", views.approach_detail, name="approach_detail"),
]
