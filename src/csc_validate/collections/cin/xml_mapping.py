"""Where each CIN census table lives in DfE's XML: the one mapping the reader and writer share.

Element names and order: formats.md §2.2 and reference/cin/schema.md §1 (the order of the
XSD's xs:sequence, which a schema-validated file must keep).
"""

MESSAGE = "Message"
HEADER = "Header"
COLLECTION_DETAILS_BLOCK = "CollectionDetails"
SOURCE_BLOCK = "Source"
CHILDREN = "Children"
CHILD = "Child"
IDENTIFIERS_BLOCK = "ChildIdentifiers"
CHARACTERISTICS_BLOCK = "ChildCharacteristics"
DISABILITIES = "Disabilities"
DISABILITY = "Disability"
CIN_DETAILS = "CINdetails"
ASSESSMENTS = "Assessments"
FACTORS = "FactorsIdentifiedAtAssessment"
FACTOR = "AssessmentFactors"
CIN_PLAN_DATES = "CINPlanDates"
SECTION47 = "Section47"
PROTECTION_PLANS = "ChildProtectionPlans"
REVIEWS = "Reviews"
REVIEW_DATE = "CPPreviewDate"
PRE_PROCEEDINGS = "PreProceedingsandFGDM"
ETHNICITY = "Ethnicity"
REFERRAL_NFA = "ReferralNFA"
# The IDs number records in document order; they are columns of the tables, not elements.
CHILD_KEY = "LAchildID"
CIN_ID = "CINdetailsID"
ASSESSMENT_ID = "AssessmentID"
PLAN_ID = "CPPID"

# The tables and columns of the flattened census (reference/cin/schema.md §5). The IDs are not in
# the XML: they number records in document order, as the rules join on them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "Header": (
        "Collection",
        "Year",
        "ReferenceDate",
        "SourceLevel",
        "LEA",
        "SoftwareCode",
        "Release",
        "SerialNo",
        "DateTime",
    ),
    "ChildIdentifiers": (
        "LAchildID",
        "UPN",
        "FormerUPN",
        "UPNunknown",
        "PersonBirthDate",
        "ExpectedPersonBirthDate",
        "GenderCurrent",
        "Sex",
        "PersonDeathDate",
    ),
    "ChildCharacteristics": ("LAchildID", "Ethnicity"),
    "Disabilities": ("LAchildID", "Disability"),
    "CINdetails": (
        "LAchildID",
        "CINdetailsID",
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
        "ReferralNFA",
    ),
    "Assessments": (
        "LAchildID",
        "CINdetailsID",
        "AssessmentID",
        "AssessmentActualStartDate",
        "AssessmentInternalReviewDate",
        "AssessmentAuthorisationDate",
    ),
    "AssessmentFactorsList": ("LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"),
    "CINplanDates": ("LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"),
    "Section47": (
        "LAchildID",
        "CINdetailsID",
        "S47ActualStartDate",
        "InitialCPCtarget",
        "DateOfInitialCPC",
        "ICPCnotRequired",
    ),
    "ChildProtectionPlans": (
        "LAchildID",
        "CINdetailsID",
        "CPPID",
        "CPPstartDate",
        "CPPendDate",
        "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP",
    ),
    "Reviews": ("LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"),
    "PreProceedings": (
        "LAchildID",
        "CINdetailsID",
        "PPStartDate",
        "LBPSentDate",
        "FGDMMeetingOffer",
        "FGDMMeetingFac",
        "InitialPPMeetingDate",
        "ReviewMeetingsCount",
        "StepDecisionDate",
        "PPOutcome",
        "CourtAppDate",
        "LetterInitCPDate",
    ),
}
COLLECTION_DETAILS = ("Collection", "Year", "ReferenceDate")
SOURCE = ("SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime")
IDENTIFIERS = COLUMNS["ChildIdentifiers"]
CIN_ITEMS = COLUMNS["CINdetails"][2:]
ASSESSMENT_ITEMS = COLUMNS["Assessments"][3:]
PLAN_ITEMS = COLUMNS["CINplanDates"][2:]
SECTION47_ITEMS = COLUMNS["Section47"][2:]
PLAN_OF_PROTECTION_ITEMS = COLUMNS["ChildProtectionPlans"][3:]
PRE_PROCEEDINGS_ITEMS = COLUMNS["PreProceedings"][2:]

# Records that repeat inside CINdetails, each flattened by its own method.
CIN_RECORDS = (ASSESSMENTS, CIN_PLAN_DATES, SECTION47, PROTECTION_PLANS, PRE_PROCEEDINGS)
# Tables of records that repeat inside CINdetails with items only: (element, table, items).
SIMPLE_RECORDS = (
    (CIN_PLAN_DATES, "CINplanDates", PLAN_ITEMS),
    (SECTION47, "Section47", SECTION47_ITEMS),
    (PRE_PROCEEDINGS, "PreProceedings", PRE_PROCEEDINGS_ITEMS),
)
# CINdetails' contents in order: its items, with its records where the XSD puts them.
CIN_DETAILS_SEQUENCE = (
    *CIN_ITEMS[: CIN_ITEMS.index(REFERRAL_NFA)],
    ASSESSMENTS,
    CIN_PLAN_DATES,
    SECTION47,
    REFERRAL_NFA,
    PROTECTION_PLANS,
    PRE_PROCEEDINGS,
)
