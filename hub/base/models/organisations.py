"""Organisations that deliver employment programmes, their members and supply chains."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from wagtail.search import index

from .taxonomy import Area, ClaimantGroup


class OrganisationQuerySet(models.QuerySet):
    def administered_by(self, user):
        """Organisations where `user` is an approved organisation admin."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            memberships__user=user,
            memberships__status=Membership.Status.APPROVED,
            memberships__role=Membership.Role.ADMIN,
        )


class Organisation(index.Indexed, models.Model):
    """A prime, subcontractor, charity or other body that takes part in the hub."""

    class Kind(models.TextChoices):
        PRIME = "prime", "Prime contractor"
        END_TO_END = "end_to_end", "End-to-end subcontractor"
        SPECIALIST = "specialist", "Specialist or spot provider"
        VCS = "vcs", "Voluntary or community sector organisation"
        JCP = "jcp", "Jobcentre Plus office"
        ADVOCACY = "advocacy", "Advocacy or umbrella body"
        OTHER = "other", "Other"

    name = models.CharField(max_length=160, unique=True)
    slug = models.SlugField(max_length=180, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    areas = models.ManyToManyField(Area, blank=True, related_name="organisations")
    claimant_groups = models.ManyToManyField(
        ClaimantGroup, blank=True, related_name="organisations"
    )
    website = models.URLField(blank=True, max_length=300)
    description = models.TextField(
        blank=True, max_length=5000, help_text="What the organisation does and for whom."
    )
    verified = models.BooleanField(default=False, db_index=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        permissions = [("verify_organisation", "Can mark an organisation as verified")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation_detail", kwargs={"slug": self.slug})


class Membership(models.Model):
    """A person's link to an organisation: a join request until an organisation admin decides."""

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        ADMIN = "admin", "Organisation admin"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(
        "message to the organisation admins",
        blank=True,
        max_length=1000,
        help_text="Optional. Say who you are and why you would like to join.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_org"
            ),
            models.CheckConstraint(
                condition=Q(role="member") | Q(status="approved"),
                name="membership_admin_is_approved",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "role"], name="membership_org_status"),
            models.Index(fields=["user", "status"], name="membership_user_status"),
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation} ({self.get_status_display()})"

    @property
    def is_admin(self) -> bool:
        """An approved organisation admin (the constraint above makes role imply approval)."""
        return self.role == self.Role.ADMIN


class SupplyChainLink(models.Model):
    """A prime-to-subcontractor relationship, proposed by one side and confirmed by the other."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"

    prime = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="subcontractor_links"
    )
    subcontractor = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="prime_links"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["prime__name", "subcontractor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["prime", "subcontractor"], name="supply_chain_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(prime=models.F("subcontractor")), name="supply_chain_not_self"
            ),
        ]
        indexes = [models.Index(fields=["subcontractor", "status"], name="supply_chain_sub_status")]

    def __str__(self) -> str:
        return f"{self.prime} → {self.subcontractor}"

    @property
    def awaiting_organisation(self) -> Organisation:
        """The side that has still to confirm the link."""
        if self.proposed_by_organisation_id == self.prime_id:
            return self.subcontractor
        return self.prime


class EndedSupplyChainLink(models.Model):
    """A confirmed link that one side ended: kept so a former subcontractor can still say how
    the prime treated it (conduct feedback), after the live link is gone."""

    prime = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    subcontractor = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prime", "subcontractor"], name="ended_supply_chain_unique_pair"
            )
        ]
        indexes = [models.Index(fields=["subcontractor", "prime"], name="ended_supply_chain_sub")]

    def __str__(self) -> str:
        return f"{self.prime} → {self.subcontractor} (ended)"
