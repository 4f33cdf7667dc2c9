"""Fictional demo forum: categories, about two hundred threads and two thousand posts.

Every person, organisation, place detail and figure in these threads is invented for the hub's
demo content; none of it reports a real provider's practice or a real programme result. The
posts are written in the voice of front-line advisers, managers at primes and subcontractors,
small charities and Jobcentre staff, so the forum's lists, threads, search, solutions, quotes,
mentions and "helpful" counts have something true-to-life to show.

The bulk is put together from hand-written fragments: every thread has its own title and
opening, and the replies are drawn from points written for its topic, with openers, quotes,
mentions, questions back and answers around them, by a generator seeded with 2026, so each run
writes the same forum (only the dates move with today's date).

``seed()`` is idempotent: categories are matched by slug and never changed once made, and
threads are only written when the demo categories hold no thread by a demo person yet.
Posts are written in bulk, then every stored counter is set from the rows written.
"""

# ruff: noqa: E501  -- prose reads better unwrapped

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from hub.base import notifications
from hub.site.demo import content as hub_content

RANDOM_SEED = 2026
SPAN_DAYS = 540  # threads start over the last eighteen months
MEMBERS_JOINED_DAYS = 730  # demo people "joined" about two years ago, before their first post

# Categories ------------------------------------------------------------------------------------

# (slug, name, description, read_access, claimant groups its threads talk about)
CATEGORIES = [
    (
        "esa-and-health-conditions",
        "ESA and health conditions",
        "Supporting people on Employment and Support Allowance and others with health conditions: fluctuating conditions, mental health, adjustments, Access to Work and working alongside health services.",
        "everyone",
        ["new ESA claimants", "ESA ex-incapacity benefit claimants", "ESA volunteers"],
    ),
    (
        "young-people",
        "Young people",
        "Working with young jobseekers, mostly JSA 18-24: engagement, first jobs, apprenticeships, care leavers, sanctions conversations and young people who have been through several schemes already.",
        "everyone",
        ["JSA 18-24 participants", "young people on JSA", "18-24s"],
    ),
    (
        "in-work-support",
        "In-work support",
        "Helping people stay and get on in work: the first fortnight, childcare, travel, money worries in the move from benefits to wages, employers and progression.",
        "everyone",
        ["JSA 25+ participants", "new ESA claimants", "lone parents", "JSA 18-24 participants"],
    ),
    (
        "supply-chain-and-contracting",
        "Supply chain and contracting",
        "Commercial conversations for signed-in members: subcontracts, referral volumes, payment-by-results cash flow, management fees, the Merlin Standard and tendering. Talk about practice, not about named organisations.",
        "members",
        ["JSA 25+", "new ESA claimants", "ESA ex-IB"],
    ),
    (
        "data-and-performance",
        "Data and performance",
        "Management information and data returns: referrals, attachment rates, job starts, job outcome evidence, performance against profile, benchmarking and Customer Service Standards measures.",
        "everyone",
        ["JSA 25+", "new ESA claimants", "JSA 18-24", "ESA ex-IB"],
    ),
    (
        "vcs-partnerships",
        "VCS partnerships",
        "For voluntary and community sector organisations working in or alongside employment programmes: partnerships with primes, complementary provision, volunteering, funding and having a say.",
        "everyone",
        ["carers", "people with convictions", "ESA claimants", "older jobseekers"],
    ),
    (
        "prison-leavers-and-offending",
        "Prison leavers and offending",
        "Supporting people with convictions into work: through-the-gate support, ID and bank accounts, disclosure, licence conditions, mentoring and employers.",
        "everyone",
        ["prison leavers", "JSA prison leavers", "people on licence"],
    ),
    (
        "hub-help-and-feedback",
        "Hub help and feedback",
        "Questions about using the hub, ideas for making it better, and reports of anything that does not work. Moderators read every thread here.",
        "everyone",
        ["participants"],
    ),
]

# Pinned welcome threads by the moderator, one in some categories: (category slug, title, body).
WELCOME = [
    (
        "esa-and-health-conditions",
        "Welcome: what this category is for",
        "Welcome to the ESA and health conditions category.\n\nThis is the place to talk about supporting people whose health affects their work: fluctuating conditions, mental health, pain, fatigue, adjustments at work, Access to Work, and how we work with GPs, talking therapies and specialist providers.\n\nA few things to keep in mind:\n\n- **Never post anything that could identify a participant.** Change details, leave out ages, places and unusual jobs.\n- **Be careful with benefit advice.** Say what worked for you and point people to a welfare rights adviser for anything specific.\n- **Share what didn't work, too.** It is often the most useful part.\n\nIf you have written up something that worked, a case study on the hub is the best home for it; link to it from here and people can discuss it.",
    ),
    (
        "young-people",
        "Welcome: what this category is for",
        "Welcome to the Young people category: for anyone working with young jobseekers, mostly JSA 18-24.\n\nEngagement, first jobs, apprenticeships, care leavers, sofa-surfing, sanctions conversations, getting employers to give someone a chance: all welcome here.\n\nPlease keep participants anonymous, and remember that young people in small towns are easy to recognise from a couple of details. If in doubt, leave it out.",
    ),
    (
        "supply-chain-and-contracting",
        "Welcome: what this category is for (members only)",
        'This category is only visible to signed-in members, so people can talk frankly about subcontracts, volumes, cash flow, fees and the Merlin Standard.\n\nThe ground rules:\n\n1. **Talk about practice, not about named organisations.** "Our prime holds outcome payments for 90 days" is useful. Naming and shaming is not, and we will hide it.\n2. **Nothing commercially confidential.** Ranges and rough figures are fine; someone else\'s contract terms are not yours to share.\n3. **If you have a complaint about a prime or a subcontractor**, the Code of Conduct and Merlin processes exist for that. We are happy to point you to them.\n\nPrimes and subcontractors both read this category. Most threads work best when both sides join in.',
    ),
    (
        "data-and-performance",
        "Welcome: what this category is for",
        "Welcome to Data and performance: for everyone who wrestles with monthly returns, attachment rates, job outcome evidence and performance against profile.\n\nWhen you compare figures, please say how you calculated them (what counts as a referral, an attachment, a start) and over what period. Most disagreements in this category turn out to be about definitions.\n\nThe performance database on the hub is the place for standardised figures; this is the place to talk about them.",
    ),
    (
        "hub-help-and-feedback",
        "Welcome: how to get help with the hub",
        "This is the place to ask how to do something on the hub, suggest an improvement or tell us something is broken.\n\nWhen reporting a problem, it helps to say:\n\n- what you were trying to do,\n- what happened instead,\n- which browser and device you were using, and any assistive technology.\n\nModerators read every thread here and reply as soon as we can, usually within a working day. If your question is about your organisation's membership, your organisation admin may be able to help faster.",
    ),
]

# Replies to a welcome: (text, words of which one must be in the welcome, if any).
WELCOME_REPLIES = [
    (
        "Thanks for setting this up. It's good to have somewhere to ask questions outside our own supply chain.",
        (),
    ),
    (
        "Really pleased to see this. We've been talking about exactly these issues in our team for months.",
        (),
    ),
    ("Thanks, Morgan. Clear and sensible rules.", ("keep in mind", "ground rules")),
    ("Looking forward to this. Our advisers have a lot to share and nowhere to share it.", ()),
    (
        "Good to have the reminder about anonymising. It's easy to forget how recognisable people are in a small town.",
        ("anonymous", "identify"),
    ),
    ("Thanks for this. I've shared the link with the rest of our team.", ()),
    ("Great to have this space. Hello from the North East!", ()),
    (
        "A welcome and some ground rules is exactly right. Thank you.",
        ("keep in mind", "ground rules"),
    ),
    (
        "Thanks. I'd encourage everyone to post the things that didn't work, as the welcome says. That's where I've learnt most.",
        ("didn't work",),
    ),
    ("Thanks, Morgan. Useful to know how to report problems.", ("reporting a problem",)),
]

LOCK_NOTE = "I'm locking this thread now. It has been a useful discussion and thank you all for keeping it about practice, but the last few posts are starting to go round in circles, and anything about one particular contract is better raised through the Code of Conduct or Merlin processes than here. Please start a new thread if you want to pick up a specific question."

# Fragments used in every category -------------------------------------------------------------

INTROS = [
    "I'm {a_job} at {org}.",
    "For context, I'm {a_job} at {org}.",
    "{Job} at {org} here.",
    "Bit of background: I work at {org} as {a_job}.",
    "Hello all. I'm {a_job} at {org}.",
]

ASKS = [
    "Has anyone found a way round this?",
    "What's worked for you?",
    "Any advice gratefully received.",
    "I'd really appreciate hearing how others handle it.",
    "Is it just us, or is everyone seeing this?",
    "Grateful for any pointers, even partial ones.",
    "How do other people deal with this?",
    "What would you do?",
    "If you've cracked this, I'd love to hear how.",
    "Any ideas? I'm running out of my own.",
    "Does anyone have a process that works?",
    "All suggestions welcome.",
]

DISCUSS = [
    "Interested to hear how others approach it.",
    "Would be good to compare notes.",
    "Curious whether this matches what others are seeing.",
    "I'd value other people's views on this.",
    "Keen to hear different perspectives, especially from other parts of the supply chain.",
    "Thoughts welcome.",
    "Would love to hear what others make of it.",
    "Posting in case it's useful, and to hear what others think.",
]

CASE_STUDY_LINES = [
    "There's a case study on the hub that's close to this, “{title}”, which is partly what got me thinking.",
    "I read “{title}” on the hub and wondered whether anyone else has tried something similar.",
    "For reference, the case study “{title}” on the hub covers some of this.",
    "The case study “{title}” made me think we could do better here.",
]

OPENERS = [
    "We had exactly this problem last year.",
    "Same here, for what it's worth.",
    "This is something we've worked on a lot.",
    "A couple of thoughts from our side.",
    "We've been through something similar.",
    "Here's one thing that helped us.",
    "For what it's worth, here's what worked for us.",
    "Really good question.",
    "We've tried a few things over the last year.",
    "Not a complete answer, but it might help.",
    "This comes up in our team meetings every month.",
    "We've made some progress on this.",
    "Speaking from experience here.",
]

# Only for a reply after several others.
LATER_OPENERS = [
    "I'd echo what others have said, and add one thing.",
    "Lots of good advice above. One more from us.",
    "Late to this thread, but in case it's useful.",
]

KIND_OPENERS = {
    "prime": ["For what it's worth, this is the view from a prime.", "Speaking as a prime here."],
    "end_to_end": [
        "From an end-to-end subcontractor's point of view, this is what we've found.",
        "On the delivery side, this is what's worked for us.",
    ],
    "specialist": [
        "From a specialist provider's point of view, one thing.",
        "Speaking as a spot provider here.",
    ],
    "vcs": [
        "Speaking as a very small charity here.",
        "From a small charity's point of view, this.",
    ],
    "jcp": ["From the Jobcentre side, for what it's worth.", "A view from the Jobcentre."],
    "advocacy": ["Our members tell us much the same.", "This comes up a lot with our members."],
    "other": ["From a community interest company's point of view, this."],
}

CLOSERS = [
    "Happy to share our template if it helps.",
    "Hope that's useful.",
    "Good luck with it.",
    "Drop me a message if you'd like more detail.",
    "It's not perfect, but it's better than what we had.",
    "It took a few months to bed in, so stick with it.",
    "Happy to talk it through if you want to compare notes.",
    "Let us know how you get on.",
    "Your mileage may vary, of course.",
    "It's made a real difference for us.",
    "Worth a try, anyway.",
]

SHORT = [
    "Following this one. We're about to hit exactly the same problem.",
    "Really useful thread, thank you all.",
    "Bookmarking this.",
    "+1 to everything above.",
    "Same problem here, and no solution yet, sorry. But you're not alone.",
    "This is the kind of thread I joined the hub for.",
    "Watching with interest.",
    "Great question. We're in a very similar position.",
    "Thanks for starting this thread.",
    "Useful to know it isn't just us.",
    "Agree with all of this.",
    "Sharing this with our team. Thanks, all.",
    "Lots of good ideas here. Thank you.",
    "Really helpful, thanks for taking the time to write it up.",
    "Interested in this too. Our managers are asking the same question.",
    "We're seeing exactly the same thing.",
    "Good thread. I'll report back if we try any of this.",
    "Nothing to add except that it's reassuring to read this.",
    "Thank you. This is going in our team briefing.",
    "Very timely. We discussed this at our supply chain meeting yesterday.",
]

QUOTE_REACTIONS = [
    "This, absolutely.",
    "Strongly agree with this.",
    "This matches our experience exactly.",
    "Just to build on this:",
    "Agree, and I'd add one thing.",
    "This is the key point for me.",
    "Really important point.",
]

# Where a question back fits: delivery talk, commercial talk, or both.
DELIVERY_TALK = (
    "esa-and-health-conditions",
    "young-people",
    "in-work-support",
    "prison-leavers-and-offending",
)
BUSINESS_TALK = ("supply-chain-and-contracting", "data-and-performance", "vcs-partnerships")
ALL_TALK = DELIVERY_TALK + BUSINESS_TALK  # not hub help, where people ask about the site

# (a question back to the person who started the thread, their answer, where it fits)
QUESTIONS_BACK = [
    (
        "Out of interest, how many people are on your caseload at the moment?",
        "Around {caseload}, which doesn't help.",
        DELIVERY_TALK,
    ),
    (
        "Is this across all payment groups or mainly one?",
        "Mainly {group}, though we see it elsewhere too.",
        DELIVERY_TALK,
    ),
    (
        "Have you raised it with your contract manager yet?",
        "Informally, yes. I'm going to put it in writing this week.",
        BUSINESS_TALK,
    ),
    (
        "Does your Jobcentre know about this? They might be seeing the same thing with other providers.",
        "Good point. I'll raise it at our next partnership meeting.",
        DELIVERY_TALK,
    ),
    (
        "How long has this been going on?",
        "About {months} months, and it's getting worse rather than better.",
        ALL_TALK,
    ),
    (
        "Which area are you in? It might help to know who else is nearby.",
        "We're in {area}.",
        ALL_TALK,
    ),
    (
        "Have you got anything in the flexible fund for this?",
        "A little, but it's stretched thin by this point in the year.",
        DELIVERY_TALK,
    ),
    (
        "Is it spread across your advisers, or concentrated on a few caseloads?",
        "Fairly evenly spread, which suggests it isn't about any one adviser.",
        DELIVERY_TALK,
    ),
    (
        "Did anything change around the time it started?",
        "Now you mention it, we changed our appointment letters around then. I'll look into it.",
        DELIVERY_TALK,
    ),
    (
        "Is your manager on board with trying something different?",
        "Yes, as long as it doesn't cost much. Hence asking here first!",
        DELIVERY_TALK,
    ),
    (
        "Have you looked at the case studies on the hub for this?",
        "I've read a couple. Useful, but I wanted to hear from people doing it day to day.",
        ALL_TALK,
    ),
    (
        "Roughly what proportion of your caseload does this affect?",
        "I'd guess one in five, but I'm pulling the figures properly this week.",
        DELIVERY_TALK,
    ),
    (
        "Have your trustees seen the numbers yet?",
        "Not yet. That's partly why I'm asking: I want to go to them with options, not just a problem.",
        ("supply-chain-and-contracting", "vcs-partnerships"),
    ),
    (
        "Is this in your subcontract, or has it just grown up as custom and practice?",
        "Good question. I've just checked, and the subcontract says nothing either way.",
        ("supply-chain-and-contracting",),
    ),
]

OP_UPDATES = [
    "Thanks, everyone. Lots here I can use. I'm taking it to our team meeting next week.",
    "Really helpful, thank you. I hadn't thought about it that way.",
    "Thank you all. It's reassuring to know we're not the only ones.",
    "This is great, thank you. I've started a list of the suggestions to try.",
    "Thanks for all the replies. I'll post an update once we've had a go.",
    "Update for anyone who finds this later: we've changed our approach along the lines suggested above, and the first few weeks look better.",
]

# The starter asks someone who replied to say more, and they answer; (question, answers, the
# organisation kinds it may be asked of, or None for any).
SAY_MORE = [
    (
        "Thanks @{who}, that's useful. Could you say a bit more about how you set it up?",
        [
            "Happy to. The short version: start small, with one or two advisers, and expand once you can show it works.",
            "I'll send you a message with the details. It's easier to explain with our template in front of you.",
            "Honestly, it was messy for the first few weeks. We changed it twice before it settled down.",
        ],
        None,
    ),
    (
        "@{who} did you need sign-off from your prime for that?",
        [
            "Not formally. We told our contract manager and they were fine with it, but it's worth checking your own subcontract.",
            "We did, but it was a two-line email. Worth asking rather than assuming the answer is no.",
        ],
        ("end_to_end", "specialist", "vcs"),
    ),
    (
        "@{who} that's really interesting. How long did it take before you saw a difference?",
        [
            "Two or three months before it showed in the numbers, but advisers noticed sooner than that.",
            "Longer than we hoped. About six months before we were confident it wasn't a blip.",
        ],
        None,
    ),
    (
        "@{who} how did your team feel about it at first?",
        [
            "Some were sceptical. What won them over was seeing it work for one of their own participants.",
            "Mixed. The people who'd been doing it informally for years were relieved it was finally official.",
        ],
        None,
    ),
    (
        "Thanks @{who}, did it cost much to get going?",
        [
            "Very little. Mostly staff time, and a bit from the flexible fund.",
            "Less than you'd think. The biggest cost was time spent setting it up.",
        ],
        None,
    ),
]

# What the starter of a thread in hub help says when others have answered.
HUB_THANKS = [
    "Thanks, that's really helpful.",
    "Great, thank you all.",
    "Thanks for the quick replies.",
]

THANKS_SOLUTION = [
    "Thanks @{who}, that's exactly what I needed. Marking this as the solution.",
    "This is the answer. Thank you, @{who}, trying it this week.",
    "@{who} that's sorted it. Thank you!",
    "That's really clear, thanks @{who}, and I'll mark it as the answer so others can find it.",
    "Perfect, thank you @{who}! Just what I was looking for.",
]

MENTION_INVITES = [
    "@{who} might be able to help here. I think {org} has done a lot of this.",
    "Tagging @{who}, who I think has dealt with exactly this.",
    "I think @{who} had this problem last year? Worth asking.",
    "@{who} talked about something similar at a 'What Works' session. Any thoughts?",
    "Not my area, but @{who} will know more than me.",
]

TAG_THANKS = [
    "Thanks for the tag, @{tagger}!",
    "Thanks @{tagger}, happy to help.",
    "Yes, we did.",
    "Happy to chip in.",
]

# Said in many threads, whatever the topic: used when a long thread runs out of its own points.
GENERAL_POINTS = [
    "The biggest single change for us was keeping the same adviser with a participant from start to finish. Every handover loses something.",
    "Write it down and share it across the supply chain. We've lost good practice more than once because it only lived in one adviser's head.",
    "Try it with a small group first and measure it properly. It's much easier to get your prime to fund something when you can show the numbers.",
    "Ask the participants. We spent months designing something, and a fifteen-minute conversation with three participants would have told us the answer.",
    "Whatever you do, check it against your service standards. If it makes the first appointment harder to get, it probably isn't worth it.",
    "Our local 'What Works' workshop was the best place to test ideas like this. Advisers from other providers had tried most of them already.",
    "Don't underestimate the flexible fund. Small amounts spent at the right moment have saved more jobs for us than anything else.",
    "Get your Jobcentre partnership manager involved early. They see patterns across all the providers in the area that none of us can see alone.",
    "We put a short note on this in our weekly team briefing, and it changed practice more than any training session did.",
    "Record it in your MI from day one, even crudely. You'll want the numbers in six months and you won't be able to reconstruct them.",
    "It's worth reading the case studies on the hub about this. Several providers have written up what they tried, including what didn't work.",
    "Be honest with participants about what you can offer. Overpromising does more damage than saying 'I don't know, but I'll find out'.",
    "Time is the real constraint. Anything that takes advisers away from participants has to earn its place.",
    "It helped to name one person in the team as the lead on this, so advisers knew who to ask.",
    "A short, shared list of local contacts, kept up to date, has saved our advisers hours of searching.",
    "Think about what happens when it goes wrong, not just when it goes right. The participants we lose are usually the ones we didn't plan for.",
    "Small changes to letters and texts made a surprising difference for us: plain English, the adviser's name and a direct phone number.",
    "If it works, tell your prime, and tell other providers. We're all better off when good practice spreads.",
]

# Places each demo organisation's people talk about (real towns; the organisations are not real).
ORGANISATION_PLACES = {
    "Northgate Employment Partnership": ["Sunderland", "Middlesbrough", "Gateshead"],
    "Meridian Work Solutions": ["Hackney", "Newham", "Croydon"],
    "Riverside Pathways": ["South Shields", "North Shields", "Jarrow"],
    "Harbour Lights Training": ["Whitby", "Scarborough", "Redcar"],
    "Eastside Futures": ["Newham", "Tower Hamlets", "Barking"],
    "Clearview Mental Health Employment Service": ["Gateshead", "Hackney"],
    "Keystone Housing and Debt Advice": ["Lambeth", "Croydon"],
    "Second Chance Community Trust": ["Hartlepool", "Stockton"],
    "Open Door Carers' Network": ["Durham", "Washington"],
    "Wearside Jobcentre Plus Office": ["Sunderland"],
    "Employment Providers' Forum North": ["the North East"],
    "Lantern Digital Inclusion CIC": ["Tower Hamlets", "Newham"],
}

# Slots a title, opening or answer can use; each thread draws its own values once.
NUMBER_SLOTS = {
    "weeks": (8, 18),
    "months": (3, 8),
    "caseload": (75, 130),
    "attach_pct": (58, 74),
    "drop_pct": (20, 40),
    "fee_pct": (12, 22),
    "pbr_pct": (60, 80),
    "survey_pct": (7, 14),
    "behind_pct": (15, 30),
    "noshow_pct": (30, 45),
    "n": (40, 110),
    "days": (3, 5),
}
SECTORS = ["warehouse", "hospitality", "care", "retail", "logistics", "construction"]

# Topics ----------------------------------------------------------------------------------------
# Each topic: its threads (a title and the opening it starts with, written together), a few
# context paragraphs that fit any of its threads, the points replies make (some only from a
# kind of organisation, or from a moderator), whether its threads are usually questions, tags,
# who starts them (organisation kinds; None for anyone), and a demo case study (a title
# fragment) to link from its first thread.


def _t(title: str, hook: str, **opts) -> dict:
    return {"title": title, "hook": hook, **opts}


def _p(text: str, *kinds: str) -> tuple[str, tuple[str, ...]]:
    return (text, kinds)


FRONT_LINE = ("prime", "end_to_end", "specialist", "vcs")
DELIVERY = ("end_to_end", "specialist", "vcs")
SMALL = ("vcs", "specialist")

TOPICS: dict[str, list[dict]] = {
    "esa-and-health-conditions": [
        {
            "threads": [
                _t(
                    "Action plans for people whose condition changes week to week",
                    "A lot of my {group} have conditions that flare up without warning: MS, Crohn's, fibromyalgia, long-term fatigue. We agree an action plan, they have a bad fortnight, miss two appointments, and by the time I see them again the plan reads like a list of failures.",
                ),
                _t(
                    "Fluctuating conditions: how do you set goals that survive a bad week?",
                    "Three people this month have told me they feel they're 'letting me down' because a flare-up stopped them doing what we agreed. That's the opposite of what I want the plan to do.",
                ),
                _t(
                    "Good days and bad days: planning job search around a fluctuating condition",
                    "One of my participants can manage a full day's job search on a good day and can't get out of bed on a bad one, and she can't predict which it will be. Our standard weekly plan just doesn't fit her.",
                ),
                _t(
                    "Keeping momentum when appointments keep being cancelled for health reasons",
                    "I've had {caseload} on my caseload this quarter and the cancellations from people with health conditions are the thing I can't plan around. Every time we rebook, we lose a couple of weeks and some of the momentum.",
                ),
            ],
            "contexts": [
                "Our action plan template assumes steady progress from one week to the next, and for someone whose energy varies from day to day it sets them up to fail.",
                "I don't want to record every missed appointment as non-attendance when the reason is a flare-up, but I also need the plan to mean something.",
            ],
            "points": [
                "We stopped writing weekly targets for people with fluctuating conditions and moved to a menu: three or four small things they can pick from on a good day, and one 'minimum' thing for a bad day, usually just a text to say how they are. Missed appointments dropped noticeably.",
                "Ask about the pattern rather than the diagnosis. Most people know roughly how their condition behaves (mornings are bad, or the day after exertion is bad) and you can book appointments around that.",
                "Phone check-ins on bad weeks have made a big difference for us. Ten minutes, no agenda except 'how are you doing'. It keeps the relationship going without making them come in.",
                "Make sure the plan is written in their words. If it says 'apply for five jobs' they'll measure themselves against it; if it says 'look at part-time shifts when I'm feeling up to it' it stays theirs.",
                "Condition management courses run by the local NHS trust are worth a referral if there's one near you. Ours runs six weeks on pacing, and participants who did it came back with a much better sense of what they could sustain.",
                "We agreed with our Jobcentre that a text in advance counts as rearranging rather than a missed appointment. It's taken a lot of anxiety out of it for participants.",
                "Keep a list of local employers who genuinely offer variable hours. For this group it matters more than anything we do in the office.",
                "Talk about permitted work early. A few hours a week under the permitted work rules lets people test what they can manage without putting their benefit at risk, and it builds confidence faster than any workshop.",
            ],
            "question": True,
            "tags": ["esa", "fluctuating conditions", "action plans"],
            "case_study": "Wellbeing action plans",
        },
        {
            "threads": [
                _t(
                    "Waiting lists for talking therapies: what do you do in the meantime?",
                    "Our local talking therapies service has a {weeks}-week wait at the moment. I have several participants with moderate anxiety and depression who are motivated but not well enough to start looking for work, and I'm not a therapist.",
                ),
                _t(
                    "Participants with anxiety who won't come into the office",
                    "I've got two participants with severe anxiety who haven't made it through our door in three months. Both want to work, both are on the phone to me every week, but the office itself is the barrier.",
                ),
                _t(
                    "Specialist mental health provision: worth the referral or not?",
                    "We can refer to a specialist mental health provider in our supply chain, but the referral comes out of our own budget and the outcome payment doesn't change. My manager wants to know whether it's worth it before we commit more money.",
                    kinds=("prime", "end_to_end"),
                ),
                _t(
                    "Supporting someone with depression through the first month of a job",
                    "A participant with long-term depression has just started a part-time job. He's done brilliantly to get here, and I'm worried about the first month, when the routine is new and the support he had from us changes.",
                ),
                _t(
                    "Mental Health First Aid training for advisers: was it worth it?",
                    "We've been offered Mental Health First Aid training for our whole adviser team. It means two days out of the office for everyone, and I'd like to hear from anyone who's done it before we commit.",
                ),
            ],
            "contexts": [
                "I don't want to park anyone, but I don't want to push people into something that makes things worse either.",
                "Advisers here are good people, but most of them have had no mental health training at all, and some avoid the conversation because they're worried about saying the wrong thing.",
            ],
            "points": [
                "We refer anyone with a moderate mental health need to our specialist partner as soon as it comes up at assessment, not after they've struggled for three months. Early referral is cheaper in the end, because you're not paying for months of appointments that go nowhere.",
                "In the gap before therapy starts, we run a structured wellbeing session: sleep, routine, one activity outside the house each day. It isn't treatment, and we say so, but it means the time isn't wasted.",
                "Mental Health First Aid training for every adviser was the best money we spent last year. It doesn't make anyone a clinician, but it stopped advisers avoiding the conversation.",
                "For people who find the office hard, meet somewhere neutral first: a library, a café, a community centre. We had one participant who wouldn't come in for four months, and then came every week once we started meeting at the library.",
                "Check whether your local talking therapies service accepts referrals from you directly. Ours does, with the participant's consent, and it's quicker than going through the GP.",
                _p(
                    "We send the adviser a short summary after every third session, with the participant's agreement. It stops us duplicating work and means the adviser knows what's been tried.",
                    "specialist",
                ),
                "Be honest about what you can and can't do. People with mental health conditions have often been passed around; saying 'I'm not a counsellor, but here's what I can help with' builds more trust than pretending.",
                "Track specialist referrals separately in your MI. When we did, job starts for people referred early were noticeably higher, and that made the case to our prime for funding more of them.",
                _p(
                    "From the clinical side: the first month in work is when relapse risk is highest, so we keep sessions going for at least eight weeks after a start, by phone if that's easier.",
                    "specialist",
                ),
            ],
            "question": True,
            "tags": ["mental health", "specialist referral"],
            "case_study": "Employment specialists inside talking therapy",
        },
        {
            "threads": [
                _t(
                    "Participants afraid that looking for work will trigger a reassessment",
                    "Almost every one of my {group} is worried that if they show any interest in work, they'll be called for a Work Capability Assessment and lose their benefit. Some have been through appeals and won't risk it again.",
                ),
                _t(
                    "How do you talk about work with someone who's worried about losing ESA?",
                    "I had a participant in tears last week because she thought agreeing to a CV session would be reported as her being 'fit for work'. I reassured her as best I could, but I wasn't sure I had all the facts right.",
                ),
                _t(
                    "Explaining permitted work without scaring people",
                    "I'd like our advisers to talk about permitted work more often, but every time it comes up, the participant hears 'work' and stops listening. I'm looking for better ways of explaining it.",
                ),
                _t(
                    "A plain-English explainer on benefits and trying work: has anyone written one?",
                    "We keep hearing the same worry from new referrals. I'd like to put together a short, accurate explainer for advisers on what does and doesn't affect someone's benefit, so we stop giving out half-remembered answers.",
                ),
            ],
            "contexts": [
                "I understand why people are frightened, but it means they won't even try a few hours of voluntary work, and that's often the step that would make the difference.",
            ],
            "points": [
                "We get a welfare rights adviser to run a session with new ESA participants in their first month. Hearing it from someone independent, who isn't trying to get them into work, makes a big difference.",
                "A proper better-off calculation, done with the participant, on paper they can take home, settles more worries than any reassurance from us.",
                "Be very careful about giving benefit advice you're not qualified to give. Our rule is that advisers explain the general position and refer to the welfare rights service for anything specific.",
                "Permitted work is underused. Plenty of people don't know they can work a few hours a week and keep their ESA, and it's a gentle first step.",
                "Keep a record of the questions people actually ask. Ours became a one-page FAQ in plain English that advisers hand out, checked by our welfare rights partner every six months.",
                "The linking rules are worth explaining too. Knowing they can go back onto the same benefit if a job doesn't work out within the linking period is often what gets someone to try.",
                "Acknowledge the fear rather than arguing with it. Most of our participants have had a bad experience of assessments, and if you dismiss that, they stop telling you things.",
                _p(
                    "From the Jobcentre side: please do send people to us with their questions. Work coaches would much rather answer a worry early than deal with a crisis later.",
                    "jcp",
                ),
            ],
            "question": False,
            "tags": ["esa", "benefits advice", "better-off calculations"],
            "case_study": "Better-off calculations in a group",
        },
        {
            "threads": [
                _t(
                    "Access to Work applications taking months: anyone found a faster route?",
                    "I've got a participant with a hearing impairment who starts a new job in {weeks} weeks. She needs a BSL interpreter for her induction and team meetings. We applied to Access to Work straight away, but we've been told it could take longer than that.",
                ),
                _t(
                    "Has anyone had Access to Work pay for support at interview?",
                    "A participant who is partially sighted has an interview coming up that includes a written test. I've read that Access to Work can help at interview stage, but I've never seen it done.",
                ),
                _t(
                    "Access to Work for mental health support: experiences?",
                    "I've heard there's support through Access to Work for people with mental health conditions, not just equipment. Has anyone used it for a participant starting work?",
                ),
                _t(
                    "Employers who've never heard of Access to Work",
                    "The employer of one of our participants was really nervous about the cost of a specialist chair and software. When I mentioned Access to Work, he'd never heard of it, and he still isn't convinced it's real.",
                ),
                _t(
                    "Access to Work and self-employment",
                    "A participant with a visual impairment is setting up as a self-employed bookkeeper. I know Access to Work can help self-employed people, but I can't find anyone who's actually done it.",
                ),
            ],
            "contexts": [
                "We've had three Access to Work applications this year for people starting work, and each time the support arrived after the person had started, or the job had fallen through.",
            ],
            "points": [
                "Apply the day the job offer comes in, not the day they start. The application can go in before the start date, and that's the single biggest thing that speeds it up.",
                "The Mental Health Support Service under Access to Work is worth knowing about. It isn't only equipment: it can fund a support worker for people with mental health conditions for several months.",
                "We help the employer fill in their part of the form. Most of the delays we've seen were the employer not returning it because they didn't know what it was.",
                "Some employers will cover the first few weeks themselves if they know Access to Work will pay for the adjustment after that. It's worth asking, with a clear letter explaining how it works.",
                "Keep copies of everything and a log of every phone call. When ours stalled, having the dates to hand got it moving again.",
                "Communication support at interview is a specific part of the scheme, and hardly anyone uses it. We've had it approved twice.",
                "Employers respond better when you present it as 'there's government money for the adjustment' rather than 'your new employee needs support'. Same thing, different reaction.",
                "Access to Work does cover self-employed people. We've done it twice: the application asks for evidence the business is viable, so have the business plan and first few months' figures ready.",
            ],
            "question": True,
            "tags": ["access to work", "reasonable adjustments"],
            "case_study": "",
        },
        {
            "threads": [
                _t(
                    "ESA participants who keep missing appointments: what's worked?",
                    "About a third of my {group} haven't been in for over two months. Letters get no response, phone numbers are out of date, and I know some of them are really unwell.",
                ),
                _t(
                    "Do you do home visits? Policies and safety",
                    "We're considering home visits for ESA participants who keep missing appointments. Our lone working policy says no, our advisers are split, and I'd like to hear from anyone who does them.",
                ),
                _t(
                    "Re-engaging people who've dropped off the radar",
                    "I've just inherited a caseload from an adviser who left, and about {n} of the people on it haven't had any contact for months. I'd like to do right by them, not just refer them all back.",
                ),
                _t(
                    "Outreach for participants who can't face the office",
                    "We're talking about doing more outreach: meeting people at community venues, or at home, rather than expecting everyone to come to us. It's a big change to how we work, and the managers want evidence it's worth it.",
                ),
                _t(
                    "Letters that people with anxiety will actually open",
                    "I've been told more than once that our appointment letters look like they come from the Jobcentre, and people with anxiety leave them unopened. I'd like to redesign them.",
                ),
            ],
            "contexts": [
                "I don't want to just refer people back to the Jobcentre for non-attendance, but I've run out of ideas.",
            ],
            "points": [
                "We do home visits in pairs, with a check-in call to the office at the start and end of each one. It's more expensive, but the first visit often unlocks months of engagement.",
                "A handwritten note through the door gets more response than any letter on headed paper. People with anxiety often don't open official-looking post.",
                "Ask the Jobcentre whether they have a more recent phone number. It sounds obvious, but our contact details were out of date for a surprising number of people.",
                "Find out who else is already in touch with them, such as a housing officer, a community mental health nurse or a carer, and ask them to pass on a message. With consent, that's often the way back in.",
                "Before referring back for non-attendance, we always make one last contact attempt by a different route. It's in our service standard, and it's caught a lot of people who were in hospital or in crisis.",
                "Home visits worked for us, but only with a clear purpose: the first visit was just to agree the next step and a place to meet that suited them, not a full review.",
                _p(
                    "Please do talk to us before referring back. Sometimes we know about a change of circumstances that the provider doesn't.",
                    "jcp",
                ),
            ],
            "question": False,
            "tags": ["engagement", "home visits", "esa"],
            "case_study": "Home visits for ESA participants",
        },
        {
            "threads": [
                _t(
                    "Honest question: how much time do you really get with your ESA caseload?",
                    "My caseload is {caseload} and about half are {group}. My manager says we don't park anyone, but the weekly meeting is all about who's close to a job start.",
                ),
                _t(
                    "Caseloads over a hundred: is anyone else being asked to do more with less?",
                    "Our caseloads have crept up to around {caseload} each since two advisers left and weren't replaced. It's the people with health conditions who lose out, because they take the most time.",
                ),
                _t(
                    "Avoiding parking when the targets are all about the quickest outcomes",
                    "We did an audit of contact time last quarter and the results were uncomfortable: {group} were getting roughly half the adviser time that JSA participants got, despite the higher outcome payments.",
                ),
                _t(
                    "Do differential payments change anything on the ground?",
                    "The higher outcome payments for ESA groups were meant to stop providers focusing on people closest to work. I'm genuinely not sure they change what happens in the office day to day, and I'd like to hear other views.",
                ),
                _t(
                    "Ring-fenced time for the people furthest from work",
                    "We're thinking of ring-fencing part of every adviser's week for the participants who've been with us longest without a job start. Has anyone tried something like this?",
                ),
            ],
            "contexts": [
                "If I'm honest, the people furthest from work get the least of my time, and I don't think I'm the only one.",
            ],
            "points": [
                "We ring-fence one day a week per adviser for the people who've been on caseload longest. No new starts, no job matching, just the hardest cases. It's the only thing that stopped those cases drifting.",
                "Put contact time for each payment group into your MI. Once managers could see the gap, it was addressed within a quarter.",
                "A specialist ESA team worked better for us than spreading ESA participants across everyone's caseload. The advisers chose to be there, and they're good at it.",
                "The differential payment only changes behaviour if it reaches the people making day-to-day decisions. Our advisers had no idea ESA outcomes paid more until we told them.",
                "We weight each ESA participant as one and a half when we allocate caseloads, and it's made workloads much fairer.",
                "Be careful with targets. When we set a weekly job start target, time with ESA participants dropped within a month. We changed it to a quarterly target and the difference was noticeable.",
                "Shared case reviews across the supply chain helped us a lot. Bringing one 'stuck' case to a group each month meant the hardest participants got fresh ideas instead of being quietly forgotten.",
                _p(
                    "As a prime, we now report contact time by payment group at every supply chain meeting, our own teams included. It's uncomfortable, but it's changed behaviour.",
                    "prime",
                ),
            ],
            "question": False,
            "tags": ["creaming and parking", "caseload", "esa"],
            "case_study": "Monthly shared case reviews",
        },
    ],
    "young-people": [
        {
            "threads": [
                _t(
                    "18-24s not turning up: what actually gets them through the door?",
                    "Our first-appointment attendance for JSA 18-24 referrals is well below the rest of our caseload. Once they're through the door most stay engaged, but getting them there is the problem.",
                ),
                _t(
                    "First appointment no-shows for young people in {area}",
                    "About {noshow_pct}% of the young people referred to us in {area} don't turn up to their first appointment. We send a letter and a text, and that's about it.",
                ),
                _t(
                    "Engaging young people who've been through three programmes already",
                    "A lot of the young people referred to us have been on two or three schemes before. They're polite, they come in, but they've heard it all, and you can see them switching off in the first five minutes.",
                ),
                _t(
                    "Text, WhatsApp or phone: how do you contact young participants?",
                    "We're reviewing how we contact young participants. Letters are pointless, calls from an unknown number go unanswered, and our IT team is nervous about messaging apps.",
                ),
                _t(
                    "Drop-in sessions instead of appointments for 18-24s?",
                    "I'd like to try drop-in afternoons for young people instead of fixed appointments. My manager is worried about how we'd record attendance and keep to our service standards.",
                ),
            ],
            "contexts": [
                "The ones who come in usually do well. It's the ones we never meet that worry me.",
            ],
            "points": [
                "Ring them the day before from the adviser they'll actually see, not a central team. Young people are far more likely to turn up for a name and a voice they recognise.",
                "We run drop-in hours two afternoons a week with no appointment needed. Attendance is far better than booked slots for this group.",
                "Start with something practical they want, like a CSCS card, a food hygiene certificate or a provisional driving licence, rather than a CV session. Once they've got something out of it, they come back.",
                "Don't make the first session a form-filling exercise. We do the paperwork at the second appointment now, and the first one is just about what they want to do.",
                "Ask them how they want to be contacted, and then stick to it. For most of ours it's text. Calls from unknown numbers go unanswered.",
                "Peer mentors, young people who've been through the programme and found work, are the most persuasive people we have. Nothing we say lands like 'I was where you are a year ago'.",
                "Football, boxing and gym sessions have worked for us as a way in, especially for young men. The employment conversation happens afterwards.",
                _p(
                    "From the Jobcentre side: a warm handover, where the work coach introduces the young person to their adviser by phone before they leave the Jobcentre, has made a big difference to first attendance here.",
                    "jcp",
                ),
            ],
            "question": True,
            "tags": ["young people", "engagement"],
            "case_study": "Football first",
        },
        {
            "threads": [
                _t(
                    "Apprenticeship wages and young people living independently",
                    "I have a young man who's been offered a level 2 apprenticeship, which is exactly what he wants. But he lives alone, and at the apprentice rate he'd be worse off than he is now once his rent is paid.",
                ),
                _t(
                    "Anyone had success placing JSA 18-24 into apprenticeships?",
                    "We've placed plenty of young people into jobs, but hardly any into apprenticeships. I'm not sure whether it's the employers, the wages or us.",
                ),
                _t(
                    "Traineeships or straight into work: which sustains better?",
                    "We're debating whether to steer more young people towards traineeships rather than the first job available. I'd love to know if anyone has compared how long people stay in work afterwards.",
                ),
                _t(
                    "Employers asking for GCSE English and maths for entry-level roles",
                    "Employers in {area} keep asking for GCSE English and maths at grade C for roles that honestly don't need them. A lot of our young participants don't have them, and it rules them out of apprenticeships in particular.",
                ),
                _t(
                    "Apprenticeships for young people with learning difficulties",
                    "I'm working with a young man with a mild learning disability who'd love an apprenticeship in horticulture. The entry requirements are the sticking point.",
                ),
            ],
            "contexts": [
                "I don't want to talk anyone out of an opportunity, but I also don't want to set them up to fail.",
            ],
            "points": [
                "Do a full better-off calculation, including housing costs and travel. For some young people living independently the apprenticeship wage doesn't work, and it's better to say so than to set them up to fail.",
                "Some employers pay above the apprentice minimum if you ask. We've had several agree once they realised the minimum wouldn't cover rent.",
                "Traineeships with a guaranteed interview at the end have had the best sustainment for us. Without the guaranteed interview, they drift.",
                "Functional skills English and maths can be done alongside the job. We've persuaded a few employers to drop the GCSE requirement in favour of a commitment to do functional skills in the first year.",
                "Look at which employers actually need the qualification and which are copying an old job description. Half the time, the hiring manager doesn't know it's there.",
                "We track sustainment separately for apprenticeships. Ours are lower at three months than straight job entries but higher at a year, which says something about the first few months.",
                "Talk to the local college's apprenticeship team. They often know which employers are struggling to fill places and would be open to a conversation.",
                "Ask the training provider about adjustments. English and maths requirements can be adjusted for some apprentices with a learning difficulty or disability, and supported internships are another route in.",
            ],
            "question": True,
            "tags": ["young people", "apprenticeships"],
            "case_study": "",
        },
        {
            "threads": [
                _t(
                    "Sector-based work academies for 18-24s: worth the effort?",
                    "We're planning our first sector-based work academy with a local {sector} employer: two weeks of training, a short placement and a guaranteed interview. What went well for you, and what would you do differently?",
                ),
                _t(
                    "Getting employers to commit to interviews before the course starts",
                    "We've run two pre-employment courses this year where the employer was very enthusiastic at the start and then only interviewed a couple of people at the end.",
                ),
                _t(
                    "Where are young people getting jobs in {area} at the moment?",
                    "I'm trying to build a better picture of which sectors are taking on young people locally. For us it's mostly {sector}, but I suspect we're missing opportunities.",
                ),
                _t(
                    "Work experience placements that turn into jobs",
                    "Of the last twenty work experience placements we arranged, only a handful led to an offer. I'm trying to work out what made the difference in those few.",
                ),
            ],
            "contexts": [
                "Employer engagement takes a lot of time, and I want to be sure we're spending it on things that lead to jobs.",
            ],
            "points": [
                "Get the employer to write the course with you. When the employer designs the content, the hiring manager already trusts the people who finish it.",
                "The guaranteed interview is the whole point. Don't run an academy without one in writing.",
                "Keep groups small, eight to ten, so the employer gets to know each person. Our bigger cohorts had much lower conversion.",
                "Placements convert when there's a real vacancy behind them. We now only arrange work experience with employers who are recruiting within the next two months.",
                "Travel is the hidden problem. Warehouses on industrial estates with no late buses lose young people in the first week. We check shift times against bus timetables before we recruit for a site.",
                "Ask the employer to name a buddy for the first month. It sounds small, but our sustainment improved when we started doing it.",
                _p(
                    "As a prime, we coordinate academies across the supply chain now, so one employer isn't approached by four providers in the same month.",
                    "prime",
                ),
            ],
            "question": False,
            "tags": ["young people", "employer engagement", "sector academy"],
            "case_study": "warehouse academies",
        },
        {
            "threads": [
                _t(
                    "Care leavers on our caseload: joining up with the leaving care team",
                    "I've got several care leavers on my caseload, and each has a personal adviser from the council's leaving care team. We rarely talk to each other, which means the young person gets two sets of advice, sometimes contradictory.",
                ),
                _t(
                    "Young people sofa-surfing: job search first or housing first?",
                    "A young woman on my caseload has been sofa-surfing for three months. She's bright and wants to work, but she's moving every few nights and her phone keeps running out of credit.",
                ),
                _t(
                    "Young participants with no fixed address",
                    "We're seeing more young people with no fixed address. Interview letters go missing, they can't give an address on application forms, and some employers won't go further without one.",
                ),
                _t(
                    "What support do care leavers get in their first job?",
                    "A care leaver I work with has just been offered her first job. I know councils have some duties to care leavers, but I don't know what that means for someone starting work.",
                ),
            ],
            "contexts": [
                "Job search can feel almost beside the point when someone doesn't know where they'll sleep next week.",
            ],
            "points": [
                "We agreed a three-way meeting with the leaving care personal adviser at the start, with the young person there. One plan, two organisations, and a lot less confusion.",
                "Housing has to come first. We refer to our housing partner on the same day, and keep job search very light until there's an address that will last at least a few weeks.",
                "Some councils offer care leavers extra help with their first job, such as a setting-up-home grant or help with travel. Ask the leaving care team what's available locally.",
                "A cheap phone and a top-up from the flexible fund have kept more young people in touch with us than anything else.",
                "For young people without a fixed address, we let them use our office as a correspondence address, with their agreement. It means they don't miss interview letters.",
                "Be patient with the paperwork. Many care leavers don't have a birth certificate or passport to hand, and getting ID sorted is often the first real task.",
                _p(
                    "We hold a drop-in at the youth housing project once a week. It's the only way we see some of these young people at all.",
                    "specialist",
                    "vcs",
                ),
            ],
            "question": False,
            "tags": ["young people", "care leavers", "housing"],
            "case_study": "",
        },
        {
            "threads": [
                _t(
                    "How do you talk about sanctions without it sounding like a threat?",
                    "Several of the young people referred to us this month had been sanctioned in the last year, and they arrive expecting us to be part of the same system. The first conversation is about trust before it's about work.",
                ),
                _t(
                    "Young participants who've been sanctioned before they reach us",
                    "I've got a young man who was sanctioned twice before he was referred to us and now has almost nothing to live on. He's angry, and honestly I can see why.",
                ),
                _t(
                    "Compliance doubts: what are your policies?",
                    "We're reviewing our policy on raising compliance doubts with the Jobcentre. Some advisers raise one for the first missed appointment, some never do. I want a consistent approach that's fair to participants and honest about the rules.",
                ),
                _t(
                    "Sanctions, trust and the first appointment",
                    "I'd like to hear how others explain their role in conditionality at the first appointment, without either downplaying the rules or making young people feel threatened.",
                ),
            ],
            "contexts": [],
            "points": [
                "Explain the rules once, clearly, at the start, and then don't bring them up as a threat. Young people tell us they'd rather know exactly where they stand.",
                "We always ring before raising a doubt. In most cases there's a reason, such as a hospital appointment, a family crisis or no credit on the phone, and a conversation sorts it out.",
                "Write the policy down and share it with participants. Ours says when we'll raise a doubt and what we'll try first, and it has made the conversations much easier.",
                "Some young people are living on very little after a sanction. We make sure they know about hardship payments and local food support before we talk about anything else.",
                "Be clear that the decision isn't ours. We report what happened; the Jobcentre decides. Being honest about that helped trust more than pretending we have no role.",
                "Track how many doubts each adviser raises. When we looked, the variation between advisers was much bigger than the variation between participants.",
                _p(
                    "Work coaches do look at the reasons providers give, so a clear note of what was tried before the doubt was raised genuinely helps the young person.",
                    "jcp",
                ),
            ],
            "question": True,
            "tags": ["young people", "sanctions", "conditionality"],
            "case_study": "",
        },
        {
            "threads": [
                _t(
                    "'Digital natives' who can't attach a CV to an email",
                    "There's an assumption that young people are all good with technology. In my experience they're great on their phones and stuck as soon as an application needs a PDF attached or an email address they haven't forgotten the password to.",
                ),
                _t(
                    "Online application forms that time out on a phone",
                    "A big retailer in {area} has moved all its entry-level recruitment online. The application takes about forty minutes and times out on a phone, and most of our young participants only have a phone.",
                ),
                _t(
                    "Do your 18-24s have email addresses they actually check?",
                    "Half the young people I work with have an email address they set up at school and never look at. Employers send interview invitations there and they're missed.",
                ),
                _t(
                    "Job search apps: which ones do your young people use?",
                    "I'd like to recommend a couple of decent job search apps to young participants, rather than leaving them to whatever they find. Which ones do yours actually use?",
                ),
            ],
            "contexts": [],
            "points": [
                "We run a one-off session on setting up a proper email address, a job site account and a way to remember passwords. It sounds basic, but it's removed a real barrier.",
                "Keep a couple of laptops in the office for long applications. A phone is fine for searching, not for a forty-minute form.",
                "Save a CV to their phone as a PDF in the session, and show them how to find it again. Half the problem is not being able to find the file when they need it.",
                "Local libraries often have computers and help available. We've built a relationship with ours, and they know our participants might come in.",
                "If an employer's online application is putting people off, tell them. We fed back to one retailer and they added a shorter mobile form for entry-level roles.",
                _p(
                    "We run an open digital skills drop-in that anyone can come to, whichever provider they're with. Young people are some of our most regular visitors.",
                    "other",
                    "vcs",
                ),
            ],
            "question": False,
            "tags": ["young people", "digital skills"],
            "case_study": "One session to set up an email address",
        },
    ],
}

TOPICS["in-work-support"] = [
    {
        "threads": [
            _t(
                "Losing people in the first two weeks of a new job",
                "We looked at job starts that didn't reach a job outcome last year, and a large share of them fell apart in the first two weeks. By the time our first in-work support contact happened, the person had already left.",
            ),
            _t(
                "What do you do on someone's first day at work?",
                "I'd like to tighten up what we do around the first day. At the moment it's a good luck text and a call at the end of week one, and I suspect that's not enough.",
            ),
            _t(
                "Early drop-outs: is it the job, the money or something else?",
                "Three of my participants have left jobs in the first fortnight this month. Each gave a different reason, but I can't shake the feeling there's something common underneath.",
            ),
            _t(
                "The first month in work: your in-work support routine",
                "Our in-work support is mostly a phone call at week one, week four and week twelve. Looking at the numbers, I'm not convinced that's enough, especially for people who've been out of work a long time.",
            ),
            _t(
                "A checklist for the day before someone starts work",
                "I'm putting together a checklist for advisers to go through with participants the day before a job start. What would you put on it?",
            ),
        ],
        "contexts": [
            "The people who leave early rarely ring to say they're struggling; they just stop going.",
        ],
        "points": [
            "We ring the evening before the first day, and again at the end of the first day. Nerves the night before are when people talk themselves out of it.",
            "Check the practical things before the start date: bus route, uniform, how they'll get paid, what to do if they're ill. Most early drop-outs we've traced come back to one of those.",
            "A written 'first fortnight' checklist, agreed with the participant before they start, has been our most effective change. It covers travel, money, childcare and who to call if something goes wrong.",
            "Text message support works better than calls for people on shifts. They can reply on a break, and they do.",
            "Ask the employer who the person's supervisor is and introduce yourself. If something starts going wrong, the supervisor will often tell you before the participant does.",
            "The first payday is the danger point. People who've been on fortnightly benefits can run out of money in the gap before a monthly salary, so we talk about it before they start.",
            "Don't wait for problems. We now make contact twice in the first week, whatever happens, and it's cut our early drop-outs noticeably.",
        ],
        "question": True,
        "tags": ["in-work support", "job start", "sustainment"],
        "case_study": "Fixing the first fortnight",
    },
    {
        "threads": [
            _t(
                "Childcare for shift work: anyone found anything that works?",
                "I have a lone parent starting a job in a care home with shifts from 7am. The nursery doesn't open until 8, and there's no family nearby. Unless we solve the mornings, she can't take the job.",
            ),
            _t(
                "Lone parents, school holidays and the first summer in work",
                "Several of our lone parents have left jobs in their first summer because school holiday childcare fell through. By the time they tell us, it's usually too late.",
            ),
            _t(
                "Paying for childcare before the first payslip",
                "Nurseries near us want a month's fees up front, and the help with childcare costs comes later. For a parent starting a minimum wage job, that gap is impossible.",
            ),
            _t(
                "Registered childminders who cover early mornings in {area}",
                "Does anyone have a good way of finding registered childminders who'll do early starts? The council list doesn't say, and ringing round takes hours.",
            ),
            _t(
                "Childcare costs in the better-off calculation",
                "I did a better-off calculation with a mum of two last week and realised I wasn't sure how much of her childcare costs she'd get back. I don't want to get it wrong.",
            ),
        ],
        "contexts": [
            "The job is right, the parent is determined, and childcare is the only thing standing in the way.",
        ],
        "points": [
            "Registered childminders are often more flexible than nurseries for early starts. We keep a list of local childminders who'll do 6.30am drop-offs.",
            "Help with upfront childcare costs has made the difference for several of our parents. We used our flexible fund to bridge the first month until the help through benefits came through.",
            "Talk to the employer about shift patterns before the start date. We've had employers happy to give a parent the later shifts once they were asked.",
            "Plan the first school holiday at the job start, not in July. We put a reminder in the in-work support schedule six weeks before each holiday.",
            "Holiday clubs run by the council or local charities are often cheaper than people expect, and some have funded places. Most parents we work with don't know they exist.",
            "Make sure the better-off calculation includes the help with childcare costs they're entitled to. Without it, a lot of parents assume work won't pay.",
            "The council's family information service keeps details of childminders' hours if you ask. It saved us a lot of ringing round.",
        ],
        "question": True,
        "tags": ["in-work support", "childcare", "lone parents"],
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Monthly pay after years of fortnightly benefits",
                "A participant has just started a job paid monthly, after years on fortnightly benefits. She's already worried about how she'll manage the first five weeks.",
            ),
            _t(
                "Debt worries in the first month of work",
                "Two of my participants have told me, after the event, that they took out payday loans in their first month of work to get to their first wage. One has now left the job because the repayments made it pointless.",
            ),
            _t(
                "Should in-work support include budgeting help?",
                "We're thinking about adding a budgeting session to our in-work support offer, specifically about the move from fortnightly benefits to monthly pay. Has anyone done this, and did people actually come?",
            ),
            _t(
                "Spotting money trouble early after a job start",
                "I feel we should have seen it coming with a couple of participants whose money ran out before payday. What do others ask, and when?",
            ),
        ],
        "contexts": [],
        "points": [
            "We do the budgeting conversation before the job starts, as part of the better-off calculation. Afterwards it's too late: the money has already gone.",
            "A referral to debt advice in the first month of work, not before, has worked for us. Before work, people feel they've nothing to budget. After the first payslip, they're motivated.",
            "Ask 'how will you manage until payday?' at every job start. It's a simple question, and the answer tells you a lot.",
            "Credit unions are a real alternative to payday loans, and some offer small loans to people starting work. It's worth building a relationship with your local one.",
            "Help people work out exactly when their benefit stops and their wages start. The gap is often longer than they expect, and knowing the date helps them plan.",
            "Ask the employer whether they can pay the first month in two instalments. Some will, and it makes a huge difference.",
            _p(
                "We agree payment plans for household bills before the first payslip, with the participant's consent. Creditors are usually reasonable when they know someone has just started work.",
                "specialist",
            ),
        ],
        "question": False,
        "tags": ["in-work support", "debt", "budgeting"],
        "case_study": "Budgeting for monthly pay",
    },
    {
        "threads": [
            _t(
                "Employers who don't want us ringing them about their staff",
                "A growing number of our participants don't want their employer to know they came through a programme. That's their right, but it means we can't help with problems at work until it's too late.",
            ),
            _t(
                "In-work support that employers actually value",
                "A few employers have told us, politely, that our in-work support calls feel like we're checking up on them. I'd like our support to be something employers ask for rather than put up with.",
            ),
            _t(
                "Staying in touch when the participant doesn't want in-work support",
                "Some people, once they're in work, just want to put the programme behind them. I understand that, but our sustainment figures suffer, and sometimes a problem we could have helped with ends the job.",
            ),
            _t(
                "A named contact for each employer: does it work?",
                "We're thinking of giving each of our regular employers a named contact in our in-work support team. Is it worth the effort, or do employers just ignore it?",
            ),
        ],
        "contexts": [],
        "points": [
            "Offer the employer a named contact and a promise: if something's going wrong, call us before you let them go. Several employers have taken us up on it.",
            "Respect the participant's choice. We agree at the start how they'd like in-work support to work, and many choose contact outside work hours by text.",
            "Give the employer something useful: help with Access to Work paperwork, a quick answer on a benefits question, a replacement candidate if it doesn't work out.",
            "Ask the employer what they need, not what we need. One care home wanted someone they could ring when a new starter didn't turn up. That's all, and it's kept our sustainment high there.",
            "For participants who don't want contact, a monthly text with something genuinely useful keeps the door open without being intrusive.",
            "Named contacts work, but only if the person stays in post. We lost two employer relationships when the contact left and nobody told the employer.",
        ],
        "question": False,
        "tags": ["in-work support", "employer engagement", "sustainment"],
        "case_study": "named contact at the care home",
    },
    {
        "threads": [
            _t(
                "Progression: is it part of your in-work support at all?",
                "Most of our in-work support is about keeping people in the job they've got. But several participants who've been in work six months have asked about more hours or a better-paid role.",
            ),
            _t(
                "Participants stuck on 16 hours who want more",
                "I have a few participants who've been working 16 hours a week for months and would like full-time work. Their employers say there's nothing available.",
            ),
            _t(
                "Moving from zero-hours contracts into something steadier",
                "A lot of the jobs our participants get in {area} are zero-hours or short-hours contracts. They count as job starts, but the hours vary so much that people can't plan, and some drift back onto benefits.",
            ),
            _t(
                "When someone in work asks you for help finding a better job",
                "A former participant got in touch: she's been in work a year and wants to move to a better job. She's no longer on our caseload. Do others help in this situation?",
            ),
        ],
        "contexts": [],
        "points": [
            "We talk about progression at the three-month review. By then people are settled enough to think about the next step.",
            "Helping someone get more hours with their current employer is often easier than finding a new job. A conversation with the supervisor can do a lot.",
            "Many employers will offer a contract with guaranteed hours after a few months if they're asked, especially for someone who's reliable.",
            "Training while in work is hard to fit in. Short, evening or online courses work better than anything that needs time off.",
            "Record hours at every in-work support contact. It tells you who's at risk of dropping back, not just who's still employed.",
            "We point people who've left our caseload to the local adult education service and the National Careers Service. It's a warm handover, not a full service, but it's something.",
        ],
        "question": True,
        "tags": ["in-work support", "progression"],
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Getting to work on early shifts with no bus",
                "We have a lot of participants in villages outside {area}. The jobs are on industrial estates, the shifts start at 6am, and the first bus is at quarter past seven.",
            ),
            _t(
                "Travel costs in the first month: who pays?",
                "Our flexible fund pays for travel to interviews, but once someone starts work the cost falls on them until they get paid. For someone on minimum wage, a month's bus pass is a big chunk, paid up front.",
            ),
            _t(
                "Rural participants and jobs they can't get to",
                "Some of our participants in rural areas have turned down job offers because they couldn't get there. It's frustrating for them and for us.",
            ),
            _t(
                "Lift shares, bikes and scooters: has anyone tried them?",
                "We're looking at practical transport options for people starting work: lift shares, bike loans, even scooter hire. I'd like to know what has worked in practice.",
            ),
        ],
        "contexts": [
            "People take the job, try taxis for a week, and then leave.",
        ],
        "points": [
            "We buy the first month's bus pass from the flexible fund. It's the single cheapest thing that improves sustainment for us.",
            "Some employers run staff minibuses for early shifts if there are enough people going from one area. It's worth asking, especially the big warehouses.",
            "A bike loan scheme, with lights and a lock, has worked well for us for distances under five miles.",
            "Ask the employer whether the start time is fixed. We've had employers move a new starter's shift by thirty minutes to match the bus.",
            "Map the route before the interview. We've had people offered jobs they couldn't get to, and that's a waste of everyone's time.",
            "Lift shares between participants starting at the same site have worked for us, once we'd got the insurance question answered.",
            "A 'first month' buddy at the workplace who lives nearby solved more transport problems for us than any scheme we paid for.",
        ],
        "question": True,
        "tags": ["in-work support", "transport", "rural"],
        "case_study": "Travel passes and a 'first month' buddy",
    },
]

TOPICS["supply-chain-and-contracting"] = [
    {
        "threads": [
            _t(
                "Referral volumes well below what the prime promised",
                "When we signed our subcontract, the indicative volume was around {n} referrals a month. For the last six months we've had about half that. Our costs are set up for the higher number, and we're now running at a loss.",
                kinds=DELIVERY,
            ),
            _t(
                "Our referrals dropped by {drop_pct}% this quarter: anyone else?",
                "Our referrals fell by {drop_pct}% this quarter with no warning and no explanation. I'd like to know whether it's just us or something wider.",
                kinds=DELIVERY,
            ),
            _t(
                "How do primes decide who gets which referrals?",
                "We're one of several end-to-end providers in our area, and the referral split seems to change every few months. I've never been told how it's decided.",
                kinds=DELIVERY,
            ),
            _t(
                "Planning staffing when referral numbers keep changing",
                "Our referral numbers swing from month to month. One month we're overwhelmed, the next our advisers have half-empty diaries. It's almost impossible to plan staffing sensibly.",
            ),
        ],
        "contexts": [],
        "points": [
            "Ask the prime for the referral allocation method in writing. Ours shares a monthly breakdown by provider now, but only after several of us asked together.",
            "Check your subcontract for a volume clause. Ours has a review trigger if referrals fall below 70% of the indicative volume for three months, and we'd have missed it if we hadn't read it again.",
            "Raise it at the supply chain meeting, not just one to one. If several subcontractors are seeing the same drop, it's a different conversation.",
            _p(
                "From the prime side: referrals from the Jobcentre have been down across the board, not just for subcontractors. It doesn't make it easier, but it may not be a judgement on your performance.",
                "prime",
            ),
            "We moved some advisers onto flexible hours contracts by agreement, so we can scale up and down without redundancies. Not ideal, but it's kept us going.",
            "If referrals are allocated on performance, ask to see the performance data used. We found an error in ours that was costing us referrals.",
            "Don't wait to raise it. The longer a shortfall goes on, the more it looks like the new normal.",
            _p(
                "We publish the allocation rules to our whole supply chain at the start of each year, and any change to them. It has saved a lot of suspicion.",
                "prime",
            ),
        ],
        "question": True,
        "tags": ["supply chain", "referrals", "contract management"],
        "kinds": None,
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Payment by results: how long can a small charity carry the cost?",
                "We're a small charity about to start our first payment-by-results subcontract. When I modelled it, we're out of pocket for {months} months before the outcome payments catch up with our costs.",
                kinds=SMALL,
            ),
            _t(
                "Cash flow in the first year of a PbR subcontract",
                "Our subcontract is {pbr_pct}% outcome payments and the rest a delivery fee. The trustees have looked at the gap between when we spend the money and when outcomes are paid, and they're nervous.",
                kinds=SMALL,
            ),
            _t(
                "Delivery fees versus outcome payments: what split are you on?",
                "Without anyone naming their prime: what split between delivery fee and outcome payments are subcontractors on? Ours is {pbr_pct}% outcomes and I've no idea whether that's typical.",
                kinds=DELIVERY,
            ),
            _t(
                "Our bank wants to know why we're owed so much money",
                "Our bank manager has asked some pointed questions about the amount of outcome payments we're expecting but haven't received. How do others explain PbR to their bank?",
                kinds=SMALL,
            ),
            _t(
                "Attachment fees for small subcontractors: has anyone negotiated one?",
                "I've read that some primes pay small subcontractors something at attachment, not just at outcome. We're about to renegotiate and I'd like to know whether it's realistic to ask.",
                kinds=DELIVERY,
            ),
        ],
        "contexts": [
            "Our reserves will just about cover it, if everything goes to plan. Things rarely go entirely to plan.",
        ],
        "points": [
            "Model it month by month, not year by year. Our annual model looked fine; the monthly one showed a gap of nearly five months where we'd have been in the red.",
            "Ask for an attachment fee or a start-up payment. Some primes will pay something up front for small providers, and it makes a huge difference to cash flow.",
            "Make sure you know exactly when outcomes are paid: when they're claimed, when they're validated, or when the prime is paid. The difference can be two or three months.",
            "Talk to your bank before you need to, and show them the model. A small overdraft agreed in advance is far cheaper than an emergency loan.",
            "Social investment funds exist for this. We used a small loan to cover the first year and repaid it from outcome payments.",
            "Don't take more referrals than you can resource. The temptation is to grow to make the numbers work, but it makes the cash gap bigger, not smaller.",
            "Use the financial model on the hub. It's not perfect, but it made our trustees' conversation much more concrete.",
            "Most subcontractors I know are somewhere between 60% and 80% on outcomes. The split matters less than how soon the delivery fee is paid, and whether anything is paid at attachment.",
            _p(
                "Speaking as a prime: we pay our smallest subcontractors a fee at attachment as well as at outcome. It costs us a little in cash flow and has kept good specialist providers in our supply chain.",
                "prime",
            ),
        ],
        "question": True,
        "tags": ["payment by results", "cash flow", "vcs"],
        "kinds": None,
        "case_study": "How a small charity survived payment by results",
    },
    {
        "threads": [
            _t(
                "Merlin Standard assessment: what do the assessors ask subcontractors?",
                "Our prime is due its Merlin Standard assessment and we've been asked to take part in interviews. It's the first time for us, and I'd like to know what to expect and how honest we can be.",
                kinds=DELIVERY,
            ),
            _t(
                "Has the Merlin Standard changed anything for your supply chain?",
                "We're a few years into the Merlin Standard now. I'd be interested to hear, from primes and subcontractors alike, whether it has actually changed how supply chains are managed.",
            ),
            _t(
                "Raising a concern about a prime: Merlin or the Code of Conduct?",
                "We've had a few issues with how our prime handles payments and contract changes. Nothing dramatic, but it adds up. I'm not sure whether to raise it through Merlin, the Code of Conduct or just keep talking to the contract manager.",
                kinds=DELIVERY,
            ),
            _t(
                "Preparing the supply chain for our Merlin review",
                "We're a prime with a Merlin review coming up. I'd like our subcontractors to feel able to speak frankly to the assessors. How have others approached it?",
                kinds=("prime",),
                org=True,
            ),
        ],
        "contexts": [],
        "points": [
            "Be honest. The assessors are interested in how the relationship works in practice, and they talk to several subcontractors, so one voice doesn't carry all the weight.",
            "Start with the contract manager and keep a record. If it's not resolved, the Code of Conduct process is there for exactly this.",
            "Bring evidence: emails, dates, payment records. Examples carry much more weight than general impressions.",
            _p(
                "As a prime, we found the Merlin review useful. Our subcontractors told the assessors things they'd never told us directly, and we changed how we share performance data as a result.",
                "prime",
            ),
            "Talk to the other subcontractors beforehand. You may find you're raising the same issues, which is worth knowing.",
            _p(
                "Our members can ring us for confidential advice on this. We can tell you what others have done in a similar position without naming anyone.",
                "advocacy",
            ),
            _p(
                "Tell your subcontractors in writing that nobody will be penalised for what they say to the assessors, and mean it.",
                "prime",
            ),
        ],
        "question": True,
        "tags": ["merlin standard", "supply chain"],
        "kinds": None,
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Management fees: what's reasonable?",
                "We've been offered a subcontract with a management fee of {fee_pct}% retained on every payment. It seems high to us, but we have nothing to compare it with. I'd like to know what's normal, without anyone naming their prime.",
                kinds=DELIVERY,
                locked=True,
            ),
            _t(
                "Subcontract terms small charities should look out for",
                "We're a small charity and we've been sent a sixty-page subcontract to sign within two weeks. There are clauses about liability, data protection and termination that we don't fully understand, and we can't afford a solicitor for every page.",
                kinds=SMALL,
            ),
            _t(
                "Liability and indemnity clauses in subcontracts",
                "Our draft subcontract has an indemnity clause with no upper limit. Our trustees are very uneasy. Is that normal, and has anyone managed to negotiate a cap?",
                kinds=DELIVERY,
            ),
            _t(
                "Contract variations mid-contract: how much notice do you get?",
                "Our prime has changed the outcome payment schedule twice this year, each time with about a month's notice. Is this normal, and what does your subcontract say about variations?",
                kinds=DELIVERY,
            ),
        ],
        "contexts": [],
        "points": [
            "Ask what the management fee pays for. If it covers things you'd otherwise pay for, such as IT systems, training or quality audit, it may be fair; if it doesn't, ask why.",
            "Push back on unlimited liability clauses. A cap linked to the contract value is common and reasonable.",
            "Check the termination clause carefully. A short notice period on their side and a long one on yours is a warning sign.",
            "Several small charities in our area pooled money for a single legal review of the standard subcontract. It cost each of us very little.",
            "Ask for the variation process in writing. If the prime can change the terms with a month's notice, you need to know that before you sign.",
            "Don't sign under pressure. Two weeks isn't enough time for a board to consider a major contract, and a reasonable prime will accept that.",
            _p(
                "From a prime's point of view: our management fee covers the case management system, quality audits and the contract team that deals with the department. We itemise it on request, and more primes should.",
                "prime",
            ),
        ],
        "question": True,
        "tags": ["supply chain", "contract terms", "vcs"],
        "kinds": None,
        "case_study": "pooled legal review",
    },
    {
        "threads": [
            _t(
                "Should a small charity bid for a subcontract at all?",
                "The next round of contracts is coming up, and two primes have asked whether we'd be interested in joining their supply chains. We've never held a contract like this. The opportunity is real, but so is the risk, and we don't have a bid team.",
                kinds=SMALL,
            ),
            _t(
                "Bidding as part of a consortium: experiences?",
                "A few local charities are talking about bidding together as a consortium for a specialist subcontract. I'd love to hear from anyone who has done it, good or bad.",
                kinds=SMALL,
            ),
            _t(
                "How primes choose subcontractors: what we look for",
                "We're a prime putting together our supply chain for the next round. I'd like to hear from subcontractors what makes the process easier or harder, so we can do it better this time.",
                kinds=("prime",),
                org=True,
            ),
            _t(
                "Writing a bid with no bid writer",
                "We're a team of five and none of us has written a tender before. We've got a month. Where would you start?",
                kinds=SMALL,
            ),
            _t(
                "Pricing a bid when the volumes are a guess",
                "We've been asked to price a specialist service for a prime's bid, but they can only give a range for referrals, and it's wide. How do others price in that uncertainty?",
                kinds=DELIVERY,
            ),
        ],
        "contexts": [],
        "points": [
            "Do the financial model before you do anything else. If the numbers don't work at a realistic performance level, no bid is worth writing.",
            _p(
                "As a prime, we look for evidence of results with the specific claimant group, and clear costs. A short bid with real numbers beats a long one with promises.",
                "prime",
            ),
            "Consortia can work for small organisations, but agree who does what, and how the money is split, before the bid goes in.",
            "Ask the prime how many other providers are being considered for the same role. It tells you a lot about the likely volumes.",
            "Reuse what you've got. Case studies on the hub, your published service standards and your performance records are half the bid already.",
            "Give yourself permission to say no. We turned down a subcontract two years ago, and it was the right decision.",
            _p(
                "Our members' toolkit has a bid checklist and a glossary of the terms primes use. Several small charities have told us it saved them days.",
                "advocacy",
            ),
        ],
        "question": False,
        "tags": ["tendering", "vcs", "supply chain"],
        "kinds": None,
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Outcome payments delayed: how long is normal?",
                "We've got outcome claims going back {months} months that the prime says are 'in validation'. We're a small organisation and it adds up to a serious amount of money.",
                kinds=DELIVERY,
            ),
            _t(
                "Rejected outcome claims and how to appeal them",
                "A batch of our outcome claims was rejected last month for insufficient evidence, even though we sent the same evidence that was accepted before. We're appealing, but we don't know what changed.",
                kinds=DELIVERY,
            ),
            _t(
                "Chasing payments without damaging the relationship",
                "We get on well with our prime's contract team, and I don't want to sour that, but we're owed a lot of money and my finance manager is losing patience.",
                kinds=DELIVERY,
            ),
            _t(
                "Evidence the prime needs before it pays us",
                "Every few months our prime asks for a slightly different set of evidence before paying an outcome. I'd like to get ahead of it rather than find out when a batch is rejected.",
                kinds=DELIVERY,
            ),
        ],
        "contexts": [],
        "points": [
            "Ask for the validation timescale in writing and hold the prime to it. Ours agreed to thirty days after we raised it at the supply chain meeting.",
            "Keep a claims tracker with the dates each claim was submitted, queried and paid. It makes the conversation much more concrete.",
            "Rejections usually come from a change in what the department wants to see. Ask the prime for the current evidence checklist, and check it hasn't changed since your last batch.",
            _p(
                "From a prime's point of view: we can only pay when we're paid, and the department's validation has its own delays. That's not an excuse for months, but it explains weeks.",
                "prime",
            ),
            "A monthly call just about claims has helped us. It keeps the conversation about the process, not about personalities.",
        ],
        "question": True,
        "tags": ["payment by results", "job outcome evidence", "cash flow"],
        "kinds": None,
        "case_study": "",
    },
]

TOPICS["data-and-performance"] = [
    {
        "threads": [
            _t(
                "Attachment rate stuck around {attach_pct}%: where do people go?",
                "Our attachment rate last quarter was {attach_pct}%. A lot of people referred by the Jobcentre never start with us. We know some move away or find work, but for most we don't know the reason.",
            ),
            _t(
                "How do you calculate attachment rate?",
                "We've just compared our attachment rate with two other providers in the same area and got very different figures. I suspect we're not calculating it the same way.",
            ),
            _t(
                "Improving attachment: what moved the numbers for you?",
                "We've been asked to improve attachment by five percentage points this year. Before I start redesigning things, I'd like to know what has actually worked elsewhere.",
            ),
            _t(
                "Referrals that never attach: tracking the reasons",
                "I'd like to start recording a reason for every referral that doesn't attach. Has anyone got a list of reasons that works, without it becoming a huge dropdown nobody uses properly?",
            ),
        ],
        "contexts": [],
        "points": [
            "We measure attachment as referrals who attend an initial meeting within twenty working days, divided by referrals received in the same period. Worth agreeing a definition before comparing.",
            "Record a reason for every non-attachment, even 'unknown'. Over a few months the pattern shows up, and ours turned out to be mostly wrong contact details.",
            "Warm handovers from the Jobcentre, a three-way conversation at the point of referral, made the biggest difference to our attachment.",
            "Ring within two working days of the referral. After a week, the chance of attachment drops sharply.",
            "Look at attachment by the day of the week the referral arrived. Ours was noticeably worse for Friday referrals, because nobody phoned them until Tuesday.",
            "Use the performance database on the hub to compare with similar providers, but check their definitions first.",
            "Keep the list of reasons short: moved away, found work, health, can't contact, declined, other. Six options get used; thirty don't.",
        ],
        "question": True,
        "tags": ["attachment", "mi", "referrals"],
        "case_study": "Warm handovers",
    },
    {
        "threads": [
            _t(
                "Job outcome evidence when the participant won't send payslips",
                "We're losing outcomes because we can't get the evidence. The participant is in work, we know they're in work, but they won't send payslips, and the employer won't confirm without their consent.",
            ),
            _t(
                "What counts as acceptable evidence of a job outcome?",
                "Our new advisers keep asking me what evidence is acceptable, and the guidance we have is several versions old. Is there a clear, current list somewhere?",
            ),
            _t(
                "Self-employment outcomes: what evidence do you collect?",
                "A participant has become self-employed as a mobile hairdresser. She's doing well, but I'm not sure what evidence we need for the outcome, and she keeps her records in a notebook.",
            ),
            _t(
                "Chasing evidence from people who are now in work",
                "Our in-work support calls are turning into payslip-chasing calls, and participants have noticed. I'd like to separate the two.",
            ),
        ],
        "contexts": [],
        "points": [
            "Collect consent to contact the employer at the job start, in writing. Chasing it afterwards is much harder.",
            "A photo of a payslip on a phone is accepted by our prime. Ask yours: it's much easier for participants than posting copies.",
            "Explain why you need it. Once people understand that their payslip keeps the service running for others, many are happy to help.",
            "For self-employment, we collect a simple monthly record of income and expenses, plus evidence of registration with HMRC. Check your prime's guidance, as it varies.",
            "Set up reminders when someone starts work, timed to when the evidence will be needed. Chasing months later gets poor results.",
            "Don't let evidence-chasing take over in-work support. Participants notice when every call is really about a payslip.",
            _p(
                "We keep a one-page evidence checklist for the whole supply chain and date every version. If your prime doesn't, ask for one.",
                "prime",
            ),
        ],
        "question": True,
        "tags": ["job outcome evidence", "mi"],
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Performance against profile: how far behind is 'behind'?",
                "Our job starts are roughly on profile, but our job outcomes are {behind_pct}% below. Our prime wants an improvement plan. I think part of it is timing, but I can't prove it yet.",
            ),
            _t(
                "Benchmarking with other providers: is it ever like for like?",
                "We've been asked to benchmark our performance against similar providers. Our caseload has a much higher proportion of ESA ex-IB participants than most, and I'm worried the comparison will be unfair.",
            ),
            _t(
                "Our job starts look fine but outcomes lag: normal?",
                "Job starts have been on profile for three quarters, but job outcomes haven't caught up. Is this a normal lag or a sign of a problem with sustainment?",
            ),
            _t(
                "Using job starts as an early warning",
                "Official outcome figures reach us months after the event. I'd like to build an early warning from job starts so we can spot problems sooner. Has anyone done this?",
            ),
        ],
        "contexts": [],
        "points": [
            "Outcomes lag job starts by at least three to six months, depending on the payment group. Plot them on the same chart with the lag, and the picture often looks very different.",
            "Compare by payment group, not overall. An overall figure hides the mix of participants, and that makes most comparisons meaningless.",
            "Job starts are the best early warning you have. A dip in starts shows up months before outcomes fall.",
            "Look at conversion from start to outcome. If it's falling, the problem is in-work support, not job finding.",
            "When we benchmarked by payment group, we found we were ahead on ESA and behind on JSA 25+, the opposite of what we'd assumed.",
            "Ask for the contractual profile in the same format as the performance data. We spent months comparing numbers that weren't defined the same way.",
            _p(
                "We share a monthly job starts dashboard with every subcontractor. It means nobody is surprised when the outcome figures arrive.",
                "prime",
            ),
        ],
        "question": False,
        "tags": ["performance data", "contractual profile", "benchmarking"],
        "case_study": "Watching job starts",
    },
    {
        "threads": [
            _t(
                "Monthly data return to the prime: how long does yours take?",
                "Our monthly data return to the prime takes one person about {days} days. Most of it is copying from our case management system into the prime's spreadsheet template. There must be a better way.",
                kinds=DELIVERY,
            ),
            _t(
                "Spreadsheets or a case management system?",
                "We're a small provider still using spreadsheets for case records. Our prime wants us to use their case management system, but our other funders want their own reports, so it would mean double entry.",
                kinds=SMALL,
            ),
            _t(
                "Data quality problems in the monthly return",
                "Every month our return comes back from the prime with a list of queries: missing dates, start dates after end dates, participants in the wrong payment group. It takes days to fix.",
            ),
            _t(
                "Keeping a data dictionary: worth the effort?",
                "Our data person is leaving and I've realised nobody else knows what half the fields in our returns mean. I'd like to write it down before she goes.",
            ),
            _t(
                "Reporting to several funders from one system",
                "We report to our prime, two trusts and the council, each with its own template and definitions. Our one data person spends a week a month on it.",
                kinds=SMALL,
            ),
        ],
        "contexts": [],
        "points": [
            "Ask the prime for a data specification, not just a template. Once we had the field definitions, we could build an export from our own system.",
            "Agree a small number of validation checks, such as dates in order and no missing IDs, and run them before sending. It cut the prime's queries by more than half.",
            "If the prime's system is free to use, consider moving your other reporting into it too. We did, and it ended the double entry.",
            "Spreadsheets are fine for a small caseload if they're set up properly: one row per participant, one column per field, dropdowns for anything with a fixed list.",
            "Keep a data dictionary. It sounds bureaucratic, but it saved us when our data person left.",
            "Watch data protection. A spreadsheet with participants' names emailed around is a breach waiting to happen. Use a secure transfer.",
        ],
        "question": True,
        "tags": ["data returns", "mi", "data quality"],
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Sharing participant data with specialist providers: consent forms",
                "We refer participants to two specialist providers and share their details. Our consent form dates from the start of the contract, and I'm not sure it covers everything we now do.",
            ),
            _t(
                "Case notes, subject access requests and what we write down",
                "A participant has made a subject access request for all our case notes. Reading through them, some of what advisers wrote is accurate but not very kind. It's made me think about how we train advisers to write notes.",
            ),
            _t(
                "Data protection in the supply chain: who's the controller?",
                "Our subcontract is vague about which organisation is responsible for participants' data at which point. It hasn't mattered until now, but we've had our first data breach and nobody is sure who should report it.",
            ),
            _t(
                "Anonymising case studies properly",
                "We'd like to publish more case studies on the hub, but our area is small and I'm worried people could be recognised even without names.",
            ),
        ],
        "contexts": [],
        "points": [
            "Write every case note as if the participant will read it, because one day they might.",
            "Review your consent form every year against what you actually share. Ours had drifted well away from practice.",
            "Be clear in the subcontract about who is the data controller for what. Ours was vague, and it made a subject access request very complicated.",
            "When writing case studies, remove anything that could identify someone in a small community: not just names, but unusual jobs, exact ages and specific places.",
            "Only share what the specialist provider needs. A referral form with a few fields is safer and more respectful than forwarding the whole case file.",
            _p(
                "Please share only what we need for the referral. We'd much rather ask for more than receive a whole case file we shouldn't have.",
                "specialist",
            ),
        ],
        "question": True,
        "tags": ["data protection", "consent"],
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Customer Service Standards: how are you measuring yours?",
                "We're writing our Customer Service Standards for each of the five journey stages. The standard measures are easy to pick, but I'm less sure how to check the service standards in a way that means anything.",
            ),
            _t(
                "Standard measures that participants actually care about",
                "Our draft standard measures are things like 'first appointment within ten working days'. Useful for us, but I doubt they're what participants care about most.",
            ),
            _t(
                "Publishing service standards in plain English",
                "Our service standards have been through legal and compliance and now read like a contract. I'd like them to be something a participant would actually read.",
            ),
            _t(
                "Participant feedback surveys with a decent response rate",
                "Our participant feedback survey gets a response rate of about {survey_pct}%, mostly from people who are happy. I don't think it tells us much about the people we're letting down.",
            ),
        ],
        "contexts": [],
        "points": [
            "We wrote our standards with a group of participants. Their wording was clearer than ours, and they chose measures we'd never have thought of.",
            "A mystery-shopper panel of former participants tells you more than a survey. They notice things staff don't.",
            "Ask for feedback at exit, including from people who leave without a job. They're the ones most likely to tell you what went wrong.",
            "Keep the measures few and public. Five things you report on honestly are worth more than twenty nobody reads.",
            "Short text surveys after an appointment get much better response rates than a long survey at the end.",
            "Read your standards aloud to someone who doesn't work in the sector. Anything they ask you to explain needs rewriting.",
        ],
        "question": False,
        "tags": ["customer service standards", "quality", "participant voice"],
        "case_study": "Writing our Customer Service Standards",
    },
]

TOPICS["vcs-partnerships"] = [
    {
        "threads": [
            _t(
                "Our participants come from three different primes: who pays?",
                "We're a small community charity that runs a weekly job club. Over the past year, more and more people have come to us referred informally by advisers from several providers. We're happy to help, but we get nothing for it.",
                kinds=("vcs", "other"),
            ),
            _t(
                "Delivering outside the supply chain: complementary provision",
                "We provide specialist support for carers outside any contract. Programme providers are increasingly sending us participants, which is great for the carers, but it's taking much more of our time than we'd planned.",
                kinds=("vcs",),
            ),
            _t(
                "Primes referring to us for free: fair or not?",
                "I'd like to hear both sides on this. Providers refer participants to free community services all the time. At what point should the provider be paying?",
            ),
            _t(
                "Should a small charity charge for referrals from programme providers?",
                "Our trustees want us to start charging providers who refer people to us. I'm worried it will put off the advisers who refer the people who need us most.",
                kinds=("vcs",),
            ),
        ],
        "contexts": [
            "Our grant doesn't cover the extra numbers, and I'm not sure how long we can carry on like this.",
        ],
        "points": [
            "Keep a simple record of where your referrals come from. When we showed one prime how many of their participants used our job club, they offered a small grant.",
            "A spot-purchase agreement, with a set fee per referral, can work well. It's simple, and the provider only pays for what it uses.",
            "Talk to your local umbrella body. They may know of other charities in the same position and can raise it collectively.",
            "Be clear about what you offer free and what you don't. We kept our drop-in open to everyone but started charging for one-to-one support.",
            "Some councils fund complementary provision directly, because it serves residents whichever programme they're on. Worth a conversation.",
            "Invite the providers referring to you to come and see what you do. Once their advisers understood our work, the referrals got better, and a couple of providers put us in their bids.",
            _p(
                "As a prime, we'd much rather agree funding up front than find out a year later that a charity has been carrying our participants. Please tell us.",
                "prime",
            ),
        ],
        "question": True,
        "tags": ["vcs", "complementary provision", "funding"],
        "kinds": None,
        "case_study": "Agreeing the funding before any referral",
    },
    {
        "threads": [
            _t(
                "Volunteering as a route to work: how do you make it count?",
                "We take on volunteers referred from employment programmes. Some flourish and go on to paid work; others drift. I'd like to structure the placements better so more of them lead somewhere.",
            ),
            _t(
                "Volunteer placements and benefit rules",
                "A volunteer who's on ESA asked me whether volunteering with us could affect her benefit. I told her I didn't think so, but I realised I wasn't sure.",
            ),
            _t(
                "Volunteers from the programme: references and next steps",
                "We've had a volunteer with us for six months who's ready for paid work. What's the best way to help her make that step, beyond a good reference?",
            ),
            _t(
                "Managing volunteers with complex needs",
                "A few of our volunteers referred from programmes have quite complex needs, and our volunteer coordinators aren't trained for that. We don't want to turn people away, but we need to keep everyone safe.",
            ),
        ],
        "contexts": [],
        "points": [
            "Agree a simple goal at the start of each placement and review it monthly. Even 'build confidence to work with the public' gives it a shape.",
            "Write a proper reference at the end. For someone with a long gap on their CV, a reference from a volunteer role is valuable.",
            "Check the rules on volunteering for people on benefits, and make sure your role descriptions don't look like unpaid jobs. It protects the volunteer and you.",
            "Ask the referring adviser for a contact who'll respond if something goes wrong. It makes taking on someone with complex needs much less risky.",
            "A buddy from your existing volunteers helps new volunteers settle in. It's how most of ours stay past the first month.",
            "Offer a mock interview with one of your trustees or a local employer before they start applying. It's a low-risk way to practise.",
        ],
        "question": False,
        "tags": ["volunteering", "vcs"],
        "kinds": None,
        "case_study": "Volunteering as a stepping stone",
    },
    {
        "threads": [
            _t(
                "Keeping a small employment charity going between contracts",
                "We're a small charity with three staff. Our subcontract ends in {months} months and there's no guarantee of anything after it. I'm trying to plan now rather than in a panic at the end.",
                kinds=("vcs",),
            ),
            _t(
                "Grant funding for employment support that doesn't duplicate programmes",
                "Most trusts we approach say employment support is the government's job. How do others frame bids for work that programmes don't pay for?",
                kinds=("vcs",),
            ),
            _t(
                "Full cost recovery when you're a subcontractor",
                "Our subcontract price covers our advisers' time and not much else. Rent, insurance and management all come from elsewhere. How do others make the case for full cost recovery?",
                kinds=("vcs", "specialist"),
            ),
            _t(
                "Trustees asking whether we should leave the supply chain",
                "Our trustees are asking whether we should leave the supply chain when our subcontract ends. We've delivered well, but we've lost money on it every year, and our other funders are asking why we subsidise a government contract.",
                kinds=("vcs",),
            ),
            _t(
                "Reserves policy for a charity holding a PbR contract",
                "Our reserves policy says three months' running costs. Our auditor has suggested it's not enough for an organisation with a payment-by-results contract. What do others hold?",
                kinds=("vcs", "specialist"),
            ),
        ],
        "contexts": [],
        "points": [
            "Work out what the contract really costs you, including management time. Ours looked break-even until we counted the hours the chief executive spent on it.",
            "Charitable trusts will fund work that programmes don't pay for: pre-engagement, people who aren't eligible, follow-up after exit. Frame bids around the gaps.",
            "Hold reserves for at least the longest gap between spending and getting paid. For PbR work, that's longer than most charities' usual policy.",
            "Don't build the whole organisation around one contract. If it goes, you want a core that survives.",
            "Leaving can be the right decision. We came out of a supply chain two years ago, and our work with the people we care about has grown since.",
            _p(
                "We run a free session for members' trustees on payment by results each spring. It's helped a lot of boards ask better questions.",
                "advocacy",
            ),
        ],
        "question": True,
        "tags": ["vcs", "funding", "reserves"],
        "kinds": None,
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "How do small charities get noticed by primes?",
                "We're a small organisation with a good track record supporting {group}, but the primes in our area don't seem to know we exist. How do small organisations get on their radar without a business development team?",
                kinds=("vcs", "specialist", "other"),
            ),
            _t(
                "Partnership agreements that aren't contracts",
                "A prime has asked us to sign a partnership agreement, with no money involved, so they can name us in their bid. I'm not sure what we'd be committing to.",
                kinds=("vcs", "specialist", "other"),
            ),
            _t(
                "What do primes actually want from VCS partners?",
                "I'd love to hear from people at primes: when you look for voluntary sector partners, what are you actually looking for?",
            ),
            _t(
                "Introducing ourselves: looking for partners in {area}",
                "Hello all. We've just joined the hub and wanted to introduce ourselves. We work with {group} in {area} and we're keen to hear from providers whose participants could use what we do.",
                kinds=("vcs", "specialist", "other"),
                org=True,
            ),
            _t(
                "New on the hub: who else works with {group} in {area}?",
                "We're new here. We'd like to get to know other organisations working with {group} nearby, so we can refer to each other properly instead of relying on word of mouth.",
                kinds=("vcs", "specialist", "other", "end_to_end"),
                org=True,
            ),
        ],
        "contexts": [],
        "points": [
            "Go to the supply chain events primes run before each contract round. They're often open to anyone, and it's the easiest place to meet the right people.",
            "Write two or three short case studies with real numbers and put them on the hub. Primes look there.",
            "Be wary of being named in a bid with no commitment on the other side. Ask what happens to you if the bid wins.",
            "A memorandum of understanding with clear referral routes and a review date can be worthwhile even without money. It gives you a relationship to build on.",
            _p(
                "Primes need specialists they can't provide themselves. Lead with the thing you do that nobody else does.",
                "prime",
            ),
            "Welcome! It would be great to have you at the next local 'What Works' workshop. They're the best way to meet advisers from the other providers.",
            _p(
                "Our directory of members is a good place to start, and we can make introductions. Drop us a message.",
                "advocacy",
            ),
        ],
        "question": False,
        "tags": ["vcs", "partnerships"],
        "kinds": None,
        "case_study": "A shared directory of local specialist support",
    },
    {
        "threads": [
            _t(
                "Responding to the consultation on the next programme",
                "The department is consulting on the design of the next programme. I'd like the voluntary sector to be heard, especially small organisations without policy teams. Is anyone coordinating a response?",
            ),
            _t(
                "What should a Star Rating for providers measure?",
                "There's talk again of a published Star Rating for providers. If it happens, I'd like it to measure things that matter to participants, not just outcomes. What would you want it to include?",
            ),
            _t(
                "Lived experience panels: worth it for small organisations?",
                "We'd like to involve people who've used our service in how we run it, but we're tiny. Has anyone set up a lived experience panel without a big budget?",
            ),
            _t(
                "Is anyone feeding VCS views into contract design?",
                "Every contract round, small charities complain afterwards that the design doesn't work for them. I'd like us to get in earlier this time.",
            ),
        ],
        "contexts": [],
        "points": [
            _p(
                "We're collecting views for a joint response. A short email with two or three specific examples is more useful to us than a long submission.",
                "advocacy",
            ),
            "Quality and customer experience have to be in any rating, otherwise it rewards creaming. Outcomes alone tell you who got the easiest caseload.",
            "Include the voices of participants. A lived experience panel doesn't have to be expensive, and it changes the conversation.",
            "Ask for any rating to be broken down by payment group. An overall score hides everything that matters.",
            "Respond even if it's short. Small organisations are under-represented in consultations because they assume someone else will say it.",
            "We pay panel members for their time with vouchers and cover their travel. It's a small cost, and it says we value what they tell us.",
        ],
        "question": False,
        "tags": ["vcs", "policy", "star rating"],
        "kinds": None,
        "case_study": "lived-experience panel",
    },
]

TOPICS["prison-leavers-and-offending"] = [
    {
        "threads": [
            _t(
                "Helping participants disclose convictions to employers",
                "Most of my participants with convictions avoid applying for anything that asks about criminal records, even when their conviction is spent or wouldn't be relevant. We've lost good opportunities because people assumed they'd be turned down.",
            ),
            _t(
                "Spent and unspent: when does a conviction need disclosing?",
                "I'm embarrassed to say I'm not confident about the rules on when a conviction is spent. I'd like to get it right before I give anyone advice.",
            ),
            _t(
                "Disclosure letters: do you help write them?",
                "A participant has an interview next week for a job that needs a basic DBS check. His conviction is unspent and he's terrified of the conversation. I'd like to help him prepare a short letter.",
            ),
            _t(
                "Employers who ask about convictions on the application form",
                "A lot of local employers still have the conviction question on the first page of the application form. Our participants see it and close the form.",
            ),
        ],
        "contexts": [],
        "points": [
            "Check whether the conviction is spent first. Many people don't know theirs is, and the relief when they find out is huge.",
            "The rehabilitation periods changed a few years ago, so older guidance is often wrong. Use a disclosure calculator from a reputable charity, and check anything complicated with them before advising.",
            "A short disclosure letter, covering what happened, what's changed and what they can offer, helps people tell their story on their own terms.",
            "Practise the conversation. Role-play with someone who'll ask the awkward follow-up questions.",
            "Employers who've 'banned the box' don't ask at application stage. Build a list of local ones and share it.",
            "Refer to a specialist charity for advice on complex cases. Getting disclosure wrong can cost someone a job, or worse.",
            "Don't advise anyone to hide an unspent conviction when asked. Apart from being wrong, it's the quickest way to lose a job later.",
            _p(
                "We run disclosure coaching sessions that any provider can refer to. Young people especially come out of them much more confident.",
                "vcs",
                "end_to_end",
            ),
        ],
        "question": True,
        "tags": ["prison leavers", "disclosure", "convictions"],
        "kinds": None,
        "case_study": "Disclosure coaching",
    },
    {
        "threads": [
            _t(
                "Meeting people at the gate: is it worth the cost?",
                "We're thinking of piloting gate pick-ups: a mentor meeting people on the day of release and going with them to their first appointments. It's expensive per person, and I'd love to hear from anyone who's done it.",
            ),
            _t(
                "The first 48 hours after release",
                "I'd like to map out what needs to happen in the first two days after someone is released, and who's responsible for each bit. At the moment it feels like everyone assumes someone else is doing it.",
            ),
            _t(
                "Through-the-gate support: linking up with the resettlement team",
                "We'd like to start working with people before they're released, but we don't know how to approach the prison's resettlement team.",
            ),
            _t(
                "Prison leavers referred weeks after release",
                "Our prison leaver referrals usually arrive weeks after release. By then a lot of people have already had a crisis: no money, no housing, sometimes back inside.",
            ),
        ],
        "contexts": [],
        "points": [
            "Gate pick-ups are expensive per person, but engagement afterwards is far higher. For us they paid for themselves in fewer lost participants.",
            "Build a relationship with the resettlement team in the local prison. Ours lets us run a session inside a few weeks before release, so people know us before they're out.",
            "The first day is about ID, money and somewhere to sleep. Employment comes after that, and pushing it on day one loses people.",
            "Volunteer mentors with lived experience make the gate pick-up work. Participants trust them in a way they don't trust us.",
            "Ask probation for an early heads-up on release dates. It's not always possible, but when it is, it helps enormously.",
            _p(
                "A charitable trust funds our through-the-gate workshops, outside any contract. Trusts are often more interested in this than in straightforward employment support.",
                "vcs",
            ),
        ],
        "question": False,
        "tags": ["prison leavers", "through the gate", "resettlement"],
        "kinds": None,
        "case_study": "Meeting prison leavers at the gate",
    },
    {
        "threads": [
            _t(
                "No ID, no bank account, no job: where do you start?",
                "Several prison leavers referred to us recently had no photo ID and no bank account. Employers won't take them on without a bank account, and banks won't open one without ID.",
            ),
            _t(
                "Getting a bank account for someone just out of prison",
                "I've spent most of this week trying to get a basic bank account for one participant. Every branch tells me something different.",
            ),
            _t(
                "Birth certificates and provisional licences on a budget",
                "ID costs money, and most of our participants have none. What do others pay for, and from which budget?",
            ),
            _t(
                "Proof of address when you're in a hostel",
                "I've got a participant in a hostel with a job offer, but the employer needs a bank account for payroll, and the bank won't accept the hostel letter as proof of address.",
            ),
        ],
        "contexts": [
            "It's a loop that can take weeks to break, and the job offers don't wait.",
        ],
        "points": [
            "Some banks have basic accounts with more flexible ID requirements. Find out which local branches understand them: staff knowledge varies a lot.",
            "We pay for birth certificates from the flexible fund. It's the cheapest way in to every other kind of ID.",
            "A letter from probation or the hostel manager on headed paper is accepted by some banks as proof of address. Ask before you go.",
            "Start the ID process before release if you can. Some prisons help with it, and it saves weeks.",
            "Keep a short guide for advisers with current local contacts for each of these. It goes out of date fast, so we review ours every quarter.",
        ],
        "question": True,
        "tags": ["prison leavers", "id", "bank accounts"],
        "kinds": None,
        "case_study": "ID and a bank account in the first week",
    },
    {
        "threads": [
            _t(
                "Employers who say 'we don't take people with convictions'",
                "I've got a good list of employers who take on our JSA participants, but most of them say no as soon as I mention convictions. I'd like to find a way to have a different conversation with them.",
            ),
            _t(
                "Employer breakfasts and other ways to change minds",
                "We're planning an event for local employers about hiring people with convictions. A couple of employers who've done it are happy to speak. What makes these events work?",
            ),
            _t(
                "Which sectors are open to people with convictions in {area}?",
                "I'm trying to build a picture of which local sectors are realistic for people with convictions. For us it's been mainly {sector}, but I'd like to widen it.",
            ),
            _t(
                "Guaranteed interviews for prison leavers: has anyone secured these?",
                "We've had some success with guaranteed interviews for young people. Has anyone managed to agree something similar with employers for prison leavers?",
            ),
            _t(
                "Employers worried about what customers will think",
                "Two employers have told me they'd be happy to take on someone with a conviction, but they're worried about what customers would say if they found out.",
            ),
        ],
        "contexts": [],
        "points": [
            "Have an employer who's done it do the talking. Employers listen to other employers far more than to us.",
            "Talk about the specific person and the specific job, not 'people with convictions'. The general conversation goes nowhere; the specific one often gets a yes.",
            "Construction, logistics and hospitality have been the most open sectors for us. Care and financial services are much harder, for understandable reasons.",
            "Offer the employer support for the first months: a named contact and a quick response if anything goes wrong. It reduces the perceived risk.",
            "Keep it small and informal. A breakfast with eight employers in a room worked better for us than a conference.",
        ],
        "question": False,
        "tags": ["prison leavers", "employer engagement"],
        "kinds": None,
        "case_study": "employers' breakfast",
    },
    {
        "threads": [
            _t(
                "Licence conditions that clash with job offers",
                "A participant on licence has a job offer with shifts finishing at 11pm, but his curfew starts at 9pm. The employer's keen and so is he, but I don't know whether probation can or will vary the curfew.",
            ),
            _t(
                "Working with probation: who contacts whom?",
                "We have a lot of participants under probation supervision, but we almost never talk to their probation officers. Appointments clash, information isn't shared, and participants end up caught between two sets of expectations.",
            ),
            _t(
                "Curfews and shift work",
                "Most of the jobs available to our participants involve shifts, and curfews make a lot of them impossible. How do others handle it?",
            ),
            _t(
                "Sharing information with probation: consent and limits",
                "Probation have asked us for regular updates on a participant's attendance. He's agreed, but I'm not sure how much we should share or how to record it.",
            ),
        ],
        "contexts": [],
        "points": [
            "Contact the offender manager early and ask. Curfew variations for work are possible, but they need time and a letter from the employer.",
            "Get consent at the start to share information with probation, and agree what will be shared. It avoids awkward situations later.",
            "A named contact in each probation office makes a huge difference. We got ours by asking for a meeting with the senior probation officer.",
            "Coordinate appointment times. Missing a probation appointment because of a provider appointment is a much bigger problem for the participant than the other way round.",
            "Be careful what you record and share. Not every detail of someone's past is relevant to their job search.",
        ],
        "question": True,
        "tags": ["prison leavers", "probation", "licence conditions"],
        "kinds": None,
        "case_study": "",
    },
    {
        "threads": [
            _t(
                "Peer mentors with convictions: vetting and support",
                "We'd like to recruit people with their own convictions as volunteer mentors. Several have offered, and we think they'd be brilliant, but we need to get the safeguarding and vetting right.",
                kinds=("vcs", "end_to_end"),
            ),
            _t(
                "Mentoring prison leavers to first payday",
                "Our mentoring currently stops at the job start. I'm wondering whether we should carry on to the first payday, or even the first three months.",
            ),
            _t(
                "Keeping volunteer mentors safe and supported",
                "Our mentoring scheme for prison leavers is mostly volunteer-run. The mentors are committed, but a few have burned out, and I'd like to support them better.",
                kinds=("vcs", "end_to_end"),
            ),
        ],
        "contexts": [],
        "points": [
            "Assess risk individually. A blanket ban on people with convictions would rule out the people who are best at this.",
            "Regular supervision for mentors, even just a monthly chat, catches burnout before it happens.",
            "Be clear about boundaries from the start: what mentors do, what they don't, and who they call if something worries them.",
            "Pay mentors' expenses promptly. For volunteers on low incomes, being out of pocket for a month is a real barrier.",
            "Mentoring through to first payday, not just to a job start, is where it pays off. That first month is when people are most likely to slip.",
        ],
        "question": False,
        "tags": ["prison leavers", "mentoring", "volunteering"],
        "kinds": None,
        "case_study": "Volunteer mentors from release day",
    },
]


# Who starts threads where no kind is given (not Jobcentre staff), and who stays out of a category.
OP_KINDS = ("prime", "end_to_end", "specialist", "vcs", "advocacy", "other")
ANYONE = "anyone"
REPLY_KINDS_EXCLUDED = {"supply-chain-and-contracting": {"jcp"}}

# Hub help threads are about the site, so their replies are written out in full rather than
# drawn from points: (who says it: "moderator", "member" or "starter", the text). `solution`
# is the index of the reply marked as the answer.
TOPICS["hub-help-and-feedback"] = [
    {
        "threads": [
            _t(
                "How much detail should a case study include?",
                "I'd like to write up a case study about our work with {group}, but I'm not sure how much detail to include. Our numbers are small, and I'm worried about identifying anyone.",
                script=[
                    (
                        "member",
                        "Small numbers are fine as long as you say so. Readers trust a modest, honest figure more than a big one with no context.",
                    ),
                    (
                        "moderator",
                        "Good question. Describe what you did in enough detail that another team could try it, and leave out anything that could identify a participant: exact ages, unusual jobs, small villages. If you're unsure, save it as a draft and ask us to look at it before you publish.",
                    ),
                    (
                        "starter",
                        "Thanks @{moderator}, that's really clear. I'll start a draft this week.",
                    ),
                    (
                        "member",
                        "The 'lessons' section is the bit I read most. Be honest about what didn't work.",
                    ),
                ],
                solution=1,
            ),
            _t(
                "Can I edit a case study after it's published?",
                "We published a case study last month and have since got better figures. Can I edit it, and will people see that it's changed?",
                script=[
                    (
                        "moderator",
                        "Yes: open the case study while you're signed in and choose 'Edit'. Readers can see when it was last updated.",
                    ),
                    ("starter", "Perfect, thank you @{moderator}! Just what I was looking for."),
                    (
                        "member",
                        "Worth adding a line at the end saying what changed and why. I always look for that when figures move.",
                    ),
                ],
                solution=0,
            ),
            _t(
                "Case study figures: what if we only have rough numbers?",
                "Our case study would be much stronger with figures, but we only have rough numbers for the first few months. Is it better to leave them out?",
                script=[
                    (
                        "member",
                        "I'd include them and say how rough they are. 'About forty people, counted from our diary' is still useful.",
                    ),
                    (
                        "moderator",
                        "Rough figures are fine if you say how they were counted and over what period. If you later upload performance records, you can point to them from the case study.",
                    ),
                    ("starter", "Thanks both. I'll include them, with a note on how we counted."),
                ],
                solution=1,
            ),
        ],
        "question": True,
        "tags": ["hub help", "case studies"],
    },
    {
        "threads": [
            _t(
                "Suggestion: an email digest instead of an email for everything",
                "Small suggestion: I'd find it helpful to get one email a day with new replies and threads, rather than an email every time someone posts.",
                script=[
                    (
                        "member",
                        "+1. Something daily would suit me much better than an email every time.",
                    ),
                    (
                        "moderator",
                        "You can already choose this: go to your notification settings and pick 'daily digest' for the kinds of notification you want. We'll make the option easier to find.",
                    ),
                    ("starter", "Found it, thanks @{moderator}! Switched on."),
                    ("member", "I had no idea that existed either. Thanks!"),
                ],
            ),
            _t(
                "Could the performance pages show trends over time?",
                "It would be great if the performance pages could show trends over several quarters, not just the latest figure. A single quarter can be misleading.",
                script=[
                    (
                        "member",
                        "Agreed, and a chart would be even better, as long as it works with a screen reader.",
                    ),
                    (
                        "member",
                        "I'd like to see it against the contractual profile too, so you can tell whether someone is catching up or falling further behind.",
                    ),
                    (
                        "moderator",
                        "Thanks for the suggestion. We've added it to the list for the next round of improvements, with a table alongside any chart.",
                    ),
                ],
            ),
            _t(
                "Feature request: filter case studies by area",
                "I'd like to see what's worked near us. Could the case study list be filtered by area as well as by claimant group?",
                script=[
                    (
                        "member",
                        "I'd add a filter by claimant group too, if it isn't there already. That's how most of us think about our work.",
                    ),
                    (
                        "moderator",
                        "Both are there: use the filters beside the case study list. You can combine area, claimant group, barrier and journey stage.",
                    ),
                    (
                        "starter",
                        "So they are! I'd missed them on my phone, where they sit below the list. Thanks.",
                    ),
                ],
            ),
            _t(
                "Idea: find people doing similar work nearby",
                "It would be useful to find other members working with the same claimant group in the same area, so we could meet up or share practice.",
                script=[
                    (
                        "member",
                        "The organisation directory already lists areas and claimant groups. Maybe that could be the starting point?",
                    ),
                    (
                        "member",
                        "Yes please. The best ideas I've had came from meeting advisers from other providers at a 'What Works' workshop.",
                    ),
                    (
                        "moderator",
                        "Thanks. For now the directory is the best route: filter by area and claimant group, then start a thread in the right category and mention people with @ and their username.",
                    ),
                ],
            ),
            _t(
                "Could the forum show which threads have a solution?",
                "When I'm searching the forum, it would help to see at a glance which question threads have an answer marked.",
                script=[
                    ("member", "+1. It would save a lot of scrolling."),
                    (
                        "moderator",
                        "Good idea, thank you. Question threads with a reply marked as the solution now say so in the thread list.",
                    ),
                    ("starter", "Brilliant, thank you."),
                ],
            ),
        ],
        "question": False,
        "tags": ["hub help", "feedback"],
    },
    {
        "threads": [
            _t(
                "Our organisation admin has left: who approves new members?",
                "A colleague asked to join our organisation on the hub a couple of weeks ago, but our admin has left, and nobody has approved her request.",
                org=True,
                script=[
                    (
                        "moderator",
                        "Message the moderators with the name of someone still at your organisation who should be its admin. Once we've checked with them, we'll make them admin and they can approve your colleague.",
                    ),
                    ("starter", "Thanks @{moderator}, I've sent you a message with the details."),
                    (
                        "member",
                        "Worth having two admins for exactly this reason. We learnt the hard way.",
                    ),
                ],
                solution=0,
            ),
            _t(
                "Changing organisation when you move jobs",
                "I've just moved from a subcontractor to a prime. What happens to the case studies and posts I wrote under my old organisation?",
                script=[
                    (
                        "moderator",
                        "Your posts stay under your name. Case studies stay with the organisation that published them, which is usually what people want. Ask to join your new organisation from its page in the directory, and your old organisation's admin can remove your old membership.",
                    ),
                    (
                        "member",
                        "Remember to update your job title on your profile too. It's shown next to your posts.",
                    ),
                    ("starter", "Thanks, both. Done."),
                ],
                solution=0,
            ),
            _t(
                "Can I be a member of two organisations?",
                "I work part-time for a small charity and part-time for an end-to-end provider. Can I be a member of both on the hub?",
                script=[
                    (
                        "member",
                        "Yes, I'm in the same position. Each organisation approves you separately.",
                    ),
                    (
                        "moderator",
                        "That's right. Both organisations show on your profile, and when you write a case study you choose which one it's published under.",
                    ),
                    ("starter", "Great, thanks @{moderator}!"),
                ],
                solution=1,
            ),
        ],
        "question": True,
        "tags": ["hub help", "accounts"],
    },
    {
        "threads": [
            _t(
                "Screen reader problem on the performance tables",
                "One of our advisers uses a screen reader and says the performance tables are hard to follow: the column headers don't seem to be read out with each cell.",
                script=[
                    (
                        "moderator",
                        "Thanks for reporting this. Could you tell us which browser and screen reader your colleague uses? It helps us test the same setup.",
                    ),
                    ("starter", "It's NVDA with Firefox, on a Windows laptop."),
                    (
                        "moderator",
                        "Thanks. We've reproduced it: the column headers weren't marked up as headers. It's fixed now; please let us know if your colleague still has trouble.",
                    ),
                    (
                        "starter",
                        "Just checked with her and it's much better. Thank you @{moderator}!",
                    ),
                ],
                solution=2,
            ),
            _t(
                "Pages slow on our office network",
                "The hub is very slow for us in the office but fine at home. Is anyone else seeing this?",
                script=[
                    (
                        "member",
                        "Same here on our network. I think our IT team filters some sites quite aggressively, so it may be worth asking yours.",
                    ),
                    (
                        "moderator",
                        "Thanks both. The hub looks normal from here, so a filtering proxy is a good guess.",
                    ),
                    (
                        "starter",
                        "That was it: our IT team had the hub on a 'scan everything' list. It's quick now. Thanks!",
                    ),
                ],
                solution=0,
            ),
            _t(
                "Printing a case study for a team meeting",
                "When I print a case study to take to a team meeting, some of the text comes out very small, and the links print as long addresses.",
                script=[
                    (
                        "member",
                        "Printing works better for me from the browser's reader view, for what it's worth.",
                    ),
                    (
                        "moderator",
                        "Thanks for reporting this. We've tidied up the print layout: the text is a readable size now, and links no longer print their full addresses. Let us know if anything else looks wrong on paper.",
                    ),
                    ("starter", "Much better, thank you."),
                ],
                solution=1,
            ),
        ],
        "question": True,
        "tags": ["hub help", "accessibility"],
    },
]
for _topic in TOPICS["hub-help-and-feedback"]:
    _topic.update(kinds=ANYONE, points=[], contexts=[], case_study="")


GENERAL_POINTS_ = [(point, ()) for point in GENERAL_POINTS]

# For a question thread: how the point that answers it begins (marked as the solution).
ANSWERS = {
    "Action plans for people whose condition changes week to week": "We stopped writing weekly targets",
    "Fluctuating conditions: how do you set goals that survive a bad week?": "Make sure the plan is written in their words",
    "Good days and bad days: planning job search around a fluctuating condition": "Ask about the pattern rather than the diagnosis",
    "Keeping momentum when appointments keep being cancelled for health reasons": "We agreed with our Jobcentre that a text in advance",
    "Waiting lists for talking therapies: what do you do in the meantime?": "In the gap before therapy starts",
    "Participants with anxiety who won't come into the office": "For people who find the office hard",
    "Specialist mental health provision: worth the referral or not?": "Track specialist referrals separately",
    "Supporting someone with depression through the first month of a job": "From the clinical side",
    "Mental Health First Aid training for advisers: was it worth it?": "Mental Health First Aid training for every adviser",
    "Access to Work applications taking months: anyone found a faster route?": "Apply the day the job offer comes in",
    "Has anyone had Access to Work pay for support at interview?": "Communication support at interview",
    "Access to Work for mental health support: experiences?": "The Mental Health Support Service",
    "Employers who've never heard of Access to Work": "Employers respond better when you present it",
    "Access to Work and self-employment": "Access to Work does cover self-employed people",
    "18-24s not turning up: what actually gets them through the door?": "Ring them the day before",
    "First appointment no-shows for young people in {area}": "From the Jobcentre side: a warm handover",
    "Engaging young people who've been through three programmes already": "Start with something practical they want",
    "Text, WhatsApp or phone: how do you contact young participants?": "Ask them how they want to be contacted",
    "Drop-in sessions instead of appointments for 18-24s?": "We run drop-in hours two afternoons",
    "Apprenticeship wages and young people living independently": "Do a full better-off calculation",
    "Anyone had success placing JSA 18-24 into apprenticeships?": "Talk to the local college's apprenticeship team",
    "Traineeships or straight into work: which sustains better?": "Traineeships with a guaranteed interview",
    "Employers asking for GCSE English and maths for entry-level roles": "Functional skills English and maths",
    "Apprenticeships for young people with learning difficulties": "Ask the training provider about adjustments",
    "How do you talk about sanctions without it sounding like a threat?": "Explain the rules once, clearly",
    "Young participants who've been sanctioned before they reach us": "Some young people are living on very little",
    "Compliance doubts: what are your policies?": "Write the policy down and share it",
    "Sanctions, trust and the first appointment": "Be clear that the decision isn't ours",
    "Losing people in the first two weeks of a new job": "A written 'first fortnight' checklist",
    "What do you do on someone's first day at work?": "We ring the evening before the first day",
    "Early drop-outs: is it the job, the money or something else?": "The first payday is the danger point",
    "The first month in work: your in-work support routine": "Don't wait for problems",
    "A checklist for the day before someone starts work": "Check the practical things before the start date",
    "Childcare for shift work: anyone found anything that works?": "Registered childminders are often more flexible",
    "Lone parents, school holidays and the first summer in work": "Plan the first school holiday",
    "Paying for childcare before the first payslip": "Help with upfront childcare costs",
    "Registered childminders who cover early mornings in {area}": "The council's family information service",
    "Childcare costs in the better-off calculation": "Make sure the better-off calculation includes",
    "Progression: is it part of your in-work support at all?": "We talk about progression at the three-month review",
    "Participants stuck on 16 hours who want more": "Helping someone get more hours",
    "Moving from zero-hours contracts into something steadier": "Many employers will offer a contract with guaranteed hours",
    "When someone in work asks you for help finding a better job": "We point people who've left our caseload",
    "Getting to work on early shifts with no bus": "Some employers run staff minibuses",
    "Travel costs in the first month: who pays?": "We buy the first month's bus pass",
    "Rural participants and jobs they can't get to": "Map the route before the interview",
    "Lift shares, bikes and scooters: has anyone tried them?": "A bike loan scheme",
    "Referral volumes well below what the prime promised": "Check your subcontract for a volume clause",
    "Our referrals dropped by {drop_pct}% this quarter: anyone else?": "Raise it at the supply chain meeting",
    "How do primes decide who gets which referrals?": "Ask the prime for the referral allocation method",
    "Planning staffing when referral numbers keep changing": "We moved some advisers onto flexible hours",
    "Payment by results: how long can a small charity carry the cost?": "Model it month by month",
    "Cash flow in the first year of a PbR subcontract": "Make sure you know exactly when outcomes are paid",
    "Delivery fees versus outcome payments: what split are you on?": "Most subcontractors I know are somewhere between",
    "Our bank wants to know why we're owed so much money": "Talk to your bank before you need to",
    "Attachment fees for small subcontractors: has anyone negotiated one?": "Ask for an attachment fee or a start-up payment",
    "Merlin Standard assessment: what do the assessors ask subcontractors?": "Be honest.",
    "Has the Merlin Standard changed anything for your supply chain?": "As a prime, we found the Merlin review useful",
    "Raising a concern about a prime: Merlin or the Code of Conduct?": "Start with the contract manager and keep a record",
    "Preparing the supply chain for our Merlin review": "Tell your subcontractors in writing",
    "Management fees: what's reasonable?": "Ask what the management fee pays for",
    "Subcontract terms small charities should look out for": "Several small charities in our area pooled money",
    "Liability and indemnity clauses in subcontracts": "Push back on unlimited liability clauses",
    "Contract variations mid-contract: how much notice do you get?": "Ask for the variation process in writing",
    "Outcome payments delayed: how long is normal?": "Ask for the validation timescale in writing",
    "Rejected outcome claims and how to appeal them": "Rejections usually come from a change",
    "Chasing payments without damaging the relationship": "A monthly call just about claims",
    "Evidence the prime needs before it pays us": "Keep a claims tracker",
    "Attachment rate stuck around {attach_pct}%: where do people go?": "Record a reason for every non-attachment",
    "How do you calculate attachment rate?": "We measure attachment as referrals",
    "Improving attachment: what moved the numbers for you?": "Warm handovers from the Jobcentre",
    "Referrals that never attach: tracking the reasons": "Keep the list of reasons short",
    "Job outcome evidence when the participant won't send payslips": "A photo of a payslip on a phone",
    "What counts as acceptable evidence of a job outcome?": "We keep a one-page evidence checklist",
    "Self-employment outcomes: what evidence do you collect?": "For self-employment",
    "Chasing evidence from people who are now in work": "Set up reminders when someone starts work",
    "Monthly data return to the prime: how long does yours take?": "Ask the prime for a data specification",
    "Spreadsheets or a case management system?": "Spreadsheets are fine for a small caseload",
    "Data quality problems in the monthly return": "Agree a small number of validation checks",
    "Keeping a data dictionary: worth the effort?": "Keep a data dictionary",
    "Reporting to several funders from one system": "If the prime's system is free to use",
    "Sharing participant data with specialist providers: consent forms": "Review your consent form every year",
    "Case notes, subject access requests and what we write down": "Write every case note as if",
    "Data protection in the supply chain: who's the controller?": "Be clear in the subcontract about who is the data controller",
    "Anonymising case studies properly": "When writing case studies, remove anything",
    "Our participants come from three different primes: who pays?": "Keep a simple record of where your referrals come from",
    "Delivering outside the supply chain: complementary provision": "Some councils fund complementary provision",
    "Primes referring to us for free: fair or not?": "A spot-purchase agreement",
    "Should a small charity charge for referrals from programme providers?": "Be clear about what you offer free",
    "Keeping a small employment charity going between contracts": "Don't build the whole organisation around one contract",
    "Grant funding for employment support that doesn't duplicate programmes": "Charitable trusts will fund work",
    "Trustees asking whether we should leave the supply chain": "Work out what the contract really costs you",
    "Reserves policy for a charity holding a PbR contract": "Hold reserves for at least the longest gap",
    "Full cost recovery when you're a subcontractor": "Work out what the contract really costs you",
    "Helping participants disclose convictions to employers": "Practise the conversation",
    "Spent and unspent: when does a conviction need disclosing?": "The rehabilitation periods",
    "Disclosure letters: do you help write them?": "A short disclosure letter",
    "Employers who ask about convictions on the application form": "Employers who've 'banned the box'",
    "No ID, no bank account, no job: where do you start?": "Start the ID process before release",
    "Getting a bank account for someone just out of prison": "Some banks have basic accounts",
    "Birth certificates and provisional licences on a budget": "We pay for birth certificates",
    "Proof of address when you're in a hostel": "A letter from probation or the hostel manager",
    "Licence conditions that clash with job offers": "Contact the offender manager early",
    "Working with probation: who contacts whom?": "A named contact in each probation office",
    "Curfews and shift work": "Contact the offender manager early",
    "Sharing information with probation: consent and limits": "Get consent at the start to share information",
}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class _Slots(dict):
    """A thread's slot values: place and group given, numbers and sector drawn when first used."""

    def __init__(self, rng: random.Random, **given):
        super().__init__(**given)
        self.rng = rng

    def __missing__(self, key):
        if key == "sector":
            value = self.rng.choice(SECTORS)
        elif key in NUMBER_SLOTS:
            value = self.rng.randint(*NUMBER_SLOTS[key])
        else:
            raise KeyError(key)
        self[key] = value
        return value


@dataclass
class _Member:
    user: object
    kind: str  # the organisation kind, or "moderator"
    organisation: object = None
    weight: float = 1.0


@dataclass
class _PostPlan:
    member: _Member
    body: str
    point: str = ""  # the substantive text, which a later post may quote
    substantive: bool = False
    when: datetime | None = None
    reactors: list = field(default_factory=list)


@dataclass
class _ThreadPlan:
    category: str
    title: str
    starter: _Member
    posts: list[_PostPlan]
    is_question: bool = False
    tags: list[str] = field(default_factory=list)
    pinned: bool = False
    locked: bool = False
    case_study: object = None
    organisation: object = None
    solution: int | None = None  # index into posts
    start: datetime | None = None


def _a(job: str) -> str:
    job = job[:1].lower() + job[1:]
    return f"{'an' if job[:1] in 'aeiou' else 'a'} {job}"


def _awake(when: datetime, hours: float) -> datetime:
    """`when` plus `hours` of waking time, counting only 07:30 to 21:30 (local time)."""
    when = timezone.localtime(when)
    while True:
        morning = when.replace(hour=7, minute=30, second=0, microsecond=0)
        night = when.replace(hour=21, minute=30, second=0, microsecond=0)
        if when >= night:
            when = morning + timedelta(days=1)
            continue
        when = max(when, morning)
        left = (night - when).total_seconds() / 3600
        if hours <= left:
            return when + timedelta(hours=hours)
        hours -= left
        when = morning + timedelta(days=1)


def _first_sentence(text: str) -> str:
    sentences = SENTENCE_END.split(text.strip())
    excerpt = sentences[0]
    if len(excerpt) < 50 and len(sentences) > 1:
        excerpt = f"{excerpt} {sentences[1]}"
    return excerpt


class _Seeder:
    """One run: looks up the demo people once, plans every thread in memory, then writes."""

    def __init__(self, stdout=None):
        from hub.base.models import Membership, User

        self.stdout = stdout
        self.now = timezone.now()
        self.rng = random.Random(RANDOM_SEED)
        demo_people = [row[0] for row in hub_content.PEOPLE]
        self.demo_usernames = demo_people + [row[0] for row in hub_content.STAFF]
        org_order = [row[0] for row in hub_content.ORGANISATIONS]
        memberships = (
            Membership.objects.filter(
                status=Membership.Status.APPROVED,
                user__is_active=True,
                user__username__in=demo_people,
            )
            .select_related("user", "organisation")
            .order_by("user__username")
        )
        by_user: dict[int, _Member] = {}
        for membership in memberships:
            organisation = membership.organisation
            rank = org_order.index(organisation.name) if organisation.name in org_order else 99
            current = by_user.get(membership.user_id)
            if current is None or rank < org_order.index(current.organisation.name):
                by_user[membership.user_id] = _Member(
                    membership.user, organisation.kind, organisation
                )
        self.members = sorted(by_user.values(), key=lambda m: m.user.username)
        for member in self.members:  # some people post far more than others
            member.weight = self.rng.uniform(0.5, 2.5) * (0.4 if member.kind == "jcp" else 1)
        moderator = User.objects.filter(username="moderator", is_active=True).first()
        self.moderator = _Member(moderator, "moderator") if moderator else None
        self.counts = {"categories": 0, "threads": 0, "posts": 0, "reactions": 0}

    # Who ----------------------------------------------------------------------------------

    def _pick(self, rng, *, kinds=None, exclude=(), category="") -> _Member | None:
        """A demo member, weighted by how much they post; of `kinds` (organisation kinds, or
        "moderator"), if given; never one in `exclude` (user ids)."""
        if kinds and "moderator" in kinds:
            if self.moderator and self.moderator.user.pk not in exclude:
                return self.moderator
            return None
        barred = REPLY_KINDS_EXCLUDED.get(category, set())
        choices = [
            m
            for m in self.members
            if m.user.pk not in exclude
            and m.kind not in barred
            and (not kinds or kinds == ANYONE or m.kind in kinds)
        ]
        if not choices:
            return None
        return rng.choices(choices, weights=[m.weight for m in choices])[0]

    # What ---------------------------------------------------------------------------------

    def _opening(self, rng, starter, spec, topic, slots, case_study) -> str:
        """The opening post: perhaps who is asking, what happened, perhaps some context and
        the case study it links to, and a question or an invitation to discuss."""
        first = spec["hook"].format_map(slots)
        if rng.random() < 0.3 and starter.organisation is not None:
            job = starter.user.job_title or "Member"
            intro = rng.choice(INTROS).format(a_job=_a(job), Job=job, org=starter.organisation.name)
            first = f"{intro} {first}"
        paragraphs = [first]
        contexts = topic.get("contexts") or []
        context = rng.choice(contexts).format_map(slots) if contexts else ""
        if context and rng.random() < 0.45:
            paragraphs.append(context)
        line = rng.choice(CASE_STUDY_LINES)
        if case_study is not None:
            paragraphs.append(line.format(title=case_study.title))
        ask = rng.choice(ASKS if spec.get("question", topic["question"]) else DISCUSS)
        if "script" in spec:  # hub help: the opening says what it needs
            pass
        elif rng.random() < 0.5:
            paragraphs[-1] = f"{paragraphs[-1]} {ask}"
        else:
            paragraphs.append(ask)
        return "\n\n".join(paragraphs)

    def _substantive(
        self, rng, pool, *, exclude, category, author=None, later=False
    ) -> _PostPlan | None:
        """A reply making the next point in the pool that its author (given, or chosen to
        suit the point) could make; None when the pool has nothing left for them."""
        for index, (point, kinds) in enumerate(pool):
            if author is not None:
                if kinds and author.kind not in kinds:
                    continue
                member = author
            else:
                member = self._pick(rng, kinds=kinds or None, exclude=exclude, category=category)
                if member is None:
                    continue
            del pool[index]
            parts = []
            if rng.random() < 0.45:
                kind_openers = KIND_OPENERS.get(member.kind)
                if kind_openers and not kinds and rng.random() < 0.35:
                    parts.append(rng.choice(kind_openers))
                else:
                    parts.append(rng.choice(OPENERS + (LATER_OPENERS if later else [])))
            parts.append(point)
            if rng.random() < 0.22:
                parts.append(rng.choice(CLOSERS))
            return _PostPlan(member, " ".join(parts), point=point, substantive=True)
        return None

    def _short(self, rng, shorts, *, exclude, category) -> _PostPlan | None:
        member = self._pick(rng, exclude=exclude, category=category)
        return _PostPlan(member, shorts.pop()) if member and shorts else None

    def _thread(self, category, groups, topic, spec, order, offset, rng) -> _ThreadPlan:
        kinds = spec.get("kinds", topic.get("kinds")) or OP_KINDS
        starter = self._pick(rng, kinds=kinds, category=category) or self._pick(
            rng, kinds=OP_KINDS, category=category
        )
        places = ORGANISATION_PLACES.get(starter.organisation.name, ["our area"])
        slots = _Slots(rng, area=rng.choice(places), group=rng.choice(groups))
        is_question = spec.get("question", topic["question"])
        title = spec["title"].format_map(slots)
        case_study = None
        if topic.get("case_study") and offset == 0:
            case_study = (
                self.CaseStudy.objects.published()
                .filter(title__icontains=topic["case_study"])
                .order_by("pk")
                .first()
            )
        opening = self._opening(rng, starter, spec, topic, slots, case_study)
        tags = sorted(rng.sample(topic["tags"], rng.randint(1, len(topic["tags"]))))
        plan = _ThreadPlan(
            category=category,
            title=title,
            starter=starter,
            posts=[_PostPlan(starter, opening)],
            is_question=is_question,
            tags=tags if rng.random() < 0.65 else [],
            locked=bool(spec.get("locked")),
            case_study=case_study,
            organisation=starter.organisation if spec.get("org") else None,
        )
        if "script" in spec:
            self._scripted(rng, plan, spec)
            return plan
        replies = min(60, max(1, int(rng.lognormvariate(2.15, 0.7))))
        if is_question:
            replies = max(replies, 2)
        if rng.random() < 0.03:
            replies = 0  # nobody has answered yet
        if plan.locked:
            replies = max(replies, 9)
        shift = (offset * 3) % max(len(order), 1)
        pool = order[shift:] + order[:shift] + rng.sample(GENERAL_POINTS_, len(GENERAL_POINTS_))
        answer = None
        if spec["title"] in ANSWERS:
            hint = ANSWERS[spec["title"]]
            found = [p for p in pool if p[0].startswith(hint)]
            if not found:
                raise ValueError(f"Demo forum thread {title!r}: no point starts {hint!r}")
            answer = found[0]
            pool.remove(answer)
        self._replies(rng, plan, pool, replies, slots, answer)
        if plan.locked and self.moderator is not None:
            plan.posts.append(_PostPlan(self.moderator, LOCK_NOTE))
        return plan

    def _scripted(self, rng, plan: _ThreadPlan, spec: dict) -> None:
        """The replies written out for the thread, by the moderator, the starter or members."""
        moderator = self.moderator
        for index, (role, text) in enumerate(spec["script"]):
            if moderator is None and (role == "moderator" or "{moderator}" in text):
                continue
            if role == "moderator":
                member = moderator
            elif role == "starter":
                member = plan.starter
            else:
                exclude = {plan.starter.user.pk, plan.posts[-1].member.user.pk}
                member = self._pick(rng, exclude=exclude, category=plan.category)
            body = text.format(moderator=moderator.user.username if moderator else "")
            if index == spec.get("solution"):
                plan.solution = len(plan.posts)
            plan.posts.append(_PostPlan(member, body, point=body, substantive=role != "starter"))

    def _replies(self, rng, plan, pool, replies, slots, answer=None) -> None:
        """Write `replies` replies: points, quotes, questions back and answers, mentions,
        updates from the starter, short replies, and for a question, `answer` as the solution
        (or the next point that suits, if nobody could make that one)."""
        posts, starter, category = plan.posts, plan.starter, plan.category
        shorts = rng.sample(SHORT, len(SHORT))  # nobody says the same thing twice in a thread
        total = replies + 1
        solution_at = rng.randint(2, min(total, 6)) if plan.is_question and total > 1 else None
        pending: list[_PostPlan] = []
        while len(posts) < total:
            number = len(posts) + 1
            room = total - len(posts)
            previous = posts[-1].member.user.pk
            if pending:
                posts.append(pending.pop(0))
                continue
            others = [p for p in posts if p.substantive and p.member is not starter]
            if solution_at is not None and number >= solution_at and plan.solution is None:
                post = None
                if answer is not None:
                    exclude = {starter.user.pk, previous}
                    post = self._substantive(rng, [answer], exclude=exclude, category=category)
                post = post or self._substantive(
                    rng,
                    pool,
                    exclude={starter.user.pk, previous},
                    category=category,
                    later=number > 4,
                )
                if post is not None:
                    plan.solution = len(posts)
                    posts.append(post)
                    if room >= 2:
                        thanks = rng.choice(THANKS_SOLUTION).format(who=post.member.user.username)
                        pending.append(_PostPlan(starter, thanks))
                    continue
            roll = rng.random()
            recent = [p.member for p in posts[-3:]]
            talk = category in ALL_TALK  # hub help keeps to the point
            if roll < 0.10 and number > 3 and starter not in recent:
                question, answers, kinds = rng.choice(SAY_MORE)
                askable = [p for p in others if not kinds or p.member.kind in kinds]
                if talk and askable and room >= 2 and rng.random() < 0.5:
                    asked = rng.choice(askable)
                    who = asked.member.user.username
                    posts.append(_PostPlan(starter, question.format(who=who)))
                    pending.append(_PostPlan(asked.member, rng.choice(answers)))
                else:
                    posts.append(_PostPlan(starter, rng.choice(OP_UPDATES if talk else HUB_THANKS)))
                continue
            if roll < 0.17 and room >= 2 and number <= 6:
                asker = self._pick(rng, exclude={starter.user.pk, previous}, category=category)
                question, response, where = rng.choice(QUESTIONS_BACK)
                if asker is not None and category in where:
                    posts.append(_PostPlan(asker, question))
                    pending.append(_PostPlan(starter, response.format_map(slots)))
                    continue
            if roll < 0.24 and room >= 2 and talk:
                tagger = self._pick(rng, exclude={starter.user.pk, previous}, category=category)
                in_thread = {p.member.user.pk for p in posts} | {tagger.user.pk if tagger else 0}
                who = self._pick(rng, exclude=in_thread, category=category)
                if who is not None and tagger is not None:
                    reply = self._substantive(
                        rng, pool, exclude=set(), category=category, author=who
                    )
                    if reply is not None:
                        invite = rng.choice(MENTION_INVITES).format(
                            who=who.user.username, org=who.organisation.name
                        )
                        posts.append(_PostPlan(tagger, invite))
                        thanks = rng.choice(TAG_THANKS).format(tagger=tagger.user.username)
                        reply.body = f"{thanks} {reply.point}"
                        pending.append(reply)
                        continue
            if roll < 0.38:
                post = self._short(
                    rng, shorts, exclude={starter.user.pk, previous}, category=category
                )
            else:
                post = self._substantive(
                    rng,
                    pool,
                    exclude={starter.user.pk, previous},
                    category=category,
                    later=number > 4,
                )
                quotable = [p for p in others if post and p.member is not post.member]
                if post is not None and quotable and rng.random() < 0.25:
                    quoted = rng.choice(quotable)
                    number_of = next(i for i, p in enumerate(posts, start=1) if p is quoted)
                    post.body = (
                        f"> {_first_sentence(quoted.point)}\n>\n"
                        f"> — @{quoted.member.user.username}, post {number_of}\n\n"
                        f"{rng.choice(QUOTE_REACTIONS)} {post.point}"
                    )
                if post is None:
                    post = self._short(
                        rng, shorts, exclude={starter.user.pk, previous}, category=category
                    )
            if post is None:  # nobody left to say anything: end the thread here
                break
            posts.append(post)

    def _welcome(self, category, title, body, rng) -> _ThreadPlan:
        replies = []
        fitting = [t for t, words in WELCOME_REPLIES if not words or any(w in body for w in words)]
        lines = rng.sample(fitting, rng.randint(2, min(5, len(fitting))))
        name = self.moderator.user.public_name.split()[0]
        for line in lines:
            member = self._pick(rng, exclude={r.member.user.pk for r in replies}, category=category)
            replies.append(_PostPlan(member, line.replace("Morgan", name)))
        opening = _PostPlan(self.moderator, body)
        return _ThreadPlan(category, title, self.moderator, [opening, *replies], pinned=True)

    # When, and who found it helpful ----------------------------------------------------------

    def _times(self, plans: list[_ThreadPlan], welcome: list[_ThreadPlan]) -> None:
        order = self.rng.sample(plans, len(plans))  # interleave the categories over time
        span = SPAN_DAYS - 3
        for index, plan in enumerate(welcome):
            plan.start = self._working_hours(self.now - timedelta(days=SPAN_DAYS - index * 0.2))
        for index, plan in enumerate(order):
            days_ago = SPAN_DAYS - 1 - (index + self.rng.uniform(0.1, 0.9)) * span / len(order)
            plan.start = self._working_hours(self.now - timedelta(days=days_ago))
        for plan in welcome + order:
            rng = random.Random(self.rng.getrandbits(64))
            gaps = []  # in waking hours: people post between half past seven and half past nine
            for number in range(1, len(plan.posts)):
                hours = rng.expovariate(1 / (3 if number == 1 else 8)) + 0.05
                if rng.random() < 0.08:
                    hours += rng.uniform(14, 100)
                gaps.append(hours)
            for post, when in zip(plan.posts, self._spread(plan.start, gaps), strict=True):
                post.when = when
            self._reactions(plan, rng)

    def _spread(self, start: datetime, gaps: list[float]) -> list[datetime]:
        """Times `gaps` waking hours apart from `start`, squeezed if need be to end by now."""
        limit = self.now - timedelta(minutes=20)
        scale = 1.0
        for _ in range(8):
            times = [start]
            for hours in gaps:
                times.append(_awake(times[-1], max(hours * scale, 1 / 60)))
            if times[-1] <= limit:
                return times
            scale *= 0.9 * (limit - start) / (times[-1] - start)
        step = (limit - start) / (len(gaps) + 1)  # hardly ever: evenly, at any hour
        return [start + step * index for index in range(len(gaps) + 1)]

    def _working_hours(self, moment: datetime) -> datetime:
        moment = timezone.localtime(moment)
        hour = self.rng.randint(8, 17)
        return moment.replace(hour=hour, minute=self.rng.randint(0, 59), second=0, microsecond=0)

    def _reactions(self, plan: _ThreadPlan, rng) -> None:
        for index, post in enumerate(plan.posts):
            if index == plan.solution:
                count = rng.randint(2, 7)
            elif post.substantive:
                count = 1 + min(7, int(rng.expovariate(1 / 1.5))) if rng.random() < 0.45 else 0
            elif index == 0:
                count = rng.randint(1, 3) if rng.random() < (0.5 if plan.pinned else 0.2) else 0
            else:
                count = 1 if rng.random() < 0.04 else 0
            candidates = [
                m
                for m in self.members
                if m.user.pk != post.member.user.pk
                and m.kind not in REPLY_KINDS_EXCLUDED.get(plan.category, set())
            ]
            post.reactors = rng.sample(candidates, min(count, len(candidates)))

    # All of it ----------------------------------------------------------------------------

    def categories(self) -> dict:
        from forum.models import Category

        found = {c.slug: c for c in Category.objects.filter(slug__in=[c[0] for c in CATEGORIES])}
        for order, (slug, name, description, access, _) in enumerate(CATEGORIES):
            if slug in found:
                continue  # made on an earlier run; a moderator may have changed it since
            if Category.objects.filter(name=name).exists():
                _say(self.stdout, f"Skipped the demo category {name!r}: the name is taken.")
                continue
            found[slug] = Category.objects.create(
                name=name,
                slug=slug,
                description=description,
                read_access=access,
                sort_order=(order + 1) * 10,
            )
            self.counts["categories"] += 1
        return found

    def plan(self, categories: dict) -> list[_ThreadPlan]:
        plans, welcome = [], []
        for slug, _name, _description, _access, groups in CATEGORIES:
            for topic in TOPICS[slug]:
                points = [p if isinstance(p, tuple) else (p, ()) for p in topic["points"]]
                order = self.rng.sample(points, len(points))
                for offset, spec in enumerate(topic["threads"]):
                    rng = random.Random(self.rng.getrandbits(64))
                    if slug in categories:
                        plans.append(self._thread(slug, groups, topic, spec, order, offset, rng))
        if self.moderator is not None:
            for slug, title, body in WELCOME:
                rng = random.Random(self.rng.getrandbits(64))
                if slug in categories:
                    welcome.append(self._welcome(slug, title, body, rng))
        self._times(plans, welcome)
        return welcome + plans

    def _backdate_members(self, plans: list[_ThreadPlan]) -> None:
        """Demo people joined before their first post (and so are not 'new members')."""
        from hub.base.models import User

        earliest = min(p.start for p in plans)
        joined = self.now - timedelta(days=MEMBERS_JOINED_DAYS)
        people = User.objects.filter(username__in=self.demo_usernames).order_by("username")
        for index, user in enumerate(people):
            if user.date_joined > earliest - timedelta(days=14):
                User.objects.filter(pk=user.pk).update(
                    date_joined=joined - timedelta(days=index * 3)
                )

    def write(self, categories: dict, plans: list[_ThreadPlan]) -> None:
        from forum.models import Post, Reaction, Thread, ThreadRead, Watch
        from forum.services import MAX_MENTIONS, MENTION

        threads = []
        for plan in plans:
            last = plan.posts[-1]
            threads.append(
                Thread(
                    category=categories[plan.category],
                    title=plan.title,
                    author=plan.starter.user,
                    is_question=plan.is_question,
                    pinned=plan.pinned,
                    locked=plan.locked,
                    case_study=plan.case_study,
                    organisation=plan.organisation,
                    post_count=len(plan.posts),
                    reply_count=len(plan.posts) - 1,
                    last_post_at=last.when,
                    last_post_author=last.member.user,
                )
            )
        Thread.objects.bulk_create(threads, batch_size=200)
        for thread, plan in zip(threads, plans, strict=True):
            thread.created_at = plan.start  # auto_now_add set it to now on the way in
        Thread.objects.bulk_update(threads, ["created_at"], batch_size=200)

        posts, rows = [], []
        for thread, plan in zip(threads, plans, strict=True):
            for number, post in enumerate(plan.posts, start=1):
                rows.append((thread, plan, number, post))
                posts.append(
                    Post(
                        thread=thread,
                        number=number,
                        author=post.member.user,
                        body=post.body,
                        mentions=[u.lower() for u in MENTION.findall(post.body)][:MAX_MENTIONS],
                        helpful_count=len(post.reactors),
                    )
                )
        Post.objects.bulk_create(posts, batch_size=500)
        for row, plan_post in zip(posts, rows, strict=True):
            row.created_at = plan_post[3].when
        Post.objects.bulk_update(posts, ["created_at"], batch_size=500)

        solved = []
        reactions, reaction_times = [], []
        watches, reads = {}, {}
        rng = random.Random(self.rng.getrandbits(64))
        for post, (thread, plan, number, plan_post) in zip(posts, rows, strict=True):
            if plan.solution is not None and number == plan.solution + 1:
                thread.solution = post
                solved.append(thread)
            for member in plan_post.reactors:
                reactions.append(Reaction(post=post, user=member.user))
                after = timedelta(hours=rng.uniform(0.2, 72))
                reaction_times.append(min(plan_post.when + after, self.now))
            key = (thread.pk, plan_post.member.user.pk)
            watches[key] = Watch(user=plan_post.member.user, thread=thread)
            reads[key] = ThreadRead(
                user=plan_post.member.user, thread=thread, last_read_number=number
            )
        Thread.objects.bulk_update(solved, ["solution"], batch_size=200)
        Reaction.objects.bulk_create(reactions, batch_size=500)
        for reaction, when in zip(reactions, reaction_times, strict=True):
            reaction.created_at = when
        Reaction.objects.bulk_update(reactions, ["created_at"], batch_size=500)
        Watch.objects.bulk_create(watches.values(), batch_size=500)
        ThreadRead.objects.bulk_create(reads.values(), batch_size=500)
        for thread, plan in zip(threads, plans, strict=True):
            if plan.tags:
                thread.tags.set(plan.tags)

        self._count(categories, plans)
        self._index(threads, posts)
        self.counts["threads"] = len(threads)
        self.counts["posts"] = len(posts)
        self.counts["reactions"] = len(reactions)

    def _count(self, categories: dict, plans: list[_ThreadPlan]) -> None:
        """Add what was written to each category's stored counters."""
        from forum.models import Category

        for slug, category in categories.items():
            mine = [p for p in plans if p.category == slug]
            if not mine:
                continue
            category.refresh_from_db()
            latest = max(p.posts[-1].when for p in mine)
            Category.objects.filter(pk=category.pk).update(
                thread_count=F("thread_count") + len(mine),
                post_count=F("post_count") + sum(len(p.posts) for p in mine),
                last_post_at=max(filter(None, [category.last_post_at, latest])),
            )

    @staticmethod
    def _index(threads, posts) -> None:
        """Bulk writes skip the search index's save signals: add the rows to it directly."""
        from wagtail.search.backends import get_search_backends

        from forum.models import Post, Thread

        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(Thread, threads)
            backend.add_bulk(Post, posts)

    def run(self) -> str:
        from cases.casestudies.models import CaseStudy
        from forum.models import Thread

        self.CaseStudy = CaseStudy
        categories = self.categories()
        summary = f"Demo forum: {len(categories)} categories ({self.counts['categories']} new)"
        if not self.members:
            return f"{summary}; no demo members to write threads, so none added."
        existing = Thread.objects.filter(
            Q(category__in=categories.values()), author__username__in=self.demo_usernames
        )
        if existing.exists():
            return f"{summary}; {existing.count()} demo threads already there, left alone."
        plans = self.plan(categories)
        self._backdate_members(plans)
        self.write(categories, plans)
        helpful = sum(1 for p in plans for post in p.posts if post.reactors)
        return (
            f"{summary}; {self.counts['threads']} threads and {self.counts['posts']} posts "
            f"added, {self.counts['reactions']} 'helpful' marks on {helpful} posts."
        )


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def seed(stdout=None) -> str:
    """Create the demo forum categories and, if none of their threads are there yet, the demo
    threads, posts, solutions, tags and 'helpful' reactions. Returns a one-line summary.

    Needs the demo organisations and members (``manage.py seed_demo`` runs it after the case
    studies). Writes no notifications: the posts are backdated conversations, not news.
    """
    with notifications.emails_muted(), transaction.atomic():
        return _Seeder(stdout).run()
