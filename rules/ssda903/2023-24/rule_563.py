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
    """A decision to place for adoption is recorded as ceased but has no date of decision.

    Enter the date the decision to place for adoption was made, or remove the ceased date and reason
    if they belong to another record.
    """
    # The ceased items describe the end of a decision, which needs its start date. As DfE words it,
    # both ceased items (date and reason) are filled in; an unreadable DATE_PLACED is not blank
    # (rule 115 reports it).
    return ctx.table("PlacedAdoption").filter(
        pl.col(raw_name("DATE_PLACED_CEASED")).is_not_null()
        & pl.col("REASON_PLACED_CEASED").is_not_null()
        & pl.col(raw_name("DATE_PLACED")).is_null()
    )


CASES = [
    Case(
        "ceased date and reason with a blank DATE_PLACED are flagged, even an unreadable date",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "", "01/12/2024", "RD1"],
                ["7", "", "31/02/2025", "RD1"],
                ["10", "01/05/2023", "01/12/2023", "RD1"],
                ["10", "", "01/12/2024", "RD1"],
            ),
        },
        flagged={"PlacedAdoption": [0, 1, 3]},
    ),
    Case(
        "only one of the ceased items given, or neither, is not flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["3", "", "", "RD1"],
                ["4", "", "01/12/2024", ""],
                ["5", "", "", ""],
            ),
        },
    ),
    Case(
        "a DATE_PLACED given, even an unreadable one, is not blank",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["2", "01/05/2024", "01/12/2024", "RD1"],
                ["6", "1/5/2024", "01/12/2024", "RD2"],
                ["8", "2024-05-01", "01/12/2024", "RD1"],
            ),
        },
    ),
]
