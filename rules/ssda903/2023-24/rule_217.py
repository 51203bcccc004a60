"""Rule 217: placed for adoption with current foster carers, with the wrong new-episode reason."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE's coding only checks episodes starting on or after 1 April 2015.
FIRST_CHECKED_DAY = dt.date(2015, 4, 1)


@rule(
    code="217",
    message=(
        "Children who are placed for adoption with current foster carers (placement types A3 or "
        "A5) must have a reason for new episode of S, T or U."
    ),
    tables=["Episodes"],
    fields=["PLACE", "DECOM", "RNE"],
    tags=["adoption"],
)
def foster_carer_adoption_with_other_new_episode_reason(ctx: RuleContext) -> pl.LazyFrame:
    """A placement for adoption with current foster carers has the wrong reason for a new episode.

    An episode placed for adoption with current foster carers (A3, A5) that starts on or after 1
    April 2015 needs reason for new episode (RNE) S, T or U: correct the reason or the placement.
    """
    # A blank RNE is not S, T or U and is flagged; an episode with a blank or unreadable DECOM is
    # not checked.
    rne = pl.col("RNE")
    with_foster_carer = pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION_WITH_FOSTER_CARER"))
    checked = with_foster_carer & (pl.col("DECOM") >= FIRST_CHECKED_DAY)
    wrong_reason = rne.is_null() | ~rne.is_in(ctx.codes("RNE_FOSTER_CARER_ADOPTION"))
    return ctx.table("Episodes").filter(checked & wrong_reason)


COLUMNS = ["CHILD", "PLACE", "DECOM", "RNE"]

CASES = [
    Case(
        "A3/A5 from 1 April 2015 with an RNE other than S, T or U, or blank, are flagged",
        tables={
            "Episodes": table(
                COLUMNS,
                ["1", "A3", "01/04/2015", "P"],
                ["5", "A5", "01/05/2020", ""],
                ["9", "A5", "02/04/2015", "L"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "A3/A5 with RNE S, T or U are not flagged",
        tables={
            "Episodes": table(
                COLUMNS,
                ["3", "A5", "02/04/2015", "T"],
                ["4", "A3", "01/05/2020", "U"],
                ["8", "A3", "01/05/2020", "S"],
            )
        },
        flagged={},
    ),
    Case(
        "starts on 31 March 2015, blank or unreadable starts, and other placements are not checked",
        tables={
            "Episodes": table(
                COLUMNS,
                ["2", "A5", "31/03/2015", "P"],
                ["10", "A3", "31/03/2015", ""],
                ["7", "A3", "", "P"],
                ["11", "A3", "31/04/2015", "P"],
                ["6", "A4", "01/05/2020", "P"],
            )
        },
        flagged={},
    ),
]
