"""Rule 303: a date UASC status ceased is given but the child is not flagged UASC."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
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
    code="303",
    message=(
        "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC "
        "status must be coded 1."
    ),
    tables=["UASC", "Header"],
    fields=["DUC", "UASC"],
    tags=["uasc"],
)
def uasc_date_without_uasc_flag(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A date UASC status ceased is given, but the child is not recorded as UASC.

    If the child was an unaccompanied asylum-seeking child, set the UASC flag to 1; otherwise remove
    the date UASC ceased.
    """
    # An unreadable DUC is still "not null". A blank UASC flag is not 1 and is flagged. For CSV
    # returns UASC is 1 for every child in the UASC table, so in practice this finds XML returns.
    # Both the UASC row (DUC) and the Header row (UASC) are flagged, each naming the other.
    yes = ctx.codes("FLAG_YES")
    dated = ctx.table("UASC").filter(pl.col(raw_name("DUC")).is_not_null())
    not_flagged = ctx.table("Header").filter(pl.col("UASC").is_null() | ~pl.col("UASC").is_in(yes))
    dated_rows = dated.select("CHILD", pl.col("_row").alias(RELATED_ROW))
    header_rows = not_flagged.select("CHILD", pl.col("_row").alias(RELATED_ROW))
    return {
        "UASC": naming_at_most_first(
            dated.select("_row", "CHILD")
            # Equivalent mutant (ReplaceKeywordValue): a row a left join finds no match for names no
            # row, and naming_at_most_first keeps only rows that name one, as the inner join does.
            .join(header_rows, on="CHILD", how="inner")
            .with_columns(pl.lit("Header").alias(RELATED_TABLE))
        ),
        "Header": naming_at_most_first(
            not_flagged.select("_row", "CHILD")
            # Equivalent mutant (ReplaceKeywordValue): a row a left join finds no match for names no
            # row, and naming_at_most_first keeps only rows that name one, as the inner join does.
            .join(dated_rows, on="CHILD", how="inner")
            .with_columns(pl.lit("UASC").alias(RELATED_TABLE))
        ),
    }


CASES = [
    Case(
        "a DUC with UASC 0 or blank is flagged in both tables (XML)",
        metadata={"file_format": "xml"},
        tables={
            "Header": table(
                ["CHILD", "UASC"], ["1", "0"], ["2", "1"], ["3", ""], ["4", "0"], ["5", "0"]
            ),
            "UASC": table(
                ["CHILD", "DUC"],
                ["1", "01/06/2024"],
                ["2", "01/06/2024"],
                ["3", "99/99/2024"],
                ["4", ""],
            ),
        },
        flagged={"UASC": [0, 2], "Header": [0, 2]},
        related=(
            ("Header", 0, "UASC", 0),
            ("Header", 2, "UASC", 2),
            ("UASC", 0, "Header", 0),
            ("UASC", 2, "Header", 2),
        ),
    ),
    Case(
        "in a CSV return a child in the UASC table is UASC",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "UASC": table(["CHILD", "DUC"], ["1", "01/06/2024"]),
        },
        flagged={},
    ),
]
