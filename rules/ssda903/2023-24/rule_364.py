"""Rule 364: a child was held in LA accommodation under PACE for longer than 21 days."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.spells import (
    legal_status_spell_days,
    naming_spell_mates,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="364",
    message=(
        "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a "
        "child can be detained in custody in Local Authority (LA) accommodation."
    ),
    tables=["Episodes"],
    fields=["LS", "DECOM", "DEC"],
    tags=["dates"],
)
def pace_accommodation_over_21_days(ctx: RuleContext) -> pl.LazyFrame:
    """A child was held in council accommodation under PACE (legal status J2) for over 21 days.

    The Police and Criminal Evidence Act strictly limits how long a child can be held: check the
    start and end dates of these episodes and correct any that was mistyped; if the child stayed
    longer, record the legal status that followed.
    """
    # NOTE: DfE's message gives no number; 21 days is the limit the open-source peer validator
    # applies, which we follow. Consecutive J2 episodes (each starting the day the last ended) are
    # one spell and all of its episodes are flagged. An open episode runs to 31 March; an episode
    # with no readable DECOM is left to rule 141.
    spells = legal_status_spell_days(ctx.table("Episodes"), ctx.codes("LS_PACE"), ctx.end)
    # Each episode names the other episodes of its spell.
    return naming_spell_mates(spells.filter(pl.col("spell_days") > 21))


CASES = [
    Case(
        "21 days pass, 22 fail, also when split over consecutive episodes",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS", "DEC"],
                ["1", "01/06/2024", "J2", "22/06/2024"],
                ["2", "01/06/2024", "J2", "23/06/2024"],
                ["3", "01/06/2024", "J2", "12/06/2024"],
                ["3", "12/06/2024", "J2", "23/06/2024"],
                ["4", "01/06/2024", "J2", "12/06/2024"],
                ["4", "13/06/2024", "J2", "23/06/2024"],
                ["5", "", "J2", "30/09/2024"],
                ["6", "01/06/2024", "J1", "30/09/2024"],
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
                ["1", "10/03/2025", "J2", ""],
                ["2", "09/03/2025", "J2", ""],
            )
        },
        flagged={"Episodes": [1]},
        period="2024-25",
    ),
]
