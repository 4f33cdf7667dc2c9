"""Fictional demo case studies, ratings, comments and a populated showcase.

Every organisation, person, place detail and figure below is invented for the hub's demo
content; none of it reports a real provider's practice or a real programme result. The case
studies are written as a front-line adviser in the sector might write them, so the hub's lists,
filters, "top rated" and "newest" orderings and the showcase have something true-to-life to show.

``seed()`` is idempotent: case studies are matched by title, ratings by (case study, member),
comments by (case study, author, text), and the showcase is created only if none exists.
"""

# ruff: noqa: E501  -- prose reads better unwrapped

from __future__ import annotations

import random
import textwrap
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from hub.base import notifications
from hub.site.demo import content as hub_content
from hub.site.showcase import services as showcase_services

# Each case study: the organisation (a name from hub.demo.content.ORGANISATIONS), an optional
# preferred author (used only if an approved member of that organisation), the case study's
# fields, its terms (slugs, and area codes), tags, and how members responded to it:
#   comments: a list of threads (comment, reply by the author, follow-up by the commenter…);
#     a comment starting "@username " is posted by that member, otherwise by a member of
#     another organisation picked by the seeded random generator.
#   ratings: "single" (one five-star rating), "popular" (every eligible member, averaging
#     about 4.6) or absent (a seeded random number of ratings).
#   showcase: (kind, why it was chosen) to feature it on the showcase page.
#   draft: True to leave it unpublished.
CASE_STUDIES: list[dict] = [
    # Northgate Employment Partnership -----------------------------------------------------
    {
        "organisation": "Northgate Employment Partnership",
        "author": "amara.okafor",
        "title": "Monthly shared case reviews across the supply chain lifted job starts for new ESA claimants",
        "summary": "Our ESA job starts were lagging well behind profile and each subcontractor was solving the same problems alone. A monthly case review, where advisers from across the supply chain brought their hardest cases, roughly doubled the job start rate for new ESA claimants within a year.",
        "body": """
            When we looked at our management information for new ESA claimants in the summer of 2013, the picture was stark: most participants had been on caseload for six months or more with no job start, and the advisers holding them were, understandably, spending their time on people closer to work. Nobody described it as parking, but that is what the numbers looked like.

            Each of our subcontractors had a few advisers who were good with health conditions, but they never met. We set up a monthly case review in each area: two hours, no more than eight advisers, each bringing one participant they were stuck with (anonymised, with the participant's agreement to discuss their situation).

            The reviews were deliberately practical. The question was always "what would you try next?", and the answer was often a referral the adviser did not know existed, or a different way of talking about work with someone whose condition fluctuates.
        """,
        "delivery_approach": "A facilitated monthly meeting of front-line advisers from the prime and subcontractors in each area, with a written action for each case discussed and a follow-up at the next meeting.",
        "provision": "both",
        "partners": "Riverside Pathways and Harbour Lights Training (end-to-end advisers); Clearview Mental Health Employment Service (specialist input at most sessions); Wearside Jobcentre Plus Office (a work coach attended quarterly).",
        "what_was_done": """
            - Pulled a list of new ESA participants with no job start after six months, by adviser.
            - Asked each adviser to pick one case and get the participant's agreement to discuss it anonymously.
            - Ran a two-hour session each month in Sunderland and Middlesbrough, chaired by our supply chain team.
            - Recorded one agreed next step per case and checked it at the following session.
            - Shared a one-page summary of the useful ideas with every adviser in the chain, not just those who came.
        """,
        "outcomes": "Over eighteen months, 340 participants were discussed directly or had their adviser change approach as a result. The job start rate for new ESA claimants across the supply chain went from around one in eleven to one in five over the same period. Advisers said the sessions made them less likely to give up on someone.",
        "figures": (340, 71, 52),
        "lessons": """
            Keep it small and keep it about cases. The first session had twenty people and turned into a complaint about referral volumes. Eight advisers and a strict one-case-each rule worked far better.

            Send the summary to everyone. The ideas travelled further through the summary than through the meetings.
        """,
        "period": ("2013-09", "2015-03"),
        "groups": ["new-esa-claimants", "esa-ex-incapacity-benefit"],
        "barriers": ["physical-health-condition", "mental-health", "long-term-unemployment"],
        "stages": ["programme-engagement", "pre-work-support"],
        "areas": ["CPA5", "CPA18"],
        "tags": ["case review", "supply chain", "esa"],
        "comments": [
            (
                "How did you get participants' agreement to be discussed? We tried something similar and our data protection lead got nervous.",
                "We used a short consent script the adviser read out, and we never used names or anything identifying in the room. Our lead was happier once she saw the one-page summary had no case details in it at all.",
                "That's helpful, thank you. I'll show her the script idea.",
            ),
            (
                "@helen.carver Speaking as one of the specialist advisers who attended: the most useful thing was hearing the end-to-end advisers' view of what happens after we hand back. It changed how we wrote our own notes.",
            ),
            (
                "Did the job start rate hold up after the sessions stopped?",
                "Mostly. It dipped a little when two of the regular advisers left, which tells you a lot of it was in people's heads rather than in a process. We now run them quarterly.",
            ),
        ],
    },
    {
        "organisation": "Northgate Employment Partnership",
        "author": "claire.ng",
        "title": "Employer-led warehouse academies got young jobseekers into logistics jobs that lasted",
        "summary": "Three logistics employers designed a two-week academy for JSA 18-24 participants and guaranteed an interview to everyone who finished it. Six in ten who started the academy got a job, and most were still in work six months later.",
        "body": """
            Young people on our caseload kept applying for warehouse jobs and not hearing back. The employers told us why: they were getting hundreds of applications and could not tell who would turn up for a 6am shift in January.

            So we asked them to design the training themselves. Each academy ran for two weeks, with a day on site, the forklift awareness module, manual handling, and a mock shift. The employer's own supervisors ran the last two days. Everyone who finished got a guaranteed interview — not a guaranteed job, which mattered to the employers.

            The surprise for us was transport. Two of the three sites were on industrial estates with no bus before 7am, so we paid for the first month of a car-share scheme and lined up the young people who lived near each other.
        """,
        "delivery_approach": "Two-week pre-employment academies co-designed and partly delivered by employers, for groups of 10-12, with in-work support for the first three months.",
        "provision": "end_to_end",
        "partners": "Three regional logistics employers (fictional for this demo) designed and delivered part of each academy; Riverside Pathways recruited and supported most participants.",
        "what_was_done": """
            1. Met each employer's site manager to agree the content and the interview guarantee.
            2. Recruited participants through advisers, with a taster morning so nobody signed up blind.
            3. Ran the academy: eight days of training, one day on site, one mock shift.
            4. Organised transport for early shifts before the interview, not after.
            5. Kept weekly contact for the first twelve weeks in work.
        """,
        "outcomes": "Across eight academies, 96 young people started, 58 got jobs and 41 reached a job outcome. The employers asked for more academies each peak season.",
        "figures": (96, 58, 41),
        "lessons": "Don't let the employer turn the academy into free labour: we kept the on-site time short and supervised. And sort transport before the first shift, not after the first missed one.",
        "period": ("2014-02", "2015-06"),
        "groups": ["jsa-18-24"],
        "barriers": ["confidence-and-motivation", "long-term-unemployment", "transport-and-travel"],
        "stages": ["pre-work-support", "in-work-support"],
        "areas": ["CPA5"],
        "tags": ["employer engagement", "sector academy", "young people"],
        "comments": [
            (
                "Did the employers pay anything towards it?",
                "Not in money. They gave supervisor time and use of the site, which was worth a good deal. We funded the training from our own budget.",
            ),
            (
                "We've found the guaranteed interview is the thing that gets young people through the door. Good to see it written up.",
            ),
            (
                "How did you handle the car-share insurance?",
                "The scheme we used covered it as part of the membership, but check yours. It took a couple of weeks to set up, which is why we now do it before the interview.",
            ),
        ],
    },
    {
        "organisation": "Northgate Employment Partnership",
        "author": "tom.bright",
        "title": "Watching job starts, not outcome payments, to spot a struggling office months earlier",
        "summary": "Outcome payments lag job starts by months, so by the time they showed a problem it was too late to fix. We built a simple weekly job start report by office and claimant group, and used it to step in early.",
        "body": """
            Outcome payments tell you how an office did half a year ago. Job starts tell you how it is doing now. We moved our monthly performance conversation with each subcontractor from outcomes to a weekly job start report, broken down by claimant group and compared with the same weeks the previous year.

            It is not clever. It is a spreadsheet fed from our case management system every Monday. But twice in the first year it showed an office falling behind — once because an experienced adviser had left, once because referrals had shifted towards ESA — and we were able to put support in before it showed in the outcomes.
        """,
        "delivery_approach": "A weekly management information report shared with every subcontractor, and a short monthly call when an office falls below its trend.",
        "provision": "end_to_end",
        "partners": "All subcontractors in the supply chain agreed the report's definitions.",
        "what_was_done": """
            - Agreed one definition of a job start with every subcontractor (this took longer than building the report).
            - Built the weekly report by office and claimant group, with a 13-week rolling average.
            - Flagged any office more than 20% below its own trend for three weeks running.
            - Replaced the monthly outcomes meeting with a short call about the flagged offices only.
        """,
        "outcomes": "Two offices were flagged and supported in the first year, both recovering within a quarter. Subcontractors said the calls felt less like being audited.",
        "figures": None,
        "lessons": "Agree the definitions first. And compare an office with itself, not with the best office in the chain, or the report becomes a league table and people stop trusting it.",
        "period": ("2015-01", "2016-12"),
        "groups": ["jsa-25", "jsa-18-24"],
        "barriers": ["long-term-unemployment"],
        "stages": ["programme-engagement", "programme-exit"],
        "areas": ["CPA5", "CPA18"],
        "tags": ["performance data", "mi", "supply chain"],
        "comments": [
            (
                "Would you share the definition of a job start you agreed? We have three different ones across our chain.",
                "Happy to. In short: the first day of paid work of eight hours a week or more, evidenced by the participant or employer, recorded within five working days. I'll put the full version in the forum.",
            ),
        ],
    },
    {
        "organisation": "Northgate Employment Partnership",
        "author": "amara.okafor",
        "title": "Agreeing the funding before any referral to a specialist provider",
        "summary": "Specialist providers in our area were taking referrals and being paid late, or not at all. We now agree a written funding arrangement with each specialist before a single participant is referred, and referrals to mental health, housing and debt support have gone up rather than down.",
        "body": """
            Early in the contract our advisers referred participants to specialist organisations in good faith, and some of those organisations then found nobody had agreed who was paying. A couple of small charities stopped accepting our referrals altogether, and who could blame them.

            We changed the rule: no referral to a specialist provider without a funding agreement in place first. For spot purchases this is a one-page agreement with a price per intervention; for regular partners it is part of the subcontract. Advisers see on our referral form which specialists are covered.

            It sounds like it would reduce referrals. It did the opposite, because specialists who had been wary started accepting our participants again.
        """,
        "delivery_approach": "A supply chain policy and a short standard agreement, with a referral form that only lists specialists with an agreement in place.",
        "provision": "both",
        "partners": "Clearview Mental Health Employment Service and Keystone Housing and Debt Advice helped draft the standard agreement; Employment Providers' Forum North reviewed it for smaller charities.",
        "what_was_done": """
            - Listed every specialist organisation advisers had referred to in the previous year.
            - Wrote a one-page spot-purchase agreement: what is delivered, the price, when we pay (within 30 days).
            - Signed agreements with the specialists we used most; stopped referrals to the others until we had one.
            - Changed the referral form so advisers pick from covered specialists only.
            - Reviewed prices with the specialists every six months.
        """,
        "outcomes": "Referrals to specialist support rose by about a third in the following year, and no specialist reported an unpaid invoice. Two charities that had stopped working with us came back.",
        "figures": None,
        "lessons": "Pay on time, every time; the agreement is worthless if the invoice sits in a queue. We set up a separate fast-track for specialist invoices under £500.",
        "period": ("2015-04", "2017-03"),
        "groups": ["esa-ex-incapacity-benefit", "new-esa-claimants"],
        "barriers": ["mental-health", "housing-and-homelessness", "debt-and-money"],
        "stages": ["pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["specialist referral", "funding", "supply chain"],
        "comments": [
            (
                "@bernadette.kelly From the small charity side: this is exactly the kind of thing that decides whether we can afford to work with a prime. Thank you for writing it up.",
            ),
            (
                "What did advisers do when the right specialist wasn't on the list?",
                "They ask the supply chain team, and we try to get an agreement in place within a week. In the meantime the adviser can use anything free to the participant, such as the council's own services.",
            ),
            (
                "Did you publish the prices to the whole chain?",
                "Yes, to the chain, not publicly. It stopped a lot of awkward conversations.",
            ),
        ],
    },
    {
        "organisation": "Northgate Employment Partnership",
        "author": "leah.griffiths",
        "title": "Travel passes and a 'first month' buddy for rural jobseekers starting work",
        "summary": "In our rural areas people were getting jobs and losing them within weeks because the bus did not fit the shift or the first wage was a month away. A prepaid travel pass for the first month and a buddy from the same workplace cut early drop-outs by nearly half.",
        "body": """
            In the villages inland from the coast a job ten miles away can mean two buses and an hour each way. We kept seeing the same pattern: someone starts, struggles with travel and money until the first payday, and stops going in week two or three.

            We now give every participant who starts work in a rural area a prepaid travel pass for the first month and, where the employer agrees, a buddy from the same workplace: someone who has done the journey and the shift pattern and can answer the small questions. Buddies are volunteers; we give them a thank-you voucher.
        """,
        "delivery_approach": "A travel pass bought at the job start, a named workplace buddy arranged with the employer, and a phone call from the adviser at the end of weeks one, two and four.",
        "provision": "end_to_end",
        "partners": "Harbour Lights Training ran the scheme in the coastal towns; local employers found the buddies.",
        "what_was_done": """
            - Bought monthly travel passes in bulk from the local bus operator at a discount.
            - Asked each employer for a buddy at the point of the job offer.
            - Called the participant at the end of weeks one, two and four.
            - Kept a small hardship fund for the gap before the first payday.
        """,
        "outcomes": "Of 64 participants who started work with the scheme, 39 were still in work after three months and 30 reached a job outcome. Before the scheme, fewer than half of rural starters were still in work after a month.",
        "figures": (64, 39, 30),
        "lessons": "Some employers were reluctant to name a buddy until we explained it took ten minutes a week. Ask at the job offer, when they are keen, not afterwards.",
        "period": ("2022-03", "2023-08"),
        "groups": ["jsa-25", "jsa-early-access"],
        "barriers": ["transport-and-travel", "debt-and-money"],
        "stages": ["in-work-support", "pre-work-support"],
        "areas": ["CPA18"],
        "tags": ["in-work support", "transport", "rural"],
        "comments": [
            (
                "Nice idea. How much did the passes cost per person?",
                "Around the price of a month's bus travel less the bulk discount, so well under the outcome payment we would otherwise have lost.",
            ),
            (
                "@kwame.asante The buddy bit made the difference in our towns. One employer now does it for all their new starters, not just ours."
            ),
        ],
    },
    {
        "organisation": "Northgate Employment Partnership",
        "author": "leah.griffiths",
        "title": "Writing our Customer Service Standards with participants, in plain English",
        "summary": "We rewrote our service standards for each stage of the participant journey with a panel of current and former participants. This draft sets out how we did it; we will add the results after the first full year.",
        "body": """
            Our old minimum service levels were written for the contract, not for the people receiving the service. Participants did not know what they could expect from us, so they could not tell us when we fell short.

            We brought together ten current and former participants over four sessions and worked through each of the five stages, from referral to programme exit. For each stage we agreed one measure we would count and one promise about how the service should feel, in words the panel chose.
        """,
        "delivery_approach": "Four workshop sessions with a paid participant panel, followed by a review by front-line advisers and the supply chain.",
        "provision": "both",
        "partners": "Employment Providers' Forum North facilitated two of the sessions.",
        "what_was_done": """
            - Recruited a panel of ten participants, paid for their time.
            - Worked through the five journey stages, one or two per session.
            - Tested the draft wording with advisers in three offices.
        """,
        "outcomes": "The standards are published in every office. We will report on the first year when it ends.",
        "figures": None,
        "lessons": "Still to write: we want a full year of data first.",
        "period": ("2025-01", None),
        "groups": ["jsa-25", "new-esa-claimants"],
        "barriers": ["basic-skills-literacy-and-numeracy", "confidence-and-motivation"],
        "stages": ["pre-programme-engagement", "programme-engagement", "programme-exit"],
        "areas": ["CPA5", "CPA18"],
        "tags": ["customer service standards", "participant voice"],
        "draft": True,
    },
    # Meridian Work Solutions ----------------------------------------------------------------
    {
        "organisation": "Meridian Work Solutions",
        "author": "daniel.reyes",
        "title": "Warm handovers from the Jobcentre halved no-shows at the first appointment",
        "summary": "Nearly four in ten referrals never turned up to their first appointment with us. By meeting people briefly at the Jobcentre on the day of referral and booking the first appointment together, we cut no-shows to under one in five.",
        "body": """
            The first appointment is where we lost people. The referral letter arrived, the claimant did not know who we were or why they had to come, and a good number simply did not come.

            We agreed with two Jobcentres that one of our advisers would be on site on referral days. The work coach introduced the claimant, our adviser spent ten minutes explaining what we do, and they booked the first appointment together, at a time that suited the claimant rather than our diary.

            It costs an adviser two half-days a week. It has paid for itself many times over.
        """,
        "delivery_approach": "An adviser based at the Jobcentre on referral days, a ten-minute introduction, and a first appointment booked there and then with a text reminder the day before.",
        "provision": "end_to_end",
        "partners": "Two Jobcentre Plus offices in West London (fictional for this demo) gave us desk space on referral days.",
        "what_was_done": """
            1. Agreed referral days and desk space with each Jobcentre manager.
            2. Wrote a short, friendly explanation of the programme for the introduction.
            3. Booked the first appointment in the meeting, within five working days.
            4. Sent a text reminder the day before.
            5. Called anyone who missed it the same afternoon.
        """,
        "outcomes": "No-shows at the first appointment fell from 38% to 17% over the year. Of 410 people introduced this way, 122 started work during the year.",
        "figures": (410, 122, 88),
        "lessons": "Not every Jobcentre has the space, and it depends on the work coaches' goodwill. We made sure they saw the no-show figures improve, which kept them on board.",
        "period": ("2013-03", "2013-12"),
        "groups": ["jsa-25", "jsa-18-24"],
        "barriers": ["confidence-and-motivation", "long-term-unemployment"],
        "stages": ["pre-programme-engagement"],
        "areas": ["CPA3"],
        "tags": ["warm handover", "jobcentre", "engagement"],
        "comments": [
            (
                "@ruth.evans As a work coach I can say these handovers make our job easier too. Claimants ask fewer worried questions afterwards.",
                "Thank you, Ruth. Your colleagues' goodwill is most of why it works.",
            ),
            (
                "Did you do this for ESA referrals as well?",
                "Not at first. We tried it later, but ESA referral days were less predictable and it was harder to staff. Worth a try if your Jobcentre groups them.",
            ),
            (
                "We tried this and the Jobcentre ran out of room after two months. Any tips?",
                "We offered to use their interview booths at quiet times and kept our stuff to one bag. Small things, but it helped.",
            ),
        ],
    },
    {
        "organisation": "Meridian Work Solutions",
        "author": "ade.bankole",
        "title": "A mystery-shopper panel of former participants checks our service standards",
        "summary": "Our quality audits checked files, not experiences. We recruited and paid a panel of former participants to mystery-shop our offices against our published service standards, and acted on what they found.",
        "body": """
            Our quality team could tell you whether an action plan had been updated every two weeks. It could not tell you whether the participant felt listened to. So we asked people who had been through the programme to find out for us.

            Twelve former participants, paid a fixed fee per visit, made enquiries by phone and in person at our offices and at our subcontractors', and reported back against the service standards we publish. They found things our audits never had: a reception desk where nobody looked up, a phone line that rang out at lunchtime, advisers who were warm once you got to them.

            Every finding went to the office manager with a date for a response, and the panel saw what changed.
        """,
        "delivery_approach": "A paid panel of former participants carrying out structured mystery-shopping visits and calls each quarter, with written findings and a response from each office.",
        "provision": "both",
        "partners": "All our subcontractors agreed to be mystery-shopped; Eastside Futures helped recruit the panel.",
        "what_was_done": """
            - Recruited twelve former participants from different claimant groups and paid them for each visit.
            - Trained them in a half-day session on our published standards.
            - Ran quarterly visits and calls to every office, including subcontractors'.
            - Sent findings to office managers with a four-week deadline to respond.
            - Held a yearly session where the panel heard what had changed.
        """,
        "outcomes": "Over the year, 37 changes were made in response, from lunchtime phone cover to clearer letters. Participant satisfaction in our annual survey rose from 71% to 83%.",
        "figures": None,
        "lessons": "Pay the panel properly and promptly. And make sure findings go to the office as learning, not as a disciplinary; the first round caused some anxiety until we made that clear.",
        "period": ("2016-05", "2017-04"),
        "groups": ["jsa-25", "esa-ex-incapacity-benefit"],
        "barriers": ["confidence-and-motivation"],
        "stages": ["programme-engagement", "programme-exit"],
        "areas": ["CPA3", "CPA4"],
        "tags": ["quality", "participant voice", "customer service standards"],
        "comments": [
            (
                "How did you deal with panel members who were recognised by staff?",
                "It happened a few times. We asked panel members not to visit offices they had attended, and the staff who spotted them mostly saw the funny side.",
            ),
            (
                "Did benefit rules cause problems for panel members still claiming?",
                "Yes, it needs care. We kept the fees within what they could earn without it affecting their benefit and made sure each person checked first. I would advise getting a welfare rights view before you start.",
            ),
        ],
    },
    {
        "organisation": "Meridian Work Solutions",
        "author": "priya.shah",
        "title": "Paying subcontractors for attachments as well as outcomes kept small charities in our supply chain",
        "summary": "Pure payment by results was pushing our smaller subcontractors out: they carried months of delivery cost before any outcome payment arrived. We moved part of their payment to attachment and progress points, and kept every VCS partner through the contract.",
        "body": """
            By the second year of the contract two of our voluntary sector subcontractors told us they could not carry the cash-flow gap any longer. They were doing good work with ESA participants, but the outcome payments for that group arrive late and are far from certain.

            We restructured their payment: a modest fee at attachment, a second at an agreed progress point (a completed action plan and a first specialist session), and the rest on outcomes. Over the life of the contract the total paid per outcome did not change. What changed was when the money arrived.

            We were honest with ourselves about the risk. Our cash position took the strain instead of theirs, and we can carry it more easily than a charity with three months' reserves.
        """,
        "delivery_approach": "A revised payment model for VCS subcontractors serving ESA claimants, with fees at attachment, a progress point and outcome, and a quarterly review of the split.",
        "provision": "both",
        "partners": "Clearview Mental Health Employment Service, Keystone Housing and Debt Advice and Lantern Digital Inclusion CIC; Employment Providers' Forum North advised on what small charities could sustain.",
        "what_was_done": """
            - Modelled each VCS subcontractor's cash flow month by month under the old and new payment splits.
            - Agreed a new split: roughly a fifth at attachment, a fifth at the progress point, the rest on outcomes.
            - Defined the progress point tightly so it could be evidenced without extra paperwork.
            - Reviewed the split every quarter against outcomes achieved.
        """,
        "outcomes": "Every VCS subcontractor stayed in the supply chain to the end of the contract. ESA job outcomes through these partners held steady, and none of them had to draw on emergency reserves.",
        "figures": None,
        "lessons": """
            Model the cash flow, not just the totals. The totals looked fine on paper; it was the timing that was killing our partners.

            Keep the progress point simple. Our first version needed three documents and a signature, and just moved the burden from cash to admin.
        """,
        "period": ("2014-06", "2017-03"),
        "groups": ["esa-ex-incapacity-benefit", "new-esa-claimants"],
        "barriers": ["mental-health", "physical-health-condition"],
        "stages": ["programme-engagement", "pre-work-support"],
        "areas": ["CPA3", "CPA4"],
        "tags": ["payment by results", "cash flow", "supply chain", "vcs"],
        "comments": [
            (
                "@chloe.dubois This is the change small charities in our network ask for most often. It would be good to see more primes publish their payment splits.",
                "Agreed. We are considering publishing ours in the performance section once the new contract starts.",
            ),
            (
                "Did DWP's payment timing make this harder for you as a prime?",
                "It meant we carried more, yes. We planned for it in our own cash-flow forecast. It is easier for an organisation our size than for a charity.",
            ),
            (
                "@sam.patel As one of the partners: it let us keep a trainer on a permanent contract. That stability showed in our results.",
            ),
        ],
    },
    {
        "organisation": "Meridian Work Solutions",
        "author": "daniel.reyes",
        "title": "Job search in two languages: pairing ESOL classes with vocational English for JSA 25+ claimants",
        "summary": "Participants new to English were stuck on long ESOL waiting lists and their job search stalled meanwhile. We paired classes with vocational English taught around real job adverts and interviews, and four in ten got work within a year.",
        "body": """
            Many of the people referred to our East London office had skills and work histories but limited English. They were told to do ESOL first, which in practice meant a six-month wait for a college place and no job search at all in the meantime.

            We worked with a community ESOL provider to run short courses built around the jobs in our area: cleaning, food production, care, warehouse work. The vocabulary came from real adverts and induction booklets. Interviews were practised in pairs. Our advisers sat in on the last session of each course to pick up with each person straight away.

            We also used interpreters for the first appointment, so people understood what the programme was and what they were agreeing to.
        """,
        "delivery_approach": "Six-week vocational English courses run with a community ESOL provider, interpreters at assessment, and job search alongside rather than after the course.",
        "provision": "end_to_end",
        "partners": "A community-based ESOL provider (fictional for this demo) taught the courses; a telephone interpreting service covered first appointments.",
        "what_was_done": """
            - Used an interpreter at every first appointment where English was limited.
            - Collected real job adverts and induction materials from local employers.
            - Ran six-week courses of two mornings a week, twelve learners each.
            - Started job search from week one, with applications checked in class.
            - Handed each learner to their adviser in the final session.
        """,
        "outcomes": "Of 150 participants, 61 started work within a year and 44 reached a job outcome. Most had been out of work for over two years.",
        "figures": (150, 61, 44),
        "lessons": "The employers' induction booklets were the best teaching material we found. Ask for them.",
        "period": ("2018-09", "2020-02"),
        "groups": ["jsa-25"],
        "barriers": ["english-language", "basic-skills-literacy-and-numeracy", "digital-skills"],
        "stages": ["programme-engagement", "pre-work-support"],
        "areas": ["CPA4"],
        "tags": ["esol", "english language", "employer engagement"],
        "comments": [
            (
                "Did you find the job outcomes held up for people whose English was still basic?",
                "Mostly, in roles where a supervisor spoke their first language or the tasks were routine. Where they didn't hold up it was usually about shift changes communicated by text in English, so we added a session on that.",
            ),
            ("Great idea using induction booklets. We'll ask our employers.",),
        ],
    },
    {
        "organisation": "Meridian Work Solutions",
        "author": "daniel.reyes",
        "title": "In-work support by text message for people on shifts who can't take a call",
        "summary": "Participants who had started work on shifts could rarely take our in-work support calls. Switching to text messages at times they chose, with a call only when they asked, kept far more of them in touch through the first six months.",
        "body": """
            Our in-work support consisted of phone calls from an adviser during office hours. For someone on a night shift in a warehouse or split shifts in a kitchen, that meant a missed call and an anxious voicemail. Contact dropped away after the first month.

            We asked people at the job start how and when they wanted to hear from us. Most chose text. Advisers sent a short message each week at the chosen time — "How was this week? Anything we can help with?" — and called only if the reply asked for it or suggested a problem.

            Replies were often one word. But when something went wrong, like a childcare arrangement falling through or a rota change that clashed with the bus, people told us early enough to help.
        """,
        "delivery_approach": "Weekly text messages at a time each participant chose, from a shared number monitored by the in-work support team, with calls on request.",
        "provision": "end_to_end",
        "partners": "None outside our own team.",
        "what_was_done": """
            - Asked about contact preferences at every job start.
            - Set up a shared text inbox so replies reached whoever was on duty.
            - Wrote a bank of short messages advisers could adapt.
            - Escalated to a call whenever a reply mentioned money, childcare, travel or the manager.
        """,
        "outcomes": "Of 220 participants in work, 84% were still in contact at three months, compared with 52% under phone calls. 168 reached a job outcome.",
        "figures": (220, 220, 168),
        "lessons": "Don't send messages at 9am to someone who finished a night shift at 6. Ask, and stick to what they said.",
        "period": ("2019-01", "2019-12"),
        "groups": ["jsa-18-24", "jsa-25"],
        "barriers": ["childcare", "transport-and-travel"],
        "stages": ["in-work-support"],
        "areas": ["CPA3"],
        "tags": ["in-work support", "text messaging"],
        "comments": [
            (
                "How did you handle messages that came in out of hours?",
                "An auto-reply gave the times the inbox is watched and a number for urgent help. Very few needed it.",
            ),
            (
                "We did the same and found people replied more honestly by text than on the phone.",
                "Same here. It's easier to say 'my manager is shouting at me' in a text.",
            ),
            ("Is there a data protection issue with a shared inbox?",),
        ],
    },
    {
        "organisation": "Meridian Work Solutions",
        "author": "priya.shah",
        "title": "Menopause-aware job search for women over 50 returning to work after ill health",
        "summary": "Women over 50 on ESA told us their symptoms were never discussed, so the jobs we suggested did not fit. A small group programme, with an occupational health nurse and honest conversations with employers about adjustments, helped a third of them into work.",
        "body": """
            This started with a participant who told her adviser she had turned down three interviews because she could not face explaining hot flushes and broken sleep to a stranger. When we asked around, it was a common story among women over 50 on our ESA caseload, and not one we had been asking about.

            We ran small groups of eight, six sessions each, with an occupational health nurse for two of them. The groups covered managing symptoms at work, what adjustments to ask for, and how to talk to an employer about it, if at all. Advisers learnt alongside.

            We also spoke to the employers we place people with most often. Several already had menopause policies but had never mentioned them at interview.
        """,
        "delivery_approach": "Six-session small group programmes with occupational health input, followed by one-to-one job search and employer conversations about adjustments.",
        "provision": "both",
        "partners": "An occupational health nurse (contracted for the sessions); several regular employers shared their policies.",
        "what_was_done": """
            - Added a question about menopause symptoms, optional and worded carefully, to the health conversation at assessment.
            - Ran groups of eight over six weeks.
            - Briefed advisers on adjustments employers commonly make.
            - Asked our regular employers to mention their policies at interview.
        """,
        "outcomes": "Of 58 women who took part, 19 started work and 14 reached a job outcome. Most had not worked for three years or more.",
        "figures": (58, 19, 14),
        "lessons": "Let participants choose whether to raise it. The optional question worked; a compulsory one would not have.",
        "period": ("2023-04", "2024-10"),
        "groups": ["esa-ex-incapacity-benefit", "jsa-ex-incapacity-benefit", "jsa-25"],
        "barriers": ["physical-health-condition", "age", "confidence-and-motivation"],
        "stages": ["pre-work-support"],
        "areas": ["CPA4"],
        "tags": ["women", "health", "over 50s"],
        "comments": [
            (
                "This is overdue. Did any male advisers find the sessions awkward?",
                "One or two at first. The nurse was very good at making it matter-of-fact, and by the end they were the ones raising it with employers.",
            ),
            (
                "Would you share the wording of the optional question?",
                "Yes: 'Some people tell us menopause symptoms affect what work they feel able to do. Is that something you'd like to talk about, now or later?' The 'or later' mattered.",
            ),
            (
                "@owen.price We've seen the same overlap with anxiety. Happy to talk about joint sessions.",
                "I'd like that. I'll message you.",
            ),
        ],
    },
    # Riverside Pathways ---------------------------------------------------------------------
    {
        "organisation": "Riverside Pathways",
        "author": "liam.turner",
        "title": "A job club in the library for over-50s who had been out of work for years",
        "summary": "Long-term unemployed people over 50 told us our office felt like a place for young people. We moved a weekly job club into the local library, run at their pace, and a third of those who came regularly found work.",
        "body": """
            I had a caseload full of men and women in their fifties who had worked for decades, been made redundant, and then spent years being told they were overqualified, or, in so many words, too old. They were polite in appointments and did not believe a word we said.

            We asked the library if we could use the community room on Wednesday mornings. The job club was informal: tea, the computers, a short talk from someone who had gone back to work after 50, then an hour of applications with help on hand. People came back because other people came back.

            The thing that made the biggest difference was peer pressure of the kindest sort. When one member got a job, the others wanted to know exactly how.
        """,
        "delivery_approach": "A weekly drop-in job club in a public library, run by one adviser with volunteer help, alongside regular one-to-one appointments.",
        "provision": "end_to_end",
        "partners": "The local library service provided the room and computers free of charge.",
        "what_was_done": """
            - Booked the library's community room every Wednesday morning.
            - Invited every participant over 50 on our caseload, by letter and by phone.
            - Arranged a short talk each month from someone who had returned to work later in life.
            - Helped with online applications, CVs that didn't list every job since 1978, and interview practice.
        """,
        "outcomes": "84 people came at least three times; 33 started work and 25 reached a job outcome. Several were still coming back to the club to encourage others after they started work.",
        "figures": (84, 33, 25),
        "lessons": "Keep it in a neutral place. When we tried moving it into our office to save time, attendance halved within a month, so we moved it back.",
        "period": ("2013-10", "2015-02"),
        "groups": ["jsa-25", "jsa-ex-incapacity-benefit"],
        "barriers": ["age", "digital-skills", "long-term-unemployment"],
        "stages": ["pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["job club", "over 50s", "library"],
        "comments": [
            (
                "Love this. How did you cover the sessions when you were on leave?",
                "A colleague from another office covered, and two of the regulars more or less ran it themselves by the end.",
            ),
            ("The CV point made me laugh. We had one that ran to six pages.",),
            (
                "@sam.patel We've found the same with our digital sessions: a library room changes how people feel about being there.",
            ),
        ],
    },
    {
        "organisation": "Riverside Pathways",
        "author": "sofia.marin",
        "title": "Home visits for ESA participants who kept missing appointments",
        "summary": "A small group of ESA participants missed appointment after appointment and faced sanctions referrals. Offering a first meeting at home, or somewhere of their choosing, re-engaged most of them.",
        "body": """
            Missed appointments are usually read as a lack of motivation. When I visited the first few people at home, the reasons were different: agoraphobia, pain that made the bus impossible on bad days, a letter that had never arrived, caring for a partner.

            We began offering a first meeting at home, or in a café or a GP surgery's community room if they preferred. Visits were always in pairs, with a risk check beforehand. We did not talk about jobs at the first visit unless the participant did.
        """,
        "delivery_approach": "Outreach visits in pairs at the participant's home or a place of their choice, followed by a plan to move contact back to the office or phone at their pace.",
        "provision": "end_to_end",
        "partners": "Clearview Mental Health Employment Service advised on visits to people with severe anxiety.",
        "what_was_done": """
            - Reviewed everyone with three or more missed appointments before any sanction referral.
            - Wrote to and phoned each person offering a visit.
            - Carried out visits in pairs with a lone-working procedure.
            - Agreed a contact plan with each participant.
        """,
        "outcomes": "Of 47 people visited, 39 re-engaged with regular contact. Twelve later started work and eight reached a job outcome.",
        "figures": (47, 12, 8),
        "lessons": "Visits take time, so be choosy. And always check before a sanction referral: in a third of cases the reason was something we could have sorted with a phone call.",
        "period": ("2014-01", "2014-12"),
        "groups": ["new-esa-claimants", "esa-ex-incapacity-benefit"],
        "barriers": ["mental-health", "physical-health-condition", "confidence-and-motivation"],
        "stages": ["programme-engagement"],
        "areas": ["CPA5"],
        "tags": ["outreach", "home visits", "engagement"],
        "comments": [
            (
                "How did you justify the time to your manager?",
                "My manager can answer that one better than me!",
            ),
            (
                "@grace.whitfield I'm the manager! It was simple arithmetic: a participant who re-engages is worth far more than the two hours a visit takes.",
            ),
        ],
    },
    {
        "organisation": "Riverside Pathways",
        "author": "grace.whitfield",
        "title": "Fixing the first fortnight: a checklist for the day someone starts work",
        "summary": "Too many participants left jobs in the first two weeks over problems we could have seen coming: no money for travel, childcare that fell through, a uniform they had to buy. A short checklist completed with every participant before their first day halved early drop-outs.",
        "body": """
            When we went through a year of jobs that ended within a fortnight, the same handful of reasons came up again and again. None of them was about the job itself. They were about money before the first payday, travel, childcare, clothes and knowing who to ask on day one.

            We turned those reasons into a checklist, one side of A4, which the adviser goes through with the participant the day the job is offered. Each item has an answer or an action: how will you get there, what will you do for money until payday, who picks up the children if you're late, what do you need to wear, who do you report to at 8am.

            It is the least glamorous thing we have ever done and one of the most effective.
        """,
        "delivery_approach": "A one-page checklist completed with the participant when a job is offered, with small grants for travel and clothing, and calls on day one, day three and day ten.",
        "provision": "end_to_end",
        "partners": "Keystone Housing and Debt Advice helped us word the money questions.",
        "what_was_done": """
            1. Analysed every job that ended within two weeks over the previous year.
            2. Wrote a checklist covering money, travel, childcare, clothing and the first morning.
            3. Trained every adviser to complete it when a job is offered, not when it starts.
            4. Set aside a small fund for travel and work clothes.
            5. Called on day one, day three and day ten.
        """,
        "outcomes": "Of 130 job starts in the year, 104 became job outcomes, up from about six in ten the year before. Early drop-outs in the first fortnight fell from 21% to 9%.",
        "figures": (130, 130, 104),
        "lessons": """
            Do it when the job is offered, not the night before. Most problems need a few days to solve.

            Keep the list short. Our first version was three pages and advisers skipped it.
        """,
        "period": ("2016-03", "2017-02"),
        "groups": ["jsa-18-24", "jsa-25"],
        "barriers": ["debt-and-money", "transport-and-travel", "childcare"],
        "stages": ["in-work-support"],
        "areas": ["CPA5"],
        "tags": ["in-work support", "job start", "checklist"],
        "comments": [
            (
                "Could you share the checklist?",
                "Yes. It's in the toolkit section now, with our advice on using it.",
            ),
            (
                "We adapted this for ESA participants and added a question on medication timings at work. Worked well.",
                "Great addition. I'll add it to ours.",
            ),
            (
                "@ellie.morgan Day three is the call that matters. That's when the first problem shows up.",
            ),
        ],
    },
    {
        "organisation": "Riverside Pathways",
        "author": "sofia.marin",
        "title": "Volunteering as a stepping stone for people who chose to join from ESA",
        "summary": "Participants who volunteered to join the programme from ESA often wanted to work but had not done so for years. Short, supported volunteering placements rebuilt routine and references, and a third moved into paid work.",
        "body": """
            People who choose to join from ESA are often the most motivated and the most anxious. They want to work; they're frightened of failing at it. A volunteering placement lets them try without the risk.

            We found placements with local charities and community groups: a food bank warehouse, a charity shop, a community garden, a café. Each placement had a named supervisor, a fixed number of hours and a review after four weeks. We were careful that volunteering stayed volunteering, and never became unpaid work for an employer.
        """,
        "delivery_approach": "Supported volunteering placements of 4-12 weeks with local charities, with a named supervisor and a four-week review, alongside job search.",
        "provision": "end_to_end",
        "partners": "Six local charities and community groups hosted placements.",
        "what_was_done": """
            - Found host organisations and agreed what a placement would involve.
            - Checked each participant's benefit position before they started.
            - Reviewed each placement at four weeks with the participant and supervisor.
            - Used placement references in job applications.
        """,
        "outcomes": "36 people took part; 11 started paid work and 7 reached a job outcome. Most others were still volunteering or in training when they left the programme.",
        "figures": (36, 11, 7),
        "lessons": "Always check the benefit position first, and keep a note of the advice given.",
        "period": ("2021-05", "2022-09"),
        "groups": ["esa-volunteers", "ibis-volunteers"],
        "barriers": ["confidence-and-motivation", "mental-health"],
        "stages": ["pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["volunteering", "esa"],
        "comments": [
            (
                "@joy.adeyemi We host placements for carers and would be glad to take some of yours. Drop me a line.",
                "Thank you, Joy, I will.",
            ),
        ],
    },
    {
        "organisation": "Riverside Pathways",
        "author": "liam.turner",
        "title": "Going back to the people who had been left behind on our own caseload",
        "summary": "An honest look at our caseload showed a group of participants nobody had seen properly for months. We gave each of them a fresh start with a new adviser and a Jobcentre work coach, and a quarter started work.",
        "body": """
            I'll be blunt: when we pulled the list of participants who'd had nothing but a phone call for six months, there were 112 of them, mostly on ESA or over 50. Nobody had decided to park them. They had just slid down the list while we chased the people closer to work.

            We gave each one a fresh start. A different adviser, a longer first meeting, and in many cases a three-way conversation with their Jobcentre work coach, who often knew things we didn't. We set ourselves a rule: everyone gets a proper appointment every fortnight, whatever their distance from work.

            It didn't suit everyone. Some people were relieved we'd left them alone. But many told us they'd been waiting for someone to take an interest.
        """,
        "delivery_approach": "A caseload review, then reallocation to a dedicated adviser with a smaller caseload, fortnightly face-to-face contact and joint meetings with Jobcentre work coaches.",
        "provision": "end_to_end",
        "partners": "Wearside Jobcentre Plus Office joined three-way meetings.",
        "what_was_done": """
            - Listed everyone with no face-to-face contact in six months.
            - Moved them to two advisers with caseloads capped at 40.
            - Held a 60-minute 'fresh start' meeting with each.
            - Arranged three-way meetings with work coaches where useful.
            - Reported the group's progress separately in our monthly figures so it didn't slide again.
        """,
        "outcomes": "Of 112 participants, 27 started work within a year and 18 reached a job outcome. For a group that had been written off, that is a lot of people.",
        "figures": (112, 27, 18),
        "lessons": "Report the hardest-to-help group on its own line. If they're averaged in with everyone else, they vanish again.",
        "period": ("2014-09", "2015-09"),
        "groups": ["esa-ex-incapacity-benefit", "jsa-25"],
        "barriers": ["long-term-unemployment", "confidence-and-motivation"],
        "stages": ["programme-engagement", "pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["creaming and parking", "caseload", "esa"],
        "comments": [
            ("Refreshing honesty. We all have a list like this somewhere.",),
            (
                "What caseload size do you think is sustainable for this group?",
                "For ESA participants far from work, 40 to 50. Above 60, someone gets forgotten.",
            ),
            (
                "@ruth.evans The three-way meetings were valuable from our side too. We'd lost touch with some of these claimants as well.",
            ),
        ],
    },
    {
        "organisation": "Riverside Pathways",
        "author": "grace.whitfield",
        "title": "A proper handover for people leaving the programme still out of work",
        "summary": "People who reach the end of the programme without a job used to get a letter and nothing else. We now hold an exit meeting, write a plain-English summary of what they have done and what could come next, and hand it over to the Jobcentre with their agreement.",
        "body": """
            Two years is a long time to spend on a programme. For the participants who leave without work, the ending was abrupt: a standard letter, and their next Jobcentre appointment started from scratch.

            We now book an exit meeting in the final month. Together with the participant, the adviser writes a one-page summary: the barriers we worked on, the courses and placements they completed, the jobs they came close to, and the support they could use next. With their agreement it goes to their work coach, and they keep a copy.
        """,
        "delivery_approach": "An exit meeting in the final month on the programme and a one-page summary agreed with the participant and shared with Jobcentre Plus.",
        "provision": "end_to_end",
        "partners": "Wearside Jobcentre Plus Office agreed the summary's format.",
        "what_was_done": """
            - Flagged everyone with three months left on the programme.
            - Booked a 45-minute exit meeting in the final month.
            - Wrote the summary with the participant, in their words where possible.
            - Sent it to the work coach with consent.
        """,
        "outcomes": "Over a year, 205 participants left with a summary. Work coaches said it saved them a first appointment's worth of questions, and several participants used it to show an employer what they had done.",
        "figures": None,
        "lessons": "Write it with the participant, not about them. The early ones read like case notes, and participants were upset by them.",
        "period": ("2016-01", "2017-01"),
        "groups": ["jsa-25", "esa-ex-incapacity-benefit", "jsa-ex-incapacity-benefit"],
        "barriers": ["long-term-unemployment", "confidence-and-motivation"],
        "stages": ["programme-exit"],
        "areas": ["CPA5"],
        "tags": ["programme exit", "handover", "jobcentre"],
        "comments": [
            ("@ian.fraser We still use this format with other providers. It should be standard.",),
        ],
    },
    # Harbour Lights Training ------------------------------------------------------------------
    {
        "organisation": "Harbour Lights Training",
        "author": "kwame.asante",
        "title": "Bridging the winter: keeping seasonal workers engaged between summer jobs",
        "summary": "In our coastal towns most jobs are seasonal, so people start work in May and are back on our books in October. We planned the winter in advance with each seasonal worker, with training, a winter job where possible and a head start on next season's hiring.",
        "body": """
            In a seaside town the summer looks great on the job start figures. Then the arcades close, the cafés cut hours, and by November many of the same people are back with us, with a gap in their confidence and their CV.

            We changed how we thought about seasonal work. Instead of treating each summer job as an ending, we treat it as part of a year-round plan. Before the season ends, the adviser and participant plan the winter: a course that leads somewhere (food hygiene, a forklift licence, a care certificate), a winter job if one exists, and a head start with the employers who hire early for the following season.

            Some employers now call us in February to ask who's available.
        """,
        "delivery_approach": "A winter plan agreed with each seasonal worker in September, short accredited courses in the quiet months, and early contact with seasonal employers.",
        "provision": "end_to_end",
        "partners": "Local hospitality and leisure employers; a further education college ran the winter courses.",
        "what_was_done": """
            - Listed every participant in seasonal work by August.
            - Held a winter planning meeting with each in September.
            - Booked places on short courses starting in November.
            - Approached seasonal employers in January about early hiring.
            - Looked for winter jobs in care, logistics and retail, which peak at different times.
        """,
        "outcomes": "Of 160 seasonal workers, 118 found work again the following season or a winter job in between; 61 reached a job outcome. Repeat winters on the programme fell noticeably.",
        "figures": (160, 118, 61),
        "lessons": "Outcome rules don't suit seasonal work, because a break between jobs can reset the clock. Know the rules well and plan around them.",
        "period": ("2013-10", "2015-04"),
        "groups": ["jsa-25", "jsa-early-access"],
        "barriers": ["long-term-unemployment", "transport-and-travel", "debt-and-money"],
        "stages": ["in-work-support", "programme-exit"],
        "areas": ["CPA18"],
        "tags": ["seasonal work", "coastal", "employer engagement"],
        "comments": [
            (
                "We have the same pattern inland with agricultural work. Did you find winter care jobs suited people coming from hospitality?",
                "Some, yes: the customer skills carry over. It isn't for everyone, so we did a taster day first.",
            ),
            ("Good point about the outcome rules. Worth a fact sheet of its own.",),
            (
                "@claire.ng The February hiring calls are gold. We should do this with the logistics firms too.",
                "Let's talk before Christmas peak planning starts.",
            ),
        ],
    },
    {
        "organisation": "Harbour Lights Training",
        "author": "ellie.morgan",
        "title": "In-work support that employers ask for: a named contact at the care home",
        "summary": "Care homes were taking on our participants and then losing them in the first month. We gave each employer a named in-work support adviser who visits, and retention went up for the employer and the participant.",
        "body": """
            Care work suits many of our participants, and care homes here are always hiring. But the first month is hard: long shifts, emotional work, lots to learn. People were leaving, and managers stopped calling us.

            I became the named contact for five care homes. I visit each one every fortnight, meet our starters on their break, and have a quick word with the manager. If something's brewing, whether a rota problem, a clash with a colleague or a struggle with a task, we deal with it before it becomes a resignation.

            The managers started asking for me by name. That's when I knew it worked.
        """,
        "delivery_approach": "A named in-work support adviser for each employer, with fortnightly on-site visits and a direct phone line for managers.",
        "provision": "end_to_end",
        "partners": "Five independent care homes (fictional for this demo).",
        "what_was_done": """
            - Agreed a named contact with each home's manager.
            - Visited every fortnight during the first three months of each starter's job.
            - Met starters on their break, not in the office.
            - Gave managers my mobile number.
        """,
        "outcomes": "52 participants started in the five homes over 18 months; 39 reached a job outcome. Before, fewer than half stayed three months.",
        "figures": (52, 52, 39),
        "lessons": "Respect the manager's time: ten minutes, not an hour. And keep what a participant tells you confidential unless they agree otherwise.",
        "period": ("2017-06", "2018-12"),
        "groups": ["jsa-25", "new-esa-claimants"],
        "barriers": ["confidence-and-motivation", "caring-responsibilities"],
        "stages": ["in-work-support"],
        "areas": ["CPA18"],
        "tags": ["in-work support", "care sector", "employer engagement"],
        "comments": [
            (
                "Did the homes mind you visiting during shifts?",
                "Only once, during an inspection week! Otherwise they welcomed it.",
            ),
            (
                "How many employers can one adviser support like this?",
                "Five or six with a mixed caseload. More than that and the visits get rushed.",
            ),
            ("This is what in-work support should look like.",),
        ],
    },
    {
        "organisation": "Harbour Lights Training",
        "author": "kwame.asante",
        "title": "A quick-start route for early access jobseekers who volunteered to join",
        "summary": "People who joined early, by choice, were keen but had to wait weeks for an assessment. A quick-start route, with assessment and a first job-focused session in the same week, kept their motivation and got many into work fast.",
        "body": """
            Early access participants come to us because they want to. Some have been made redundant after years in one job and simply want help getting back quickly. Our standard process, an assessment within two weeks and an action plan a fortnight after that, felt slow to them.

            We built a quick-start route: assessment in the first week, a CV and job-search session in the same week, and at least three applications before the second appointment. For those who needed more, the standard route was still there.
        """,
        "delivery_approach": "A fast-track first fortnight for early access participants, with assessment, CV and applications in the first week.",
        "provision": "end_to_end",
        "partners": "None.",
        "what_was_done": """
            - Identified early access referrals on arrival.
            - Booked assessment and a CV session in the same week.
            - Set a target of three applications before the second appointment, agreed with the participant.
        """,
        "outcomes": "41 participants; 22 started work, most within eight weeks, and 17 reached a job outcome.",
        "figures": (41, 22, 17),
        "lessons": "Some early access participants have barriers they don't mention at first. Keep the standard route open.",
        "period": ("2014-04", "2015-01"),
        "groups": ["jsa-early-access"],
        "barriers": ["confidence-and-motivation", "age"],
        "stages": ["pre-programme-engagement", "programme-engagement"],
        "areas": ["CPA18"],
        "tags": ["early access", "quick start"],
        "comments": [],
    },
    {
        "organisation": "Harbour Lights Training",
        "author": "ellie.morgan",
        "title": "Better-off calculations in a group, before the first job offer",
        "summary": "Participants were turning down job offers out of fear they'd be worse off. Group sessions on how benefits change when you start work, followed by a personal better-off calculation, gave people the confidence to say yes.",
        "body": """
            "Will I be worse off?" was the question I heard most, and it's a fair one. People had heard stories about rent arrears after starting work, or benefits stopping overnight.

            We ran a monthly group session on how benefits and housing support change when you start work, with a welfare rights adviser. Then everyone got a personal better-off calculation for a typical local job. Seeing their own numbers made it real.
        """,
        "delivery_approach": "Monthly group sessions with a welfare rights adviser, then individual better-off calculations using an online calculator and the participant's own figures.",
        "provision": "end_to_end",
        "partners": "A welfare rights adviser from the local council led the group sessions.",
        "what_was_done": """
            - Ran a monthly 90-minute session.
            - Worked out a better-off calculation with each participant for a realistic local job.
            - Repeated the calculation for any real job offer.
        """,
        "outcomes": "90 people attended; 34 started work and 26 reached a job outcome. Advisers reported far fewer refusals on money grounds.",
        "figures": (90, 34, 26),
        "lessons": "Lockdown ended the group sessions in March 2020. We would keep them going online next time rather than stopping.",
        "period": ("2019-09", "2020-03"),
        "groups": ["jsa-25", "esa-ex-incapacity-benefit", "jsa-ex-incapacity-benefit"],
        "barriers": ["debt-and-money", "confidence-and-motivation"],
        "stages": ["pre-work-support"],
        "areas": ["CPA18"],
        "tags": ["better-off calculation", "benefits", "group work"],
        "comments": [
            (
                "@peter.oneill Good to see. Do add the first-month gap to the calculation. People can be better off over the year and still short in week three.",
                "Fair point, Peter. We added a line for it after your comment.",
            ),
            (
                "Which calculator did you use?",
                "We tried a few and settled on one that lets you save a scenario. I won't name it here; ask in the forum.",
            ),
        ],
    },
    {
        "organisation": "Harbour Lights Training",
        "author": "kwame.asante",
        "title": "Phone and video appointments that kept people engaged through lockdown",
        "summary": "When our offices closed in March 2020 we moved every participant to phone or video within a fortnight. Contact held up better than we feared, and the lessons shaped how we offer appointments now.",
        "body": """
            We had a week to move our whole caseload to remote contact. Some had smartphones and data; many did not. Advisers worked from kitchen tables with a laptop and a work mobile.

            The first fortnight was a scramble. We phoned everyone, asked what device and data they had, and sorted them into phone, video or "needs help to get connected". For the third group we sent data top-ups and, later, loaned tablets.

            What surprised us: some participants, especially those with anxiety, engaged better by phone than they ever had in the office. We now offer phone appointments as a choice, not a fallback.
        """,
        "delivery_approach": "Remote one-to-one appointments by phone or video, with data top-ups and loaned devices where needed, and online group sessions for job search.",
        "provision": "end_to_end",
        "partners": "Lantern Digital Inclusion CIC shared its device-loan paperwork with us.",
        "what_was_done": """
            - Phoned every participant in the first fortnight to agree how we'd stay in touch.
            - Bought data top-ups and loaned 60 tablets.
            - Moved group job search online, twice a week.
            - Kept a phone option open after offices reopened.
        """,
        "outcomes": "Regular contact was kept with about 85% of the caseload. Of the 280 participants who joined during the period, 64 started work despite the collapse in vacancies, and 40 reached a job outcome.",
        "figures": (280, 64, 40),
        "lessons": "Ask people how they want to be contacted, and keep asking. Preferences changed over the months.",
        "period": ("2020-03", "2021-06"),
        "groups": ["jsa-25", "jsa-18-24", "new-esa-claimants"],
        "barriers": ["digital-skills", "mental-health"],
        "stages": ["programme-engagement"],
        "areas": ["CPA18"],
        "tags": ["remote delivery", "covid-19", "digital"],
        "comments": [
            (
                "How many of the loaned tablets came back?",
                "About four in five. We wrote off the rest from the start; chasing them would have cost more.",
            ),
            (
                "We kept phone appointments as a choice too. It's been one good thing to come out of it.",
            ),
        ],
    },
    {
        "organisation": "Harbour Lights Training",
        "author": "ellie.morgan",
        "title": "A hospitality skills kitchen run with a seafront café for young people",
        "summary": "Young people with little work experience, including several with a learning disability, trained for six weeks in a real café kitchen. Most went on to paid work in hospitality.",
        "body": """
            A seafront café owner offered us her kitchen on Mondays, when she's closed. We turned it into a training kitchen: food hygiene, knife skills, working to tickets, cleaning down. Groups of six, two days a week, six weeks.

            Several of the young people had a learning disability and had been told, in so many words, that kitchens weren't for them. The café owner didn't agree. She broke each task into small steps and let them repeat until they were confident. By the end of each course she had usually offered someone a summer job.
        """,
        "delivery_approach": "Six-week practical courses in a working café kitchen, with a job coach on hand and a food hygiene certificate.",
        "provision": "end_to_end",
        "partners": "A seafront café (fictional for this demo) provided the kitchen and the training chef.",
        "what_was_done": """
            - Agreed Mondays and Tuesdays in the café's closed season.
            - Ran groups of six with a job coach alongside the chef.
            - Broke each task into steps with picture prompts where useful.
            - Introduced graduates to other local hospitality employers.
        """,
        "outcomes": "28 young people took part; 17 started paid work and 12 reached a job outcome.",
        "figures": (28, 17, 12),
        "lessons": "Insurance took a month to arrange. Start early.",
        "period": ("2023-03", "2023-10"),
        "groups": ["jsa-18-24"],
        "barriers": [
            "learning-disability",
            "confidence-and-motivation",
            "basic-skills-literacy-and-numeracy",
        ],
        "stages": ["pre-work-support"],
        "areas": ["CPA18"],
        "tags": ["hospitality", "young people", "learning disability"],
        "comments": [
            ("Brilliant. The picture prompts are a great idea.",),
            (
                "Did the café owner get anything out of it?",
                "Staff, mostly! She hired four of them over two summers.",
            ),
        ],
    },
    # Eastside Futures -------------------------------------------------------------------------
    {
        "organisation": "Eastside Futures",
        "author": "jamal.hussain",
        "title": "Meeting prison leavers at the gate on the day of release",
        "summary": "Prison leavers referred to us often never arrived: the first days after release are chaotic, and our letter went to an address they no longer had. Meeting people at the gate and spending release day with them doubled the number who engaged.",
        "body": """
            Release day is the most dangerous day. People come out with a discharge grant, a bag and a list of appointments across the city: probation, the council, the Jobcentre, maybe a hostel. Our appointment was usually the one that got dropped.

            With the prison's agreement we started meeting people at the gate. A mentor, often someone with their own conviction, picks them up, buys breakfast, and goes with them to probation and the housing office. Our appointment happens that afternoon or the next morning, wherever they are.

            We don't talk about jobs on day one unless they want to. Day one is about getting to the evening with somewhere to sleep.
        """,
        "delivery_approach": "Gate pick-ups by a trained mentor, a supported first day of statutory appointments, and a first programme appointment within 48 hours wherever the participant is staying.",
        "provision": "end_to_end",
        "partners": "Second Chance Community Trust trained our mentors; the prison's resettlement team shared release dates with consent.",
        "what_was_done": """
            - Agreed a consent process with the prison's resettlement team to receive release dates.
            - Trained four mentors, three of them with lived experience.
            - Met each person at the gate and accompanied them to their appointments.
            - Held the first programme appointment within 48 hours.
            - Kept daily contact for the first week.
        """,
        "outcomes": "Engagement within two weeks of release rose from about 35% to over 70%. Of 63 people met at the gate, 21 started work and 13 reached a job outcome.",
        "figures": (63, 21, 13),
        "lessons": "Release dates change at short notice; have a mentor on call. And fund the breakfast: it matters more than it sounds.",
        "period": ("2014-05", "2016-03"),
        "groups": ["jsa-prison-leavers"],
        "barriers": ["offending-history", "housing-and-homelessness", "drug-or-alcohol-dependence"],
        "stages": ["pre-programme-engagement", "programme-engagement"],
        "areas": ["CPA4"],
        "tags": ["prison leavers", "through the gate", "mentoring"],
        "comments": [
            ("@marcus.hale Glad the training helped. The breakfast point is spot on.",),
            (
                "How did you handle Friday releases, when everything closes early?",
                "Badly at first. We now push for Thursday releases where the prison can, and have an emergency accommodation contact for Fridays.",
            ),
            (
                "What did the mentors get paid?",
                "They were paid staff on a sessional rate, not volunteers. We think that matters for people with lived experience.",
            ),
        ],
    },
    {
        "organisation": "Eastside Futures",
        "author": "jamal.hussain",
        "title": "Football first, then a CV: a youth engagement session that works",
        "summary": "Young men who wouldn't come to an appointment would come to a game of five-a-side. An hour of football followed by an hour of job search brought in young people we'd lost contact with.",
        "body": """
            Honestly, it started because I play. A few of the lads on my caseload had stopped answering my calls, but one mentioned he still played on Thursday nights. So I booked a pitch.

            Football for an hour. Then pizza, then an hour in the room next to the pitch with laptops: CVs, applications, a chat about what's next. No pressure to stay for the second hour, but nearly everyone did. Some brought mates who weren't even on the programme yet.
        """,
        "delivery_approach": "Weekly five-a-side followed by a group job search session, run by a youth employment coach.",
        "provision": "end_to_end",
        "partners": "A community sports centre gave us a discounted pitch rate.",
        "what_was_done": """
            - Booked a pitch and meeting room every Thursday evening.
            - Invited young people with missed appointments first.
            - Kept the job search hour informal: laptops, food, one-to-one help.
        """,
        "outcomes": "120 young people came at least once; 44 started work and 29 reached a job outcome.",
        "figures": (120, 44, 29),
        "lessons": "Evening sessions need evening staffing. Agree time off in lieu before you start, not after.",
        "period": ("2015-06", "2016-07"),
        "groups": ["jsa-18-24"],
        "barriers": ["confidence-and-motivation", "long-term-unemployment"],
        "stages": ["pre-programme-engagement", "programme-engagement"],
        "areas": ["CPA4"],
        "tags": ["young people", "sport", "engagement"],
        "comments": [
            (
                "Did any young women come?",
                "A few, and more once we added a mixed session on Tuesdays. Worth saying the Thursday one was mostly lads.",
            ),
            ("Ha, the pizza is always the secret ingredient.",),
        ],
    },
    {
        "organisation": "Eastside Futures",
        "author": "rosa.lindqvist",
        "title": "Disclosure coaching helped young people with convictions talk to employers with confidence",
        "summary": "Young people with convictions were either hiding them, and losing jobs when checks came back, or leading with them and never getting past the first question. Coaching on when and how to disclose, with practice interviews, turned that around.",
        "body": """
            Most of the young people with convictions I work with were unsure what they had to tell an employer, and when. Some had convictions that were already spent and didn't know it. Others had been told to say nothing, and had lost jobs when a check came back.

            I ran a three-session course: the rules on what must be disclosed and when, in plain language; writing a short disclosure statement that's honest and points to the future; and practice interviews with volunteer employers who asked the awkward questions for real.
        """,
        "delivery_approach": "A three-session group course with individual help writing a disclosure statement and mock interviews with volunteer employers.",
        "provision": "end_to_end",
        "partners": "Second Chance Community Trust shared its disclosure guidance; four local employers volunteered as interviewers.",
        "what_was_done": """
            - Checked each person's convictions against the rules on spent convictions, with their consent.
            - Ran a three-session course for groups of six to eight.
            - Helped each person write a short disclosure statement.
            - Arranged mock interviews with real employers.
        """,
        "outcomes": "Of 54 young people, 23 started work and 16 reached a job outcome. Eleven found out their convictions were spent and needn't be disclosed for most jobs.",
        "figures": (54, 23, 16),
        "lessons": "Get the legal facts right. Check each case carefully, and know when to refer to a specialist adviser.",
        "period": ("2018-01", "2019-06"),
        "groups": ["jsa-prison-leavers", "jsa-18-24"],
        "barriers": ["offending-history", "confidence-and-motivation"],
        "stages": ["pre-work-support"],
        "areas": ["CPA4"],
        "tags": ["disclosure", "convictions", "young people"],
        "comments": [
            (
                "@bernadette.kelly Pleased the guidance was useful. The mock interviews with real employers are the key part, in our experience.",
            ),
            (
                "How did you find volunteer employers?",
                "Mostly through our in-work support contacts. Employers who had already hired someone with a conviction were the keenest.",
            ),
        ],
    },
    {
        "organisation": "Eastside Futures",
        "author": "rosa.lindqvist",
        "title": "Peer mentors who had been through the programme themselves",
        "summary": "We trained former participants, now in work, as paid part-time peer mentors. Young people opened up to them in ways they didn't with advisers, and mentored participants were more likely to start work and to stay.",
        "body": """
            The idea came from a participant who said, "You're nice, but you don't know what it's like." Fair.

            We recruited eight former participants who had been in work for at least six months and trained them as peer mentors: listening, boundaries, safeguarding, when to pass something to an adviser. They work six hours a week, paid, alongside their jobs. Each mentors four or five young people, meeting in cafés, on video or on the phone, at times that suit.

            The mentors also changed us. They were blunt about which of our letters were confusing and which sessions felt pointless.
        """,
        "delivery_approach": "Paid part-time peer mentors, trained and supervised, each supporting four or five young participants from engagement into the first months of work.",
        "provision": "end_to_end",
        "partners": "Clearview Mental Health Employment Service provided the mentors' mental health awareness training.",
        "what_was_done": """
            1. Recruited eight former participants in sustained work.
            2. Trained them over four sessions, including safeguarding.
            3. Matched each with four or five participants.
            4. Held fortnightly group supervision with a senior adviser.
            5. Asked mentors to review our materials and sessions.
        """,
        "outcomes": "88 young people had a peer mentor; 35 started work and 26 reached a job outcome. Mentored participants started work at roughly one and a half times the rate of similar participants without a mentor.",
        "figures": (88, 35, 26),
        "lessons": "Supervision is not optional. Mentors carried some heavy stories and needed somewhere to put them.",
        "period": ("2021-09", "2023-03"),
        "groups": ["jsa-18-24", "jsa-25"],
        "barriers": ["confidence-and-motivation", "mental-health"],
        "stages": ["programme-engagement", "in-work-support"],
        "areas": ["CPA4"],
        "tags": ["peer mentoring", "lived experience", "young people"],
        "comments": [
            (
                "How did the mentors' pay affect their benefits, for those still claiming in-work benefits?",
                "We checked each case before they started and kept the hours steady. A couple chose fewer hours because of it.",
            ),
            ("We tried volunteer peer mentors and lost them fast. Paying makes sense.",),
            (
                "@helen.carver It was a pleasure training this group. They asked better questions than most staff teams.",
            ),
        ],
    },
    {
        "organisation": "Eastside Futures",
        "author": "jamal.hussain",
        "title": "Construction site cards: paying for the test, not just the course",
        "summary": "Young people kept finishing construction courses without the site card employers require, because the test fee and the revision were left to them. We paid for the test and ran revision sessions, and most went straight into site work.",
        "body": """
            Every construction employer we spoke to said the same thing: no card, no start. Our young people were doing health and safety courses, then stalling at the card test: the fee, the booking, the revision, the nerves.

            We now book and pay for the test as part of the course, run two revision sessions with practice questions, and go with anyone who wants company to the test centre. Jobs are lined up with two contractors before the test date.
        """,
        "delivery_approach": "A short course with paid-for test, revision sessions and jobs agreed in advance with contractors.",
        "provision": "end_to_end",
        "partners": "Two local building contractors (fictional for this demo) agreed to interview everyone who passed.",
        "what_was_done": """
            - Booked tests in blocks to get dates that suited.
            - Ran revision with practice questions read aloud for anyone who asked.
            - Paid the test fee up front.
            - Arranged interviews for the week after the test.
        """,
        "outcomes": "40 young people took part; 35 passed first time, 26 started on site and 19 reached a job outcome.",
        "figures": (40, 26, 19),
        "lessons": "Read-aloud practice questions mattered for young people with reading difficulties. Ask, don't assume.",
        "period": ("2024-04", "2025-06"),
        "groups": ["jsa-18-24", "jsa-prison-leavers"],
        "barriers": ["basic-skills-literacy-and-numeracy", "learning-disability", "debt-and-money"],
        "stages": ["pre-work-support"],
        "areas": ["CPA4"],
        "tags": ["construction", "young people", "qualifications"],
        "comments": [
            (
                "Good stuff. Did you have any trouble with boots and kit?",
                "Yes. We added a kit fund after the first group. Steel toecaps aren't cheap.",
            ),
        ],
    },
    {
        "organisation": "Eastside Futures",
        "author": "rosa.lindqvist",
        "title": "Drop-in hours for young people that don't need an appointment",
        "summary": "A draft: young people told us booking an appointment is a barrier in itself. We're trialling afternoon drop-in hours at our youth hub and will write up what happens.",
        "body": """
            We're trying open drop-in hours three afternoons a week. No appointment, no letter, just turn up.

            This is a draft while the trial runs.
        """,
        "delivery_approach": "Open drop-in hours at the youth hub, three afternoons a week.",
        "provision": "end_to_end",
        "partners": "",
        "what_was_done": """
            - Opened drop-in hours on Mondays, Wednesdays and Fridays.
            - Kept one adviser free for walk-ins.
        """,
        "outcomes": "Too early to say.",
        "figures": None,
        "lessons": "To follow.",
        "period": ("2026-01", None),
        "groups": ["jsa-18-24"],
        "barriers": ["confidence-and-motivation", "housing-and-homelessness"],
        "stages": ["pre-programme-engagement"],
        "areas": ["CPA4"],
        "tags": ["young people", "drop-in"],
        "draft": True,
    },
    # Clearview Mental Health Employment Service ----------------------------------------------
    {
        "organisation": "Clearview Mental Health Employment Service",
        "author": "helen.carver",
        "title": "Employment specialists inside talking therapy teams helped new ESA claimants back to work",
        "summary": "We placed employment specialists in two NHS talking therapy teams, so people on ESA with depression or anxiety got help with work alongside treatment rather than after it. Four in ten started work, and most of them stayed.",
        "body": """
            The usual advice to someone with depression who has lost their job is to get better first and then look for work. But for many people work, the right work with the right support, is part of getting better. Waiting for treatment to finish can mean waiting a year or more, by which time confidence has gone.

            We placed two employment specialists inside local talking therapy teams. They took referrals from therapists, with the participant's agreement, and started job search within weeks: looking for jobs that fitted the person's preferences, contacting employers directly, and staying with them once they started. The specialist and therapist talked regularly, so work and treatment pulled in the same direction.

            The approach follows the evidence on individual placement and support: rapid job search, the participant's own choice of work, and support that doesn't stop when the job starts.

            We were surprised how much employers valued having someone to call. Most adjustments were simple: a later start while medication settled, a quiet place for breaks, a regular check-in with a manager.
        """,
        "delivery_approach": "Employment specialists based in NHS talking therapy teams, following individual placement and support principles: rapid job search, participant choice, employer contact, and open-ended in-work support.",
        "provision": "specialist",
        "partners": "Two NHS talking therapy services (fictional teams for this demo) hosted the specialists; Northgate Employment Partnership and Meridian Work Solutions referred participants.",
        "what_was_done": """
            - Agreed a joint referral process and information-sharing consent with each therapy team.
            - Kept each specialist's caseload to 20.
            - Started job search within four weeks of referral.
            - Contacted employers directly, with the participant's agreement about what to share.
            - Held fortnightly joint reviews with the therapist.
            - Continued support in work for as long as the participant wanted it.
        """,
        "outcomes": "Of 180 participants, 72 started work and 55 reached a job outcome. Therapists reported that work goals helped recovery rather than hindered it.",
        "figures": (180, 72, 55),
        "lessons": """
            Fidelity matters. When one site drifted towards 'preparing people for work' with courses and workshops, job starts dropped.

            Protect the caseload cap. At 30 the specialists stopped contacting employers and results fell.
        """,
        "period": ("2015-01", "2017-12"),
        "groups": ["new-esa-claimants", "esa-ex-incapacity-benefit"],
        "barriers": ["mental-health", "confidence-and-motivation"],
        "stages": ["pre-work-support", "in-work-support"],
        "areas": ["CPA5", "CPA4"],
        "tags": ["ips", "mental health", "nhs", "esa"],
        "ratings": "popular",
        "comments": [
            (
                "How did you get the therapy teams to agree to host you?",
                "We started with one team manager who already believed in it, and let the results persuade the second. It took about six months.",
            ),
            (
                "@priya.shah This is the most useful case study on the hub for our ESA supply chain. We've built it into our next bid.",
            ),
            (
                "What information did you share with employers?",
                "Whatever the participant chose. Some wanted us to explain their condition; most just wanted us to ask for specific adjustments without a diagnosis.",
            ),
            (
                "@grace.whitfield Really clear write-up. The caseload cap point matches our experience exactly.",
            ),
        ],
    },
    {
        "organisation": "Clearview Mental Health Employment Service",
        "author": "owen.price",
        "title": "Wellbeing action plans written by the participant and shared with their adviser",
        "summary": "Participants with mental health conditions had action plans full of job-search tasks and nothing about staying well. A short wellbeing plan, written by the participant and shared with their adviser, made appointments more honest and reduced dropping out.",
        "body": """
            We introduced a one-page wellbeing plan: what keeps me well, early signs I'm struggling, what helps when I am, and what I'd like my adviser to do. The participant writes it, with help if they want, and chooses who sees it.

            Advisers told us it changed the conversation. Instead of guessing why someone had gone quiet, they had the participant's own words to go back to.
        """,
        "delivery_approach": "A participant-written wellbeing plan completed in the first month and reviewed every eight weeks alongside the action plan.",
        "provision": "specialist",
        "partners": "Riverside Pathways advisers piloted it with their ESA caseload.",
        "what_was_done": """
            - Designed a one-page plan with four questions.
            - Trained advisers in a one-hour session.
            - Offered every participant with a mental health condition the chance to write one.
            - Reviewed the plans every eight weeks.
        """,
        "outcomes": "140 participants wrote a plan. Drop-out fell by about a quarter compared with the previous year; 38 started work and 27 reached a job outcome.",
        "figures": (140, 38, 27),
        "lessons": "Make it optional and keep it short. Participants refused a longer version in the pilot.",
        "period": ("2016-04", "2017-05"),
        "groups": ["new-esa-claimants", "esa-volunteers"],
        "barriers": ["mental-health"],
        "stages": ["programme-engagement"],
        "areas": ["CPA5"],
        "tags": ["wellbeing", "action plan", "mental health"],
        "comments": [
            (
                "@sofia.marin We still use these with every ESA participant who wants one. The 'what I'd like my adviser to do' box is gold.",
            ),
            (
                "Is the template available anywhere?",
                "Yes, ask me through the forum and I'll send it over.",
            ),
        ],
    },
    {
        "organisation": "Clearview Mental Health Employment Service",
        "author": "helen.carver",
        "title": "Speaking up for participants with mental health conditions: a half-day course for every adviser in the supply chain",
        "summary": "Advisers across two supply chains told us they didn't feel equipped to talk about mental health, so they avoided it. We designed a half-day course with people who have used services, trained over 200 advisers, and changed how mental health is raised in appointments.",
        "body": """
            As a specialist provider, we see the people other advisers find hardest. Too often they arrive after months in which nobody asked how they were: not out of unkindness, but because the adviser didn't know what to say next if the answer was "not good".

            We built a half-day course with a group of people who have used mental health services, some of them former participants. They told us what helped and what hurt in appointments. The course covers how to ask, how to listen, what to do with what you hear, and when and how to refer. It is deliberately not clinical.

            We offered it free to every organisation in both supply chains we work in. Part of our job as a specialist is to make everyone else better at the basics.
        """,
        "delivery_approach": "A half-day face-to-face course, co-designed and co-delivered with people with lived experience of mental ill health, offered free to every front-line adviser in two supply chains.",
        "provision": "specialist",
        "partners": "Northgate Employment Partnership and Meridian Work Solutions released their advisers; a lived experience group (fictional for this demo) co-designed the course and co-delivered every session.",
        "what_was_done": """
            - Ran three design workshops with the lived experience group, paying members for their time.
            - Piloted the course with two offices and rewrote it.
            - Delivered 18 sessions across two supply chains.
            - Followed up with a short survey three months later.
        """,
        "outcomes": "212 advisers attended. Three months on, most said they asked about mental health more often and felt more confident referring. Referrals to us became earlier and better described.",
        "figures": None,
        "lessons": "Pay your lived experience trainers properly and put them at the front of the room, not in a video. Their stories are what advisers remember.",
        "period": ("2018-02", "2019-11"),
        "groups": ["new-esa-claimants", "esa-ex-incapacity-benefit", "jsa-25"],
        "barriers": ["mental-health"],
        "stages": ["programme-engagement", "pre-work-support"],
        "areas": ["CPA5", "CPA4"],
        "tags": ["training", "lived experience", "mental health", "advocacy"],
        "showcase": (
            "advocacy",
            "A specialist provider using its expertise and the voices of people with lived experience to make a whole supply chain better at supporting people with mental health conditions, free of charge.",
        ),
        "comments": [
            (
                "@leah.griffiths I went on this course and still use the 'what do you do with what you hear' bit every week.",
            ),
            (
                "Would you run it for organisations outside the supply chains?",
                "Yes, we've started to. We ask for a contribution from larger organisations and run it free for small charities.",
            ),
            (
                "How long did the design take?",
                "About four months from first workshop to the first real session.",
            ),
        ],
    },
    {
        "organisation": "Clearview Mental Health Employment Service",
        "author": "owen.price",
        "title": "A gradual return to work, with adjustments agreed up front, for people with anxiety",
        "summary": "Participants with severe anxiety were offered jobs, then panicked and left in the first week. Agreeing a phased start and specific adjustments with the employer before day one meant most stayed.",
        "body": """
            A phased start (say, three short days in week one, building to full hours over a month) is common for people returning from sick leave, but rarely offered to new starters. We asked employers whether they would, and most said yes if someone asked them properly.

            Before day one we now meet the participant and the line manager together and agree the phasing, two or three adjustments, and a check-in at the end of each week.
        """,
        "delivery_approach": "A three-way meeting before the job start to agree phased hours and adjustments, with weekly check-ins for the first month.",
        "provision": "specialist",
        "partners": "Employers across East London; Meridian Work Solutions referred participants.",
        "what_was_done": """
            - Prepared each participant to describe what helps them, in their own words.
            - Met the participant and manager before the start date.
            - Wrote the agreement on one page, signed by both.
            - Checked in at the end of each of the first four weeks.
        """,
        "outcomes": "42 participants started work this way and 33 reached a job outcome.",
        "figures": (42, 42, 33),
        "lessons": "Small employers are often the most flexible. Don't assume only big firms can make adjustments.",
        "period": ("2022-01", "2023-06"),
        "groups": ["esa-ex-incapacity-benefit", "new-esa-claimants"],
        "barriers": ["mental-health", "confidence-and-motivation"],
        "stages": ["in-work-support"],
        "areas": ["CPA4"],
        "tags": ["phased return", "adjustments", "anxiety"],
        "comments": [
            (
                "Did any employer say no to phasing?",
                "Two, both for shift-pattern reasons. We found other jobs for those participants.",
            ),
            ("We'll try the one-page agreement. Thanks.",),
        ],
    },
    {
        "organisation": "Clearview Mental Health Employment Service",
        "author": "owen.price",
        "title": "Text first: letting people who find phone calls hard choose how we contact them",
        "summary": "Many of our participants find unexpected phone calls distressing. Making text our default first contact, and asking everyone how they want to hear from us, cut missed first appointments by a third.",
        "body": """
            A call from an unknown number can be enough to stop some people answering anything for a week. So our first contact is now a text: who we are, why we're in touch, and three ways to reply. We call only if the person asks.
        """,
        "delivery_approach": "Text as the default first contact, contact preferences recorded at the first meeting and honoured throughout.",
        "provision": "specialist",
        "partners": "None.",
        "what_was_done": """
            - Wrote a warm, plain first text.
            - Recorded how each person wants to be contacted.
            - Stopped unannounced calls.
        """,
        "outcomes": "Missed first appointments fell from 30% to 20%. It's still running; 95 people so far, 20 job starts.",
        "figures": (95, 20, 12),
        "lessons": "Say who you are in the first line. Our first version was mistaken for a scam.",
        "period": ("2024-05", None),
        "groups": ["new-esa-claimants", "esa-volunteers"],
        "barriers": ["mental-health"],
        "stages": ["pre-programme-engagement", "programme-engagement"],
        "areas": ["CPA5"],
        "tags": ["engagement", "text messaging", "mental health"],
        "comments": [
            ("The scam point made me laugh. Ours was too!",),
        ],
    },
    {
        "organisation": "Clearview Mental Health Employment Service",
        "author": "helen.carver",
        "title": "Joint sessions with a drug and alcohol recovery service",
        "summary": "People in recovery were being told to finish treatment before thinking about work. We ran joint sessions with a local recovery service so that work became part of recovery plans, with care not to rush anyone.",
        "body": """
            Recovery workers worried that job pressure could trigger a relapse; our advisers worried about taking on someone still in treatment. Both were partly right.

            We started a fortnightly joint session at the recovery service: a recovery worker and one of our employment specialists together with the participant. We talked about work as a goal in recovery — routine, purpose, money — and about the risks: pay day, drinking cultures in some workplaces, shift work and sleep.
        """,
        "delivery_approach": "Fortnightly joint sessions at the recovery service, with work goals written into recovery plans and a shared risk plan for the first months in work.",
        "provision": "specialist",
        "partners": "A local drug and alcohol recovery service (fictional for this demo).",
        "what_was_done": """
            - Agreed shared principles with the recovery service managers.
            - Ran joint sessions at the recovery service.
            - Wrote a relapse-prevention plan for work with each participant who started a job.
        """,
        "outcomes": "38 participants took part; nine started work and six reached a job outcome. No relapses were linked to starting work in the follow-up period.",
        "figures": (38, 9, 6),
        "lessons": "Go to them. Sessions at our office were poorly attended; at the recovery service, people came.",
        "period": ("2019-03", "2020-02"),
        "groups": ["esa-ex-incapacity-benefit", "jsa-ex-incapacity-benefit"],
        "barriers": ["drug-or-alcohol-dependence", "mental-health"],
        "stages": ["pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["recovery", "addiction", "partnership"],
        "comments": [
            (
                "Did you think about pay day risk when planning job starts?",
                "Yes. Several participants asked for weekly pay, and some asked us to help set up a separate account for bills.",
            ),
            (
                "@marcus.hale We see the same worries with prison leavers in recovery. This is a good model.",
            ),
        ],
    },
    # Keystone Housing and Debt Advice --------------------------------------------------------
    {
        "organisation": "Keystone Housing and Debt Advice",
        "author": "nadia.rahman",
        "title": "Stopping evictions before job search: a housing check at assessment",
        "summary": "Participants facing eviction couldn't think about work, but their advisers often didn't know until it was too late. A five-question housing check at assessment, with a same-week referral to us, prevented most of the evictions we found.",
        "body": """
            You cannot look for work when the bailiffs are due on Thursday. But people rarely volunteer that they are in arrears; they are embarrassed, or they don't think it's the adviser's business.

            We worked with Meridian to add five housing questions to every assessment in West London. Any "yes" triggered a referral to us that week. Most cases were arrears that could be negotiated or a housing benefit claim that had stalled. A few were emergencies.
        """,
        "delivery_approach": "Five housing questions at every assessment, with a same-week specialist referral and casework until the housing situation was stable.",
        "provision": "specialist",
        "partners": "Meridian Work Solutions and its end-to-end providers added the questions; the council's housing options team took emergency cases.",
        "what_was_done": """
            - Wrote five simple questions about rent, arrears, notices, and where the person slept last night.
            - Trained assessors to ask them without making it feel like an interrogation.
            - Guaranteed contact within three working days of a referral.
            - Negotiated with landlords and chased stalled housing benefit claims.
        """,
        "outcomes": "230 participants were referred; we prevented 164 evictions. Of those referred, 58 went on to start work and 41 reached a job outcome.",
        "figures": (230, 58, 41),
        "lessons": "Ask early. By the time arrears come up naturally, the notice has often expired.",
        "period": ("2013-06", "2015-05"),
        "groups": ["jsa-25", "esa-ex-incapacity-benefit"],
        "barriers": ["housing-and-homelessness", "debt-and-money"],
        "stages": ["programme-engagement", "pre-work-support"],
        "areas": ["CPA3"],
        "tags": ["housing", "eviction prevention", "assessment"],
        "comments": [
            (
                "What were the five questions?",
                "Are you up to date with your rent? Have you had any letters from your landlord or the court? Is your housing benefit being paid? Where did you sleep last night? Is there anything about your home that's worrying you?",
            ),
            (
                "That last question is a good catch-all.",
                "It picks up disrepair and overcrowding too, which matter for work more than people think.",
            ),
            ("@daniel.reyes We still use these at every assessment.",),
        ],
    },
    {
        "organisation": "Keystone Housing and Debt Advice",
        "author": "peter.oneill",
        "title": "Debt advice in the first month of work, when the money worries peak",
        "summary": "The first month in work is when debts come back to bite: creditors notice the new income and the first wage is weeks away. Offering debt advice at the job start, not before, kept people in their jobs.",
        "body": """
            We used to offer debt advice during job search. Take-up was poor: people didn't see the point when nothing was changing. Then they started work, and within a month creditors were on the phone and some were quitting.

            So we moved the offer to the job start. Every participant starting work in Meridian's West London chain is offered a debt appointment in the first fortnight, by phone or in person, evenings included. We set up payment arrangements based on the new income before the creditors came calling.
        """,
        "delivery_approach": "A debt advice appointment offered at every job start, with evening and phone options, and follow-up at the first payday.",
        "provision": "specialist",
        "partners": "Meridian Work Solutions referred at the job start.",
        "what_was_done": """
            - Added the offer to the job start checklist.
            - Ran evening phone appointments twice a week.
            - Drew up budgets on the new income and contacted creditors.
            - Called again after the first payday.
        """,
        "outcomes": "77 participants in work took up the offer; 63 reached a job outcome. Several said without the arrangement they'd have left.",
        "figures": (77, 77, 63),
        "lessons": "Evenings are essential for people in work. Daytime-only appointments got almost no take-up.",
        "period": ("2016-09", "2018-03"),
        "groups": ["jsa-25", "esa-ex-incapacity-benefit"],
        "barriers": ["debt-and-money"],
        "stages": ["in-work-support"],
        "areas": ["CPA3"],
        "tags": ["debt advice", "in-work support"],
        "comments": [
            ("Timing is everything, isn't it. Great insight.",),
            (
                "Did any creditors refuse the arrangements?",
                "A couple of the more aggressive lenders dragged their feet, but with a proper budget sheet most agreed.",
            ),
        ],
    },
    {
        "organisation": "Keystone Housing and Debt Advice",
        "author": "nadia.rahman",
        "title": "A council-funded housing advice desk open to every provider's participants, not just our prime's",
        "summary": "Housing problems don't respect supply chains. With a grant from the borough we ran a housing advice desk in the local library that any employment provider could refer to, whoever held their contract. It became the place every adviser in the borough sent people first.",
        "body": """
            Our subcontract covered participants referred by one prime. But in our borough five or six employment programmes were running at once, each with people about to lose their homes, and most had nowhere to refer them.

            The borough's homelessness prevention team had the same problem from the other side: people arriving in crisis who were also on employment programmes, and no link between the two. So we put in a joint bid to the council's prevention fund for a desk that sat outside any one supply chain.

            The desk ran three days a week in the central library. Any adviser from any programme could book a slot, or a participant could just walk in. We kept the referral form to half a page.

            Because it was funded separately, nobody had to argue about whose participant it was. That simple fact was what made it work.
        """,
        "delivery_approach": "An independent housing advice desk, funded by a council grant and outside any contract's supply chain, taking referrals from any employment provider and walk-ins.",
        "provision": "specialist",
        "partners": "The borough's homelessness prevention team funded it and took emergency cases; referrals came from Meridian Work Solutions' supply chain and from four other employment programmes in the borough.",
        "what_was_done": """
            - Bid jointly with the council's homelessness prevention team for a three-year grant.
            - Set up a desk in the central library, three days a week.
            - Wrote to every employment provider in the borough with a half-page referral form.
            - Held a monthly meeting with the council team on shared cases.
            - Reported outcomes to the council and, with consent, to the referring provider.
        """,
        "outcomes": "310 people used the desk; most kept their homes. Of those on an employment programme, 66 started work within six months and 45 reached a job outcome.",
        "figures": (310, 66, 45),
        "lessons": """
            Separate funding ends the arguments. Inside a supply chain every referral raises the question of who pays; outside it, nobody asks.

            Tell every provider, not just the big ones. Some of the most grateful referrers were small programmes nobody had told about anything.
        """,
        "period": ("2021-01", "2024-03"),
        "groups": ["jsa-25", "jsa-prison-leavers", "esa-ex-incapacity-benefit"],
        "barriers": ["housing-and-homelessness", "debt-and-money"],
        "stages": ["pre-work-support"],
        "areas": ["CPA3"],
        "tags": ["housing", "complementary provision", "council"],
        "showcase": (
            "complementary",
            "Housing advice funded outside any contract, open to every provider's participants: it shows how complementary provision can serve a whole local area without the question of who pays for each referral.",
        ),
        "comments": [
            (
                "Did the primes object to their participants being helped by a competitor's subcontractor?",
                "One asked about it at first. Once they saw their participants' evictions prevented at no cost to them, the question went away.",
            ),
            (
                "@ian.fraser Our work coaches send people to the desk too. It's one of the few services everyone in the borough knows about.",
            ),
            (
                "What happened when the grant ended?",
                "The council renewed it for two years on the strength of the figures. That's why we kept such careful records.",
            ),
            (
                "@chloe.dubois This is exactly the kind of complementary provision the showcase should highlight. Thank you.",
            ),
        ],
    },
    {
        "organisation": "Keystone Housing and Debt Advice",
        "author": "peter.oneill",
        "title": "Payment plans for household bills agreed before the first payslip",
        "summary": "Water and energy arrears were one of the most common debts we saw in people starting work. Agreeing an affordable plan with the supplier before the first payday stopped the arrears growing and freed people to focus on the job.",
        "body": """
            Short one, this. Utility companies usually have hardship schemes and payment plans, but people don't know to ask, and once they're in work they assume they won't qualify. We help them ask before the first payslip, using a budget based on the new wage.
        """,
        "delivery_approach": "A short appointment at or before the job start to apply for a supplier's hardship scheme or payment plan.",
        "provision": "specialist",
        "partners": "None beyond the suppliers themselves.",
        "what_was_done": """
            - Kept a list of each local supplier's schemes and criteria.
            - Applied with the participant during the appointment.
            - Checked the plan was working after two months.
        """,
        "outcomes": "60 participants so far; 31 have started work and 24 reached a job outcome.",
        "figures": (60, 31, 24),
        "lessons": "Suppliers' schemes change often. Check the list every quarter.",
        "period": ("2025-02", None),
        "groups": ["jsa-25", "jsa-18-24", "jsa-early-access"],
        "barriers": ["debt-and-money"],
        "stages": ["pre-work-support", "in-work-support"],
        "areas": ["CPA3"],
        "tags": ["debt advice", "household bills"],
        "comments": [],
    },
    {
        "organisation": "Keystone Housing and Debt Advice",
        "author": "peter.oneill",
        "title": "Budgeting for monthly pay after years of fortnightly benefit",
        "summary": "Moving from fortnightly benefit to monthly pay caught many people out. A single budgeting session, built around the participant's own bills and pay dates, reduced the number who ran out of money before the end of their first month.",
        "body": """
            After years of fortnightly payments, a monthly wage is a different rhythm. The money looks like a lot on payday and is gone by week three. People who had managed carefully on benefit were getting into trouble within weeks of starting work.

            We offer a single session, ideally before the job starts: a calendar of the month, every bill and its date, and a plan for the weeks in between. Some people set up a second account for bills; others asked their employer for an advance or for weekly pay during the first month.
        """,
        "delivery_approach": "A one-hour budgeting session using a month calendar and the participant's real bills, with a follow-up after the first payday.",
        "provision": "specialist",
        "partners": "A local credit union (fictional for this demo) helped participants open accounts.",
        "what_was_done": """
            - Built a simple month-calendar budget sheet.
            - Offered the session to everyone with a job offer.
            - Helped people open a bills account where they wanted one.
            - Followed up a week after the first payday.
        """,
        "outcomes": "105 participants had a session; 44 went on to start work during the period and 35 reached a job outcome. Far fewer asked for emergency help in their first month.",
        "figures": (105, 44, 35),
        "lessons": "Use their real bills, not an example. Generic budgeting advice didn't stick.",
        "period": ("2017-10", "2019-04"),
        "groups": ["esa-ex-incapacity-benefit", "jsa-25"],
        "barriers": ["debt-and-money", "basic-skills-literacy-and-numeracy"],
        "stages": ["pre-work-support", "in-work-support"],
        "areas": ["CPA3"],
        "tags": ["budgeting", "in-work support", "money"],
        "comments": [
            (
                "@grace.whitfield We built a line about this into our first fortnight checklist. Thanks for the calendar idea.",
            ),
            (
                "Did employers agree to weekly pay?",
                "Some, particularly agencies and smaller firms. Worth asking; the worst they can say is no.",
            ),
        ],
    },
    # Second Chance Community Trust -----------------------------------------------------------
    {
        "organisation": "Second Chance Community Trust",
        "author": "marcus.hale",
        "title": "Volunteer mentors from release day to first payday: a small charity delivering in the supply chain",
        "summary": "As a small charity subcontracted to deliver for prison leavers, we built our service around trained volunteer mentors who stay with each person from release to their first months in work. A third of the people we supported started work, against very long odds.",
        "body": """
            We are a small charity — eleven staff and about forty volunteers — and we were nervous about joining a prime's supply chain. We did it because the people we already worked with were being referred to the programme anyway, and we thought we could do better by them from the inside.

            Our service is built around mentors: trained volunteers, many with convictions of their own, who stay with each person for as long as they need. The mentor meets them before or at release, helps with the first week's appointments, and then sticks around through job search and into work. Our employment advisers do the formal programme work; the mentor does everything else.

            The mentors are the reason people keep coming. An adviser is someone you have an appointment with. A mentor is someone who texts on a Sunday to ask how the first week went.

            Being in the supply chain meant more paperwork than we were used to, and the payment model was a real strain in the first year (another case study here covers that). But our prime listened, and it let us reach people we would never otherwise have met.
        """,
        "delivery_approach": "End-to-end delivery for prison leavers by a small charity, built on trained volunteer mentors working alongside paid employment advisers, from release to the first months in work.",
        "provision": "both",
        "partners": "Northgate Employment Partnership (our prime); probation and prison resettlement teams; Eastside Futures, with whom we shared mentor training.",
        "what_was_done": """
            - Recruited and trained volunteer mentors over eight sessions, with DBS checks and probation agreement where needed.
            - Matched each participant with a mentor before or at release.
            - Paired the mentor with an employment adviser who handled the action plan and job search.
            - Kept mentor contact going for at least six months into work.
            - Held monthly mentor supervision and an annual thank-you event.
        """,
        "outcomes": "We supported 86 prison leavers; 31 started work and 22 reached a job outcome. Reoffending among those who started work was far lower than among those who didn't, though our numbers are too small to say much more.",
        "figures": (86, 31, 22),
        "lessons": """
            Volunteers are not free. Training, supervision, expenses and a coordinator cost real money, and we under-budgeted for it in our bid.

            Keep the mentor and the adviser roles separate. When mentors started chasing job-search evidence, participants trusted them less.
        """,
        "period": ("2014-03", "2016-09"),
        "groups": ["jsa-prison-leavers"],
        "barriers": ["offending-history", "housing-and-homelessness", "drug-or-alcohol-dependence"],
        "stages": ["pre-programme-engagement", "in-work-support"],
        "areas": ["CPA18"],
        "tags": ["mentoring", "volunteers", "prison leavers", "vcs"],
        "showcase": (
            "vcs_delivery",
            "A small voluntary sector organisation delivering end to end inside a prime's supply chain, built on what it does best: volunteer mentors with lived experience who stay with people from release into work.",
        ),
        "comments": [
            (
                "@amara.okafor As the prime, we learnt as much from Second Chance as they did from us. Their mentors changed how our own advisers think about prison leavers.",
            ),
            (
                "How many participants can one volunteer mentor support?",
                "Two at a time, three at most. Any more and the Sunday texts stop happening.",
            ),
            (
                "@jamal.hussain The shared training was great for our gate mentors too. Let's do another round.",
                "Definitely. Spring?",
            ),
        ],
    },
    {
        "organisation": "Second Chance Community Trust",
        "author": "bernadette.kelly",
        "title": "How a small charity survived payment by results: our cash-flow story",
        "summary": "Payment by results nearly closed us in our first year as a subcontractor. This is what went wrong, what we changed with our prime, and what we would tell any small charity thinking of bidding.",
        "body": """
            We went into our subcontract with good intentions and a spreadsheet that turned out to be wrong. We had modelled the total income per participant correctly. What we had not modelled was when it would arrive.

            Outcome payments for prison leavers come months after someone starts work, and only if they stay. Meanwhile we were paying staff, rent and volunteer expenses from day one. By month nine our reserves were down to six weeks. Our trustees were discussing whether to hand the contract back.

            Three things saved us. First, we told our prime honestly, early, with our figures. Second, they agreed to bring forward part of the payment to attachment and a progress point, which evened out the cash flow. Third, a local trust gave us a bridging grant because we could show exactly what the gap was and when it would close.

            We still deliver for the programme. We would do it again, but we would do the cash-flow model first, month by month, and we would not sign until the payment timing worked.
        """,
        "delivery_approach": "End-to-end delivery as a VCS subcontractor under payment by results, with a revised payment profile agreed with the prime and a bridging grant.",
        "provision": "end_to_end",
        "partners": "Northgate Employment Partnership (our prime) revised the payment profile; a local charitable trust (fictional for this demo) gave a bridging grant; Employment Providers' Forum North reviewed our model.",
        "what_was_done": """
            1. Built a month-by-month cash-flow model, with realistic delays for each payment.
            2. Shared it openly with our prime and our trustees.
            3. Agreed a revised payment profile: part of the fee at attachment and at a progress point.
            4. Applied for a bridging grant sized to the gap.
            5. Put cash flow on every trustee meeting agenda.
        """,
        "outcomes": "We stayed solvent, kept every member of staff and completed the contract. Our reserves are back above three months. Participant outcomes did not suffer during the difficult period.",
        "figures": None,
        "lessons": """
            Model the timing, not just the totals. A contract that pays well in year two can still sink you in year one.

            Talk to your prime before it becomes a crisis. Ours could help because we told them in month six, not month eleven.

            Use the financial model in the toolkits section before you bid. We wish we'd had one.
        """,
        "period": ("2013-01", "2017-03"),
        "groups": ["jsa-prison-leavers", "jsa-25"],
        "barriers": ["offending-history"],
        "stages": ["programme-engagement", "programme-exit"],
        "areas": ["CPA18"],
        "tags": ["payment by results", "cash flow", "vcs", "trustees"],
        "showcase": (
            "vcs_delivery",
            "An honest account of the financial risk a small charity carries under payment by results, and of how an open conversation with its prime kept a valuable service going. Essential reading before bidding.",
        ),
        "comments": [
            (
                "Thank you for being so open. Would you share the structure of your cash-flow model?",
                "Yes. The toolkits section has a model based on ours. The key columns are the month each payment actually arrives and the reserves left at the end of each month.",
            ),
            (
                "@chloe.dubois We've used this story in three of our capacity-building sessions. It lands every time.",
            ),
            (
                "How did your trustees react when you told them?",
                "Calmly, thankfully. We had a treasurer who'd run a business. I'd recommend every charity in this field has one on the board.",
            ),
        ],
    },
    {
        "organisation": "Second Chance Community Trust",
        "author": "marcus.hale",
        "title": "An employers' breakfast that changed minds about hiring people with convictions",
        "summary": "Local employers said they'd consider hiring people with convictions but few did. A breakfast where employers who already had heard from those who hadn't, and met participants, led to a dozen new hiring commitments.",
        "body": """
            We invited forty local employers to breakfast. Twenty-four came. Three employers who already hired people with convictions spoke for five minutes each about why, and about what had gone wrong and right. Then three participants spoke about what a job would mean. Then coffee, and a lot of conversations.

            Twelve employers signed up to interview our participants. Eight went on to hire.
        """,
        "delivery_approach": "A breakfast event for local employers with peer speakers and participants, followed up by employer engagement visits.",
        "provision": "both",
        "partners": "Three local employers spoke; Northgate Employment Partnership's employer team followed up.",
        "what_was_done": """
            - Invited employers personally, with a follow-up call.
            - Briefed speakers and participants, who were paid for their time.
            - Followed up every attendee within a week.
        """,
        "outcomes": "45 participants were put forward to the employers who signed up; 18 started work and 13 reached a job outcome.",
        "figures": (45, 18, 13),
        "lessons": "Employers listen to employers. Our speakers did more in fifteen minutes than we'd managed in a year of visits.",
        "period": ("2019-05", "2020-01"),
        "groups": ["jsa-prison-leavers"],
        "barriers": ["offending-history"],
        "stages": ["pre-work-support"],
        "areas": ["CPA18"],
        "tags": ["employer engagement", "convictions"],
        "comments": [
            ("@claire.ng We followed up every one of those employers. Lovely event.",),
            (
                "How did you prepare participants to speak?",
                "Two sessions with a volunteer who coaches public speaking, and the freedom to pull out on the day. Nobody did.",
            ),
        ],
    },
    {
        "organisation": "Second Chance Community Trust",
        "author": "mo.farouk",
        "title": "Through-the-gate workshops funded by a charitable trust, outside any contract",
        "summary": "With a grant from a charitable trust, not a programme contract, we ran job-readiness workshops inside the prison in the three months before release. Because nobody was paying per outcome, we could work with anyone who wanted to come.",
        "body": """
            As a trustee, I've watched our charity wrestle with payment by results for years. This project was a deliberate step outside it. A charitable trust funded us for two years to run workshops inside the prison, for anyone due for release in the next three months, regardless of which programme they would later be referred to.

            The workshops covered disclosure, CVs that deal honestly with gaps, what to expect from the Jobcentre and from employment programmes, and how to open a bank account on release. Our mentors met each person again after release and passed them, with their consent, to whichever provider they were referred to.

            Because we weren't paid per job, we didn't have to choose who to help. Some of the people who came were a very long way from work. They came anyway, and some of them surprised us.
        """,
        "delivery_approach": "Weekly workshops inside the prison for people in their last three months before release, funded by a charitable trust, with a warm handover to whichever employment provider they were referred to afterwards.",
        "provision": "specialist",
        "partners": "A charitable trust (fictional for this demo) funded the project; the prison's education and resettlement teams hosted it; employment providers in the area, including our own prime, received handovers.",
        "what_was_done": """
            - Applied to a charitable trust for two years' funding.
            - Agreed a weekly slot and security arrangements with the prison.
            - Ran a four-week rolling workshop programme.
            - Met each person after release and handed them over to their provider with consent.
            - Reported anonymised results to the trust every six months.
        """,
        "outcomes": "120 people took part. 27 started work within six months of release and 17 reached a job outcome with their provider, and many more engaged with their provider than usual.",
        "figures": (120, 27, 17),
        "lessons": "Prison regimes change at short notice; sessions were cancelled for lockdowns and staff shortages. Build in slack. And keep your funder informed: ours was understanding because we told them early.",
        "period": ("2022-02", "2024-01"),
        "groups": ["jsa-prison-leavers"],
        "barriers": [
            "offending-history",
            "basic-skills-literacy-and-numeracy",
            "housing-and-homelessness",
        ],
        "stages": ["pre-programme-engagement"],
        "areas": ["CPA18"],
        "tags": ["through the gate", "complementary provision", "grant funded"],
        "showcase": (
            "complementary",
            "Grant-funded support inside prison, outside any supply chain, that prepares people for work and hands them over to whichever provider they are referred to: complementary provision at its best.",
        ),
        "comments": [
            (
                "How did the providers receiving the handovers respond?",
                "Mostly very well. One asked us to send the handover notes in their own format, which we did.",
            ),
            (
                "@jamal.hussain We received some of these handovers. They made the first appointment far easier.",
            ),
            ("Is the trust funding continuing?", "We're applying for a second round now."),
        ],
    },
    {
        "organisation": "Second Chance Community Trust",
        "author": "marcus.hale",
        "title": "ID and a bank account in the first week after release",
        "summary": "Without ID and a bank account, people leaving prison can't be paid, can't rent and can't start most jobs. We now sort both in the first week, and it has unblocked job starts.",
        "body": """
            Obvious, maybe. But we kept seeing job offers fall through because someone couldn't prove who they were or had nowhere for wages to go. Now a mentor helps with a birth certificate application, a basic bank account and a provisional ID in the first week, before anything else.
        """,
        "delivery_approach": "Mentor-led help with ID and a basic bank account in the first week after release.",
        "provision": "specialist",
        "partners": "A local bank branch with a named contact for basic accounts.",
        "what_was_done": """
            - Kept a fund for certificate fees.
            - Built a relationship with one bank branch.
            - Made ID and banking the first task after release.
        """,
        "outcomes": "70 people helped so far; 15 have started work.",
        "figures": (70, 15, None),
        "lessons": "Start the birth certificate application before release if you can. It takes weeks.",
        "period": ("2025-04", None),
        "groups": ["jsa-prison-leavers"],
        "barriers": ["offending-history", "debt-and-money"],
        "stages": ["pre-programme-engagement", "programme-engagement"],
        "areas": ["CPA18"],
        "tags": ["prison leavers", "banking", "id"],
        "comments": [
            (
                "Which ID did employers accept most often?",
                "A passport if the person has one, otherwise a birth certificate with a letter from probation for most jobs. Right-to-work checks vary, so ask each employer.",
            ),
        ],
    },
    # Open Door Carers' Network ---------------------------------------------------------------
    {
        "organisation": "Open Door Carers' Network",
        "author": "joy.adeyemi",
        "title": "A carers' return-to-work group: flexible hours first, then the job search",
        "summary": "Carers returning to work can't take any job: it has to fit around the person they care for. Our volunteer-led group, run as a subcontractor in the supply chain, started with what hours each carer could really manage and built the job search around that.",
        "body": """
            We're a small, volunteer-led charity, and most of our volunteers are carers or former carers. When we joined our prime's supply chain it was because carers were being referred to the programme and getting advice that didn't fit their lives: apply for this full-time job, go to this course on Tuesday afternoons, when Tuesday afternoon is the hospital appointment.

            Our group meets weekly, at school-friendly times, with replacement care arranged for anyone who needs it. The first session is always the same question: what hours can you really work, without letting anyone down? Everything else follows from the answer. We find employers who offer term-time, part-time and flexible contracts, and we help carers ask for flexibility confidently.

            Carers are organised, resilient and good at juggling. Employers who understand that get excellent staff.
        """,
        "delivery_approach": "Weekly group sessions led by trained volunteers with caring experience, individual job search built around realistic hours, and help to request flexible working.",
        "provision": "both",
        "partners": "Northgate Employment Partnership (our prime); a local carers' centre (fictional for this demo) arranged replacement care; Riverside Pathways shared employer contacts.",
        "what_was_done": """
            - Recruited and trained eight volunteer group leaders with caring experience.
            - Ran weekly sessions between 10am and 2pm, school term and holidays.
            - Started each carer's plan with a realistic weekly hours calculation.
            - Built a list of employers offering term-time and flexible contracts.
            - Coached carers on asking for flexibility at interview.
        """,
        "outcomes": "54 carers took part; 19 started work and 15 reached a job outcome. Many more took up volunteering or training that fitted around their caring.",
        "figures": (54, 19, 15),
        "lessons": """
            Replacement care is the make-or-break. Without it, the carers who most needed the group couldn't come.

            Don't measure success only by job starts. For some carers, the right outcome was a few hours of volunteering and a break.
        """,
        "period": ("2014-09", "2016-06"),
        "groups": ["esa-volunteers", "ibis-volunteers"],
        "barriers": ["caring-responsibilities", "confidence-and-motivation", "childcare"],
        "stages": ["pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["carers", "flexible working", "vcs", "volunteers"],
        "showcase": (
            "vcs_delivery",
            "A volunteer-led charity bringing the lived experience of carers into programme delivery, and showing that realistic hours come first for people with caring responsibilities.",
        ),
        "comments": [
            (
                "How did you fund replacement care?",
                "Partly from our own small grants and partly through the carers' centre's respite budget. It was never enough.",
            ),
            (
                "@leah.griffiths As the prime's contact for Open Door, I can say their carers stayed in work at a higher rate than almost anyone in our chain.",
            ),
            (
                "Did employers object to term-time contracts?",
                "Fewer than you'd think. Schools, councils and some retailers were happy to.",
            ),
        ],
    },
    {
        "organisation": "Open Door Carers' Network",
        "author": "joy.adeyemi",
        "title": "A carer-friendly employer pledge, written with local businesses",
        "summary": "Speaking up for carers as a group, we worked with fourteen local employers on a short, practical pledge: flexible start times, emergency leave, and a named contact. Employers who signed it hired carers from every local provider, not just us.",
        "body": """
            Part of our job is to speak up for carers, not just to support them one at a time. Carers kept telling us the same story: they'd get a job, a crisis would happen at home, and they'd be let go for being unreliable.

            So we invited employers to write a pledge with us. We didn't want a glossy charter; we wanted three or four things a manager could actually do. After two meetings the pledge said: we will let carers agree flexible start times; we will give short-notice leave for caring emergencies; we will give every carer a named contact who knows their situation; and we will ask about caring at interview only to offer support.

            Fourteen employers signed. We publicise the list to carers and to every employment provider in the area, whether or not they work with us.
        """,
        "delivery_approach": "Advocacy with local employers on behalf of carers: a co-written pledge, a public list of signatories, and follow-up with employers and carers.",
        "provision": "specialist",
        "partners": "Fourteen local employers (fictional for this demo) co-wrote and signed the pledge; Employment Providers' Forum North shared it with its members.",
        "what_was_done": """
            - Collected carers' stories about losing jobs over caring crises.
            - Held two meetings with interested employers to write the pledge.
            - Published the list of signatories and shared it with all local providers.
            - Checked in with signatory employers every six months.
        """,
        "outcomes": "Fourteen employers signed in the first year and six more the next. Carers referred by any provider now have a list of employers who have promised to make it work.",
        "figures": None,
        "lessons": "Keep it short and specific. The employers who wrote the pledge were more committed to it than they would have been to one we'd handed them.",
        "period": ("2019-06", "2021-03"),
        "groups": ["ibis-volunteers", "esa-volunteers", "jsa-25"],
        "barriers": ["caring-responsibilities"],
        "stages": ["pre-work-support", "in-work-support"],
        "areas": ["CPA5"],
        "tags": ["carers", "advocacy", "employer engagement"],
        "showcase": (
            "advocacy",
            "A small charity speaking up for carers as a group, and winning practical commitments from employers that help carers referred by every provider in the area.",
        ),
        "comments": [
            (
                "@chloe.dubois We've shared this pledge with our members in other areas as a template.",
            ),
            (
                "Did any employer break the pledge?",
                "One, once. We talked to the manager and they put it right. Having it in writing helped.",
            ),
        ],
    },
    {
        "organisation": "Open Door Carers' Network",
        "author": "joy.adeyemi",
        "title": "Replacement care so carers can get to interviews",
        "summary": "Carers were missing interviews because there was nobody to look after the person they care for. A small fund for replacement care on interview days, paid from our own grants, meant nobody had to turn an interview down.",
        "body": """
            One carer told us she had turned down four interviews in a year because her mother couldn't be left alone. We set aside a small fund from our own grants to pay for a trusted sitter for interviews and first days, booked through the local carers' centre. It costs very little and it is the most thanked thing we do.
        """,
        "delivery_approach": "A small fund for replacement care on interview days and the first days at work, booked through the carers' centre.",
        "provision": "specialist",
        "partners": "A local carers' centre (fictional for this demo) provided vetted sitters.",
        "what_was_done": """
            - Set aside a fund from our own grants.
            - Agreed a booking process with the carers' centre, with 48 hours' notice.
            - Told every adviser in the area about it.
        """,
        "outcomes": "33 carers used it; 14 started work and 10 reached a job outcome.",
        "figures": (33, 14, 10),
        "lessons": "Interview dates arrive with little notice. Keep the booking process fast.",
        "period": ("2023-01", "2024-06"),
        "groups": ["ibis-volunteers", "esa-volunteers"],
        "barriers": ["caring-responsibilities"],
        "stages": ["pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["carers", "interviews"],
        "ratings": "single",
        "comments": [
            ("@ruth.evans Lovely idea. I'll tell our work coaches.",),
        ],
    },
    {
        "organisation": "Open Door Carers' Network",
        "author": "joy.adeyemi",
        "title": "An online peer group for carers who can't leave the house",
        "summary": "Draft: an evening peer group on video for carers who can't get to our daytime sessions. We'll write it up after the first six months.",
        "body": """
            Some carers can't leave the house at all. We're trying an evening video group, fortnightly, run by two volunteer carers.
        """,
        "delivery_approach": "Fortnightly evening video group led by volunteer carers.",
        "provision": "specialist",
        "partners": "",
        "what_was_done": """
            - Trained two volunteers to host.
            - Lent tablets to carers without a device.
        """,
        "outcomes": "Not yet known.",
        "figures": None,
        "lessons": "To follow.",
        "period": ("2026-03", None),
        "groups": ["esa-volunteers"],
        "barriers": ["caring-responsibilities", "mental-health"],
        "stages": ["programme-engagement"],
        "areas": ["CPA5"],
        "tags": ["carers", "peer support", "online"],
        "draft": True,
    },
    # Wearside Jobcentre Plus Office ----------------------------------------------------------
    {
        "organisation": "Wearside Jobcentre Plus Office",
        "author": "ruth.evans",
        "title": "Three-way meetings at the point of referral: work coach, provider and claimant",
        "summary": "Claimants referred to the programme often arrived at the provider confused and suspicious. Holding a short three-way meeting at the Jobcentre at the point of referral meant people knew what to expect and the provider knew what we knew.",
        "body": """
            From our side of the counter, referral used to mean handing over a leaflet and an appointment letter. The claimant went off worried, the provider started with nothing but a name, and everything we knew about the person (their history, what they'd tried, what worried them) stayed in our notes.

            We agreed with our two local providers to hold a 15-minute three-way meeting whenever a claimant was referred. I introduced them, summarised what we'd worked on together, and let the claimant say what they wanted from the programme. The provider's adviser booked the first appointment there and then.
        """,
        "delivery_approach": "Fifteen-minute three-way meetings at the Jobcentre on referral, with the claimant's agreement to share what the work coach knows.",
        "provision": "end_to_end",
        "partners": "Riverside Pathways and Northgate Employment Partnership sent advisers on referral days.",
        "what_was_done": """
            - Grouped referrals onto two mornings a week.
            - Asked each claimant's agreement to share a short summary.
            - Held the three-way meeting before the claimant left the building.
        """,
        "outcomes": "260 claimants were referred this way over the year. Attendance at the first provider appointment rose to nine in ten, and 71 started work within the year.",
        "figures": (260, 71, 49),
        "lessons": "It only works if both sides turn up on time. We agreed a simple rota and stuck to it.",
        "period": ("2014-02", "2014-11"),
        "groups": ["jsa-25", "new-esa-claimants"],
        "barriers": ["confidence-and-motivation"],
        "stages": ["pre-programme-engagement"],
        "areas": ["CPA5"],
        "tags": ["warm handover", "jobcentre", "referral"],
        "comments": [
            (
                "@daniel.reyes Very similar to our warm handovers in London. Good to see it from the Jobcentre side.",
                "Yes, I read yours. The principle's the same; the key is the claimant hearing both of us in the same room.",
            ),
            (
                "Did the claimant ever object to information being shared?",
                "A handful did, and that was fine. We just did the introduction without the summary.",
            ),
        ],
    },
    {
        "organisation": "Wearside Jobcentre Plus Office",
        "author": "ian.fraser",
        "title": "A shared directory of local specialist support, kept up to date by the partnership team",
        "summary": "Every work coach and provider adviser had their own out-of-date list of local services. We built one shared directory of specialist support across the area and made one person responsible for keeping it current.",
        "body": """
            Housing advice, debt advice, recovery services, carers' support, food banks, mental health crisis lines: there are dozens of local services, and every adviser kept their own list, half of it wrong. People were sent to services that had closed or changed their criteria.

            As partnership manager I took on a single shared directory: a spreadsheet at first, now a simple web page. Every entry has who it's for, how to refer, what it costs the provider if anything, and the date it was last checked. Any provider in the area can use it. I check every entry every quarter and ask services to tell me about changes.
        """,
        "delivery_approach": "One shared, dated directory of local specialist services, open to every provider in the area, maintained by the Jobcentre partnership team.",
        "provision": "specialist",
        "partners": "Every employment provider in the area uses it; services listed keep their own entries up to date by emailing us.",
        "what_was_done": """
            - Collected every adviser's list and merged them.
            - Checked every entry by phone.
            - Added a "last checked" date to every entry.
            - Set a quarterly review.
        """,
        "outcomes": "About 140 services are listed and the directory is used by advisers across six providers. Fewer wasted referrals are reported.",
        "figures": None,
        "lessons": "A directory without an owner goes out of date within months. Name the person.",
        "period": ("2021-04", None),
        "groups": ["esa-ex-incapacity-benefit", "new-esa-claimants", "jsa-25"],
        "barriers": ["housing-and-homelessness", "debt-and-money", "drug-or-alcohol-dependence"],
        "stages": ["pre-programme-engagement", "pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["directory", "partnership", "specialist referral"],
        "comments": [
            (
                "@owen.price We keep our entry up to date. It's the directory we point our own staff to.",
            ),
            (
                "Could this go on the hub itself?",
                "That's the plan, once the organisation directory can hold services too.",
            ),
        ],
    },
    {
        "organisation": "Wearside Jobcentre Plus Office",
        "author": "ian.fraser",
        "title": "A provider adviser based in the Jobcentre one day a week",
        "summary": "We gave a provider adviser a desk in our office every Tuesday. Work coaches could walk claimants over for a chat before referral, and the provider picked up people we'd been worried about.",
        "body": """
            A simple change: every Tuesday, an adviser from one of our local providers sits at a desk on our floor. Work coaches can introduce claimants who are about to be referred, or ask advice about someone who's struggling. The adviser also runs a short drop-in session in the afternoon.

            The benefit we didn't expect was to our own staff. Work coaches learned much more about what happens after referral, and the provider learned about our pressures.
        """,
        "delivery_approach": "A weekly provider adviser presence in the Jobcentre, with introductions by work coaches and an afternoon drop-in.",
        "provision": "end_to_end",
        "partners": "Riverside Pathways provided the adviser.",
        "what_was_done": """
            - Set aside a desk every Tuesday.
            - Briefed work coaches on when to make an introduction.
            - Ran an afternoon drop-in for claimants who were curious about the programme.
        """,
        "outcomes": "190 claimants met the adviser over the year; 55 later started work and 37 reached a job outcome.",
        "figures": (190, 55, 37),
        "lessons": "Choose an adviser who enjoys it. It's a very different day from a normal caseload.",
        "period": ("2017-01", "2018-01"),
        "groups": ["jsa-18-24", "jsa-25"],
        "barriers": ["confidence-and-motivation"],
        "stages": ["pre-programme-engagement", "programme-engagement"],
        "areas": ["CPA5"],
        "tags": ["co-location", "jobcentre", "partnership"],
        "comments": [
            ("@liam.turner I was the Tuesday adviser. Best day of the week.",),
        ],
    },
    # Employment Providers' Forum North -------------------------------------------------------
    {
        "organisation": "Employment Providers' Forum North",
        "author": "chloe.dubois",
        "title": "A pooled legal review of subcontract terms for small charities",
        "summary": "Small charities were each paying for legal advice on near-identical subcontracts, or signing without any. We pooled the cost across our members for one expert review of common terms, and published a plain-English guide to what to check.",
        "body": """
            When the contracts were let, a dozen of our members were offered subcontracts by the same two primes. Each faced a long contract written for organisations with legal departments. Some paid for advice they could barely afford; others signed and hoped.

            We asked members to pool a small contribution each and commissioned one review of the terms that came up in every contract: payment timing, liability and indemnity, termination, the terms passed down from the prime's own contract, and data protection. The lawyer's advice went into a plain-English guide: what each clause means, what's standard, what's worth negotiating and how to ask.

            Two primes later told us the guide made negotiations quicker because charities arrived with specific, reasonable requests.
        """,
        "delivery_approach": "A pooled legal review of common subcontract terms, funded by member contributions, turned into a plain-English guide and two briefing sessions.",
        "provision": "both",
        "partners": "Twelve member charities contributed; a law firm (fictional for this demo) carried out the review at a reduced rate; Northgate Employment Partnership commented on a draft.",
        "what_was_done": """
            - Collected the subcontracts our members had been offered, with permission.
            - Identified the terms common to all of them.
            - Commissioned one legal review, with costs shared between members.
            - Wrote a plain-English guide and ran two briefing sessions.
        """,
        "outcomes": "Twelve members used the review, at about a tenth of what each would have paid alone. Several negotiated better payment terms or liability caps.",
        "figures": None,
        "lessons": "Get the primes' permission to share contract wording among members before you start. One prime was uneasy until we asked.",
        "period": ("2015-02", "2015-11"),
        "groups": ["jsa-25", "esa-ex-incapacity-benefit"],
        "barriers": ["long-term-unemployment"],
        "stages": ["programme-engagement"],
        "areas": ["CPA5", "CPA18"],
        "tags": ["contracts", "vcs", "tendering", "legal"],
        "comments": [
            (
                "@bernadette.kelly We were one of the twelve. The section on payment timing was worth the contribution on its own.",
            ),
            (
                "Is the guide still current?",
                "We refreshed it in 2019 and again last year. The toolkits section links to the latest version.",
            ),
            (
                "Did the law firm mind the advice being shared so widely?",
                "We agreed that up front: it was part of the reason for the reduced rate.",
            ),
        ],
    },
    {
        "organisation": "Employment Providers' Forum North",
        "author": "chloe.dubois",
        "title": "Bringing ESA claimants' voices to the primes: a lived-experience panel",
        "summary": "ESA claimants were the group the programme served least well, and the least heard. We set up a paid panel of people with health conditions on the programme and brought its findings to primes and commissioners twice a year.",
        "body": """
            As an umbrella body, we advocate for our members, but we also felt a duty to the people they serve. ESA claimants told our members again and again that the programme felt designed for someone else.

            We recruited a panel of fourteen people with health conditions, current or recent participants, paid for their time. They met every two months, sometimes online, sometimes in person with transport and breaks arranged. They chose the topics: the first was the assessment, the second how in-work support deals with a bad week.

            Twice a year the panel presented to the two primes in our area and to commissioners. The primes didn't agree with everything. But three changes came directly from the panel, including a fortnight's grace on appointments during a flare-up.
        """,
        "delivery_approach": "A paid lived-experience panel meeting every two months, with twice-yearly presentations to primes and commissioners and a published response.",
        "provision": "specialist",
        "partners": "Northgate Employment Partnership and Meridian Work Solutions attended presentations and responded in writing; Clearview Mental Health Employment Service supported panel members.",
        "what_was_done": """
            - Recruited fourteen panel members through our member organisations.
            - Paid for time and travel, and arranged access needs.
            - Let the panel choose its topics.
            - Asked primes to respond in writing within eight weeks.
            - Published the panel's findings and the responses.
        """,
        "outcomes": "Three changes to prime practice came directly from the panel in the first eighteen months. Panel members said they felt heard, some for the first time.",
        "figures": None,
        "lessons": "Ask for a written response. Verbal thanks at the meeting are easy to give and easy to forget.",
        "period": ("2018-03", "2019-09"),
        "groups": ["esa-ex-incapacity-benefit", "new-esa-claimants"],
        "barriers": ["mental-health", "physical-health-condition"],
        "stages": ["programme-engagement", "programme-exit"],
        "areas": ["CPA5", "CPA18"],
        "tags": ["advocacy", "lived experience", "esa", "participant voice"],
        "showcase": (
            "advocacy",
            "An umbrella body giving ESA claimants, the group most often left behind, a paid and organised voice with the primes, and holding the primes to a written response.",
        ),
        "comments": [
            (
                "@amara.okafor Speaking for the prime: the written response rule was uncomfortable at first and absolutely right.",
            ),
            (
                "How did you handle panel members who became unwell?",
                "We kept places open and let people dip in and out. Two members came back after long breaks.",
            ),
            (
                "What was the fortnight's grace change exactly?",
                "If a participant tells their adviser they are in a flare-up, appointments can move to phone or be postponed for up to two weeks without being treated as a missed appointment.",
            ),
        ],
    },
    {
        "organisation": "Employment Providers' Forum North",
        "author": "chloe.dubois",
        "title": "'What Works' sessions that brought competing providers' advisers into one room",
        "summary": "Front-line advisers from competing providers in the same town had never met. We ran quarterly, informal 'What Works' sessions where they shared practice on a single theme, and the ideas spread between organisations that had never talked.",
        "body": """
            In one town three providers held contracts for the same claimant groups, and their advisers had never spoken. Competition made managers cautious about sharing anything.

            We offered neutral ground: a quarterly two-hour session, one theme each time (the first was young people who don't turn up), no managers, no sales. Advisers brought one thing that had worked for them. We wrote up the notes and shared them with everyone.
        """,
        "delivery_approach": "Quarterly themed sessions for front-line advisers from competing providers, facilitated by an umbrella body on neutral ground, with shared notes.",
        "provision": "both",
        "partners": "Riverside Pathways, Harbour Lights Training and a third local provider sent advisers; Wearside Jobcentre Plus Office hosted two sessions.",
        "what_was_done": """
            - Agreed ground rules with each provider's manager: no participant details, no commercial information.
            - Chose one theme per session.
            - Wrote up and circulated notes within a week.
        """,
        "outcomes": "Four sessions in the first year with 20 to 30 advisers each. Several practices spread between providers, including the first fortnight checklist now used by three organisations.",
        "figures": None,
        "lessons": "Keep managers out of the room. Advisers talked far more freely without them.",
        "period": ("2016-01", "2016-12"),
        "groups": ["jsa-18-24", "jsa-25", "new-esa-claimants"],
        "barriers": ["long-term-unemployment", "confidence-and-motivation"],
        "stages": ["pre-work-support"],
        "areas": ["CPA5"],
        "tags": ["what works", "workshops", "sharing practice"],
        "comments": [
            (
                "@grace.whitfield This is where the checklist spread from. Sharing it cost us nothing and we've had plenty back.",
            ),
            (
                "Would you run one in our area?",
                "Yes, if two or more providers ask. Get in touch through the forum.",
            ),
        ],
    },
    # Lantern Digital Inclusion CIC -----------------------------------------------------------
    {
        "organisation": "Lantern Digital Inclusion CIC",
        "author": "sam.patel",
        "title": "A digital skills drop-in open to anyone, whichever provider they're with",
        "summary": "Job search now happens online, and many jobseekers can't do it alone. With community funding we ran free digital drop-ins in three libraries, open to anyone, whatever programme or provider they were on.",
        "body": """
            We're a community interest company, and part of our work is subcontracted within a supply chain. But the drop-ins were funded separately, by a community fund and a housing association, and we made a point of opening them to everyone.

            Anyone can walk in: no referral, no appointment, no question about which programme they're on. Volunteers and two paid trainers help with whatever people bring: setting up an email address, uploading a CV, an online application form that keeps timing out, a video interview next Tuesday.

            Advisers from at least five different providers send people to us. Some of them are competitors of our own prime. We think that's exactly right.
        """,
        "delivery_approach": "Free walk-in digital skills sessions in three public libraries, funded outside any programme contract, open to anyone and staffed by trainers and volunteers.",
        "provision": "specialist",
        "partners": "A community fund and a local housing association (both fictional for this demo) funded the drop-ins; the library service provided rooms and computers; advisers from several providers referred people.",
        "what_was_done": """
            - Secured two years' funding outside our subcontract.
            - Ran six drop-in sessions a week across three libraries.
            - Trained twenty volunteers, several of them former learners.
            - Kept a simple record of what help people asked for, and shared the themes with providers.
        """,
        "outcomes": "415 people used the drop-ins; 96 told us they had started work. Job outcomes aren't recorded because the drop-ins sit outside any programme.",
        "figures": (415, 96, None),
        "lessons": """
            Don't ask which programme someone's on. The moment you do, people worry they're in the wrong place.

            Record what people ask for. Our themes report told providers which online systems their participants struggled with most.
        """,
        "period": ("2020-09", "2022-12"),
        "groups": ["jsa-25", "new-esa-claimants", "jsa-early-access"],
        "barriers": ["digital-skills", "basic-skills-literacy-and-numeracy", "english-language"],
        "stages": ["pre-work-support"],
        "areas": ["CPA4"],
        "tags": ["digital skills", "complementary provision", "library"],
        "showcase": (
            "complementary",
            "Free, open-door digital help funded outside any contract and used by participants of every provider in the area; a model of complementary provision that doesn't ask which programme you're on.",
        ),
        "comments": [
            (
                "@liam.turner Our library job club sends people your way for the trickier online forms. Thank you.",
            ),
            (
                "How did you recruit volunteers?",
                "Mostly from the drop-ins themselves: former learners who wanted to help others. They're the best volunteers we have.",
            ),
            (
                "What were the most common problems people brought?",
                "Forgotten passwords, by a mile. Then uploading a CV from a phone, then online application forms that time out.",
            ),
        ],
    },
    {
        "organisation": "Lantern Digital Inclusion CIC",
        "author": "sam.patel",
        "title": "One session to set up an email address, a job site account and a way to remember passwords",
        "summary": "Participants without an email address couldn't start job search online, and many who had one couldn't get into it. A single structured session got everyone set up with an email, a job site account and a way to remember their passwords.",
        "body": """
            The forgotten password is the biggest barrier to online job search we see. So we built a one-hour session that ends with three things working: an email account the person can get into, a job site account, and a way of keeping passwords safe that suits them, from a password manager to a notebook kept at home.
        """,
        "delivery_approach": "A structured one-hour one-to-one session, delivered as part of our subcontract.",
        "provision": "specialist",
        "partners": "Meridian Work Solutions referred participants.",
        "what_was_done": """
            - Set up or recovered an email account.
            - Created a job site account and saved one search.
            - Agreed a way to keep passwords safe.
            - Checked the person could log in again unaided at the next appointment.
        """,
        "outcomes": "180 participants; 42 started work and 30 reached a job outcome.",
        "figures": (180, 42, 30),
        "lessons": "Check they can log in again a week later. Half the value is in that second check.",
        "period": ("2016-02", "2017-01"),
        "groups": ["jsa-25", "esa-ex-incapacity-benefit"],
        "barriers": ["digital-skills"],
        "stages": ["programme-engagement"],
        "areas": ["CPA4"],
        "tags": ["digital skills", "email"],
        "comments": [
            (
                "A notebook at home is a perfectly good password manager for some people. Glad you said so.",
            ),
        ],
    },
    {
        "organisation": "Lantern Digital Inclusion CIC",
        "author": "sam.patel",
        "title": "Pairing older jobseekers with young digital volunteers",
        "summary": "Older jobseekers struggling with online applications were paired with young volunteers, some of them jobseekers themselves. Both sides gained: the older participants got help and the young volunteers got a reference and confidence.",
        "body": """
            We paired people over 50 who were stuck with online applications with volunteers aged 18 to 24, some of them on the programme themselves. Pairs met weekly for six weeks in the library.

            The older participants got patient, practical help. The young volunteers got experience, a reference and, in several cases, a realisation that they were good at explaining things. A couple of the pairs became friends.
        """,
        "delivery_approach": "Weekly one-to-one pairings in the library for six weeks, with a trainer on hand.",
        "provision": "specialist",
        "partners": "Eastside Futures recruited young volunteers; Meridian Work Solutions referred older participants.",
        "what_was_done": """
            - Recruited and briefed young volunteers.
            - Matched pairs by availability and interests.
            - Kept a trainer in the room for tricky problems.
        """,
        "outcomes": "64 older participants; 21 started work and 15 reached a job outcome. Nine of the young volunteers also found work during the period.",
        "figures": (64, 21, 15),
        "lessons": "Brief the young volunteers on patience and on not taking over the mouse.",
        "period": ("2023-09", "2024-08"),
        "groups": ["jsa-25", "jsa-ex-incapacity-benefit"],
        "barriers": ["age", "digital-skills"],
        "stages": ["pre-work-support"],
        "areas": ["CPA4"],
        "tags": ["digital skills", "over 50s", "volunteering"],
        "comments": [
            ("'Not taking over the mouse' is a rule for all of us.",),
            (
                "@rosa.lindqvist Some of our young people said this was the first time they felt useful in months.",
                "That was the best part for us too.",
            ),
        ],
    },
    {
        "organisation": "Lantern Digital Inclusion CIC",
        "author": "sam.patel",
        "title": "Lending tablets to participants with no device at home",
        "summary": "Draft: a tablet loan scheme for participants with no device. Write-up to follow once the first loans come back.",
        "body": """
            We're lending tablets with data for three months to participants who have no device at home.
        """,
        "delivery_approach": "Three-month tablet loans with data and a setup session.",
        "provision": "specialist",
        "partners": "",
        "what_was_done": """
            - Bought twenty tablets with a small grant.
            - Wrote a simple loan agreement.
        """,
        "outcomes": "Not yet known.",
        "figures": None,
        "lessons": "To follow.",
        "period": ("2026-06", None),
        "groups": ["new-esa-claimants", "jsa-25"],
        "barriers": ["digital-skills", "debt-and-money"],
        "stages": ["programme-engagement"],
        "areas": ["CPA4"],
        "tags": ["digital skills", "devices"],
        "draft": True,
    },
]

# The showcase page ---------------------------------------------------------------------------

SHOWCASE_INTRO = (
    "Good practice picked out by the hub's moderators from members' case studies, in the three "
    "areas the Building Best Practice report asked to be showcased: voluntary and community "
    "sector organisations delivering the programme, complementary provision outside supply "
    "chains, and specialist organisations speaking up for a group of claimants. Every "
    "organisation, person and figure in this demonstration is fictional."
)

SHOWCASE_TEXTS = {
    "vcs_delivery_text": (
        "<p>Voluntary and community sector organisations bring things to a supply chain that are "
        "hard to buy: volunteers with lived experience, the trust of communities that avoid "
        "official services, and a long memory of what works for the people they serve.</p>"
        "<p>Delivering under payment by results is a real risk for a small charity, which carries "
        "months of delivery costs before any outcome payment arrives. These case studies show how "
        "some organisations have made it work, and what they and their primes changed along the "
        "way.</p>"
        "<p>If you are a charity thinking of bidding for a subcontract, read them alongside the "
        '<a href="/toolkits/">toolkits</a> on financial modelling and tendering.</p>'
    ),
    "complementary_text": (
        "<p>Much of the help that gets people into work is not paid for by any programme "
        "contract. Councils, charitable trusts, housing associations and community funds pay for "
        "housing advice, digital skills, support in prison and much else, and the best of it is "
        "open to every participant, whichever provider they are with.</p>"
        "<p>This provision works alongside supply chains rather than inside them. Because nobody "
        "is paid per referral, nobody has to ask whose participant someone is. These case studies "
        "show providers and complementary services working together without a contract between "
        "them.</p>"
    ),
    "advocacy_text": (
        "<p>Some organisations exist to speak up for a group of people: carers, people with mental "
        "health conditions, people with convictions, claimants with long-term health conditions. "
        "They know what the programme looks like from the participant's side, and they can say "
        "things a provider cannot.</p>"
        "<p>These case studies show specialist organisations using that knowledge to change "
        "practice: training advisers across a supply chain, winning practical commitments from "
        "employers, and bringing participants' own voices to the primes, then holding the primes "
        "to a written response.</p>"
    ),
}

SHOWCASE_KIND_ORDER = ("vcs_delivery", "complementary", "advocacy")

# Seeding ---------------------------------------------------------------------------------------

RANDOM_SEED = 2026
PUBLISHED_OVER_DAYS = 725  # published dates spread over the last two years


def _text(value: str) -> str:
    return textwrap.dedent(value).strip()


def _month(value: str | None) -> date | None:
    if not value:
        return None
    year, month = value.split("-")
    return date(int(year), int(month), 1)


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


class _Seeder:
    """One run of the seed: looks everything up once, then creates only what is missing."""

    def __init__(self, stdout=None):
        from cases.casestudies.models import CaseStudy
        from hub.base.models import (
            Area,
            Barrier,
            ClaimantGroup,
            JourneyStage,
            Membership,
            Organisation,
        )

        self.stdout = stdout
        self.now = timezone.now()
        self.rng = random.Random(RANDOM_SEED)
        self.CaseStudy = CaseStudy
        self.organisations = {o.name: o for o in Organisation.objects.all()}
        self.terms = {
            "groups": {t.slug: t for t in ClaimantGroup.objects.all()},
            "barriers": {t.slug: t for t in Barrier.objects.all()},
            "stages": {t.slug: t for t in JourneyStage.objects.all()},
            "areas": {t.code: t for t in Area.objects.exclude(code="")},
        }
        # Approved members, by organisation and overall, in a stable order; one User instance
        # per person, so the permission checks' per-user cache is filled once.
        self.members_by_org: dict[int, list] = {}
        self.orgs_of_user: dict[int, set[int]] = {}
        users = {}
        memberships = (
            Membership.objects.filter(status=Membership.Status.APPROVED, user__is_active=True)
            .select_related("user")
            .order_by("user__username", "organisation_id")
        )
        for membership in memberships:
            user = users.setdefault(membership.user_id, membership.user)
            self.members_by_org.setdefault(membership.organisation_id, []).append(user)
            self.orgs_of_user.setdefault(user.pk, set()).add(membership.organisation_id)
        self.members = sorted(users.values(), key=lambda u: u.username)
        self.by_username = {u.username: u for u in self.members}
        self.authored: dict[int, int] = {}
        self.counts = {"created": 0, "ratings": 0, "comments": 0}

    # Who ---------------------------------------------------------------------------------

    def _organisation_and_author(self, spec):
        """The case study's organisation and an approved member of it as the author; if it has
        no approved member, the next demo organisation (in the demo's order) that has one."""
        names = [row[0] for row in hub_content.ORGANISATIONS]
        start = names.index(spec["organisation"]) if spec["organisation"] in names else 0
        for name in names[start:] + names[:start]:
            organisation = self.organisations.get(name)
            members = self.members_by_org.get(organisation.pk, []) if organisation else []
            if not members:
                continue
            turn = self.authored.get(organisation.pk, 0)
            self.authored[organisation.pk] = turn + 1
            preferred = [m for m in members if m.username == spec.get("author")]
            return organisation, preferred[0] if preferred else members[turn % len(members)]
        return None, None

    def _others(self, case_study) -> list:
        """Approved members outside the case study's organisation: who may rate it."""
        return [
            u
            for u in self.members
            if case_study.organisation_id not in self.orgs_of_user[u.pk]
            and u.pk != case_study.author_id
        ]

    # What ----------------------------------------------------------------------------------

    def _data(self, spec) -> dict:
        def terms(kind, keys):
            found = self.terms[kind]
            missing = [k for k in keys if k not in found]
            if missing:
                raise ValueError(f"Demo case study {spec['title']!r}: unknown {kind} {missing}")
            return [found[k] for k in keys]

        participants, job_starts, job_outcomes = spec.get("figures") or (None, None, None)
        start, end = spec["period"]
        return {
            "title": spec["title"],
            "summary": spec["summary"],
            "body": _text(spec["body"]),
            "delivery_approach": spec["delivery_approach"],
            "provision": spec["provision"],
            "partners": spec.get("partners", ""),
            "what_was_done": _text(spec["what_was_done"]),
            "outcomes": _text(spec["outcomes"]),
            "participants": participants,
            "job_starts": job_starts,
            "job_outcomes": job_outcomes,
            "lessons": _text(spec["lessons"]),
            "period_start": _month(start),
            "period_end": _month(end),
            "claimant_groups": terms("groups", spec["groups"]),
            "barriers": terms("barriers", spec["barriers"]),
            "journey_stages": terms("stages", spec["stages"]),
            "areas": terms("areas", spec["areas"]),
            "tags": list(spec["tags"]),
        }

    def _published_at(self, spec, rank: int, total: int, rng: random.Random) -> datetime:
        """A date in the last two years (rank 0 newest), never before the practice could have
        been written up, at a plausible time of a working day."""
        days_ago = 2 + rank * PUBLISHED_OVER_DAYS / max(total - 1, 1) + rng.uniform(0, 4)
        day = (self.now - timedelta(days=days_ago)).date()
        start, end = _month(spec["period"][0]), _month(spec["period"][1])
        earliest = (end + timedelta(days=45)) if end else (start + timedelta(days=75))
        latest = (self.now - timedelta(days=1)).date()
        day = min(max(day, earliest), latest)
        at = time(hour=rng.randint(8, 17), minute=rng.randint(0, 59))
        return timezone.make_aware(datetime.combine(day, at))

    def case_study(self, spec, rank: int, total: int, rng: random.Random):
        from cases.casestudies import services
        from cases.casestudies.models import CaseStudyRevision

        # Draw every random number first, so each run consumes the same stream whatever exists.
        published_at = self._published_at(spec, rank, total, rng)
        draft_age = timedelta(days=rng.randint(3, 20))
        written_before = timedelta(days=rng.randint(0, 6), hours=rng.randint(1, 8))
        existing = self.CaseStudy.objects.filter(title=spec["title"]).first()
        if existing is not None:
            return existing
        organisation, author = self._organisation_and_author(spec)
        if author is None:
            _say(self.stdout, f"Skipped {spec['title']!r}: no organisation has an approved member.")
            return None
        draft = bool(spec.get("draft"))
        case_study = services.case_study_create(
            author=author, organisation=organisation, data=self._data(spec), publish=not draft
        )
        when = (self.now - draft_age) if draft else published_at
        self.CaseStudy.objects.filter(pk=case_study.pk).update(
            published_at=None if draft else when,
            created_at=when - written_before,
            updated_at=when,
        )
        CaseStudyRevision.objects.filter(case_study=case_study).update(created_at=when)
        case_study.refresh_from_db()
        self.counts["created"] += 1
        return case_study

    # How members responded ----------------------------------------------------------------

    def _scores(self, spec, others, rng: random.Random) -> list[tuple]:
        plan = spec.get("ratings")
        if plan == "single":
            return [(rng.choice(others), 5)] if others else []
        if plan == "popular":
            raters = rng.sample(others, len(others))
            fives = round(len(raters) * 0.6)
            return [(user, 5 if i < fives else 4) for i, user in enumerate(raters)]
        featured = "showcase" in spec
        if not featured and rng.random() < 0.12:
            count = 0
        else:  # mostly a handful, now and then a crowd
            count = min(25, 1 + int(rng.expovariate(1 / 7)))
            if featured:
                count = max(count, 8)
        count = min(count, len(others))
        target = rng.uniform(4.1, 4.7) if featured else rng.uniform(2.6, 4.6)
        raters = rng.sample(others, count)
        return [(user, self._score(target, rng)) for user in raters]

    @staticmethod
    def _score(target: float, rng: random.Random) -> int:
        """A 1-5 score whose expected value is about `target`, with the odd outlier."""
        low = int(target)
        score = low + (1 if rng.random() < target - low else 0)
        if rng.random() < 0.12:
            score += rng.choice((-1, 1))
        return min(5, max(1, score))

    def ratings(self, spec, case_study, rng: random.Random) -> None:
        from cases.casestudies import services
        from cases.casestudies.models import Rating

        plan = self._scores(spec, self._others(case_study), rng)
        if not case_study.is_published:
            return
        rated = set(Rating.objects.filter(case_study=case_study).values_list("user_id", flat=True))
        for user, score in plan:
            if user.pk not in rated:
                services.rating_set(user=user, case_study=case_study, score=score)
                self.counts["ratings"] += 1

    def comments(self, spec, case_study, rng: random.Random) -> None:
        from cases.casestudies import services
        from cases.casestudies.models import Comment

        others = self._others(case_study) or self.members
        author = case_study.author
        threads = [(t,) if isinstance(t, str) else tuple(t) for t in spec.get("comments", [])]
        published_at = case_study.published_at or self.now
        span = max((self.now - published_at).total_seconds(), 3600)
        for number, thread in enumerate(threads):
            first_poster = None
            parent = None
            when = published_at + timedelta(
                seconds=span * (number + rng.uniform(0.3, 0.9)) / (len(threads) + 1)
            )
            for position, raw in enumerate(thread):
                poster, body = None, raw
                if raw.startswith("@"):
                    username, _, body = raw[1:].partition(" ")
                    poster = self.by_username.get(username)
                if poster is None:
                    if position == 0:
                        poster = rng.choice(others)
                    else:
                        poster = author if position % 2 else first_poster
                if position == 0:
                    first_poster = poster
                else:
                    when += timedelta(hours=rng.uniform(1, 30))
                body = body.strip()
                when = min(when, self.now - timedelta(minutes=5))
                if not case_study.is_published:
                    continue
                comment = Comment.objects.filter(
                    case_study=case_study, author=poster, body=body
                ).first()
                if comment is None:
                    comment = services.comment_create(
                        author=poster, case_study=case_study, body=body, parent=parent
                    )
                    Comment.objects.filter(pk=comment.pk).update(created_at=when)
                    self.counts["comments"] += 1
                if position == 0:
                    parent = comment

    # The showcase --------------------------------------------------------------------------

    def showcase(self, case_studies: dict[str, object]) -> str:
        from hub.base.models import User
        from hub.site.pages import ContentPage, HomePage
        from hub.site.showcase.models import ShowcaseFeature, ShowcasePage

        page = ShowcasePage.objects.first()
        created = False
        if page is None:
            home = HomePage.objects.first()
            if home is None:
                return "no home page, so no showcase"
            placeholder = home.get_children().filter(slug="showcase").first()
            if placeholder is not None:
                if not isinstance(placeholder.specific, ContentPage):
                    return "a page other than a showcase already uses /showcase/; left alone"
                placeholder.specific.delete()
                _say(self.stdout, "Replaced the 'coming soon' showcase placeholder page.")
                home.refresh_from_db()
            page = home.add_child(
                instance=ShowcasePage(
                    title="Showcase", slug="showcase", intro=SHOWCASE_INTRO, **SHOWCASE_TEXTS
                )
            )
            created = True
        if created or (not page.features.exists() and not page.has_unpublished_changes):
            moderator = User.objects.filter(username="moderator").first()
            chosen = [
                (SHOWCASE_KIND_ORDER.index(spec["showcase"][0]), index, spec)
                for index, spec in enumerate(CASE_STUDIES)
                if "showcase" in spec
            ]
            for order, (_, _, spec) in enumerate(sorted(chosen, key=lambda c: c[:2])):
                case_study = case_studies.get(spec["title"])
                if case_study is None or not case_study.is_published:
                    continue
                kind, note = spec["showcase"]
                page.features.add(
                    ShowcaseFeature(
                        case_study=case_study,
                        kind=kind,
                        note=note,
                        featured_by=moderator,
                        sort_order=order,
                    )
                )
            page.save_revision(user=moderator).publish(user=moderator)
        showcase_services.featured_sync()
        return f"showcase {'created' if created else 'kept'} with {page.features.count()} featured"

    # All of it -----------------------------------------------------------------------------

    def run(self) -> str:
        total = len(CASE_STUDIES)
        ranks = list(range(total))
        self.rng.shuffle(ranks)  # publication order, newest first, independent of list order
        case_studies = {}
        for spec, rank in zip(CASE_STUDIES, ranks, strict=True):
            rng = random.Random(self.rng.getrandbits(64))  # one stream per case study
            case_study = self.case_study(spec, rank, total, rng)
            if case_study is None:
                continue
            case_studies[spec["title"]] = case_study
            self.ratings(spec, case_study, rng)
            self.comments(spec, case_study, rng)
        showcase = self.showcase(case_studies)
        published = sum(1 for c in case_studies.values() if c.is_published)
        return (
            f"Demo case studies: {len(case_studies)} ({published} published, "
            f"{self.counts['created']} new); {self.counts['ratings']} ratings and "
            f"{self.counts['comments']} comments added; {showcase}."
        )


def seed(stdout=None) -> str:
    """Create the demo case studies, their ratings and comments, and the showcase, where they
    are missing. Returns a one-line summary; notes anything unusual to `stdout`, if given.

    Needs the demo organisations and members (``manage.py seed_demo`` runs it after making
    them). The services make their usual in-app notifications for authors, but no emails.
    """
    with notifications.emails_muted(), transaction.atomic():
        return _Seeder(stdout).run()
