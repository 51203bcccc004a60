"""Rule 190: OC2 items are given for a child not looked after continuously for 12 months."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, rule, table

ITEMS = [
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
]


@rule(
    code="190",
    message=(
        "Child has not been looked after continuously for at least 12 months at 31 March but one "
        "or more data items relating to children looked after for 12 months have been completed."
    ),
    tables=["OC2", "Episodes"],
    fields=ITEMS,
    tags=["outcomes"],
)
def outcome_items_outside_oc2_cohort(ctx: RuleContext) -> pl.LazyFrame:
    """OC2 health or offending items are given for a child not in care all year.

    The eight yes/no items (conviction, health and development checks, immunisations, teeth,
    health assessment, substance misuse and interventions) are only for children in care all
    year: remove them, or check the child's episodes.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # NOTE: the peer leaves out of the cohort a child with an unreadable date or a blank REC, and
    # never checks 1 April; the cohort follows DfE's codes (see continuously_looked_after).
    # The SDQ score and reason have their own rules (185 and 198).
    cohort = oc2_cohort(ctx)
    given = pl.any_horizontal([pl.col(item).is_not_null() for item in ITEMS])
    return ctx.table("OC2").filter(given).join(cohort, on="CHILD", how="anti")


# The OC2 cohort is read from DfE's codes, so slips in the dates keep children 1-4 in it (an
# overlap, a short gap, unreadable dates, an earlier episode left open), while child 5 left care
# (REC E13) although a same-day continuation follows.
COHORT_SLIPS = table(
    ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
    ["1", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["1", "05/06/2024", "P", "C2", "", ""],
    ["2", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["2", "13/06/2024", "P", "C2", "", ""],
    ["3", "01/01/2022", "S", "C2", "31/06/2024", "X1"],
    ["3", "31/06/2024", "P", "C2", "", ""],
    ["4", "01/01/2022", "S", "C2", "", ""],
    ["4", "10/06/2024", "P", "C2", "", ""],
    ["5", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
    ["5", "10/06/2024", "P", "C2", "", ""],
)


CASES = [
    Case(
        "items for a child who started care on 2 April are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/04/2023", "S", "C2", "", ""],
                ["2", "02/04/2023", "S", "C2", "", ""],
                ["3", "02/04/2023", "S", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED", "IMMUNISATIONS", "INTERVENTION_OFFERED"],
                ["1", "0", "1", ""],
                ["2", "", "", "0"],
                ["3", "", "", ""],
                ["4", "0", "", ""],
            ),
        },
        flagged={"OC2": [1, 3]},
        period="2023-24",
    ),
    Case(
        "slips in episode dates do not put a child who left care into the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
                ["3", "0"],
                ["4", "0"],
                ["5", "0"],
            ),
        },
        flagged={"OC2": [4]},
        period="2024-25",
    ),
    Case(
        "in care on 1 April: an episode ending that day counts, one ending on 31 March does not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "31/03/2024", "X1"],
                ["1", "10/04/2024", "P", "C2", "", ""],
                ["2", "01/01/2022", "S", "C2", "01/04/2024", "X1"],
                ["2", "10/04/2024", "P", "C2", "", ""],
                ["3", "01/01/2022", "S", "C2", "30/03/2024", "X1"],
                ["3", "31/03/2024", "P", "C2", "31/03/2024", "X1"],
                ["3", "10/04/2024", "P", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
                ["3", "0"],
            ),
        },
        flagged={"OC2": [0, 2]},
        period="2024-25",
    ),
    Case(
        "an unreadable start: in care on 1 April unless ended before; only its REC breaks the year",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "31/02/2022", "P", "C2", "", ""],
                ["2", "31/02/2022", "P", "C2", "15/03/2024", "X1"],
                ["2", "10/04/2024", "P", "C2", "", ""],
                ["3", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
                ["3", "31/06/2024", "S", "C2", "", ""],
                ["4", "31/02/2022", "P", "C2", "10/06/2024", "E13"],
                ["4", "10/06/2024", "P", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
                ["3", "0"],
                ["4", "0"],
            ),
        },
        flagged={"OC2": [1, 3]},
        period="2024-25",
    ),
    Case(
        "an end before the episode's own start is no end; an unreadable end still leaves care",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "01/01/2021", "X1"],
                ["1", "10/04/2024", "P", "C2", "", ""],
                ["2", "01/01/2022", "S", "C2", "31/06/2024", "E13"],
                ["2", "10/07/2024", "P", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
            ),
        },
        flagged={"OC2": [1]},
        period="2024-25",
    ),
    Case(
        "a blank legal status is not a short break and a blank RNE is not a new start",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "", "", ""],
                ["2", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
                ["2", "10/06/2024", "", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
            ),
        },
        flagged={},
        period="2024-25",
    ),
    Case(
        "leaving care on 31 March last year is before the year, leaving on 1 April is in it",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2020", "S", "C2", "31/03/2024", "E13"],
                ["1", "31/03/2024", "S", "C2", "", ""],
                ["2", "01/01/2020", "S", "C2", "01/04/2024", "E13"],
                ["2", "01/04/2024", "S", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
            ),
        },
        flagged={"OC2": [1]},
        period="2024-25",
    ),
    Case(
        "a new start or change to short breaks on 31 March is in the year, one after it is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "31/03/2025", "X1"],
                ["1", "31/03/2025", "S", "C2", "", ""],
                ["2", "01/01/2022", "S", "C2", "", ""],
                ["2", "31/03/2025", "L", "V4", "", ""],
                ["3", "01/01/2022", "S", "C2", "", ""],
                ["3", "01/04/2025", "L", "V4", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
                ["3", "0"],
            ),
        },
        flagged={"OC2": [0, 1]},
        period="2024-25",
    ),
    Case(
        "a period begun and ended in the year, or a short break ending in it, breaks the year",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "", ""],
                ["1", "10/05/2024", "S", "C2", "10/06/2024", "E13"],
                ["2", "01/01/2022", "S", "C2", "", ""],
                ["2", "10/05/2024", "S", "V3", "12/05/2024", "E13"],
                ["3", "01/01/2022", "S", "C2", "", ""],
                ["3", "25/03/2024", "S", "V3", "05/04/2024", "E13"],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
                ["3", "0"],
            ),
        },
        flagged={"OC2": [0, 1, 2]},
        period="2024-25",
    ),
    Case(
        "only an end date ends care: a reason ceased with no end date leaves the child in care; "
        "an end with nothing after does not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "", "X1"],
                ["2", "01/01/2022", "S", "C2", "", "E13"],
                ["3", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
                ["4", "01/01/2022", "S", "C2", "31/06/2024", "E13"],
                ["5", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
                ["3", "0"],
                ["4", "0"],
                ["5", "0"],
            ),
        },
        flagged={"OC2": [2, 3, 4]},
        period="2024-25",
    ),
]
