"""Throughput of the LLM step against a scripted local server that answers in 200 ms.

Builds errors that fall into error groups (some already answered by an earlier run), runs the
step once with bounded concurrency and prints groups per second and the number of calls, which
must equal the number of new UNKNOWN groups, not of errors. Exit code 1 when either check fails.

    uv run python benchmarks/llm_throughput.py [--groups 120] [--errors 6000] [--answered 20]
        [--delay 0.2] [--concurrency 4] [--min-rate 15]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import io
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from job_insights.llm.prompt import PROMPT_VERSION  # noqa: E402
from job_insights.llm.settings import LlmSettings  # noqa: E402
from job_insights.llm.step import classify_groups  # noqa: E402
from llm_data import CATEGORIES, EXAMPLES  # noqa: E402
from llm_server import ScriptedServer, answer  # noqa: E402


def make_errors(groups: int, errors: int, seed: int = 1) -> list[dict[str, Any]]:
    """`errors` errors spread over `groups` templates with a production-like skew."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(groups)]
    start = dt.datetime(2025, 1, 1)
    out = []
    for i in range(errors):
        g = rng.choices(range(groups), weights)[0] if i >= groups else i
        out.append(
            {
                "exception_type": f"Exception{g % 7}",
                "activity_name": f"SUBMIT :: Vendor{g % 5}",
                "error_template": f"operation {g} failed for record <num>",
                "message": f"operation {g} failed for record {rng.randint(1, 10**6)}",
                "code": 500,
                "finished_at": start + dt.timedelta(minutes=i),
            }
        )
    return out


def queue_of(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What int_llm_queue makes of the errors: one row per fingerprint."""
    groups: dict[str, dict[str, Any]] = {}
    counts: collections.Counter[str] = collections.Counter()
    for e in errors:
        key = "|".join((e["exception_type"], e["activity_name"], e["error_template"]))
        fp = hashlib.md5(key.encode()).hexdigest()
        counts[fp] += 1
        groups.setdefault(
            fp,
            {
                "fingerprint": fp,
                "exception_type": e["exception_type"],
                "activity_name": e["activity_name"],
                "error_template": e["error_template"],
                "representative_message": e["message"],
                "error_code": str(e["code"]),
                "last_seen_at": e["finished_at"],
            },
        )
        groups[fp]["last_seen_at"] = max(groups[fp]["last_seen_at"], e["finished_at"])
    return [dict(g, occurrences=counts[fp]) for fp, g in groups.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", type=int, default=120)
    parser.add_argument("--errors", type=int, default=6000)
    parser.add_argument("--answered", type=int, default=20, help="groups answered before")
    parser.add_argument("--delay", type=float, default=0.2, help="server seconds per answer")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--min-rate", type=float, default=15.0, help="groups/s to pass")
    args = parser.parse_args()

    errors = make_errors(args.groups, args.errors)
    queue = queue_of(errors)
    existing = [
        {"fingerprint": g["fingerprint"], "model": "bench", "prompt_version": PROMPT_VERSION}
        for g in queue[: args.answered]
    ]
    new_groups = len(queue) - len(existing)
    with ScriptedServer(lambda request: answer("WORKFLOW_ENGINE", delay=args.delay)) as server:
        settings = LlmSettings(
            base_url=server.url,
            model="bench",
            concurrency=args.concurrency,
            timeout_s=10,
            progress=False,
        )
        out = io.StringIO()
        result = classify_groups(queue, EXAMPLES, CATEGORIES, settings, existing, out=out)
        calls = len(server.requests)
    seconds = result.summary.seconds
    rate = result.summary.sent / seconds if seconds else 0.0
    print(out.getvalue().strip())
    print(
        f"errors: {len(errors)}, error groups: {len(queue)}, already answered: {len(existing)}, "
        f"new UNKNOWN groups: {new_groups}"
    )
    print(
        f"calls: {calls} (new groups {new_groups}, errors {len(errors)}) -> "
        f"{'OK' if calls == new_groups else 'MISMATCH'}"
    )
    print(
        f"throughput: {rate:.1f} groups/s at concurrency {args.concurrency}, "
        f"{args.delay * 1000:.0f} ms per answer (ceiling {args.concurrency / args.delay:.1f}) "
        f"-> {'OK' if rate >= args.min_rate else 'BELOW'} {args.min_rate:g}"
    )
    return 0 if calls == new_groups and rate >= args.min_rate else 1


if __name__ == "__main__":
    sys.exit(main())
