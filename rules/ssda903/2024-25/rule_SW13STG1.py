"""Rule SW13STG1 (2024-25): reason for social worker change is not valid."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE 2024-25: the reason is required for episodes starting from the first social worker
# collection, 1 April 2023; a fixed date, not one relative to the year.
REASON_REQUIRED_FROM = dt.date(2023, 4, 1)


@rule(
    code="SW13STG1",
    message="The reason for social worker change is not valid.",
    tables=["SWEpisodes"],
    fields=["SW_REASON"],
    tags=["social-workers", "codes"],
)
def social_worker_reason_not_valid(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's reason for change (SW_REASON) is not a code from DfE's list, or is
    blank for an episode that started on or after 1 April 2023.

    Enter the reason the child's social worker changed, using one of DfE's codes. It may be left
    blank only for an episode that started before 1 April 2023.
    """
    # Episodes from before the first social worker collection may lack a reason. A blank
    # reason with a blank or unreadable start date is not flagged here (SW01aSTG1/SW01bSTG1
    # and SW04STG1 report the date).
    reason = pl.col("SW_REASON")
    unknown = reason.is_not_null() & ~reason.is_in(ctx.codes("SW_REASON"))
    missing = reason.is_null() & (pl.col("SW_DECOM") >= REASON_REQUIRED_FROM)
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): `unknown` needs a reason and
    # `missing` a blank one, so one side is always false and | and ^ agree, nulls included.
    return ctx.table("SWEpisodes").filter(unknown | missing)


CASES = [
    Case(
        "unknown reasons, and blanks on or after 1 April 2023, are flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_REASON"],
                ["3", "01/04/2023", ""],
                ["4", "01/01/2020", "LEFT"],
                ["6", "01/05/2024", "ochange"],
                ["7", "02/04/2023", ""],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2, 3]},
    ),
    Case(
        "listed reasons, blanks before 1 April 2023 and blanks with a blank start are not flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_REASON"],
                ["1", "01/05/2023", "MANAGE"],
                ["2", "31/03/2023", ""],
                ["5", "", ""],
            )
        },
    ),
]
