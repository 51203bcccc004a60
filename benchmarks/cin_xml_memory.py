"""Time and peak memory of reading a synthetic CIN census XML of N children.

Usage: python benchmarks/cin_xml_memory.py [CHILDREN]   (default 60000)

Writes a census of CHILDREN copies of one child (every block: two episodes, assessments with
factors, a plan, a Section 47, a protection plan with reviews, pre-proceedings) to a temporary
file, reads it with the streamed reader, and prints the file size, the read time, the rows per
table and the process's peak resident memory. Numbers go to standard output only.
"""

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from csc_validate.collections.cin import xml_reader

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>Bench</SoftwareCode>
      <Release>1</Release><SerialNo>001</SerialNo><DateTime>2026-05-23T11:14:05</DateTime>
    </Source>
  </Header>
  <Children>
"""
CHILD = """    <Child>
      <ChildIdentifiers>
        <LAchildID>C{number}</LAchildID>
        <UPN>A{number:012d}</UPN>
        <PersonBirthDate>2015-{month:02d}-{day:02d}</PersonBirthDate>
        <Sex>{sex}</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities><Disability>MOB</Disability><Disability>HEAR</Disability></Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-{month:02d}-{day:02d}</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <CINclosureDate>2026-01-{day:02d}</CINclosureDate>
        <ReasonForClosure>RC1</ReasonForClosure>
        <Assessments>
          <AssessmentActualStartDate>2025-06-{day:02d}</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-07-{day:02d}</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>2A</AssessmentFactors>
            <AssessmentFactors>3B</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <CINPlanDates>
          <CINPlanStartDate>2025-08-{day:02d}</CINPlanStartDate>
          <CINPlanEndDate>2025-12-{day:02d}</CINPlanEndDate>
        </CINPlanDates>
        <Section47>
          <S47ActualStartDate>2025-07-{day:02d}</S47ActualStartDate>
          <InitialCPCtarget>2025-08-{day:02d}</InitialCPCtarget>
          <DateOfInitialCPC>2025-08-{day:02d}</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-08-{day:02d}</CPPstartDate>
          <CPPendDate>2025-12-{day:02d}</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-10-{day:02d}</CPPreviewDate>
            <CPPreviewDate>2025-11-{day:02d}</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
        <PreProceedingsandFGDM>
          <PPStartDate>2025-09-{day:02d}</PPStartDate>
          <FGDMMeetingOffer>1</FGDMMeetingOffer>
          <PPOutcome>A</PPOutcome>
        </PreProceedingsandFGDM>
      </CINdetails>
      <CINdetails>
        <CINreferralDate>2026-02-{day:02d}</CINreferralDate>
        <ReferralSource>5D</ReferralSource>
        <PrimaryNeedCode>N4</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2026-02-{day:02d}</AssessmentActualStartDate>
          <FactorsIdentifiedAtAssessment/>
        </Assessments>
        <ReferralNFA>false</ReferralNFA>
      </CINdetails>
    </Child>
"""
FOOTER = """  </Children>
</Message>
"""


def write_census(path: Path, children: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(1, children + 1):
            month, day = number % 12 + 1, number % 28 + 1
            out.write(CHILD.format(number=number, month=month, day=day, sex="MFU"[number % 3]))
        out.write(FOOTER)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("children", type=int, nargs="?", default=60_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cin.xml"
        write_census(path, args.children)
        size_mib = path.stat().st_size / 2**20
        before_mib = _peak_mib()
        start = time.perf_counter()
        sheets, notes = xml_reader.read(path, "cin.xml")
        seconds = time.perf_counter() - start
    print(f"children: {args.children}, file: {size_mib:.1f} MiB, notes: {len(notes)}")
    print("rows: " + ", ".join(f"{sheet.table} {sheet.height}" for sheet in sheets))
    print(f"read: {seconds:.2f} s")
    print(f"peak memory: {_peak_mib():.0f} MiB (before reading: {before_mib:.0f} MiB)")


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return peak / 1024 if sys.platform == "darwin" else peak


if __name__ == "__main__":
    main()
