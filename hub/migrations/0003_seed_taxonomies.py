"""Seed the shared taxonomies: Work Programme payment groups, Contract Package Areas,
barriers to work and the five journey stages. Reversible: removes only what it added."""

from django.db import migrations
from django.utils.text import slugify

CLAIMANT_GROUPS = [
    "JSA 18-24",
    "JSA 25+",
    "JSA early access",
    "JSA ex-incapacity benefit",
    "ESA volunteers",
    "New ESA claimants",
    "ESA ex-incapacity benefit",
    "IB/IS volunteers",
    "JSA prison leavers",
]

AREAS = [
    ("CPA1", "East of England"),
    ("CPA2", "East Midlands"),
    ("CPA3", "London West"),
    ("CPA4", "London East"),
    ("CPA5", "North East"),
    ("CPA6", "North West: Merseyside, Halton, Cumbria and Lancashire"),
    ("CPA7", "North West: Greater Manchester, Cheshire and Warrington"),
    ("CPA8", "Scotland"),
    ("CPA9", "South East: Surrey, Sussex and Kent"),
    ("CPA10", "South East: Thames Valley, Hampshire and Isle of Wight"),
    ("CPA11", "South West: Devon, Cornwall and Somerset"),
    ("CPA12", "South West: Gloucestershire, Wiltshire and West of England"),
    ("CPA13", "Wales"),
    ("CPA14", "West Midlands: Birmingham, Solihull and the Black Country"),
    ("CPA15", "West Midlands: Coventry, Warwickshire, Staffordshire and the Marches"),
    ("CPA16", "Yorkshire and Humber: West Yorkshire"),
    ("CPA17", "Yorkshire and Humber: East and South Yorkshire"),
    ("CPA18", "North East Yorkshire and the Humber"),
]

BARRIERS = [
    "Physical health condition",
    "Mental health",
    "Learning disability",
    "Caring responsibilities",
    "Childcare",
    "Housing and homelessness",
    "Debt and money",
    "Drug or alcohol dependence",
    "Offending history",
    "Confidence and motivation",
    "Basic skills (literacy and numeracy)",
    "Digital skills",
    "English language",
    "Transport and travel",
    "Long-term unemployment",
    "Age",
]

JOURNEY_STAGES = [
    ("Pre-programme engagement", "From referral by Jobcentre Plus to the first meeting."),
    ("Programme engagement", "Assessment, the action plan and regular contact."),
    ("Pre-work support", "Help to remove barriers and get ready for work."),
    ("In-work support", "Support once the participant has started a job."),
    ("Programme exit", "Leaving the programme, in work or not."),
]


def _terms():
    yield "ClaimantGroup", [{"name": n} for n in CLAIMANT_GROUPS]
    yield "Area", [{"name": n, "code": c} for c, n in AREAS]
    yield "Barrier", [{"name": n} for n in BARRIERS]
    yield "JourneyStage", [{"name": n, "description": d} for n, d in JOURNEY_STAGES]


def forwards(apps, schema_editor):
    for model_name, rows in _terms():
        model = apps.get_model("hub", model_name)
        for order, row in enumerate(rows, start=1):
            model.objects.update_or_create(
                slug=slugify(row["name"]), defaults={**row, "sort_order": order}
            )


def backwards(apps, schema_editor):
    for model_name, rows in _terms():
        model = apps.get_model("hub", model_name)
        model.objects.filter(slug__in=[slugify(r["name"]) for r in rows]).delete()


class Migration(migrations.Migration):
    dependencies = [("hub", "0002_home_and_content_pages")]
    operations = [migrations.RunPython(forwards, backwards)]
