"""Time and peak memory of `csc-validate check` on a generated CIN census, as a user runs it.

Usage: python benchmarks/cin_check_speed.py [--children 6000 60000] [--seed 1] [--year 2025-26]

For each size, writes a synthetic census XML to a temporary folder, then runs the command line
(`python -m csc_validate check FILE -q`) in a child process and reports its wall time and peak
resident memory (the child's own, measured by the operating system). Numbers go to standard
output only.
"""

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from csc_validate.collections.cin import synthetic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, nargs="+", default=[6_000, 60_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--error-rate", type=float, default=0.05)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for children in args.children:
            path = Path(folder) / f"cin-{children}.xml"
            census = synthetic.generate(children, args.seed, args.year, args.error_rate)
            synthetic.write(census, path)
            size_mib = path.stat().st_size / 2**20
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "csc_validate", "check", str(path), "-q"],
                capture_output=True,
                text=True,
                check=False,
            )
            wall = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            footer = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
            print(
                f"{children:>7} children, {size_mib:6.1f} MiB XML: {wall:6.2f} s, "
                f"peak {peak:6.0f} MiB (largest child process so far), exit {done.returncode}: "
                f"{footer}"
            )


if __name__ == "__main__":
    main()
