"""CLI commands grouped by feature; each module exposes ``COMMANDS`` (click commands)."""

from __future__ import annotations
