from django.core.validators import RegexValidator
from django.db import models

from .organisations import Organisation

_DOMAIN = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    "Enter a domain in lower case, like example.org.uk, without @ or a web address.",
)


class EmailDomain(models.Model):
    """An e-mail domain that site staff have checked belongs to an organisation.

    A first sign-in through the organisation's identity provider (SSO) with a verified address
    on the domain asks to join the organisation; with `require_sso`, addresses on the domain
    cannot sign in or sign up with a password."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="email_domains"
    )
    domain = models.CharField(
        max_length=253,
        unique=True,
        validators=[_DOMAIN],
        help_text="The part after @, for example example.org.uk. Subdomains are not included.",
    )
    require_sso = models.BooleanField(
        "Require sign-in with the organisation's identity provider",
        default=False,
        help_text="Addresses on this domain cannot sign in or sign up with a password.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = "verified e-mail domain"

    def __str__(self):
        return self.domain

    def clean_fields(self, exclude=None):
        self.domain = (self.domain or "").strip().lower()
        super().clean_fields(exclude=exclude)
