"""The demo toolkits' later guides: tendering, Customer Service Standards, supply-chain partnership.

Fictional like all demo content; the shared parts are in ``toolkit_content``.
"""

from hub.site.demo.pages import callout, heading, para
from hub.site.demo.toolkits.toolkit_content import (
    DEMO_NOTE,
    FINANCIAL_MODEL_URL,
    STANDARDS_URL,
    related_case_studies,
    table,
)


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
        *related_case_studies("Case studies from supply chains", case_studies),
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
        *related_case_studies("Case studies about customer service", case_studies),
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
        *related_case_studies("Case studies about supply-chain partnership", case_studies),
    ]
