"""Queue today's daily digest emails; run it once a day from cron or a scheduler."""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from hub.base.digests import send_daily_digests


class Command(BaseCommand):
    help = (
        "Queue the background task that emails each member who chose a daily digest the "
        "unread notifications waiting for it. Run once a day; running it again sends nothing new."
    )

    def handle(self, *args, **options):
        result = send_daily_digests.enqueue()
        # The immediate backend (development) has already run it; a worker runs it otherwise.
        if result.status == TaskResultStatus.FAILED:
            detail = result.errors[-1].traceback if result.errors else ""
            raise CommandError(f"The daily digest task failed.\n{detail}")
        if result.status == TaskResultStatus.SUCCESSFUL:
            sent = result.return_value
            self.stdout.write(f"Daily digests: {sent} email{'' if sent == 1 else 's'} queued.")
        else:
            self.stdout.write(f"Queued the daily digests (task {result.id}).")
