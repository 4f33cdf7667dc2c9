"""The words of the demo toolkits, written for small charities thinking about a subcontract.

Figures are illustrative and say so; no real organisation is named as if it had written here.
"""

from hub.site.demo.pages import callout, heading, para

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
READINESS = [
    (
        "Money: reserves and working capital",
        "Payment by results means you pay staff for months before the money comes in.",
        [
            (
                "Do we have enough cash to cover the gap before outcome payments arrive?",
                "Run the financial model with your own costs. The lowest point of the cash "
                "line is the working capital you need, and it often comes in the second half "
                "of the first year.",
            ),
            (
                "Can we cover that gap without using reserves we need for our other work?",
                "Trustees should agree, in writing, how much of your reserves can be put at "
                "risk, and what happens if the money is not recovered.",
            ),
            (
                "Have we allowed for things going slower than planned?",
                "Model a bad case too: fewer referrals, fewer job starts, and payments a month "
                "later than promised. If that case sinks you, do not bid on those terms.",
            ),
        ],
    ),
    (
        "Risk and the prime's terms",
        "Who carries which risk is set by the subcontract, not by the programme.",
        [
            (
                "Do we know how much of the risk we carry and how much the prime keeps?",
                "Ask how the prime is paid for each payment group and what it passes on to "
                "you. A fair share of risk reflects who can bear it.",
            ),
            (
                "Do we understand every payment the prime will make to us, and when?",
                "Ask for the prices per payment group, the management fee, and the number of "
                "days between a claim and payment. Use the standard fact sheet.",
            ),
            (
                "Has the prime signed up to the Merlin Standard and the Code of Conduct?",
                "Both set out how primes should treat their supply chains: fairly, openly and "
                "with agreed payment terms. Ask how the prime handles disputes, and whether it "
                "will let you raise problems with the department.",
            ),
            (
                "Are the referral volumes realistic, and are any of them guaranteed?",
                "Volumes drive both your income and your costs. Ask what happens to the price "
                "or your staffing if referrals fall well below the forecast.",
            ),
        ],
    ),
    (
        "Getting out safely",
        "Plan how you would stop before you start.",
        [
            (
                "Can we leave the contract, and how much notice do we have to give?",
                "Look for a fair termination period that applies to both sides, and what "
                "happens to payments for people you have already supported.",
            ),
            (
                "What happens if the prime loses its contract or leaves the market?",
                "Ask whether your contract would pass to a new prime, and how performance "
                "of good subcontractors would be recognised.",
            ),
        ],
    ),
    (
        "People and capacity",
        "Winning a contract you cannot staff is worse than not winning it.",
        [
            (
                "Do we have, or can we recruit, enough advisers in time for the start date?",
                "Contracts often start within weeks of award. Count recruitment time, "
                "training and any vetting checks.",
            ),
            (
                "Can we collect and send the data and management information the prime needs?",
                "Ask which system you must use, how often you report, and who pays for the "
                "licences and training. Data work takes real staff time.",
            ),
            (
                "Are our safeguarding policy and practice ready for this group of people?",
                "Many participants are vulnerable. Check that your policy, training and "
                "checks match what the prime and the department require.",
            ),
            (
                "Do we hold the insurance the contract asks for?",
                "Subcontracts often ask for employer's liability, public liability and "
                "professional indemnity cover at set amounts. Get a quote before you bid.",
            ),
            (
                "Do we meet the data protection and information security requirements?",
                "You will handle personal information about benefit claimants. Check what "
                "certification the prime asks for and how long it takes to get.",
            ),
        ],
    ),
]


def readiness_checklists():
    return [checklist(title, items, intro) for title, intro, items in READINESS]


# The headline terms of a subcontract: (term, what to ask, example answer).
FACT_SHEET_TERMS = [
    (
        "Contract length",
        "When does delivery start and end? Is there an option to extend, and who decides?",
        "Referrals for 5 years, then 2 years to support people already in work.",
    ),
    (
        "Area",
        "Which contract package area, and which Jobcentres refer to us?",
        "CPA18, the three coastal Jobcentres.",
    ),
    (
        "Referral volumes",
        "How many people a month, by payment group? Is any volume guaranteed?",
        "About 20 a month; no guarantee, reviewed every quarter.",
    ),
    (
        "Payment groups and prices",
        "Each payment group with its attachment or delivery fee, job outcome and sustainment "
        "prices, as passed on to us.",
        "See the payment groups sheet.",
    ),
    (
        "Management fee",
        "What percentage does the prime keep, of which payments, and what does it pay for?",
        "15% of all payments; pays for the case management system and contract management.",
    ),
    (
        "Payment timing",
        "How many days from a valid claim to money in our bank? Any payment in advance?",
        "Paid monthly, 30 days after the prime is paid by the department.",
    ),
    (
        "Performance expectations",
        "The job outcome rate and other measures expected, and what happens if we miss them.",
        "30% of people attached starting work; a review after two quarters below profile.",
    ),
    (
        "Management information",
        "Which system, which data, how often, and who pays for licences and training.",
        "Weekly updates in the prime's system; licences free; two days' training.",
    ),
    (
        "Customer Service Standards",
        "Which standards we must meet at each journey stage, and how they are checked.",
        "The prime's published standards; quarterly spot checks.",
    ),
    (
        "Exit and termination",
        "Notice each side must give, reasons for ending early, and payment for people "
        "already supported.",
        "Six months' notice either way; outcomes for our participants still paid.",
    ),
    (
        "Disputes",
        "How disagreements are settled, and whether we may raise them with the department.",
        "Prime's dispute process, then Merlin mediation.",
    ),
    (
        "Insurance and policies",
        "The insurance cover and policies required, with amounts.",
        "Employer's and public liability £5m; professional indemnity £1m.",
    ),
]

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
        *_related_case_studies("How others have handled the money", case_studies),
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
        *_related_case_studies("Case studies about working in a supply chain", case_studies),
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
        *_related_case_studies("Case studies about agreeing terms", case_studies),
    ]


def tendering(case_studies):
    return [
        DEMO_NOTE,
        heading("How subcontracts are let"),
        para(
            "<p>When the department lets a new employment programme, it buys from a small "
            "number of prime contractors in each contract area. Primes build supply chains "
            "while they bid: they look for partners who add reach, specialist help or local "
            "knowledge. So the time to talk to primes is before and during the main "
            "competition, not after contracts are awarded.</p>"
        ),
        heading("The stages and how long they take"),
        table(
            "Typical stages of recruiting a supply chain (timings vary)",
            ["Stage", "What happens", "Typical time"],
            [
                (
                    "Market engagement",
                    "The department describes the programme; primes hold events for partners.",
                    "Months before the tender",
                ),
                (
                    "Expression of interest",
                    "You tell primes what you offer, often on a shared form such as the "
                    "Merlin Standard expression of interest.",
                    "2 to 4 weeks",
                ),
                (
                    "Prime's selection",
                    "Primes shortlist partners, ask questions, and may interview you.",
                    "2 to 6 weeks",
                ),
                (
                    "Bid support",
                    "You give the prime information for its bid: your delivery model, "
                    "volumes, prices and evidence.",
                    "During the department's tender, often 8 to 12 weeks",
                ),
                (
                    "Award and due diligence",
                    "The department awards contracts; the prime checks your finances, "
                    "policies and insurance.",
                    "4 to 8 weeks",
                ),
                (
                    "Contract and start",
                    "You agree the subcontract, recruit and train staff, and start.",
                    "4 to 12 weeks",
                ),
            ],
        ),
        heading("Expressions of interest"),
        para(
            "<p>Keep one clear description of your organisation ready: who you help, where, "
            "what you do that others do not, your results with evidence, and your capacity. "
            "The 2014 best practice report recommended that primes accept the Merlin Standard "
            "expression of interest as the starting point, so that small organisations do not "
            "fill in a different form for every prime.</p>"
        ),
        heading("What primes look for"),
        para(
            "<ul><li>Evidence that you get results for the groups in the programme, with "
            "numbers, not just stories. Your performance records and case studies on this hub "
            "help.</li><li>Reach: places, communities or groups the prime cannot reach on its "
            "own.</li><li>Specialist skills, such as mental health, housing, debt, addiction, "
            "or work with prison leavers.</li><li>Financial strength to carry payment by "
            "results, or a realistic plan for it.</li><li>Good governance, safeguarding and "
            "data protection.</li></ul>"
        ),
        heading("Due diligence"),
        para(
            "<p>Before signing, a prime will check that you can deliver safely. Have these "
            "ready: your last two years' accounts, reserves policy, insurance certificates, "
            "safeguarding and equality policies, data protection arrangements, and "
            "references from other funders. Missing documents are a common reason for delay.</p>"
        ),
        heading("Clarification questions"),
        para(
            "<p>You can and should ask questions. Ask in writing, keep a copy of every answer, "
            "and ask the prime to share anonymised answers with all bidders if that is its "
            "practice. Good questions are about the things on the standard fact sheet: prices "
            "by payment group, the management fee, payment timing, volumes, and the exit "
            "terms.</p>"
        ),
        heading("Common reasons bids fail"),
        para(
            "<ul><li>Answering a different question from the one asked.</li><li>Claims with "
            "no evidence: 'we get great results' without numbers.</li><li>Prices or volumes "
            "that do not add up, or that the organisation cannot finance.</li><li>Missing the "
            "deadline, or missing documents.</li><li>Not explaining what happens to people at "
            "each stage of their journey.</li><li>No plan for recruiting staff in time.</li>"
            "</ul>"
        ),
        callout(
            "<p>Do not agree prices you cannot afford to win at. Before you submit, run your "
            f'bid through the <a href="{FINANCIAL_MODEL_URL}">financial model</a>.</p>',
            style="warning",
        ),
        *_related_case_studies("Case studies from supply chains", case_studies),
    ]


def customer_service(case_studies):
    return [
        DEMO_NOTE,
        para(
            "<p>Customer Service Standards tell the people you support what they can expect "
            "from you, at each stage of their time on the programme. They replaced minimum "
            "service levels that were often vague and written for contract managers rather "
            "than for participants.</p>"
            "<p>For each of the five stages, write one <b>Standard Measure</b>, something you "
            "can count, and one <b>Service Standard</b>, a promise about how people will be "
            "treated. See how others have written theirs on the "
            f'<a href="{STANDARDS_URL}">Customer Service Standards</a> pages.</p>'
        ),
        heading("Write for the person, not the contract"),
        para(
            "<ul><li>Use 'we' and 'you': 'We will call you within two working days'.</li>"
            "<li>Use short sentences and everyday words. Say 'job', not 'employment outcome'."
            "</li><li>Make promises people can check: a number of days, a kind of contact, a "
            "named person.</li><li>Test the words with people who use your service.</li></ul>"
        ),
        table(
            "Examples of standards for each stage (made up)",
            ["Stage", "Standard Measure", "Service Standard"],
            [
                (
                    "Pre-programme engagement",
                    "We contact you within 2 working days of your referral.",
                    "We explain what the programme is and what it is not, before you start.",
                ),
                (
                    "Programme engagement",
                    "Your first meeting is within 10 working days of referral.",
                    "Together we agree a plan that starts from what you want to do.",
                ),
                (
                    "Pre-work support",
                    "You meet your adviser at least every 2 weeks.",
                    "Your adviser helps with money, housing or health worries, not just jobs.",
                ),
                (
                    "In-work support",
                    "We contact you in your first week in work.",
                    "We fit in-work support around your shifts, by phone, text or in person.",
                ),
                (
                    "Programme exit",
                    "You get a written summary of your progress before you leave.",
                    "If you have not found work, we tell you where to get help next.",
                ),
            ],
        ),
        heading("Pre-programme engagement"),
        para(
            "<p>This is the time between the Jobcentre's referral and the first meeting. "
            "People often do not know why they have been referred or what will happen. A quick, "
            "friendly first contact reduces no-shows.</p>"
        ),
        heading("Programme engagement"),
        para(
            "<p>The first meetings set the tone. Standards here are about how soon people are "
            "seen, how long appointments are, and whether the action plan is agreed with them "
            "rather than done to them.</p>"
        ),
        heading("Pre-work support"),
        para(
            "<p>Most time on the programme is spent here. Promise how often people will be "
            "seen, how they can reach their adviser, and what help they can get with barriers "
            "such as health, housing, debt and childcare.</p>"
        ),
        heading("In-work support"),
        para(
            "<p>The first weeks in a job are when it is most likely to end. Say when you will "
            "be in touch, how, and what you can help with, from a first pay packet that comes "
            "late to a problem with a manager.</p>"
        ),
        heading("Programme exit"),
        para(
            "<p>Everyone leaves the programme, in work or not. Promise a proper ending: a "
            "summary of what they have done, and a handover to other help if they need it.</p>"
        ),
        heading("Checking you keep your promises"),
        para(
            "<p>Count your Standard Measures every month from the data you already hold. For "
            "Service Standards, ask participants: short surveys, comment cards, or a panel of "
            "people who have used the service. Publish the results, including the months you "
            "fell short and what you changed.</p>"
        ),
        *_related_case_studies("Case studies about customer service", case_studies),
    ]


def supply_chain(case_studies):
    return [
        DEMO_NOTE,
        para(
            "<p>Most employment programmes are delivered by supply chains: a prime contractor "
            "and the organisations it subcontracts to. Some subcontractors support people from "
            "referral to work (end-to-end providers). Others give one kind of specialist help, "
            "such as mental health support or debt advice (spot or specialist providers). A "
            "good partnership makes the whole chain work better for participants.</p>"
        ),
        heading("What good partnership looks like"),
        para(
            "<ul><li>Terms agreed at the start, in writing, and changed only by agreement.</li>"
            "<li>Payment on time, every time, at the agreed rate.</li><li>Honest sharing of "
            "performance information, in both directions.</li><li>Regular meetings about "
            "participants, not just about targets.</li><li>A fair way to raise and settle "
            "problems.</li></ul>"
        ),
        heading("The Merlin Standard and the Code of Conduct"),
        para(
            "<p>The department expects primes to treat their supply chains fairly. The "
            "<b>Merlin Standard</b> assesses how primes manage their supply chains, including "
            "how clearly they set out funding, payments and performance, and how they conduct "
            "the relationship. Disputes that a prime's own process does not settle can go to a "
            "mediation service.</p>"
            "<p>The department's <b>Code of Conduct</b> for providers asks for fair contracting "
            "and funding, agreed payment timing, proportionate monitoring, and a sufficient "
            "termination period agreed at the outset. It says primes should not stop delivery "
            "providers raising reasonable grievances with the department.</p>"
        ),
        heading("Referrals to specialist providers"),
        para(
            "<p>Specialist providers are sometimes sent people without any agreement on who "
            "pays for the help. Agree the funding before any referral is made: how much, for "
            "what, and when it is paid. If there is no agreement, the prime should not refer, "
            "and you should not accept.</p>"
        ),
        heading("Sharing information"),
        para(
            "<p>Ask your prime for your performance against your contractual profile every "
            "month, and for how the supply chain as a whole is doing. Share your own job starts "
            "early: they show how things are going months before outcome payments do. The "
            "hub's performance database lets organisations compare like with like.</p>"
        ),
        heading("When things go wrong"),
        para(
            "<ol><li>Raise the problem early, in writing, with the evidence.</li><li>Use the "
            "prime's dispute process and keep a record of every step.</li><li>If that does "
            "not settle it, use the mediation route the prime's Merlin accreditation "
            "provides.</li><li>Talk to other providers in the forum: you are rarely the only "
            "one.</li></ol>"
        ),
        *_related_case_studies("Case studies about supply-chain partnership", case_studies),
    ]


def _related_case_studies(title, case_studies):
    if not case_studies:
        return []
    return [("related_case_studies", {"heading": title, "case_studies": list(case_studies)})]


# slug -> (title, topic, audience, summary, the case studies it cites by title)
TOOLKITS = {
    "understanding-payment-by-results": (
        "Understanding payment by results",
        "financial-modelling",
        "vcs",
        "How attachment fees, job outcome and sustainment payments work, why your cash goes "
        "down before it comes up, and what the prime's management fee means for you.",
        [
            "Paying subcontractors for attachments as well as outcomes kept small charities in "
            "our supply chain",
            "Watching job starts, not outcome payments, to spot a struggling office months earlier",
            "Going back to the people who had been left behind on our own caseload",
        ],
    ),
    "should-we-bid": (
        "Should we bid? A readiness checklist",
        "tendering",
        "vcs",
        "Questions for your trustees before you bid for a subcontract: money, risk, the "
        "prime's terms, capacity, data, safeguarding and insurance.",
        [
            "Agreeing the funding before any referral to a specialist provider",
            "Paying subcontractors for attachments as well as outcomes kept small charities in "
            "our supply chain",
        ],
    ),
    "subcontract-fact-sheet": (
        "The standard fact sheet for a subcontract",
        "tendering",
        "everyone",
        "The headline terms every prime should tell you before you bid, with a spreadsheet "
        "to send them: length, volumes, prices, fees, payment timing, performance and exit.",
        [
            "Agreeing the funding before any referral to a specialist provider",
            "Monthly shared case reviews across the supply chain lifted job starts for new ESA "
            "claimants",
        ],
    ),
    "tendering-process": (
        "The tendering process, from expression of interest to contract",
        "tendering",
        "vcs",
        "The stages of joining a supply chain, how long each takes, what primes look for, "
        "due diligence, asking questions, and the common reasons bids fail.",
        [
            "Monthly shared case reviews across the supply chain lifted job starts for new ESA "
            "claimants",
        ],
    ),
    "writing-customer-service-standards": (
        "Writing Customer Service Standards in plain English",
        "customer-service",
        "everyone",
        "How to write a Standard Measure and a Service Standard for each of the five stages "
        "of the journey, in words the people you support will understand.",
        [
            "Writing our Customer Service Standards with participants, in plain English",
            "A mystery-shopper panel of former participants checks our service standards",
            "Warm handovers from the Jobcentre halved no-shows at the first appointment",
            "A proper handover for people leaving the programme still out of work",
        ],
    ),
    "supply-chain-partnership": (
        "Working well in a supply chain",
        "supply-chain",
        "subcontractor",
        "What good partnership between a prime and its subcontractors looks like, the Merlin "
        "Standard and Code of Conduct, specialist referrals, and what to do when things go "
        "wrong.",
        [
            "Monthly shared case reviews across the supply chain lifted job starts for new ESA "
            "claimants",
            "Agreeing the funding before any referral to a specialist provider",
            "Paying subcontractors for attachments as well as outcomes kept small charities in "
            "our supply chain",
        ],
    ),
}

# What each toolkit suggests reading next.
READ_NEXT = {
    "understanding-payment-by-results": ["should-we-bid", "subcontract-fact-sheet"],
    "should-we-bid": ["understanding-payment-by-results", "subcontract-fact-sheet"],
    "subcontract-fact-sheet": ["should-we-bid", "tendering-process"],
    "tendering-process": ["should-we-bid", "subcontract-fact-sheet"],
    "writing-customer-service-standards": ["supply-chain-partnership"],
    "supply-chain-partnership": ["subcontract-fact-sheet", "understanding-payment-by-results"],
}

INDEX_INTRO = (
    "Practical guides for voluntary and community organisations thinking about delivering "
    "employment support under a prime contractor: how payment by results works, whether to "
    "bid, what to ask for, and how to work well in a supply chain."
)
