"""The performance records the hub-wide search finds (registered in CasesConfig.ready())."""

from __future__ import annotations

from hub.base.search import Hit, SearchType, highlight, term_facet


class Records(SearchType):
    key, label, singular = "records", "Performance records", "Performance record"
    facet_names = ("programme", "group", "area")

    def _terms(self):
        from cases.performance.models import Programme
        from hub.base.models import Area, ClaimantGroup

        return {
            "programme": ("Programme", Programme, "programme"),
            "group": ("Claimant group", ClaimantGroup, "claimant_group"),
            "area": ("Area", Area, "area"),
        }

    def searchable(self):
        from cases.performance.models import PerformanceRecord

        # The open data rule, whoever asks: members-only records are never search results
        # (visible() is this, for everyone).
        return PerformanceRecord.objects.published()

    def narrow(self, queryset, chosen):
        terms = self._terms()
        for name, values in chosen.items():
            queryset = queryset.filter(**{f"{terms[name][2]}__slug__in": values})
        return queryset

    def facets(self, ids, chosen):
        from cases.performance.models import PerformanceRecord

        hits = PerformanceRecord.objects.filter(pk__in=ids)
        return [
            term_facet(name, label, hits, path, model, chosen)
            for name, (label, model, path) in self._terms().items()
        ]

    def hits(self, ids, terms):
        from cases.performance.models import PerformanceRecord

        rows = PerformanceRecord.objects.filter(pk__in=ids).select_related(
            "organisation", "programme", "claimant_group", "area"
        )
        return {
            r.pk: Hit(
                f"{r.organisation.name}: {r.programme.name}",
                r.get_absolute_url(),
                self.singular,
                highlight(
                    f"{r.programme.name} for {r.claimant_group.name} in {r.area.name}, "
                    f"{r.period_start:%B %Y} to {r.period_end:%B %Y}. "
                    f"{r.organisation.name} as {r.get_role_display().lower()}.",
                    terms,
                ),
                [r.get_status_display(), f"{r.period_start:%b %Y} to {r.period_end:%b %Y}"],
                r.period_start,
            )
            for r in rows
        }
