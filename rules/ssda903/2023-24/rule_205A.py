"""Rule 205A: UASC last year but not this year, and the dates UASC ceased do not fit."""

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
    code="205A",
    message=(
        "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in "
        "both years does not support this."
    ),
    tables=["Header", "UASC", "Header_last", "UASC_last"],
    fields=["CHILD", "UASC", "DUC"],
    tags=["previous-year", "uasc"],
)
def uasc_ended_without_matching_dates(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child UASC last year but not this year has dates UASC ceased that do not fit.

    If the child stopped being an unaccompanied asylum-seeking child, last year's date UASC ceased
    must fall within last year and no date is given this year: correct the dates or the UASC status.
    """
    # NOTE: if status ended, last year's date UASC ceased (DUC) must fall within last year's
    # collection year, and no DUC is given this year. A blank last-year DUC does not support the
    # change and is flagged. Header.UASC is the XML flag, or for CSV returns whether the child is in
    # that year's UASC table, so no UASC_last file means no UASC children last year.
    yes = ctx.codes("FLAG_YES")
    last_start, last_end = ctx.previous_period.start, ctx.previous_period.end
    was_uasc = (
        ctx.table("Header_last")
        .filter(pl.col("UASC").is_in(yes))
        .select("CHILD", pl.col("_row").alias("last_header_row"))
    )
    last_duc = ctx.table_or_empty("UASC_last").select(
        "CHILD", pl.col("DUC").alias("last_DUC"), pl.col("_row").alias("last_uasc_row")
    )
    this_duc = ctx.table_or_empty("UASC").select("CHILD", pl.col(raw_name("DUC")).alias("DUC_text"))
    header = ctx.table("Header").filter(pl.col("UASC").is_null() | ~pl.col("UASC").is_in(yes))
    candidates = (
        header.join(was_uasc, on="CHILD", how="inner")
        .join(last_duc, on="CHILD", how="left")
        .join(this_duc, on="CHILD", how="left")
    )
    ceased_last_year = pl.col("last_DUC").is_between(last_start, last_end).fill_null(False)
    offending = candidates.filter(~ceased_last_year | pl.col("DUC_text").is_not_null())
    # Beside the Header row are named last year's Header and UASC rows it was compared with;
    # beside this year's UASC row, the Header row.
    children = offending.select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    return {
        "Header": pl.concat(
            [
                offending.select(
                    "_row",
                    pl.col("last_header_row").alias(RELATED_ROW),
                    pl.lit("Header_last").alias(RELATED_TABLE),
                ),
                offending.select(
                    "_row",
                    pl.col("last_uasc_row").alias(RELATED_ROW),
                    pl.lit("UASC_last").alias(RELATED_TABLE),
                ),
            ]
        ),
        "UASC": ctx.table_or_empty("UASC").join(children, on="CHILD", how="inner"),
    }


CASES = [
    Case(
        "last year's DUC must fall in last year: the day before and after are flagged (CSV)",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "01/01/2006"],
                ["2", "01/01/2006"],
                ["3", "01/01/2006"],
                ["4", "01/01/2006"],
                ["5", "01/01/2008"],
                ["6", "01/01/2006"],
                ["7", "01/01/2006"],
            ),
            "UASC": table(["CHILD", "DOB", "DUC"], ["5", "01/01/2008", "01/01/2026"]),
            "Header_last": table(["CHILD"], ["1"], ["2"], ["3"], ["4"], ["5"], ["6"], ["7"]),
            "UASC_last": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "01/01/2006", "01/04/2023"],
                ["2", "01/01/2006", "31/03/2023"],
                ["3", "01/01/2006", "31/03/2024"],
                ["4", "01/01/2006", "01/04/2024"],
                ["5", "01/01/2008", "01/01/2026"],
                ["6", "01/01/2006", ""],
            ),
        },
        flagged={"Header": [1, 3, 5]},
        related=(
            ("Header", 1, "Header_last", 1),
            ("Header", 1, "UASC_last", 1),
            ("Header", 3, "Header_last", 3),
            ("Header", 3, "UASC_last", 3),
            ("Header", 5, "Header_last", 5),
            ("Header", 5, "UASC_last", 5),
        ),
    ),
    Case(
        "a DUC given this year for a child no longer UASC is flagged (XML)",
        period="2024-25",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "0"], ["3", ""]),
            "UASC": table(["CHILD", "DUC"], ["1", "01/06/2023"]),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"], ["2", "1"], ["3", "0"]),
            "UASC_last": table(
                ["CHILD", "DUC"], ["1", "01/06/2023"], ["2", "01/06/2023"], ["3", "01/06/2020"]
            ),
        },
        flagged={"Header": [0], "UASC": [0]},
        related=(
            ("Header", 0, "Header_last", 0),
            ("Header", 0, "UASC_last", 0),
            ("UASC", 0, "Header", 0),
        ),
    ),
    Case(
        "in 2023-24 last year's DUC must fall in 2022-23: a day outside it is flagged (CSV)",
        period="2023-24",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "01/01/2005"],
                ["2", "01/01/2005"],
                ["3", "01/01/2005"],
                ["4", "01/01/2005"],
            ),
            "Header_last": table(["CHILD"], ["1"], ["2"], ["3"], ["4"]),
            "UASC_last": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "01/01/2005", "31/03/2023"],
                ["2", "01/01/2005", "01/04/2023"],
                ["3", "01/01/2005", "01/04/2022"],
                ["4", "01/01/2005", "31/03/2022"],
            ),
        },
        flagged={"Header": [1, 3]},
    ),
    Case(
        "a blank UASC flag this year counts as no longer UASC (XML)",
        period="2024-25",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(["CHILD", "UASC"], ["1", ""], ["2", ""]),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"], ["2", "1"]),
            "UASC_last": table(["CHILD", "DUC"], ["1", ""], ["2", "01/06/2023"]),
        },
        flagged={"Header": [0]},
    ),
    Case(
        "a child UASC last year with no UASC record last year is flagged (XML)",
        period="2024-25",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "0"]),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"], ["2", "1"]),
            "UASC_last": table(["CHILD", "DUC"], ["2", "01/06/2023"]),
        },
        flagged={"Header": [0]},
        related=(("Header", 0, "Header_last", 0),),
    ),
    Case(
        "a DUC outside last year and another given this year are flagged (XML)",
        period="2024-25",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(["CHILD", "UASC"], ["1", "0"]),
            "UASC": table(["CHILD", "DUC"], ["1", "01/06/2024"]),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"]),
            "UASC_last": table(["CHILD", "DUC"], ["1", "01/06/2020"]),
        },
        flagged={"Header": [0], "UASC": [0]},
    ),
]
