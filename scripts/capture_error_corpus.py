"""Capture a labelled corpus of REAL error texts from the libraries installed here.

Each entry is produced by triggering the error in the real library (DuckDB, pandas, httpx,
requests, botocore, ftplib, paramiko, zeep, json, pydantic, psycopg2, the interpreter) and recording
the exception class name and ``str(exc)``. Network errors come only from servers this script starts
on 127.0.0.1 (see ``_corpus_servers.py``). Vendor and workflow-platform wrappers (Xledger, Ivalua,
the orchestrator's ReadException/WriteException...) wrap such real texts or real response bodies
served by the local server, the way the platform records them.

Run:  uv run python scripts/capture_error_corpus.py [--out PATH]
Writes python/job_insights/data/error_corpus.jsonl (one JSON object a line, see the module docstring
of job_insights.corpus for the schema). Exits 1 if an expected error was not raised.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.metadata as md
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "python" / "job_insights" / "data" / "error_corpus.jsonl"

IDQ = "INPUT_DATA_QUALITY"
WE = "WORKFLOW_ENGINE"
TPS = "THIRD_PARTY_SYSTEM"

#: share of templates (whole templates) kept out of rule writing, chosen by a stable hash
HOLDOUT_EVERY = 4


def version(dist: str) -> str:
    try:
        return f"{dist} {md.version(dist)}"
    except md.PackageNotFoundError:
        return f"{dist} (not installed)"


def python_source() -> str:
    return f"cpython {sys.version.split()[0]}"


class PlatformError(Exception):
    """Stand-in for the workflow platform's own exception classes.

    The platform wraps a library exception into its own type and records ``str(inner)``;
    ``platform(name)`` makes a subclass with that name so ``type(exc).__name__`` is recorded.
    """


_PLATFORM_TYPES: dict[str, type[PlatformError]] = {}


def platform(name: str) -> type[PlatformError]:
    if name not in _PLATFORM_TYPES:
        _PLATFORM_TYPES[name] = type(name, (PlatformError,), {})
    return _PLATFORM_TYPES[name]


def without_local_paths(message: str) -> str:
    """The message with this machine's interpreter and home folder replaced by neutral ones, as
    on a production worker: the corpus names no path of the machine that captured it."""
    for local, neutral in (
        (os.path.realpath(sys.executable), "/usr/local/bin/python3"),
        (sys.executable, "/usr/local/bin/python3"),
        (str(Path.home()), "/home/worker"),
    ):
        message = message.replace(local, neutral)
    return message


@dataclass
class Corpus:
    rows: list[dict[str, Any]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    _counts: dict[str, int] = field(default_factory=dict)

    def add(
        self,
        template_id: str,
        family: str,
        category: str,
        activity: str,
        trigger: Callable[[], object],
        *,
        source: str,
        code: int | None = 500,
        details: dict[str, Any] | None = None,
        wrap: str | None = None,
        wrap_message: Callable[[BaseException], str] | None = None,
        ambiguous: bool = False,
        split: str | None = None,
        alt_category: str | None = None,
    ) -> None:
        """Run `trigger`, which must raise; record what the real library said."""
        try:
            trigger()
        except Exception as exc:  # noqa: BLE001 - capturing any library error is the point
            name, message = type(exc).__name__, str(exc)
            if wrap is not None:
                name = wrap
                message = wrap_message(exc) if wrap_message else message
        else:
            self.missed.append(f"{template_id} in {activity}: no exception raised")
            return
        message = without_local_paths(message)
        n = self._counts.get(template_id, 0) + 1
        self._counts[template_id] = n
        self.rows.append(
            {
                "id": f"{template_id}-{n:02d}",
                "family": family,
                "template_id": template_id,
                "exception": name,
                "message": message,
                "activity_name": activity,
                "code": code,
                "details": details or {},
                "category": category,
                "ambiguous": ambiguous,
                "alt_category": alt_category,
                "source": source,
                "split": split or split_for(template_id),
            }
        )

    def add_row(self, row: dict[str, Any]) -> None:
        n = self._counts.get(row["template_id"], 0) + 1
        self._counts[row["template_id"]] = n
        row["id"] = f"{row['template_id']}-{n:02d}"
        row["split"] = split_for(row["template_id"])
        self.rows.append(row)


def split_for(template_id: str) -> str:
    digest = int(hashlib.sha1(template_id.encode()).hexdigest(), 16)
    return "holdout" if digest % HOLDOUT_EVERY == 0 else "train"


def raise_(exc: BaseException) -> None:
    raise exc


# =========================================================================== DuckDB


def duckdb_family(c: Corpus, tmp: Path) -> None:
    import duckdb

    src = version("duckdb")

    def run(sql: str, setup: str = "", config: dict[str, Any] | None = None) -> Callable[[], Any]:
        def go() -> Any:
            con = duckdb.connect(config=config or {})
            try:
                if setup:
                    con.execute(setup)
                return con.execute(sql).fetchall()
            finally:
                con.close()

        return go

    orders = (
        "create table orders(order_id integer primary key, customer_id varchar not null, "
        "amount decimal(12,2), order_date date, tenant_id bigint)"
    )
    for act, col in [
        ("TRANSFORM :: SQL", "customer_name"),
        ("TRANSFORM :: SQL aggregate invoices", "invoice_total"),
        ("LOAD :: DuckDB staging", "supplier_code"),
        ("TRANSFORM :: SQL join suppliers", "vat_number"),
    ]:
        c.add(
            "duckdb.binder.column_not_found",
            "duckdb.binder",
            WE,
            act,
            run(f"select order_id, {col} from orders", orders),
            source=src,
            ambiguous=True,
            alt_category=IDQ,
        )
    for act, fn in [
        ("TRANSFORM :: SQL", "to_json_string"),
        ("TRANSFORM :: SQL currency", "convert_currency"),
        ("TRANSFORM :: SQL dates", "date_trunc_month"),
    ]:
        c.add(
            "duckdb.catalog.function_missing",
            "duckdb.catalog",
            WE,
            act,
            run(f"select {fn}(amount) from orders", orders),
            source=src,
        )
    for act, args in [
        ("TRANSFORM :: SQL", "substring(order_id, 1, 2, 3)"),
        ("TRANSFORM :: SQL normalise names", "lower(order_id, customer_id)"),
        ("TRANSFORM :: SQL dates", "date_part(order_date)"),
    ]:
        c.add(
            "duckdb.binder.no_function_match",
            "duckdb.binder",
            WE,
            act,
            run(f"select {args} from orders", orders),
            source=src,
        )
    for act, col in [
        ("TRANSFORM :: SQL join suppliers", "customer_id"),
        ("TRANSFORM :: SQL merge orders", "amount"),
        ("TRANSFORM :: SQL", "tenant_id"),
    ]:
        c.add(
            "duckdb.binder.ambiguous_column",
            "duckdb.binder",
            WE,
            act,
            run(
                f"select {col} from orders a join orders b using (order_id)"
                f" join orders c on c.order_id = a.order_id",
                orders,
            ),
            source=src,
        )
    for act, value, typ in [
        ("TRANSFORM :: SQL", "abc", "integer"),
        ("LOAD :: DuckDB staging", "12,50", "decimal(12,2)"),
        ("READ :: SFTP invoices (tenant 44660227)", "N/A", "bigint"),
        ("TRANSFORM :: SQL cast amounts", "1.234.567", "double"),
    ]:
        c.add(
            "duckdb.conversion.cast_string",
            "duckdb.conversion",
            IDQ,
            act,
            run(f"select cast('{value}' as {typ})"),
            source=src,
        )
    for act, value in [
        ("TRANSFORM :: SQL dates", "2024-13-45"),
        ("READ :: SFTP invoices (tenant 44660227)", "2023-02-30"),
        ("TRANSFORM :: SQL", "1999-00-12"),
    ]:
        c.add(
            "duckdb.conversion.date_range",
            "duckdb.conversion",
            IDQ,
            act,
            run(f"select cast('{value}' as date)"),
            source=src,
        )
    for act, value, typ in [
        ("LOAD :: DuckDB staging", 100000, "smallint"),
        ("TRANSFORM :: SQL", 300, "tinyint"),
        ("TRANSFORM :: SQL quantities", 5000000000, "integer"),
    ]:
        c.add(
            "duckdb.conversion.out_of_range",
            "duckdb.conversion",
            IDQ,
            act,
            run(f"select cast({value} as {typ})"),
            source=src,
        )
    for act, sql in [
        ("TRANSFORM :: SQL", "selct * from orders"),
        ("TRANSFORM :: SQL custom report", "select order_id, from orders where"),
        ("TRANSFORM :: SQL tenant filter", "select * from orders where tenant_id = = 4"),
        ("TRANSFORM :: SQL", "select * from orders limit"),
    ]:
        c.add(
            "duckdb.parser.syntax",
            "duckdb.parser",
            IDQ,
            act,
            run(sql, orders),
            source=src,
            ambiguous=True,
            alt_category=WE,
        )
    for act, table in [
        ("TRANSFORM :: SQL", "stg_invoices"),
        ("LOAD :: DuckDB staging", "dim_suppliers_v2"),
        ("TRANSFORM :: SQL join suppliers", "supplier_master"),
    ]:
        c.add(
            "duckdb.catalog.table_missing",
            "duckdb.catalog",
            WE,
            act,
            run(f"select * from {table}", orders),
            source=src,
            ambiguous=True,
            alt_category=IDQ,
        )
    for act, path in [
        ("READ :: SFTP invoices (tenant 44660227)", "/data/tenants/44660227/in/invoices_*.csv"),
        ("READ :: Local CSV suppliers", "/data/tenants/12093311/in/suppliers.csv"),
        ("READ :: Parquet orders", "/data/tenants/77120034/in/orders/2024-06-*.parquet"),
    ]:
        reader = "read_parquet" if path.endswith("parquet") else "read_csv"
        c.add(
            "duckdb.io.no_files",
            "duckdb.io",
            IDQ,
            act,
            run(f"select * from {reader}('{path}')"),
            source=src,
            ambiguous=True,
            alt_category=TPS,
        )
    os.chdir(tmp)  # relative paths keep the captured messages stable across runs
    for d in ("tenants/44660227/in", "tenants/12093311/in", "tenants/31337001/in"):
        Path(d).mkdir(parents=True, exist_ok=True)
    csvs = []
    for i, content in enumerate(
        ["a,b\n1,x\n2,y,z\n", "id;name\n1;a;b;c\n2\n", "x,y\n1\n1,2,3,4\n"]
    ):
        p = Path(
            [
                "tenants/44660227/in/invoices_0601.csv",
                "tenants/12093311/in/suppliers.csv",
                "tenants/31337001/in/payments_0042.csv",
            ][i]
        )
        p.write_text(content)
        csvs.append(p)
    for act, p in zip(
        [
            "READ :: SFTP invoices (tenant 44660227)",
            "READ :: Local CSV suppliers",
            "READ :: SFTP payments (tenant 31337001)",
        ],
        csvs,
        strict=True,
    ):
        c.add(
            "duckdb.invalid_input.csv_sniff",
            "duckdb.invalid_input",
            IDQ,
            act,
            run(
                f"select * from read_csv('{p}', delim=',', header=true, "
                "columns={'a':'INTEGER','b':'VARCHAR'})"
            ),
            source=src,
        )
    for i, (act, content) in enumerate(
        [
            ("READ :: JSON orders", '{"a": 1, "b": }'),
            ("EXTRACT :: Ivalua Suppliers", '[{"id": 1}, {"id": 2,,}]'),
            ("READ :: SFTP invoices (tenant 44660227)", '{"invoice": "INV-1", "lines": [1, 2'),
        ]
    ):
        p = Path(f"tenants/44660227/in/orders_{i + 1:03d}.json")
        p.write_text(content)
        cat = TPS if act.startswith("EXTRACT") else IDQ
        c.add(
            "duckdb.invalid_input.malformed_json",
            "duckdb.invalid_input",
            cat,
            act,
            run(f"select * from read_json('{p}')"),
            source=src,
        )
    for act, value, fmt in [
        ("TRANSFORM :: SQL dates", "2024/01/01", "%Y-%m-%d"),
        ("READ :: SFTP invoices (tenant 44660227)", "31.12.2023", "%Y-%m-%d"),
        ("TRANSFORM :: SQL", "12-31-2023", "%d-%m-%Y"),
    ]:
        c.add(
            "duckdb.invalid_input.strptime",
            "duckdb.invalid_input",
            IDQ,
            act,
            run(f"select strptime('{value}', '{fmt}')"),
            source=src,
        )
    for act in ["TRANSFORM :: Python pandas", "LOAD :: DuckDB staging", "TRANSFORM :: SQL"]:
        import pandas as pd

        c.add(
            "duckdb.invalid_input.empty_dataframe",
            "duckdb.invalid_input",
            IDQ,
            act,
            lambda: duckdb.from_df(pd.DataFrame()),
            source=src,
            ambiguous=True,
            alt_category=WE,
        )
    for act, ids in [
        ("LOAD :: DuckDB staging", (7, 7)),
        ("LOAD :: DuckDB orders", (1042, 1042)),
        ("TRANSFORM :: SQL dedupe", (99812, 99812)),
    ]:
        c.add(
            "duckdb.constraint.duplicate_key",
            "duckdb.constraint",
            IDQ,
            act,
            run(
                f"insert into orders values ({ids[0]}, 'c', 1, null, 1), "
                f"({ids[1]}, 'd', 2, null, 1)",
                orders,
            ),
            source=src,
        )
    for act, table, col in [
        ("LOAD :: DuckDB staging", "suppliers", "supplier_code"),
        ("LOAD :: DuckDB orders", "orders", "customer_id"),
        ("LOAD :: DuckDB invoices", "invoices", "invoice_no"),
    ]:
        setup = f"create table {table}(id integer, {col} varchar not null)"
        c.add(
            "duckdb.constraint.not_null",
            "duckdb.constraint",
            IDQ,
            act,
            run(f"insert into {table} values (1, null)", setup),
            source=src,
        )
    for act, limit, rows in [
        ("TRANSFORM :: SQL aggregate invoices", "10MB", 10_000_000),
        ("TRANSFORM :: SQL", "20MB", 20_000_000),
        ("LOAD :: DuckDB staging", "16MB", 15_000_000),
    ]:
        c.add(
            "duckdb.oom.allocate",
            "duckdb.oom",
            WE,
            act,
            run(
                f"select list(range) from range({rows}) group by range % 3",
                config={"memory_limit": limit, "threads": 1},
            ),
            source=src,
        )


# =========================================================================== pandas


def pandas_family(c: Corpus, tmp: Path) -> None:
    import io

    import pandas as pd

    src = version("pandas")
    df = pd.DataFrame({"invoice_id": [1, 2], "amount": ["10.5", "abc"], "supplier": ["a", "b"]})
    for act, col in [
        ("TRANSFORM :: Python pandas", "customer_id"),
        ("READ :: SFTP invoices (tenant 44660227)", "InvoiceNumber"),
        ("TRANSFORM :: Python enrich suppliers", "vat_no"),
        ("READ :: Local CSV suppliers", "Supplier Code"),
    ]:
        c.add(
            "pandas.key_error.column",
            "pandas.key_error",
            IDQ,
            act,
            lambda col=col: df[col],
            source=src,
            ambiguous=True,
            alt_category=WE,
        )
    for act, cols in [
        ("TRANSFORM :: Python pandas", ["cost_center", "project"]),
        ("READ :: SFTP payments (tenant 31337001)", ["PaymentDate", "Amount"]),
        ("TRANSFORM :: Python enrich suppliers", ["org_no"]),
    ]:
        c.add(
            "pandas.key_error.columns_not_in_index",
            "pandas.key_error",
            IDQ,
            act,
            lambda cols=cols: df[cols],
            source=src,
        )
    for act, value in [
        ("TRANSFORM :: Python pandas", "abc"),
        ("READ :: SFTP invoices (tenant 44660227)", "12,50 NOK"),
        ("TRANSFORM :: Python amounts", "n/a"),
    ]:
        c.add(
            "pandas.value_error.float_parse",
            "pandas.value_error",
            IDQ,
            act,
            lambda value=value: pd.Series(["1.0", value]).astype(float),
            source=src,
        )
    for act, value in [
        ("TRANSFORM :: Python pandas", "abc"),
        ("TRANSFORM :: Python amounts", "1 234"),
        ("READ :: Local CSV suppliers", "--"),
    ]:
        c.add(
            "pandas.value_error.to_numeric",
            "pandas.value_error",
            IDQ,
            act,
            lambda value=value: pd.to_numeric(pd.Series(["1", "2", value])),
            source=src,
        )
    for act, value in [
        ("TRANSFORM :: Python dates", "2024-13-01"),
        ("READ :: SFTP invoices (tenant 44660227)", "31/02/2024"),
        ("TRANSFORM :: Python pandas", "yesterday"),
    ]:
        c.add(
            "pandas.value_error.datetime_format",
            "pandas.value_error",
            IDQ,
            act,
            lambda value=value: pd.to_datetime(pd.Series(["2024-01-01", value]), format="%Y-%m-%d"),
            source=src,
        )
    for act, n in [
        ("TRANSFORM :: Python pandas", 3),
        ("TRANSFORM :: Python enrich suppliers", 5),
        ("TRANSFORM :: Python amounts", 1),
    ]:

        def assign(n: int = n) -> None:
            frame = df.copy()
            frame["new"] = list(range(n))

        c.add(
            "pandas.value_error.length_mismatch",
            "pandas.value_error",
            WE,
            act,
            assign,
            source=src,
            ambiguous=True,
            alt_category=IDQ,
        )
    for act, name in [
        ("READ :: SFTP invoices (tenant 44660227)", "invoices_20240601.csv"),
        ("READ :: Local CSV suppliers", "suppliers.csv"),
        ("READ :: SFTP payments (tenant 31337001)", "payments_0042.csv"),
    ]:
        p = tmp / name
        p.write_text("")
        c.add(
            "pandas.empty_data",
            "pandas.empty_data",
            IDQ,
            act,
            lambda p=p: pd.read_csv(p),
            source=src,
        )
    for act in ["EXTRACT :: Ivalua Suppliers", "EXTRACT :: Ivalua Contracts export"]:
        c.add(
            "pandas.empty_data",
            "pandas.empty_data",
            TPS,
            act,
            lambda: pd.read_csv(io.StringIO("")),
            source=src,
        )
    for act, text in [
        ("READ :: SFTP invoices (tenant 44660227)", "a,b,c\n1,2,3\n4,5,6,7\n"),
        ("READ :: Local CSV suppliers", "id,name\n1,x\n2,y\n3,z,w\n"),
        ("READ :: SFTP payments (tenant 31337001)", "x\n1\n2\n3\n4\n5\n6,7\n"),
    ]:
        c.add(
            "pandas.parser.tokenizing",
            "pandas.parser",
            IDQ,
            act,
            lambda text=text: pd.read_csv(io.StringIO(text)),
            source=src,
        )
    right = pd.DataFrame({"invoice_id": [1, 1], "x": [1, 2]})
    for act, key in [
        ("TRANSFORM :: Python pandas", "invoice_id"),
        ("TRANSFORM :: Python enrich suppliers", "invoice_id"),
        ("TRANSFORM :: Python merge payments", "invoice_id"),
    ]:
        c.add(
            "pandas.merge.not_one_to_one",
            "pandas.merge",
            IDQ,
            act,
            lambda key=key: df.merge(right, on=key, validate="one_to_one"),
            source=src,
        )
    for act, key in [
        ("TRANSFORM :: Python pandas", "supplier"),
        ("TRANSFORM :: Python enrich suppliers", "amount"),
        ("TRANSFORM :: Python merge payments", "supplier"),
    ]:
        other = pd.DataFrame({key: [1, 2], "y": [3, 4]})
        c.add(
            "pandas.merge.dtype_mismatch",
            "pandas.value_error",
            WE,
            act,
            lambda key=key, other=other: df.merge(other, on=key),
            source=src,
            ambiguous=True,
            alt_category=IDQ,
        )


# =========================================================================== HTTP clients


STATUS_CATEGORY = {401: TPS, 403: TPS, 404: TPS, 429: TPS, 500: TPS, 502: TPS, 503: TPS, 504: TPS}

HTTP_ACTIVITIES = [
    ("EXTRACT :: Ivalua Suppliers", "/api/v2/suppliers?page={n}"),
    ("SUBMIT :: Xledger", "/graphql?op=AddInvoice{n}"),
    ("EXTRACT :: Tripletex ledger", "/v2/ledger/voucher/{n}"),
    ("EXTRACT :: Visma customers", "/api/v1/customers/{n}"),
]


def http_family(c: Corpus, tmp: Path) -> None:
    import httpx
    import requests

    hx, rq = version("httpx"), version("requests")
    with srv.http_server() as (base, _canned):
        for status in sorted(STATUS_CATEGORY):
            for i, (act, path) in enumerate(HTTP_ACTIVITIES[:3]):
                url = base + f"/status/{status}" + path.format(n=1000 + 37 * i + status)
                amb = status == 404
                c.add(
                    f"httpx.status.{status}",
                    "http.status",
                    STATUS_CATEGORY[status],
                    act,
                    lambda url=url: httpx.get(url).raise_for_status(),
                    source=hx,
                    code=status,
                    ambiguous=amb,
                    alt_category=IDQ if amb else None,
                )
            for i, (act, path) in enumerate(HTTP_ACTIVITIES[1:]):
                url = base + f"/status/{status}" + path.format(n=2000 + 53 * i + status)
                amb = status == 404
                c.add(
                    f"requests.status.{status}",
                    "http.status",
                    STATUS_CATEGORY[status],
                    act,
                    lambda url=url: requests.get(url, timeout=5).raise_for_status(),
                    source=rq,
                    code=status,
                    ambiguous=amb,
                    alt_category=IDQ if amb else None,
                )
        # Calls to the platform's own internal dataset service: the platform failed.
        for i, act in enumerate(
            [
                "READ :: Dataset invoices",
                "WRITE :: Dataset suppliers",
                "READ :: Dataset payments (tenant 31337001)",
            ]
        ):
            url = base + f"/status/500/internal/datasets/{9000 + i * 17}/rows"
            wrap = "WriteException" if act.startswith("WRITE") else "ReadException"
            c.add(
                "platform.dataset_service.500",
                "workflow.internal_http",
                WE,
                act,
                lambda url=url: httpx.get(url).raise_for_status(),
                source=hx,
                wrap=wrap,
            )

    with srv.silent_server() as port:
        for i, (act, path) in enumerate(HTTP_ACTIVITIES):
            url = f"http://{srv.LOOPBACK}:{port}" + path.format(n=i)
            c.add(
                "httpx.read_timeout",
                "http.timeout",
                TPS,
                act,
                lambda url=url: httpx.get(url, timeout=0.3),
                source=hx,
                code=None,
            )
        for i, (act, path) in enumerate(HTTP_ACTIVITIES[:3]):
            url = f"http://{srv.LOOPBACK}:{port}" + path.format(n=i)
            c.add(
                "requests.read_timeout",
                "http.timeout",
                TPS,
                act,
                lambda url=url, t=(0.2, 0.3, 0.4)[i]: requests.get(url, timeout=t),
                source=rq,
                code=None,
            )
    with srv.full_backlog_server() as port:
        for i, (act, path) in enumerate(HTTP_ACTIVITIES[:3]):
            url = f"http://{srv.LOOPBACK}:{port}" + path.format(n=i)
            c.add(
                "httpx.connect_timeout",
                "http.timeout",
                TPS,
                act,
                lambda url=url: httpx.get(url, timeout=0.4),
                source=hx,
                code=None,
            )
            c.add(
                "requests.connect_timeout",
                "http.timeout",
                TPS,
                act,
                lambda url=url: requests.get(url, timeout=0.4),
                source=rq,
                code=None,
            )
    for i, (act, path) in enumerate(HTTP_ACTIVITIES):
        url = f"http://{srv.LOOPBACK}:{srv.closed_port()}" + path.format(n=i)
        c.add(
            "httpx.connect_refused",
            "http.connect",
            TPS,
            act,
            lambda url=url: httpx.get(url),
            source=hx,
            code=None,
        )
        c.add(
            "requests.connect_refused",
            "http.connect",
            TPS,
            act,
            lambda url=url: requests.get(url, timeout=2),
            source=rq,
            code=None,
        )
    context = srv.self_signed_context(tmp)
    with srv.http_server(context) as (base, _canned):
        for i, (act, path) in enumerate(HTTP_ACTIVITIES[:3]):
            url = base + "/status/200" + path.format(n=i)
            c.add(
                "httpx.tls_self_signed",
                "http.tls",
                TPS,
                act,
                lambda url=url: httpx.get(url),
                source=hx,
                code=None,
            )
            c.add(
                "requests.tls_self_signed",
                "http.tls",
                TPS,
                act,
                lambda url=url: requests.get(url, timeout=2),
                source=rq,
                code=None,
            )
    with srv.http_server() as (base, _canned):
        # Plain HTTP spoken to a TLS client: the real "wrong version number" handshake error.
        https_to_http = base.replace("http://", "https://")
        for i, (act, path) in enumerate(HTTP_ACTIVITIES[:3]):
            url = https_to_http + "/status/200" + path.format(n=i)
            c.add(
                "httpx.tls_wrong_version",
                "http.tls",
                WE,
                act,
                lambda url=url: httpx.get(url),
                source=hx,
                code=None,
                ambiguous=True,
                alt_category=TPS,
            )


def dns_child() -> list[dict[str, Any]]:
    """Runs inside a private network namespace whose resolver is a local NXDOMAIN server."""
    import httpx
    import requests

    c = Corpus()
    hosts = [
        ("EXTRACT :: Ivalua Suppliers", "acme-prod.ivalua-tenant.invalid"),
        ("SUBMIT :: Xledger", "xledger-api-44660227.invalid"),
        ("EXTRACT :: Visma customers", "erp.customer-12093311.invalid"),
    ]
    with srv.nxdomain_dns_server():
        for act, host in hosts:
            c.add(
                "httpx.dns_unknown_host",
                "http.dns",
                TPS,
                act,
                lambda host=host: httpx.get(f"https://{host}/api"),
                source=version("httpx"),
                code=None,
                ambiguous=True,
                alt_category=IDQ,
            )
            c.add(
                "requests.dns_unknown_host",
                "http.dns",
                TPS,
                act,
                lambda host=host: requests.get(f"https://{host}/api", timeout=2),
                source=version("requests"),
                code=None,
                ambiguous=True,
                alt_category=IDQ,
            )
    return c.rows


def dns_family(c: Corpus) -> None:
    """DNS look-ups never leave the machine: a child process gets its own network namespace
    (loopback only) and a resolv.conf pointing at an NXDOMAIN server on 127.0.0.1."""
    resolv = Path(tempfile.mkdtemp()) / "resolv.conf"
    resolv.write_text("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
    script = (
        f"mount --bind {resolv} /etc/resolv.conf && ip link set lo up 2>/dev/null || "
        f"ifconfig lo up 2>/dev/null; exec {sys.executable} {Path(__file__).resolve()} --dns-child"
    )
    try:
        out = subprocess.run(
            ["unshare", "--mount", "--net", "sh", "-c", script],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        c.missed.append(f"DNS family skipped (needs unshare as root): {exc}")
        return
    for row in json.loads(out):
        c.add_row(row)


# ====================================================================== JSON, unicode, pydantic


def parsing_family(c: Corpus) -> None:
    import pydantic

    py = python_source()
    for act in [
        "READ :: SFTP invoices (tenant 44660227)",
        "READ :: JSON orders",
        "READ :: SFTP payments (tenant 31337001)",
    ]:
        c.add("json.expecting_value", "json.decode", IDQ, act, lambda: json.loads(""), source=py)
    for act in [
        "EXTRACT :: Ivalua Suppliers",
        "EXTRACT :: Tripletex ledger",
        "EXTRACT :: Visma customers",
    ]:
        c.add(
            "json.expecting_value",
            "json.decode",
            TPS,
            act,
            lambda: json.loads("<html><body>Maintenance</body></html>"),
            source=py,
        )
    for act, doc in [
        ("READ :: JSON orders", '{"id": 1 "name": "x"}'),
        (
            "READ :: SFTP invoices (tenant 44660227)",
            '[\n  {"invoice": "INV-77"}\n  {"invoice": 2}]',
        ),
        ("READ :: JSON orders", '{"lines": [1, 2, 3 4]}'),
    ]:
        c.add(
            "json.expecting_delimiter",
            "json.decode",
            IDQ,
            act,
            lambda doc=doc: json.loads(doc),
            source=py,
        )
    for act, doc in [
        ("READ :: JSON orders", '{"id": 1}\n{"id": 2}'),
        ("READ :: SFTP invoices (tenant 44660227)", "[1, 2] [3]"),
        ("READ :: JSON suppliers", '{"a": "b"} trailing'),
    ]:
        c.add(
            "json.extra_data", "json.decode", IDQ, act, lambda doc=doc: json.loads(doc), source=py
        )
    for act, doc in [
        ("READ :: JSON orders", '{"name": "Acme'),
        ("READ :: SFTP invoices (tenant 44660227)", '[{"invoice": "INV-2024-0001'),
        ("READ :: JSON suppliers", '{"id": 1, "city": "Oslo'),
    ]:
        c.add(
            "json.unterminated_string",
            "json.decode",
            IDQ,
            act,
            lambda doc=doc: json.loads(doc),
            source=py,
        )
    for act, data in [
        (
            "READ :: SFTP invoices (tenant 44660227)",
            "Faktura nr 1;Bel\u00f8p 100".encode("latin-1"),
        ),
        ("READ :: Local CSV suppliers", b"id,name\n1,Caf\xe9 du Nord\n"),
        ("READ :: SFTP payments (tenant 31337001)", b"\xff\xfeI\x00D\x00"),
        ("READ :: Local CSV suppliers", b"name\n" + "S\u00e6ther AS".encode("cp1252")),
    ]:
        c.add(
            "unicode.decode_utf8",
            "unicode.decode",
            IDQ,
            act,
            lambda data=data: data.decode("utf-8"),
            source=py,
        )

    class InvoiceLine(pydantic.BaseModel):
        invoice_no: str
        amount: float
        due_date: pydantic.PastDate | None = None

    class Supplier(pydantic.BaseModel):
        supplier_code: str
        org_no: int

    ps = version("pydantic")
    for act, model, data in [
        ("READ :: SFTP invoices (tenant 44660227)", InvoiceLine, {"invoice_no": "INV-1"}),
        ("EXTRACT :: Ivalua Suppliers", Supplier, {"org_no": 998877665}),
        ("READ :: JSON orders", InvoiceLine, {"amount": 10}),
    ]:
        cat = TPS if act.startswith("EXTRACT") else IDQ
        c.add(
            "pydantic.missing_field",
            "pydantic.validation",
            cat,
            act,
            lambda model=model, data=data: model.model_validate(data),
            source=ps,
            ambiguous=cat == TPS,
            alt_category=IDQ if cat == TPS else None,
        )
    for act, value in [
        ("READ :: SFTP invoices (tenant 44660227)", "12,50"),
        ("READ :: JSON orders", "ten"),
        ("READ :: SFTP payments (tenant 31337001)", "1 000.00"),
    ]:
        c.add(
            "pydantic.float_parsing",
            "pydantic.validation",
            IDQ,
            act,
            lambda value=value: InvoiceLine.model_validate({"invoice_no": "X", "amount": value}),
            source=ps,
        )
    for act, value in [
        ("READ :: SFTP invoices (tenant 44660227)", "2024-02-30"),
        ("READ :: JSON orders", "next friday"),
        ("READ :: SFTP payments (tenant 31337001)", "31.12.2023"),
    ]:
        c.add(
            "pydantic.date_invalid",
            "pydantic.validation",
            IDQ,
            act,
            lambda value=value: InvoiceLine.model_validate(
                {"invoice_no": "X", "amount": 1, "due_date": value}
            ),
            source=ps,
        )
    for act, value in [
        ("EXTRACT :: Ivalua Suppliers", "NO998877665MVA"),
        ("READ :: Local CSV suppliers", "99887766S"),
        ("READ :: JSON suppliers", "unknown"),
    ]:
        c.add(
            "pydantic.int_parsing",
            "pydantic.validation",
            IDQ,
            act,
            lambda value=value: Supplier.model_validate({"supplier_code": "S1", "org_no": value}),
            source=ps,
        )


# =========================================================================== S3 / boto3


S3_ERRORS = {
    # bucket prefix -> (HTTP status, S3 error code, message) as S3 documents them
    "denied": (403, "AccessDenied", "Access Denied"),
    "slow": (503, "SlowDown", "Please reduce your request rate."),
    "internal": (500, "InternalError", "We encountered an internal error. Please try again."),
    "expired": (400, "ExpiredToken", "The provided token has expired."),
}


def s3_family(c: Corpus) -> None:
    import boto3
    import botocore.config
    from moto import mock_aws

    src = version("botocore")
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-north-1")
        s3.create_bucket(
            Bucket="tenant-44660227-in",
            CreateBucketConfiguration={"LocationConstraint": "eu-north-1"},
        )
        keys = [
            ("READ :: S3", "in/invoices/2024-06-01.parquet"),
            ("READ :: S3 parquet", "in/orders/part-00017.parquet"),
            ("READ :: S3 suppliers", "exports/suppliers_20240601.csv"),
            ("READ :: S3", "in/payments/batch-4412.json"),
        ]
        for act, key in keys:
            c.add(
                "s3.head_object_404",
                "s3.client_error",
                IDQ,
                act,
                lambda key=key: s3.head_object(Bucket="tenant-44660227-in", Key=key),
                source=src,
                code=404,
                ambiguous=True,
                alt_category=WE,
            )
            c.add(
                "s3.head_object_404_wrapped",
                "s3.client_error",
                IDQ,
                act,
                lambda key=key: s3.head_object(Bucket="tenant-44660227-in", Key=key),
                source=src,
                code=500,
                wrap="ReadException",
                ambiguous=True,
                alt_category=WE,
            )
        for act, key in keys[:3]:
            c.add(
                "s3.no_such_key",
                "s3.client_error",
                IDQ,
                act,
                lambda key=key: s3.get_object(Bucket="tenant-44660227-in", Key=key),
                source=src,
                code=404,
                ambiguous=True,
                alt_category=WE,
            )
        for act, bucket in [
            ("READ :: S3", "tenant-99120033-in"),
            ("LOAD :: S3 parquet", "tenant-31337001-out"),
            ("READ :: S3 suppliers", "acme-exports-prod"),
        ]:
            c.add(
                "s3.no_such_bucket",
                "s3.client_error",
                IDQ,
                act,
                lambda bucket=bucket: s3.list_objects_v2(Bucket=bucket),
                source=src,
                code=404,
                ambiguous=True,
                alt_category=TPS,
            )

    # S3-compatible endpoint on 127.0.0.1 returning S3's documented XML error bodies; botocore
    # parses them exactly as it parses AWS's.
    with srv.http_server() as (base, canned):
        cfg = botocore.config.Config(
            retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"}
        )
        client = boto3.client("s3", endpoint_url=base, region_name="eu-north-1", config=cfg)
        for prefix, (status, code, message) in S3_ERRORS.items():
            body = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f"<Error><Code>{code}</Code><Message>{message}</Message>"
                "<RequestId>4442587FB7D0A2F9</RequestId></Error>"
            )
            canned.put(prefix, status, body, "application/xml")
            cat = WE if prefix == "expired" else TPS
            for act, op, key in [
                ("READ :: S3", "get", "in/invoices/2024-06-01.parquet"),
                ("LOAD :: S3 parquet", "put", "out/orders/part-00003.parquet"),
                ("READ :: S3 suppliers", "list", ""),
                ("LOAD :: S3 parquet", "put", "out/invoices/2024/06/02/data.parquet"),
            ]:

                def call(op: str = op, key: str = key, prefix: str = prefix) -> Any:
                    bucket = "r"
                    full = f"{prefix}/{key}"
                    if op == "get":
                        return client.get_object(Bucket=bucket, Key=full)
                    if op == "put":
                        return client.put_object(Bucket=bucket, Key=full, Body=b"x")
                    return client.list_objects_v2(Bucket=prefix, Prefix="in/")

                wrap = None if act.startswith("READ") else "WriteException"
                c.add(
                    f"s3.{code.lower()}",
                    "s3.client_error",
                    cat,
                    act,
                    call,
                    source=src,
                    code=status,
                    wrap=wrap,
                )
        for act, key in [
            ("READ :: S3", "in/a.parquet"),
            ("READ :: S3 parquet", "in/b.parquet"),
            ("READ :: S3 suppliers", "exports/c.csv"),
        ]:
            canned.put("forbidden", 403)
            c.add(
                "s3.head_object_403",
                "s3.client_error",
                TPS,
                act,
                lambda key=key: client.head_object(Bucket="r", Key=f"forbidden/{key}"),
                source=src,
                code=403,
            )
    for act in ["READ :: S3", "LOAD :: S3 parquet", "READ :: S3 suppliers"]:
        port = srv.closed_port()
        client = boto3.client(
            "s3",
            endpoint_url=f"http://{srv.LOOPBACK}:{port}",
            region_name="eu-north-1",
            config=botocore.config.Config(retries={"max_attempts": 1}),
        )
        c.add(
            "s3.endpoint_connection",
            "s3.connection",
            TPS,
            act,
            lambda client=client: client.list_objects_v2(Bucket="tenant-data"),
            source=src,
            code=None,
        )
    saved = {
        k: os.environ.pop(k)
        for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
        if k in os.environ
    }
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent-credentials"
    os.environ["AWS_CONFIG_FILE"] = "/nonexistent-config"
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    try:
        for act in ["READ :: S3", "LOAD :: S3 parquet", "READ :: S3 suppliers"]:
            client = boto3.Session().client(
                "s3", region_name="eu-north-1", endpoint_url=f"http://{srv.LOOPBACK}:1"
            )
            c.add(
                "s3.no_credentials",
                "s3.credentials",
                WE,
                act,
                lambda client=client: client.list_buckets(),
                source=src,
                code=None,
            )
    finally:
        os.environ.update(saved)


# =========================================================================== FTP / SFTP


def ftp_family(c: Corpus, tmp: Path) -> None:
    import ftplib

    import paramiko

    py = python_source()
    root = tmp / "ftp"
    (root / "in").mkdir(parents=True)
    with srv.ftp_server(root, "tenant", "secret") as port:
        for act, user in [
            ("READ :: FTP invoices (tenant 44660227)", "tenant44660227"),
            ("READ :: FTP payments (tenant 31337001)", "svc_payments"),
            ("READ :: FTP bank statements", "bank_sync"),
        ]:

            def login(user: str = user) -> None:
                with ftplib.FTP() as ftp:
                    ftp.connect(srv.LOOPBACK, port, timeout=5)
                    ftp.login(user, "wrong-password")

            c.add(
                "ftp.login_incorrect",
                "ftp.error_perm",
                TPS,
                act,
                login,
                source=py,
                ambiguous=True,
                alt_category=IDQ,
            )
        for act, name in [
            ("READ :: FTP invoices (tenant 44660227)", "in/INV_20240601.xml"),
            ("READ :: FTP payments (tenant 31337001)", "in/pay-0042.csv"),
            ("READ :: FTP bank statements", "in/camt053_2024-06-02.xml"),
        ]:

            def retr(name: str = name) -> None:
                with ftplib.FTP() as ftp:
                    ftp.connect(srv.LOOPBACK, port, timeout=5)
                    ftp.login("tenant", "secret")
                    ftp.retrbinary(f"RETR {name}", lambda _b: None)

            c.add(
                "ftp.file_missing",
                "ftp.error_perm",
                IDQ,
                act,
                retr,
                source=py,
                ambiguous=True,
                alt_category=TPS,
            )
    for act in [
        "READ :: FTP invoices (tenant 44660227)",
        "READ :: FTP payments (tenant 31337001)",
        "READ :: FTP bank statements",
    ]:
        port = srv.closed_port()
        c.add(
            "ftp.connect_refused",
            "ftp.connect",
            TPS,
            act,
            lambda port=port: ftplib.FTP().connect(srv.LOOPBACK, port, timeout=2),
            source=py,
            code=None,
        )
    with srv.silent_server() as port:
        for act in [
            "READ :: FTP invoices (tenant 44660227)",
            "READ :: FTP payments (tenant 31337001)",
            "READ :: FTP bank statements",
        ]:
            c.add(
                "ftp.timeout",
                "ftp.timeout",
                TPS,
                act,
                lambda: ftplib.FTP().connect(srv.LOOPBACK, port, timeout=0.3),
                source=py,
                code=None,
            )

    pk = version("paramiko")
    sftp_acts = [
        "READ :: SFTP invoices (tenant 44660227)",
        "READ :: SFTP payments (tenant 31337001)",
        "READ :: SFTP supplier master",
    ]
    for act in sftp_acts:
        port = srv.closed_port()

        def connect(port: int = port) -> None:
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            try:
                client.connect(
                    srv.LOOPBACK,
                    port=port,
                    username="tenant",
                    password="x",
                    timeout=2,
                    allow_agent=False,
                    look_for_keys=False,
                )
            finally:
                client.close()

        c.add("sftp.unable_to_connect", "sftp.connect", TPS, act, connect, source=pk, code=None)
    with srv.garbage_server(b"HTTP/1.1 400 Bad Request\r\n\r\n") as port:
        for act in sftp_acts:

            def banner(port: int = port) -> None:
                client = paramiko.SSHClient()
                client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
                try:
                    client.connect(
                        srv.LOOPBACK,
                        port=port,
                        username="tenant",
                        password="x",
                        timeout=2,
                        banner_timeout=1,
                        allow_agent=False,
                        look_for_keys=False,
                    )
                finally:
                    client.close()

            c.add("sftp.protocol_banner", "sftp.ssh", TPS, act, banner, source=pk, code=None)
    with srv.ssh_server_rejecting_passwords() as port:
        for act, user in zip(
            sftp_acts, ["tenant44660227", "svc_payments", "supplier_sync"], strict=True
        ):

            def auth(port: int = port, user: str = user) -> None:
                client = paramiko.SSHClient()
                client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
                try:
                    client.connect(
                        srv.LOOPBACK,
                        port=port,
                        username=user,
                        password="wrong",
                        timeout=5,
                        allow_agent=False,
                        look_for_keys=False,
                    )
                finally:
                    client.close()

            c.add(
                "sftp.auth_failed",
                "sftp.ssh",
                TPS,
                act,
                auth,
                source=pk,
                code=None,
                ambiguous=True,
                alt_category=IDQ,
            )


# =========================================================================== SOAP


WSDL = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"
  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:tns="http://example.invalid/invoices" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://example.invalid/invoices" name="InvoiceService">
  <types><xsd:schema targetNamespace="http://example.invalid/invoices">
    <xsd:element name="SubmitInvoice"><xsd:complexType><xsd:sequence>
      <xsd:element name="InvoiceNo" type="xsd:string"/>
      <xsd:element name="Amount" type="xsd:decimal"/>
    </xsd:sequence></xsd:complexType></xsd:element>
    <xsd:element name="SubmitInvoiceResponse"><xsd:complexType><xsd:sequence>
      <xsd:element name="Result" type="xsd:string"/>
    </xsd:sequence></xsd:complexType></xsd:element>
  </xsd:schema></types>
  <message name="SubmitIn"><part name="parameters" element="tns:SubmitInvoice"/></message>
  <message name="SubmitOut"><part name="parameters" element="tns:SubmitInvoiceResponse"/></message>
  <portType name="InvoicePort"><operation name="SubmitInvoice">
    <input message="tns:SubmitIn"/><output message="tns:SubmitOut"/></operation></portType>
  <binding name="InvoiceBinding" type="tns:InvoicePort">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="SubmitInvoice"><soap:operation soapAction="SubmitInvoice"/>
      <input><soap:body use="literal"/></input><output><soap:body use="literal"/></output>
    </operation></binding>
  <service name="InvoiceService"><port name="InvoicePort" binding="tns:InvoiceBinding">
    <soap:address location="{location}"/></port></service>
</definitions>"""

SOAP_FAULT = """<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body><soap:Fault><faultcode>{code}</faultcode><faultstring>{text}</faultstring>
  <detail/></soap:Fault></soap:Body></soap:Envelope>"""

SOAP_FAULTS = [
    # (key, faultcode, faultstring variants, category, wrapper exception name, alt)
    (
        "soap.auth_failed",
        "soap:Client",
        [
            "Authentication failed for user 'api_44660227'. Invalid username or password.",
            "Authentication failed for user 'svc_invoice_sync'. Invalid username or password.",
            "Authentication failed for user 'integration01'. Invalid username or password.",
        ],
        TPS,
        "AuthenticationError",
        IDQ,
    ),
    (
        "soap.server_null_reference",
        "soap:Server",
        [
            "Server was unable to process request. ---> Object reference not set to an instance "
            "of an object.",
            "Server was unable to process request. ---> Object reference not set to an instance "
            "of an object.",
            "Server was unable to process request. ---> Object reference not set to an instance "
            "of an object.",
        ],
        TPS,
        None,
        None,
    ),
    (
        "soap.validation_field",
        "soap:Client",
        [
            "Validation failed: field 'InvoiceDate' value '2024-13-01' is not a valid date",
            "Validation failed: field 'SupplierNo' value '' is required",
            "Validation failed: field 'Currency' value 'NOKK' is not a valid ISO 4217 code",
        ],
        IDQ,
        None,
        TPS,
    ),
    (
        "soap.session_expired",
        "soap:Client",
        [
            "Session 8f2c1e0a-77b1-4d0e-9a51-2c7f0e0d9b11 has expired. Please log in again.",
            "Session 0b9d1c22-3f0e-4a55-8c7e-1d2e3f4a5b6c has expired. Please log in again.",
            "Session 5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9 has expired. Please log in again.",
        ],
        TPS,
        "AuthenticationError",
        WE,
    ),
]


def soap_family(c: Corpus) -> None:
    import zeep
    import zeep.exceptions

    src = version("zeep")
    acts = [
        "SUBMIT :: SOAP invoices",
        "SUBMIT :: Agresso SOAP vouchers",
        "EXTRACT :: SOAP supplier register",
    ]
    with srv.http_server() as (base, canned):
        for key, code, texts, cat, wrap, alt in SOAP_FAULTS:
            for i, (act, text) in enumerate(zip(acts, texts, strict=True)):
                name = f"{key.replace('.', '_')}_{i}"
                canned.put(
                    f"{name}_wsdl", 200, WSDL.replace("{location}", f"{base}/r/{name}"), "text/xml"
                )
                canned.put(name, 500, SOAP_FAULT.format(code=code, text=text), "text/xml")
                client = zeep.Client(f"{base}/r/{name}_wsdl")
                c.add(
                    key,
                    "soap.fault",
                    cat,
                    act,
                    lambda client=client, i=i: client.service.SubmitInvoice(
                        InvoiceNo=f"INV-{i}", Amount=10
                    ),
                    source=src,
                    wrap=wrap,
                    ambiguous=alt is not None,
                    alt_category=alt,
                )
        for i, act in enumerate(acts):
            name = f"soap_html_{i}"
            canned.put(
                f"{name}_wsdl", 200, WSDL.replace("{location}", f"{base}/r/{name}"), "text/xml"
            )
            canned.put(
                name,
                (503, 502, 500)[i],
                "<html><body><h1>Service Unavailable</h1></body></html>",
                "text/html",
            )
            client = zeep.Client(f"{base}/r/{name}_wsdl")
            c.add(
                "soap.transport_html",
                "soap.transport",
                TPS,
                act,
                lambda client=client: client.service.SubmitInvoice(InvoiceNo="X", Amount=1),
                source=src,
                code=(503, 502, 500)[i],
            )


# =========================================================================== vendors


XLEDGER_ERRORS = [
    # template, category, alt, code, messages (one per variant)
    (
        "xledger.graphql.validation",
        IDQ,
        TPS,
        "BAD_USER_INPUT",
        [
            "Invalid value for field 'invoiceDate': '2024-13-01' is not a valid date.",
            "Invalid value for field 'amount': 'abc' is not a valid decimal.",
            "Invalid value for field 'currencyCode': 'NOKK' is not a valid currency.",
        ],
    ),
    (
        "xledger.graphql.not_found_ref",
        IDQ,
        None,
        "NOT_FOUND",
        [
            "Supplier with code 'SUP-10442' was not found.",
            "Account with code '3010' was not found.",
            "Project with code 'P-2024-77' was not found.",
        ],
    ),
    (
        "xledger.graphql.unauthorized",
        TPS,
        None,
        "AUTH_NOT_AUTHORIZED",
        [
            "You do not have access to entity 44660227.",
            "You do not have access to entity 12093311.",
            "You do not have access to entity 31337001.",
        ],
    ),
    (
        "xledger.graphql.rate_limited",
        TPS,
        None,
        "RATE_LIMITED",
        [
            "Rate limit exceeded: 1000 requests per 60 seconds. Retry after 17 seconds.",
            "Rate limit exceeded: 1000 requests per 60 seconds. Retry after 42 seconds.",
            "Rate limit exceeded: 500 requests per 60 seconds. Retry after 3 seconds.",
        ],
    ),
    (
        "xledger.graphql.unexpected",
        TPS,
        None,
        "INTERNAL_SERVER_ERROR",
        [
            "Unexpected Execution Error",
            "Unexpected Execution Error",
            "Unexpected Execution Error",
        ],
    ),
    (
        "xledger.graphql.unknown_field",
        WE,
        None,
        "GRAPHQL_VALIDATION_FAILED",
        [
            "The field `supplierNo` does not exist on the type `Supplier`.",
            "The field `dueDateUtc` does not exist on the type `ArTransaction`.",
            "The field `glAccountCode` does not exist on the type `Voucher`.",
        ],
    ),
]


def vendor_family(c: Corpus) -> None:
    import httpx
    import requests

    hx = version("httpx")
    x_acts = ["SUBMIT :: Xledger", "SUBMIT :: Xledger vouchers", "EXTRACT :: Xledger suppliers"]
    with srv.http_server() as (base, canned):
        for template, cat, alt, code, messages in XLEDGER_ERRORS:
            for i, (act, message) in enumerate(zip(x_acts, messages, strict=True)):
                body = {
                    "errors": [
                        {"message": message, "path": ["addInvoice"], "extensions": {"code": code}}
                    ],
                    "data": None,
                }
                key = canned.put(f"x{len(canned.responses)}", 200, json.dumps(body))

                def call(key: str = key) -> None:
                    resp = httpx.post(f"{base}/r/{key}", json={"query": "mutation { x }"})
                    payload = resp.json()
                    if payload.get("errors"):
                        raise platform("GraphQLException")(payload["errors"])

                # The platform's Xledger client raises GraphQLException(errors); the submit step
                # re-raises unknown ones as UnhandledXledgerException with the raw body.
                if i == 1:
                    c.add(
                        template,
                        "xledger.graphql",
                        cat,
                        act,
                        call,
                        source=f"{hx} + Xledger GraphQL body (modelled)",
                        wrap="UnhandledXledgerException",
                        wrap_message=lambda e: f"Unhandled Xledger error: {e}",
                        ambiguous=alt is not None,
                        alt_category=alt,
                        code=500,
                    )
                else:
                    c.add(
                        template,
                        "xledger.graphql",
                        cat,
                        act,
                        call,
                        source=f"{hx} + Xledger GraphQL body (modelled)",
                        ambiguous=alt is not None,
                        alt_category=alt,
                        code=500,
                    )

        iv_acts = [
            "EXTRACT :: Ivalua Suppliers",
            "EXTRACT :: Ivalua Contracts export",
            "SUBMIT :: Ivalua purchase orders",
        ]
        maintenance = (
            "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>"
            "<h1>Service Unavailable</h1><p>The Ivalua platform is under maintenance. "
            "Please try again later.</p></body></html>"
        )
        ivalua = [
            ("ivalua.http_503_html", TPS, None, 503, "text/html", [maintenance] * 3),
            (
                "ivalua.rest_500_exception",
                TPS,
                None,
                500,
                "application/json",
                [
                    json.dumps(
                        {
                            "Message": "An error has occurred.",
                            "ExceptionMessage": (
                                "Object reference not set to an instance of an object."
                            ),
                            "ExceptionType": "System.NullReferenceException",
                        }
                    ),
                    json.dumps(
                        {
                            "Message": "An error has occurred.",
                            "ExceptionMessage": (
                                "Timeout expired. The timeout period elapsed prior to "
                                "completion of the operation or the server is not responding."
                            ),
                            "ExceptionType": "System.Data.SqlClient.SqlException",
                        }
                    ),
                    json.dumps(
                        {
                            "Message": "An error has occurred.",
                            "ExceptionMessage": "Sequence contains no elements",
                            "ExceptionType": "System.InvalidOperationException",
                        }
                    ),
                ],
            ),
            (
                "ivalua.rest_400_model_state",
                IDQ,
                TPS,
                400,
                "application/json",
                [
                    json.dumps(
                        {
                            "Message": "The request is invalid.",
                            "ModelState": {"supplier.Code": ["The Code field is required."]},
                        }
                    ),
                    json.dumps(
                        {
                            "Message": "The request is invalid.",
                            "ModelState": {
                                "order.Lines[3].Quantity": [
                                    "The field Quantity must be between 1 and 99999."
                                ]
                            },
                        }
                    ),
                    json.dumps(
                        {
                            "Message": "The request is invalid.",
                            "ModelState": {
                                "contract.EndDate": ["The EndDate field must be after StartDate."]
                            },
                        }
                    ),
                ],
            ),
            (
                "ivalua.rest_429_quota",
                TPS,
                None,
                429,
                "application/json",
                [
                    json.dumps(
                        {
                            "statusCode": 429,
                            "message": f"Rate limit is exceeded. Try again in {n} seconds.",
                        }
                    )
                    for n in (12, 37, 58)
                ],
            ),
            (
                "ivalua.rest_401_token",
                TPS,
                IDQ,
                401,
                "application/json",
                [
                    json.dumps(
                        {
                            "error": "invalid_client",
                            "error_description": f"Client authentication failed for client "
                            f"'{cid}'.",
                        }
                    )
                    for cid in ("acme-prod-api", "tenant44660227", "ivalua-sync-02")
                ],
            ),
        ]
        for template, cat, alt, status, ctype, bodies in ivalua:
            for i, (act, body) in enumerate(zip(iv_acts, bodies, strict=True)):
                key = canned.put(f"iv{len(canned.responses)}", status, body, ctype)
                url = f"{base}/r/{key}/api/v1/{act.split()[-1].lower()}?page={i + 1}"

                def call(url: str = url) -> None:
                    resp = requests.get(url, timeout=5)
                    try:
                        resp.raise_for_status()
                    except requests.HTTPError as exc:
                        # The platform's Ivalua client appends the (truncated) response body.
                        raise requests.HTTPError(f"{exc} - {resp.text[:300]}") from exc

                c.add(
                    template,
                    "ivalua.http",
                    cat,
                    act,
                    call,
                    source=f"{version('requests')} + Ivalua body (modelled)",
                    code=status,
                    ambiguous=alt is not None,
                    alt_category=alt,
                )


# =========================================================================== Postgres


def postgres_family(c: Corpus) -> None:
    import psycopg2

    src = version("psycopg2-binary")
    acts = [
        "EXTRACT :: Postgres orders",
        "EXTRACT :: ERP database invoices",
        "LOAD :: Postgres warehouse",
    ]
    for act in acts:
        port = srv.closed_port()
        c.add(
            "psycopg2.connection_refused",
            "psycopg2.operational",
            TPS,
            act,
            lambda port=port: psycopg2.connect(
                host=srv.LOOPBACK, port=port, user="etl", dbname="erp", connect_timeout=2
            ),
            source=src,
            code=None,
        )
    try:
        cluster = srv.postgres_cluster()
        info = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        c.missed.append(f"Postgres family partly skipped: {exc}")
        return
    try:
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create role etl login password 'right'")
            cur.execute(
                "create table invoices(id int primary key, supplier_code text not null,"
                " amount numeric(8,2), due_date date)"
            )
            cur.execute("insert into invoices values (1, 'S1', 1, null), (2, 'S2', 2, null)")
        for act, user in zip(acts, ["etl", "erp_reader", "warehouse_loader"], strict=True):
            c.add(
                "psycopg2.password_failed",
                "psycopg2.operational",
                TPS,
                act,
                lambda user=user: psycopg2.connect(
                    host=srv.LOOPBACK,
                    port=info["port"],
                    user=user,
                    password="wrong",
                    dbname="postgres",
                ),
                source=src,
                code=None,
                ambiguous=True,
                alt_category=IDQ,
            )
        for act, dbname in zip(acts, ["erp_prod", "tenant_44660227", "warehouse"], strict=True):
            c.add(
                "psycopg2.database_missing",
                "psycopg2.operational",
                TPS,
                act,
                lambda dbname=dbname: psycopg2.connect(
                    host=srv.LOOPBACK, port=info["port"], user="postgres", dbname=dbname
                ),
                source=src,
                code=None,
                ambiguous=True,
                alt_category=IDQ,
            )

        def sql(statement: str) -> Callable[[], None]:
            def go() -> None:
                with admin.cursor() as cur:
                    cur.execute(statement)

            return go

        cases: list[tuple[str, str, str | None, list[tuple[str, str]]]] = [
            (
                "psycopg2.undefined_column",
                WE,
                IDQ,
                [
                    (acts[0], "select supplier_name from invoices"),
                    (acts[1], "select id, vat_no from invoices where id = 4"),
                    (acts[2], "update invoices set paid_at = now()"),
                ],
            ),
            (
                "psycopg2.undefined_table",
                WE,
                IDQ,
                [
                    (acts[0], "select * from orders_2024"),
                    (acts[1], "select * from erp.invoice_lines"),
                    (acts[2], "insert into stg_payments values (1)"),
                ],
            ),
            (
                "psycopg2.unique_violation",
                IDQ,
                None,
                [
                    (acts[2], "insert into invoices values (1, 'S9', 1, null)"),
                    (acts[2], "insert into invoices values (2, 'S9', 1, null)"),
                    ("LOAD :: Postgres invoices", "insert into invoices values (1, 'S7', 5, null)"),
                ],
            ),
            (
                "psycopg2.not_null_violation",
                IDQ,
                None,
                [
                    (acts[2], "insert into invoices values (10, null, 1, null)"),
                    (
                        "LOAD :: Postgres invoices",
                        "insert into invoices values (11, null, 2, null)",
                    ),
                    (acts[2], "update invoices set supplier_code = null where id = 2"),
                ],
            ),
            (
                "psycopg2.invalid_text",
                IDQ,
                None,
                [
                    (acts[2], "insert into invoices values ('abc', 'S1', 1, null)"),
                    ("LOAD :: Postgres invoices", "select 'N/A'::int"),
                    (acts[0], "select '12,50'::numeric"),
                ],
            ),
            (
                "psycopg2.numeric_overflow",
                IDQ,
                None,
                [
                    (acts[2], "insert into invoices values (20, 'S1', 123456789, null)"),
                    (
                        "LOAD :: Postgres invoices",
                        "insert into invoices values (21, 'S1', 1e7, null)",
                    ),
                    (acts[2], "insert into invoices values (22, 'S1', 5555555.5, null)"),
                ],
            ),
            (
                "psycopg2.date_out_of_range",
                IDQ,
                None,
                [
                    (acts[2], "insert into invoices values (30, 'S1', 1, '2024-13-01')"),
                    (
                        "LOAD :: Postgres invoices",
                        "insert into invoices values (31, 'S1', 1, '2023-02-30')",
                    ),
                    (acts[0], "select '2024-00-10'::date"),
                ],
            ),
            (
                "psycopg2.statement_timeout",
                TPS,
                WE,
                [
                    (acts[0], "set statement_timeout = 50; select pg_sleep(1)"),
                    (acts[1], "set statement_timeout = 80; select pg_sleep(1)"),
                    (acts[2], "set statement_timeout = 30; select pg_sleep(1)"),
                ],
            ),
            (
                "psycopg2.syntax_error",
                WE,
                IDQ,
                [
                    (acts[0], "selec * from invoices"),
                    (acts[1], "select * from invoices where"),
                    (acts[2], "insert into invoices values (1,,2)"),
                ],
            ),
        ]
        for template, cat, alt, variants in cases:
            for act, statement in variants:
                c.add(
                    template,
                    "psycopg2.error",
                    cat,
                    act,
                    sql(statement),
                    source=src,
                    code=None,
                    ambiguous=alt is not None,
                    alt_category=alt,
                )
                with admin.cursor() as cur:
                    cur.execute("reset statement_timeout")
        admin.close()
    finally:
        cluster.__exit__(None, None, None)


# =========================================================================== Python internals


def python_family(c: Corpus) -> None:
    import numpy as np

    py = python_source()
    for act, shape in [
        ("TRANSFORM :: Python pandas", (10**7, 10**7)),
        ("TRANSFORM :: Python matching suppliers", (3 * 10**6, 2 * 10**6)),
        ("TRANSFORM :: Python amounts", (10**6, 10**6, 100)),
    ]:
        c.add(
            "python.memory_error_numpy",
            "python.memory",
            WE,
            act,
            lambda shape=shape: np.zeros(shape),
            source=version("numpy"),
        )
    for act, depth in [
        ("TRANSFORM :: Python hierarchy", 1),
        ("TRANSFORM :: Python pandas", 2),
        ("TRANSFORM :: Python BOM explode", 3),
    ]:

        def recurse(n: int = 0, depth: int = depth) -> int:
            return recurse(n + depth, depth)

        c.add("python.recursion", "python.recursion", WE, act, recurse, source=py)
    for act, attr in [
        ("TRANSFORM :: Python pandas", "get"),
        ("SUBMIT :: Xledger", "strip"),
        ("TRANSFORM :: Python enrich suppliers", "lower"),
        ("EXTRACT :: Ivalua Suppliers", "json"),
    ]:
        c.add(
            "python.attribute_none",
            "python.attribute",
            WE,
            act,
            lambda attr=attr: getattr(None, attr),
            source=py,
            ambiguous=True,
            alt_category=IDQ,
        )
    for act, (a, b) in [
        ("TRANSFORM :: Python amounts", (1, "2")),
        ("TRANSFORM :: Python pandas", (1.5, None)),
        ("TRANSFORM :: Python dates", (None, 1)),
    ]:
        c.add(
            "python.type_operand",
            "python.type",
            WE,
            act,
            lambda a=a, b=b: a + b,
            source=py,
            ambiguous=True,
            alt_category=IDQ,
        )
    for act in ["TRANSFORM :: Python pandas", "SUBMIT :: Xledger", "READ :: JSON orders"]:
        c.add(
            "python.none_subscript",
            "python.type",
            WE,
            act,
            lambda: _nothing()["id"],
            source=py,
            ambiguous=True,
            alt_category=IDQ,
        )
    for act, (a, b) in [
        ("TRANSFORM :: Python amounts", (10, 0)),
        ("TRANSFORM :: Python pandas", (7, 0)),
        ("TRANSFORM :: Python currency", (100, 0)),
    ]:
        c.add(
            "python.zero_division",
            "python.zero_division",
            IDQ,
            act,
            lambda a=a, b=b: a / b,
            source=py,
            ambiguous=True,
            alt_category=WE,
        )
    for act, (expected, got) in [
        ("READ :: SFTP invoices (tenant 44660227)", (12, 11)),
        ("READ :: Local CSV suppliers", (8, 9)),
        ("READ :: SFTP payments (tenant 31337001)", (5, 3)),
    ]:

        def check(expected: int = expected, got: int = got) -> None:
            assert got == expected, f"Expected {expected} columns, got {got}"

        c.add("python.assert_columns", "python.assertion", IDQ, act, check, source=py)


# =========================================================================== workflow engine


def engine_family(c: Corpus) -> None:
    import concurrent.futures
    import graphlib
    import signal

    py = python_source()
    for act, cycle in [
        ("DAG :: validate", ["EXTRACT :: Ivalua Suppliers", "TRANSFORM :: SQL"]),
        (
            "DAG :: validate",
            ["READ :: S3", "TRANSFORM :: SQL join suppliers", "LOAD :: S3 parquet"],
        ),
        ("DAG :: schedule", ["TRANSFORM :: SQL", "SUBMIT :: Xledger"]),
    ]:

        def topo(cycle: list[str] = cycle) -> None:
            graph = {node: {cycle[i - 1]} for i, node in enumerate(cycle)}
            list(graphlib.TopologicalSorter(graph).static_order())

        c.add("engine.dag_cycle", "workflow.dag", WE, act, topo, source=py, code=500)
    for act, upstream in [
        ("TRANSFORM :: SQL", "EXTRACT :: Ivalua Supplierz"),
        ("LOAD :: S3 parquet", "TRANSFORM :: SQL aggregate"),
        ("SUBMIT :: Xledger", "TRANSFORM :: Python amounts v2"),
    ]:
        c.add(
            "engine.missing_upstream",
            "workflow.dag",
            WE,
            act,
            lambda act=act, upstream=upstream: raise_(
                platform("DagValidationError")(
                    f"Activity '{act}' depends on unknown upstream activity '{upstream}'"
                )
            ),
            source="workflow platform (modelled)",
        )
    for act in [
        "TRANSFORM :: Python pandas",
        "TRANSFORM :: Python matching suppliers",
        "LOAD :: S3 parquet",
    ]:

        def die() -> None:
            with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
                pool.submit(_kill_self, signal.SIGKILL).result()

        c.add("engine.broken_process_pool", "workflow.worker", WE, act, die, source=py)
    for act, sig, job in [
        ("TRANSFORM :: Python pandas", "9 (SIGKILL)", 17),
        ("LOAD :: S3 parquet", "9 (SIGKILL)", 4),
        ("TRANSFORM :: SQL", "15 (SIGTERM)", 231),
    ]:
        # billiard's WorkerLostError text, raised by the platform's task runner
        c.add(
            "engine.worker_lost",
            "workflow.worker",
            WE,
            act,
            lambda sig=sig, job=job: raise_(
                platform("WorkerLostError")(f"Worker exited prematurely: signal {sig} Job: {job}.")
            ),
            source="workflow platform (modelled on billiard)",
        )
    for act, seconds in [
        ("TRANSFORM :: SQL aggregate invoices", 3600),
        ("EXTRACT :: Ivalua Suppliers", 1800),
        ("LOAD :: S3 parquet", 900),
    ]:
        cat, alt = (TPS, WE) if act.startswith("EXTRACT") else (WE, None)
        c.add(
            "engine.activity_timeout",
            "workflow.timeout",
            cat,
            act,
            lambda act=act, seconds=seconds: raise_(
                platform("ActivityTimeoutError")(
                    f"Activity '{act}' exceeded its timeout of {seconds} seconds and was cancelled"
                )
            ),
            source="workflow platform (modelled)",
            ambiguous=alt is not None,
            alt_category=alt,
        )
    for act, wrap in [
        ("READ :: Dataset invoices", "ReadException"),
        ("WRITE :: Dataset suppliers", "WriteException"),
        ("READ :: Dataset payments (tenant 31337001)", "ReadException"),
        ("WRITE :: Dataset orders", "WriteException"),
    ]:
        c.add(
            "engine.internal_server_error",
            "workflow.internal",
            WE,
            act,
            lambda wrap=wrap: raise_(platform(wrap)("Internal Server Error")),
            source="workflow platform (modelled)",
        )
    for act, (ds, col, want, got) in [
        ("READ :: Dataset invoices", ("invoices", "amount", "DOUBLE", "VARCHAR")),
        ("WRITE :: Dataset suppliers", ("suppliers", "org_no", "BIGINT", "VARCHAR")),
        (
            "READ :: Dataset payments (tenant 31337001)",
            ("payments", "paid_at", "TIMESTAMP", "DATE"),
        ),
    ]:
        c.add(
            "engine.dataset_schema",
            "workflow.dataset",
            IDQ,
            act,
            lambda ds=ds, col=col, want=want, got=got: raise_(
                platform("DatasetException")(
                    f"Dataset '{ds}' failed schema validation: column '{col}' expected {want}, "
                    f"got {got}"
                )
            ),
            source="workflow platform (modelled)",
        )


# =========================================================================== fresh holdout


def fresh_family(c: Corpus, tmp: Path) -> None:
    """Templates added AFTER the rules were frozen (rules v2), all in the holdout split: the
    honest measure of how the rules generalise to error types nobody wrote a rule for."""
    import ftplib
    import io

    import duckdb
    import httpx
    import lxml.etree
    import pandas as pd
    import psycopg2
    import pydantic
    import requests

    fresh = {"split": "holdout"}
    ddb = version("duckdb")
    con = duckdb.connect()
    con.execute("create table sales(region varchar, amount double)")
    for act, col in [
        ("TRANSFORM :: SQL", "region"),
        ("TRANSFORM :: SQL aggregate invoices", "amount"),
        ("TRANSFORM :: SQL report", "*"),
    ]:
        sql = (
            f"select {col}, sum(amount) from sales"
            if col != "*"
            else "select *, count(*) from sales"
        )
        c.add(
            "fresh.duckdb.group_by",
            "duckdb.binder",
            WE,
            act,
            lambda sql=sql: con.execute(sql).fetchall(),
            source=ddb,
            **fresh,
        )
    for i, act in enumerate(
        ["READ :: Parquet orders", "READ :: S3 parquet", "READ :: SFTP invoices (tenant 44660227)"]
    ):
        p = tmp / f"not_parquet_{i}.parquet"
        p.write_text("id,amount\n1,2\n" * (i + 1))
        c.add(
            "fresh.duckdb.parquet_magic",
            "duckdb.invalid_input",
            IDQ,
            act,
            lambda p=p: con.execute(f"select * from read_parquet('{p.name}')").fetchall(),
            source=ddb,
            **fresh,
        )
    for act, value in [
        ("TRANSFORM :: SQL dates", "2024-01-01 25:00:00"),
        ("READ :: SFTP invoices (tenant 44660227)", "2024-06-31T10:00:00"),
        ("TRANSFORM :: SQL", "yesterday 10am"),
    ]:
        c.add(
            "fresh.duckdb.timestamp",
            "duckdb.conversion",
            IDQ,
            act,
            lambda value=value: con.execute(f"select cast('{value}' as timestamp)").fetchall(),
            source=ddb,
            **fresh,
        )
    pdv = version("pandas")
    for act, values in [
        ("TRANSFORM :: Python pandas", [1.0, None]),
        ("TRANSFORM :: Python amounts", [float("inf"), 2.0]),
        ("READ :: SFTP payments (tenant 31337001)", [None, None, 3.0]),
    ]:
        c.add(
            "fresh.pandas.int_nan",
            "pandas.value_error",
            IDQ,
            act,
            lambda values=values: pd.Series(values).astype(int),
            source=pdv,
            **fresh,
        )
    py = python_source()
    for act, doc in [
        ("READ :: JSON orders", '{"note": "line1\nline2"}'),
        ("READ :: SFTP invoices (tenant 44660227)", '["tab\there"]'),
        ("READ :: JSON suppliers", '{"name": "A\u0001B"}'),
    ]:
        c.add(
            "fresh.json.control_char",
            "json.decode",
            IDQ,
            act,
            lambda doc=doc: json.loads(doc),
            source=py,
            **fresh,
        )
    for act, text in [
        ("WRITE :: Latin-1 export", "Price \u20ac 10"),
        ("SUBMIT :: SOAP invoices", "Supplier \u0141\u00f3d\u017a"),
        ("WRITE :: Latin-1 export", "Smile \u263a"),
    ]:
        c.add(
            "fresh.unicode.encode",
            "unicode.encode",
            IDQ,
            act,
            lambda text=text: text.encode("latin-1"),
            source=py,
            **fresh,
        )
    for act, (items, idx) in [
        ("TRANSFORM :: Python pandas", ([1, 2], 5)),
        ("SUBMIT :: Xledger", ([], 0)),
        ("TRANSFORM :: Python enrich suppliers", ([3], 1)),
    ]:
        c.add(
            "fresh.python.index",
            "python.index",
            WE,
            act,
            lambda items=items, idx=idx: items[idx],
            source=py,
            ambiguous=True,
            alt_category=IDQ,
            **fresh,
        )
    for act, xml in [
        ("READ :: SFTP invoices (tenant 44660227)", "<Invoice><Id>1</Id>"),
        ("READ :: FTP bank statements", "<Document><Stmt></Document>"),
        ("READ :: SFTP supplier master", "<?xml version='1.0'?>\n<a>&bogus;</a>"),
    ]:
        c.add(
            "fresh.lxml.syntax",
            "xml.syntax",
            IDQ,
            act,
            lambda xml=xml: lxml.etree.fromstring(xml.encode()),
            source=version("lxml"),
            **fresh,
        )

    class Supplier(pydantic.BaseModel):
        code: str = pydantic.Field(max_length=10)

    for act, code in [
        ("READ :: Local CSV suppliers", "SUPPLIER-000123"),
        ("EXTRACT :: Ivalua Suppliers", "ACME-NORWAY-AS"),
        ("READ :: JSON suppliers", "X" * 14),
    ]:
        c.add(
            "fresh.pydantic.too_long",
            "pydantic.validation",
            IDQ,
            act,
            lambda code=code: Supplier(code=code),
            source=version("pydantic"),
            **fresh,
        )
    with srv.http_server() as (base, canned):
        for i, act in enumerate(
            ["EXTRACT :: Ivalua Suppliers", "EXTRACT :: Tripletex ledger", "SUBMIT :: Xledger"]
        ):
            canned.put(f"loop{i}", 302, "", headers={"Location": f"/r/loop{i}?n={i}"})
            c.add(
                "fresh.requests.redirects",
                "http.redirect",
                TPS,
                act,
                lambda i=i: requests.get(f"{base}/r/loop{i}", timeout=5),
                source=version("requests"),
                code=None,
                **fresh,
            )
            c.add(
                "fresh.httpx.status.400",
                "http.status",
                IDQ,
                act,
                lambda i=i: httpx.get(
                    f"{base}/status/400/api/v1/items/{77 + i}"
                ).raise_for_status(),
                source=version("httpx"),
                code=400,
                ambiguous=True,
                alt_category=TPS,
                **fresh,
            )
    with srv.garbage_server(b"") as port:
        for act in [
            "EXTRACT :: Ivalua Suppliers",
            "EXTRACT :: Visma customers",
            "SUBMIT :: Xledger",
        ]:
            c.add(
                "fresh.httpx.disconnected",
                "http.protocol",
                TPS,
                act,
                lambda: httpx.get(f"http://{srv.LOOPBACK}:{port}/api"),
                source=version("httpx"),
                code=None,
                **fresh,
            )
    root = tmp / "ftp-fresh"
    root.mkdir()
    with srv.ftp_server(root, "tenant", "secret") as port:
        for act, name in [
            ("WRITE :: FTP remittance", "out/remit_0001.xml"),
            ("WRITE :: FTP remittance", "out/remit_0002.xml"),
            ("WRITE :: FTP payment files", "out/pain001_44660227.xml"),
        ]:

            def store(name: str = name) -> None:
                with ftplib.FTP() as ftp:
                    ftp.connect(srv.LOOPBACK, port, timeout=5)
                    ftp.login("tenant", "secret")
                    ftp.storbinary(f"STOR {name}", io.BytesIO(b"<x/>"))

            c.add(
                "fresh.ftp.store_denied",
                "ftp.error_perm",
                TPS,
                act,
                store,
                source=py,
                ambiguous=True,
                alt_category=WE,
                **fresh,
            )
    try:
        cluster = srv.postgres_cluster()
        info = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        c.missed.append(f"fresh Postgres templates skipped: {exc}")
        return
    try:
        conn = psycopg2.connect(**info)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("create table suppliers(code varchar(8) primary key)")
            cur.execute(
                "create table invoices(id int, supplier varchar(8) references suppliers(code))"
            )
        src = version("psycopg2-binary")
        for act, statement in [
            ("LOAD :: Postgres invoices", "insert into invoices values (1, 'S404')"),
            ("LOAD :: Postgres warehouse", "insert into invoices values (2, 'ACME')"),
            ("LOAD :: Postgres invoices", "insert into invoices values (3, 'NOPE1')"),
            ("LOAD :: Postgres invoices", "insert into suppliers values ('SUPPLIER-0001')"),
            ("LOAD :: Postgres warehouse", "insert into suppliers values ('ACME-NORWAY')"),
            ("LOAD :: Postgres invoices", "insert into suppliers values ('123456789')"),
            ("EXTRACT :: Postgres orders", "select 10 / 0"),
            ("EXTRACT :: ERP database invoices", "select 1.5 / 0"),
            ("LOAD :: Postgres warehouse", "select 7 % 0"),
        ]:
            template = (
                "fresh.psycopg2.fk"
                if "invoices values" in statement
                else "fresh.psycopg2.too_long"
                if "suppliers" in statement
                else "fresh.psycopg2.division_by_zero"
            )

            def run(statement: str = statement) -> None:
                with conn.cursor() as cur:
                    cur.execute(statement)

            c.add(template, "psycopg2.error", IDQ, act, run, source=src, code=None, **fresh)
        conn.close()
    finally:
        cluster.__exit__(None, None, None)


def _nothing() -> Any:
    return None


def _kill_self(sig: int) -> None:
    os.kill(os.getpid(), sig)


# =========================================================================== main


FAMILIES = [
    "fresh",
    "duckdb",
    "pandas",
    "http",
    "dns",
    "parsing",
    "s3",
    "ftp",
    "soap",
    "vendor",
    "postgres",
    "python",
    "engine",
]


def capture(only: list[str] | None = None) -> Corpus:
    c = Corpus()
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="ji-corpus-") as t:
        tmp = Path(t)
        os.chdir(tmp)  # files are named relative to it, so messages stay stable across runs
        steps: dict[str, Callable[[], None]] = {
            "duckdb": lambda: duckdb_family(c, tmp),
            "pandas": lambda: pandas_family(c, tmp),
            "http": lambda: http_family(c, tmp),
            "dns": lambda: dns_family(c),
            "parsing": lambda: parsing_family(c),
            "s3": lambda: s3_family(c),
            "ftp": lambda: ftp_family(c, tmp),
            "soap": lambda: soap_family(c),
            "vendor": lambda: vendor_family(c),
            "postgres": lambda: postgres_family(c),
            "python": lambda: python_family(c),
            "engine": lambda: engine_family(c),
            "fresh": lambda: fresh_family(c, tmp),
        }
        for name in only or FAMILIES:
            print(f"capturing {name} ...", file=sys.stderr)
            steps[name]()
        os.chdir(cwd)
    return c


def main() -> int:
    import logging

    logging.getLogger("paramiko").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", nargs="*", choices=FAMILIES)
    parser.add_argument("--dns-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dns_child:
        with contextlib.redirect_stdout(sys.stderr):
            rows = dns_child()
        print(json.dumps(rows))
        return 0
    corpus = capture(args.only)
    for miss in corpus.missed:
        print(f"warning: {miss}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in corpus.rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    templates = {r["template_id"] for r in corpus.rows}
    holdout = {r["template_id"] for r in corpus.rows if r["split"] == "holdout"}
    print(
        f"wrote {len(corpus.rows)} lines, {len(templates)} templates "
        f"({len(holdout)} holdout) to {args.out}",
        file=sys.stderr,
    )
    return 1 if corpus.missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
