"""Rule 182: OC2 core health items are incomplete while other OC2 items are given."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

CORE = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"]
OTHERS = ["CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]


@rule(
    code="182",
    message=(
        "Data entries on immunisations, teeth checks, health assessments and substance misuse "
        "problem identified should be completed or all OC2 fields should be left blank."
    ),
    tables=["OC2"],
    fields=[*CORE, *OTHERS],
    tags=["outcomes"],
)
def outcome_core_items_incomplete(ctx: RuleContext) -> pl.LazyFrame:
    """An outcomes (OC2) record has items filled in but not all four core health items.

    Complete immunisations, teeth check, health assessment and substance misuse, or, if the child
    needs no outcomes record, leave all eight yes/no items blank.
    """
    # NOTE: DfE's message allows just those two states: all four core items given, or all eight
    # yes/no items blank. The peer validator only flags a blank core item when one of the four other
    # items is given; we read the message as written, so a record with some core items given and
    # others blank is flagged too.
    core_complete = pl.all_horizontal([pl.col(c).is_not_null() for c in CORE])
    any_given = pl.any_horizontal([pl.col(c).is_not_null() for c in [*CORE, *OTHERS]])
    return ctx.table("OC2").filter(any_given & ~core_complete)


CASES = [
    Case(
        "a record with a blank core item and any other item given is flagged",
        tables={
            "OC2": table(
                ["CHILD", *CORE, *OTHERS],
                ["3", "1", "", "1", "0", "0", "", "", ""],
                ["4", "1", "", "", "", "", "", "", ""],
                ["5", "", "", "", "", "", "1", "", ""],
            )
        },
        flagged={"OC2": [0, 1, 2]},
    ),
    Case(
        "all four core items given, or all eight items blank, is not flagged",
        tables={
            "OC2": table(
                ["CHILD", *CORE, *OTHERS],
                ["1", "1", "1", "1", "0", "", "", "", ""],
                ["2", "", "", "", "", "", "", "", ""],
                ["6", "1", "1", "1", "1", "0", "1", "1", ""],
            )
        },
        flagged={},
    ),
]
