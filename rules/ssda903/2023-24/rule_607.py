"""Rule 607: a girl who left care in the year has no mother status."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="607",
    message="Child ceased to be looked after in the year, but mother field has not been completed.",
    tables=["Header", "Episodes"],
    fields=["DEC", "REC", "MOTHER", "LS", "SEX"],
    tags=["header"],
)
def female_leaver_without_mother_status(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A girl who stopped being looked after during the year has no mother status (MOTHER).

    Record whether the young woman is a mother (1) or not (0).
    """
    # DfE: where care ceased (DEC given, REC not X1) in the collection year, the legal status is not
    # a short break (V3, V4) and the child is female, MOTHER should be provided. Female is the
    # year's SEX_FEMALE code (2 until 2023-24, F from 2024-25). The child's Header row and the
    # episode that ended are flagged.
    rec, dec = pl.col("REC"), pl.col("DEC")
    left_care = ctx.table("Episodes").filter(
        rec.is_not_null()
        & ~rec.is_in(ctx.codes("REC_CARE_CONTINUES"))
        & (dec >= ctx.start)
        & (dec <= ctx.end)
        & ~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    )
    girls = ctx.table("Header").filter(
        pl.col("SEX").is_in(ctx.codes("SEX_FEMALE")) & pl.col("MOTHER").is_null()
    )
    # The Header row and the episode that ended name each other.
    return {
        "Header": beside(
            girls.join(left_care.select("CHILD").unique(), on="CHILD", how="semi"),
            left_care,
            "Episodes",
        ),
        "Episodes": beside(
            left_care.join(girls.select("CHILD"), on="CHILD", how="semi"), girls, "Header"
        ),
    }


def _cases(female: str, male: str, years: tuple[str, ...]) -> list[Case]:
    def case(
        name: str,
        header: list[list[str]],
        episodes: list[list[str]],
        related: tuple[tuple[str, int, str, int], ...] = (),
        **flagged: list[int],
    ) -> Case:
        return Case(
            f"{name} (female coded {female})",
            tables={
                "Header": table(["CHILD", "SEX", "MOTHER"], *header),
                "Episodes": table(["CHILD", "LS", "DEC", "REC"], *episodes),
            },
            flagged=flagged,
            related=related,
            period="2025-26",
            years=years,
        )

    return [
        case(
            "a girl leaving care 1 April to 31 March without MOTHER is flagged; outside it, not",
            [["1", female, ""], ["4", female, ""], ["5", female, ""], ["8", female, ""]],
            [
                ["1", "C2", "01/04/2025", "E13"],
                ["4", "C2", "31/03/2025", "E13"],
                ["5", "V3", "01/05/2025", "E13"],
                ["5", "C2", "31/03/2026", "E13"],
                ["8", "C2", "01/04/2026", "E13"],
            ],
            (
                ("Header", 0, "Episodes", 0),
                ("Header", 2, "Episodes", 3),
                ("Episodes", 0, "Header", 0),
                ("Episodes", 3, "Header", 2),
            ),
            Header=[0, 2],
            Episodes=[0, 3],
        ),
        case(
            "a girl with MOTHER given, even an unknown code, or a boy is not flagged",
            [["2", female, "0"], ["3", male, ""], ["11", female, "9"]],
            [
                ["2", "C2", "31/03/2026", "E13"],
                ["3", "C2", "31/03/2026", "E13"],
                ["11", "C2", "01/05/2025", "E13"],
            ],
        ),
        case(
            "a blank LS is not a short break and is flagged",
            [["10", female, ""]],
            [["10", "", "01/05/2025", "E13"]],
            Header=[0],
            Episodes=[0],
        ),
        case(
            "care not ceasing, a short break or an unreadable DEC is not checked",
            [[child, female, ""] for child in ("6", "7", "9", "12", "13")],
            [
                ["6", "C2", "01/05/2025", "X1"],
                ["7", "C2", "", ""],
                ["9", "C2", "31/02/2026", "E13"],
                ["12", "V4", "01/05/2025", "E13"],
                ["13", "C2", "01/05/2025", ""],
            ],
        ),
    ]


CASES = [
    *_cases("2", "1", ("2023-24",)),
    *_cases("F", "M", ("2024-25", "2025-26", "2026-27")),
]
