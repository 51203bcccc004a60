"""SSDA903 figures on a small hand-built return, hand-counted, on both sides of each boundary."""

import datetime as dt

import pytest

from csc_validate import collections
from csc_validate.as_at import read as read_as_at
from csc_validate.errors import UsageError
from csc_validate.periods import Period
from csc_validate.rulekit.cases import table
from tests.summary.helpers import summary_of, values

EPISODE_COLUMNS = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"]
# A  ends 31/03/2026 (E4A): not on 31 March, ceased.      B  starts 01/04/2025: started, on.
# C  started 31/03/2025, open: on, not started this year.  D  V3 break only: in nothing.
# E  open V4 agreement: in nothing.                         F  X1 on 31/03/2026, next open: on.
# G  started twice, ceased twice: one start (C2), one ceasing (E13).
# H  4 episodes in the year: S, P, T, B -> 3 placements (T keeps the same carers).
EPISODES = table(
    EPISODE_COLUMNS,
    ["A", "01/06/2024", "S", "C2", "N1", "U1", "PR1", "31/03/2026", "E4A"],
    ["B", "01/04/2025", "S", "C2", "N2", "U1", "PR1", "", ""],
    ["C", "31/03/2025", "S", "C2", "N1", "U4", "PR4", "", ""],
    ["D", "01/05/2025", "S", "V3", "N1", "R3", "PR1", "05/05/2025", "E8"],
    ["E", "01/04/2025", "S", "V4", "N1", "R3", "PR1", "", ""],
    ["F", "01/01/2025", "S", "C1", "N4", "U1", "PR1", "31/03/2026", "X1"],
    ["F", "31/03/2026", "P", "C1", "N4", "U3", "PR1", "", ""],
    ["G", "01/05/2025", "S", "C2", "N5", "U1", "PR1", "01/06/2025", "E4A"],
    ["G", "01/08/2025", "S", "C1", "N5", "U1", "PR1", "01/09/2025", "E13"],
    ["H", "01/04/2024", "S", "C2", "N1", "U1", "PR1", "01/05/2025", "X1"],
    ["H", "01/05/2025", "P", "C2", "N1", "U2", "PR1", "01/06/2025", "X1"],
    ["H", "01/06/2025", "T", "C2", "N1", "U3", "PR1", "01/07/2025", "X1"],
    ["H", "01/07/2025", "B", "C2", "N1", "U4", "PR1", "", ""],
)
HEADER = table(
    ["CHILD", "SEX", "DOB", "ETHNIC"],
    ["A", "1", "01/01/2010", "WBRI"],
    ["B", "2", "01/04/2025", "WBRI"],
    ["C", "1", "31/03/2010", "WBRI"],
    ["D", "1", "01/01/2015", "WBRI"],
    ["E", "1", "01/01/2015", "WBRI"],
    ["F", "2", "01/04/2010", "MWBC"],
    ["G", "2", "01/01/2008", "WBRI"],
    ["H", "1", "01/01/2012", "WBRI"],
)
# H is UASC; C's status ended on 31 March, so C is not UASC on it.
UASC = table(
    ["CHILD", "SEX", "DOB", "DUC"],
    ["H", "1", "01/01/2012", ""],
    ["C", "1", "31/03/2010", "31/03/2026"],
)


def _return(**extra):
    return {"Episodes": EPISODES, "Header": HEADER, "UASC": UASC, **extra}


@pytest.fixture(scope="module")
def year_values():
    return values(summary_of("ssda903", _return()))


def test_looked_after_on_31_march(year_values):
    assert year_values[("looked_after_on_31_march", None)] == 4  # B, C, F, H
    assert year_values[("looked_after_on_31_march", "legal_status=C2")] == 3  # B, C, H
    assert year_values[("looked_after_on_31_march", "legal_status=C1")] == 1  # F
    assert year_values[("looked_after_on_31_march", "placement_type=U3")] == 1  # F's new one
    # Age on 31 March: C turns 16 that day, F is 15 (birthday 1 April), B under 1.
    assert year_values[("looked_after_on_31_march", "age=16 and over")] == 1
    assert year_values[("looked_after_on_31_march", "age=10 to 15")] == 2
    assert year_values[("looked_after_on_31_march", "age=under 1")] == 1
    assert year_values[("looked_after_on_31_march", "UASC=UASC")] == 1
    assert year_values[("looked_after_on_31_march", "UASC=not UASC")] == 3
    assert year_values[("uasc_on_31_march", None)] == 1
    # Category of need is the period's first: F's N4 stays N4.
    assert year_values[("looked_after_on_31_march", "category_of_need=N4")] == 1


def test_distance_needs_the_councils_code():
    found = summary_of("ssda903", _return())
    assert not any(entry.id == "placed_more_than_20_miles" for entry in found.figures)
    assert any(item.startswith("placed_more_than_20_miles: needs --la") for item in found.left_out)


def test_looked_after_during_year_leaves_out_short_breaks_only(year_values):
    assert year_values[("looked_after_during_year", None)] == 6  # not D (V3) or E (V4)


def test_started_counts_the_first_start_from_1_april(year_values):
    assert year_values[("started_in_year", None)] == 2  # B (1 April) and G once
    assert year_values[("started_in_year", "legal_status=C2")] == 2  # G's first start is C2
    assert ("started_in_year", "legal_status=C1") not in year_values


def test_ceased_counts_the_last_ending_to_31_march(year_values):
    assert year_values[("ceased_in_year", None)] == 2  # A on 31 March, G once
    assert year_values[("ceased_in_year", "reason_ceased=E4A")] == 1  # A
    assert year_values[("ceased_in_year", "reason_ceased=E13")] == 1  # G's last
    assert year_values[("adopted_in_year", None)] == 0
    assert year_values[("ceased_cao_in_year", None)] == 0


def test_three_or_more_placements(year_values):
    assert year_values[("placements_three_or_more", None)] == 1  # H: S, P, B; not T


def test_as_at_date_cuts_the_period():
    period = Period(year="2025-26", start=dt.date(2025, 4, 1), end=dt.date(2025, 9, 30))
    found = summary_of("ssda903", _return(), period=period)
    got = values(found)
    assert got[("looked_after_on_31_march", None)] == 5  # A, B, C, F, H; G left 01/09
    assert got[("started_in_year", None)] == 2
    assert got[("ceased_in_year", None)] == 1  # G only; A ceases after the date
    entry = found.headlines()[0]
    assert entry.label == "Children looked after on 30/09/2025"


def test_as_at_parse_both_spellings_and_refuses_outside_the_year():
    def as_at_period(text: str) -> Period:
        return collections.period("ssda903", "2025-26", read_as_at(text))

    assert as_at_period("30/09/2025").end == dt.date(2025, 9, 30)
    assert as_at_period("2025-09-30").end == dt.date(2025, 9, 30)
    assert as_at_period("31/03/2026").end == dt.date(2026, 3, 31)
    for wrong in ("31/03/2025", "01/04/2026", "31/02/2026", "Sept"):
        with pytest.raises(UsageError):
            as_at_period(wrong)


def test_previous_year_change_and_flags():
    last = table(
        EPISODE_COLUMNS,
        ["P", "01/01/2024", "S", "C2", "N1", "U1", "PR1", "", ""],
        ["Q", "01/01/2024", "S", "C2", "N1", "S1", "PR1", "", ""],
    )
    last_header = table(
        ["CHILD", "SEX", "DOB", "ETHNIC"],
        ["P", "1", "01/01/2010", "WBRI"],
        ["Q", "1", "01/01/2010", "WBRI"],
    )
    found = summary_of("ssda903", _return(Episodes_last=last, Header_last=last_header))
    entries = {
        (e.id, None if e.breakdown is None else next(iter(e.breakdown.items()))): e
        for e in found.figures
    }
    headline = entries[("looked_after_on_31_march", None)]
    assert headline.previous.value == 2 and headline.previous.change == 2
    assert headline.previous.flag == "moved by 100%"
    assert entries[("looked_after_on_31_march", ("placement_type", "S1"))].previous.flag == (
        "category vanishes"
    )
    assert entries[("looked_after_on_31_march", ("placement_type", "U3"))].previous.flag == (
        "category appears"
    )


def test_missing_incidents_by_start_date():
    missing = table(
        ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
        ["B", "01/04/2025", "M", "31/03/2025", "02/04/2025"],  # started last year
        ["B", "01/04/2025", "M", "01/04/2025", "02/04/2025"],
        ["C", "31/03/2010", "M", "10/10/2025", "31/03/2026"],  # back on 31 March
        ["C", "31/03/2010", "A", "31/03/2026", ""],  # away on 31 March
        ["H", "01/01/2012", "M", "15/10/2025", "16/10/2025"],
    )
    got = values(summary_of("ssda903", _return(Missing=missing)))
    assert got[("missing_incidents", None)] == 3
    assert got[("children_missing", None)] == 3
    assert got[("missing_on_31_march", None)] == 0
    assert got[("away_incidents", None)] == 1
    assert got[("away_on_31_march", None)] == 1


def test_care_leavers_by_age():
    oc3 = table(
        ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
        ["L1", "31/03/2009", "YES", "F2", "B1"],  # 17 on 31 March
        ["L2", "01/04/2009", "YES", "G4", "B2"],  # 16 on 31 March: not yet a care leaver here
        ["L3", "15/06/2004", "NO", "P1", "S1"],  # 21
        ["L4", "15/06/2005", "DIED", "0", "0"],  # left out
        ["L5", "15/06/2006", "REFU", "G5", "0"],  # 19
    )
    got = values(summary_of("ssda903", _return(OC3=oc3)))
    assert got[("care_leavers", None)] == 3
    assert got[("care_leavers", "age=17")] == 1
    assert got[("care_leavers", "age_group=19 to 21")] == 2
    assert got[("care_leavers_in_touch", None)] == 1
    assert got[("care_leavers_eet", None)] == 2  # F2, P1
    assert got[("care_leavers_suitable_accommodation", None)] == 2  # B1, S1


def test_oc2_cohort_and_outcomes():
    oc2 = table(
        ["CHILD", "DOB", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SDQ_SCORE"],
        ["A", "01/01/2010", "1", "1", "1", "10"],  # ceased on 31 March: not in the cohort
        ["C", "31/03/2010", "1", "0", "1", "12"],  # 16 on 31 March: SDQ counted
        ["F", "01/04/2010", "1", "1", "1", "20"],
        ["H", "01/01/2012", "0", "1", "1", ""],
    )
    got = values(summary_of("ssda903", _return(OC2=oc2)))
    # B (from 1 April), C, F, H; not G (left), D and E (short breaks), A (left on 31 March).
    assert got[("looked_after_12_months", None)] == 4
    assert got[("oc2_immunisations", None)] == 2
    assert got[("oc2_teeth_check", None)] == 2
    assert got[("oc2_sdq_average", None)] == 16.0


def test_adoption_timeliness_steps_back_to_the_foster_placement():
    episodes = table(
        EPISODE_COLUMNS,
        ["J", "01/04/2024", "S", "C2", "N1", "U1", "PR1", "01/10/2025", "X1"],
        ["J", "01/10/2025", "T", "E1", "N1", "A3", "PR1", "01/02/2026", "E11"],
        ["K", "01/06/2025", "S", "C2", "N1", "U1", "PR1", "01/09/2025", "X1"],
        ["K", "01/09/2025", "P", "E1", "N1", "A4", "PR1", "01/03/2026", "E12"],
    )
    header = table(
        ["CHILD", "SEX", "DOB", "ETHNIC"],
        ["J", "1", "01/01/2023", "WBRI"],
        ["K", "2", "01/01/2024", "WBRI"],
    )
    got = values(summary_of("ssda903", {"Episodes": episodes, "Header": header, "UASC": UASC}))
    assert got[("adopted_in_year", None)] == 2
    # J: 0 days (foster carers adopt); K: 01/06/2025 to 01/09/2025 = 92 days. Mean 46.
    assert got[("adoption_care_to_placement_days", None)] == 46.0
    # J: 01/04/2024 to 01/02/2026 = 671; K: 01/06/2025 to 01/03/2026 = 273. Mean 472.
    assert got[("adoption_care_to_order_days", None)] == 472.0


def test_long_term_stability_uses_last_years_episodes():
    # 31/03/2026 less 30 months is 30/09/2023; less 24 months is 31/03/2024.
    now = table(
        EPISODE_COLUMNS,
        ["S1", "30/09/2023", "S", "C2", "N1", "U1", "PR1", "", ""],  # exactly 2.5 years: in
        ["S2", "01/10/2023", "S", "C2", "N1", "U1", "PR1", "", ""],  # a day short: out
        ["S3", "01/04/2024", "P", "C2", "N1", "U2", "PR1", "", ""],  # new carers 01/04/2024
        ["S4", "01/04/2024", "T", "C2", "N1", "U2", "PR1", "", ""],  # same carers
        ["S5", "01/01/2020", "S", "C2", "N1", "U1", "PR1", "", ""],  # 16 on 31 March: out
    )
    last = table(
        EPISODE_COLUMNS,
        ["S1", "30/09/2023", "S", "C2", "N1", "U1", "PR1", "", ""],
        ["S2", "01/10/2023", "S", "C2", "N1", "U1", "PR1", "", ""],
        ["S3", "01/01/2023", "S", "C2", "N1", "U1", "PR1", "01/04/2024", "X1"],
        ["S3", "01/04/2024", "P", "C2", "N1", "U2", "PR1", "", ""],
        ["S4", "01/01/2023", "S", "C2", "N1", "U1", "PR1", "01/04/2024", "X1"],
        ["S4", "01/04/2024", "T", "C2", "N1", "U2", "PR1", "", ""],
        ["S5", "01/01/2020", "S", "C2", "N1", "U1", "PR1", "", ""],
    )
    header = table(
        ["CHILD", "SEX", "DOB", "ETHNIC"],
        *[[child, "1", "01/01/2015", "WBRI"] for child in ("S1", "S2", "S3", "S4")],
        ["S5", "1", "31/03/2010", "WBRI"],
    )
    tables = {"Episodes": now, "Header": header, "UASC": UASC}
    with_last = values(
        summary_of("ssda903", {**tables, "Episodes_last": last, "Header_last": header})
    )
    assert with_last[("looked_after_two_and_a_half_years", None)] == 3  # S1, S3, S4
    assert with_last[("same_carer_two_years", None)] == 2  # S1, S4
    # Without last year's return S3's and S4's periods seem to begin on 01/04/2024.
    alone = values(summary_of("ssda903", tables))
    assert alone[("looked_after_two_and_a_half_years", None)] == 1


def test_special_guardianship_and_oc2_age_groups():
    episodes = table(
        EPISODE_COLUMNS,
        ["G1", "01/01/2024", "S", "C2", "N1", "U1", "PR1", "01/06/2025", "E45"],
        ["G2", "01/01/2024", "S", "C2", "N1", "U1", "PR1", "01/06/2025", "E41"],
        ["Y1", "01/01/2024", "S", "C2", "N1", "U1", "PR1", "", ""],
        ["Y2", "01/01/2024", "S", "C2", "N1", "U1", "PR1", "", ""],
        ["Y3", "01/01/2024", "S", "C2", "N1", "U1", "PR1", "", ""],
    )
    header = table(
        ["CHILD", "SEX", "DOB", "ETHNIC"],
        ["G1", "1", "01/01/2015", "WBRI"],
        ["G2", "1", "01/01/2015", "WBRI"],
        ["Y1", "1", "01/04/2021", "WBRI"],  # 4 on 31 March
        ["Y2", "1", "31/03/2021", "WBRI"],  # 5 on 31 March
        ["Y3", "1", "31/03/2016", "WBRI"],  # 10 on 31 March
    )
    oc2 = table(
        ["CHILD", "DOB", "HEALTH_CHECK", "CONVICTED", "SUBSTANCE_MISUSE"],
        ["Y1", "01/04/2021", "1", "", "0"],
        ["Y2", "31/03/2021", "1", "", "0"],  # 5: outside the 0 to 4 group
        ["Y3", "31/03/2016", "", "1", "1"],
    )
    got = values(summary_of("ssda903", {"Episodes": episodes, "Header": header, "OC2": oc2}))
    assert got[("ceased_sgo_in_year", None)] == 1  # E45, not E41
    assert got[("oc2_development_assessments", None)] == 1  # Y1
    assert got[("oc2_convicted", None)] == 1  # Y3 at 10
    assert got[("oc2_substance_misuse", None)] == 1


def _adoption(child: str, entered: str, placed: str, order: str) -> list[list[str]]:
    """A child who entered care, moved in with new adopters (RNE P) and was adopted (E11)."""
    return [
        [child, entered, "S", "C2", "N1", "U1", "PR1", placed, "X1"],
        [child, placed, "P", "E1", "N1", "A4", "PR1", order, "E11"],
    ]


def _adoption_header(*children: str):
    return table(
        ["CHILD", "SEX", "DOB", "ETHNIC"], *[[c, "1", "01/01/2020", "WBRI"] for c in children]
    )


def test_adoption_three_year_average_pools_the_children_of_three_years():
    # Adopted 2025-26: L 100 days to placement; M adopted 31/03/2026 (in), 200 days.
    # Adopted 2024-25: N 31 days. Adopted 2023-24: O 10 days, adopted 01/04/2023 (first day).
    # P was adopted 31/03/2023, in 2022-23: outside the three years even though its return
    # (given as 2023-24's last year) holds it. Pooled mean (100 + 200 + 31 + 10) / 4 = 85.25.
    now = table(
        EPISODE_COLUMNS,
        *_adoption("L", "01/05/2025", "09/08/2025", "01/12/2025"),
        *_adoption("M", "01/04/2025", "18/10/2025", "31/03/2026"),
    )
    last = table(EPISODE_COLUMNS, *_adoption("N", "01/05/2024", "01/06/2024", "01/01/2025"))
    two_back = table(EPISODE_COLUMNS, *_adoption("O", "01/01/2023", "11/01/2023", "01/04/2023"))
    three_back = table(EPISODE_COLUMNS, *_adoption("P", "01/01/2022", "01/01/2023", "31/03/2023"))
    tables = {
        "Episodes": now,
        "Header": _adoption_header("L", "M"),
        "Episodes_last": last,
        "Header_last": _adoption_header("N"),
    }
    earlier = {
        "2023-24": {"Episodes": two_back, "Header": _adoption_header("O")},
        "2022-23": {"Episodes": three_back, "Header": _adoption_header("P")},
    }
    found = summary_of("ssda903", tables, earlier=earlier)
    got = values(found)
    assert got[("adoption_care_to_placement_days", None)] == 150.0
    assert got[("adoption_care_to_placement_days_3y", None)] == 85.2
    assert got[("adoption_care_to_placement_days_3y", "year_adopted=2025-26")] == 150.0
    assert got[("adoption_care_to_placement_days_3y", "year_adopted=2024-25")] == 31.0
    assert got[("adoption_care_to_placement_days_3y", "year_adopted=2023-24")] == 10.0
    # 2022-23 is only in last year's three years: N 31, O 10, P 01/01/2022-01/01/2023 365.
    assert got[("adoption_care_to_placement_days_3y", "year_adopted=2022-23")] is None
    headline = next(e for e in found.figures if e.id == "adoption_care_to_placement_days_3y")
    assert headline.warning == ""
    assert headline.previous is not None and headline.previous.value == 135.3


def test_adoption_three_year_average_says_when_it_has_fewer_years():
    now = table(EPISODE_COLUMNS, *_adoption("L", "01/05/2025", "09/08/2025", "01/12/2025"))
    last = table(EPISODE_COLUMNS, *_adoption("N", "01/05/2024", "01/06/2024", "01/01/2025"))
    alone = summary_of("ssda903", {"Episodes": now, "Header": _adoption_header("L")})
    two = summary_of(
        "ssda903",
        {
            "Episodes": now,
            "Header": _adoption_header("L"),
            "Episodes_last": last,
            "Header_last": _adoption_header("N"),
        },
    )
    for found, years, mean in (
        (alone, "1 year only (2025-26)", 100.0),
        (two, "2 years only (2025-26, 2024-25)", 65.5),
    ):
        headline = next(e for e in found.figures if e.id == "adoption_care_to_placement_days_3y")
        assert headline.value == mean
        assert f"Over {years}, not DfE's three" in headline.warning


def test_motherhood_of_girls_aged_12_or_over_on_31_march():
    open_episodes = table(
        EPISODE_COLUMNS,
        *[[child, "01/01/2025", "S", "C2", "N1", "U1", "PR1", "", ""] for child in "VWXYZ"],
    )
    header = table(
        ["CHILD", "SEX", "DOB", "ETHNIC", "MOTHER"],
        ["V", "2", "31/03/2014", "WBRI", "1"],  # 12 on 31 March: a mother
        ["W", "2", "01/04/2014", "WBRI", ""],  # 11 on 31 March: not asked
        ["X", "2", "01/01/2010", "WBRI", "0"],
        ["Y", "2", "01/01/2010", "WBRI", ""],
        ["Z", "1", "01/01/2010", "WBRI", ""],
    )
    got = values(summary_of("ssda903", {"Episodes": open_episodes, "Header": header}))
    assert got[("looked_after_on_31_march", None)] == 5
    assert got[("looked_after_on_31_march", "motherhood=mother")] == 1  # V
    assert got[("looked_after_on_31_march", "motherhood=not a mother")] == 1  # X
    assert got[("looked_after_on_31_march", "motherhood=not recorded")] == 1  # Y
    assert got[("looked_after_on_31_march", "motherhood=not a girl aged 12 or over")] == 2  # W, Z


def test_started_by_previous_permanence():
    episodes = table(
        EPISODE_COLUMNS,
        ["R", "01/04/2025", "S", "C2", "N1", "U1", "PR1", "", ""],  # first day: started
        ["S", "31/03/2026", "S", "C2", "N1", "U1", "PR1", "", ""],  # last day: started
        ["T", "31/03/2025", "S", "C2", "N1", "U1", "PR1", "", ""],  # day before: not started
        ["U", "15/06/2025", "S", "C2", "N1", "U1", "PR1", "", ""],  # no PrevPerm row
    )
    header = table(
        ["CHILD", "SEX", "DOB", "ETHNIC"], *[[c, "1", "01/01/2015", "WBRI"] for c in "RSTU"]
    )
    permanence = table(
        ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
        ["R", "01/01/2015", "P1", "", "01/01/2020"],
        ["S", "01/01/2015", "Z1", "", ""],
        ["T", "01/01/2015", "P2", "", "01/01/2020"],
    )
    got = values(
        summary_of("ssda903", {"Episodes": episodes, "Header": header, "PrevPerm": permanence})
    )
    assert got[("started_in_year", None)] == 3
    assert got[("started_in_year", "previous_permanence=P1")] == 1
    assert got[("started_in_year", "previous_permanence=Z1")] == 1
    assert got[("started_in_year", "previous_permanence=(blank)")] == 1
    assert ("started_in_year", "previous_permanence=P2") not in got
