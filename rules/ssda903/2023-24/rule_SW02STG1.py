"""Rule SW02STG1: social worker ID does not begin with SW or XX (or, from 2025-26, is too short)."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, from_year, rule, table

FROM_2025 = from_year("ssda903", "2025-26")


@rule(
    code="SW02STG1",
    message="Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
    tables=["SWEpisodes"],
    fields=["SW_ID"],
    tags=["social-workers"],
)
# Equivalent mutants (NumberReplacer, ReplaceBinaryOperator_Mul_Div): a written ID has at least
# one character (an empty one is read as blank), so a shortest length of -1, 0 or 1 agree; `/` for
# the bare `*` still lets the pack give the parameter by name.
def social_worker_id_badly_prefixed(ctx: RuleContext, *, shortest_id: int = 0) -> pl.LazyFrame:
    """A social worker ID (SW_ID) is blank or does not begin with SW or XX.

    Enter the social worker's ID from the children's social work workforce census, which begins with
    SW, or an ID beginning with XX when it is not known.
    """
    # The ID links the child to the children's social work workforce census. A blank ID does
    # not begin with either, so it is flagged. The prefix is compared exactly as written, as
    # codes are everywhere else: DfE's prefixes are SW and XX in capitals.
    # NOTE: from 2025-26 (pack.toml: shortest_id = 4, inferred from unreleased peer work, not
    # checked against DfE's text, whose message still speaks only of the first two characters)
    # an ID shorter than 4 characters, such as a bare "SW" or "XX", is flagged too.
    sw_id = pl.col("SW_ID")
    prefixed = sw_id.str.slice(0, 2).is_in(ctx.codes("SW_ID_PREFIX"))
    long_enough = sw_id.str.len_chars() >= shortest_id
    return ctx.table("SWEpisodes").filter(~(prefixed & long_enough).fill_null(False))


CASES = [
    Case(
        "IDs not starting SW or XX, and blank IDs, are flagged",
        years=("2023-24", "2024-25"),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID"],
                ["4", "S123"],
                ["5", ""],
                ["6", "AB1234"],
                ["7", "1SW2"],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2, 3]},
    ),
    Case(
        "IDs starting SW or XX are not flagged, however short; sw and xx are",
        years=("2023-24", "2024-25"),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID"],
                ["1", "SW123456"],
                ["2", "XX"],
                ["3", "sw1"],
                ["3", "xx99"],
            )
        },
        flagged={"SWEpisodes": [2, 3]},
    ),
    Case(
        "IDs of 3 characters or fewer, IDs not starting SW or XX, and blanks are flagged",
        years=FROM_2025,
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID"],
                ["2", "XX1"],
                ["4", "SW"],
                ["5", ""],
                ["6", "AB1234"],
                ["8", "sw1"],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2, 3, 4]},
    ),
    Case(
        "IDs of 4 characters or more starting SW or XX are not flagged; sw is",
        years=FROM_2025,
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID"],
                ["1", "SW12"],
                ["3", "sw123"],
                ["7", "XX00"],
                ["9", "SW12345"],
            )
        },
        flagged={"SWEpisodes": [1]},
    ),
]
