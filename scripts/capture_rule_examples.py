"""Capture the training examples of the rules written after the blind holdout (rules v3).

The blind holdout (``capture_blind_holdout.py``) measured the earlier rules; the rules written
after it key on exception families and stable library phrases, and each of them needs corpus lines
it must classify (``tests/test_rule_fixtures.py``). Where neither the original corpus nor the blind
holdout has such a line, this script raises one for real, the same way as the other capture
scripts: real libraries, servers on 127.0.0.1 only, vendor and platform wrappers modelled and
marked so in ``source``. Template ids start with ``v3.``; they are in the ``train`` split.

Run:  uv run python scripts/capture_rule_examples.py [--out PATH]
Replaces the ``v3.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset, many, modelled, subset_main  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
platform, version = cap.platform, cap.version
PREFIX = "v3."


def duckdb_examples(b: Subset) -> None:
    import duckdb

    src = version("duckdb")

    def sql(statement: str) -> Callable[[], Any]:
        def go() -> Any:
            con = duckdb.connect()
            try:
                con.execute("create table ledger(id integer, amount decimal(10,2))")
                return con.execute(statement).fetchall()
            finally:
                con.close()

        return go

    # The platform's SQL activity re-raises the engine's error as its own type, text unchanged.
    b.add(
        "duckdb.wrapped_binder",
        "duckdb.binder",
        WE,
        [
            ("TRANSFORM :: SQL", sql("select account from ledger")),
            ("TRANSFORM :: SQL ledger", sql("select l.amount from ledger x")),
            ("TRANSFORM :: SQL aggregate invoices", sql("select id, sum(amount) from ledger")),
        ],
        source=f"{src} + platform wrapper (modelled)",
        wrap="SqlActivityError",
    )
    b.add(
        "duckdb.wrapped_conversion",
        "duckdb.conversion",
        IDQ,
        [
            ("TRANSFORM :: SQL", sql("select cast('12,50' as decimal(10,2))")),
            ("TRANSFORM :: SQL dates", sql("select cast('31.12.2024' as date)")),
            ("TRANSFORM :: SQL amounts", sql("select cast('n/a' as integer)")),
        ],
        source=f"{src} + platform wrapper (modelled)",
        wrap="SqlActivityError",
    )

    def conflict(value: int) -> None:
        con = duckdb.connect()
        try:
            con.execute("create table t(i integer primary key, v integer)")
            con.execute("insert into t values (1, 0)")
            first, second = con.cursor(), con.cursor()
            first.execute("begin")
            second.execute("begin")
            first.execute(f"update t set v = {value} where i = 1")
            second.execute(f"update t set v = {value + 1} where i = 1")
        finally:
            con.close()

    b.add(
        "duckdb.transaction_conflict",
        "duckdb.transaction",
        WE,
        [
            (act, lambda value=value: conflict(value))
            for act, value in [
                ("LOAD :: DuckDB staging", 1),
                ("TRANSFORM :: SQL", 7),
                ("LOAD :: DuckDB warehouse", 42),
            ]
        ],
        source=src,
    )


def ssh_examples(b: Subset) -> None:
    import paramiko

    src = version("paramiko")
    acts = [
        "READ :: SFTP invoices (tenant 44660227)",
        "WRITE :: SFTP remittance",
        "READ :: SFTP supplier master",
    ]
    modern = [
        "curve25519-sha256",
        "curve25519-sha256@libssh.org",
        "ecdh-sha2-nistp256",
        "ecdh-sha2-nistp384",
        "ecdh-sha2-nistp521",
        "diffie-hellman-group16-sha512",
        "diffie-hellman-group-exchange-sha256",
        "diffie-hellman-group14-sha256",
        "sntrup761x25519-sha512",
        "sntrup761x25519-sha512@openssh.com",
        "mlkem768x25519-sha256",
    ]
    legacy = ["diffie-hellman-group-exchange-sha1", "diffie-hellman-group14-sha1"]

    def client(port: int, **kwargs: Any) -> None:
        ssh = paramiko.SSHClient()
        ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        try:
            ssh.connect(
                srv.LOOPBACK, port, look_for_keys=False, allow_agent=False, timeout=3, **kwargs
            )
        finally:
            ssh.close()

    def no_common_kex(port: int, extra: list[str]) -> None:
        transport = paramiko.Transport(
            (srv.LOOPBACK, port),
            disabled_algorithms={"kex": modern + legacy + extra + ["diffie-hellman-group1-sha1"]},
        )
        try:
            transport.start_client(timeout=3)
        finally:
            transport.close()

    with srv.ssh_server_rejecting_passwords() as port:
        b.add(
            "sftp.incompatible_peer",
            "sftp.protocol",
            TPS,
            [(act, lambda: no_common_kex(port, [])) for act in acts],
            source=src,
            code=None,
            alt=WE,
        )
        b.add(
            "sftp.bad_auth_type",
            "sftp.auth",
            TPS,
            [
                (
                    act,
                    lambda user=user: client(
                        port, username=user, pkey=paramiko.RSAKey.generate(1024)
                    ),
                )
                for act, user in zip(acts, ["tenant44660227", "remit", "suppliers"], strict=True)
            ],
            source=src,
            code=None,
            alt=WE,
        )
        b.add(
            "sftp.no_auth_methods",
            "sftp.key",
            WE,
            [
                (act, lambda user=user: client(port, username=user))
                for act, user in zip(acts, ["tenant44660227", "remit", "suppliers"], strict=True)
            ],
            source=src,
            code=None,
            alt=IDQ,
        )


def postgres_examples(b: Subset) -> None:
    import psycopg2
    import sqlalchemy as sa

    src = version("psycopg2-binary")
    with srv.silent_server() as port:
        b.add(
            "psycopg2.connect_timeout",
            "psycopg2.operational",
            TPS,
            [
                (
                    act,
                    lambda db=db: psycopg2.connect(
                        host=srv.LOOPBACK, port=port, user="etl", dbname=db, connect_timeout=1
                    ),
                )
                for act, db in [
                    ("EXTRACT :: ERP database invoices", "erp"),
                    ("EXTRACT :: Postgres orders", "orders"),
                    ("EXTRACT :: ERP database suppliers", "erp"),
                ]
            ],
            source=src,
            code=None,
        )
    try:
        cluster = srv.postgres_cluster()
        info = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        b.c.missed.append(f"v3 Postgres templates skipped: {exc}")
        return
    try:
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table invoices(id int primary key, meta text)")

        def adapt(value: Any) -> None:
            with admin.cursor() as cur:
                cur.execute("insert into invoices values (%s, %s)", (1, value))

        b.add(
            "psycopg2.cannot_adapt",
            "psycopg2.programming",
            WE,
            [
                ("LOAD :: Postgres invoices", lambda: adapt({"currency": "NOK"})),
                ("LOAD :: Postgres warehouse", lambda: adapt(object())),
                ("LOAD :: Postgres invoices", lambda: adapt({1, 2})),
            ],
            source=src,
            code=None,
        )
        url = sa.engine.URL.create(
            "postgresql+psycopg2",
            username="postgres",
            host=str(info["host"]),
            port=int(info["port"]),
            database="postgres",
        )

        def query(statement: str) -> None:
            engine = sa.create_engine(url)
            try:
                with engine.connect() as conn:
                    conn.execute(sa.text(statement))
            finally:
                engine.dispose()

        b.add(
            "sqlalchemy.programming",
            "sqlalchemy.error",
            WE,
            [
                ("EXTRACT :: Postgres orders", lambda: query("select supplier from invoices")),
                ("LOAD :: Postgres warehouse", lambda: query("select * from invoices_v2")),
                ("TRANSFORM :: SQL Postgres", lambda: query("selec id from invoices")),
            ],
            source=version("sqlalchemy"),
            code=None,
        )
        admin.close()
    finally:
        cluster.__exit__(None, None, None)


def vendor_examples(b: Subset) -> None:
    import httpx

    hx = version("httpx")
    with srv.http_server() as (base, _canned):

        def vendor_call(vendor: str, status: int) -> Callable[[], None]:
            def go() -> None:
                resp = httpx.get(f"{base}/status/{status}/api/v1/export")
                raise platform("VendorApiError")(
                    f"{vendor} answered {resp.status_code} {resp.reason_phrase}"
                )

            return go

        b.add(
            "vendor.reason_phrase",
            "http.status",
            TPS,
            [
                ("EXTRACT :: Tripletex ledger", vendor_call("Tripletex", 503)),
                ("EXTRACT :: Visma customers", vendor_call("Visma", 502)),
                ("EXPORT :: Ivalua suppliers", vendor_call("Ivalua", 504)),
            ],
            source=f"{hx} + platform wrapper (modelled)",
        )
        # The platform's own dataset service, called without the ReadException/WriteException
        # wrapper: the HTTP error of an internal call is the platform's, not a vendor's.
        b.add(
            "platform.dataset_service_unwrapped",
            "workflow.internal_http",
            WE,
            [
                (act, lambda path=path: httpx.get(f"{base}{path}").raise_for_status())
                for act, path in [
                    ("READ :: Dataset invoices", "/status/503/internal/datasets/9101/rows"),
                    ("WRITE :: Dataset suppliers", "/status/502/internal/datasets/9133/rows"),
                    (
                        "READ :: Dataset payments (tenant 31337001)",
                        "/status/500/internal/datasets/9150/rows",
                    ),
                ]
            ],
            source=hx,
        )
    ivalua = "Ivalua API (modelled)"
    b.add(
        "ivalua.api_rate_limited",
        "ivalua.api",
        TPS,
        [
            (act, modelled("IvaluaApiException", msg))
            for act, msg in [
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Rate limit exceeded for client 'acme-prod': 600 requests per minute",
                ),
                (
                    "EXPORT :: Ivalua contracts",
                    "Rate limit exceeded for client 'acme-test': 120 requests per minute",
                ),
                (
                    "EXTRACT :: Ivalua invoices",
                    "Rate limit exceeded for client 'nordic-prod': 600 requests per minute",
                ),
            ]
        ],
        source=ivalua,
        code=500,
    )
    b.add(
        "ivalua.api_auth",
        "ivalua.api",
        TPS,
        [
            (act, modelled("IvaluaApiException", msg))
            for act, msg in [
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Authentication failed: the client secret for 'acme-prod' is invalid or "
                    "expired",
                ),
                (
                    "EXPORT :: Ivalua contracts",
                    "Authentication failed: the client secret for 'acme-test' is invalid or "
                    "expired",
                ),
                (
                    "EXTRACT :: Ivalua invoices",
                    "Authentication failed: user 'integration' is locked",
                ),
            ]
        ],
        source=ivalua,
        code=500,
    )


def engine_examples(b: Subset) -> None:
    script = "import os, signal; os.kill(os.getpid(), signal.{})"

    def step(signal_name: str) -> Callable[[], None]:
        return lambda: subprocess.run(["python3", "-c", script.format(signal_name)], check=True)

    b.add(
        "engine.duplicate_activity",
        "workflow.dag",
        WE,
        [
            (
                act,
                modelled(
                    "DagValidationError",
                    f"Activity name '{act}' is used twice in pipeline '{pipeline}'",
                ),
            )
            for act, pipeline in [
                ("TRANSFORM :: SQL", "invoice-sync"),
                ("EXTRACT :: Xledger invoices", "xledger-daily"),
                ("LOAD :: S3", "supplier-export"),
            ]
        ],
        source="workflow platform (modelled)",
    )
    b.add(
        "engine.step_killed",
        "workflow.worker",
        WE,
        [
            ("TRANSFORM :: Python pandas", step("SIGKILL")),
            ("TRANSFORM :: Python custom step", step("SIGKILL")),
            ("LOAD :: S3", step("SIGTERM")),
        ],
        source=cap.python_source(),
    )


def fallback_examples(b: Subset) -> None:
    """Lines for the generic fallback rules (GENERIC_*, rules v5): exception names and wording
    that no specific rule knows, as platform wrappers and vendor SDKs raise them."""
    platform_source = "workflow platform (modelled)"
    b.add(
        "fallback.deadline_exceeded",
        "vendor.timeout",
        TPS,
        many(
            "DeadlineExceeded",
            [
                (act, f"504 Deadline Exceeded: {call} took longer than {s} s")
                for act, call, s in [
                    ("EXTRACT :: GCS invoices", "storage.objects.get", 60),
                    ("LOAD :: BigQuery ledger", "jobs.insert", 120),
                    ("EXTRACT :: GCS", "storage.objects.list", 30),
                ]
            ],
        ),
        source="google-api-core wording (modelled)",
    )
    b.add(
        "fallback.activity_execution",
        "workflow.worker",
        WE,
        many(
            "ActivityExecutionError",
            [
                (
                    act,
                    f"Activity '{act}' failed in executor '{executor}': "
                    f"container exited with code {code}",
                )
                for act, executor, code in [
                    ("TRANSFORM :: Python pandas", "k8s-pod-7f9c2", 137),
                    ("LOAD :: S3 parquet", "k8s-pod-11ab0", 139),
                    ("TRANSFORM :: SQL aggregate invoices", "k8s-pod-90d1e", 1),
                ]
            ],
        ),
        source=platform_source,
    )
    b.add(
        "fallback.scheduler_loop_error",
        "workflow.worker",
        WE,
        many(
            "Exception",
            [
                (
                    act,
                    f"Unexpected error in the scheduler loop while dispatching '{act}' "
                    f"(run {run}); the run was marked as failed",
                )
                for act, run in [
                    ("TRANSFORM :: Python pandas", 88123),
                    ("TRANSFORM :: SQL", 90211),
                    ("READ :: S3 parquet", 90377),
                ]
            ],
        ),
        source=platform_source,
    )


FAMILIES = ["duckdb", "ssh", "postgres", "vendor", "engine", "fallback"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    corpus = cap.Corpus()
    b = Subset(corpus, PREFIX, "train")
    steps: dict[str, Callable[[], None]] = {
        "duckdb": lambda: duckdb_examples(b),
        "ssh": lambda: ssh_examples(b),
        "postgres": lambda: postgres_examples(b),
        "vendor": lambda: vendor_examples(b),
        "engine": lambda: engine_examples(b),
        "fallback": lambda: fallback_examples(b),
    }
    with tempfile.TemporaryDirectory(prefix="ji-v3-"):
        for name in only or FAMILIES:
            print(f"capturing v3 {name} ...", file=sys.stderr)
            steps[name]()
    return corpus


def main() -> int:
    return subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
