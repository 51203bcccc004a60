"""Rule 8920: child protection plan ends after the child's date of death."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_child
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: a plan still open (no end date) for a child who died is not flagged: DfE's coding
# compares the end date with the date of death, and an open plan has no end date to compare.


@rule(
    code="8920",
    message="Child Protection Plan cannot end after the child’s Date of Death",
    tables=["ChildProtectionPlans"],
    fields=["CPPendDate"],
    tags=["dates", "plans"],
)
def protection_plan_ends_after_death(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans that end after the child's date of death.

    A plan may end on the day the child died. Check the plan's end date and the child's date of
    death.
    """
    plans = with_child(ctx.table("ChildProtectionPlans"), ctx, ["PersonDeathDate"], name_it=True)
    # A blank or unreadable date on either side compares as null and is not flagged.
    return plans.filter(pl.col("CPPendDate") > pl.col("PersonDeathDate"))


CASES = [
    Case(
        "a plan ending the day after death is flagged; on the day or before is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
                ["B", "2015-01-01", ""],
                ["C", "2015-01-01", "2024-02-30"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", "2024-06-09"],
                ["A", "1", "2", "2024-05-01", "2024-06-10"],
                ["A", "2", "1", "2024-05-01", "2024-06-11"],
                ["A", "2", "2", "2024-05-01", ""],
                ["A", "2", "3", "2024-05-01", "2024-13-01"],
                ["B", "1", "1", "2024-05-01", "2024-06-11"],
                ["C", "1", "1", "2024-05-01", "2024-06-11"],
                ["D", "1", "1", "2024-05-01", "2024-06-11"],
            ),
        },
        flagged={"ChildProtectionPlans": [2]},
        # The child's identifiers row, whose date was compared, is named beside it.
        related=(("ChildProtectionPlans", 2, "ChildIdentifiers", 0),),
    ),
    Case(
        "each child's plans are compared with that child's own date of death",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
                ["B", "2015-01-01", "2025-01-10"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["B", "1", "1", "2024-05-01", "2024-09-01"],
                ["A", "1", "1", "2024-05-01", "2024-09-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [1]},
    ),
]
