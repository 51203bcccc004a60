"""Rule 205C: a date UASC ceased is given for a child not UASC in either year."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)


@rule(
    code="205C",
    message=(
        "Child not identified as UASC either this year or last year but date UASC ceased has "
        "been provided."
    ),
    tables=["Header", "UASC", "Header_last", "UASC_last"],
    fields=["DUC", "UASC"],
    tags=["previous-year", "uasc"],
)
def uasc_date_without_uasc_status(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A date UASC ceased is given for a child who was not UASC this year or last year.

    Check whether the child was an unaccompanied asylum-seeking child: correct the UASC status, or
    remove the date UASC ceased.
    """
    # A child absent from last year's Header counts as not UASC last year. An unreadable DUC still
    # counts as provided. For CSV returns a child is UASC when listed in that year's UASC table, so
    # in practice this finds XML returns where UASC is 0 or blank but DUC is given.
    yes = ctx.codes("FLAG_YES")
    not_uasc = pl.col("UASC").is_null() | ~pl.col("UASC").is_in(yes)
    uasc_last_year = (
        ctx.table("Header_last").filter(pl.col("UASC").is_in(yes)).select("CHILD").unique()
    )
    dated_this_year = ctx.table_or_empty("UASC").filter(pl.col(raw_name("DUC")).is_not_null())
    dated_last_year = ctx.table_or_empty("UASC_last").filter(pl.col(raw_name("DUC")).is_not_null())
    # Beside the Header row are named the UASC rows with a DUC; beside this year's, the Header row.
    dated = pl.concat(
        [
            dated_this_year.select(
                "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("UASC").alias(RELATED_TABLE)
            ),
            dated_last_year.select(
                "CHILD",
                pl.col("_row").alias(RELATED_ROW),
                pl.lit("UASC_last").alias(RELATED_TABLE),
            ),
        ]
    )
    offending = (
        ctx.table("Header")
        .filter(not_uasc)
        .join(uasc_last_year, on="CHILD", how="anti")
        .join(dated, on="CHILD", how="inner")
    )
    children = offending.select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    ).unique()
    return {
        "Header": offending,
        "UASC": dated_this_year.join(children, on="CHILD", how="inner"),
    }


CASES = [
    Case(
        "a DUC this year or last year for a child never UASC is flagged (XML)",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(
                ["CHILD", "UASC"],
                ["1", "0"],
                ["2", "0"],
                ["3", ""],
                ["4", "0"],
                ["5", "1"],
                ["6", "0"],
            ),
            "UASC": table(
                ["CHILD", "DUC"],
                ["1", "01/06/2024"],
                ["3", "bad"],
                ["5", "01/06/2024"],
                ["6", "01/06/2024"],
            ),
            "Header_last": table(
                ["CHILD", "UASC"], ["1", "0"], ["2", "0"], ["4", "0"], ["5", "0"], ["6", "1"]
            ),
            "UASC_last": table(
                ["CHILD", "DUC"], ["2", "01/06/2023"], ["4", ""], ["6", "01/06/2024"]
            ),
        },
        flagged={"Header": [0, 1, 2], "UASC": [0, 1]},
        related=(
            ("Header", 0, "UASC", 0),
            ("Header", 1, "UASC_last", 0),
            ("Header", 2, "UASC", 1),
            ("UASC", 0, "Header", 0),
            ("UASC", 1, "Header", 2),
        ),
    ),
    Case(
        "in a CSV return every child in the UASC table is UASC, so nothing is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "UASC": table(["CHILD", "DUC"], ["1", "01/06/2024"]),
            "Header_last": table(["CHILD"], ["1"], ["2"]),
        },
        flagged={},
    ),
]
