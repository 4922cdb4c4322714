"""``python -m annotator``: the command line."""

from __future__ import annotations

from annotator.cli import main

main(prog_name="annotator")
