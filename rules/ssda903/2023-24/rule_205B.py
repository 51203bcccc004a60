"""Rule 205B: UASC in both years, and the dates UASC ceased do not fit."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    birthday,
    rule,
    table,
)


@rule(
    code="205B",
    message=(
        "Child previously identified as UASC is also UASC this year, but date UASC ceased in both "
        "years does not support this."
    ),
    tables=["UASC", "Header", "UASC_last", "Header_last"],
    fields=["DUC", "UASC"],
    tags=["previous-year", "uasc"],
)
def uasc_continued_without_matching_dates(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child UASC in both years has dates UASC ceased that do not match.

    Last year's date UASC ceased should be the child's 18th birthday, and this year's either a date
    in this year or the same date again: check the child's date of birth and both dates.
    """
    # NOTE: a child still UASC at the end of last year had not ceased, so last year's DUC can only
    # be the projected 18th birthday; this year the status either ceased in the year or the same
    # projected date stands. Blank or unreadable dates do not support this and are flagged. The 18th
    # birthday comes from last year's DOB (UASC_last, else Header_last).
    yes = ctx.codes("FLAG_YES")
    header_last = ctx.table("Header_last")
    last = (
        ctx.table_or_empty("UASC_last")
        .join(
            header_last.select("CHILD", pl.col("DOB").alias("header_DOB")),
            on="CHILD",
            # Equivalent mutant (ReplaceKeywordValue): an inner join drops only children missing
            # from Header_last, who are not UASC in both years and so are never checked.
            how="left",
        )
        .select(
            "CHILD",
            pl.col("DUC").alias("last_DUC"),
            birthday(pl.coalesce("DOB", "header_DOB"), 18).alias("last_18th"),
            pl.col("_row").alias("last_uasc_row"),
        )
    )
    both_years = (
        ctx.table("Header")
        .filter(pl.col("UASC").is_in(yes))
        .select("CHILD")
        .join(header_last.filter(pl.col("UASC").is_in(yes)), on="CHILD", how="semi")
        .unique()
    )
    duc = pl.col("DUC")
    last_is_18th = (pl.col("last_DUC") == pl.col("last_18th")).fill_null(False)
    ceased_this_year = duc.is_between(ctx.start, ctx.end).fill_null(False)
    unchanged = (duc == pl.col("last_DUC")).fill_null(False)
    offending = (
        ctx.table_or_empty("UASC")
        .join(both_years, on="CHILD", how="semi")
        .join(last, on="CHILD", how="left")
        .filter(~last_is_18th | ~(ceased_this_year | unchanged))
    )
    # Beside this year's UASC row is named last year's, whose DUC it was compared with; beside
    # the Header row, this year's UASC row.
    children = offending.select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("UASC").alias(RELATED_TABLE)
    )
    return {
        "UASC": offending.with_columns(
            pl.col("last_uasc_row").alias(RELATED_ROW), pl.lit("UASC_last").alias(RELATED_TABLE)
        ),
        "Header": ctx.table("Header").join(children, on="CHILD", how="inner"),
    }


CASES = [
    Case(
        "last year's DUC must be the 18th birthday; this year's in the year or unchanged (CSV)",
        period="2024-25",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"], ["3"], ["4"], ["5"], ["6"], ["7"], ["8"]),
            "UASC": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "10/06/2006", "10/06/2024"],
                ["2", "10/06/2007", "10/06/2025"],
                ["3", "10/06/2006", "09/06/2024"],
                ["4", "10/06/2007", "01/04/2025"],
                ["5", "10/06/2007", "31/03/2025"],
                ["6", "10/06/2007", ""],
                ["7", "10/06/2007", "10/06/2025"],
                ["8", "10/06/2007", "10/06/2025"],
            ),
            "Header_last": table(["CHILD"], ["1"], ["2"], ["3"], ["4"], ["5"], ["6"], ["7"]),
            "UASC_last": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "10/06/2006", "10/06/2024"],
                ["2", "10/06/2007", "10/06/2025"],
                ["3", "10/06/2006", "10/06/2024"],
                ["4", "10/06/2007", "10/06/2025"],
                ["5", "10/06/2007", "10/06/2025"],
                ["6", "10/06/2007", "10/06/2025"],
                ["7", "10/06/2007", "01/01/2024"],
            ),
        },
        flagged={"UASC": [3, 5, 6], "Header": [3, 5, 6]},
        related=(
            ("UASC", 3, "UASC_last", 3),
            ("UASC", 5, "UASC_last", 5),
            ("UASC", 6, "UASC_last", 6),
            ("Header", 3, "UASC", 3),
            ("Header", 5, "UASC", 5),
            ("Header", 6, "UASC", 6),
        ),
    ),
    Case(
        "a child not UASC this year is left to 205A (XML)",
        period="2024-25",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "1"]),
            "UASC": table(
                ["CHILD", "DOB", "DUC"], ["1", "10/06/2007", ""], ["2", "10/06/2007", ""]
            ),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"], ["2", "1"]),
            "UASC_last": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "10/06/2007", "01/01/2020"],
                ["2", "10/06/2007", "10/06/2025"],
            ),
        },
        flagged={"UASC": [1], "Header": [1]},
    ),
    Case(
        "last year's DUC a day before or after the 18th birthday is flagged, even if unchanged",
        period="2024-25",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "UASC": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "10/06/2007", "09/06/2025"],
                ["2", "10/06/2007", "11/06/2025"],
            ),
            "Header_last": table(["CHILD"], ["1"], ["2"]),
            "UASC_last": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "10/06/2007", "09/06/2025"],
                ["2", "10/06/2007", "11/06/2025"],
            ),
        },
        flagged={"UASC": [0, 1], "Header": [0, 1]},
    ),
    Case(
        "this year's DUC a day after last year's, outside the year, is flagged",
        period="2024-25",
        tables={
            "Header": table(["CHILD"], ["3"]),
            "UASC": table(["CHILD", "DOB", "DUC"], ["3", "10/06/2007", "11/06/2025"]),
            "Header_last": table(["CHILD"], ["3"]),
            "UASC_last": table(["CHILD", "DOB", "DUC"], ["3", "10/06/2007", "10/06/2025"]),
        },
        flagged={"UASC": [0], "Header": [0]},
    ),
    Case(
        "a blank DUC last year is flagged, even when this year's falls in the year",
        period="2024-25",
        tables={
            "Header": table(["CHILD"], ["4"]),
            "UASC": table(["CHILD", "DOB", "DUC"], ["4", "10/06/2007", "01/06/2024"]),
            "Header_last": table(["CHILD"], ["4"]),
            "UASC_last": table(["CHILD", "DOB", "DUC"], ["4", "10/06/2007", ""]),
        },
        flagged={"UASC": [0], "Header": [0]},
    ),
    Case(
        "a child UASC in both years with no UASC record last year is flagged (XML)",
        period="2024-25",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(["CHILD", "UASC"], ["1", "1"], ["2", "1"]),
            "UASC": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "10/06/2007", "01/06/2024"],
                ["2", "10/06/2007", "10/06/2025"],
            ),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"], ["2", "1"]),
            "UASC_last": table(["CHILD", "DOB", "DUC"], ["2", "10/06/2007", "10/06/2025"]),
        },
        flagged={"UASC": [0], "Header": [0]},
    ),
]
