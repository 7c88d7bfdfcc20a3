"""Post a compact report summary to a Slack incoming webhook.

The webhook URL carries a secret token: it never appears in messages, errors or logs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from job_insights.report import Report

WEBHOOK_ENV = "SLACK_WEBHOOK_URL"


class SlackError(Exception):
    """The summary could not be posted; the message never contains the webhook URL."""


def webhook_url(flag: str | None, env: Mapping[str, str] | None = None) -> str | None:
    """The flag, else SLACK_WEBHOOK_URL, else None (no posting)."""
    env = os.environ if env is None else env
    return flag or env.get(WEBHOOK_ENV) or None


def summary_message(report: Report, top: int = 5) -> dict[str, Any]:
    """A compact message: totals, categories, the largest groups and pipelines."""
    period = (f"{report.filter.since.isoformat(sep=' ', timespec='minutes')} to "
              f"{report.filter.until.isoformat(sep=' ', timespec='minutes')} UTC")
    lines = [f"*Job failures* {period}",
             f"{report.total_jobs} failed jobs, {report.total_errors} errors"]
    lines += [f"• {category}: {count} ({share:.0f}%)"
              for category, count, share in report.by_category()]
    pipelines = report.failed_jobs_by("pipeline_name")[:top]
    if pipelines:
        lines.append("Top pipelines: "
                     + ", ".join(f"{name} ({count})" for name, count in pipelines))
    groups = report.groups()[:top]
    if groups:
        lines.append("Top error groups:")
        for group in groups:
            message = " ".join((group.sample_message or "").split())[:80]
            lines.append(f"• {group.errors}× {group.category} `{group.exception_type or '-'}` "
                         f"{message}")
    return {"text": "\n".join(lines)}


def post_summary(url: str, report: Report, timeout: float = 10.0) -> None:
    import logging

    import httpx

    # httpx logs every request URL at INFO, which would print the secret with --verbose.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        response = httpx.post(url, json=summary_message(report), timeout=timeout)
    except httpx.HTTPError as exc:
        raise SlackError(f"posting the Slack summary failed ({type(exc).__name__})") from None
    if response.status_code >= 300:
        raise SlackError(f"the Slack webhook answered HTTP {response.status_code}")
