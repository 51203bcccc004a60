"""The peer validators, each installed from PyPI into a virtual environment of its own (made once,
then reused), so that their pandas never meets csc-validate's dependencies."""

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

# What each peer needs installed. The CIN peer pins pandas 1.5, which is built against numpy 1
# but does not say so: left alone, pip gives it numpy 2 and it cannot be imported.
REQUIREMENTS = {
    "csc-validator-be-903": ["csc-validator-be-903"],
    "csc-validator-be-cin": ["csc-validator-be-cin==0.1.13", "numpy<2"],
}
VENVS = {
    "csc-validator-be-903": "csc-validate-peer-903-venv",
    "csc-validator-be-cin": "csc-validate-peer-cin-venv",
}


def default_venv(package: str) -> Path:
    return Path(tempfile.gettempdir()) / VENVS[package]


def peer_python(package: str, venv_dir: Path | None = None) -> Path:
    """The peer's interpreter, installing the peer first if its environment is not there yet."""
    venv_dir = venv_dir or default_venv(package)
    python = venv_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        print(f"installing {package} into {venv_dir} ...", file=sys.stderr)
        venv.create(venv_dir, with_pip=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *REQUIREMENTS[package]],
            check=True,
        )
    return python


def peer_version(package: str, python: Path) -> str:
    show = subprocess.run(
        [str(python), "-m", "pip", "show", package], capture_output=True, text=True, check=False
    )
    for line in show.stdout.splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    return "unknown"
