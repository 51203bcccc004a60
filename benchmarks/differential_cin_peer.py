"""Run the CIN peer validator (csc-validator-be-cin) on one census XML; write its findings as JSON.

Runs inside the peer's own virtual environment, started by differential_cin.py:

    python differential_cin_peer.py CENSUS.xml 2025-26 OUT.json

It imports only the peer and the standard library. The JSON holds the peer's rule codes for the
year, the children each rule flagged (LAchildID; "<return>" for a finding about the whole census)
and the rules that crashed, with the peer's own message.
"""

import contextlib
import io
import json
import re
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

# The peer prints "Error with rule CODE: Type, message" for a rule that raised, and carries on.
CRASH = re.compile(r"^Error with rule (\S+): (.*)$", re.MULTILINE)
WHOLE_RETURN = "<return>"


def main() -> None:
    census, year, out = sys.argv[1:4]
    warnings.simplefilter("ignore")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        from cin_validator import cin_validator
        from cin_validator.rules.ruleset_utils import get_year_ruleset

        root = ET.parse(census).getroot()
        tables = cin_validator.process_data(cin_validator.convert_data(root))
        # The peer names a year by the calendar year it ends in: 2025-26 is "2026".
        registry = get_year_ruleset(str(int(year[:4]) + 1))
        validator = cin_validator.CinValidator(tables, registry, None)

    flagged: dict[str, set[str]] = {}
    issues = validator.full_issue_df
    for code, child in zip(issues["rule_code"], issues["child_id"], strict=True):
        blank = child is None or child != child  # NaN: no child
        flagged.setdefault(str(code), set()).add(WHOLE_RETURN if blank else str(child))
    for code in validator.multichild_issues["rule_code"]:
        flagged.setdefault(str(code), set()).add(WHOLE_RETURN)
    crashed = {code: reason[:160] for code, reason in CRASH.findall(printed.getvalue())}
    result = {
        "rules": sorted(str(rule.code) for rule in registry.values()),
        "flagged": {code: sorted(children) for code, children in sorted(flagged.items())},
        "crashed": dict(sorted(crashed.items())),
    }
    Path(out).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
