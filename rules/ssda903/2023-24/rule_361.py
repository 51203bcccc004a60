"""Rule 361: police protection lasted longer than 72 hours."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.spells import (
    legal_status_spell_days,
    naming_spell_mates,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="361",
    message=(
        "Police protection legal status lasted longer than maximum 72 hours allowed in the "
        "Children Act 1989."
    ),
    tables=["Episodes"],
    fields=["DECOM", "LS", "DEC"],
    tags=["dates"],
)
def police_protection_over_three_days(ctx: RuleContext) -> pl.LazyFrame:
    """A spell of police protection (legal status LS L1) lasted longer than 72 hours (3 days).

    Check the start and end dates of the police protection episodes and correct any that was
    mistyped; if the child stayed longer, record the legal status that followed police protection.
    """
    # Children Act 1989 s46 limits police protection to 72 hours. Episodes under L1 that follow on
    # from each other (a placement move during protection) are one spell, so every episode of a
    # spell longer than 3 days is flagged. An open episode runs to 31 March: it has already lasted
    # that long. An episode with no readable DECOM is left to rule 141.
    spells = legal_status_spell_days(
        ctx.table("Episodes"), ctx.codes("LS_POLICE_PROTECTION"), ctx.end
    )
    # Each episode names the other episodes of its spell.
    return naming_spell_mates(spells.filter(pl.col("spell_days") > 3))


CASES = [
    Case(
        "three days pass, four days fail, also when split over consecutive episodes",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/06/2024", "L1", "04/06/2024"],
                ["2", "01/06/2024", "L1", "05/06/2024"],
                ["3", "01/06/2024", "L1", "03/06/2024"],
                ["3", "03/06/2024", "L1", "05/06/2024"],
                ["4", "01/06/2024", "L1", "03/06/2024"],
                ["4", "03/06/2024", "C1", "05/06/2024"],
                ["4", "05/06/2024", "L1", "07/06/2024"],
                ["5", "01/06/2024", "C2", "30/06/2024"],
                ["6", "", "L1", "30/06/2024"],
                ["7", "01/06/2024", "L1", "31/06/2024"],
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
                ["1", "28/03/2025", "L1", ""],
                ["2", "27/03/2025", "L1", ""],
                ["3", "27/03/2025", "L1", "30/03/2025"],
            )
        },
        flagged={"Episodes": [1]},
        period="2024-25",
    ),
    Case(
        "overlapping episodes or one after an unreadable end date start their own spell",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/06/2024", "L1", "04/06/2024"],
                ["1", "02/06/2024", "L1", "05/06/2024"],
                ["2", "01/06/2024", "L1", "31/06/2024"],
                ["2", "02/06/2024", "L1", "05/06/2024"],
            )
        },
        flagged={},
        period="2024-25",
    ),
]
