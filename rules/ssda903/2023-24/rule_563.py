"""Rule 563: a decision recorded as ceased has no date of decision."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="563",
    message=(
        "The child should no longer be placed for adoption but the date of the decision that the"
        " child should be placed for adoption is blank"
    ),
    tables=["PlacedAdoption"],
    fields=["DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    tags=["adoption"],
)
def ceased_decision_without_date(ctx: RuleContext) -> pl.LazyFrame:
    """A decision with a ceased date and reason has its own DATE_PLACED filled in.

    Why: the ceased items describe the end of a decision, which needs its start date. As DfE
    words it, both ceased items are filled in; an unreadable DATE_PLACED is not blank (rule 115
    reports it).
    """
    return ctx.table("PlacedAdoption").filter(
        pl.col(raw_name("DATE_PLACED_CEASED")).is_not_null()
        & pl.col("REASON_PLACED_CEASED").is_not_null()
        & pl.col(raw_name("DATE_PLACED")).is_null()
    )


CASES = [
    Case(
        "a ceased decision with a blank date is flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "", "01/12/2024", "RD1"],
                ["2", "01/05/2024", "01/12/2024", "RD1"],
                ["3", "", "", "RD1"],
                ["4", "", "01/12/2024", ""],
                ["5", "", "", ""],
                ["6", "1/5/2024", "01/12/2024", "RD2"],
            )
        },
        flagged={"PlacedAdoption": [0]},
    ),
]
