"""Rule INT21: sex in UASC differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import NAMED_AT_MOST, naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="INT21",
    message="Internal Check: SEX in UASC is different to SEX in Header.",
    tables=["UASC", "Header"],
    fields=["SEX"],
    tags=["integrity"],
)
def uasc_sex_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """The child's sex in the unaccompanied asylum-seeking (UASC) record differs from the header.

    Check the child's sex (SEX) in both places and correct the one that is wrong.
    """
    # Codes are compared exactly as written, trimmed; a blank beside a code counts as different, two
    # blanks do not. Children absent from Header are reported by INT09.
    # The Header row compared is named beside the UASC row.
    sexes = ctx.table("Header").select(
        "CHILD",
        pl.col("SEX").alias("header_sex"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit("Header").alias(RELATED_TABLE),
    )
    # Equivalent mutant (ReplaceKeywordValue): a row a left join finds no match for names no row,
    # and naming_at_most_first keeps only rows that name one, as the inner join does.
    uasc = ctx.table("UASC").join(sexes, on="CHILD", how="inner")
    return naming_at_most_first(uasc.filter(pl.col("SEX").ne_missing(pl.col("header_sex"))))


CASES = [
    Case(
        "a different or blank sex is flagged; the same code in another case is not",
        tables={
            "Header": table(
                ["CHILD", "SEX"], ["1", "F"], ["2", "F"], ["3", "M"], ["4", ""], ["5", "m"]
            ),
            "UASC": table(
                ["CHILD", "SEX"],
                ["1", "F"],
                ["2", "M"],
                ["3", ""],
                ["4", ""],
                ["5", "M"],
                ["6", "F"],
            ),
        },
        flagged={"UASC": [1, 2, 4]},
    ),
    Case(
        "a blank Header sex beside a code differs; each UASC row of a child is compared",
        tables={
            "Header": table(["CHILD", "SEX"], ["1", ""], ["2", "F"], ["3", " f "], ["4", "X"]),
            "UASC": table(
                ["CHILD", "SEX"],
                ["1", "F"],
                ["2", "F"],
                ["2", "M"],
                ["3", "F"],
                ["4", "X"],
                ["5", ""],
            ),
        },
        flagged={"UASC": [0, 2, 3]},
        related=(("UASC", 0, "Header", 0), ("UASC", 2, "Header", 1), ("UASC", 3, "Header", 2)),
    ),
    Case(
        "a child on more Header rows than are named: the UASC row names the first of them",
        tables={
            "Header": table(["CHILD", "SEX"], *[["1", "M"]] * (NAMED_AT_MOST + 2)),
            "UASC": table(["CHILD", "SEX"], ["1", "F"]),
        },
        flagged={"UASC": [0]},
        related=tuple(("UASC", 0, "Header", row) for row in range(NAMED_AT_MOST)),
    ),
]
