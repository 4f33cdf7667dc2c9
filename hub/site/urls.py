from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponsePermanentRedirect
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub.base.views import accounts, organisations
from hub.site import policies, profiles
from hub.site.ratings import supply_chain
from hub.site.ratings import views as ratings
from hub.site.showcase import views as showcase

organisation_patterns = [
    path("", organisations.organisation_list, name="organisation_list"),
    path("new/", organisations.organisation_create, name="organisation_create"),
    path("<slug:slug>/", profiles.organisation_profile, name="organisation_detail"),
    path("<slug:slug>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("<slug:slug>/join/", organisations.organisation_join, name="organisation_join"),
    path("<slug:slug>/leave/", organisations.organisation_leave, name="organisation_leave"),
    path("<slug:slug>/verify/", organisations.organisation_verify, name="organisation_verify"),
    path("<slug:slug>/members/", organisations.organisation_members, name="organisation_members"),
    path(
        "<slug:slug>/members/<int:pk>/decide/",
        organisations.membership_decide,
        name="membership_decide",
    ),
    path(
        "<slug:slug>/members/<int:pk>/role/", organisations.membership_role, name="membership_role"
    ),
    path(
        "<slug:slug>/members/<int:pk>/remove/",
        organisations.membership_remove,
        name="membership_remove",
    ),
    path(
        "<slug:slug>/supply-chain/new/",
        organisations.supply_chain_propose,
        name="supply_chain_propose",
    ),
    path(
        "<slug:slug>/supply-chain/<int:pk>/",
        organisations.supply_chain_decide,
        name="supply_chain_decide",
    ),
    path(
        "<slug:slug>/supply-chain/compare/",
        supply_chain.supply_chain_view,
        name="supply_chain_view",
    ),
    path(
        "<slug:slug>/star-rating/",
        ratings.organisation_star_rating,
        name="organisation_star_rating",
    ),  # fmt: skip
    path(
        "<slug:slug>/accreditations/",
        organisations.accreditation_list,
        name="organisation_accreditations",
    ),
    path(
        "<slug:slug>/accreditations/<int:pk>/verify/",
        organisations.accreditation_verify,
        name="accreditation_verify",
    ),
    path(
        "<slug:slug>/accreditations/<int:pk>/remove/",
        organisations.accreditation_remove,
        name="accreditation_remove",
    ),
]


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the hashed file."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("hub/images/favicon-32.png"))


urlpatterns = [
    path("favicon.ico", favicon),
    # The Wagtail admin signs in through the site's own login page, with its rate limits:
    # its own login view is replaced by a redirect (a POST to it never checks a password).
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/profile/", profiles.profile_edit, name="profile_edit"),
    path("accounts/delete/", accounts.account_delete, name="account_delete"),
    path("accounts/name/", accounts.account_name, name="account_name"),
    path("accounts/data/", accounts.data_export, name="data_export"),
    path("accounts/data/<str:token>/", accounts.data_export_download, name="data_export_download"),
    path("accounts/", include("allauth.urls")),
    path("members/<str:username>/", profiles.member_profile, name="member_profile"),
    path("organisations/", include(organisation_patterns)),
    path("notifications/", include("hub.base.urls_notifications")),
    path("case-studies/<int:pk>/feature/", showcase.case_study_feature, name="case_study_feature"),
    path("case-studies/", include("cases.casestudies.urls")),
    path("what-works/", include("hub.site.approaches.urls")),
    path("forum/", include("forum.urls")),
    path("performance/", include("cases.performance.urls")),
    path("feedback/", include("cases.feedback.urls")),
    path("f/", include("cases.feedback.urls_give")),
    path("standards/", include("toolkits.urls_standards")),
    path("search/", include("hub.site.search.urls")),
    path("privacy/", policies.privacy, name="privacy"),
    path("accessibility/", policies.accessibility, name="accessibility"),
    path("cookies/", policies.cookies, name="cookies"),
    path("contact/", policies.contact, name="contact"),
    # These share a prefix with Wagtail pages: paths not matched here fall through to the pages.
    path("toolkits/", include("toolkits.urls")),
    path("workshops/", include("hub.site.workshops.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
