"""Delete what the hub keeps no longer than its privacy notice says; run it once a day."""

from django.core.management.base import BaseCommand

from hub.base.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Delete read notifications, stored data downloads, deleted accounts' leftovers and "
        "expired sessions once past their retention periods. Run once a day."
    )

    def handle(self, *args, **options):
        for what, count in apply_retention().items():
            self.stdout.write(f"{what}: {count} deleted")
