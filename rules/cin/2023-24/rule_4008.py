"""Rule 4008: CIN plan starts after the child's date of death."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_child
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: only the CIN plan row is flagged, as the message is about its start date; the peer also
# flags the child's ChildIdentifiers row.


@rule(
    code="4008",
    message="CIN Plan shown as starting after the child’s Date of Death.",
    tables=["CINplanDates"],
    fields=["CINPlanStartDate"],
    tags=["dates", "plans", "death"],
)
def cin_plan_starts_after_death(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans that start after the child's date of death.

    Check the plan's start date and the child's date of death; one of them is wrong.
    """
    # A blank or unreadable date on either side gives null, which the filter drops; a plan
    # starting on the day of death is allowed.
    plans = with_child(ctx.table("CINplanDates"), ctx, ["PersonDeathDate"], name_it=True)
    return plans.filter(pl.col("CINPlanStartDate") > pl.col("PersonDeathDate"))


CASES = [
    Case(
        "a plan starting the day after death is flagged; on and before it is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
                ["B", "2015-01-01", ""],
                ["C", "2015-01-01", "2024-02-30"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["A", "1", "2024-06-11"],
                ["A", "1", "2024-06-10"],
                ["A", "2", "2024-06-09"],
                ["A", "2", ""],
                ["A", "2", "2024-06-31"],
                ["B", "1", "2024-06-11"],
                ["C", "1", "2024-06-11"],
                ["D", "1", "2024-06-11"],
            ),
        },
        flagged={"CINplanDates": [0]},
        # The child's identifiers row, whose date was compared, is named beside it.
        related=(("CINplanDates", 0, "ChildIdentifiers", 0),),
    ),
    Case(
        "a child listed twice is matched with its first listing, and each plan flagged once",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
                ["A", "2015-01-01", "2024-09-10"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["A", "1", "2024-07-01"],
                ["A", "2", "2024-05-01"],
            ),
        },
        flagged={"CINplanDates": [0]},
    ),
]
