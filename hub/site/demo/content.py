"""Fictional demo content. Every organisation and person here is invented, and says so."""

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - documented in the README, demo only

FICTION_NOTE = "This is a fictional organisation, made up for the hub's demo content."

# (name, kind, area codes, claimant group slugs, description)
ORGANISATIONS = [
    (
        "Northgate Employment Partnership",
        "prime",
        ["CPA5", "CPA18"],
        ["jsa-18-24", "jsa-25", "new-esa-claimants"],
        "Holds programme contracts in the North East and runs a supply chain of eight providers.",
    ),
    (
        "Meridian Work Solutions",
        "prime",
        ["CPA3", "CPA4"],
        ["jsa-25", "esa-ex-incapacity-benefit"],
        "A prime contractor across London with a mixed end-to-end and specialist supply chain.",
    ),
    (
        "Riverside Pathways",
        "end_to_end",
        ["CPA5"],
        ["jsa-18-24", "jsa-25"],
        "Supports participants from referral to sustained work across Tyneside.",
    ),
    (
        "Harbour Lights Training",
        "end_to_end",
        ["CPA18"],
        ["jsa-25", "jsa-early-access"],
        "Delivers end-to-end support in coastal towns, with a focus on seasonal work.",
    ),
    (
        "Eastside Futures",
        "end_to_end",
        ["CPA4"],
        ["jsa-18-24", "jsa-prison-leavers"],
        "Works with young people and prison leavers in East London.",
    ),
    (
        "Clearview Mental Health Employment Service",
        "specialist",
        ["CPA5", "CPA4"],
        ["new-esa-claimants", "esa-volunteers"],
        "A spot provider giving specialist mental health support alongside employment coaching.",
    ),
    (
        "Keystone Housing and Debt Advice",
        "specialist",
        ["CPA3"],
        ["jsa-25", "esa-ex-incapacity-benefit"],
        "Specialist housing and debt advice for participants whose circumstances stop them working.",
    ),
    (
        "Second Chance Community Trust",
        "vcs",
        ["CPA18"],
        ["jsa-prison-leavers", "jsa-25"],
        "A small charity supporting people with convictions into work, volunteering and training.",
    ),
    (
        "Open Door Carers' Network",
        "vcs",
        ["CPA5"],
        ["esa-volunteers", "ibis-volunteers"],
        "A volunteer-led charity for carers returning to work.",
    ),
    (
        "Wearside Jobcentre Plus Office",
        "jcp",
        ["CPA5"],
        [],
        "A fictional Jobcentre Plus office that refers claimants to local providers.",
    ),
    (
        "Employment Providers' Forum North",
        "advocacy",
        ["CPA5", "CPA18"],
        [],
        "A fictional umbrella body for voluntary sector employment providers in the north of England.",
    ),
    (
        "Lantern Digital Inclusion CIC",
        "other",
        ["CPA4"],
        ["jsa-25", "new-esa-claimants"],
        "A community interest company teaching digital skills for job search.",
    ),
]

# (prime, subcontractor) pairs, confirmed.
SUPPLY_CHAIN = [
    ("Northgate Employment Partnership", "Riverside Pathways"),
    ("Northgate Employment Partnership", "Harbour Lights Training"),
    ("Northgate Employment Partnership", "Clearview Mental Health Employment Service"),
    ("Northgate Employment Partnership", "Second Chance Community Trust"),
    ("Northgate Employment Partnership", "Open Door Carers' Network"),
    ("Meridian Work Solutions", "Eastside Futures"),
    ("Meridian Work Solutions", "Keystone Housing and Debt Advice"),
    ("Meridian Work Solutions", "Clearview Mental Health Employment Service"),
    ("Meridian Work Solutions", "Lantern Digital Inclusion CIC"),
]

# (username, display name, job title, organisation or None, role: admin/member/pending)
PEOPLE = [
    (
        "amara.okafor",
        "Amara Okafor",
        "Supply chain manager",
        "Northgate Employment Partnership",
        "admin",
    ),
    (
        "tom.bright",
        "Tom Bright",
        "Performance analyst",
        "Northgate Employment Partnership",
        "member",
    ),
    ("priya.shah", "Priya Shah", "Contract director", "Meridian Work Solutions", "admin"),
    ("daniel.reyes", "Daniel Reyes", "Employment adviser", "Meridian Work Solutions", "member"),
    ("grace.whitfield", "Grace Whitfield", "Operations manager", "Riverside Pathways", "admin"),
    ("liam.turner", "Liam Turner", "Employment adviser", "Riverside Pathways", "member"),
    ("sofia.marin", "Sofia Marin", "Employment adviser", "Riverside Pathways", "member"),
    ("kwame.asante", "Kwame Asante", "Centre manager", "Harbour Lights Training", "admin"),
    (
        "ellie.morgan",
        "Ellie Morgan",
        "In-work support adviser",
        "Harbour Lights Training",
        "member",
    ),
    ("jamal.hussain", "Jamal Hussain", "Youth employment coach", "Eastside Futures", "admin"),
    ("rosa.lindqvist", "Rosa Lindqvist", "Employment adviser", "Eastside Futures", "member"),
    (
        "helen.carver",
        "Helen Carver",
        "Clinical lead",
        "Clearview Mental Health Employment Service",
        "admin",
    ),
    (
        "owen.price",
        "Owen Price",
        "Employment specialist",
        "Clearview Mental Health Employment Service",
        "member",
    ),
    (
        "nadia.rahman",
        "Nadia Rahman",
        "Housing adviser",
        "Keystone Housing and Debt Advice",
        "admin",
    ),
    (
        "peter.oneill",
        "Peter O'Neill",
        "Debt caseworker",
        "Keystone Housing and Debt Advice",
        "member",
    ),
    (
        "bernadette.kelly",
        "Bernadette Kelly",
        "Chief executive",
        "Second Chance Community Trust",
        "admin",
    ),
    ("marcus.hale", "Marcus Hale", "Mentor coordinator", "Second Chance Community Trust", "member"),
    ("joy.adeyemi", "Joy Adeyemi", "Volunteer coordinator", "Open Door Carers' Network", "admin"),
    ("ruth.evans", "Ruth Evans", "Work coach", "Wearside Jobcentre Plus Office", "admin"),
    ("ian.fraser", "Ian Fraser", "Partnership manager", "Wearside Jobcentre Plus Office", "member"),
    (
        "chloe.dubois",
        "Chloe Dubois",
        "Policy officer",
        "Employment Providers' Forum North",
        "admin",
    ),
    ("sam.patel", "Sam Patel", "Digital skills trainer", "Lantern Digital Inclusion CIC", "admin"),
    (
        "leah.griffiths",
        "Leah Griffiths",
        "Employment adviser",
        "Northgate Employment Partnership",
        "member",
    ),
    ("ade.bankole", "Ade Bankole", "Quality manager", "Meridian Work Solutions", "member"),
    ("fiona.mcrae", "Fiona McRae", "Employment adviser", "Riverside Pathways", "pending"),
    ("george.simms", "George Simms", "Job broker", "Harbour Lights Training", "pending"),
    ("hannah.webb", "Hannah Webb", "Employment adviser", "Eastside Futures", "pending"),
    ("zoe.kaplan", "Zoe Kaplan", "Researcher", None, None),
    ("mo.farouk", "Mo Farouk", "Trustee", "Second Chance Community Trust", "member"),
    (
        "claire.ng",
        "Claire Ng",
        "Employer engagement lead",
        "Northgate Employment Partnership",
        "member",
    ),
]

# Staff accounts: (username, display name, job title, group or "superuser")
STAFF = [
    ("moderator", "Morgan Reid", "Hub moderator", "Moderators"),
    ("editor", "Eden Clarke", "Hub content editor", "Editors"),
    ("siteadmin", "Alex Byrne", "Site administrator", "superuser"),
]
