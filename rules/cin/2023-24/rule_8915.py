"""Rule 8915: child protection plan starts after the child's date of death."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_child
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8915",
    message="Child Protection Plan shown as starting after the child’s Date of Death",
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate"],
    tags=["dates", "plans"],
)
def protection_plan_starts_after_death(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans that start after the child's date of death.

    A plan may start on the day the child died. Check the plan's start date and the child's
    date of death.
    """
    plans = with_child(ctx.table("ChildProtectionPlans"), ctx, ["PersonDeathDate"], name_it=True)
    # A child with no (or an unreadable) date of death compares as null and is not flagged.
    return plans.filter(pl.col("CPPstartDate") > pl.col("PersonDeathDate"))


CASES = [
    Case(
        "a plan starting the day after death is flagged; on the day or before is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
                ["B", "2015-01-01", ""],
                ["C", "2015-01-01", "2024-02-30"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-06-09"],
                ["A", "1", "2", "2024-06-10"],
                ["A", "2", "1", "2024-06-11"],
                ["A", "2", "2", ""],
                ["B", "1", "1", "2024-06-11"],
                ["C", "1", "1", "2024-06-11"],
                ["D", "1", "1", "2024-06-11"],
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
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["B", "1", "1", "2024-09-01"],
                ["A", "1", "1", "2024-09-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [1]},
    ),
]
