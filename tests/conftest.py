"""Shared fixtures, one per layer: an empty project, the demo project; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ANNOTATOR_USER", "tester")

from annotator.demo import create_demo  # noqa: E402
from annotator.project import Project  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt settings and the acting person never leak between tests or into the user's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("ANNOTATOR_SETTINGS_DIR", str(home / "settings"))
    monkeypatch.setenv("ANNOTATOR_USER", "tester")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """An empty project with the default schema, acting as 'tester'."""
    p = Project.create(tmp_path / "project", actor="tester")
    yield p
    p.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "demo"
    create_demo(path).close()
    return path


@pytest.fixture
def demo_path(tmp_path: Path, _demo_template: Path) -> Path:
    """A fresh copy of the demo project folder."""
    import shutil

    target = tmp_path / "demo"
    shutil.copytree(_demo_template, target)
    return target


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Project]:
    """The demo project (two sample articles with a few accepted spans of each layer), open."""
    p = Project.open(demo_path, actor="tester")
    yield p
    p.close()
