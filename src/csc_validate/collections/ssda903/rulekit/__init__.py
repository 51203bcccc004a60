"""Helpers SSDA903 rules share: episodes, periods of care, spells, adoption and integrity checks."""

from csc_validate.collections.ssda903.rulekit.episodes import (
    continuously_looked_after,
    in_order,
    looked_after_at_year_end,
    oc2_cohort,
    periods_of_care,
    with_neighbours,
    with_periods_of_care,
)

__all__ = [
    "continuously_looked_after",
    "in_order",
    "looked_after_at_year_end",
    "oc2_cohort",
    "periods_of_care",
    "with_neighbours",
    "with_periods_of_care",
]
