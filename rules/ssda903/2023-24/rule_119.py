"""Rule 119: a reversed adoption decision lacks its date or its reason."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="119",
    message=(
        "If the decision is made that a child should no longer be placed for adoption, then the "
        "date of this decision and the reason why this decision was made must be completed."
    ),
    tables=["PlacedAdoption"],
    fields=["REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    tags=["adoption"],
)
def adoption_reversal_date_or_reason_missing(ctx: RuleContext) -> pl.LazyFrame:
    """A reversed adoption decision has a date but no reason, or a reason but no date.

    If the decision to place for adoption was reversed, give both the date (DATE_PLACED_CEASED) and
    the reason (REASON_PLACED_CEASED); if it still stands, leave both blank.
    """
    # A date that is given but unreadable still counts as given here; rule 116 reports it.
    has_date = pl.col(raw_name("DATE_PLACED_CEASED")).is_not_null()
    has_reason = pl.col("REASON_PLACED_CEASED").is_not_null()
    return ctx.table("PlacedAdoption").filter(has_date != has_reason)


CASES = [
    Case(
        "a reversal date without a reason, or a reason without a date, is flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["3", "01/05/2020", "01/09/2020", ""],
                ["4", "01/05/2020", "", "RD2"],
                ["6", "01/05/2020", "31/09/2020", ""],
            )
        },
        flagged={"PlacedAdoption": [0, 1, 2]},
    ),
    Case(
        "both given, an unreadable date counting as given, or both blank is not flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "01/05/2020", "01/09/2020", "RD1"],
                ["2", "01/05/2020", "", ""],
                ["5", "01/05/2020", "31/09/2020", "RD3"],
            )
        },
        flagged={},
    ),
]
