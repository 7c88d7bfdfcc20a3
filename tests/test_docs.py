"""dbt docs: every model, seed and column described, exposures declared, and `dbt docs
generate` works with no network at all."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest

from conftest import duckdb_settings
from insight_data import build, write_sources
from job_insights.dbt import run_dbt


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = tmp_path_factory.mktemp("docs")
    settings = duckdb_settings(folder / "w.duckdb")
    write_sources(settings)
    build(settings)
    target = folder / "target"
    real_connect = socket.socket.connect

    def loopback_only(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"docs generate tried to reach {address}")
        return real_connect(self, address)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", loopback_only)
        run_dbt(settings, ["docs", "generate", "--target-path", str(target)])
    assert (target / "index.html").exists()
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    return manifest, catalog


def test_every_model_and_column_is_described(docs: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest, catalog = docs
    missing: list[str] = []
    for unique_id, node in manifest["nodes"].items():
        if node["resource_type"] not in ("model", "seed"):
            continue
        if not node["description"].strip():
            missing.append(unique_id)
        for column in catalog["nodes"].get(unique_id, {}).get("columns", {}):
            if not node["columns"].get(column, {}).get("description", "").strip():
                missing.append(f"{unique_id}.{column}")
    assert missing == []


def test_exposures_cover_the_marts(docs: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest, _ = docs
    exposures = {exposure["name"]: exposure for exposure in manifest["exposures"].values()}
    assert {"failure_overview_dashboard", "classification_quality_dashboard",
            "cli_report"} <= set(exposures)
    used = {ref for exposure in exposures.values() for ref in exposure["depends_on"]["nodes"]}
    marts = {uid for uid, node in manifest["nodes"].items()
             if node["resource_type"] == "model" and node["fqn"][1] == "marts"}
    assert len(marts) >= 9
    assert sorted(marts - used) == []
