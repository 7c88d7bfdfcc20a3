"""Plain-row inputs of the LLM step, shaped like the dbt relations it reads."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

CATEGORIES: list[dict[str, Any]] = [
    {
        "category": "INPUT_DATA_QUALITY",
        "definition": "The data the job was given is wrong: missing, empty or malformed files, "
        "bad values, duplicates, unknown references in customer data.",
        "owner": "customer success",
    },
    {
        "category": "WORKFLOW_ENGINE",
        "definition": "The workflow manager itself failed: scheduler, workers, out of memory, "
        "lost connections to its own database, bugs in activities.",
        "owner": "platform team",
    },
    {
        "category": "THIRD_PARTY_SYSTEM",
        "definition": "An external system the job talks to failed or refused: vendor APIs, "
        "SFTP servers, ERP systems, expired credentials at the vendor.",
        "owner": "integrations team",
    },
    {"category": "UNKNOWN", "definition": "Not classified yet.", "owner": "triage"},
]

EXAMPLES: list[dict[str, Any]] = [
    {
        "fingerprint": "ex-sftp-empty",
        "category": "INPUT_DATA_QUALITY",
        "note": "The customer uploaded an empty file.",
        "exception_type": "EmptyFileException",
        "activity_name": "FETCH :: SFTP",
        "error_template": "file <path> is empty",
        "representative_message": "file /in/orders_2024.csv is empty",
    },
    {
        "fingerprint": "ex-xledger-503",
        "category": "THIRD_PARTY_SYSTEM",
        "note": "Xledger was down.",
        "exception_type": "HttpException",
        "activity_name": "SUBMIT :: Xledger",
        "error_template": "service unavailable (<num>) from <url>",
        "representative_message": "service unavailable (503) from https://api.xledger.net/graphql",
    },
    {
        "fingerprint": "ex-binder",
        "category": "WORKFLOW_ENGINE",
        "note": "A bug in the transform activity.",
        "exception_type": "BinderException",
        "activity_name": "TRANSFORM :: Orders",
        "error_template": "Referenced column <quoted> not found",
        "representative_message": 'Referenced column "amount" not found',
    },
]


def group(
    name: str,
    message: str | None = None,
    *,
    exception: str = "RuntimeError",
    activity: str = "SUBMIT :: Xledger",
    template: str | None = None,
    code: int | None = 500,
    occurrences: int = 3,
    last_seen_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """One `int_llm_queue` row; the fingerprint is derived from `name`."""
    msg = message if message is not None else f"failure {name}"
    return {
        "fingerprint": hashlib.md5(name.encode()).hexdigest(),
        "exception_type": exception,
        "activity_name": activity,
        "error_template": template if template is not None else msg,
        "representative_message": msg,
        "error_code": code,
        "occurrences": occurrences,
        "last_seen_at": last_seen_at or dt.datetime(2025, 1, 1, 12, 0, 0),
    }


def queue(n: int, prefix: str = "g") -> list[dict[str, Any]]:
    return [group(f"{prefix}{i}") for i in range(n)]
