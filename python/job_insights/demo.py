"""Realistic demo data: job executions of several tenants and pipelines.

Failed jobs carry errors drawn from the corpus of real error texts (job_insights.corpus), with
the skew of production: a few error templates make most failures. About 1% of errors are
NOVEL_ERRORS, in-house and vendor errors that no rule was written for, so that the demo shows
the LLM step at work. About 2% of failed jobs carry the malformed data that real rows show
(null or invalid JSON, missing lists, string items, string codes, huge messages, control
characters).
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from job_insights.corpus import CorpusEntry, load_corpus
from job_insights.sources import JobExecution, Pipeline

TENANT_PIPELINES = {
    "Eviny": ["G8:: PO - Eviny Fornybar AS (44660227)", "G8 :: Supplier", "Eviny - Invoice export"],
    "Watermoon": ["Watermoon - Customer created", "Watermoon - Supplier sync"],
    "Nordkraft": ["Xledger - Invoice sync", "Xledger - GL transactions", "Nordkraft - S3 archive"],
    "Fjordline": ["Ivalua - Supplier export", "Ivalua - PO import", "Fjordline - SFTP payments"],
    "Bergen Bygg": ["Procurement - Contracts", "BB - Budget upload (SQL)"],
}
MALFORMED_KINDS = (
    "data_null", "data_invalid_json", "run_info_missing", "errors_missing", "errors_object",
    "errors_string", "string_item", "code_as_string", "message_missing", "huge_message",
    "control_characters", "errors_empty",
)

#: Errors of systems the rules know nothing about (their vendors' own wording), for the LLM.
NOVEL_ERRORS = (
    {"code": 422, "exception": "VoucherPostingRejected",
     "message": "Voucher series 7 is closed for posting in period {period}; "
                "open the period in Visma.net or post to series 9",
     "activity_name": "SUBMIT :: Visma.net vouchers"},
    {"code": 500, "exception": "ReconciliationMismatch",
     "message": "Invoice {number}: sum of lines {lines} NOK differs from header total {total} NOK",
     "activity_name": "TRANSFORM :: Python reconcile invoices"},
    {"code": 500, "exception": "ConnectorLicenseError",
     "message": "Tenant {tenant} has no licence seat left for connector 'Unit4 ERP' "
                "({seats} of {seats} in use)",
     "activity_name": "EXTRACT :: Unit4 ledger"},
)
NOVEL_SHARE = 0.01


def _novel_error(rng: random.Random) -> dict[str, object]:
    item = dict(rng.choice(NOVEL_ERRORS))
    lines = rng.randint(1_000, 90_000)
    item["message"] = str(item["message"]).format(
        period=f"2026-{rng.randint(1, 12):02d}", number=rng.randint(10_000, 99_999),
        lines=lines, total=lines + rng.randint(1, 500), tenant=rng.randint(1_000, 9_999),
        seats=rng.randint(2, 20))
    item["details"] = {}
    return item


@dataclass(frozen=True)
class DemoData:
    pipelines: list[Pipeline]
    jobs: list[JobExecution]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _error_item(entry: CorpusEntry) -> dict[str, object]:
    return {
        "code": entry.code,
        "message": entry.message,
        "exception": entry.exception,
        "activity_name": entry.activity_name,
        "details": entry.details,
    }


def _malformed_data(kind: str, item: dict[str, object]) -> str | None:
    """Job data broken the way real rows are broken."""
    broken: dict[str, object] = {"run_info": {"errors": [item]}}
    if kind == "data_null":
        return None
    if kind == "data_invalid_json":
        return '{"run_info": {"errors": [{"code": 500, "message": "Timeout while'
    if kind == "run_info_missing":
        broken = {"started_by": "scheduler"}
    elif kind == "errors_missing":
        broken = {"run_info": {"duration_ms": 1200}}
    elif kind == "errors_object":
        broken = {"run_info": {"errors": item}}
    elif kind == "errors_string":
        broken = {"run_info": {"errors": str(item["message"])}}
    elif kind == "string_item":
        broken = {"run_info": {"errors": [str(item["message"])]}}
    elif kind == "code_as_string":
        broken = {"run_info": {"errors": [{**item, "code": str(item["code"] or "E_UNKNOWN")}]}}
    elif kind == "message_missing":
        broken = {"run_info": {"errors": [{k: v for k, v in item.items() if k != "message"}]}}
    elif kind == "huge_message":
        huge = f"{item['message']}\n" + "Traceback line\n" * 70_000  # about 1 MB
        broken = {"run_info": {"errors": [{**item, "message": huge}]}}
    elif kind == "control_characters":
        broken = {"run_info": {"errors": [{**item, "message": f"\x07{item['message']}\x1b[0m"}]}}
    elif kind == "errors_empty":
        broken = {"run_info": {"errors": []}}
    return json.dumps(broken)


def error_template_weights(entries: list[CorpusEntry], rng: random.Random) -> dict[str, float]:
    """Zipf-like: a few templates make most errors. Also the mix of the bulk generator
    (job_insights.generate.demo_mix)."""
    templates = sorted({entry.template_id for entry in entries})
    rng.shuffle(templates)
    return {template: 1.0 / (rank + 1) ** 1.1 for rank, template in enumerate(templates)}


def generate(jobs: int = 2000, seed: int = 42, days: int = 30, now: datetime | None = None,
             malformed_share: float = 0.02) -> DemoData:
    """`jobs` executions over the last `days` days; reproducible for one seed and `now`."""
    rng = random.Random(seed)
    now = now or datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    pipelines: list[Pipeline] = []
    failure_rate: dict[str, float] = {}
    for names in TENANT_PIPELINES.values():
        tenant_id = _uuid(rng)
        for name in names:
            pipeline = Pipeline(id=_uuid(rng), name=name, tenant_id=tenant_id)
            pipelines.append(pipeline)
            failure_rate[pipeline.id] = rng.uniform(0.05, 0.45)
    # One pipeline the jobs reference was deleted from the pipeline table.
    orphan = Pipeline(id=_uuid(rng), name="(deleted)", tenant_id=pipelines[0].tenant_id)
    failure_rate[orphan.id] = 0.3
    corpus = load_corpus()
    by_template: dict[str, list[CorpusEntry]] = defaultdict(list)
    for entry in corpus:
        by_template[entry.template_id].append(entry)
    weights = error_template_weights(corpus, rng)
    template_ids = list(weights)
    template_weights = [weights[t] for t in template_ids]
    job_pipelines = [*pipelines, orphan]
    pipeline_weights = [rng.uniform(0.5, 3.0) for _ in pipelines] + [0.2]
    rows = list(_jobs(rng, jobs, days, now, job_pipelines, pipeline_weights, failure_rate,
                      by_template, template_ids, template_weights, malformed_share))
    return DemoData(pipelines=pipelines, jobs=rows)


def _jobs(rng: random.Random, count: int, days: int, now: datetime,
          pipelines: list[Pipeline], pipeline_weights: list[float],
          failure_rate: dict[str, float], by_template: dict[str, list[CorpusEntry]],
          template_ids: list[str], template_weights: list[float],
          malformed_share: float) -> Iterator[JobExecution]:
    for number in range(count):
        pipeline = rng.choices(pipelines, pipeline_weights)[0]
        started_at = now - timedelta(seconds=rng.randint(60, days * 86400))
        finished_at: datetime | None = started_at + timedelta(seconds=rng.randint(5, 1800))
        roll = rng.random()
        data: str | None
        if roll < 0.01:
            status, finished_at, data = "RUNNING", None, json.dumps({"run_info": {}})
        elif roll < 0.01 + failure_rate[pipeline.id]:
            status = rng.choice(["FAILURE", "FAILURE", "FAILURE", "failure", "Failed"])
            items = [
                _novel_error(rng) if rng.random() < NOVEL_SHARE
                else _error_item(rng.choice(by_template[template]))
                for template in rng.choices(template_ids, template_weights,
                                            k=rng.choice([1, 1, 1, 2, 2, 3]))
            ]
            if rng.random() < malformed_share:
                data = _malformed_data(MALFORMED_KINDS[number % len(MALFORMED_KINDS)], items[0])
            else:
                data = json.dumps({"run_info": {"errors": items, "attempt": 1}})
            if rng.random() < 0.005:
                finished_at = None
        else:
            status = rng.choice(["SUCCESS", "SUCCESS", "success"])
            data = json.dumps({"run_info": {"rows_written": rng.randint(0, 50_000)}})
        yield JobExecution(
            id=_uuid(rng), pipeline_id=pipeline.id, tenant_id=pipeline.tenant_id, status=status,
            data=data, started_at=started_at, finished_at=finished_at,
        )
