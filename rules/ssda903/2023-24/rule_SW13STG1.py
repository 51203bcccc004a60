"""Rule SW13STG1: reason for social worker change is not valid, or missing when it is required."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, from_year, rule, table

FROM_2024 = from_year("ssda903", "2024-25")


@rule(
    code="SW13STG1",
    message="The reason for social worker change is either not valid or has not been entered.",
    tables=["SWEpisodes"],
    fields=["SW_REASON"],
    tags=["social-workers", "codes"],
)
def social_worker_reason_missing_or_not_a_code(
    ctx: RuleContext, *, reason_required_from: dt.date | None = None
) -> pl.LazyFrame:
    """A social worker episode's reason for change (SW_REASON) is blank or not a code from DfE's
    list.

    Enter the reason the child's social worker changed, using one of DfE's codes for the year.
    """
    # In 2023-24 the reason is required for every episode, so a blank is flagged. From 2024-25
    # (pack.toml: reason_required_from) it is required for episodes starting from the first
    # social worker collection, 1 April 2023, a fixed date, not one relative to the year; a
    # blank reason with a blank or unreadable start date is then not flagged here
    # (SW01aSTG1/SW01bSTG1 and SW04STG1 report the date).
    reason = pl.col("SW_REASON")
    unknown = reason.is_not_null() & ~reason.is_in(ctx.codes("SW_REASON"))
    missing = reason.is_null()
    if reason_required_from is not None:
        missing = missing & (pl.col("SW_DECOM") >= reason_required_from)
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): `unknown` needs a reason and
    # `missing` a blank one, so one side is always false and | and ^ agree, nulls included.
    return ctx.table("SWEpisodes").filter(unknown | missing)


CASES = [
    Case(
        "blank and unknown reasons are flagged, however early the episode started",
        years=("2023-24",),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_REASON"],
                ["3", "01/01/2020", ""],
                ["4", "01/05/2023", "LEFT"],
            )
        },
        flagged={"SWEpisodes": [0, 1]},
    ),
    Case(
        "reasons on DfE's list are not flagged; lower case is",
        years=("2023-24",),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_REASON"],
                ["1", "01/05/2023", "MANAGE"],
                ["2", "01/05/2023", "fconta"],
            )
        },
        flagged={"SWEpisodes": [1]},
    ),
    Case(
        "unknown reasons, and blanks on or after 1 April 2023, are flagged",
        years=FROM_2024,
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
        years=FROM_2024,
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
