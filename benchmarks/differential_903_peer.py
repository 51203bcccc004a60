"""Run the peer validator (csc-validator-be-903) on one SSDA903 return; write its findings as JSON.

Runs inside the peer's own virtual environment, started by differential_903.py:

    python differential_903_peer.py THIS_YEAR_FOLDER LAST_YEAR_FOLDER 2025-26 E08000035 OUT.json

It imports only the peer and the standard library. The JSON holds the peer's rule codes for the
year, the rows each rule flagged as [table, row] pairs (0-based, as csc-validate counts them), and
the rules that crashed or were skipped.
"""

import contextlib
import copy
import importlib
import json
import logging
import os
import sys
from pathlib import Path


class _Crashes(logging.Handler):
    """Keeps the exception of each rule the peer reports as failed to run."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.reasons: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            code = record.getMessage().removeprefix("Rule code ").split(" ", 1)[0]
            error = record.exc_info[1]
            self.reasons[code] = f"{type(error).__name__}: {error}"[:160]


def _flagged(results: dict) -> dict[str, list[list[object]]]:
    flagged: dict[str, list[list[object]]] = {}
    for table, frame in results.items():
        if table == "metadata":
            continue
        for column in frame.columns:
            if str(column).startswith("ERR_"):
                rows = frame.index[frame[column] == True].tolist()  # noqa: E712 (NaN-safe)
                flagged.setdefault(column[4:], []).extend([table, int(row)] for row in rows)
    return flagged


def _without_undated_children(tables: dict) -> tuple[dict, dict[str, list[int]], list]:
    """The tables without the children who have an episode whose DECOM the peer cannot read; for
    each table the original row of each kept row, and the (table, row) pairs left out."""
    import pandas as pd

    undated: set[str] = set()
    for name in ("Episodes", "Episodes_last"):
        if name in tables:
            episodes = tables[name]
            starts = pd.to_datetime(episodes["DECOM"], format="%d/%m/%Y", errors="coerce")
            undated |= set(episodes.loc[starts.isna(), "CHILD"])
    kept, original, left_out = {}, {}, []
    for name, frame in tables.items():
        if "CHILD" not in getattr(frame, "columns", ()):
            kept[name] = frame
            continue
        dropped = frame["CHILD"].isin(undated)
        # The peer's postcode step needs a fresh 0..n-1 index, so rows are renumbered and mapped
        # back afterwards.
        kept[name] = frame[~dropped].reset_index(drop=True)
        original[name] = [int(row) for row in frame.index[~dropped]]
        left_out.extend([name, int(row)] for row in frame.index[dropped])
    return kept, original, left_out


def main() -> None:
    current, previous, year, council, out = sys.argv[1:6]
    crashes = _Crashes()
    root = logging.getLogger()
    root.handlers = [crashes]
    root.setLevel(logging.ERROR)
    # The peer prints frames from inside some rules; keep them off our report.
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        from lac_validator import lac_validator
        from lac_validator.ingress import read_from_text
        from lac_validator.types import UploadedFile

        # The peer hands each rule a shallow copy of the tables and the same metadata, so a rule
        # that changes them in place changes what later rules see (rule 359 agrees with us when
        # run alone, not after the others). Each rule gets its own deep copy here.
        lac_validator.copy_datastore = copy.deepcopy

        files = [
            UploadedFile(name=path.name, description=description, file_content=path.read_bytes())
            for folder, description in ((current, "This year"), (previous, "Prev year"))
            for path in sorted(Path(folder).glob("*.csv"))
        ]
        ruleset = importlib.import_module(f"lac_validator.rules.lac{year.replace('-', '_')}")
        # The peer names a year by the calendar year it ends in: 2025-26 is "2026".
        # The council's ONS code, the same one differential_903.py gives csc-validate with --la.
        metadata = {"collectionYear": str(int(year[:4]) + 1), "localAuthority": council}
        validator = lac_validator.LacValidator(
            metadata=metadata, files=files, registry=ruleset.registry
        )
        flagged = _flagged(validator.ds_results)
        crashed = {code: crashes.reasons.get(code, "?") for code in validator.fails}

        # Many peer rules crash on a child none of whose episodes has a readable DECOM (pandas'
        # idxmin of an empty group). Those rules run again without such children, and are then
        # compared on the other rows only.
        retried, left_out = {}, []
        if crashed:
            tables, _ = read_from_text(raw_files=files)
            validator.dfs, original, left_out = _without_undated_children(tables)
            validator.fails, crashes.reasons = [], {}
            validator.validate(list(crashed))
            again = _flagged(validator.ds_results)
            for code in list(crashed):
                if code not in validator.fails:
                    retried[code] = crashed.pop(code)
                    flagged[code] = [
                        [table, original[table][row] if table in original else row]
                        for table, row in again.get(code, [])
                    ]
            crashed = {code: crashes.reasons.get(code, crashed[code]) for code in crashed}

    result = {
        "rules": sorted(ruleset.registry),
        "flagged": flagged,
        "crashed": dict(sorted(crashed.items())),
        "retried": dict(sorted(retried.items())),
        "left_out_when_retried": left_out,
        "skipped": sorted(validator.skips),
    }
    Path(out).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
