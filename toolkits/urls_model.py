"""The payment-by-results financial model, mounted at /toolkits/financial-model/."""

urlpatterns: list = []
