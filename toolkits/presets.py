"""The financial model's example scenarios, each a link that fills the form."""

# Illustrative presets: made-up figures, not real contract terms. Each fills the form by link.
PRESETS = (
    {
        "slug": "end-to-end",
        "title": "A small end-to-end subcontract",
        "summary": "Two years, 20 referrals a month, one payment group, an attachment fee and "
        "six monthly sustainment payments.",
        "data": {
            "contract_months": "24", "run_off_months": "6", "referrals_per_month": "20",
            "ramp_up_months": "3", "referrals_stop_months": "3", "attachment_rate": "80",
            "support_months": "6", "months_to_outcome": "6",
            "group_1_name": "All participants", "group_1_share": "100",
            "group_1_outcome_rate": "22", "group_1_outcome_payment": "1200",
            "sustainment_count": "6", "sustainment_every_months": "1",
            "sustainment_payment": "120", "sustainment_rate": "70", "attachment_fee": "300",
            "management_fee": "15", "delivery_cost": "65", "fixed_costs": "1500",
            "starting_reserves": "12000",
        },
    },
    {
        "slug": "specialist",
        "title": "A specialist health service with two payment groups",
        "summary": "Three years, 12 referrals a month, higher outcome payments for people on "
        "ESA, no attachment fee and a slow ramp-up.",
        "data": {
            "contract_months": "36", "run_off_months": "12", "referrals_per_month": "12",
            "ramp_up_months": "6", "referrals_stop_months": "6", "attachment_rate": "90",
            "support_months": "9", "months_to_outcome": "9",
            "group_1_name": "New ESA claimants", "group_1_share": "60",
            "group_1_outcome_rate": "20", "group_1_outcome_payment": "3500",
            "group_2_name": "ESA ex-incapacity benefit", "group_2_share": "40",
            "group_2_outcome_rate": "15", "group_2_outcome_payment": "5000",
            "sustainment_count": "12", "sustainment_every_months": "1",
            "sustainment_payment": "150", "sustainment_rate": "60", "attachment_fee": "0",
            "management_fee": "20", "delivery_cost": "40", "fixed_costs": "2000",
            "starting_reserves": "45000",
        },
    },
    {
        "slug": "outcome-only",
        "title": "An outcome-only contract",
        "summary": "18 months, 30 referrals a month, paid only for job outcomes, with a high "
        "management fee and small reserves.",
        "data": {
            "contract_months": "18", "run_off_months": "4", "referrals_per_month": "30",
            "ramp_up_months": "2", "referrals_stop_months": "0", "attachment_rate": "75",
            "support_months": "4", "months_to_outcome": "4",
            "group_1_name": "All participants", "group_1_share": "100",
            "group_1_outcome_rate": "30", "group_1_outcome_payment": "1000",
            "sustainment_count": "0", "sustainment_every_months": "1",
            "sustainment_payment": "0", "sustainment_rate": "100", "attachment_fee": "0",
            "management_fee": "25", "delivery_cost": "40", "fixed_costs": "1000",
            "starting_reserves": "5000",
        },
    },
)  # fmt: skip
