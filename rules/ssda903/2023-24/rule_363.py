"""Rule 363: a child assessment order lasted longer than 7 days."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.spells import (
    legal_status_spell_days,
    naming_spell_mates,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="363",
    message=(
        "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989."
    ),
    tables=["Episodes"],
    fields=["LS", "DECOM", "DEC"],
    tags=["dates"],
)
def child_assessment_order_over_7_days(ctx: RuleContext) -> pl.LazyFrame:
    """A spell under a child assessment order (legal status LS L3) lasted longer than 7 days.

    Check the start and end dates of the child assessment order episodes and correct any that was
    mistyped; if the child stayed longer, record the legal status that followed the order.
    """
    # Children Act 1989 s43 limits a CAO to 7 days. Consecutive L3 episodes (each starting the day
    # the last ended) are one spell and all of its episodes are flagged. An open episode runs to 31
    # March; an episode with no readable DECOM is left to rule 141.
    spells = legal_status_spell_days(
        ctx.table("Episodes"), ctx.codes("LS_CHILD_ASSESSMENT"), ctx.end
    )
    # Each episode names the other episodes of its spell.
    return naming_spell_mates(spells.filter(pl.col("spell_days") > 7))


CASES = [
    Case(
        "7 days pass, 8 fail, also when split over consecutive episodes",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/06/2024", "L3", "08/06/2024"],
                ["2", "01/06/2024", "L3", "09/06/2024"],
                ["3", "01/06/2024", "L3", "05/06/2024"],
                ["3", "05/06/2024", "L3", "09/06/2024"],
                ["4", "01/06/2024", "L3", "05/06/2024"],
                ["4", "05/06/2024", "V2", "06/06/2024"],
                ["4", "06/06/2024", "L3", "09/06/2024"],
                ["5", "", "L3", "30/09/2024"],
                ["6", "01/06/2024", "", "30/09/2024"],
            )
        },
        flagged={"Episodes": [1, 2, 3]},
        related=(("Episodes", 2, "Episodes", 3), ("Episodes", 3, "Episodes", 2)),
        period="2024-25",
    ),
    Case(
        "an open episode runs to the end of the year",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "24/03/2025", "L3", ""],
                ["2", "23/03/2025", "L3", ""],
            )
        },
        flagged={"Episodes": [1]},
        period="2024-25",
    ),
]
