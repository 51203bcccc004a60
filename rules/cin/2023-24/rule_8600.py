"""Rule 8600: CIN referral date blank or after the census reference date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="8600",
    message="Child referral date missing or after data collection period",
    tables=["CINdetails"],
    fields=["CINreferralDate"],
    tags=["dates", "episodes"],
)
def referral_date_missing_or_after_census(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode with no referral date, or one after the census reference date (31 March).

    Every episode needs the date of the referral that started it, on or before the end of the
    census year.
    """
    referral = pl.col("CINreferralDate")
    # An unreadable date is not missing: csc-validate's CSC001 reports it.
    missing = referral.is_null() & ~unreadable("CINreferralDate")
    return ctx.table("CINdetails").filter(missing | (referral > pl.lit(ctx.end, dtype=pl.Date)))


CASES = [
    Case(
        "a referral after 31 March or blank is flagged; on 31 March or unreadable is not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2025-03-30"],
                ["A", "2", "2025-03-31"],
                ["B", "1", "2025-04-01"],
                ["C", "1", ""],
                ["D", "1", "2025-02-30"],
                ["E", "1", "2019-06-12"],
                ["F", "1", "01/04/2025"],
            )
        },
        flagged={"CINdetails": [2, 3, 6]},
        period="2024-25",
    ),
    Case(
        "each episode of a child is judged on its own referral date",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2023-05-01"],
                ["A", "2", "2024-04-02"],
                ["A", "3", "2024-03-31"],
            )
        },
        flagged={"CINdetails": [1]},
        period="2023-24",
    ),
]
