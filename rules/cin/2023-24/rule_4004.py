"""Rule 4004: more than one CIN plan with no end date in a CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, rows_paired
from csc_validate.collections.cin.rulekit.cin_plans import no_end_date
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: DfE's coding counts open plans "within a <CINDetails> module", so plans are counted per
# CIN episode, not per child (open plans in two episodes of a child overlap, which 4014
# reports). Only the open plans are flagged; the peer flags every plan of the episode. An
# unreadable end date is not a missing one (CSC001 reports it).


@rule(
    code="4004",
    message="This child is showing more than one open CIN Plan, i.e. with no End Date",
    tables=["CINplanDates"],
    fields=["CINPlanEndDate"],
    tags=["dates", "plans"],
)
def several_open_cin_plans_in_episode(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans with no end date in a CIN episode that has more than one such plan.

    A child has at most one CIN plan open at a time: give the end date of every plan but the
    current one.
    """
    open_plans = ctx.table("CINplanDates").filter(no_end_date("CINPlanEndDate"))
    # Each open plan is paired with every other open plan of its episode, and names it. A blank
    # key never matches in a join, so plans that belong to no one episode are not paired.
    pairs = (
        open_plans.select(*EPISODE, "_row")
        .join(open_plans.select(*EPISODE, pl.col("_row").alias("_other_row")), on=EPISODE)
        .filter(pl.col("_row") != pl.col("_other_row"))
    )
    return rows_paired(open_plans, pairs, ("_row", "_other_row"))


CASES = [
    Case(
        "two or more plans with no end date in an episode are flagged",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", ""],
                ["A", "1", "2024-07-01", ""],
                ["A", "1", "2024-04-01", "2024-04-30"],
                ["B", "1", "2024-05-01", ""],
                ["B", "1", "2024-07-01", "2024-02-30"],
                ["C", "1", "2024-05-01", ""],
                ["C", "1", "2024-06-01", ""],
                ["C", "1", "2024-07-01", ""],
                ["D", "1", "2024-05-01", ""],
            )
        },
        flagged={"CINplanDates": [0, 1, 5, 6, 7]},
        # Each open plan names every other open plan of its episode.
        related=(
            ("CINplanDates", 0, "CINplanDates", 1),
            ("CINplanDates", 1, "CINplanDates", 0),
            ("CINplanDates", 5, "CINplanDates", 6),
            ("CINplanDates", 5, "CINplanDates", 7),
            ("CINplanDates", 6, "CINplanDates", 5),
            ("CINplanDates", 6, "CINplanDates", 7),
            ("CINplanDates", 7, "CINplanDates", 5),
            ("CINplanDates", 7, "CINplanDates", 6),
        ),
    ),
    Case(
        "open plans in different episodes of a child are not counted together",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", ""],
                ["A", "2", "2024-07-01", ""],
                ["B", "1", "2024-05-01", "2024-06-01"],
                ["B", "1", "2024-07-01", "2024-08-01"],
            )
        },
        flagged={},
    ),
    Case(
        "open plans with a blank episode id are not counted together",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "", "2024-05-01", ""],
                ["A", "", "2024-07-01", ""],
            )
        },
        flagged={},
    ),
]
