"""Rule 199: a child has an episode after an episode that ended in adoption."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.history import every_year_named
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="199",
    message="Episode information shows child has been previously adopted from care.",
    tables=["Episodes"],
    fields=["CHILD"],
    tags=["episodes", "adoption"],
)
def episode_after_adoption(ctx: RuleContext) -> pl.LazyFrame:
    """A child has an episode that starts after an earlier episode ended in adoption.

    A child adopted from care has a new legal identity, so later care belongs under a new child ID:
    check the child's ID, and the reason the earlier episode ended (adopted, E11 or E12).
    """
    # Care records under the same child identifier after an adoption point to an error. Only this
    # year's episodes are flagged; the adoption may be this year or last year, so only the years
    # supplied can be checked (last year's episodes when given). The adoption episode itself is not
    # flagged.
    # Each adoption episode before the flagged one is named beside it (when it is in this year's
    # or last year's return).
    adopted = ctx.codes("REC_ADOPTED")
    adoptions = (
        every_year_named(
            ctx, "Episodes", ["CHILD", "DECOM", "REC"], ctx.history("Episodes", required=False)
        )
        .filter(pl.col("REC").is_in(adopted).fill_null(False))
        .select("CHILD", pl.col("DECOM").alias("adopted_episode"), RELATED_ROW, RELATED_TABLE)
    )
    # A blank CHILD never matches in the join on CHILD.
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child never adopted a blank
    # adoption date, and the filter drops a comparison with a blank, as the inner join drops it.
    episodes = ctx.table("Episodes").join(adoptions, on="CHILD", how="inner")
    return episodes.filter(pl.col("DECOM") > pl.col("adopted_episode"))


CASES = [
    Case(
        "episodes after an adoption this year or last year are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/05/2023", "01/06/2023", "E11"],
                ["1", "01/07/2023", "", ""],
                ["2", "01/05/2023", "01/06/2023", "E12"],
                ["3", "01/05/2023", "", ""],
                ["4", "01/05/2023", "01/06/2023", "E8"],
                ["4", "01/07/2023", "", ""],
                ["5", "", "", ""],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["3", "01/05/2022", "01/06/2022", "E11"],
                ["5", "01/05/2022", "01/06/2022", "E12"],
            ),
        },
        flagged={"Episodes": [1, 3]},
        related=(("Episodes", 1, "Episodes", 0), ("Episodes", 3, "Episodes_last", 0)),
    ),
    Case(
        "without last year's episodes only this year is checked",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/05/2023", "01/06/2023", "E11"],
                ["1", "01/05/2023", "01/06/2023", "E11"],
                ["1", "02/05/2023", "", ""],
            ),
        },
        flagged={"Episodes": [2]},
        related=(("Episodes", 2, "Episodes", 0), ("Episodes", 2, "Episodes", 1)),
    ),
    Case(
        "episodes before the adoption, and open episodes with no reason yet, are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["6", "01/04/2023", "01/05/2023", "E8"],
                ["6", "01/05/2023", "01/06/2023", "E11"],
                ["8", "01/06/2023", "", ""],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["8", "01/05/2022", "", ""],
            ),
        },
        flagged={},
    ),
    Case(
        "after two adoptions, every episode after the first adoption is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["9", "01/05/2023", "01/06/2023", "E11"],
                ["9", "01/07/2023", "01/08/2023", "E12"],
                ["9", "01/09/2023", "", ""],
            ),
        },
        flagged={"Episodes": [1, 2]},
        related=(
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 2, "Episodes", 0),
            ("Episodes", 2, "Episodes", 1),
        ),
    ),
]
