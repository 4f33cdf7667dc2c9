"""The words of the demo toolkits, written for small charities thinking about a subcontract.

Figures are illustrative and say so; no real organisation is named as if it had written here.
"""

from hub.site.demo.data import load
from hub.site.demo.pages import callout, heading, para

_DATA = load("toolkits")

FINANCIAL_MODEL_URL = "/toolkits/financial-model/"
STANDARDS_URL = "/standards/"

DEMO_NOTE = callout(
    "<p>This guide is part of a demonstration of the hub. The figures are made up to show how "
    "things work, and any organisation named is fictional. Always check the real terms and "
    "prices of the programme you are thinking about.</p>"
)


def checklist(title, items, intro=""):
    return (
        "checklist",
        {
            "title": title,
            "intro": intro,
            "items": [{"text": text, "hint": hint} for text, hint in items],
        },
    )


def table(caption, headings, rows):
    return (
        "table",
        {
            "caption": caption,
            "table": {
                "columns": [{"type": "text", "heading": h} for h in headings],
                "rows": [{"values": list(row)} for row in rows],
            },
        },
    )


# The readiness questions, grouped; the page shows them and the downloadable workbook lists
# them with space for an answer, so both stay the same.
READINESS = _DATA["READINESS"]


def readiness_checklists():
    return [checklist(title, items, intro) for title, intro, items in READINESS]


# The headline terms of a subcontract: (term, what to ask, example answer).
FACT_SHEET_TERMS = _DATA["FACT_SHEET_TERMS"]

# Illustrative prices for the fact sheet's payment-groups sheet.
PAYMENT_GROUPS = [
    ("JSA 18-24", 300, 1000, 150, 13),
    ("JSA 25+", 300, 1200, 150, 20),
    ("New ESA claimants", 500, 3000, 250, 22),
    ("ESA ex-incapacity benefit", 500, 3500, 300, 22),
]


def understanding_pbr(case_studies):
    return [
        DEMO_NOTE,
        heading("What payment by results means"),
        para(
            "<p>In a payment-by-results contract you are paid mostly for what happens to the "
            "people you support, not for the work you do with them. You are paid when someone "
            "starts with you, more when they have been in work for a set time, and more again "
            "for each month they stay in work. If nobody finds work, you receive very little.</p>"
            "<p>This changes the money in three ways. You pay your staff every month, but most "
            "of your income arrives many months later. Your income depends on results you only "
            "partly control. And the price you are paid differs from one group of people to "
            "another.</p>"
        ),
        heading("The three kinds of payment"),
        heading("Attachment or delivery fees", "h3"),
        para(
            "<p>An <b>attachment fee</b> is paid when a person referred by the Jobcentre starts "
            "with a provider. It is usually small, and in some programmes it shrank every year "
            "and then stopped. Later programmes have used a <b>delivery fee</b> instead: a fixed "
            "part of the contract price paid whatever the results. Either way it is the only "
            "money that arrives early, so find out exactly how much of it reaches you.</p>"
        ),
        heading("Job outcome payments", "h3"),
        para(
            "<p>A <b>job outcome payment</b> is paid once a person has been in work for a "
            "qualifying period, such as 13 weeks, or 26 weeks for groups further from work. "
            "Some programmes count short jobs added together; some need earnings above a "
            "threshold. The job outcome is usually the largest single payment, but it arrives "
            "three to six months or more after the person starts work, and longer still "
            "after they first came to you.</p>"
        ),
        heading("Sustainment payments", "h3"),
        para(
            "<p><b>Sustainment payments</b> follow the job outcome, typically every four weeks "
            "for as long as the person stays in work, up to a limit of around one to two years. "
            "They reward keeping people in work, and together they can be worth more than the "
            "job outcome itself. In-work support is what earns them.</p>"
        ),
        table(
            "Illustrative prices for a subcontract, before the prime's fee (made-up figures)",
            ["Payment group", "Attachment fee", "Job outcome", "Sustainment, each 4 weeks"],
            [
                (group, f"£{attach:,}", f"£{outcome:,}", f"£{sustain:,} (up to {n})")
                for group, attach, outcome, sustain, n in PAYMENT_GROUPS
            ],
        ),
        heading("Why the cash goes down before it comes up"),
        para(
            "<p>From the first month you pay advisers, rent and travel. For the first people "
            "you support, the job outcome payment arrives perhaps eight or nine months later. "
            "So for most of the first year your bank balance falls every month, even if you are "
            "doing well. It only starts to rise once enough people are earning outcome and "
            "sustainment payments to cover your monthly costs.</p>"
            "<p>The table shows a made-up small provider: 20 people start each month, costs "
            "are £11,000 a month, 30% of people start work and most stay for 13 weeks. The "
            "prime keeps 15% of every payment.</p>"
        ),
        table(
            "Cash position of an illustrative small provider, by quarter (made-up figures)",
            ["Quarter", "Money in after the prime's fee", "Costs", "Cash position at the end"],
            [
                ("1", "£15,300", "£33,000", "−£17,700"),
                ("2", "£15,300", "£33,000", "−£35,400"),
                ("3", "£19,584", "£33,000", "−£48,816"),
                ("4", "£30,447", "£33,000", "−£51,369"),
                ("5", "£33,889", "£33,000", "−£50,480"),
                ("6", "£37,332", "£33,000", "−£46,148"),
                ("7", "£40,775", "£33,000", "−£38,373"),
                ("8", "£44,217", "£33,000", "−£27,156"),
            ],
        ),
        para(
            "<p>In this example the provider covers its monthly costs from the fifth quarter, "
            "but it needs more than £51,000 of its own money to get there, and after two years "
            "it has still not earned that money back. A provider that could not find £51,000 "
            "would have run out of cash while doing a good job.</p>"
        ),
        callout(
            "<p>Try it with your own figures in the "
            f'<a href="{FINANCIAL_MODEL_URL}">payment-by-results financial model</a>. It shows '
            "the lowest point of your cash and the month you break even.</p>",
            style="panel",
            title="Run the numbers for your organisation",
        ),
        heading("The prime's management fee"),
        para(
            "<p>The prime contractor holds the contract with the department and is paid for "
            "every result in its area. It passes part of each payment to the subcontractor who "
            "did the work, and keeps a share to pay for running the supply chain: contract "
            "management, the case management system, quality checks, and the risk it carries. "
            "That share is the <b>management fee</b>.</p>"
            "<p>Fees vary a lot between primes. Ask for the fee as a percentage of each kind of "
            "payment, and ask what services you get for it. A higher fee can be fair if the "
            "prime pays you sooner, pays part in advance, or provides training and systems you "
            "would otherwise buy.</p>"
        ),
        heading("Different prices for different groups"),
        para(
            "<p>Programmes pay more for helping people who are further from work, such as "
            "people on Employment and Support Allowance because of a health condition, than for "
            "people who are likely to find work soon. These <b>differential payments</b> reflect "
            "the extra time and help those people need.</p>"
            "<p>Check that the prices passed to you keep those differences. If a prime pays a "
            "flat price for everyone, the work with people with health conditions will lose "
            "money and the risk falls on you.</p>"
        ),
        heading("Creaming and parking"),
        para(
            "<p>When payment depends on results, there is a pull towards <b>creaming</b>: "
            "spending time on the people most likely to find work quickly. The other side of "
            "it is <b>parking</b>: giving little help to people who seem unlikely to earn a "
            "payment. Evaluations of the Work Programme found both happening, even with "
            "differential prices.</p>"
            "<p>Specialist and voluntary sector organisations are often brought into supply "
            "chains to help exactly the people at risk of being parked. Make sure your prices "
            "and volumes let you do that work properly, and that the contract does not expect "
            "you to see so many people that some are bound to be neglected.</p>"
        ),
        heading("Questions to ask before you sign"),
        para(
            "<ul><li>Which payments will we receive, for each payment group, and how much?</li>"
            "<li>How long after a job start will we be paid, and how long after the prime is "
            "paid?</li><li>What does the management fee pay for?</li><li>Is any part paid in "
            "advance or as a fixed fee?</li><li>What happens to our money if referrals fall?"
            "</li></ul>"
        ),
        *related_case_studies("How others have handled the money", case_studies),
    ]


def readiness(case_studies, fact_sheet_doc, checklist_doc):
    return [
        DEMO_NOTE,
        para(
            "<p>Use these questions with your trustees and your finance lead before you decide "
            "to bid for a subcontract. If you answer 'no' or 'not sure' to any of them, find "
            "out more before you commit. A 'no' is not always a reason to stop, but you should "
            "know what you would do about it.</p>"
        ),
        (
            "document",
            {
                "document": checklist_doc,
                "description": "The same questions with space for your answers and actions, "
                "to fill in with your trustees.",
            },
        ),
        *readiness_checklists(),
        heading("What to do next"),
        para(
            "<p>Ask the prime to complete the standard fact sheet so that you have every "
            "headline term in one place. Then put your own figures into the "
            f'<a href="{FINANCIAL_MODEL_URL}">financial model</a> and look at the worst month. '
            "Take both to your trustees with your answers to this checklist.</p>"
        ),
        ("document", {"document": fact_sheet_doc, "description": ""}),
        *related_case_studies("Case studies about working in a supply chain", case_studies),
    ]


def fact_sheet(case_studies, fact_sheet_doc):
    return [
        DEMO_NOTE,
        para(
            "<p>A prime contractor's subcontract can run to a hundred pages. The terms that "
            "decide whether it works for your organisation fit on one sheet. This fact sheet "
            "lists them, so that you can ask every prime the same questions and compare the "
            "answers side by side.</p>"
            "<p>The idea comes from the 2014 <i>Work Programme: Building Best Practice</i> "
            "report, which asked for a standard fact sheet and for clarity on which headline "
            "terms a prime must pass on to its supply chain.</p>"
        ),
        (
            "document",
            {
                "document": fact_sheet_doc,
                "description": "A spreadsheet with every headline term, what to ask, and a "
                "sheet for prices by payment group. Send it to the prime to fill in.",
            },
        ),
        heading("How to use the fact sheet"),
        para(
            "<ol><li>Send the blank fact sheet to each prime you are talking to, early, with "
            "your expression of interest or straight after.</li><li>Ask for every answer in "
            "writing. 'To be agreed' is an answer that should worry you.</li><li>Put the "
            "prices and timings into the financial model to see what they mean for your "
            "cash.</li><li>Check the signed contract says the same as the fact sheet.</li></ol>"
        ),
        heading("The headline terms"),
        para(
            "<p>These are the terms a prime should be able to tell you before you bid. The "
            "examples are made up, to show the level of detail to expect.</p>"
        ),
        table(
            "The headline terms of a subcontract, with example answers (made up)",
            ["Term", "What to ask", "An example answer"],
            FACT_SHEET_TERMS,
        ),
        heading("Contract length and volumes"),
        para(
            "<p>A longer contract lets you recover the money you put in at the start. Check "
            "whether there is a period at the end when no new people are referred but you still "
            "support people in work: your income continues, but so do some of your costs.</p>"
            "<p>Referral volumes are forecasts, and rarely guarantees. Ask how they were worked "
            "out, what happened to volumes in the past, and what the prime will do if they fall "
            "far below the forecast.</p>"
        ),
        heading("Payment groups, prices and the management fee"),
        para(
            "<p>Ask for a price for every payment group you will work with, and for each kind of "
            "payment: attachment or delivery fee, job outcome, and sustainment. Ask for the "
            "management fee as a percentage and what it pays for. With these you can work out "
            "how much of each pound the department pays reaches you.</p>"
        ),
        heading("Payment timing"),
        para(
            "<p>Timing matters as much as price. Ask how many days pass between you claiming an "
            "outcome and the money reaching your account, and whether the prime pays you when "
            "it claims or only when it is paid. The department's Code of Conduct asks primes to "
            "agree payment timing with their supply chain and to consider paying in advance "
            "where that is needed.</p>"
        ),
        heading("Performance, information and standards"),
        para(
            "<p>Ask what performance you will be measured against, usually a share of people "
            "starting work and reaching a job outcome, and what happens if you fall short: a "
            "review, an improvement plan, fewer referrals or ending the contract. Ask what "
            "management information you must provide, in which system and how often, and "
            "which Customer Service Standards you must meet at each stage of the journey.</p>"
        ),
        heading("Exit and termination"),
        para(
            "<p>A fair contract gives both sides the same notice period, says how outcomes "
            "for people you have already supported will be paid after the end, and says what "
            "happens if the prime loses its own contract. Ask these questions even when "
            "everything is going well; you may need the answers in a hurry later.</p>"
        ),
        *related_case_studies("Case studies about agreeing terms", case_studies),
    ]


def related_case_studies(title, case_studies):
    if not case_studies:
        return []
    return [("related_case_studies", {"heading": title, "case_studies": list(case_studies)})]


# slug -> (title, topic, audience, summary, the case studies it cites by title)
TOOLKITS = _DATA["TOOLKITS"]

# What each toolkit suggests reading next.
READ_NEXT = _DATA["READ_NEXT"]

INDEX_INTRO = (
    "Practical guides for voluntary and community organisations thinking about delivering "
    "employment support under a prime contractor: how payment by results works, whether to "
    "bid, what to ask for, and how to work well in a supply chain."
)
