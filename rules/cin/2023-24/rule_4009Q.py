"""Rule 4009Q: CIN plan ends, or is still open, after the child's date of death."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_child
from csc_validate.collections.cin.rulekit.cin_plans import last_day_open
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: a plan with no end date is still open on the reference date, so it too ends after a death
# before 31 March: DfE's coding asks for an end date on or before the date of death whenever one
# is recorded. The peer passes every open plan. Only the CIN plan row is flagged (the peer also
# flags the child's ChildIdentifiers row).


@rule(
    code="4009Q",
    message="CIN Plan cannot end after the child’s Date of Death",
    severity="query",
    tables=["CINplanDates"],
    fields=["CINPlanEndDate"],
    tags=["dates", "plans", "death"],
)
def cin_plan_ends_after_death(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans that end after the child's date of death, or are still open after it.

    A CIN plan with no end date is still open on 31 March. A CIN plan ends at the latest on
    the day the child died: give that end date, or check the date of death.
    """
    # An unreadable end date, or a blank or unreadable date of death, gives null, which the
    # filter drops; a plan ending on the day of death is allowed.
    plans = with_child(ctx.table("CINplanDates"), ctx, ["PersonDeathDate"], name_it=True)
    plan_ends = last_day_open("CINPlanEndDate", ctx, hand_over_on_end_date=False)
    return plans.filter(plan_ends > pl.col("PersonDeathDate"))


CASES = [
    Case(
        "an end the day after death, or no end, is queried; an end on or before death is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
                ["B", "2015-01-01", ""],
                ["C", "2015-01-01", "2024-02-30"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", "2024-06-11"],
                ["A", "1", "2024-05-01", "2024-06-10"],
                ["A", "1", "2024-05-01", "2024-06-09"],
                ["A", "2", "2024-05-01", ""],
                ["A", "2", "2024-05-01", "2024-06-31"],
                ["B", "1", "2024-05-01", "2024-06-11"],
                ["B", "1", "2024-05-01", ""],
                ["C", "1", "2024-05-01", "2024-06-11"],
                ["D", "1", "2024-05-01", "2024-06-11"],
            ),
        },
        flagged={"CINplanDates": [0, 3]},
        # The child's identifiers row, whose date was compared, is named beside it.
        related=(
            ("CINplanDates", 0, "ChildIdentifiers", 0),
            ("CINplanDates", 3, "ChildIdentifiers", 0),
        ),
        period="2024-25",
    ),
    Case(
        "an open plan runs to 31 March: a death on 31 March is not queried, one on 30 March is",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2025-03-31"],
                ["B", "2015-01-01", "2025-03-30"],
                ["A", "2015-01-02", "2025-03-31"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", ""],
                ["A", "1", "2024-04-01", "2025-03-31"],
                ["B", "1", "2024-05-01", ""],
                ["B", "1", "2024-04-01", "2025-03-31"],
            ),
        },
        flagged={"CINplanDates": [2, 3]},
        period="2024-25",
    ),
]
