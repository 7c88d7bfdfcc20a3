"""Slack summaries, posted to a local HTTP server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from job_insights.cli import app
from job_insights.report import Report, ReportFilter, load_report
from job_insights.slack import SlackError, post_summary, summary_message, webhook_url
from warehouses import NOW, PERIOD, SINCE, copy_warehouse, settings_for


class Webhook:
    """A local incoming-webhook endpoint that records what it receives."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.received: list[dict[str, Any]] = []
        received, webhook = self.received, self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append({"path": self.path, "json": json.loads(body)})
                self.send_response(webhook.status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = (f"http://127.0.0.1:{self.server.server_address[1]}"
                    "/services/T000/B000/s3cret-token")
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    server = Webhook()
    yield server
    server.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_warehouse(tmp_path_factory, "slack")


@pytest.fixture(scope="module")
def report(warehouse: Path) -> Report:
    return load_report(settings_for(warehouse), ReportFilter(since=SINCE, until=NOW), NOW)


def test_summary_is_compact(report: Report) -> None:
    text = summary_message(report)["text"]
    assert f"{report.total_jobs} failed jobs, {report.total_errors} errors" in text
    assert "Top error groups:" in text and "Top pipelines:" in text
    assert len(text.splitlines()) <= 16


def test_post_summary(webhook: Webhook, report: Report) -> None:
    post_summary(webhook.url, report)
    [request] = webhook.received
    assert request["path"] == "/services/T000/B000/s3cret-token"
    assert request["json"] == summary_message(report)


def test_failures_never_show_the_url(report: Report) -> None:
    failing = Webhook(status=500)
    try:
        with pytest.raises(SlackError) as caught:
            post_summary(failing.url, report)
        assert "HTTP 500" in str(caught.value) and "s3cret" not in str(caught.value)
    finally:
        failing.close()
    with pytest.raises(SlackError) as unreachable:
        post_summary("http://127.0.0.1:9/hooks/s3cret-token", report, timeout=2)
    assert "s3cret" not in str(unreachable.value)


def test_flag_then_environment() -> None:
    assert webhook_url("http://a", {"SLACK_WEBHOOK_URL": "http://b"}) == "http://a"
    assert webhook_url(None, {"SLACK_WEBHOOK_URL": "http://b"}) == "http://b"
    assert webhook_url(None, {}) is None


def test_report_and_run_commands_post(webhook: Webhook, warehouse: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["report", *PERIOD, "--duckdb", str(warehouse), "--verbose",
                                 "--slack-webhook", webhook.url])
    assert result.exit_code == 0, result.output
    assert "Posted the summary to Slack." in result.output
    assert "s3cret" not in result.output
    ran = runner.invoke(app, ["run", "--duckdb", str(warehouse)],
                        env={"SLACK_WEBHOOK_URL": webhook.url})
    assert ran.exit_code == 0, ran.output
    assert len(webhook.received) == 2
    assert "failed jobs" in webhook.received[1]["json"]["text"]
