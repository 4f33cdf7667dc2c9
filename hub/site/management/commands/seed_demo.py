"""Load the hub's fictional demo content. Idempotent: run it as often as you like."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from hub.base.models import Area, ClaimantGroup, Membership, Organisation, SupplyChainLink, User
from hub.site.demo import approaches as approaches_demo
from hub.site.demo import cases as cases_demo
from hub.site.demo import cohorts as cohorts_demo
from hub.site.demo import content, forum_habits, pages, workshops
from hub.site.demo import feedback as feedback_demo
from hub.site.demo import forum as forum_demo
from hub.site.demo import ratings as ratings_demo
from hub.site.demo import records as demo_records
from hub.site.demo import supplychains as supplychains_demo
from hub.site.demo import toolkits as toolkits_demo
from hub.site.pages import ContentPage, HomePage


class Command(BaseCommand):
    help = "Create or refresh the fictional demo content: pages, organisations and members."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = self._home()
            self._pages(home)
            organisations = self._organisations()
            self._supply_chain(organisations)
            self._people(organisations)
            self._staff()
            # Case studies, ratings, comments and the showcase, made by their members above.
            case_studies = cases_demo.seed(stdout=self.stdout)
            # Eight quarters of performance records, with partner checks and a few disputes.
            performance_records = demo_records.seed(stdout=self.stdout)
            # Two years of monthly cohorts, uploaded and then updated, for the cohort benchmark.
            cohort_records = cohorts_demo.seed()
            # Approaches for the What works toolkit, linked to those case studies, with evidence.
            approaches = approaches_demo.seed(stdout=self.stdout)
            # Forum categories, threads and posts by the same members, some about case studies.
            forum = forum_demo.seed(stdout=self.stdout)
            # Private messages, bookmarks and an edited post with its history.
            habits = forum_habits.seed(stdout=self.stdout)
            # 'What Works' workshop notes, past and upcoming, some with follow-up threads.
            workshop_notes = workshops.seed(stdout=self.stdout)
            # Toolkit pages and documents, saved model scenarios and Customer Service Standards.
            toolkits = toolkits_demo.seed(stdout=self.stdout)
            # The Star Rating's other areas: accreditations, funding disclosed, CSS results.
            ratings = ratings_demo.seed(stdout=self.stdout)
            # Fictional claimants' feedback and complaint themes for some organisations.
            feedback = feedback_demo.seed(stdout=self.stdout)
            # Subcontract opportunities, expressions of interest and conduct feedback on primes.
            supply_chains = supplychains_demo.seed(stdout=self.stdout)
        self.stdout.write(case_studies)
        self.stdout.write(performance_records)
        self.stdout.write(cohort_records)
        self.stdout.write(approaches)
        self.stdout.write(forum)
        self.stdout.write(habits)
        for summary in (workshop_notes, toolkits, feedback, supply_chains, ratings):
            if summary:
                self.stdout.write(summary)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(
            f"Sign in as moderator@example.org, siteadmin@example.org or any demo member "
            f"(e.g. amara.okafor@example.org) with the password {content.DEMO_PASSWORD!r}."
        )

    def _home(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:  # the migration makes it; this covers a database where it was removed
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(title="Good Practice Hub", slug="home", intro="Share what works.")
            )
            Site.objects.update_or_create(
                is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
            )
        if home.revisions.exists():
            return home  # already seeded, or edited since: leave an editor's work alone
        home.intro = (
            "A place where the organisations that deliver employment programmes – prime "
            "contractors, their subcontractors and voluntary sector charities – share what works: "
            "case studies, workshop notes, comparable performance data and practical toolkits."
        )
        home.body = [
            pages.callout(
                "<p>This is a demonstration. Every organisation, person and figure on the hub "
                "is fictional.</p>"
            )
        ]
        home.save_revision().publish()
        return home

    def _pages(self, home: HomePage) -> None:
        specs = [
            {"slug": p["slug"], "title": p["title"], "summary": p["summary"], "body": p["body"]}
            for p in pages.CONTENT_PAGES
        ]
        for placeholder in ContentPage.objects.child_of(home).filter(
            slug__in=pages.RETIRED_PLACEHOLDERS
        ):
            placeholder.delete()  # its URL is served by the section's own views now
        for spec in specs:
            if ContentPage.objects.child_of(home).filter(slug=spec["slug"]).exists():
                continue  # created on an earlier run; an editor may have changed it since
            page = home.add_child(instance=ContentPage(title=spec["title"], slug=spec["slug"]))
            page.summary = spec["summary"]
            page.body = spec["body"]
            page.show_in_menus = False
            page.save_revision().publish()

    def _organisations(self) -> dict[str, Organisation]:
        areas = {a.code: a for a in Area.objects.all()}
        groups = {g.slug: g for g in ClaimantGroup.objects.all()}
        result = {}
        for name, kind, area_codes, group_slugs, description in content.ORGANISATIONS:
            organisation, _ = Organisation.objects.update_or_create(
                slug=slugify(name),
                defaults={
                    "name": name,
                    "kind": kind,
                    "description": f"{description}\n\n{content.FICTION_NOTE}",
                    "website": "",
                },
            )
            organisation.areas.set([areas[c] for c in area_codes if c in areas])
            organisation.claimant_groups.set([groups[s] for s in group_slugs if s in groups])
            result[name] = organisation
        # A few are verified, so the directory shows both states.
        for name in (
            "Northgate Employment Partnership",
            "Meridian Work Solutions",
            "Riverside Pathways",
        ):
            organisation = result[name]
            if not organisation.verified:
                organisation.verified = True
                organisation.verified_at = timezone.now()
                organisation.save(update_fields=["verified", "verified_at"])
        return result

    def _supply_chain(self, organisations: dict[str, Organisation]) -> None:
        for prime_name, sub_name in content.SUPPLY_CHAIN:
            prime, sub = organisations[prime_name], organisations[sub_name]
            SupplyChainLink.objects.update_or_create(
                prime=prime,
                subcontractor=sub,
                defaults={
                    "status": SupplyChainLink.Status.CONFIRMED,
                    "proposed_by_organisation": prime,
                    "confirmed_at": timezone.now(),
                },
            )

    def _user(self, username: str, display_name: str, job_title: str) -> User:
        email = f"{username}@example.org"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": email,
                "display_name": display_name,
                "job_title": job_title,
                "bio": f"{display_name} is a fictional person in the hub's demo content.",
            },
        )
        if created:
            user.set_password(content.DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _people(self, organisations: dict[str, Organisation]) -> None:
        for username, display_name, job_title, org_name, role in content.PEOPLE:
            user = self._user(username, display_name, job_title)
            if org_name is None:
                continue
            organisation = organisations[org_name]
            if role == "pending":
                defaults = {
                    "status": Membership.Status.PENDING,
                    "role": Membership.Role.MEMBER,
                    "message": f"Hello, I am a {job_title.lower()} at {org_name}.",
                }
            else:
                defaults = {
                    "status": Membership.Status.APPROVED,
                    "role": Membership.Role.ADMIN if role == "admin" else Membership.Role.MEMBER,
                    "decided_at": timezone.now(),
                }
            Membership.objects.update_or_create(
                user=user, organisation=organisation, defaults=defaults
            )

    def _staff(self) -> None:
        for username, display_name, job_title, group_name in content.STAFF:
            user = self._user(username, display_name, job_title)
            if group_name == "superuser":
                user.is_staff = user.is_superuser = True
                user.save(update_fields=["is_staff", "is_superuser"])
            else:
                user.groups.add(Group.objects.get(name=group_name))
