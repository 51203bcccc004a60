"""Rule 357: a child's first episode, starting this year, is not a start of care."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="357",
    message=(
        "If this is the first episode ever for this child, reason for new episode must be S.  "
        "Check whether there is an episode immediately preceding this one, which has been left "
        "out.  If not the reason for new episode code must be amended to S."
    ),
    tables=["Episodes"],
    fields=["RNE"],
    tags=["episodes"],
)
def first_episode_not_started_care(ctx: RuleContext) -> pl.LazyFrame:
    """A child's first episode, starting this year, does not have reason for new episode (RNE) S.

    Check whether an earlier episode leading into this one was left out of the return and add it; if
    there is none, this is the start of care, so change the reason for new episode to S.
    """
    # An episode starting this year with no earlier episode in the return is the child's first,
    # since an episode open on 1 April would itself be in the return. An earliest episode that
    # started before 1 April may follow earlier episodes not returned, so it is not checked.
    # Episodes with a blank or unreadable DECOM are ignored. Each child has one first episode: the
    # earliest by DECOM, then by DEC (blank last, so a zero-length S episode comes before the one
    # continuing it that day), then by content, never by file order.
    dated = ctx.table("Episodes").filter(pl.col("DECOM").is_not_null())
    first_row = pl.col("_row").sort_by(in_order("DECOM", "DEC")).first()
    first = dated.filter(pl.col("_row") == first_row.over(child_of_row()))
    rne = pl.col("RNE")
    # A blank RNE is not S and is flagged.
    not_started = rne.is_null() | ~rne.is_in(ctx.codes("RNE_STARTED_CARE"))
    return first.filter((pl.col("DECOM") >= ctx.start) & not_started)


CASES = [
    Case(
        "a first episode from 1 April that is not S, or has a blank RNE, is flagged",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["1", "01/04/2024", "P"],
                ["4", "01/05/2024", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "an S episode with a blank or unreadable start does not count as the first",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["5", "", "S"],
                ["5", "01/05/2024", "L"],
                ["6", "31/02/2024", "S"],
                ["6", "01/05/2024", "P"],
            )
        },
        flagged={"Episodes": [1, 3]},
    ),
    Case(
        "a first episode before 1 April, or an S one, and the episodes after it are not flagged",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["2", "31/03/2024", "P"],
                ["3", "01/05/2024", "S"],
                ["3", "01/06/2024", "P"],
                ["7", "31/03/2024", "S"],
                ["7", "01/05/2024", "P"],
                ["8", "02/04/2024", "S"],
            )
        },
        flagged={},
    ),
    Case(
        "of two episodes starting the same day the first is the one that ends first, in any order",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["9", "01/05/2024", "", "P"],
                ["9", "01/05/2024", "01/05/2024", "S"],
                ["10", "01/05/2024", "01/05/2024", "S"],
                ["10", "01/05/2024", "", "P"],
                ["11", "01/05/2024", "", "S"],
                ["11", "01/05/2024", "01/05/2024", "P"],
                ["12", "01/05/2024", "01/06/2024", "L"],
                ["12", "01/05/2024", "31/06/2024", "S"],
            )
        },
        flagged={"Episodes": [5, 6]},
    ),
    Case(
        "a row with a blank CHILD is no other blank row's later episode: each is judged alone",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["", "01/05/2024", "S"],
                ["", "01/06/2024", "P"],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
