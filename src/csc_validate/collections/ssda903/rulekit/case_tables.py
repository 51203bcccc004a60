"""Tables that the cases of several SSDA903 rules share: a postcode directory and council, an
Ofsted list, placements beside last year's open episode, and a table's dates of birth beside the
Header's (INT11-INT18). Only rule cases read them."""

from csc_validate.rulekit.cases import Case, CaseTable, table

# For rule cases: a postcode directory with made-up grid references (metres), so that distances
# come out round: from W1A 1AA, SW1A 2AA is 0.1 mile, SW1A 3AA 0.2, SW1A 1AA 1.0,
# LS1 1AA 350.0 and CF10 1AB 999.9.
# The council in cases is Westminster (E09000033, DfE 213).
CASE_COUNCIL = "213"
CASE_POSTCODES = table(
    ["pcd", "laua", "oseast1m", "osnrth1m"],
    ["W1A 1AA", "E09000033", "0", "0"],
    ["SW1A 1AA", "E09000033", "1609.3", "0"],
    ["SW1A 2AA", "E09000033", "160.93", "0"],
    ["SW1A 3AA", "E09000033", "321.86", "0"],
    ["M1 1AA", "E08000003", "482790", "0"],
    ["LS1 1AA", "E08000035", "563255", "0"],
    ["LS1 1AB", "E08000035", "563416", "0"],
    ["CF10 1AA", "W06000015", "1609300", "0"],
    ["CF10 1AB", "W06000015", "1609139", "0"],
    ["EH1 1AA", "S12000036", "100000", "0"],
    ["ZZ1 1ZZ", "", "5", "5"],
)
# Ofsted's list layout (the combined list's "Providers" sheet), for the URN rules' cases.
OFSTED_COLUMNS = [
    "URN",
    "Local authority",
    "Placement code",
    "Placement provider code",
    "Deregistration date",
    "Setting postcode",
]
# An Ofsted list for cases: two children's homes (Westminster, Manchester), a supported
# accommodation provider with premises in Leeds and Manchester, and a home with no postcode.
CASE_OFSTED = table(
    OFSTED_COLUMNS,
    ["SC100001", "Westminster", "K2", "PR1", "", "W1A 1AA"],
    ["SC100002", "Manchester", "K2", "PR2", "", "M1 1AA"],
    ["2000003", "Leeds", "K3", "PR4", "", "LS1 1AA"],
    ["2000003", "Manchester", "K3", "PR4", "", "M1 1AA"],
    ["SC100005", "Westminster", "K2", "PR1", "", ""],
)


# Ofsted's lists for the URN rules' cases (219, 221, 224): a home offering K2 (PR1), one offering
# K1 and K2 (PR2/PR3), one deregistered on 31/10/2024, a supported accommodation provider, and
# one with no codes or postcode listed (setting postcodes W1A 1AA, M1 1AA, LS1 1AA, SW1A 1AA).
CASE_OFSTED_LISTS = {
    "ofsted": table(
        OFSTED_COLUMNS,
        ["SC100001", "Westminster", "K2", "PR1", "", "W1A 1AA"],
        ["SC100002", "Manchester", "K1, K2", "PR2/PR3", "", "M1 1AA"],
        ["SC100003", "Leeds", "R3", "PR3", "31/10/2024", "LS1 1AA"],
        ["2000004", "Westminster", "K3", "PR4", "", "SW1A 1AA"],
        ["SC100005", "Westminster", "", "", "", ""],
    )
}

# For the cases of the rules comparing placements with last year's (452, 453, 503H, 503J): one
# pair of tables per situation, with the postcodes of CASE_POSTCODES (W1A and SW1A are in the
# council, M1 in Manchester, LS1 in Leeds). Each rule's cases say which rows it flags.
_LAST_COLUMNS = ["CHILD", "DECOM", "DEC", "RNE", "PL_POST", "HOME_POST"]
_COLUMNS = ["CHILD", "DECOM", "RNE", "PL_POST", "HOME_POST"]

# Child 1 stays put in the council, 11 outside it.
CASE_STAYING_PUT = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["1", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["11", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["1", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["11", "01/01/2024", "S", "M1 1AA", "W1A 1AA"],
    ),
}
# Child 2 starts this year in another LA (row 0) and comes back (row 1); 3 was in another LA last
# year (row 2); 12's episodes are listed out of date order, the first is in another LA (row 4);
# 13's open episode last year, listed first, was in another LA (row 5); 21 moves from one other
# LA to another (row 6).
CASE_MOVES = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["2", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["3", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
        ["12", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["13", "01/06/2023", "", "S", "M1 1AA", "W1A 1AA"],
        ["13", "01/01/2023", "01/06/2023", "S", "W1A 1AA", "W1A 1AA"],
        ["21", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["2", "01/01/2024", "S", "M1 1AA", "W1A 1AA"],
        ["2", "01/06/2024", "P", "W1A 1AA", "W1A 1AA"],
        ["3", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["12", "01/06/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["12", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["13", "01/04/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["21", "01/01/2024", "S", "LS1 1AA", "W1A 1AA"],
    ),
}
# Every child here starts this year in another LA, but none had an open episode last year:
# 4's ended, 14's ended on an unreadable date (still a date given), 15's last episode ended
# though an earlier one was left open, and 7 is new to care.
CASE_NOT_OPEN = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["4", "01/01/2024", "01/03/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["14", "01/01/2024", "31/02/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["15", "01/06/2023", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["15", "01/01/2023", "", "S", "W1A 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["4", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["7", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["14", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["15", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
    ),
}
# Child 16's episode with an unreadable start (in another LA) cannot be ordered, so the readable
# one, in the same placement as last year, is the first; 22's only episode last year has an
# unreadable start, so there is nothing to compare with.
CASE_UNREADABLE_START = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["16", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["22", "31/02/2024", "", "S", "M1 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["16", "32/01/2024", "S", "M1 1AA", "W1A 1AA"],
        ["16", "01/02/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["22", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
    ),
}
# Child 5's placement postcode was blank last year and 17's not in the directory (row 0, 1);
# 18's is blank in both years (row 2).
CASE_UNKNOWN_POSTCODE = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["5", "01/01/2024", "", "S", "", "W1A 1AA"],
        ["17", "01/01/2024", "", "S", "ZZ9 9ZZ", "W1A 1AA"],
        ["18", "01/01/2024", "", "S", "", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["5", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["17", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["18", "01/01/2024", "S", "", "W1A 1AA"],
    ),
}
# Children 6, 8 and 9 move 1.0, 0.1 and 0.2 miles within the council.
CASE_MOVES_WITHIN_COUNCIL = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["6", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["8", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["9", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["6", "01/01/2024", "S", "SW1A 1AA", "W1A 1AA"],
        ["8", "01/01/2024", "S", "SW1A 2AA", "W1A 1AA"],
        ["9", "01/01/2024", "S", "SW1A 3AA", "W1A 1AA"],
    ),
}
# Child 10 moves to another LA with a new reason for new episode (P, row 0); 19 with the same
# reason as last year (S, row 1).
CASE_NEW_REASON = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["10", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["19", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["10", "01/04/2024", "P", "M1 1AA", "W1A 1AA"],
        ["19", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
    ),
}


class PlacementCase(Case):
    """A case of the rules comparing this year's first placement with last year's open one (452,
    453, 503H, 503J), in the year, council and postcodes they all use: `flagged` lists the
    Episodes rows the rule must flag."""

    def __init__(
        self, name: str, /, tables: dict[str, CaseTable], flagged: list[int] | None = None
    ) -> None:
        super().__init__(
            name,
            tables=tables,
            flagged={"Episodes": tuple(flagged)} if flagged else {},
            period="2024-25",
            la=CASE_COUNCIL,
            reference={"postcodes": CASE_POSTCODES},
        )


def birth_date_cases(name: str) -> list[Case]:
    """The cases of a rule comparing table `name`'s DOB with the child's Header DOB (INT11-INT18):
    a different, blank or unreadable date differs, as does another way of writing it; the same
    date, a leap day included, agrees, and a child missing from the Header is not compared. Each
    flagged row names the child's Header row."""
    return [
        Case(
            "a different, blank or unmatched date of birth is flagged",
            tables={
                "Header": table(
                    ["CHILD", "DOB"],
                    ["1", "01/05/2012"],
                    ["2", "01/05/2012"],
                    ["3", "01/05/2012"],
                    ["4", ""],
                    ["5", "31/02/2012"],
                ),
                name: table(
                    ["CHILD", "DOB"],
                    ["1", "01/05/2012"],
                    ["2", "02/05/2012"],
                    ["3", ""],
                    ["4", ""],
                    ["5", "31/02/2012"],
                    ["6", "01/01/2000"],
                    ["1", "30/04/2012"],
                ),
            },
            flagged={name: [1, 2, 6]},
            related=((name, 1, "Header", 1), (name, 2, "Header", 2), (name, 6, "Header", 0)),
        ),
        Case(
            "a year off, a blank Header date, typos and other shapes differ; a leap day matches",
            tables={
                "Header": table(
                    ["CHILD", "DOB"],
                    ["1", "01/05/2012"],
                    ["2", ""],
                    ["3", "31/02/2012"],
                    ["4", "31/02/2012"],
                    ["5", "01/05/2012"],
                    ["6", "01/05/2012"],
                    ["7", "29/02/2012"],
                ),
                name: table(
                    ["CHILD", "DOB"],
                    ["1", "01/05/2011"],
                    ["2", "01/05/2012"],
                    ["3", "01/05/2012"],
                    ["4", "30/02/2012"],
                    ["5", "2012-05-01"],
                    ["6", "31/02/2012"],
                    ["7", "29/02/2012"],
                    ["6", "01/05/2012"],
                ),
            },
            flagged={name: [0, 1, 2, 3, 4, 5]},
            related=tuple((name, row, "Header", row) for row in range(6)),
        ),
    ]
