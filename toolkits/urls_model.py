"""The payment-by-results financial model, mounted at /toolkits/financial-model/."""

from django.urls import path

from toolkits.views import model

urlpatterns = [
    path("", model.model_page, name="financial_model"),
    path("results/", model.results_fragment, name="financial_model_results"),
    path("financial-model.csv", model.export_csv, name="financial_model_csv"),
    path("financial-model.xlsx", model.export_xlsx, name="financial_model_xlsx"),
    path("save/", model.scenario_save, name="financial_model_save"),
    path("scenarios/", model.scenario_list, name="financial_model_scenarios"),
    path("scenarios/<int:pk>/", model.scenario_open, name="financial_model_scenario"),
    path(
        "scenarios/<int:pk>/rename/", model.scenario_rename, name="financial_model_scenario_rename"
    ),
    path(
        "scenarios/<int:pk>/delete/", model.scenario_delete, name="financial_model_scenario_delete"
    ),
]
