"""Rule 336: a placement for adoption with current foster carers does not follow fostering."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="336",
    message=(
        "Child does not have a foster placement immediately prior to being placed for adoption."
    ),
    tables=["Episodes"],
    fields=["PLACE"],
    tags=["adoption", "episodes"],
)
def foster_carer_adoption_without_prior_fostering(ctx: RuleContext) -> pl.LazyFrame:
    """A placement for adoption with current foster carers does not follow a foster placement.

    An episode placed for adoption with current foster carers (A3, A5) follows a foster placement
    (U1 to U6) or another adoption placement (A3 to A6): check both episodes' placement types.
    """
    # NOTE: DfE's coding: where PL is A3 or A5, the previous episode's PL must be A3-A6 or U1-U6.
    # The previous episode is the child's previous one by DECOM; a child's first episode in the
    # return has none and is not checked, nor is one whose previous PLACE is blank. The peer
    # validator checks A3 and A4, contradicting DfE's coding quoted in its own comment.
    episodes = with_neighbours(ctx.table("Episodes"), ["PLACE", "_row"])
    allowed_before = ctx.codes("PLACE_ADOPTION") + ctx.codes("PLACE_FOSTER")
    with_foster_carer = pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION_WITH_FOSTER_CARER"))
    before = pl.col("prev_PLACE")
    flagged = episodes.filter(
        with_foster_carer & before.is_not_null() & ~before.is_in(allowed_before)
    )
    # The previous episode, whose placement type was compared, is named beside the flagged one.
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "A3/A5 after a placement that is neither fostering nor adoption is flagged, in any order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["2", "01/05/2023", "K2"],
                ["2", "01/06/2023", "A5"],
                ["7", "01/06/2023", "A3"],
                ["7", "01/05/2023", "K2"],
            )
        },
        flagged={"Episodes": [1, 2]},
        related=(("Episodes", 1, "Episodes", 0), ("Episodes", 2, "Episodes", 3)),
    ),
    Case(
        "A3/A5 after fostering or adoption, first or after a blank type, and A4 are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/05/2023", "U1"],
                ["1", "01/06/2023", "A3"],
                ["3", "01/05/2023", "A5"],
                ["4", "01/05/2023", "K2"],
                ["4", "01/06/2023", "A4"],
                ["5", "01/05/2023", ""],
                ["5", "01/06/2023", "A3"],
                ["6", "01/05/2023", "A6"],
                ["6", "01/06/2023", "A5"],
            )
        },
        flagged={},
    ),
]
