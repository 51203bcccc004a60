"""Rule SW02STG1 (2025-26): social worker ID does not begin with SW or XX, or is too short."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# Inferred 2025-26 change (unreleased peer branch): an ID needs at least 4 characters.
SHORTEST_ID = 4


@rule(
    code="SW02STG1",
    message="Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
    tables=["SWEpisodes"],
    fields=["SW_ID"],
    tags=["social-workers"],
)
def social_worker_id_badly_prefixed_or_short(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker ID (SW_ID) is blank, does not begin with SW or XX, or is shorter than 4
    characters.

    Enter the social worker's full ID from the children's social work workforce census, which begins
    with SW, or an ID beginning with XX when it is not known; a bare "SW" or "XX" is too short.
    """
    # NOTE: the 2025-26 change (inferred from unreleased peer work, not checked against
    # DfE's text, whose message still speaks only of the first two characters) also rejects
    # IDs shorter than 4 characters, such as a bare "SW" or "XX". A blank ID is flagged.
    # The prefix is compared exactly as written, as codes are everywhere else.
    sw_id = pl.col("SW_ID")
    prefixed = sw_id.str.slice(0, 2).is_in(ctx.codes("SW_ID_PREFIX"))
    long_enough = sw_id.str.len_chars() >= SHORTEST_ID
    return ctx.table("SWEpisodes").filter(~(prefixed & long_enough).fill_null(False))


CASES = [
    Case(
        "IDs of 3 characters or fewer, IDs not starting SW or XX, and blanks are flagged",
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
