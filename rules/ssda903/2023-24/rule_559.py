"""Rule 559: decision dated before this year but missing from last year's return."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="559",
    message=(
        "Date of decision that a child should be placed for adoption was not in the current year"
        " but the date of the decision that the child should be placed for adoption was not"
        " completed in a previous return."
    ),
    tables=["PlacedAdoption", "PlacedAdoption_last"],
    fields=["DATE_PLACED"],
    tags=["adoption", "previous-year"],
)
def earlier_decision_missing_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """A decision to place for adoption dated before this year is missing from last year's return.

    Check the date of the decision: if it was made before 1 April it should also be in last year's
    return, so correct a mistyped date, or check last year's record and the child's ID.
    """
    # DfE: if DATE_PLACED is before the collection start, last year's DATE_PLACED cannot be blank. A
    # child with no dated decision in last year's PlacedAdoption table is flagged; the rule needs
    # last year's table.
    reported = (
        ctx.table("PlacedAdoption_last")
        # "Completed" means written: an unreadable date last year was still given.
        .filter(pl.col(raw_name("DATE_PLACED")).is_not_null())
        .select("CHILD")
        .unique()
    )
    before_year = ctx.table("PlacedAdoption").filter(pl.col("DATE_PLACED") < ctx.start)
    return before_year.join(reported, on="CHILD", how="anti")


CASES = [
    Case(
        "a decision on 31 March last year not reported last year is flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "31/03/2025"],
                ["2", "01/04/2025"],
                ["3", "31/03/2025"],
                ["4", "31/03/2025"],
                ["5", ""],
                ["6", "02/04/2025"],
                ["7", "31/02/2025"],
                ["8", "2025-03-31"],
                ["9", "31/03/2025"],
                ["10", "01/01/2020"],
            ),
            "PlacedAdoption_last": table(
                ["CHILD", "DATE_PLACED"],
                ["3", "31/03/2025"],
                ["4", ""],
                ["5", ""],
                ["9", ""],
                ["9", "01/03/2025"],
            ),
        },
        flagged={"PlacedAdoption": [0, 3, 9]},
        period="2025-26",
    ),
    Case(
        "a decision given last year with an unreadable date was completed, so is not flagged",
        tables={
            "PlacedAdoption": table(["CHILD", "DATE_PLACED"], ["1", "31/03/2025"]),
            "PlacedAdoption_last": table(["CHILD", "DATE_PLACED"], ["1", "31/02/2025"]),
        },
        flagged={"PlacedAdoption": []},
        period="2025-26",
    ),
]
