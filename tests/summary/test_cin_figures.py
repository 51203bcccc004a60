"""CIN census figures on a small hand-built census, hand-counted, both sides of each boundary."""

import datetime as dt

import pytest

from csc_validate.periods import Period
from csc_validate.rulekit.cases import table
from tests.summary.helpers import summary_of, values

CIN_COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "CINreferralDate",
    "CINclosureDate",
    "ReferralNFA",
    "ReasonForClosure",
    "PrimaryNeedCode",
]
# R1 referred 10/05/2024 and again exactly 12 months later: a re-referral.
# R2 referred 10/05/2024 and 12 months and a day later: not a re-referral.
# N  an open NFA referral: a referral, NFA, not in need on 31 March.
# X  closed on 31 March: not in need on 31 March, an episode ended.
# Y  referred on 31 March: in need on 31 March.   Z  referred 31/03/2025: not this year's.
DETAILS = table(
    CIN_COLUMNS,
    ["R1", "2", "2025-05-10", "", "false", "", "N1"],
    ["R2", "2", "2025-05-11", "", "false", "", "N2"],
    ["N", "1", "2025-04-01", "", "true", "", ""],
    ["X", "1", "2025-06-01", "2026-03-31", "false", "RC1", "N1"],
    ["Y", "1", "2026-03-31", "", "0", "", "N3"],
    ["Z", "1", "2025-03-31", "", "false", "", "N1"],
)
LAST = table(
    CIN_COLUMNS,
    ["R1", "1", "2024-05-10", "2024-06-01", "false", "RC1", "N1"],
    ["R2", "1", "2024-05-10", "2024-06-01", "false", "RC1", "N1"],
)
CHILDREN = table(
    ["LAchildID", "PersonBirthDate", "Sex"],
    ["R1", "2015-01-01", "1"],
    ["R2", "2015-01-01", "2"],
    ["N", "2015-01-01", "1"],
    ["X", "2015-01-01", "1"],
    ["Y", "2026-01-01", "2"],
    ["Z", "2010-01-01", "1"],
)
ASSESSMENTS = table(
    [
        "LAchildID",
        "CINdetailsID",
        "AssessmentID",
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
    ],
    ["R1", "2", "1", "2025-05-12", "2025-05-12"],  # same day: 0, within
    # Monday 2 June 2025 + 45 working days (no bank holiday) = Monday 4 August: within.
    ["R2", "2", "1", "2025-06-02", "2025-08-04"],
    ["X", "1", "1", "2025-06-02", "2025-08-05"],  # 46 working days: late
    ["Y", "1", "1", "2026-03-31", ""],  # not completed
)
FACTORS = table(
    ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"],
    ["R1", "2", "1", "2A"],
    ["R1", "2", "1", "2A"],  # the same factor on the same episode counts once
    ["R2", "2", "1", "21"],  # no factors: left out
    ["X", "1", "1", "3A"],
)
S47 = table(
    ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
    # Monday 2 June 2025 + 15 working days = Monday 23 June: within; 24 June is not.
    ["R1", "2", "2025-06-02", "2025-06-23"],
    ["R2", "2", "2025-06-02", "2025-06-24"],
    ["X", "1", "2025-06-10", "2025-06-09"],  # before the start: counted, not timed
    ["Y", "1", "2025-03-31", ""],  # started last year
)
PLANS = table(
    [
        "LAchildID",
        "CINdetailsID",
        "CPPID",
        "CPPstartDate",
        "CPPendDate",
        "InitialCategoryOfAbuse",
        "NumberOfPreviousCPP",
    ],
    ["R1", "2", "1", "2025-06-23", "", "NEG", "0"],
    ["R2", "2", "1", "2024-03-31", "2026-03-31", "EMO", "1"],  # ends on its second anniversary
    ["X", "1", "1", "2024-04-01", "2026-03-30", "PHY", "2"],  # a day short of two years
    ["Y", "1", "1", "2026-03-31", "", "MUL", "1"],
)


@pytest.fixture(scope="module")
def got():
    tables = {
        "CINdetails": DETAILS,
        "CINdetails_last": LAST,
        "ChildIdentifiers": CHILDREN,
        "Assessments": ASSESSMENTS,
        "AssessmentFactorsList": FACTORS,
        "Section47": S47,
        "ChildProtectionPlans": PLANS,
    }
    return values(summary_of("cin", tables))


def test_referrals_and_re_referrals(got):
    assert got[("cin_referrals", None)] == 5  # not Z (31/03/2025)
    assert got[("cin_children_referred", None)] == 5
    assert got[("cin_re_referrals", None)] == 1  # R1, not R2
    assert got[("cin_referrals_nfa", None)] == 1
    assert got[("cin_children_re_referred", None)] == 1


def test_in_need_on_31_march_and_episodes(got):
    assert got[("cin_on_31_march", None)] == 4  # R1, R2, Y, Z; not N (NFA) or X (closed)
    assert got[("cin_episodes_started_in_year", None)] == 4  # R1, R2, X, Y
    assert got[("cin_episodes_ended_in_year", None)] == 1  # X on 31 March
    assert got[("cin_episodes_ended_in_year", "length=over 6 months to under 1 year")] == 1


def test_assessments(got):
    assert got[("cin_assessments_completed", None)] == 3
    assert got[("cin_assessments_within_45_days", None)] == 2
    assert got[("cin_assessments_completed", "working_days=same day")] == 1
    assert got[("cin_assessments_completed", "working_days=41 to 45")] == 1
    assert got[("cin_assessments_completed", "working_days=46 to 50")] == 1
    assert got[("cin_assessment_factors", None)] == 2
    assert got[("cin_assessment_factors", "factor=2A")] == 1


def test_section_47_and_conferences(got):
    assert got[("cin_s47_enquiries", None)] == 3
    assert got[("cin_icpcs", None)] == 3
    assert got[("cin_icpc_timed", None)] == 2
    assert got[("cin_icpc_within_15_days", None)] == 1
    assert got[("cin_icpc_timed", "working_days=11 to 15")] == 1
    assert got[("cin_icpc_timed", "working_days=16 to 20")] == 1


def test_child_protection_plans(got):
    assert got[("cpp_on_31_march", None)] == 2  # R1, Y; R2 ended on 31 March
    assert got[("cpp_on_31_march", "initial_category_of_abuse=MUL")] == 1
    assert got[("cpp_started_in_year", None)] == 2  # R1, Y; R2 started 31/03/2024
    assert got[("cpp_second_or_subsequent", None)] == 1
    assert got[("cpp_ended_in_year", None)] == 2
    assert got[("cpp_ended_two_years_or_more", None)] == 1  # R2 only
    assert got[("cpp_ended_in_year", "length=2 years or more")] == 1
    assert got[("cpp_ended_in_year", "length=1 to under 2 years")] == 1
    assert got[("cpp_children_started_in_year", None)] == 2


def test_re_referrals_without_last_year_say_they_are_a_lower_bound():
    found = summary_of("cin", {"CINdetails": DETAILS, "ChildIdentifiers": CHILDREN})
    entry = next(e for e in found.headlines() if e.id == "cin_re_referrals")
    assert entry.value == 0
    assert "lower bound" in entry.warning


def test_pre_proceedings_from_2026_27_only():
    details = table(CIN_COLUMNS, ["P", "1", "2026-04-01", "", "false", "", "N1"])
    plans = table(
        ["LAchildID", "CINdetailsID", "PPStartDate", "LBPSentDate", "PPOutcome"],
        ["P", "1", "2026-04-01", "2026-03-31", "A"],  # started 1 April; letter the day before
        ["P", "1", "2026-03-31", "2026-04-02", "B"],
    )
    tables = {"CINdetails": details, "ChildIdentifiers": CHILDREN, "PreProceedings": plans}
    got = values(summary_of("cin", tables, year="2026-27"))
    assert got[("cin_pre_proceedings_started", None)] == 1
    assert got[("cin_pre_proceedings_started", "outcome=A")] == 1
    assert got[("cin_pre_proceedings_letters", None)] == 1
    earlier = values(summary_of("cin", {"CINdetails": DETAILS, "ChildIdentifiers": CHILDREN}))
    assert not any(key[0].startswith("cin_pre_proceedings") for key in earlier)


def test_referrals_assessed_not_in_need():
    details = table(
        CIN_COLUMNS,
        ["A", "1", "2025-04-01", "2025-05-01", "false", "RC8", "N1"],  # first day: counted
        ["B", "1", "2025-03-31", "2025-05-01", "false", "RC8", "N1"],  # referred the day before
        ["C", "1", "2026-03-31", "2026-03-31", "false", "RC9", "N1"],  # last day: counted
        ["D", "1", "2025-06-01", "2025-07-01", "false", "RC7", "N1"],  # another reason
        ["E", "1", "2025-06-01", "", "false", "", "N1"],  # still open
    )
    children = table(
        ["LAchildID", "PersonBirthDate", "Sex"], *[[c, "2015-01-01", "1"] for c in "ABCDE"]
    )
    got = values(summary_of("cin", {"CINdetails": details, "ChildIdentifiers": children}))
    assert got[("cin_referrals", None)] == 4
    assert got[("cin_referrals_not_in_need", None)] == 2  # A, C


def test_referrals_not_in_need_as_at_a_date_count_closures_by_it():
    details = table(CIN_COLUMNS, ["A", "1", "2025-06-01", "2025-10-01", "false", "RC8", "N1"])
    children = table(["LAchildID", "PersonBirthDate", "Sex"], ["A", "2015-01-01", "1"])
    tables = {"CINdetails": details, "ChildIdentifiers": children}
    for end, expected in ((dt.date(2025, 9, 30), 0), (dt.date(2025, 10, 1), 1)):
        period = Period(year="2025-26", start=dt.date(2025, 4, 1), end=end)
        got = values(summary_of("cin", tables, period=period))
        assert got[("cin_referrals_not_in_need", None)] == expected
