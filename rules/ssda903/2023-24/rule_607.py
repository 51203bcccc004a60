"""Rule 607: a girl who left care in the year has no mother status."""

import polars as pl

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
    return {
        "Header": girls.join(left_care.select("CHILD").unique(), on="CHILD", how="semi"),
        "Episodes": left_care.join(girls.select("CHILD"), on="CHILD", how="semi"),
    }


def _case(female: str, male: str, years: tuple[str, ...]) -> Case:
    return Case(
        f"girls leaving care in the year need MOTHER (female coded {female})",
        tables={
            "Header": table(
                ["CHILD", "SEX", "MOTHER"],
                ["1", female, ""],
                ["2", female, "0"],
                ["3", male, ""],
                ["4", female, ""],
                ["5", female, ""],
                ["6", female, ""],
                ["7", female, ""],
                ["8", female, ""],
                ["9", female, ""],
                ["10", female, ""],
                ["11", female, "9"],
                ["12", female, ""],
                ["13", female, ""],
            ),
            "Episodes": table(
                ["CHILD", "LS", "DEC", "REC"],
                ["1", "C2", "01/04/2025", "E13"],
                ["2", "C2", "31/03/2026", "E13"],
                ["3", "C2", "31/03/2026", "E13"],
                ["4", "C2", "31/03/2025", "E13"],
                ["5", "V3", "01/05/2025", "E13"],
                ["6", "C2", "01/05/2025", "X1"],
                ["7", "C2", "", ""],
                ["5", "C2", "31/03/2026", "E13"],
                ["8", "C2", "01/04/2026", "E13"],
                ["9", "C2", "31/02/2026", "E13"],
                ["10", "", "01/05/2025", "E13"],
                ["11", "C2", "01/05/2025", "E13"],
                ["12", "V4", "01/05/2025", "E13"],
                ["13", "C2", "01/05/2025", ""],
            ),
        },
        flagged={"Header": [0, 4, 9], "Episodes": [0, 7, 10]},
        period="2025-26",
        years=years,
    )


CASES = [
    _case("2", "1", ("2023-24",)),
    _case("F", "M", ("2024-25", "2025-26", "2026-27")),
]
