"""Rule SW10STG2: a social worker episode does not start when the previous one ended (2023-24),
or starts well before it (from 2024-25)."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, from_year, rule, table

# DfE's coding: SW_DECOM must equal the previous episode's SW_DEC (2023-24), or be on or after it
# (from 2024-25), give or take 7 days.
TOLERANCE = "7d"
FROM_2024 = from_year("ssda903", "2024-25")


@rule(
    code="SW10STG2",
    message=(
        "A new social worker episode has started before the end date of the previous social "
        "worker episode."
    ),
    tables=["SWEpisodes"],
    fields=["SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_episode_not_following_previous(
    ctx: RuleContext, *, later_start_too: bool = True, first_contact_exempt: bool = False
) -> pl.LazyFrame:
    """A social worker episode starts (SW_DECOM) more than 7 days before or after the day the
    child's previous social worker episode ended (SW_DEC).

    Check both dates: when the social worker changes, the new episode should start within 7 days of
    the day the previous one ended.
    """
    # DfE's 2023-24 coding asks for the start to equal the previous end give or take 7 days, so a
    # start more than 7 days before or after it is flagged. NOTE: the message speaks only of a
    # start before the previous end; the 2023-24 coding also flags a start more than 7 days after
    # it, and the coding is followed. DfE's 2024-25 coding changed "equal to" into "on or after"
    # the previous end, with 7 days' tolerance, and exempted FCONTA (pack.toml: later_start_too
    # false, first_contact_exempt true); a blank reason is tested, and a later start is not
    # flagged (the peer validator still flags gaps over 7 days). The previous episode is the
    # child's one that started just before (ordered by start date, then end date with a blank
    # last, then content), and is named beside the finding. Nothing is tested when the previous
    # episode has no end date (SW08STG2) or a start is blank or unreadable.
    ordered = with_neighbours(
        ctx.table("SWEpisodes").filter(pl.col("SW_DECOM").is_not_null()),
        ["SW_DEC", "_row"],
        order=["SW_DECOM", "SW_DEC"],
    )
    previous_end = pl.col("prev_SW_DEC")
    flagged = pl.col("SW_DECOM") < previous_end.dt.offset_by(f"-{TOLERANCE}")
    if later_start_too:
        # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): no start is both more than 7
        # days before and more than 7 days after one end, and a blank previous end makes both
        # sides null.
        flagged = flagged | (pl.col("SW_DECOM") > previous_end.dt.offset_by(TOLERANCE))
    if first_contact_exempt:
        first_contact = pl.col("SW_REASON").is_in(ctx.codes("SW_REASON_FIRST_CONTACT"))
        flagged = flagged & ~first_contact.fill_null(False)
    return ordered.filter(flagged).with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "a start 8 days before or 8 days after the previous end is flagged",
        years=("2023-24",),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2023", "20/06/2023"],
                ["1", "12/06/2023", "01/09/2023"],
                ["1", "09/09/2023", ""],
            )
        },
        flagged={"SWEpisodes": [1, 2]},
        related=(("SWEpisodes", 1, "SWEpisodes", 0), ("SWEpisodes", 2, "SWEpisodes", 1)),
    ),
    Case(
        "a start up to 7 days either side of the previous end is not flagged",
        years=("2023-24",),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["2", "01/05/2023", "20/06/2023"],
                ["2", "13/06/2023", "01/09/2023"],
                ["2", "08/09/2023", ""],
                ["6", "01/05/2023", "20/06/2023"],
                ["6", "20/06/2023", ""],
            )
        },
    ),
    Case(
        "nothing is tested after an open episode or for a blank start",
        years=("2023-24",),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["3", "01/05/2023", ""],
                ["3", "01/09/2023", ""],
                ["4", "01/05/2023", "20/06/2023"],
                ["4", "", ""],
            )
        },
    ),
    Case(
        "a start 8 days before the previous end is flagged, with a blank reason too",
        years=FROM_2024,
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2024", "20/06/2024", "MANAGE"],
                ["1", "12/06/2024", "", ""],
                ["6", "01/05/2024", "20/06/2024", "MANAGE"],
                ["6", "01/06/2024", "", "LEFTRL"],
            )
        },
        flagged={"SWEpisodes": [1, 3]},
        related=(("SWEpisodes", 1, "SWEpisodes", 0), ("SWEpisodes", 3, "SWEpisodes", 2)),
    ),
    Case(
        "7 days before the previous end, any later start or first contact is not flagged",
        years=FROM_2024,
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["2", "01/05/2024", "20/06/2024", "MANAGE"],
                ["2", "13/06/2024", "01/09/2024", "LEFTRL"],
                ["2", "01/12/2024", "", "LEFTRL"],
                ["3", "01/05/2024", "20/06/2024", "MANAGE"],
                ["3", "01/06/2024", "", "FCONTA"],
            )
        },
    ),
    Case(
        "nothing is tested after an open episode or for a blank start",
        years=FROM_2024,
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["4", "01/05/2024", "", "MANAGE"],
                ["4", "01/06/2024", "", "MANAGE"],
                ["5", "01/05/2024", "20/06/2024", "MANAGE"],
                ["5", "", "", "MANAGE"],
            )
        },
    ),
    # The order of a child's episodes is the same every year.
    Case(
        "of two episodes starting the same day the one ending first comes first, in any row order",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2023", "30/06/2023", "MANAGE"],
                ["1", "01/05/2023", "10/05/2023", "MANAGE"],
                ["2", "01/05/2023", "10/05/2023", "MANAGE"],
                ["2", "01/05/2023", "30/06/2023", "MANAGE"],
                ["3", "01/05/2023", "01/05/2023", "MANAGE"],
                ["3", "01/05/2023", "", "MANAGE"],
                ["4", "01/05/2023", "", "MANAGE"],
                ["4", "01/05/2023", "01/05/2023", "MANAGE"],
            )
        },
        flagged={"SWEpisodes": [0, 3]},
        related=(("SWEpisodes", 0, "SWEpisodes", 1), ("SWEpisodes", 3, "SWEpisodes", 2)),
    ),
]
