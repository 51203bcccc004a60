"""Rule 199: a child has an episode after an episode that ended in adoption."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


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
    adopted = ctx.codes("REC_ADOPTED")
    columns = ["CHILD", "DECOM", "REC"]
    both_years = pl.concat(
        [
            ctx.table("Episodes").select(columns),
            ctx.history("Episodes", required=False).select(columns),
        ]
    )
    first_adoption = (
        both_years.filter(pl.col("REC").is_in(adopted).fill_null(False))
        # A blank CHILD's group is dropped by the join on CHILD below: blanks never match.
        .group_by("CHILD")
        .agg(adopted_episode=pl.col("DECOM").min())
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child never adopted a blank
    # adoption date, and the filter drops a comparison with a blank, as the inner join drops it.
    episodes = ctx.table("Episodes").join(first_adoption, on="CHILD", how="inner")
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
    ),
]
