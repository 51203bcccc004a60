"""Rule CSC030: date of birth or sex differs from an earlier year's census."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX

# DfE's codes for sex over the years: GenderCurrent 1 and 2 up to 2023-24, Sex M and F from
# 2024-25 (unknown, not specified and unborn are not compared).
SEX_MEANING = {"1": "male", "M": "male", "2": "female", "F": "female"}
SEX_COLUMNS = ("Sex", "GenderCurrent")


def _sex(frame: pl.LazyFrame) -> pl.Expr:
    present = [pl.col(c) for c in SEX_COLUMNS if c in frame.collect_schema().names()]
    if not present:
        return pl.lit(None, dtype=pl.String)
    return pl.coalesce(present).replace_strict(SEX_MEANING, default=None, return_dtype=pl.String)


@rule(
    code="CSC030",
    message="Date of birth or sex differs from the one recorded for this child in an earlier "
    "year's census.",
    tables=["ChildIdentifiers", "ChildIdentifiers_last"],
    fields=["PersonBirthDate", "Sex", "GenderCurrent"],
    tags=["previous-year", "dates"],
)
def identity_differs_from_earlier_years(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth or sex differs from an earlier year's census.

    Compared with each earlier year's census given with --previous. A child's date of birth and
    sex do not change between returns: check the case record, and correct whichever is wrong.
    """
    # Blank or unreadable values, and sexes that are not male or female, record nothing to
    # disagree with; an unborn child's expected date of birth is not compared.
    earlier_rows = ctx.history("ChildIdentifiers", required=False)
    # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): the history holds last year and the
    # years before it, whose names ("2023-24") sort before last year's, so >= picks the same rows.
    last_year = pl.col("_year") == ctx.previous_period.year
    earlier = earlier_rows.select(
        "LAchildID",
        pl.col("PersonBirthDate").alias("earlier_birth"),
        _sex(earlier_rows).alias("earlier_sex"),
        # Last year's row is named beside the finding; rows of the years before it are not
        # among the tables a finding can point to.
        pl.when(last_year).then(pl.col("_row")).alias(RELATED_ROW),
        pl.lit(f"ChildIdentifiers{PREVIOUS_SUFFIX}").alias(RELATED_TABLE),
    )
    children = ctx.table("ChildIdentifiers")
    differs = (pl.col("PersonBirthDate") != pl.col("earlier_birth")) | (
        _sex(children) != pl.col("earlier_sex")
    ).fill_null(False)
    # Children are matched between years by LA child ID, the only thing that names a child
    # across returns (a Child element's place does not): a blank ID matches nothing, so two
    # children without IDs are never taken for one (8500 reports the blank).
    # Equivalent mutant (ReplaceKeywordValue): a left join only adds children with no earlier
    # row, whose earlier date and sex are blank, so `differs` is blank and the filter drops them.
    offending = children.join(earlier, on="LAchildID", how="inner", nulls_equal=False)
    return offending.filter(differs)


COLUMNS = ["LAchildID", "PersonBirthDate", "Sex"]
# The years whose ChildIdentifiers has Sex (GenderCurrent before).
SEX_YEARS = ("2024-25", "2025-26", "2026-27")

CASES = [
    Case(
        "a date of birth or sex differing from last year's or an earlier census is flagged",
        period="2025-26",
        years=SEX_YEARS,
        tables={
            "ChildIdentifiers": table(
                COLUMNS,
                ["A", "2015-01-01", "M"],
                ["B", "2015-01-02", "F"],
                ["C", "2015-01-01", "F"],
                ["D", "2015-01-01", "U"],
                ["E", "", "M"],
                ["F", "2015-01-01", "M"],
                ["G", "2015-01-01", "F"],
            ),
            "ChildIdentifiers_last": table(
                COLUMNS,
                ["A", "2015-01-01", "M"],
                ["B", "2015-01-01", "F"],
                ["D", "2015-01-01", "M"],
                ["E", "2015-01-01", "M"],
                ["G", "2015-01-01", "F"],
            ),
        },
        earlier={
            "2023-24": {
                "ChildIdentifiers": table(
                    ["LAchildID", "PersonBirthDate", "GenderCurrent"],
                    ["C", "2015-01-01", "1"],
                    ["F", "2015-01-01", "1"],
                    ["G", "2015-01-01", "1"],
                )
            }
        },
        # B: DOB last year; C: sex two years back; G: sex two years back (last year agrees);
        # D is U this year, E has no date this year, F agrees (1 is male).
        flagged={"ChildIdentifiers": [1, 2, 6]},
        # Only B's differing row is last year's; C's and G's are from 2023-24.
        related=(("ChildIdentifiers", 1, "ChildIdentifiers_last", 1),),
    ),
    Case(
        "a child new this year, or the same in every year, is not flagged",
        period="2025-26",
        years=SEX_YEARS,
        tables={
            "ChildIdentifiers": table(COLUMNS, ["A", "2015-01-01", "F"], ["Z", "2020-01-01", "M"]),
            "ChildIdentifiers_last": table(COLUMNS, ["A", "2015-01-01", "F"]),
        },
        flagged={},
    ),
    Case(
        "a date of birth earlier than recorded, a child now male once female, or both differing",
        period="2025-26",
        years=SEX_YEARS,
        tables={
            "ChildIdentifiers": table(
                COLUMNS,
                ["H", "2015-01-01", "M"],
                ["I", "2015-01-01", "F"],
                ["J", "2015-01-01", "M"],
            ),
            "ChildIdentifiers_last": table(COLUMNS, ["I", "2015-01-03", "F"]),
        },
        earlier={
            "2023-24": {
                "ChildIdentifiers": table(
                    ["LAchildID", "PersonBirthDate", "GenderCurrent"],
                    ["H", "2015-01-05", "2"],
                    ["J", "2015-01-01", "2"],
                )
            }
        },
        # H: date and sex both differ; I: born two days earlier than recorded; J: now male.
        flagged={"ChildIdentifiers": [0, 1, 2]},
    ),
    Case(
        "an earlier year's census is compared when last year's is not given",
        period="2025-26",
        years=SEX_YEARS,
        tables={"ChildIdentifiers": table(COLUMNS, ["A", "2015-01-01", "M"])},
        earlier={
            "2023-24": {
                "ChildIdentifiers": table(
                    ["LAchildID", "PersonBirthDate", "GenderCurrent"], ["A", "2015-01-01", "2"]
                )
            }
        },
        flagged={"ChildIdentifiers": [0]},
    ),
    Case(
        "children with blank IDs are never matched with a blank-ID child of another year",
        period="2025-26",
        years=SEX_YEARS,
        tables={
            "ChildIdentifiers": table(
                COLUMNS,
                ["", "2015-01-01", "M"],
                ["", "2016-01-01", "F"],
                ["A", "2015-01-01", "M"],
            ),
            "ChildIdentifiers_last": table(
                COLUMNS, ["", "2014-01-01", "F"], ["A", "2015-06-01", "M"]
            ),
        },
        earlier={
            "2023-24": {
                "ChildIdentifiers": table(
                    ["LAchildID", "PersonBirthDate", "GenderCurrent"], ["", "2013-01-01", "2"]
                )
            }
        },
        # Only A, whose ID is given in both years, is compared; last year's blank row is not
        # named beside it.
        flagged={"ChildIdentifiers": [2]},
        related=(("ChildIdentifiers", 2, "ChildIdentifiers_last", 1),),
    ),
    Case(
        "a blank ID in an earlier year only, or this year only, matches no child",
        period="2025-26",
        years=SEX_YEARS,
        tables={
            "ChildIdentifiers": table(COLUMNS, ["B", "2015-01-01", "M"], ["", "2015-03-03", "F"]),
            "ChildIdentifiers_last": table(COLUMNS, ["", "2015-01-09", "F"]),
        },
        earlier={
            "2023-24": {
                "ChildIdentifiers": table(
                    ["LAchildID", "PersonBirthDate", "GenderCurrent"],
                    ["", "2015-01-05", "2"],
                    ["C", "2015-03-03", "1"],
                )
            }
        },
        flagged={},
    ),
    Case(
        "in the XML children are matched between years by ID, never by their Child element",
        period="2025-26",
        years=SEX_YEARS,
        metadata={"file_format": "xml"},
        tables={
            "ChildIdentifiers": table(
                ["ChildKey", *COLUMNS],
                ["Child[1]", "", "2015-01-01", "M"],
                ["Child[2]", "E", "2015-01-01", "M"],
                ["Child[3]", "G", "2015-01-01", "M"],
            ),
            "ChildIdentifiers_last": table(
                ["ChildKey", *COLUMNS],
                ["Child[1]", "", "2014-01-01", "F"],
                ["Child[2]", "F", "2014-01-01", "F"],
                ["Child[3]", "H", "2015-01-01", "M"],
                ["Child[4]", "G", "2015-01-02", "M"],
            ),
        },
        flagged={"ChildIdentifiers": [2]},
        related=(("ChildIdentifiers", 2, "ChildIdentifiers_last", 3),),
    ),
]
