"""Rule 451: an episode under a freeing order is still open."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="451",
    message=(
        "Child is still freed for adoption, but freeing orders could not be applied for since "
        "30 December 2005."
    ),
    tables=["Episodes"],
    fields=["DEC", "REC", "LS"],
    tags=["adoption", "episodes"],
)
def freeing_order_episode_still_open(ctx: RuleContext) -> pl.LazyFrame:
    """An episode under a freeing order (legal status D1) is still open.

    Freeing orders were replaced by placement orders on 30 December 2005, so no child can still be
    freed for adoption: check the legal status, and record the end date and reason if the episode
    has ended.
    """
    # The Adoption and Children Act 2002 replaced freeing orders with placement orders on 30
    # December 2005, so a child can no longer remain freed for adoption at 31 March. An episode is
    # open when both DEC and REC are blank; an unreadable DEC was still given and is left to rule
    # 147. DfE deleted this rule from 2024-25.
    freed = pl.col("LS").is_in(ctx.codes("LS_FREEING_ORDER")).fill_null(False)
    still_open = pl.col(raw_name("DEC")).is_null() & pl.col("REC").is_null()
    return ctx.table("Episodes").filter(freed & still_open)


CASES = [
    Case(
        "an open D1 episode (blank DEC and REC) is flagged, after any earlier episodes",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DEC", "REC"],
                ["1", "D1", "", ""],
                ["2", "d1", "", ""],
                ["10", "D1", "01/01/2024", "E11"],
                ["10", "D1", "", ""],
            ),
        },
        flagged={"Episodes": [0, 3]},
    ),
    Case(
        "a D1 episode with a DEC or a REC given is not flagged, even an unreadable DEC",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DEC", "REC"],
                ["3", "D1", "31/03/2024", "E11"],
                ["4", "D1", "", "E11"],
                ["5", "D1", "31/02/2024", ""],
                ["8", "D1", "31/03/2024", ""],
                ["9", "D1", "2024-03-31", ""],
                ["11", "E1", "01/01/2024", "E11"],
                ["11", "D1", "01/03/2024", "E11"],
            ),
        },
    ),
    Case(
        "an open episode with another or a blank legal status is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DEC", "REC"], ["6", "E1", "", ""], ["7", "", "", ""]
            ),
        },
    ),
]
