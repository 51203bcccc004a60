"""Rule 362: an emergency protection order lasted longer than 21 days."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.spells import (
    legal_status_spell_days,
    naming_spell_mates,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="362",
    message="Emergency protection order (EPO) lasted longer than 21 days",
    tables=["Episodes"],
    fields=["DECOM", "LS", "DEC"],
    tags=["dates"],
)
def emergency_protection_over_21_days(ctx: RuleContext) -> pl.LazyFrame:
    """A spell under an emergency protection order (legal status LS L2) lasted longer than 21 days.

    Check the start and end dates of the emergency protection episodes and correct any that was
    mistyped; if the child stayed longer, record the legal status that followed the order.
    """
    # An EPO lasts up to 8 days and can be extended once by 7 (Children Act 1989 s45); DfE allows
    # 21. Consecutive L2 episodes (each starting the day the last ended) are one spell and all of
    # its episodes are flagged. An open episode runs to 31 March; an episode with no readable DECOM
    # is left to rule 141.
    spells = legal_status_spell_days(
        ctx.table("Episodes"), ctx.codes("LS_EMERGENCY_PROTECTION"), ctx.end
    )
    # Each episode names the other episodes of its spell.
    return naming_spell_mates(spells.filter(pl.col("spell_days") > 21))


CASES = [
    Case(
        "21 days pass, 22 fail, also when split over consecutive episodes",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/06/2024", "L2", "22/06/2024"],
                ["2", "01/06/2024", "L2", "23/06/2024"],
                ["3", "01/06/2024", "L2", "10/06/2024"],
                ["3", "10/06/2024", "L2", "23/06/2024"],
                ["4", "01/06/2024", "L2", "10/06/2024"],
                ["4", "11/06/2024", "L2", "23/06/2024"],
                ["5", "01/06/2024", "C1", "30/09/2024"],
                ["6", "", "L2", "30/09/2024"],
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
                ["1", "10/03/2025", "L2", ""],
                ["2", "09/03/2025", "L2", ""],
            )
        },
        flagged={"Episodes": [1]},
        period="2024-25",
    ),
]
