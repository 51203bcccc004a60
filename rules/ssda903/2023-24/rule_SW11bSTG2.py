"""Rule SW11bSTG2: a child in care on 31 March has a last social worker episode that ended."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.episodes import episodes_open_at_year_end
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, by_content, rule, table


@rule(
    code="SW11bSTG2",
    message=(
        "Social worker episode has ended before 31 March and no subsequent social worker "
        "episode has been provided."
    ),
    tables=["SWEpisodes", "Episodes"],
    fields=["SW_DEC"],
    tags=["social-workers", "dates"],
)
def last_social_worker_episode_ended_before_year_end(ctx: RuleContext) -> pl.LazyFrame:
    """A child in care on 31 March has a latest social worker episode that ended before then.

    A child looked after on 31 March has a social worker on that day, so the social worker
    episode that started last should still be open (or end on 31 March). Add the episode that
    followed it, or remove its end date. A child who left care during the year is not flagged:
    their last social worker episode ends with their care.
    """
    # NOTE: only children looked after on 31 March are tested. DfE's message does not say so,
    # but: the sibling rule SW12STG2 starts "If a child is looked after on 31 March"; DfE
    # deleted SW11aSTG2 (an episode that ended earlier in the year) from 2024-25; and from
    # 2025-26 SW17STG2 reports the same children, whose last episode is closed. Flagging every
    # child who left care would report a correct record. Short breaks (V3/V4) do not count as
    # being looked after, as in SW12STG2.
    # NOTE: SW11aSTG2 (2023-24 only) has no module. It carries the same message as this rule;
    # what divides the two is in DfE's coding text, which could not be found. The peer splits
    # them at five days before 31 March, which is its guess, not DfE's wording, so this rule
    # keeps the whole message (any end before 31 March) and SW11aSTG2 is left out.
    # The latest episode is the one that started last; of two starting that day, the open one
    # or the one that ended later (SW19STG2 reports the shared start). Episodes with a blank or
    # unreadable start cannot be ordered and are left out; an unreadable end is SW05STG1's.
    in_care = episodes_open_at_year_end(ctx.table("Episodes"), ctx.end, ctx.codes("LS_RESPITE"))
    last = pl.col("_row").sort_by(["SW_DECOM", "SW_DEC", by_content()], nulls_last=True).last()
    latest = (
        ctx.table("SWEpisodes")
        .filter(pl.col("SW_DECOM").is_not_null())
        .filter(pl.col("_row") == last.over(child_of_row()))
    )
    ended = latest.filter(pl.col("SW_DEC") < ctx.end)
    # The care episode open on 31 March is named beside the social worker episode.
    return beside(
        ended.join(in_care.select("CHILD").unique(), on="CHILD", how="semi"), in_care, "Episodes"
    )


CASES = [
    Case(
        "a last episode ending before 31 March is flagged for a child in care; on or after is not",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2020", "S", "C2", "", ""],
                ["2", "01/01/2020", "S", "C2", "", ""],
                ["3", "01/01/2020", "S", "C2", "", ""],
                ["4", "01/01/2020", "S", "C2", "", ""],
                ["5", "01/01/2020", "S", "C2", "", ""],
                ["6", "01/01/2020", "S", "C2", "", ""],
                ["7", "01/01/2020", "S", "C2", "", ""],
                ["8", "01/01/2020", "S", "C2", "", ""],
                ["9", "01/01/2020", "S", "C2", "", ""],
                ["10", "01/01/2020", "S", "C2", "", ""],
                ["11", "01/01/2020", "S", "C2", "", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2024", "28/03/2025"],
                ["2", "01/05/2024", "20/06/2024"],
                ["2", "20/06/2024", "30/03/2025"],
                ["3", "01/05/2024", "31/03/2025"],
                ["4", "01/05/2024", "01/06/2024"],
                ["4", "01/06/2024", ""],
                ["5", "01/05/2024", "01/06/2024"],
                ["5", "", ""],
                ["6", "01/05/2024", "31/02/2025"],
                ["7", "01/05/2024", "01/06/2024"],
                ["7", "01/05/2024", ""],
                ["8", "01/05/2024", "01/06/2024"],
                ["8", "01/05/2024", "01/07/2024"],
                ["9", "31/04/2024", "01/06/2024"],
                ["10", "01/06/2024", ""],
                ["10", "01/05/2024", "01/06/2024"],
                ["11", "01/05/2024", "01/04/2025"],
            ),
        },
        flagged={"SWEpisodes": [0, 2, 6, 12]},
        related=(
            ("SWEpisodes", 0, "Episodes", 0),
            ("SWEpisodes", 2, "Episodes", 1),
            ("SWEpisodes", 6, "Episodes", 4),
            ("SWEpisodes", 12, "Episodes", 7),
        ),
    ),
    Case(
        "children who left care, or had only short breaks, are not flagged; one who came back, "
        "or whose episode has a reason ceased but no end date, is",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/05/2024", "S", "C2", "15/01/2025", "E4A"],
                ["2", "01/01/2020", "S", "C2", "31/03/2025", "E13"],
                ["3", "01/01/2020", "S", "C2", "30/03/2025", "E13"],
                ["4", "01/01/2020", "S", "C2", "", "E13"],
                ["5", "01/01/2024", "S", "V3", "", ""],
                ["6", "01/01/2020", "S", "C2", "10/06/2024", "E13"],
                ["6", "01/09/2024", "S", "C2", "", ""],
                ["7", "01/01/2020", "S", "C2", "31/02/2025", "E13"],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2024", "15/01/2025"],
                ["2", "01/05/2024", "31/03/2025"],
                ["3", "01/05/2024", "30/03/2025"],
                ["4", "01/05/2024", "01/03/2025"],
                ["5", "01/05/2024", "01/06/2024"],
                ["6", "01/05/2024", "10/06/2024"],
                ["6", "01/09/2024", "01/12/2024"],
                ["7", "01/05/2024", "01/03/2025"],
            ),
        },
        flagged={"SWEpisodes": [3, 6]},
    ),
    Case(
        "a child whose episode has a blank legal status, or began on 31 March, is in care then",
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2020", "S", "", "", ""],
                ["2", "31/03/2025", "S", "C2", "", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2024", "01/06/2024"],
                ["2", "01/05/2024", "01/06/2024"],
            ),
        },
        flagged={"SWEpisodes": [0, 1]},
    ),
]
