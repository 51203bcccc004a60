"""Rule 202: sex differs from the sex recorded for the child last year."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


def _sex_meaning(male: list[str], female: list[str]) -> pl.Expr:
    sex = pl.col("SEX")
    return (
        pl.when(sex.is_in(male))
        .then(pl.lit("male"))
        .when(sex.is_in(female))
        .then(pl.lit("female"))
        .otherwise(sex)
    )


@rule(
    code="202",
    message="The gender code conflicts with the gender already recorded for this child.",
    tables=["Header", "Header_last"],
    fields=["SEX"],
    tags=["previous-year"],
)
def sex_differs_from_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """The child's sex differs from the sex recorded for them last year.

    Check the child's sex in the case record and correct it in this year's or last year's data.
    """
    # NOTE: the two years are compared by meaning, not by code, because DfE recoded sex from 1/2 to
    # M/F/U in 2024-25, so a 2023-24 "1" agrees with a 2024-25 "M". A blank or invalid code this
    # year fails rule 101 (stage 1) and is not compared again; a blank last year records nothing.
    male, female = ctx.codes("SEX_MALE"), ctx.codes("SEX_FEMALE")
    # Last year's file may still use last year's codes, or may have been recoded already.
    last_male = ctx.codes("SEX_MALE_PREVIOUS_YEAR") + male
    last_female = ctx.codes("SEX_FEMALE_PREVIOUS_YEAR") + female
    # Last year's Header row is named beside this year's.
    last = ctx.table("Header_last").select(
        "CHILD",
        _sex_meaning(last_male, last_female).alias("last_sex"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit("Header" + PREVIOUS_SUFFIX).alias(RELATED_TABLE),
    )
    this_year = _sex_meaning(male, female)
    header = ctx.table("Header").filter(pl.col("SEX").is_in(ctx.codes("SEX")))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child new this year a blank
    # last-year value, and the filter drops a comparison with a blank, as the inner join drops it.
    return header.join(last, on="CHILD", how="inner").filter(this_year != pl.col("last_sex"))


CASES = [
    Case(
        "a changed code is flagged; new children and blanks are not (1/2 coding)",
        tables={
            "Header": table(
                ["CHILD", "SEX"],
                ["1", "1"],
                ["2", "2"],
                ["3", "1"],
                ["4", ""],
                ["5", "2"],
                ["6", "1"],
            ),
            "Header_last": table(["CHILD", "SEX"], ["1", "1"], ["2", "1"], ["4", "2"], ["5", ""]),
        },
        flagged={"Header": [1]},
        related=(("Header", 1, "Header_last", 1),),
        years=("2023-24",),
    ),
    Case(
        "last year's 1/2 codes, or M/F if already recoded, are read as male/female",
        tables={
            "Header": table(
                ["CHILD", "SEX"],
                ["1", "M"],
                ["2", "F"],
                ["3", "F"],
                ["4", "U"],
                ["5", "X"],
                ["6", "M"],
                ["7", "M"],
            ),
            "Header_last": table(
                ["CHILD", "SEX"],
                ["1", "1"],
                ["2", "2"],
                ["3", "1"],
                ["4", "2"],
                ["5", "1"],
                ["6", "M"],
                ["7", "F"],
            ),
        },
        flagged={"Header": [2, 3, 6]},
        related=(
            ("Header", 2, "Header_last", 2),
            ("Header", 3, "Header_last", 3),
            ("Header", 6, "Header_last", 6),
        ),
        years=("2024-25",),
    ),
    Case(
        "M/F/U in both years",
        tables={
            "Header": table(
                ["CHILD", "SEX"], ["1", "M"], ["2", "f"], ["3", "F"], ["4", "U"], ["5", ""]
            ),
            "Header_last": table(
                ["CHILD", "SEX"], ["1", "M"], ["2", "F"], ["3", "M"], ["4", "U"], ["5", "M"]
            ),
        },
        flagged={"Header": [2]},
        related=(("Header", 2, "Header_last", 2),),
        years=("2025-26", "2026-27"),
    ),
]
