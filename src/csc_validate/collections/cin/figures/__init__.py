"""DfE's headline figures for children in need, computed from a checked CIN census.

Each module holds the figures of one theme; FIGURES lists them in the order they are shown.
"""

from csc_validate.collections.cin.figures import (
    assessments,
    episodes,
    pre_proceedings,
    protection,
    referrals,
)

FIGURES = (
    referrals.FIGURES
    + episodes.FIGURES
    + assessments.FIGURES
    + protection.FIGURES
    + pre_proceedings.FIGURES
)
