"""Capture the BLIND holdout: error templates written down without looking at the rules.

Every template here is new to the corpus (template_id ``blind.*``, split ``holdout``) and was
chosen and labelled before the rules were read, so scoring an earlier version of the rules on it
(``benchmarks/rule_generalisation.py REV --subset blind``) measures how the rules generalise.
Like ``capture_error_corpus.py``, each error is raised by the real library installed here, against
servers on 127.0.0.1 only; vendor and platform wrappers (Xledger GraphQL, Ivalua REST, the
workflow engine) are modelled on realistic bodies and phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind_holdout.py [--out PATH]
Replaces the ``blind.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import csv
import datetime as dt
import decimal
import ftplib
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402
import capture_error_corpus as cap  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
platform, raise_, version = cap.platform, cap.raise_, cap.version
PREFIX = "blind."
MODELLED = "workflow platform (modelled)"


class Subset:
    """Adds a template's variants to the corpus under one template_id prefix and one split."""

    def __init__(self, corpus: cap.Corpus, prefix: str = PREFIX, split: str = "holdout") -> None:
        self.c, self.prefix, self.split = corpus, prefix, split

    def add(
        self,
        template: str,
        family: str,
        category: str,
        variants: Iterable[tuple[str, Callable[[], object]]],
        *,
        source: str,
        code: int | None = 500,
        alt: str | None = None,
        wrap: str | None = None,
        wrap_message: Callable[[BaseException], str] | None = None,
    ) -> None:
        for activity, trigger in variants:
            self.c.add(
                self.prefix + template,
                family,
                category,
                activity,
                trigger,
                source=source,
                code=code,
                wrap=wrap,
                wrap_message=wrap_message,
                ambiguous=alt is not None,
                alt_category=alt,
                split=self.split,
            )


def modelled(name: str, message: str) -> Callable[[], None]:
    return lambda: raise_(platform(name)(message))


#: a template's variants: (activity name, trigger) pairs
Variants = list[tuple[str, Callable[[], object]]]


def many(name: str, items: list[tuple[str, str]]) -> Variants:
    """Modelled variants: the exception `name` raised with each (activity, message)."""
    return [(act, modelled(name, msg)) for act, msg in items]


def same(trigger: Callable[[], object], acts: list[str]) -> Variants:
    """One trigger under several activities (the message is the same in each)."""
    return [(act, trigger) for act in acts]


def pairs(acts: list[str], triggers: list[Callable[[], object]]) -> Variants:
    """Each activity with its own trigger."""
    return list(zip(acts, triggers, strict=True))


def wrapped(template: str) -> Callable[[BaseException], str]:
    """How a platform wrapper records the library error it caught: `template` around str(exc)."""
    return lambda exc: template.format(exc=exc, name=type(exc).__name__)


def duckdb_query(
    sql: str, setup: str = "", read_only: str | None = None, config: dict[str, Any] | None = None
) -> Callable[[], Any]:
    """A trigger: `setup` (statements split at `;`), then `sql`, on a fresh DuckDB connection
    (in memory, or the file `read_only` opened read-only), with DuckDB `config`."""

    def go() -> Any:
        import duckdb

        if read_only:
            con = duckdb.connect(read_only, read_only=True, config=config or {})
        else:
            con = duckdb.connect(config=config or {})
        try:
            for stmt in filter(None, setup.split(";")):
                con.execute(stmt)
            return con.execute(sql).fetchall()
        finally:
            con.close()

    return go


#: DuckDB without extension downloads (a query naming a file type would fetch its extension)
OFFLINE_DUCKDB = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def offline_duckdb_query(sql: str, setup: str = "") -> Callable[[], Any]:
    """duckdb_query on an in-memory connection that installs and loads no extension."""
    return duckdb_query(sql, setup, config=OFFLINE_DUCKDB)


def ftp_case(
    act: str,
    special: dict[str, str],
    action: Callable[[ftplib.FTP], object],
    banner: str,
    user: str = "tenant44660227",
) -> tuple[str, Callable[[], None]]:
    """A variant: log in to a scripted FTP server (`banner`, then the default replies with
    `special` overriding some commands) and run `action` on the client."""
    import capture_blind3_holdout as blind3

    def go() -> None:
        with blind3.line_server(banner, blind3.ftp_replies(special)) as port:
            client = ftplib.FTP()
            try:
                client.connect(srv.LOOPBACK, port, timeout=5)
                client.login(user, "secret")
                action(client)
            finally:
                client.close()

    return act, go


def ftp_retr(name: str) -> Callable[[ftplib.FTP], object]:
    return lambda c: c.retrbinary(f"RETR {name}", lambda _: None)


def ftp_stor(name: str) -> Callable[[ftplib.FTP], object]:
    return lambda c: c.storbinary(f"STOR {name}", io.BytesIO(b"a;b\n"))


def aws_client(base: str, service: str, key: str) -> Any:
    """A boto3 client whose endpoint is the canned reply `key` of the local server at `base`:
    one attempt, 2-second timeouts."""
    import boto3
    import botocore.config

    cfg = botocore.config.Config(
        retries={"max_attempts": 1, "mode": "standard"}, read_timeout=2, connect_timeout=2
    )
    endpoint = f"{base}/r/{key}"
    return boto3.client(service, endpoint_url=endpoint, region_name="eu-north-1", config=cfg)


def s3_error(code: str, message: str, rid: str, extra: str = "") -> str:
    """An S3 error body as the service sends it (XML), for the local server to answer with."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
        f"<Message>{message}</Message>{extra}<RequestId>{rid}</RequestId>"
        "<HostId>Zm9vYmFyYmF6cXV4</HostId></Error>"
    )


def s3_error_variants(
    base: str,
    canned: srv.Canned,
    tag: str,
    status: int,
    code: str,
    message: str,
    call: Callable[[Any, str, str], object],
    cases: list[tuple[str, str, str]],
    *,
    extra: str = "",
) -> Variants:
    """One variant per (activity, bucket, key) of `cases`: `call(client, bucket, key)` with an S3
    client of the local server at `base` that answers `status` with S3's error body
    `code`/`message` and `extra` (formatted with the case's `bucket`, `key` and number `i`, e.g.
    `<Key>{key}</Key>`)."""
    variants: Variants = []
    for i, (activity, bucket, key) in enumerate(cases):
        details = extra.format(bucket=bucket, key=key, i=i)
        body = s3_error(code, message, f"{tag}{i:04d}".upper(), details)
        name = canned.put(f"{tag}{i}", status, body, "application/xml")

        def trigger(name: str = name, bucket: str = bucket, key: str = key) -> object:
            return call(aws_client(base, "s3", name), bucket, key)

        variants.append((activity, trigger))
    return variants


def pg_statement(
    info: dict[str, Any],
    sql: str,
    params: tuple[Any, ...] | None = None,
    db: str | None = None,
    autocommit: bool | None = None,
    encoding: str | None = None,
) -> Callable[[], None]:
    """A trigger: `sql` with `params` on a fresh psycopg2 connection to the cluster `info`
    (database `db` if given), with `autocommit` and client `encoding` set when given."""

    def go() -> None:
        import psycopg2

        conn = psycopg2.connect(**{**info, **({"dbname": db} if db else {})})
        if autocommit is not None:
            conn.autocommit = autocommit
        if encoding:
            conn.set_client_encoding(encoding)
        try:
            with conn.cursor() as cur:
                cur.execute(sql, params)
        finally:
            conn.close()

    return go


@contextlib.contextmanager
def postgres_or_missed(b: Subset, name: str) -> Iterator[dict[str, Any] | None]:
    """A throwaway Postgres cluster for a subset's templates: its connection settings, or None
    (and a note in the corpus's misses) when no cluster can start here."""
    try:
        cluster = srv.postgres_cluster()
        info = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        b.c.missed.append(f"{name} Postgres templates skipped: {exc}")
        yield None
        return
    try:
        yield info
    finally:
        cluster.__exit__(None, None, None)


# =========================================================================== DuckDB


def duckdb_blind(b: Subset, tmp: Path) -> None:

    src = version("duckdb")

    run = duckdb_query

    ledger = "create table ledger(id integer, account varchar, amount decimal(10,2), posted date)"
    b.add(
        "duckdb.catalog.schema_missing",
        "duckdb.catalog",
        WE,
        [
            ("TRANSFORM :: SQL", run("select * from erp.invoices", ledger)),
            ("TRANSFORM :: SQL ledger", run("select * from staging.ledger_lines", ledger)),
            ("LOAD :: DuckDB warehouse", run("insert into mart.suppliers values (1)", ledger)),
        ],
        source=src,
        alt=IDQ,
    )
    b.add(
        "duckdb.binder.table_reference",
        "duckdb.binder",
        WE,
        [
            ("TRANSFORM :: SQL", run("select l.id, s.name from ledger l", ledger)),
            ("TRANSFORM :: SQL ledger", run("select x.amount from ledger", ledger)),
            ("TRANSFORM :: SQL join accounts", run("select acc.code from ledger l", ledger)),
        ],
        source=src,
    )
    b.add(
        "duckdb.conversion.decimal_precision",
        "duckdb.conversion",
        IDQ,
        [
            ("TRANSFORM :: SQL amounts", run("select cast(123456.78 as decimal(4,2))")),
            ("LOAD :: DuckDB warehouse", run("select cast(99999999.5 as decimal(6,1))")),
            ("TRANSFORM :: SQL", run("select cast('1234567.891' as decimal(5,3))")),
        ],
        source=src,
    )
    b.add(
        "duckdb.out_of_range.overflow",
        "duckdb.out_of_range",
        IDQ,
        [
            ("TRANSFORM :: SQL amounts", run("select 2147483647::integer * 2::integer")),
            ("TRANSFORM :: SQL", run("select 9223372036854775807::bigint + 1::bigint")),
            ("TRANSFORM :: SQL quantities", run("select (-32768)::smallint - 1::smallint")),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "duckdb.binder.set_operation_columns",
        "duckdb.binder",
        WE,
        [
            ("TRANSFORM :: SQL", run("select 1, 2 union all select 1")),
            (
                "TRANSFORM :: SQL union tenants",
                run("select id, account from ledger union select id from ledger", ledger),
            ),
            (
                "TRANSFORM :: SQL ledger",
                run("select id from ledger except select id, amount from ledger", ledger),
            ),
        ],
        source=src,
    )
    b.add(
        "duckdb.constraint.check",
        "duckdb.constraint",
        IDQ,
        [
            (act, run(f"insert into t values ({v})", "create table t(qty integer check (qty > 0))"))
            for act, v in [
                ("LOAD :: DuckDB staging", -1),
                ("LOAD :: DuckDB orders", 0),
                ("LOAD :: DuckDB warehouse", -250),
            ]
        ],
        source=src,
    )
    b.add(
        "duckdb.conversion.malformed_json",
        "duckdb.conversion",
        IDQ,
        [
            ("TRANSFORM :: SQL json", run("""select '{"a": 1,'::json""")),
            ("READ :: API payload", run("""select '[1, 2'::json->>'$[0]'""")),
            ("TRANSFORM :: SQL", run("""select json_extract('{"x": tru}', '$.x')""")),
        ],
        source=src,
    )
    b.add(
        "duckdb.invalid_input.scalar_subquery",
        "duckdb.invalid_input",
        WE,
        [
            ("TRANSFORM :: SQL", run("select (select range from range(3))")),
            ("TRANSFORM :: SQL lookup rates", run("select (select unnest([1.1, 1.2]))")),
            (
                "TRANSFORM :: SQL ledger",
                run(
                    "select (select account from ledger)",
                    ledger + "; insert into ledger values (1,'a',1,null),(2,'b',2,null)",
                ),
            ),
        ],
        source=src,
        alt=IDQ,
    )
    b.add(
        "duckdb.catalog.already_exists",
        "duckdb.catalog",
        WE,
        [
            ("LOAD :: DuckDB staging", run(ledger, ledger)),
            ("TRANSFORM :: SQL", run("create table ledger(x int)", ledger)),
            ("LOAD :: DuckDB warehouse", run("create view ledger as select 1", ledger)),
        ],
        source=src,
    )
    b.add(
        "duckdb.binder.aggregate_in_where",
        "duckdb.binder",
        WE,
        [
            ("TRANSFORM :: SQL", run("select id from ledger where sum(amount) > 0", ledger)),
            (
                "TRANSFORM :: SQL aggregate invoices",
                run("select account from ledger where count(*) > 1", ledger),
            ),
            ("TRANSFORM :: SQL ledger", run("select 1 from ledger where max(id) = 3", ledger)),
        ],
        source=src,
    )
    out = tmp / "exports"
    b.add(
        "duckdb.io.cannot_open_write",
        "duckdb.io",
        WE,
        [
            (act, run(f"copy (select 1 as x) to '{p}'"))
            for act, p in [
                ("WRITE :: CSV export", "exports/missing_dir/ledger.csv"),
                ("EXPORT :: Parquet suppliers", "exports/nope/suppliers.parquet"),
                ("WRITE :: CSV export", "exports/2024/06/payments.csv"),
            ]
        ],
        source=src,
        alt=IDQ,
    )
    out.mkdir(exist_ok=True)
    wide = tmp / "wide.csv"
    wide.write_text("id,comment\n1," + "x" * 200 + "\n")
    b.add(
        "duckdb.invalid_input.csv_line_size",
        "duckdb.invalid_input",
        IDQ,
        [
            (act, run(f"select * from read_csv('wide.csv', max_line_size={n})"))
            for act, n in [
                ("READ :: SFTP invoices (tenant 44660227)", 64),
                ("READ :: Local CSV suppliers", 100),
                ("READ :: S3 csv", 128),
            ]
        ],
        source=src,
    )


# =========================================================================== pandas / numpy


def pandas_blind(b: Subset, tmp: Path) -> None:
    import numpy as np
    import pandas as pd

    src = version("pandas")
    dup = pd.DataFrame({"supplier": ["a", "a", "b"], "month": [1, 1, 2], "amount": [1, 2, 3]})
    b.add(
        "pandas.pivot_duplicates",
        "pandas.value_error",
        IDQ,
        [
            (
                "TRANSFORM :: Python pandas",
                lambda: dup.pivot(index="supplier", columns="month", values="amount"),
            ),
            (
                "TRANSFORM :: Python spend cube",
                lambda: dup.pivot(index="month", columns="supplier", values="amount"),
            ),
            (
                "TRANSFORM :: Python reshape ledger",
                lambda: dup.set_index(["supplier", "month"]).unstack(),
            ),
        ],
        source=src,
    )
    b.add(
        "pandas.reindex_duplicates",
        "pandas.value_error",
        IDQ,
        [
            ("TRANSFORM :: Python pandas", lambda: dup.set_index("supplier").reindex(["a", "c"])),
            ("TRANSFORM :: Python enrich suppliers", lambda: dup.set_index("month").reindex([1])),
            ("TRANSFORM :: Python align periods", lambda: dup.set_index("supplier").reindex(["b"])),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "numpy.broadcast",
        "numpy.value_error",
        WE,
        [
            ("TRANSFORM :: Python pandas", lambda: np.array([1, 2]) + np.array([1, 2, 3])),
            ("TRANSFORM :: Python forecast", lambda: np.ones((3, 4)) * np.ones((2, 4))),
            ("TRANSFORM :: Python amounts", lambda: np.ones(3) - np.zeros((5, 2))),
        ],
        source=version("numpy"),
    )
    b.add(
        "pandas.usecols_missing",
        "pandas.value_error",
        IDQ,
        [
            (act, lambda text=text, cols=cols: pd.read_csv(io.StringIO(text), usecols=cols))
            for act, text, cols in [
                ("READ :: SFTP invoices (tenant 44660227)", "a,b\n1,2\n", ["InvoiceNo"]),
                ("READ :: Local CSV suppliers", "id,name\n1,x\n", ["id", "org_no"]),
                ("READ :: SFTP payments (tenant 31337001)", "x\n1\n", ["Amount", "Date"]),
            ]
        ],
        source=src,
    )
    b.add(
        "pandas.parse_dates_missing",
        "pandas.value_error",
        IDQ,
        [
            (act, lambda text=text, col=col: pd.read_csv(io.StringIO(text), parse_dates=[col]))
            for act, text, col in [
                ("READ :: SFTP invoices (tenant 44660227)", "a,b\n1,2\n", "InvoiceDate"),
                ("READ :: Local CSV payments", "id,paid\n1,x\n", "paid_at"),
                ("READ :: SFTP bank statements", "x\n1\n", "BookingDate"),
            ]
        ],
        source=src,
    )
    na = pd.DataFrame({"amount": [1, 2, 3], "flag": pd.array([True, None, False], "object")})
    b.add(
        "pandas.mask_na",
        "pandas.value_error",
        WE,
        [
            ("TRANSFORM :: Python pandas", lambda: na[na["flag"]]),
            ("TRANSFORM :: Python filter invoices", lambda: na.loc[na["flag"].to_numpy()]),
            ("TRANSFORM :: Python amounts", lambda: na[pd.Series([True, np.nan, False])]),
        ],
        source=src,
        alt=IDQ,
    )
    b.add(
        "pandas.excel_dependency",
        "pandas.import_error",
        WE,
        [
            (act, lambda p=p: pd.read_excel(_xlsx(tmp / p)))
            for act, p in [
                ("READ :: Excel budget", "budget_2024.xlsx"),
                ("READ :: SFTP price list", "prices.xlsx"),
                ("READ :: Excel cost centers", "cost_centers.xlsx"),
            ]
        ],
        source=src,
    )
    b.add(
        "pandas.out_of_bounds_datetime",
        "pandas.out_of_bounds",
        IDQ,
        [
            (act, lambda v=v: pd.Timestamp(v).as_unit("ns"))
            for act, v in [
                ("TRANSFORM :: Python dates", "1200-01-01"),
                ("READ :: SFTP contracts", "9999-12-31"),
                ("TRANSFORM :: Python pandas", "0001-01-01"),
            ]
        ],
        source=src,
    )


def _xlsx(path: Path) -> Path:
    """A file that looks like a workbook (a zip with workbook parts), so pandas picks openpyxl."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return path


# =========================================================================== HTTP


def http_blind(b: Subset, tmp: Path) -> None:
    import httpx
    import requests
    import urllib3

    hx, rq, ul = version("httpx"), version("requests"), version("urllib3")
    with srv.http_server() as (base, canned):
        for status, cat, alt, acts in [
            (
                409,
                IDQ,
                TPS,
                [
                    "SUBMIT :: Xledger invoices",
                    "EXPORT :: Ivalua suppliers",
                    "SUBMIT :: Visma vouchers",
                ],
            ),
            (
                422,
                IDQ,
                TPS,
                [
                    "EXPORT :: Ivalua suppliers",
                    "SUBMIT :: Tripletex vouchers",
                    "SUBMIT :: Xledger invoices",
                ],
            ),
        ]:
            b.add(
                f"httpx.status.{status}",
                "http.status",
                cat,
                [
                    (
                        act,
                        lambda status=status, i=i: httpx.post(
                            f"{base}/status/{status}/api/v1/records/{4400 + i}", json={}
                        ).raise_for_status(),
                    )
                    for i, act in enumerate(acts)
                ],
                source=hx,
                code=status,
                alt=alt,
            )
        for status, cat, alt, acts in [
            (
                400,
                IDQ,
                TPS,
                [
                    "EXPORT :: Ivalua suppliers",
                    "SUBMIT :: Tripletex vouchers",
                    "EXTRACT :: Visma customers",
                ],
            ),
            (
                405,
                WE,
                TPS,
                [
                    "EXTRACT :: Xledger invoices",
                    "EXPORT :: Ivalua contracts",
                    "SUBMIT :: Visma vouchers",
                ],
            ),
            (
                408,
                TPS,
                None,
                [
                    "EXTRACT :: Ivalua suppliers",
                    "EXTRACT :: Xledger invoices",
                    "EXTRACT :: Tripletex ledger",
                ],
            ),
        ]:
            b.add(
                f"requests.status.{status}",
                "http.status",
                cat,
                [
                    (
                        act,
                        lambda status=status, i=i: requests.put(
                            f"{base}/status/{status}/api/v2/items/{910 + i}", timeout=5
                        ).raise_for_status(),
                    )
                    for i, act in enumerate(acts)
                ],
                source=rq,
                code=status,
                alt=alt,
            )
        for status in (401, 503, 429):
            b.add(
                f"urllib.status.{status}",
                "http.status",
                TPS,
                [
                    (
                        act,
                        lambda status=status, i=i: urllib.request.urlopen(
                            f"{base}/status/{status}/v1/export/{i}", timeout=5
                        ),
                    )
                    for i, act in enumerate(
                        [
                            "EXTRACT :: Xledger invoices",
                            "EXTRACT :: Bank statements API",
                            "EXTRACT :: Currency rates",
                        ]
                    )
                ],
                source=cap.python_source(),
                code=status,
            )
        for key in ["gw0", "gw1", "gw2"]:
            canned.put(key, 503, "upstream unavailable", "text/plain")

        def retry_pool(i: int) -> None:
            pool = urllib3.PoolManager(
                retries=urllib3.Retry(total=2, status_forcelist=[503], backoff_factor=0)
            )
            pool.request("GET", f"{base}/r/gw{i}/api/rates?date=2024-06-0{i + 1}")

        b.add(
            "urllib3.max_retries_status",
            "http.retry",
            TPS,
            [
                (act, lambda i=i: retry_pool(i))
                for i, act in enumerate(
                    [
                        "EXTRACT :: Currency rates",
                        "EXTRACT :: Ivalua suppliers",
                        "EXTRACT :: Xledger invoices",
                    ]
                )
            ],
            source=ul,
            code=None,
        )
        b.add(
            "requests.missing_schema",
            "http.invalid_url",
            IDQ,
            [
                (act, lambda url=url: requests.get(url, timeout=5))
                for act, url in [
                    ("EXTRACT :: Ivalua suppliers", "acme.ivalua.example/api/v1/suppliers"),
                    ("EXTRACT :: REST orders", "api.shop.example/v2/orders?page=1"),
                    ("EXTRACT :: Currency rates", "rates.bank.example/latest"),
                ]
            ],
            source=rq,
            code=None,
            alt=WE,
        )
    with srv.garbage_server(b"HELLO\r\n\r\n") as port:
        b.add(
            "httpx.remote_protocol",
            "http.protocol",
            TPS,
            [
                (act, lambda i=i: httpx.get(f"http://{srv.LOOPBACK}:{port}/api/{i}"))
                for i, act in enumerate(
                    [
                        "EXTRACT :: Ivalua suppliers",
                        "EXTRACT :: Visma customers",
                        "SUBMIT :: Xledger invoices",
                    ]
                )
            ],
            source=hx,
            code=None,
        )
    with srv.garbage_server(b"") as port:
        b.add(
            "requests.connection_aborted",
            "http.protocol",
            TPS,
            [
                (act, lambda i=i: requests.get(f"http://{srv.LOOPBACK}:{port}/v1/{i}", timeout=5))
                for i, act in enumerate(
                    [
                        "EXTRACT :: Ivalua suppliers",
                        "EXTRACT :: Tripletex ledger",
                        "EXPORT :: Ivalua contracts",
                    ]
                )
            ],
            source=rq,
            code=None,
        )
    closed = srv.closed_port()
    b.add(
        "urllib.connection_refused",
        "http.connect",
        TPS,
        [
            (
                act,
                lambda i=i: urllib.request.urlopen(
                    f"http://{srv.LOOPBACK}:{closed}/feed/{i}", timeout=5
                ),
            )
            for i, act in enumerate(
                [
                    "EXTRACT :: Currency rates",
                    "EXTRACT :: Bank statements API",
                    "EXTRACT :: Weather feed",
                ]
            )
        ],
        source=cap.python_source(),
        code=None,
    )
    ctx = srv.self_signed_context(tmp, common_name="vendor.internal")
    with srv.http_server(ctx) as (base, _canned):
        b.add(
            "httpx.tls_hostname",
            "http.tls",
            TPS,
            [
                (
                    act,
                    lambda i=i: httpx.get(
                        f"{base.replace(srv.LOOPBACK, 'localhost')}/status/200/{i}",
                        verify=str(tmp / "vendor.internal.pem"),
                    ).raise_for_status(),
                )
                for i, act in enumerate(
                    [
                        "EXTRACT :: Ivalua suppliers",
                        "SUBMIT :: Xledger invoices",
                        "EXTRACT :: Visma customers",
                    ]
                )
            ],
            source=hx,
            code=None,
        )
    del ctx
    import ssl

    def tls_to_http(url: str) -> None:
        with contextlib.closing(urllib.request.urlopen(url, timeout=5)):
            pass

    with srv.http_server() as (plain, _canned):
        b.add(
            "urllib.tls_on_plain_http",
            "http.tls",
            WE,
            [
                (act, lambda i=i: tls_to_http(plain.replace("http://", "https://") + f"/x/{i}"))
                for i, act in enumerate(
                    [
                        "EXTRACT :: Currency rates",
                        "EXTRACT :: Bank statements API",
                        "EXTRACT :: Ivalua suppliers",
                    ]
                )
            ],
            source=cap.python_source() + f" {ssl.OPENSSL_VERSION}",
            code=None,
            alt=TPS,
        )


# =========================================================================== S3 / boto


S3_ERROR = """<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>{code}</Code><Message>{message}</Message><RequestId>4442587FB7D0A2F9</RequestId>
</Error>"""


def s3_blind(b: Subset) -> None:
    import boto3
    import botocore.config
    import botocore.exceptions

    src = version("botocore")
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    cfg = botocore.config.Config(
        retries={"max_attempts": 1, "mode": "standard"}, read_timeout=0.3, connect_timeout=1
    )
    with srv.http_server() as (base, canned):
        s3 = boto3.client("s3", endpoint_url=base, region_name="eu-north-1", config=cfg)
        for code, status, message, cat, alt in [
            (
                "InvalidAccessKeyId",
                403,
                "The AWS Access Key Id you provided does not exist in our records.",
                TPS,
                WE,
            ),
            (
                "SignatureDoesNotMatch",
                403,
                "The request signature we calculated does not match the signature you provided. "
                "Check your key and signing method.",
                TPS,
                WE,
            ),
            (
                "RequestTimeTooSkewed",
                403,
                "The difference between the request time and the current time is too large.",
                WE,
                None,
            ),
            ("ServiceUnavailable", 503, "Service is unable to handle request.", TPS, None),
        ]:
            variants = []
            for i, (act, bucket) in enumerate(
                [
                    ("READ :: S3", "tenant-44660227-in"),
                    ("LOAD :: S3", "dw-exports"),
                    ("READ :: S3 parquet", "lake-raw"),
                ]
            ):
                canned.put(
                    bucket, status, S3_ERROR.format(code=code, message=message), "application/xml"
                )
                key = f"in/{code.lower()}/{i}.csv"
                variants.append(
                    (
                        act,
                        lambda bucket=bucket, key=key, code=code, status=status, message=message: (
                            canned.put(
                                bucket,
                                status,
                                S3_ERROR.format(code=code, message=message),
                                "application/xml",
                            ),
                            s3.get_object(Bucket=bucket, Key=key),
                        ),
                    )
                )
            b.add(
                f"s3.{code.lower()}",
                "s3.client_error",
                cat,
                variants,
                source=src,
                code=status,
                alt=alt,
            )
    with srv.silent_server() as port:
        s3 = boto3.client(
            "s3", endpoint_url=f"http://{srv.LOOPBACK}:{port}", region_name="eu-north-1", config=cfg
        )
        b.add(
            "s3.read_timeout",
            "s3.timeout",
            TPS,
            [
                (act, lambda bucket=bucket: s3.list_objects_v2(Bucket=bucket, Prefix="in/"))
                for act, bucket in [
                    ("READ :: S3", "tenant-44660227-in"),
                    ("LOAD :: S3", "dw-exports"),
                    ("READ :: S3 parquet", "lake-raw"),
                ]
            ],
            source=src,
            code=None,
        )
    s3 = boto3.client("s3", region_name="eu-north-1")
    b.add(
        "s3.invalid_bucket_name",
        "s3.param_validation",
        IDQ,
        [
            (act, lambda bucket=bucket: s3.list_objects_v2(Bucket=bucket))
            for act, bucket in [
                ("READ :: S3", "tenant 44660227 in"),
                ("LOAD :: S3", "dw/exports"),
                ("READ :: S3 parquet", "s3://lake-raw"),
            ]
        ],
        source=src,
        code=None,
        alt=WE,
    )
    b.add(
        "s3.upload_missing_local_file",
        "python.os_error",
        WE,
        [
            (act, lambda name=name: s3.upload_file(name, "dw-exports", f"out/{name}"))
            for act, name in [
                ("LOAD :: S3", "ledger_20240601.parquet"),
                ("EXPORT :: S3 suppliers", "suppliers_export.csv"),
                ("LOAD :: S3 parquet", "part-00003.parquet"),
            ]
        ],
        source=src,
        alt=IDQ,
    )


# =========================================================================== FTP / SFTP


def ftp_blind(b: Subset, tmp: Path) -> None:
    import paramiko

    py = cap.python_source()
    root = tmp / "ftp-blind"
    (root / "out").mkdir(parents=True)

    with srv.ftp_server(root, "tenant", "secret") as port:

        def session(cmd: str) -> Callable[[], None]:
            def go() -> None:
                with ftplib.FTP() as ftp:
                    ftp.connect(srv.LOOPBACK, port, timeout=5)
                    ftp.login("tenant", "secret")
                    ftp.sendcmd(cmd)

            return go

        def anonymous(i: int) -> None:
            with ftplib.FTP() as ftp:
                ftp.connect(srv.LOOPBACK, port, timeout=5)
                ftp.login()
                ftp.cwd(f"in/{i}")

        b.add(
            "ftp.anonymous_denied",
            "ftp.error_perm",
            TPS,
            [
                (act, lambda i=i: anonymous(i))
                for i, act in enumerate(
                    [
                        "READ :: FTP bank statements",
                        "WRITE :: FTP remittance",
                        "READ :: FTP invoices (tenant 44660227)",
                    ]
                )
            ],
            source=py,
            alt=IDQ,
        )
    with srv.garbage_server(b"421 Too many connections (8) from this IP\r\n") as port:
        b.add(
            "ftp.too_many_connections",
            "ftp.error_temp",
            TPS,
            [
                (act, lambda: ftplib.FTP().connect(srv.LOOPBACK, port, timeout=5))
                for act in [
                    "READ :: FTP bank statements",
                    "WRITE :: FTP remittance",
                    "READ :: FTP invoices (tenant 44660227)",
                ]
            ],
            source=py,
            code=None,
        )
    keys = []
    for i, body in enumerate(
        [
            b"-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n",
            b"ssh-rsa AAAAB3NzaC1yc2E= user@host\n",
            b"PuTTY-User-Key-File-3: ssh-rsa\n",
        ]
    ):
        p = tmp / f"sftp_key_{i}.pem"
        p.write_bytes(body)
        keys.append(p)
    b.add(
        "sftp.invalid_private_key",
        "sftp.key",
        WE,
        [
            (act, lambda p=p: paramiko.RSAKey.from_private_key_file(str(p)))
            for act, p in zip(
                [
                    "READ :: SFTP invoices (tenant 44660227)",
                    "WRITE :: SFTP remittance",
                    "READ :: SFTP supplier master",
                ],
                keys,
                strict=True,
            )
        ],
        source=version("paramiko"),
        code=None,
        alt=IDQ,
    )


# =========================================================================== SOAP


def soap_blind(b: Subset) -> None:
    import zeep

    src = version("zeep")
    acts = [
        "SUBMIT :: SOAP invoices",
        "SUBMIT :: Agresso SOAP vouchers",
        "EXTRACT :: SOAP supplier register",
    ]
    with srv.http_server() as (base, canned):
        html = "<html><body><h1>Login</h1><p>Please sign in<br></p>&nbsp;</body></html>"
        for i in range(3):
            canned.put(f"html_wsdl_{i}", 200, html + " " * i, "text/html")
        b.add(
            "zeep.wsdl_html",
            "soap.transport",
            TPS,
            [
                (act, lambda i=i: zeep.Client(f"{base}/r/html_wsdl_{i}"))
                for i, act in enumerate(acts)
            ],
            source=src,
            code=None,
        )
        clients = [soap_client(base, canned, f"ok_{i}") for i in range(3)]
        b.add(
            "zeep.missing_element",
            "soap.validation",
            IDQ,
            [
                ("SUBMIT :: SOAP invoices", lambda: clients[0].service.SubmitInvoice(Amount=10)),
                (
                    "SUBMIT :: Agresso SOAP vouchers",
                    lambda: clients[1].service.SubmitInvoice(InvoiceNo="V-1"),
                ),
                ("SUBMIT :: SOAP invoices", lambda: clients[2].service.SubmitInvoice()),
            ],
            source=src,
            alt=WE,
        )
        faults: SoapFaults = [
            (
                "soap.fault_unknown_reference",
                "soap:Client",
                IDQ,
                None,
                [
                    "Supplier number 'S-10442' is unknown in company 44660227.",
                    "Supplier number 'ACME01' is unknown in company 12093311.",
                    "Account '7790' is unknown in company 44660227.",
                ],
            ),
            (
                "soap.fault_unavailable",
                "soap:Server",
                TPS,
                None,
                [
                    "The service is temporarily unavailable. Please retry later.",
                    "Service Unavailable: backend database is in maintenance mode.",
                    "The service is temporarily unavailable. Please retry later. (ref 7f3a)",
                ],
            ),
            (
                "soap.fault_access_denied",
                "soap:Client",
                TPS,
                WE,
                [
                    "Access denied: user 'svc_invoice_sync' lacks role 'InvoiceImport'.",
                    "Access denied: user 'api_44660227' lacks role 'VoucherWrite'.",
                    "Access denied: user 'integration01' lacks role 'SupplierRead'.",
                ],
            ),
        ]
        add_soap_faults(b, base, canned, acts, faults, source=src, invoice_prefix="INV")


#: (template, faultcode, category, alt_category, faultstring of each variant)
SoapFaults = list[tuple[str, str, str, str | None, list[str]]]


def soap_client(base: str, canned: srv.Canned, name: str) -> Any:
    """A zeep client of the invoice WSDL whose endpoint is the canned response `name`."""
    import zeep

    canned.put(f"{name}_wsdl", 200, cap.WSDL.replace("{location}", f"{base}/r/{name}"), "text/xml")
    return zeep.Client(f"{base}/r/{name}_wsdl")


def add_soap_faults(
    b: Subset,
    base: str,
    canned: srv.Canned,
    acts: list[str],
    faults: SoapFaults,
    *,
    source: str,
    invoice_prefix: str,
) -> None:
    """One template a fault: SubmitInvoice answered by HTTP 500 with that SOAP fault."""
    for key, fcode, cat, alt, texts in faults:
        variants: list[tuple[str, Callable[[], object]]] = []
        for i, (act, text) in enumerate(zip(acts, texts, strict=True)):
            name = f"{key.replace('.', '_')}_{i}"
            canned.put(name, 500, cap.SOAP_FAULT.format(code=fcode, text=text), "text/xml")
            client = soap_client(base, canned, name)
            variants.append(
                (
                    act,
                    lambda client=client, i=i: client.service.SubmitInvoice(
                        InvoiceNo=f"{invoice_prefix}-{i}", Amount=10
                    ),
                )
            )
        b.add(key, "soap.fault", cat, variants, source=source, alt=alt)


# =========================================================================== vendors (modelled)


XLEDGER_BLIND = [
    # (template, category, alt, extensions.code, messages)
    (
        "xledger.graphql.period_closed",
        IDQ,
        None,
        "BAD_USER_INPUT",
        [
            "Posting period 2024-05 is closed for entity 44660227.",
            "Posting period 2023-12 is closed for entity 12093311.",
            "Posting period 2024-01 is closed for entity 31337001.",
        ],
    ),
    (
        "xledger.graphql.token_expired",
        TPS,
        None,
        "UNAUTHENTICATED",
        [
            "The access token expired at 2024-06-01T03:00:00Z.",
            "The access token expired at 2024-06-14T23:59:59Z.",
            "The access token expired at 2024-07-02T08:30:00Z.",
        ],
    ),
    (
        "xledger.graphql.query_timeout",
        TPS,
        None,
        "TIMEOUT",
        [
            "The query took longer than 30 seconds and was aborted.",
            "The query took longer than 60 seconds and was aborted.",
            "The query took longer than 30 seconds and was aborted.",
        ],
    ),
    (
        "xledger.graphql.duplicate_invoice",
        IDQ,
        None,
        "CONFLICT",
        [
            "An invoice with number 'INV-2024-0042' already exists for supplier 'SUP-10442'.",
            "An invoice with number '100233' already exists for supplier 'ACME01'.",
            "An invoice with number 'CN-77' already exists for supplier 'SUP-00019'.",
        ],
    ),
    (
        "xledger.graphql.parse_failed",
        WE,
        None,
        "GRAPHQL_PARSE_FAILED",
        [
            'Syntax Error: Expected Name, found "}".',
            "Syntax Error: Expected Name, found <EOF>.",
            'Syntax Error: Unexpected "(".',
        ],
    ),
]


def vendor_blind(b: Subset) -> None:
    import httpx
    import requests

    hx, rq = version("httpx"), version("requests")
    acts = [
        "EXTRACT :: Xledger invoices",
        "SUBMIT :: Xledger invoices",
        "EXTRACT :: Xledger suppliers",
    ]
    with srv.http_server() as (base, canned):
        for template, cat, alt, code, messages in XLEDGER_BLIND:
            variants = []
            for act, message in zip(acts, messages, strict=True):
                body = {
                    "errors": [
                        {
                            "message": message,
                            "locations": [{"line": 1, "column": 3}],
                            "extensions": {"code": code},
                        }
                    ],
                    "data": None,
                }
                key = canned.put(f"xb{len(canned.responses)}", 200, json.dumps(body))

                def call(key: str = key) -> None:
                    payload = httpx.post(f"{base}/r/{key}", json={"query": "{ x }"}).json()
                    raise platform("GraphQLException")(payload["errors"])

                variants.append((act, call))
            b.add(
                template,
                "xledger.graphql",
                cat,
                variants,
                source=f"{hx} + Xledger GraphQL body (modelled)",
                alt=alt,
            )
        gateway = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
        canned.put("xgw", 502, gateway, "text/html")

        def xledger_http() -> None:
            resp = httpx.post(f"{base}/r/xgw/graphql", json={"query": "{ x }"})
            if resp.status_code >= 400:
                raise platform("XledgerException")(
                    f"Xledger request failed with status {resp.status_code}: {resp.text}"
                )

        b.add(
            "xledger.http_gateway",
            "xledger.http",
            TPS,
            [(act, xledger_http) for act in acts],
            source=f"{hx} + Xledger wrapper (modelled)",
        )

        def with_body(exc: BaseException) -> str:
            response = getattr(exc, "response", None)
            return f"{exc} - {response.text}" if response is not None else str(exc)

        def ivalua(key: str, status: int, body: dict[str, Any]) -> Callable[[], None]:
            canned.put(key, status, json.dumps(body))
            return lambda: requests.get(
                f"{base}/r/{key}/api/v1/suppliers?page=2", timeout=5
            ).raise_for_status()

        b.add(
            "ivalua.rest_403_scope",
            "ivalua.rest",
            TPS,
            [
                (
                    act,
                    ivalua(
                        f"ivs{i}",
                        403,
                        {
                            "error": "insufficient_scope",
                            "error_description": f"Scope '{scope}' required",
                        },
                    ),
                )
                for i, (act, scope) in enumerate(
                    [
                        ("EXPORT :: Ivalua suppliers", "supplier.write"),
                        ("EXTRACT :: Ivalua contracts", "contract.read"),
                        ("EXPORT :: Ivalua purchase orders", "po.write"),
                    ]
                )
            ],
            source=f"{rq} + Ivalua REST body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=403,
        )
        b.add(
            "ivalua.rest_404_object",
            "ivalua.rest",
            IDQ,
            [
                (act, ivalua(f"ivn{i}", 404, {"Message": f"{obj} not found"}))
                for i, (act, obj) in enumerate(
                    [
                        ("EXPORT :: Ivalua suppliers", "Supplier 'SUP-0091'"),
                        ("EXPORT :: Ivalua contracts", "Contract 'CT-2024-17'"),
                        ("EXTRACT :: Ivalua purchase orders", "Order '4500012345'"),
                    ]
                )
            ],
            source=f"{rq} + Ivalua REST body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=404,
            alt=TPS,
        )
        b.add(
            "ivalua.oauth_invalid_client",
            "ivalua.auth",
            TPS,
            [
                (
                    act,
                    ivalua(
                        f"ivo{i}",
                        400,
                        {
                            "error": "invalid_client",
                            "error_description": "Client authentication failed",
                        },
                    ),
                )
                for i, act in enumerate(
                    [
                        "EXPORT :: Ivalua suppliers",
                        "EXTRACT :: Ivalua contracts",
                        "EXTRACT :: Ivalua invoices",
                    ]
                )
            ],
            source=f"{rq} + Ivalua OAuth body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=400,
            alt=WE,
        )
    b.add(
        "ivalua.import_rejected",
        "ivalua.import",
        IDQ,
        [
            (act, modelled("IvaluaImportException", msg))
            for act, msg in [
                (
                    "EXPORT :: Ivalua suppliers",
                    "Import job 88123 finished with status Failed: "
                    "3 of 120 lines rejected. Line 4: mandatory field 'sup_code' is empty",
                ),
                (
                    "EXPORT :: Ivalua contracts",
                    "Import job 90211 finished with status Failed: "
                    "1 of 8 lines rejected. Line 2: value 'EURO' is not a valid currency code",
                ),
                (
                    "EXPORT :: Ivalua purchase orders",
                    "Import job 90377 finished with status "
                    "Failed: 12 of 12 lines rejected. Line 1: unknown buyer 'jdoe'",
                ),
            ]
        ],
        source="Ivalua import API (modelled)",
        code=422,
    )


# =========================================================================== Postgres / SQLAlchemy


def postgres_blind(b: Subset) -> None:
    import psycopg2
    import sqlalchemy as sa

    try:
        cluster = srv.postgres_cluster()
        info = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        b.c.missed.append(f"blind Postgres templates skipped: {exc}")
        return
    src = version("psycopg2-binary")
    try:
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(
                "create table invoices(id int primary key, qty int check (qty > 0), amount int)"
            )
            cur.execute("insert into invoices values (1, 1, 1)")
            cur.execute("create role reader login password 'reader'")
            cur.execute("create table payroll(id int)")

        def stmt(sql: str, *, user: str = "postgres", setup: str = "") -> Callable[[], None]:
            def go() -> None:
                params = dict(info, user=user)
                if user != "postgres":
                    params["password"] = user
                conn = psycopg2.connect(**params)
                try:
                    with conn.cursor() as cur:
                        if setup:
                            cur.execute(setup)
                        cur.execute(sql)
                finally:
                    conn.close()

            return go

        b.add(
            "psycopg2.check_violation",
            "psycopg2.error",
            IDQ,
            [
                ("LOAD :: Postgres invoices", stmt("insert into invoices values (2, 0, 1)")),
                ("LOAD :: Postgres warehouse", stmt("insert into invoices values (3, -4, 1)")),
                ("LOAD :: Postgres invoices", stmt("update invoices set qty = -1")),
            ],
            source=src,
            code=None,
        )
        b.add(
            "psycopg2.integer_out_of_range",
            "psycopg2.error",
            IDQ,
            [
                (
                    "LOAD :: Postgres invoices",
                    stmt("insert into invoices values (4, 1, 99999999999)"),
                ),
                ("LOAD :: Postgres warehouse", stmt("select '3000000000'::int")),
                ("EXTRACT :: ERP database invoices", stmt("select 2147483647 + 1")),
            ],
            source=src,
            code=None,
        )
        b.add(
            "psycopg2.insufficient_privilege",
            "psycopg2.error",
            TPS,
            [
                ("EXTRACT :: ERP database invoices", stmt("select * from payroll", user="reader")),
                (
                    "LOAD :: Postgres warehouse",
                    stmt("insert into invoices values (9, 1, 1)", user="reader"),
                ),
                ("EXTRACT :: ERP database payroll", stmt("select id from payroll", user="reader")),
            ],
            source=src,
            code=None,
            alt=WE,
        )
        b.add(
            "psycopg2.read_only_transaction",
            "psycopg2.error",
            TPS,
            [
                (
                    "LOAD :: Postgres warehouse",
                    stmt(
                        "insert into invoices values (5, 1, 1)", setup="set transaction read only"
                    ),
                ),
                (
                    "LOAD :: Postgres invoices",
                    stmt("delete from invoices", setup="set transaction read only"),
                ),
                (
                    "LOAD :: Postgres warehouse",
                    stmt("create table x(i int)", setup="set transaction read only"),
                ),
            ],
            source=src,
            code=None,
            alt=WE,
        )
        b.add(
            "psycopg2.lock_timeout",
            "psycopg2.error",
            WE,
            [
                (act, lambda act=act: _lock_timeout(info))
                for act in [
                    "LOAD :: Postgres invoices",
                    "LOAD :: Postgres warehouse",
                    "TRANSFORM :: SQL Postgres",
                ]
            ],
            source=src,
            code=None,
        )
        b.add(
            "psycopg2.terminated",
            "psycopg2.error",
            TPS,
            [
                (act, lambda: _terminated(info))
                for act in [
                    "EXTRACT :: ERP database invoices",
                    "LOAD :: Postgres warehouse",
                    "EXTRACT :: Postgres orders",
                ]
            ],
            source=src,
            code=None,
            alt=WE,
        )
        url = sa.engine.URL.create(
            "postgresql+psycopg2",
            username="postgres",
            host=str(info["host"]),
            port=int(info["port"]),
            database="postgres",
        )

        def sa_dup(i: int) -> None:
            engine = sa.create_engine(url)
            try:
                with engine.begin() as conn:
                    conn.execute(sa.text("insert into invoices values (1, 1, :i)"), {"i": i})
            finally:
                engine.dispose()

        b.add(
            "sqlalchemy.integrity",
            "sqlalchemy.error",
            IDQ,
            [
                (act, lambda i=i: sa_dup(i))
                for i, act in enumerate(
                    [
                        "LOAD :: Postgres invoices",
                        "LOAD :: Postgres warehouse",
                        "LOAD :: SQLAlchemy orders",
                    ]
                )
            ],
            source=version("sqlalchemy"),
            code=None,
        )

        def sa_login(user: str) -> None:
            bad = url.set(username=user, password="wrong")
            engine = sa.create_engine(bad)
            try:
                with engine.connect():
                    pass
            finally:
                engine.dispose()

        b.add(
            "sqlalchemy.operational_auth",
            "sqlalchemy.error",
            TPS,
            [
                (act, lambda user=user: sa_login(user))
                for act, user in [
                    ("EXTRACT :: ERP database invoices", "reader"),
                    ("EXTRACT :: Postgres orders", "etl_reader"),
                    ("LOAD :: Postgres warehouse", "loader"),
                ]
            ],
            source=version("sqlalchemy"),
            code=None,
            alt=WE,
        )
        admin.close()
    finally:
        cluster.__exit__(None, None, None)
    b.add(
        "sqlalchemy.bad_url",
        "sqlalchemy.error",
        IDQ,
        [
            (act, lambda u=u: sa.create_engine(u))
            for act, u in [
                ("EXTRACT :: ERP database invoices", "postgres//etl@erp:5432/prod"),
                ("LOAD :: Postgres warehouse", "warehouse-db:5432"),
                ("EXTRACT :: Postgres orders", "jdbc:postgresql://orders/db"),
            ]
        ],
        source=version("sqlalchemy"),
        code=None,
        alt=WE,
    )


def _lock_timeout(info: dict[str, Any]) -> None:
    import psycopg2

    holder = psycopg2.connect(**info)
    try:
        with holder.cursor() as cur:
            cur.execute("lock table invoices in access exclusive mode")
        waiter = psycopg2.connect(**info)
        try:
            with waiter.cursor() as cur:
                cur.execute("set lock_timeout = '200ms'")
                cur.execute("select * from invoices")
        finally:
            waiter.close()
    finally:
        holder.rollback()
        holder.close()


def _terminated(info: dict[str, Any]) -> None:
    import psycopg2

    victim = psycopg2.connect(**info)
    try:
        with victim.cursor() as cur:
            cur.execute("select pg_backend_pid()")
            row = cur.fetchone()
            assert row is not None
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("select pg_terminate_backend(%s)", (row[0],))
        admin.close()
        with victim.cursor() as cur:
            cur.execute("select 1")
    finally:
        victim.close()


# =========================================================================== parsing / python


def parsing_blind(b: Subset, tmp: Path) -> None:
    import lxml.etree
    import pydantic

    py = cap.python_source()
    b.add(
        "python.int_literal",
        "python.value_error",
        IDQ,
        [
            ("TRANSFORM :: Python amounts", lambda: int("12.5")),
            ("READ :: SFTP payments (tenant 31337001)", lambda: int("1 200")),
            ("TRANSFORM :: Python pandas", lambda: int("")),
        ],
        source=py,
    )
    b.add(
        "decimal.conversion_syntax",
        "python.decimal",
        IDQ,
        [
            ("TRANSFORM :: Python amounts", lambda: decimal.Decimal("12,50")),
            ("READ :: SFTP invoices (tenant 44660227)", lambda: decimal.Decimal("NOK 100")),
            ("TRANSFORM :: Python currency", lambda: decimal.Decimal("1.234.567,00")),
        ],
        source=py,
    )
    b.add(
        "datetime.strptime_mismatch",
        "python.value_error",
        IDQ,
        [
            ("TRANSFORM :: Python dates", lambda: dt.datetime.strptime("2024-13-01", "%Y-%m-%d")),
            (
                "READ :: SFTP invoices (tenant 44660227)",
                lambda: dt.datetime.strptime("31.12.2023", "%Y-%m-%d"),
            ),
            ("TRANSFORM :: Python pandas", lambda: dt.datetime.strptime("2024-06-01", "%d.%m.%Y")),
        ],
        source=py,
    )
    b.add(
        "datetime.unconverted_data",
        "python.value_error",
        IDQ,
        [
            (
                "TRANSFORM :: Python dates",
                lambda: dt.datetime.strptime("2024-06-01 10:00", "%Y-%m-%d"),
            ),
            (
                "READ :: SFTP payments (tenant 31337001)",
                lambda: dt.datetime.strptime("2024-06-01Z", "%Y-%m-%d"),
            ),
            ("TRANSFORM :: Python pandas", lambda: dt.datetime.strptime("01.06.20245", "%d.%m.%Y")),
        ],
        source=py,
    )
    b.add(
        "datetime.isoformat",
        "python.value_error",
        IDQ,
        [
            ("TRANSFORM :: Python dates", lambda: dt.date.fromisoformat("31.12.2023")),
            ("READ :: JSON orders", lambda: dt.datetime.fromisoformat("01/06/2024 10:00")),
            ("EXTRACT :: Ivalua suppliers", lambda: dt.date.fromisoformat("")),
        ],
        source=py,
        alt=TPS,
    )
    big = "x" * (csv.field_size_limit() + 10)
    b.add(
        "csv.field_limit",
        "csv.error",
        IDQ,
        [
            (act, lambda text=text: list(csv.reader(io.StringIO(text))))
            for act, text in [
                ("READ :: SFTP invoices (tenant 44660227)", f'id,note\n1,"{big}"\n'),
                ("READ :: Local CSV suppliers", f"{big}\n"),
                ("READ :: FTP bank statements", f'a;b\n"{big}";1\n'),
            ]
        ],
        source=py,
    )
    b.add(
        "zip.bad_zipfile",
        "zip.bad_zip",
        IDQ,
        [
            (act, lambda data=data: zipfile.ZipFile(io.BytesIO(data)))
            for act, data in [
                ("READ :: Excel budget", b"id,amount\n1,2\n"),
                ("READ :: SFTP archive (tenant 44660227)", b"<html>not found</html>"),
                ("READ :: S3 zip", b"PK\x03\x04truncated"),
            ]
        ],
        source=py,
    )
    b.add(
        "gzip.bad_gzip",
        "gzip.bad_gzip",
        IDQ,
        [
            (act, lambda data=data: gzip.decompress(data))
            for act, data in [
                ("READ :: S3 gz", b"id,amount\n1,2\n"),
                ("READ :: SFTP invoices (tenant 44660227)", b"PK\x03\x04zipnotgzip"),
                ("READ :: FTP bank statements", b"\x00\x01\x02"),
            ]
        ],
        source=py,
    )
    whole = gzip.compress(b"id,amount\n" + b"1,2\n" * 200)
    b.add(
        "gzip.truncated",
        "gzip.eof",
        IDQ,
        [
            (act, lambda n=n: gzip.decompress(whole[:n]))
            for act, n in [
                ("READ :: S3 gz", 20),
                ("READ :: SFTP invoices (tenant 44660227)", 30),
                ("READ :: FTP bank statements", len(whole) - 5),
            ]
        ],
        source=py,
        alt=TPS,
    )
    b.add(
        "xml.etree_parse",
        "xml.syntax",
        IDQ,
        [
            (act, lambda text=text: ET.fromstring(text))
            for act, text in [
                ("READ :: SFTP invoices (tenant 44660227)", "<Invoice><Id>1</Invoice>"),
                ("READ :: FTP bank statements", "<Doc>\n<Ntry>&</Ntry></Doc>"),
                ("READ :: SFTP supplier master", ""),
            ]
        ],
        source=py,
    )
    schema = lxml.etree.XMLSchema(
        lxml.etree.fromstring(
            b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:element name="Invoice"><xs:complexType><xs:sequence>
        <xs:element name="Amount" type="xs:decimal"/><xs:element name="Due" type="xs:date"/>
        </xs:sequence></xs:complexType></xs:element></xs:schema>"""
        )
    )
    b.add(
        "lxml.schema_invalid",
        "xml.schema",
        IDQ,
        [
            (act, lambda doc=doc: schema.assertValid(lxml.etree.fromstring(doc)))
            for act, doc in [
                (
                    "READ :: SFTP invoices (tenant 44660227)",
                    b"<Invoice><Amount>abc</Amount><Due>2024-06-01</Due></Invoice>",
                ),
                (
                    "READ :: SFTP e-invoices",
                    b"<Invoice><Amount>1</Amount><Due>31.06.2024</Due></Invoice>",
                ),
                ("READ :: FTP invoices", b"<Invoice><Amount>1</Amount></Invoice>"),
            ]
        ],
        source=version("lxml"),
    )
    b.add(
        "base64.padding",
        "binascii.error",
        IDQ,
        [
            (act, lambda s=s: base64.b64decode(s, validate=True))
            for act, s in [
                ("EXTRACT :: Ivalua attachments", "SGVsbG8"),
                ("READ :: JSON orders", "SGVsbG8gV29ybGQ"),
                ("EXTRACT :: Xledger attachments", "Zm9vYmE"),
            ]
        ],
        source=py,
        alt=TPS,
    )
    b.add(
        "unicode.decode_other_codec",
        "unicode.decode",
        IDQ,
        [
            (act, lambda data=data, enc=enc: data.decode(enc))
            for act, data, enc in [
                ("READ :: SFTP invoices (tenant 44660227)", b"id,\xff\xfe\x00", "ascii"),
                ("READ :: Local CSV suppliers", b"a\x00b\x00c", "utf-16-le"),
                ("READ :: FTP bank statements", b"\x81\x82", "cp1252"),
            ]
        ],
        source=py,
    )

    class Line(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="forbid")
        currency: str = pydantic.Field(pattern="^(NOK|EUR|SEK)$")
        quantity: int = pydantic.Field(gt=0)

    b.add(
        "pydantic.extra_forbidden",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda extra=extra: Line(currency="NOK", quantity=1, **extra))
            for act, extra in [
                ("READ :: JSON orders", {"qty": 1}),
                ("EXTRACT :: Ivalua suppliers", {"vatNumber": "NO123"}),
                ("READ :: Local CSV suppliers", {"Unnamed: 7": ""}),
            ]
        ],
        source=version("pydantic"),
        alt=TPS,
    )
    b.add(
        "pydantic.greater_than",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda q=q: Line(currency="NOK", quantity=q))
            for act, q in [
                ("READ :: JSON orders", 0),
                ("TRANSFORM :: Python amounts", -3),
                ("READ :: SFTP invoices (tenant 44660227)", -100),
            ]
        ],
        source=version("pydantic"),
    )
    b.add(
        "pydantic.pattern",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda cur=cur: Line(currency=cur, quantity=1))
            for act, cur in [
                ("READ :: JSON orders", "USD"),
                ("TRANSFORM :: Python currency", "nok"),
                ("READ :: SFTP invoices (tenant 44660227)", "EURO"),
            ]
        ],
        source=version("pydantic"),
    )
    b.add(
        "pydantic.json_invalid",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda doc=doc: Line.model_validate_json(doc))
            for act, doc in [
                ("READ :: JSON orders", '{"currency": "NOK", '),
                ("EXTRACT :: Ivalua suppliers", "<html>"),
                ("READ :: JSON suppliers", '{"currency": NOK}'),
            ]
        ],
        source=version("pydantic"),
        alt=TPS,
    )


def python_blind(b: Subset, tmp: Path) -> None:
    py = cap.python_source()
    nothing: Any = None
    b.add(
        "python.none_not_iterable",
        "python.type_error",
        WE,
        [
            ("TRANSFORM :: Python pandas", lambda: list(nothing)),
            ("SUBMIT :: Xledger invoices", lambda: [x for x in nothing]),
            ("TRANSFORM :: Python enrich suppliers", lambda: dict(nothing)),
        ],
        source=py,
    )
    b.add(
        "python.unhashable",
        "python.type_error",
        WE,
        [
            ("TRANSFORM :: Python pandas", lambda: {[1, 2]: 1}),
            ("TRANSFORM :: Python enrich suppliers", lambda: {{"a": 1}}),
            ("TRANSFORM :: Python dedupe", lambda: set([[1], [2]])),
        ],
        source=py,
    )

    b.add(
        "python.missing_argument",
        "python.type_error",
        WE,
        [
            ("SUBMIT :: Xledger invoices", lambda: submit_invoice("INV-1")),  # type: ignore[call-arg]
            ("EXPORT :: Ivalua suppliers", lambda: submit_invoice()),  # type: ignore[call-arg]
            ("SUBMIT :: Visma vouchers", lambda: submit_invoice(amount=1)),  # type: ignore[call-arg]
        ],
        source=py,
    )

    def undefined(name: str) -> Callable[[], None]:
        return lambda: eval(name, {})  # noqa: S307 - raises the interpreter's own NameError

    b.add(
        "python.name_error",
        "python.name_error",
        WE,
        [
            ("TRANSFORM :: Python pandas", undefined("supplier_map")),
            ("TRANSFORM :: Python custom step", undefined("np")),
            ("TRANSFORM :: Python enrich suppliers", undefined("tenant_config")),
        ],
        source=py,
    )

    def unpack(row: tuple[Any, ...]) -> None:
        a, b_, c = row

    b.add(
        "python.unpack",
        "python.value_error",
        WE,
        [
            ("TRANSFORM :: Python pandas", lambda: unpack((1, 2))),
            ("READ :: SFTP payments (tenant 31337001)", lambda: unpack((1, 2, 3, 4))),
            ("TRANSFORM :: Python split names", lambda: unpack(("a",))),
        ],
        source=py,
        alt=IDQ,
    )
    b.add(
        "python.no_space",
        "python.os_error",
        WE,
        [
            (act, lambda: Path("/dev/full").write_bytes(b"x" * 65536))
            for act in [
                "WRITE :: Dataset invoices",
                "LOAD :: DuckDB staging",
                "WRITE :: CSV export",
            ]
        ],
        source=py,
    )
    b.add(
        "python.file_not_found",
        "python.os_error",
        IDQ,
        [
            (act, lambda p=p: open(p, encoding="utf-8"))  # noqa: SIM115
            for act, p in [
                ("READ :: Local CSV suppliers", "in/suppliers_20240601.csv"),
                ("READ :: SFTP invoices (tenant 44660227)", "in/invoices_0601.csv"),
                ("READ :: Excel budget", "in/budget_2024.xlsx"),
            ]
        ],
        source=py,
        alt=WE,
    )


def submit_invoice(invoice_no: str, amount: float) -> None:
    """Stands in for a platform step's function called with too few arguments."""


# =========================================================================== engine (modelled)


def engine_blind(b: Subset) -> None:
    b.add(
        "engine.heartbeat_lost",
        "workflow.worker",
        WE,
        [
            (act, modelled("TaskLostError", f"Task lost: no heartbeat from {w} for {s} seconds"))
            for act, w, s in [
                ("TRANSFORM :: SQL", "worker-3", 300),
                ("EXTRACT :: Xledger invoices", "worker-11", 600),
                ("LOAD :: S3", "etl-worker-7f9c", 300),
            ]
        ],
        source=MODELLED,
    )
    b.add(
        "engine.shutdown_cancelled",
        "workflow.worker",
        WE,
        [
            (act, modelled("JobCancelledError", msg))
            for act, msg in [
                ("TRANSFORM :: SQL", "Job cancelled: the scheduler is shutting down"),
                (
                    "EXPORT :: Ivalua suppliers",
                    "Job cancelled: the scheduler is shutting down (deployment 2024.06.3)",
                ),
                ("LOAD :: S3", "Job cancelled: the scheduler is shutting down"),
            ]
        ],
        source=MODELLED,
    )
    b.add(
        "engine.secret_missing",
        "workflow.config",
        WE,
        [
            (act, modelled("SecretNotFoundError", f"Secret '{s}' not found for tenant {t}"))
            for act, s, t in [
                ("EXTRACT :: Xledger invoices", "xledger_api_token", 44660227),
                ("EXPORT :: Ivalua suppliers", "ivalua_client_secret", 12093311),
                ("READ :: SFTP invoices (tenant 44660227)", "sftp_password", 44660227),
            ]
        ],
        source=MODELLED,
        alt=IDQ,
    )
    b.add(
        "engine.upstream_failed",
        "workflow.dag",
        WE,
        [
            (
                act,
                modelled(
                    "UpstreamFailedError", f"Upstream activity '{up}' failed; '{act}' was not run"
                ),
            )
            for act, up in [
                ("TRANSFORM :: SQL", "EXTRACT :: Xledger invoices"),
                ("LOAD :: S3", "TRANSFORM :: SQL"),
                ("EXPORT :: Ivalua suppliers", "TRANSFORM :: Python enrich suppliers"),
            ]
        ],
        source=MODELLED,
    )
    b.add(
        "engine.queue_timeout",
        "workflow.scheduler",
        WE,
        [
            (
                act,
                modelled(
                    "SchedulingTimeoutError",
                    f"Job waited {s} seconds in queue '{q}' without a free worker",
                ),
            )
            for act, s, q in [
                ("TRANSFORM :: SQL", 1800, "default"),
                ("EXTRACT :: Xledger invoices", 3600, "vendor-io"),
                ("LOAD :: S3", 900, "default"),
            ]
        ],
        source=MODELLED,
    )
    b.add(
        "engine.storage_write",
        "workflow.internal",
        WE,
        [
            (
                act,
                modelled(
                    "WriteException",
                    f"Failed to write dataset '{ds}' partition {p}: storage service returned 503",
                ),
            )
            for act, ds, p in [
                ("WRITE :: Dataset invoices", "invoices", 12),
                ("WRITE :: Dataset suppliers", "suppliers", 0),
                ("LOAD :: Dataset payments", "payments", 7),
            ]
        ],
        source=MODELLED,
    )
    b.add(
        "engine.result_too_large",
        "workflow.internal",
        WE,
        [
            (
                act,
                modelled(
                    "ResultTooLargeError",
                    f"Activity output of {mb} MB exceeds the 256 MB limit for inline results",
                ),
            )
            for act, mb in [
                ("TRANSFORM :: SQL", 412),
                ("EXTRACT :: Xledger invoices", 1290),
                ("TRANSFORM :: Python pandas", 257),
            ]
        ],
        source=MODELLED,
        alt=IDQ,
    )


# =========================================================================== main


FAMILIES = [
    "duckdb",
    "pandas",
    "http",
    "s3",
    "ftp",
    "soap",
    "vendor",
    "postgres",
    "parsing",
    "python",
    "engine",
]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_blind(b, tmp),
            "pandas": lambda: pandas_blind(b, tmp),
            "http": lambda: http_blind(b, tmp),
            "s3": lambda: s3_blind(b),
            "ftp": lambda: ftp_blind(b, tmp),
            "soap": lambda: soap_blind(b),
            "vendor": lambda: vendor_blind(b),
            "postgres": lambda: postgres_blind(b),
            "parsing": lambda: parsing_blind(b, tmp),
            "python": lambda: python_blind(b, tmp),
            "engine": lambda: engine_blind(b),
        },
    )


def main() -> int:
    return subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


def capture_subset(
    prefix: str,
    families: list[str],
    only: list[str] | None,
    steps: Callable[[Subset, Path], dict[str, Callable[[], None]]],
) -> cap.Corpus:
    """Capture the families `only` (default: all `families`) of a holdout subset. `steps` maps
    the subset and a temporary folder to one capture function per family; they run with that
    folder as the working directory, so that relative file names keep the messages stable."""
    corpus = cap.Corpus()
    subset = Subset(corpus, prefix=prefix)
    name = prefix.rstrip(".")
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory(prefix=f"ji-{name}-") as t:
        tmp = Path(t)
        os.chdir(tmp)
        by_family = steps(subset, tmp)
        try:
            for family in only or families:
                print(f"capturing {name} {family} ...", file=sys.stderr)
                by_family[family]()
        finally:
            os.chdir(cwd)
    return corpus


def subset_main(
    description: str,
    families: list[str],
    capture: Callable[[list[str] | None], cap.Corpus],
    prefix: str,
) -> int:
    """The command line of a subset capture: run the families, replace the subset's lines."""
    import logging

    logging.getLogger("paramiko").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=cap.DEFAULT_OUT)
    parser.add_argument("--only", nargs="*", choices=families)
    args = parser.parse_args()
    corpus = capture(args.only)
    for miss in corpus.missed:
        print(f"warning: {miss}", file=sys.stderr)
    write_subset(args.out, prefix, corpus.rows)
    return 1 if corpus.missed else 0


def write_subset(out: Path, prefix: str, rows: list[dict[str, Any]]) -> None:
    """Replace the corpus lines whose template_id starts with `prefix` by `rows`."""
    kept = []
    if out.exists():
        with out.open(encoding="utf-8") as fh:
            kept = [
                line
                for line in fh
                if line.strip() and not json.loads(line)["template_id"].startswith(prefix)
            ]
    with out.open("w", encoding="utf-8") as fh:
        fh.writelines(kept)
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    templates = {r["template_id"] for r in rows}
    print(
        f"wrote {len(rows)} {prefix}* lines in {len(templates)} templates "
        f"(+{len(kept)} kept) to {out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
