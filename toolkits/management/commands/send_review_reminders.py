"""Remind organisation admins whose Customer Service Standards are due for review; run daily."""

from django.core.management.base import BaseCommand

from toolkits.services.standards import standards_remind_due


class Command(BaseCommand):
    help = (
        "Tell the admins of each organisation whose published Customer Service Standards were "
        "last reviewed more than six months ago. Run once a day; each review date is reminded "
        "about once."
    )

    def handle(self, *args, **options):
        told = standards_remind_due()
        self.stdout.write(f"Review reminders: {told} admin{'' if told == 1 else 's'} told.")
