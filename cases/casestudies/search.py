"""The case studies the hub-wide search finds (registered in CasesConfig.ready())."""

from __future__ import annotations

from hub.base.search import Hit, SearchType, highlight, term_facet


class CaseStudies(SearchType):
    key, label, singular = "case-studies", "Case studies", "Case study"
    facet_names = ("group", "barrier", "stage")

    def _models(self):
        from cases.casestudies.models import CaseStudy
        from hub.base.models import Barrier, ClaimantGroup, JourneyStage

        return CaseStudy, {
            "group": ("Claimant group", ClaimantGroup, "claimant_groups"),
            "barrier": ("Barrier to work", Barrier, "barriers"),
            "stage": ("Journey stage", JourneyStage, "journey_stages"),
        }

    def searchable(self):
        # Only published ones, for everyone (visible() is this): drafts and hidden ones are
        # never search results.
        CaseStudy, _ = self._models()
        return CaseStudy.objects.published()

    def narrow(self, queryset, chosen):
        _, terms = self._models()
        for name, values in chosen.items():
            relation = terms[name][2]
            queryset = queryset.filter(**{f"{relation}__slug__in": values})
        return queryset

    def facets(self, ids, chosen):
        CaseStudy, terms = self._models()
        hits = CaseStudy.objects.filter(pk__in=ids)
        return [
            term_facet(name, label, hits, relation, model, chosen)
            for name, (label, model, relation) in terms.items()
        ]

    def hits(self, ids, terms):
        CaseStudy, _ = self._models()
        rows = CaseStudy.objects.filter(pk__in=ids).select_related("organisation")
        return {
            cs.pk: Hit(
                cs.title,
                cs.get_absolute_url(),
                self.singular,
                highlight(
                    " ".join([cs.summary, cs.body, cs.what_was_done, cs.outcomes, cs.lessons]),
                    terms,
                ),
                [cs.organisation.name],
                cs.published_at,
            )
            for cs in rows
        }
