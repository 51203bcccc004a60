"""Cases that several CIN rule modules share (8770Q's in every year). Only rule cases read them."""

from csc_validate.rulekit import Case, table

# For rule 8770Q's cases in every year: the columns its cases give, and the cases that do not
# depend on the year's school-age date (their children, born in 2015, are of school age in all).
UPN_CASE_CHILDREN = ["LAchildID", "PersonBirthDate", "UPN", "UPNunknown"]
UPN_CASE_EPISODES = ["LAchildID", "CINdetailsID", "ReferralNFA"]
SCHOOL_AGE_UPN_CASES = [
    Case(
        "UN1 or an unknown code is no reason; UN2 to UN7 are, written as DfE writes them",
        tables={
            "ChildIdentifiers": table(
                UPN_CASE_CHILDREN,
                ["A", "2015-01-01", "", "UN1"],
                ["B", "2015-01-01", "", "UN2"],
                ["C", "2015-01-01", "", "un5"],
                ["D", "2015-01-01", "", "UN7"],
                ["E", "2015-01-01", "", "UN9"],
                ["F", "2015-01-01", "H801200001001", "UN1"],
                ["G", "2015-01-01", "", "UN3"],
                ["H", "2015-01-01", "", "un6"],
                ["I", "2015-01-01", "", "UNKNOWN"],
            ),
            "CINdetails": table(
                UPN_CASE_EPISODES,
                ["A", "1", "0"],
                ["B", "1", "0"],
                ["C", "1", "0"],
                ["D", "1", "0"],
                ["E", "1", "0"],
                ["F", "1", "0"],
                ["G", "1", "0"],
                ["H", "1", "0"],
                ["I", "1", "0"],
            ),
        },
        flagged={"ChildIdentifiers": [0, 2, 4, 7, 8]},
    ),
    Case(
        "only a child with an episode that led to further action is flagged, once",
        tables={
            "ChildIdentifiers": table(
                UPN_CASE_CHILDREN,
                ["A", "2015-01-01", "", ""],
                ["B", "2015-01-01", "", ""],
                ["C", "2015-01-01", "", ""],
                ["D", "2015-01-01", "", ""],
                ["E", "2015-01-01", "", ""],
                ["E", "2016-01-01", "", ""],
            ),
            "CINdetails": table(
                UPN_CASE_EPISODES,
                ["A", "1", "true"],
                ["A", "2", "false"],
                ["A", "3", "0"],
                ["B", "1", "true"],
                ["B", "2", "1"],
                ["C", "1", ""],
                ["E", "1", "false"],
            ),
        },
        flagged={"ChildIdentifiers": [0, 4, 5]},
        # Every episode that led to further action is named, for each row of its child.
        related=(
            ("ChildIdentifiers", 0, "CINdetails", 1),
            ("ChildIdentifiers", 0, "CINdetails", 2),
            ("ChildIdentifiers", 4, "CINdetails", 6),
            ("ChildIdentifiers", 5, "CINdetails", 6),
        ),
    ),
]

# For the XML cases of 1104 and 1105: four children's referrals keyed by their Child element.
# Two share a blank LA child ID and two share "A", so only the key tells them apart.
REFERRALS_BY_CHILD_ELEMENT = table(
    ["ChildKey", "LAchildID", "CINdetailsID", "CINreferralDate"],
    ["Child[1]", "", "1", "2024-06-10"],
    ["Child[2]", "", "1", "2024-05-01"],
    ["Child[3]", "A", "1", "2024-06-10"],
    ["Child[4]", "A", "1", "2024-05-01"],
)
