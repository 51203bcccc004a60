"""Rule SW17STG2: a child in care on 31 March has no open social worker episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.episodes import episodes_open_at_year_end
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, by_content, raw_name, rule, table


@rule(
    code="SW17STG2",
    message="There is no social worker episode open at 31 March",
    tables=["SWEpisodes", "Episodes"],
    fields=["SW_DEC", "SW_DECOM"],
    tags=["social-workers"],
)
def latest_social_worker_episode_closed(ctx: RuleContext) -> pl.LazyFrame:
    """A child in care on 31 March has an end date on their latest social worker episode.

    A child looked after on 31 March has a social worker on that day, so the social worker
    episode that started last must be left open (no end date). Remove the end date, or add the
    episode that followed it. A child who left care during the year is not flagged: their last
    social worker episode ends with their care.
    """
    # DfE's coding (as the peer quotes it): the last episode, the one with the latest SW_DECOM,
    # must have a blank SW_DEC. NOTE: only children looked after on 31 March are tested, for
    # the reasons given in SW11bSTG2: a child who left care has no social worker open at
    # 31 March and nothing to correct. Any end date written, readable or not, is flagged. Of
    # two episodes starting the same day, the open one counts as the latest (SW19STG2 reports
    # the shared start). Episodes with a blank or unreadable start cannot be ordered.
    in_care = episodes_open_at_year_end(ctx.table("Episodes"), ctx.end, ctx.codes("LS_RESPITE"))
    last = pl.col("_row").sort_by(["SW_DECOM", "SW_DEC", by_content()], nulls_last=True).last()
    latest = (
        ctx.table("SWEpisodes")
        .filter(pl.col("SW_DECOM").is_not_null())
        .filter(pl.col("_row") == last.over(child_of_row()))
    )
    written_end = pl.col(raw_name("SW_DEC")).is_not_null()
    # The care episode open on 31 March is named beside the social worker episode.
    return beside(
        latest.filter(written_end).join(in_care.select("CHILD").unique(), on="CHILD", how="semi"),
        in_care,
        "Episodes",
    )


CASES = [
    Case(
        "a latest episode with an end date is flagged for a child in care on 31 March",
        period="2025-26",
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
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2025", "20/06/2025"],
                ["1", "20/06/2025", ""],
                ["2", "01/05/2025", "20/06/2025"],
                ["2", "20/06/2025", "31/03/2026"],
                ["3", "01/05/2025", ""],
                ["3", "", "01/06/2025"],
                ["4", "01/05/2025", "bad"],
                ["5", "01/05/2025", "30/03/2026"],
                ["6", "01/05/2025", "01/06/2025"],
                ["6", "01/05/2025", ""],
                ["7", "31/04/2025", "01/06/2025"],
                ["8", "01/06/2025", ""],
                ["8", "01/05/2025", "01/06/2025"],
            ),
        },
        flagged={"SWEpisodes": [3, 6, 7]},
        related=(
            ("SWEpisodes", 3, "Episodes", 1),
            ("SWEpisodes", 6, "Episodes", 3),
            ("SWEpisodes", 7, "Episodes", 4),
        ),
    ),
    Case(
        "children who left care, or had only short breaks, are not flagged; one who came back is",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/05/2025", "S", "C2", "15/01/2026", "E4A"],
                ["2", "01/01/2020", "S", "C2", "31/03/2026", "E13"],
                ["3", "01/01/2025", "S", "V3", "", ""],
                ["4", "01/01/2020", "S", "C2", "10/06/2025", "E13"],
                ["4", "01/09/2025", "S", "C2", "", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2025", "15/01/2026"],
                ["2", "01/05/2025", "31/03/2026"],
                ["3", "01/05/2025", "01/06/2025"],
                ["4", "01/05/2025", "10/06/2025"],
                ["4", "01/09/2025", "01/12/2025"],
            ),
        },
        flagged={"SWEpisodes": [4]},
    ),
]
