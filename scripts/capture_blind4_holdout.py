"""Capture the FOURTH blind holdout: error templates new to the corpus, written without the rules.

The first three blind holdouts (``blind.*``, ``blind2.*``, ``blind3.*``) have been seen while the
rules were revised. Every template here (template_id ``blind4.*``, split ``holdout``) is new to the
corpus and was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind4``) is an honest figure again.
About two thirds come from the families the pipeline meets every day (DuckDB, pandas, HTTP clients,
S3, FTP/SFTP, SOAP, Xledger, Ivalua, Postgres, parsing, Python, the workflow engine and its wrapper
exceptions) in wordings the corpus lacks; the rest are other integration failures of such pipelines
(ERP databases and APIs, e-invoicing validation, spreadsheets and chat webhooks, archives, SaaS
APIs, file shares).
Each error is raised by the real library installed here, against servers on 127.0.0.1 only; vendor,
cloud and platform wrappers and replies (Xledger GraphQL, Ivalua REST, Business Central, SQL Server,
Snowflake, FTP server replies, the workflow engine) are modelled on realistic bodies and phrasings
and say so in ``source``.

Run:  uv run python scripts/capture_blind4_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind4.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import asyncio
import bz2
import contextlib
import datetime as dt
import decimal
import ftplib
import io
import json
import lzma
import os
import pickle
import socket
import subprocess
import sys
import threading
import urllib.request
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402
import capture_blind3_holdout as blind3  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset, modelled  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
platform, raise_, version = cap.platform, cap.raise_, cap.version
PREFIX = "blind4."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
with_body = blind3.with_body


many, wrapped = blind.many, blind.wrapped


# =========================================================================== DuckDB


def duckdb_blind4(b: Subset, tmp: Path) -> None:
    import duckdb

    src = version("duckdb")

    run = blind.duckdb_query

    ledger = (
        "create table ledger(id integer primary key, account varchar, amount decimal(10,2), "
        "posted date, currency varchar)"
    )
    b.add(
        "duckdb.binder.insert_column_missing",
        "duckdb.binder",
        WE,
        [
            (
                "LOAD :: DuckDB warehouse",
                run("insert into ledger(id, acct) values (1, 'x')", ledger),
            ),
            (
                "TRANSFORM :: SQL ledger",
                run("insert into ledger(id, amount, curr) values (2, 1, 'NOK')", ledger),
            ),
            (
                "LOAD :: DuckDB staging",
                run("insert into ledger(id, posting_date) values (3, null)", ledger),
            ),
        ],
        source=src,
        alt=IDQ,
    )
    b.add(
        "duckdb.conversion.decimal_string",
        "duckdb.conversion",
        IDQ,
        [
            ("TRANSFORM :: SQL amounts", run("select cast('1.250,75' as decimal(10,2))")),
            ("LOAD :: DuckDB warehouse", run("select '1 200,00'::decimal(12,2)")),
            (
                "TRANSFORM :: SQL",
                run("select try_cast(id as int), 'NOK 99'::decimal(18,3) from range(1) t(id)"),
            ),
        ],
        source=src,
    )
    b.add(
        "duckdb.conversion.boolean_string",
        "duckdb.conversion",
        IDQ,
        [
            ("TRANSFORM :: SQL suppliers", run("select cast('ja' as boolean)")),
            ("TRANSFORM :: SQL", run("select 'nei'::bool")),
            ("LOAD :: DuckDB warehouse", run("select cast('Aktiv' as boolean) as active")),
        ],
        source=src,
    )
    b.add(
        "duckdb.conversion.unimplemented_cast",
        "duckdb.conversion",
        WE,
        [
            ("TRANSFORM :: SQL", run("select cast(true as date)")),
            ("TRANSFORM :: SQL ledger", run("select 'abc'::blob::int")),
            ("LOAD :: DuckDB warehouse", run("select cast(date '2024-06-01' as time)")),
        ],
        source=src,
        alt=IDQ,
    )
    b.add(
        "duckdb.binder.group_by_aggregate",
        "duckdb.binder",
        WE,
        [
            (
                "TRANSFORM :: SQL aggregate invoices",
                run("select * from ledger group by sum(amount)", ledger),
            ),
            (
                "TRANSFORM :: SQL",
                run("select account from ledger group by account, count(*)", ledger),
            ),
            ("TRANSFORM :: SQL totals", run("select 1 from ledger group by max(posted)", ledger)),
        ],
        source=src,
    )
    b.add(
        "duckdb.binder.struct_key_missing",
        "duckdb.binder",
        WE,
        [
            ("TRANSFORM :: SQL orders json", run("select {'id': 1, 'total': 5}.amount")),
            ("TRANSFORM :: SQL", run("select struct_extract({'supplier': 'S1'}, 'supplierNo')")),
            (
                "TRANSFORM :: SQL invoices",
                run("select s.vat from (select {'net': 1, 'gross': 2} as s)"),
            ),
        ],
        source=src,
        alt=IDQ,
    )
    Path("in").mkdir(exist_ok=True)
    Path("in/invoices_0601.csv").write_text("id,amount\n1,2\n")
    b.add(
        "duckdb.permission.external_access",
        "duckdb.permission",
        WE,
        [
            (
                "READ :: Local CSV invoices",
                run(
                    "select * from read_csv('in/invoices_0601.csv')",
                    config={"enable_external_access": False},
                ),
            ),
            (
                "WRITE :: CSV export",
                run(
                    "copy (select 1 as id) to 'out_ledger.csv'",
                    config={"enable_external_access": False},
                ),
            ),
            (
                "READ :: Parquet orders",
                run("select * from 'in/orders.parquet'", config={"enable_external_access": False}),
            ),
        ],
        source=src,
    )
    cols = [
        (
            "READ :: SFTP invoices (tenant 44660227)",
            "in/inv_0602.csv",
            "id,amount\n1,2\n3,4,5\n6,7\n",
        ),
        (
            "READ :: FTP bank statements",
            "in/bank_0603.csv",
            "date,amount,ref\n2024-06-03,1,a\n2024-06-03,2\n",
        ),
        ("READ :: Local CSV suppliers", "in/sup.csv", "code;name\nA;B\nC;D;E;F\n"),
    ]
    for _act, name, text in cols:
        Path(name).write_text(text * 2)
    b.add(
        "duckdb.invalid_input.csv_column_count",
        "duckdb.invalid_input",
        IDQ,
        [
            (
                act,
                run(
                    f"select * from read_csv('{name}', header=true, auto_detect=false, "
                    f"delim='{';' if ';' in text else ','}', columns={{"
                    + ", ".join(
                        f"'{c}': 'VARCHAR'"
                        for c in text.split("\n")[0].replace(";", ",").split(",")
                    )
                    + "})"
                ),
            )
            for act, name, text in cols
        ],
        source=src,
        alt=TPS,
    )
    Path("erp_export.csv").write_text("a,b\n1,2\n")
    Path("warehouse.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    Path("staging.parquet").write_bytes(b"PAR1" + b"\x00" * 64)
    b.add(
        "duckdb.io.not_a_database",
        "duckdb.io",
        WE,
        [
            ("LOAD :: DuckDB warehouse", run("attach 'erp_export.csv' as erp (type duckdb)")),
            ("TRANSFORM :: SQL", run("attach 'warehouse.db' as wh (type duckdb)")),
            ("LOAD :: DuckDB staging", run("attach 'staging.parquet' as stg (type duckdb)")),
        ],
        source=src,
        alt=IDQ,
    )
    b.add(
        "duckdb.catalog.replace_other_type",
        "duckdb.catalog",
        WE,
        [
            (
                "LOAD :: DuckDB warehouse",
                run(
                    "create or replace table invoices as select 1",
                    "create view invoices as select 1",
                ),
            ),
            (
                "TRANSFORM :: SQL",
                run(
                    "create or replace view suppliers as select 1", "create table suppliers(id int)"
                ),
            ),
            (
                "TRANSFORM :: SQL ledger",
                run(
                    "create or replace table gl_summary as select 2",
                    "create view gl_summary as select 1",
                ),
            ),
        ],
        source=src,
    )
    b.add(
        "duckdb.binder.duplicate_alias",
        "duckdb.binder",
        WE,
        [
            (
                "TRANSFORM :: SQL",
                run("select ledger.amount from ledger join ledger on true", ledger),
            ),
            (
                "TRANSFORM :: SQL join accounts",
                run("select l.id from ledger l, ledger l", ledger),
            ),
            ("TRANSFORM :: SQL ledger", run("select * from ledger, ledger", ledger)),
        ],
        source=src,
    )
    b.add(
        "duckdb.catalog.unknown_setting",
        "duckdb.catalog",
        WE,
        [
            ("TRANSFORM :: SQL", run("set threds = 4")),
            ("READ :: S3 parquet", run("select current_setting('s3_regoin')")),
            ("LOAD :: DuckDB warehouse", run("set memory_limt = '4GB'")),
        ],
        source=src,
    )
    b.add(
        "duckdb.io.extension_not_installed",
        "duckdb.io",
        WE,
        [
            (
                "READ :: Excel budget",
                run("load excel", config={"autoinstall_known_extensions": False}),
            ),
            (
                "READ :: SharePoint cost centers",
                run("load spatial", config={"autoinstall_known_extensions": False}),
            ),
            (
                "EXTRACT :: ERP database invoices",
                run("load postgres_scanner", config={"autoinstall_known_extensions": False}),
            ),
        ],
        source=src,
    )

    def scan(name: str, value: object, sql: str) -> Callable[[], Any]:
        return lambda: _replacement_scan(duckdb, name, value, sql)

    b.add(
        "duckdb.invalid_input.replacement_scan",
        "duckdb.invalid_input",
        WE,
        [
            (
                "TRANSFORM :: SQL invoices",
                scan("invoices", {"id": [1, 2]}, "select * from invoices"),
            ),
            (
                "TRANSFORM :: Python pandas",
                scan("suppliers", [("S1", "Acme")], "select count(*) from suppliers"),
            ),
            ("TRANSFORM :: SQL", scan("ledger_df", None, "select sum(amount) from ledger_df")),
        ],
        source=src,
    )
    b.add(
        "duckdb.transaction.nested_begin",
        "duckdb.transaction",
        WE,
        [
            ("LOAD :: DuckDB warehouse", run("begin transaction", "begin transaction")),
            ("TRANSFORM :: SQL", run("begin", "begin;select 1")),
            (
                "LOAD :: DuckDB staging",
                run("start transaction", "create table s(id int);begin;insert into s values (1)"),
            ),
        ],
        source=src,
    )
    b.add(
        "duckdb.out_of_range.date_arithmetic",
        "duckdb.out_of_range",
        IDQ,
        [
            (
                "TRANSFORM :: SQL due dates",
                run("select date '2024-06-01' + interval 99999999 year"),
            ),
            ("TRANSFORM :: Python dates", run("select make_date(2024, 1, 1) + 2147483647")),
            ("TRANSFORM :: SQL", run("select date '9999-12-31' + interval 9999999 year")),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "duckdb.conversion.strptime_day_range",
        "duckdb.conversion",
        IDQ,
        [
            ("TRANSFORM :: SQL dates", run("select strptime('31.06.2024', '%d.%m.%Y')")),
            ("READ :: Local CSV payments", run("select strptime('30/02/2024', '%d/%m/%Y')")),
            ("TRANSFORM :: SQL", run("select strptime('2023-02-29', '%Y-%m-%d')")),
        ],
        source=src,
    )
    b.add(
        "duckdb.sql_activity_wrapped",
        "duckdb.binder",
        WE,
        [
            (
                "TRANSFORM :: SQL totals",
                run("select account, sum(account) from ledger group by 1", ledger),
            ),
            ("TRANSFORM :: SQL", run("select avg(currency) from ledger", ledger)),
            ("TRANSFORM :: SQL aggregate invoices", run("select sum(posted) from ledger", ledger)),
        ],
        source=f"{src} wrapped by the platform's SqlActivityError (modelled)",
        wrap="SqlActivityError",
        wrap_message=wrapped("SQL activity failed while executing the transformation query: {exc}"),
        alt=IDQ,
    )


def _replacement_scan(duckdb: Any, name: str, value: object, sql: str) -> Any:
    """Query a Python variable by name: DuckDB's replacement scan looks in the caller's frame."""
    con = duckdb.connect()
    try:
        ns: dict[str, Any] = {"con": con, "sql": sql, "value": value}
        exec(f"def q():\n    {name} = value\n    return con.sql(sql).fetchall()\n", ns)  # noqa: S102
        return ns["q"]()
    finally:
        con.close()


# =========================================================================== pandas


def pandas_blind4(b: Subset, tmp: Path) -> None:
    import pandas as pd

    src = version("pandas")

    def csv(text: str, **kw: Any) -> Any:
        return pd.read_csv(io.StringIO(text), **kw)

    b.add(
        "pandas.str_accessor",
        "pandas.attribute",
        IDQ,
        [
            (
                "TRANSFORM :: Python suppliers",
                lambda: csv("org_no\n998877665\n").org_no.str.strip(),
            ),
            (
                "TRANSFORM :: Python pandas",
                lambda: csv("code,amount\nA,1\n")["amount"].str.replace(",", "."),
            ),
            (
                "TRANSFORM :: Python accounts",
                lambda: csv("account\n3000\n4000\n")["account"].str.zfill(6),
            ),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "pandas.dt_accessor",
        "pandas.attribute",
        IDQ,
        [
            (
                "TRANSFORM :: Python dates",
                lambda: csv("posted\n2024-06-01\nn/a\n")["posted"].dt.month,
            ),
            ("TRANSFORM :: Python invoices", lambda: csv("due\n01.06.2024\n")["due"].dt.date),
            ("TRANSFORM :: Python pandas", lambda: csv("period\n202406\n")["period"].dt.year),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "pandas.drop_not_found",
        "pandas.key_error",
        IDQ,
        [
            (
                "TRANSFORM :: Python pandas",
                lambda: csv("id,amount\n1,2\n").drop(columns=["internal_note"]),
            ),
            (
                "TRANSFORM :: Python suppliers",
                lambda: csv("code,name\nA,B\n").drop(columns=["Unnamed: 0", "tmp"]),
            ),
            ("TRANSFORM :: Python invoices", lambda: csv("id\n1\n").drop(["vat_code"], axis=1)),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "pandas.json_normalize_record_path",
        "pandas.key_error",
        IDQ,
        [
            ("EXTRACT :: REST orders", lambda: pd.json_normalize([{"id": 1}], record_path="lines")),
            (
                "EXTRACT :: Ivalua suppliers",
                lambda: pd.json_normalize({"data": []}, record_path=["items"]),
            ),
            (
                "TRANSFORM :: Python invoices",
                lambda: pd.json_normalize(
                    [{"no": "A", "rows": []}, {"no": "B"}], record_path="rows"
                ),
            ),
        ],
        source=src,
        alt=TPS,
    )
    b.add(
        "pandas.set_index_duplicates",
        "pandas.value_error",
        IDQ,
        [
            (
                "TRANSFORM :: Python suppliers",
                lambda: csv("code,name\nS1,A\nS1,B\n").set_index("code", verify_integrity=True),
            ),
            (
                "TRANSFORM :: Python invoices",
                lambda: csv("invoice_no,amount\n88,1\n88,2\n89,3\n").set_index(
                    "invoice_no", verify_integrity=True
                ),
            ),
            (
                "TRANSFORM :: Python pandas",
                lambda: csv("id,a\n7,1\n7,1\n").set_index(["id"], verify_integrity=True),
            ),
        ],
        source=src,
    )
    b.add(
        "pandas.concat_nothing",
        "pandas.value_error",
        IDQ,
        [
            ("READ :: SFTP invoices (tenant 44660227)", lambda: pd.concat([])),
            ("TRANSFORM :: Python merge files", lambda: pd.concat([None, None])),
            ("READ :: S3 parquet", lambda: pd.concat(df for df in [])),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "pandas.read_csv_duplicate_names",
        "pandas.value_error",
        WE,
        [
            ("READ :: Local CSV suppliers", lambda: csv("a,b\n1,2\n", names=["code", "code"])),
            (
                "READ :: FTP bank statements",
                lambda: csv("1;2;3\n", sep=";", names=["date", "amount", "date"]),
            ),
            (
                "READ :: SFTP invoices (tenant 44660227)",
                lambda: csv("1,2\n", names=["id", "id"], header=None),
            ),
        ],
        source=src,
        alt=IDQ,
    )
    b.add(
        "pandas.astype_mapping_missing",
        "pandas.key_error",
        IDQ,
        [
            (
                "TRANSFORM :: Python pandas",
                lambda: csv("id,amount\n1,2\n").astype({"amount_nok": "float64"}),
            ),
            (
                "TRANSFORM :: Python suppliers",
                lambda: csv("code\nA\n").astype({"org_no": "string"}),
            ),
            (
                "TRANSFORM :: Python invoices",
                lambda: csv("no\n1\n").astype({"InvoiceNo": "int64", "no": "int64"}),
            ),
        ],
        source=src,
        alt=WE,
    )
    b.add(
        "pandas.read_json_trailing",
        "pandas.value_error",
        IDQ,
        [
            ("READ :: JSON orders", lambda: pd.read_json(io.StringIO('{"id": 1}\n{"id": 2}\n'))),
            ("EXTRACT :: REST orders", lambda: pd.read_json(io.StringIO('[{"a": 1}] [{"a": 2}]'))),
            ("READ :: API payload", lambda: pd.read_json(io.StringIO('{"data": [1]}garbage'))),
        ],
        source=src,
        alt=TPS,
    )

    def read_fail(text: str, **kw: Any) -> Callable[[], object]:
        return lambda: csv(text, **kw)

    b.add(
        "pandas.read_exception_wrapped",
        "pandas.parser",
        IDQ,
        [
            ("READ :: SFTP invoices (tenant 44660227)", read_fail('id,name\n1,"Acme\n')),
            ("READ :: Local CSV suppliers", read_fail("a;b\n1;2\n", sep=";", usecols=["code"])),
            ("READ :: FTP bank statements", read_fail("", sep=";")),
        ],
        source=f"{src} wrapped by the platform's ReadException (modelled)",
        wrap="ReadException",
        wrap_message=wrapped("Failed to read source file into a DataFrame: {name}: {exc}"),
        alt=WE,
    )


# =========================================================================== HTTP


@contextlib.contextmanager
def raw_server(reply: Callable[[bytes], bytes]) -> Any:
    """Reads the request head, sends `reply(head)` and closes: scripted proxies and chunked bodies."""
    sock = socket.socket()
    sock.bind((srv.LOOPBACK, 0))
    sock.listen(16)
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with contextlib.suppress(OSError), conn:
                conn.settimeout(2)
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    head += chunk
                conn.sendall(reply(head))
                conn.shutdown(socket.SHUT_WR)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        stop.set()
        thread.join()
        sock.close()


def http_blind4(b: Subset, tmp: Path) -> None:
    import httpx
    import requests
    import urllib3

    hx, rq, py, u3 = version("httpx"), version("requests"), cap.python_source(), version("urllib3")
    with srv.http_server() as (base, canned):
        bodies = [
            (
                "SUBMIT :: Tripletex vouchers",
                "/v2/ledger/voucher",
                {
                    "status": 422,
                    "code": 18000,
                    "message": "Validering feilet.",
                    "developerMessage": "VALIDATION_ERROR",
                    "validationMessages": [
                        {
                            "field": "postings[1].vatType",
                            "message": "Ugyldig mva-kode for konto 3000.",
                        }
                    ],
                    "requestId": "0b6c2a61-6f0e-4ab4-9a55-1c2b3d4e5f60",
                },
            ),
            (
                "SUBMIT :: Fiken invoices",
                "/api/v2/companies/acme-as/invoices",
                {"error": "Invalid request", "error_description": "lines[0].unitPrice must be > 0"},
            ),
            (
                "EXPORT :: PowerOffice customers",
                "/v2/Customers",
                {
                    "errors": {"EmailAddress": ["'post@acme' is not a valid e-mail address."]},
                    "title": "One or more validation errors occurred.",
                    "status": 422,
                },
            ),
        ]
        variants: Variants = []
        for i, (act, path, body) in enumerate(bodies):
            key = canned.put(f"v422_{i}", 422, json.dumps(body))
            variants.append(
                (
                    act,
                    lambda key=key, path=path: requests.post(
                        f"{base}/r/{key}{path}", json={}, timeout=5
                    ).raise_for_status(),
                )
            )
        b.add(
            "requests.status.422_body",
            "http.status",
            IDQ,
            variants,
            source=f"{rq} + ERP API validation bodies (modelled on Tripletex/Fiken/PowerOffice)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=422,
        )
        status_cases = [
            (
                "httpx",
                402,
                TPS,
                WE,
                ["EXTRACT :: Currency rates", "EXTRACT :: Company register", "SUBMIT :: Vouchers"],
            ),
            (
                "requests",
                501,
                TPS,
                WE,
                ["EXPORT :: Ivalua suppliers", "SUBMIT :: REST", "EXTRACT :: ERP API"],
            ),
            (
                "urllib",
                403,
                TPS,
                WE,
                ["EXTRACT :: Bank statements API", "READ :: API", "EXTRACT :: Currency rates"],
            ),
            (
                "urllib",
                502,
                TPS,
                None,
                ["EXTRACT :: Currency rates", "READ :: API", "EXTRACT :: REST orders"],
            ),
            (
                "requests",
                507,
                TPS,
                None,
                ["WRITE :: WebDAV archive", "EXPORT :: Document archive", "SUBMIT :: REST"],
            ),
            (
                "httpx",
                431,
                WE,
                TPS,
                ["EXTRACT :: Ivalua suppliers", "EXTRACT :: REST orders", "READ :: API"],
            ),
        ]
        for lib, status, cat, alt, acts in status_cases:
            variants = []
            for i, act in enumerate(acts):
                url = f"{base}/status/{status}/v{i + 2}/{['rates', 'entities', 'items'][i]}/{4410 + 13 * i}"
                if lib == "httpx":
                    variants.append((act, lambda url=url: httpx.get(url).raise_for_status()))
                elif lib == "requests":
                    variants.append(
                        (
                            act,
                            lambda url=url: requests.put(
                                url, data=b"{}", timeout=5
                            ).raise_for_status(),
                        )
                    )
                else:
                    variants.append((act, lambda url=url: urllib.request.urlopen(url, timeout=5)))
            b.add(
                f"{lib}.status.{status}",
                "http.status",
                cat,
                variants,
                source={"httpx": hx, "requests": rq, "urllib": py}[lib],
                code=status,
                alt=alt,
            )
    proxy_407 = (
        b'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n'
        b"Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    with raw_server(lambda _h: proxy_407) as port:
        proxy = f"http://{srv.LOOPBACK}:{port}"
        b.add(
            "requests.proxy_auth_required",
            "http.proxy",
            WE,
            [
                (act, lambda url=url: requests.get(url, proxies={"https": proxy}, timeout=5))
                for act, url in [
                    ("EXTRACT :: Xledger invoices", "https://www.xledger.net/graphql"),
                    ("EXTRACT :: Ivalua suppliers", "https://acme.ivalua.com/api/v1/suppliers"),
                    ("EXTRACT :: Currency rates", "https://data.norges-bank.no/api/data/EXR"),
                ]
            ],
            source=rq,
            code=None,
            alt=TPS,
        )
        b.add(
            "httpx.proxy_auth_required",
            "http.proxy",
            WE,
            [
                (act, lambda url=url: httpx.get(url, proxy=proxy))
                for act, url in [
                    ("SUBMIT :: Xledger invoices", "https://www.xledger.net/graphql"),
                    ("EXPORT :: Ivalua contracts", "https://acme.ivalua.com/api/v1/contracts"),
                    ("EXTRACT :: REST orders", "https://shop.example.no/api/orders"),
                ]
            ],
            source=hx,
            code=None,
            alt=TPS,
        )
    chunked = [
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}",
        b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\n[{"id": 1}',
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n\r\n",
    ]
    for i, payload in enumerate(chunked):
        acts = ["EXTRACT :: REST orders", "EXTRACT :: Ivalua invoices", "READ :: API"]
        with raw_server(lambda _h, p=payload: p) as port:
            b.add(
                "requests.chunked_invalid",
                "http.protocol",
                TPS,
                [
                    (
                        acts[i],
                        lambda port=port, i=i: (
                            requests.get(
                                f"http://{srv.LOOPBACK}:{port}/api/v1/export?page={i + 1}",
                                timeout=5,
                            ).content
                        ),
                    )
                ],
                source=rq,
                code=None,
            )
    with srv.garbage_server(b"", read_request=True) as port:
        b.add(
            "urllib.remote_disconnected",
            "http.connection",
            TPS,
            [
                (
                    act,
                    lambda path=path: urllib.request.urlopen(
                        f"http://{srv.LOOPBACK}:{port}{path}", timeout=5
                    ),
                )
                for act, path in [
                    ("EXTRACT :: Currency rates", "/api/data/EXR/B.EUR.NOK.SP"),
                    ("READ :: API", "/v1/customers"),
                    ("EXTRACT :: Bank statements API", "/accounts/1503.12.34567/transactions"),
                ]
            ],
            source=py,
            code=None,
        )
    with srv.full_backlog_server() as port:
        b.add(
            "urllib.connect_timed_out",
            "http.timeout",
            TPS,
            [
                (
                    act,
                    lambda path=path: urllib.request.urlopen(
                        f"http://{srv.LOOPBACK}:{port}{path}", timeout=0.3
                    ),
                )
                for act, path in [
                    ("EXTRACT :: Currency rates", "/rates"),
                    ("EXTRACT :: ERP API", "/api/v1/vouchers"),
                    ("READ :: API", "/export.csv"),
                ]
            ],
            source=py,
            code=None,
        )
    with blind3.resolver_failing(-5, "No address associated with hostname"):
        b.add(
            "requests.dns_no_address",
            "http.dns",
            TPS,
            [
                (act, lambda h=h: requests.get(f"https://{h}/api/v1/ping", timeout=5))
                for act, h in [
                    ("EXTRACT :: Ivalua suppliers", "acme-prod.ivalua.app"),
                    ("EXTRACT :: ERP API", "erp.internal.acme.no"),
                    ("SUBMIT :: Payments API", "api.bank.example.no"),
                ]
            ],
            source=f"{rq} (resolver stubbed: EAI_NODATA)",
            code=None,
        )
    with blind3.resolver_failing(-2, "Name or service not known"):
        b.add(
            "urllib.dns_unknown",
            "http.dns",
            TPS,
            [
                (act, lambda h=h: urllib.request.urlopen(f"https://{h}/data", timeout=5))
                for act, h in [
                    ("EXTRACT :: Currency rates", "data.norges-bank.no"),
                    ("READ :: API", "files.partner.example"),
                    ("EXTRACT :: Company register", "data.brreg.no"),
                ]
            ],
            source=f"{py} (resolver stubbed: EAI_NONAME)",
            code=None,
            alt=WE,
        )
    b.add(
        "requests.no_adapter",
        "http.url",
        WE,
        [
            (act, lambda u=u: requests.get(u, timeout=5))
            for act, u in [
                ("READ :: FTP bank statements", "ftp://ftp.bank.example/in/camt053.xml"),
                ("EXTRACT :: REST orders", "htps://shop.example.no/api/orders"),
                ("READ :: SFTP invoices (tenant 44660227)", "sftp://sftp.acme.no/in/invoices.csv"),
            ]
        ],
        source=rq,
        code=None,
        alt=IDQ,
    )
    b.add(
        "urllib3.pool_host_mismatch",
        "http.url",
        WE,
        [
            (
                act,
                lambda h=h, u=u: urllib3.HTTPConnectionPool(h, port=80).urlopen(
                    "GET", u, retries=False
                ),
            )
            for act, h, u in [
                ("EXTRACT :: ERP API", "erp.internal", "http://api.erp.example/v1/x"),
                ("EXTRACT :: Currency rates", "rates.internal", "http://data.example/rates"),
                ("READ :: API", "files.internal", "https://files.example/a.csv"),
            ]
        ],
        source=u3,
        code=None,
    )
    with srv.garbage_server(
        b'HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"data": [', read_request=True
    ) as port:
        b.add(
            "urllib.incomplete_read",
            "http.protocol",
            TPS,
            [
                (
                    act,
                    lambda p=p: urllib.request.urlopen(
                        f"http://{srv.LOOPBACK}:{port}{p}", timeout=5
                    ).read(),
                )
                for act, p in [
                    ("EXTRACT :: Currency rates", "/rates.json"),
                    ("READ :: API", "/v2/export"),
                    ("EXTRACT :: REST orders", "/orders?since=2024-06-01"),
                ]
            ],
            source=py,
            code=None,
        )


# =========================================================================== S3 / AWS


def s3_blind4(b: Subset, tmp: Path) -> None:
    import boto3
    import botocore.config

    blind3.aws_env()
    src = version("botocore")
    cfg = botocore.config.Config(
        retries={"max_attempts": 1, "mode": "standard"}, read_timeout=0.5, connect_timeout=0.5
    )
    buckets = [
        ("READ :: S3", "tenant-44660227-in"),
        ("LOAD :: S3 upload", "dw-exports"),
        ("EXPORT :: S3 suppliers", "lake-curated"),
    ]
    with srv.http_server() as (base, canned):
        s3 = boto3.client("s3", endpoint_url=base, region_name="eu-north-1", config=cfg)

        def canned_s3(
            code: str, status: int, messages: list[str], op: Callable[[Any, str, str], object]
        ) -> Variants:
            variants: Variants = []
            for i, ((act, bucket), message) in enumerate(zip(buckets, messages, strict=True)):
                key = f"in/2024/06/{i + 3:02d}/ledger_{i}.csv"

                def call(bucket: str = bucket, key: str = key, message: str = message) -> object:
                    canned.put(
                        bucket,
                        status,
                        blind.S3_ERROR.format(code=code, message=message),
                        "application/xml",
                    )
                    return op(s3, bucket, key)

                variants.append((act, call))
            return variants

        get = lambda c, bk, k: c.get_object(Bucket=bk, Key=k)  # noqa: E731
        put = lambda c, bk, k: c.put_object(Bucket=bk, Key=k, Body=b"id;amount\n1;2\n")  # noqa: E731
        cases = [
            (
                "s3.invalid_range",
                "InvalidRange",
                416,
                WE,
                TPS,
                ["The requested range is not satisfiable"] * 3,
                lambda c, bk, k: c.get_object(Bucket=bk, Key=k, Range="bytes=1048576-2097151"),
            ),
            (
                "s3.request_timeout",
                "RequestTimeout",
                400,
                TPS,
                None,
                [
                    "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed."
                ]
                * 3,
                put,
            ),
            (
                "s3.bad_digest",
                "BadDigest",
                400,
                TPS,
                WE,
                ["The Content-MD5 you specified did not match what we received."] * 3,
                put,
            ),
            (
                "s3.bucket_already_owned",
                "BucketAlreadyOwnedByYou",
                409,
                WE,
                None,
                [
                    "Your previous request to create the named bucket succeeded and you already own it."
                ]
                * 3,
                lambda c, bk, k: c.create_bucket(
                    Bucket=bk, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
                ),
            ),
            (
                "s3.all_access_disabled",
                "AllAccessDisabled",
                403,
                TPS,
                None,
                ["All access to this Amazon S3 resource has been disabled."] * 3,
                get,
            ),
            (
                "s3.invalid_token",
                "InvalidToken",
                400,
                WE,
                TPS,
                ["The provided token is malformed or otherwise invalid."] * 3,
                get,
            ),
            (
                "s3.account_problem",
                "AccountProblem",
                403,
                TPS,
                None,
                [
                    "There is a problem with your AWS account that prevents the operation from completing successfully."
                ]
                * 3,
                put,
            ),
        ]
        for template, code, status, cat, alt, messages, op in cases:
            b.add(
                template,
                "s3.client_error",
                cat,
                canned_s3(code, status, messages, op),
                source=src,
                code=status,
                alt=alt,
            )
        html = "<html><head><title>500 Internal Server Error</title></head><body>proxy error</body></html>"

        def html_500(bucket: str, key: str) -> Callable[[], object]:
            def go() -> object:
                canned.put(bucket, 500, html, "text/html")
                return s3.put_object(Bucket=bucket, Key=key, Body=b"x")

            return go

        b.add(
            "s3.html_500",
            "s3.client_error",
            TPS,
            [
                (act, html_500(bucket, f"out/{i}/invoices.parquet"))
                for i, (act, bucket) in enumerate(buckets)
            ],
            source=src,
            code=500,
        )

        def write_wrapped(bucket: str, key: str, code: str, message: str) -> Callable[[], object]:
            def go() -> object:
                canned.put(
                    bucket,
                    403,
                    blind.S3_ERROR.format(code=code, message=message),
                    "application/xml",
                )
                return s3.put_object(Bucket=bucket, Key=key, Body=b"x")

            return go

        b.add(
            "s3.write_exception_wrapped",
            "s3.client_error",
            TPS,
            [
                (act, write_wrapped(bucket, key, code, msg))
                for (act, bucket), key, code, msg in zip(
                    buckets,
                    [
                        "out/invoices/part-0001.parquet",
                        "exports/ledger_20240604.csv",
                        "curated/suppliers.parquet",
                    ],
                    ["AccessDenied", "KMS.AccessDeniedException", "AccessDenied"],
                    [
                        "Access Denied",
                        "User: arn:aws:sts::123456789012:assumed-role/etl-runner/etl is not authorized to perform: kms:GenerateDataKey on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access",
                        "Access Denied",
                    ],
                    strict=True,
                )
            ],
            source=f"{src} wrapped by the platform's WriteException (modelled)",
            code=403,
            wrap="WriteException",
            wrap_message=wrapped("Could not write output to object storage: {exc}"),
            alt=WE,
        )
    s3 = boto3.client("s3", region_name="eu-north-1", config=cfg)
    b.add(
        "s3.param_invalid_type",
        "s3.param_validation",
        WE,
        [
            (
                "LOAD :: S3 upload",
                lambda: s3.put_object(Bucket="dw-exports", Key="a.json", Body={"id": 1}),
            ),
            ("READ :: S3", lambda: s3.get_object(Bucket="tenant-44660227-in", Key=44660227)),
            ("EXPORT :: S3 suppliers", lambda: s3.list_objects_v2(Bucket="lake", MaxKeys="1000")),
        ],
        source=src,
        code=None,
    )
    b.add(
        "aws.no_region",
        "s3.config",
        WE,
        [
            ("READ :: S3", lambda: boto3.client("sqs").list_queues()),
            ("EXTRACT :: Xledger invoices", lambda: boto3.client("ssm").get_parameter(Name="/x")),
            ("LOAD :: S3 upload", lambda: boto3.client("kms").list_keys()),
        ],
        source=src,
        code=None,
    )

    def partial(where: str, missing: str) -> None:
        keys = {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key": "x"}
        del keys[missing.lower()]
        saved = dict(os.environ)
        try:
            os.environ.pop("AWS_ACCESS_KEY_ID", None)
            os.environ.pop("AWS_SECRET_ACCESS_KEY", None)
            if where == "env":
                os.environ.update({k.upper(): v for k, v in keys.items()})
            else:
                path = tmp / f"aws_{where}"
                section = "default" if where == "credentials" else "profile default"
                body = "".join(f"{k} = {v}\n" for k, v in keys.items())
                path.write_text(f"[{section}]\n{body}")
                os.environ[
                    "AWS_SHARED_CREDENTIALS_FILE" if where == "credentials" else "AWS_CONFIG_FILE"
                ] = str(path)
            boto3.Session().client("s3", region_name="eu-north-1").list_buckets()
        finally:
            os.environ.clear()
            os.environ.update(saved)

    b.add(
        "aws.partial_credentials",
        "s3.credentials",
        WE,
        [
            ("READ :: S3", lambda: partial("env", "AWS_SECRET_ACCESS_KEY")),
            ("LOAD :: S3 upload", lambda: partial("credentials", "aws_secret_access_key")),
            ("EXPORT :: S3 suppliers", lambda: partial("config", "aws_secret_access_key")),
        ],
        source=src,
        code=None,
    )


# =========================================================================== FTP / SFTP


def ftp_blind4(b: Subset, tmp: Path) -> None:
    py = cap.python_source()
    modelled_src = f"{py} ftplib + FTP server replies (modelled on vsftpd/ProFTPD/FileZilla Server)"

    def scripted(
        act: str,
        special: dict[str, str],
        action: Callable[[ftplib.FTP], object],
        banner: str = "220 (vsFTPd 3.0.5)",
    ) -> tuple[str, Callable[[], None]]:
        def go() -> None:
            with blind3.line_server(banner, blind3.ftp_replies(special)) as port:
                ftp = ftplib.FTP()
                try:
                    ftp.connect(srv.LOOPBACK, port, timeout=5)
                    ftp.login("tenant44660227", "secret")
                    action(ftp)
                finally:
                    ftp.close()

        return act, go

    def store(name: str) -> Callable[[ftplib.FTP], object]:
        return lambda ftp: ftp.storbinary(f"STOR {name}", io.BytesIO(b"id;amount\n1;2\n"))

    def retrieve(name: str) -> Callable[[ftplib.FTP], object]:
        return lambda ftp: ftp.retrbinary(f"RETR {name}", lambda _chunk: None)

    b.add(
        "ftp.could_not_create",
        "ftp.error_perm",
        TPS,
        [
            scripted(act, {"STOR": text}, store(name))
            for act, text, name in [
                (
                    "WRITE :: FTP remittance",
                    "553 Could not create file.",
                    "out/remittance_0604.xml",
                ),
                (
                    "EXPORT :: FTP payments",
                    "553 out/pain001_0605.xml: Permission denied",
                    "out/pain001_0605.xml",
                ),
                (
                    "WRITE :: FTP invoices",
                    "553 Requested action not taken. File name not allowed.",
                    "out/inv 06/04.csv",
                ),
            ]
        ],
        source=modelled_src,
        alt=WE,
    )
    b.add(
        "ftp.file_busy",
        "ftp.error_temp",
        TPS,
        [
            scripted(act, {"RETR": text}, retrieve(name))
            for act, text, name in [
                (
                    "READ :: FTP bank statements",
                    "450 camt053_0604.xml: The process cannot access the file because it is being used by another process.",
                    "camt053_0604.xml",
                ),
                (
                    "READ :: FTP invoices (tenant 44660227)",
                    "450 Requested file action not taken. File unavailable (e.g., file busy).",
                    "in/inv_0604.csv",
                ),
                (
                    "READ :: FTP price list",
                    "450 prices.xlsx: Resource temporarily unavailable",
                    "prices.xlsx",
                ),
            ]
        ],
        source=modelled_src,
        alt=IDQ,
    )
    b.add(
        "ftp.transfer_aborted",
        "ftp.error_temp",
        TPS,
        [
            scripted(act, {verb: text}, action)
            for act, verb, text, action in [
                (
                    "READ :: FTP bank statements",
                    "RETR",
                    "426 Failure writing network stream.",
                    retrieve("in/camt053_0605.xml"),
                ),
                (
                    "WRITE :: FTP remittance",
                    "STOR",
                    "426 Connection closed; transfer aborted.",
                    store("out/r_0605.xml"),
                ),
                (
                    "READ :: FTP invoices (tenant 44660227)",
                    "RETR",
                    "426 Data connection: Broken pipe.",
                    retrieve("in/inv.csv"),
                ),
            ]
        ],
        source=modelled_src,
    )
    b.add(
        "ftp.auth_tls_unsupported",
        "ftp.error_perm",
        WE,
        [
            (
                act,
                lambda text=text: _ftps_login(text),
            )
            for act, text in [
                ("READ :: FTP bank statements", "500 AUTH not understood"),
                ("WRITE :: FTP remittance", "502 Command not implemented."),
                (
                    "READ :: FTPS invoices (tenant 44660227)",
                    "504 Command not implemented for that parameter.",
                ),
            ]
        ],
        source=modelled_src,
        alt=TPS,
    )
    b.add(
        "ftp.login_incorrect",
        "ftp.error_perm",
        TPS,
        [
            scripted(act, {"PASS": text}, lambda ftp: None)
            for act, text in [
                ("READ :: FTP bank statements", "530 Login incorrect."),
                (
                    "WRITE :: FTP remittance",
                    "530 User tenant44660227 cannot log in, home directory inaccessible.",
                ),
                ("READ :: FTP price list", "530 Login or password incorrect!"),
            ]
        ],
        source=modelled_src,
        alt=WE,
    )
    sftp_blind4(b)


def _ftps_login(reply: str) -> None:
    with blind3.line_server(
        "220 ProFTPD Server (Bank FTP) [127.0.0.1]", blind3.ftp_replies({"AUTH": reply})
    ) as port:
        ftps = ftplib.FTP_TLS()
        try:
            ftps.connect(srv.LOOPBACK, port, timeout=5)
            ftps.login("tenant44660227", "secret")
        finally:
            ftps.close()


def sftp_blind4(b: Subset) -> None:
    import paramiko

    src = version("paramiko")
    acts = [
        "READ :: SFTP invoices (tenant 44660227)",
        "WRITE :: SFTP remittance",
        "READ :: SFTP supplier master",
    ]

    def client(port: int, user: str) -> paramiko.SSHClient:
        ssh = paramiko.SSHClient()
        ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        ssh.connect(
            srv.LOOPBACK,
            port=port,
            username=user,
            password="x",
            timeout=5,
            allow_agent=False,
            look_for_keys=False,
        )
        return ssh

    def operate(port: int, user: str, op: str, path: str) -> None:
        ssh = client(port, user)
        try:
            sftp = ssh.open_sftp()
            if op == "get":
                sftp.open(path, "rb").read()
            elif op == "put":
                sftp.putfo(io.BytesIO(b"<Document/>"), path)
            elif op == "list":
                sftp.listdir(path)
            else:
                sftp.rename(path, path + ".done")
        finally:
            ssh.close()

    with blind3.sftp_server(lambda _p: paramiko.SFTP_OP_UNSUPPORTED) as (port, _key):
        b.add(
            "sftp.op_unsupported",
            "sftp.io",
            TPS,
            [
                (act, lambda op=op, path=path, i=i: operate(port, f"user{i}", op, path))
                for i, (act, (op, path)) in enumerate(
                    zip(
                        acts,
                        [
                            ("rename", "/in/invoices_0604.csv"),
                            ("put", "/out/remit_0604.xml"),
                            ("get", "/in/sup.csv"),
                        ],
                        strict=True,
                    )
                )
            ],
            source=src,
            code=None,
            alt=WE,
        )
    with _ssh_server_without_sftp() as port:
        b.add(
            "sftp.subsystem_refused",
            "sftp.channel",
            TPS,
            [
                (act, lambda i=i: client(port, f"tenant{i}").open_sftp())
                for i, act in enumerate(acts)
            ],
            source=src,
            code=None,
            alt=WE,
        )


@contextlib.contextmanager
def _ssh_server_without_sftp() -> Any:
    """A real paramiko SSH server that accepts the login but has no sftp subsystem."""
    import paramiko

    host_key = paramiko.RSAKey.generate(2048)

    class Server(paramiko.ServerInterface):
        def get_allowed_auths(self, username: str) -> str:
            return "password"

        def check_auth_password(self, username: str, password: str) -> int:
            return paramiko.AUTH_SUCCESSFUL

        def check_channel_request(self, kind: str, chanid: int) -> int:
            return paramiko.OPEN_SUCCEEDED

    with srv.ssh_server(Server, host_key) as port:
        yield port


# =========================================================================== SOAP


def soap_blind4(b: Subset) -> None:

    src = version("zeep")
    acts = [
        "SUBMIT :: SOAP invoices",
        "SUBMIT :: Agresso SOAP vouchers",
        "EXTRACT :: SOAP supplier register",
    ]
    with srv.http_server() as (base, canned):
        faults: blind.SoapFaults = [
            (
                "soap.fault_wcf_internal",
                "a:InternalServiceFault",
                TPS,
                None,
                [
                    "The server was unable to process the request due to an internal error.  For more "
                    "information about the error, either turn on IncludeExceptionDetailInFaults (either "
                    "from ServiceBehaviorAttribute or from the &lt;serviceDebug&gt; configuration behavior) on "
                    "the server in order to send the exception information back to the client, or turn on "
                    "tracing as per the Microsoft .NET Framework SDK documentation and inspect the server "
                    "trace logs.",
                ]
                * 3,
            ),
            (
                "soap.fault_null_argument",
                "soap:Client",
                IDQ,
                TPS,
                [
                    "Value cannot be null.\nParameter name: supplierId",
                    "Value cannot be null.\nParameter name: voucherDate",
                    "Value cannot be null. (Parameter 'accountCode')",
                ],
            ),
            (
                "soap.fault_call_quota",
                "soap:Server",
                TPS,
                None,
                [
                    "The request limit of 5000 calls per day has been exceeded for client 'INT_44660227'.",
                    "Daily request quota exhausted (1000/1000). Try again after 00:00 UTC.",
                    "The request limit of 600 calls per hour has been exceeded for client 'AGR_SYNC'.",
                ],
            ),
        ]
        blind.add_soap_faults(b, base, canned, acts, faults, source=src, invoice_prefix="B4")
        variants: Variants = []
        texts = [
            "Database connection pool exhausted; request rejected",
            "ORA-12541: TNS:no listener",
            "Backend system ERP01 is not reachable (timeout after 30000 ms)",
        ]
        for i, (act, text) in enumerate(zip(acts, texts, strict=True)):
            name = f"soap12_receiver_{i}"
            canned.put(
                name,
                500,
                blind3.SOAP12_FAULT.format(code="env:Receiver", text=text),
                "application/soap+xml",
            )
            c12 = blind3.soap12_client(base, canned, name)
            variants.append(
                (act, lambda c=c12, i=i: c.service.SubmitInvoice(InvoiceNo=f"R-{i}", Amount=2))
            )
        b.add("soap12.fault_receiver_backend", "soap.fault", TPS, variants, source=src)
        sig = []
        for i in range(3):
            sig.append(blind.soap_client(base, canned, f"sig_{i}"))
        b.add(
            "zeep.unexpected_keyword",
            "soap.client",
            WE,
            [
                (acts[0], lambda: sig[0].service.SubmitInvoice(InvoiceNumber="INV-1", Amount=1)),
                (
                    acts[1],
                    lambda: sig[1].service.SubmitInvoice(InvoiceNo="V-2", Amount=1, Currency="NOK"),
                ),
                (acts[2], lambda: sig[2].service.SubmitInvoice(invoiceNo="S-3", amount=5)),
            ],
            source=src,
        )
        for i in range(3):
            canned.put(f"empty500_{i}", [500, 502, 503][i], "", "text/html")
        empties = [blind.soap_client(base, canned, f"empty500_{i}") for i in range(3)]
        b.add(
            "zeep.transport_no_content",
            "soap.transport",
            TPS,
            [
                (act, lambda c=c: c.service.SubmitInvoice(InvoiceNo="E-1", Amount=1))
                for act, c in zip(acts, empties, strict=True)
            ],
            source=src,
            code=500,
        )


# =========================================================================== vendors (modelled)


XLEDGER_BLIND4 = [
    (
        "xledger.graphql.decimals",
        IDQ,
        None,
        "BAD_USER_INPUT",
        [
            "Field 'amount' on line 4 has 3 decimals; at most 2 are allowed for currency NOK.",
            "Field 'quantity' on line 1 has 5 decimals; at most 4 are allowed.",
            "Field 'amount' on line 12 has 4 decimals; at most 2 are allowed for currency EUR.",
        ],
    ),
    (
        "xledger.graphql.module_not_licensed",
        TPS,
        WE,
        "FORBIDDEN",
        [
            "Entity 44660227 does not have a licence for module 'Project Accounting'.",
            "Entity 12093311 does not have a licence for module 'Purchase Orders'.",
            "Entity 44660227 does not have a licence for module 'Fixed Assets'.",
        ],
    ),
    (
        "xledger.graphql.first_exceeded",
        WE,
        None,
        "BAD_USER_INPUT",
        [
            "Argument 'first' must be between 1 and 10000, got 50000.",
            "Argument 'first' must be between 1 and 10000, got 0.",
            "Argument 'first' must be between 1 and 10000, got 25000.",
        ],
    ),
    (
        "xledger.graphql.service_unavailable",
        TPS,
        None,
        "SERVICE_UNAVAILABLE",
        [
            "The service is temporarily unable to handle the request (database failover in progress).",
            "Service temporarily unavailable. Correlation id: 5d2e9b1c-7a04-4e8f-b3c6-0f1a2b3c4d5e",
            "The service is temporarily unable to handle the request (read replica lag too high).",
        ],
    ),
]


def vendor_blind4(b: Subset) -> None:
    import httpx
    import requests

    hx, rq = version("httpx"), version("requests")
    acts = ["EXTRACT :: Xledger invoices", "SUBMIT :: Xledger invoices", "EXTRACT :: Xledger GL"]
    with srv.http_server() as (base, canned):
        for template, cat, alt, code, messages in XLEDGER_BLIND4:
            variants: Variants = []
            for i, (act, message) in enumerate(zip(acts, messages, strict=True)):
                body = {
                    "data": None,
                    "errors": [
                        {
                            "message": message,
                            "path": ["arTransactions" if i else "addArTransactions"],
                            "extensions": {"code": code},
                        }
                    ],
                }
                key = canned.put(f"x4b{len(canned.responses)}", 200, json.dumps(body))

                def call(key: str = key) -> None:
                    payload = httpx.post(f"{base}/r/{key}", json={"query": "{ q }"}).json()
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

        retry = ["37", "12", "58"]
        x429 = []
        for i, act in enumerate(acts):
            key = canned.put(
                f"x429_{i}",
                429,
                json.dumps({"message": f"API rate limit exceeded. Retry in {retry[i]} seconds."}),
                "application/json",
                {"Retry-After": retry[i]},
            )
            x429.append(
                (
                    act,
                    lambda key=key: requests.post(
                        f"{base}/r/{key}/graphql", json={"query": "{ q }"}, timeout=5
                    ).raise_for_status(),
                )
            )
        b.add(
            "xledger.http_429_body",
            "xledger.http",
            TPS,
            x429,
            source=f"{rq} + Xledger HTTP body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=429,
        )

        def ivalua(key: str, status: int, body: str, ctype: str, path: str) -> Callable[[], None]:
            canned.put(key, status, body, ctype)
            return lambda: requests.get(f"{base}/r/{key}{path}", timeout=5).raise_for_status()

        iis404 = (
            "<!DOCTYPE html><html><head><title>The resource cannot be found.</title></head><body>"
            "<h1>Server Error in '/' Application.</h1><h2><i>The resource cannot be found.</i></h2>"
            "<b> Requested URL: </b>/api/{v}/{res}<br></body></html>"
        )
        b.add(
            "ivalua.rest_404_html",
            "ivalua.rest",
            WE,
            [
                (
                    act,
                    ivalua(
                        f"iv404_{i}",
                        404,
                        iis404.format(v=v, res=res),
                        "text/html; charset=utf-8",
                        f"/api/{v}/{res}",
                    ),
                )
                for i, (act, v, res) in enumerate(
                    [
                        ("EXTRACT :: Ivalua suppliers", "v3", "supplier"),
                        ("EXPORT :: Ivalua contracts", "v1", "contract/list"),
                        ("EXTRACT :: Ivalua invoices", "v2", "invoice-lines"),
                    ]
                )
            ],
            source=f"{rq} + Ivalua IIS body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=404,
            alt=TPS,
        )
        b.add(
            "ivalua.rest_400_duplicate",
            "ivalua.rest",
            IDQ,
            [
                (
                    act,
                    ivalua(
                        f"ivd_{i}",
                        400,
                        json.dumps({"Message": msg, "ErrorCode": "DUPLICATE_KEY"}),
                        "application/json; charset=utf-8",
                        path,
                    ),
                )
                for i, (act, msg, path) in enumerate(
                    [
                        (
                            "EXPORT :: Ivalua suppliers",
                            "A supplier with external code 'SUP-20931' already exists (sup_id 88123).",
                            "/api/v1/suppliers",
                        ),
                        (
                            "EXPORT :: Ivalua contracts",
                            "A contract with reference 'CT-2024-0091' already exists.",
                            "/api/v1/contracts",
                        ),
                        (
                            "EXPORT :: Ivalua catalog items",
                            "An item with code 'ART-7741' already exists in catalog 'Office 2024'.",
                            "/api/v1/items",
                        ),
                    ]
                )
            ],
            source=f"{rq} + Ivalua REST body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=400,
        )
        b.add(
            "ivalua.rest_502_gateway",
            "ivalua.rest",
            TPS,
            [
                (
                    act,
                    ivalua(
                        f"iv502_{i}",
                        502,
                        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Microsoft-Azure-Application-Gateway/v2</center></body></html>",
                        "text/html",
                        path,
                    ),
                )
                for i, (act, path) in enumerate(
                    [
                        ("EXTRACT :: Ivalua suppliers", "/api/v1/suppliers?page=7"),
                        (
                            "EXTRACT :: Ivalua purchase orders",
                            "/api/v1/orders?modifiedSince=2024-06-03",
                        ),
                        ("EXPORT :: Ivalua contracts", "/api/v1/contracts/CT-2024-44"),
                    ]
                )
            ],
            source=f"{rq} + Azure Application Gateway body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=502,
        )
    b.add(
        "ivalua.api_workflow_state",
        "ivalua.api",
        IDQ,
        [
            (act, modelled("IvaluaApiException", msg))
            for act, msg in [
                (
                    "EXPORT :: Ivalua contracts",
                    "Contract CT-2024-0117 cannot be updated in status 'Signed'; only draft contracts can be modified",
                ),
                (
                    "EXPORT :: Ivalua purchase orders",
                    "Order PO-88213 cannot be updated in status 'Closed'; only open orders can be modified",
                ),
                (
                    "EXPORT :: Ivalua suppliers",
                    "Supplier SUP-20931 cannot be updated in status 'Blocked'; unblock the supplier first",
                ),
            ]
        ],
        source="Ivalua API (modelled)",
        code=409,
        alt=TPS,
    )


# =========================================================================== Postgres / SQLAlchemy


def postgres_blind4(b: Subset) -> None:
    import psycopg2
    import sqlalchemy as sa

    try:
        cluster = srv.postgres_cluster()
        info = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        b.c.missed.append(f"blind4 Postgres templates skipped: {exc}")
        return
    src = version("psycopg2-binary")
    try:
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table suppliers(id int primary key, code text, name text)")
            cur.execute(
                "create table invoices(id int primary key, supplier_id int, amount numeric(12,2), due date)"
            )
            cur.execute("insert into suppliers values (1, 'S1', 'Acme'), (2, 'S2', 'Beta')")
            cur.execute("create schema finance")
            cur.execute("create role loader login password 'loader'")

        def stmt(
            *sqls: str, args: tuple[Any, ...] | None = None, **params: Any
        ) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**dict(info, **params))
                try:
                    with conn.cursor() as cur:
                        for sql in sqls:
                            cur.execute(sql, args)
                finally:
                    conn.close()

            return go

        def copy(data: bytes, table: str) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**info)
                try:
                    with conn.cursor() as cur:
                        cur.copy_expert(
                            f"copy {table} from stdin with (format csv)", io.BytesIO(data)
                        )
                finally:
                    conn.close()

            return go

        b.add(
            "psycopg2.ambiguous_column",
            "psycopg2.error",
            WE,
            [
                (
                    "TRANSFORM :: SQL Postgres",
                    stmt("select id from invoices i join suppliers s on s.id = i.supplier_id"),
                ),
                (
                    "EXTRACT :: Postgres orders",
                    stmt("select name, amount from invoices join suppliers on true where id = 1"),
                ),
                ("LOAD :: Postgres warehouse", stmt("select code from suppliers a, suppliers b")),
            ],
            source=src,
            code=None,
        )
        b.add(
            "psycopg2.duplicate_table",
            "psycopg2.error",
            WE,
            [
                ("LOAD :: Postgres warehouse", stmt("create table invoices(id int)")),
                ("LOAD :: Postgres suppliers", stmt("create table suppliers as select 1 as id")),
                (
                    "TRANSFORM :: SQL Postgres",
                    stmt("create table stg_gl(id int)", "create table stg_gl(id int)"),
                ),
            ],
            source=src,
            code=None,
        )
        b.add(
            "psycopg2.operator_missing",
            "psycopg2.error",
            WE,
            [
                (
                    "TRANSFORM :: SQL Postgres",
                    stmt("select * from invoices where supplier_id = 'S1'::text"),
                ),
                (
                    "EXTRACT :: Postgres orders",
                    stmt("select * from suppliers s join invoices i on s.code = i.supplier_id"),
                ),
                ("LOAD :: Postgres warehouse", stmt("select * from invoices where due > 20240601")),
            ],
            source=src,
            code=None,
            alt=IDQ,
        )
        b.add(
            "psycopg2.copy_invalid_utf8",
            "psycopg2.error",
            IDQ,
            [
                ("LOAD :: Postgres suppliers", copy(b"10,S10,Fr\xf8ya AS\n", "suppliers")),
                ("LOAD :: Postgres warehouse", copy(b"11,S11,M\xfcller GmbH\n", "suppliers")),
                (
                    "LOAD :: Postgres COPY suppliers",
                    copy(b"12,S\xe612,Tr\xe6lasthandel\n", "suppliers"),
                ),
            ],
            source=src,
            code=None,
            alt=TPS,
        )
        b.add(
            "psycopg2.copy_missing_data",
            "psycopg2.error",
            IDQ,
            [
                ("LOAD :: Postgres invoices", copy(b"20,1,5.00,2024-06-01\n21,2\n", "invoices")),
                ("LOAD :: Postgres COPY ledger", copy(b"30\n", "invoices")),
                ("LOAD :: Postgres warehouse", copy(b"40,1,5.00\n", "invoices")),
            ],
            source=src,
            code=None,
        )
        b.add(
            "psycopg2.date_syntax",
            "psycopg2.error",
            IDQ,
            [
                (act, stmt("insert into invoices values (%s, 1, 1, %s)", args=(i + 50, v)))
                for i, (act, v) in enumerate(
                    [
                        ("LOAD :: Postgres invoices", "ukjent"),
                        ("LOAD :: Postgres warehouse", "n/a"),
                        ("LOAD :: Postgres ledger", "2024/Q2"),
                    ]
                )
            ],
            source=src,
            code=None,
        )
        with admin.cursor() as cur:
            cur.execute("revoke all on schema finance from public")
        b.add(
            "psycopg2.schema_permission",
            "psycopg2.error",
            TPS,
            [
                (
                    "LOAD :: Postgres warehouse",
                    stmt("create table finance.gl(id int)", user="loader", password="loader"),
                ),
                (
                    "EXTRACT :: ERP database invoices",
                    stmt("select * from finance.ledger", user="loader", password="loader"),
                ),
                (
                    "LOAD :: Postgres invoices",
                    stmt(
                        "create table finance.stg_invoices as select 1",
                        user="loader",
                        password="loader",
                    ),
                ),
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
        engine = sa.create_engine(url)
        sa_src = version("sqlalchemy")

        def bind_missing(sql: str, params: dict[str, Any]) -> None:
            with engine.connect() as conn:
                conn.execute(sa.text(sql), params)

        b.add(
            "sqlalchemy.bind_parameter_missing",
            "sqlalchemy.error",
            WE,
            [
                (
                    "LOAD :: SQLAlchemy orders",
                    lambda: bind_missing(
                        "select * from invoices where id = :invoice_id", {"id": 1}
                    ),
                ),
                (
                    "EXTRACT :: Postgres orders",
                    lambda: bind_missing(
                        "select * from suppliers where code = :code and name = :name",
                        {"code": "S1"},
                    ),
                ),
                (
                    "LOAD :: Postgres warehouse",
                    lambda: bind_missing(
                        "update invoices set amount = :amount where id = :id", {"id": 3}
                    ),
                ),
            ],
            source=sa_src,
            code=None,
        )

        def reflect(name: str) -> None:
            sa.Table(name, sa.MetaData(), autoload_with=engine)

        b.add(
            "sqlalchemy.no_such_table",
            "sqlalchemy.error",
            WE,
            [
                ("LOAD :: Postgres warehouse", lambda: reflect("fct_invoices")),
                ("LOAD :: SQLAlchemy orders", lambda: reflect("orders_stage")),
                ("TRANSFORM :: SQL Postgres", lambda: reflect("dim_supplier")),
            ],
            source=sa_src,
            code=None,
            alt=IDQ,
        )

        def fk(sid: int) -> None:
            with engine.begin() as conn:
                conn.execute(sa.text("alter table invoices drop constraint if exists inv_sup_fk"))
                conn.execute(
                    sa.text(
                        "alter table invoices add constraint inv_sup_fk foreign key (supplier_id) references suppliers(id)"
                    )
                )
            with engine.begin() as conn:
                conn.execute(
                    sa.text("insert into invoices values (:id, :sid, 1, null)"),
                    {"id": 900 + sid, "sid": sid},
                )

        b.add(
            "sqlalchemy.integrity_fk",
            "sqlalchemy.error",
            IDQ,
            [
                (act, lambda s=s: fk(s))
                for act, s in [
                    ("LOAD :: Postgres invoices", 77),
                    ("LOAD :: SQLAlchemy orders", 1042),
                    ("LOAD :: Postgres warehouse", 9),
                ]
            ],
            source=sa_src,
            code=None,
        )
        engine.dispose()
        admin.close()
    finally:
        cluster.__exit__(None, None, None)


# =========================================================================== parsing


def parsing_blind4(b: Subset, tmp: Path) -> None:
    import pydantic

    py = cap.python_source()
    b.add(
        "json.utf8_bom",
        "json.decode",
        IDQ,
        [
            ("READ :: JSON orders", lambda: json.loads('\ufeff{"id": 1}')),
            ("EXTRACT :: REST orders", lambda: json.loads(b"\xef\xbb\xbf[]".decode("utf-8"))),
            ("READ :: SFTP invoices (tenant 44660227)", lambda: json.loads('\ufeff[{"no": "A1"}]')),
        ],
        source=py,
        alt=TPS,
    )
    b.add(
        "json.invalid_escape",
        "json.decode",
        IDQ,
        [
            (act, lambda t=t: json.loads(t))
            for act, t in [
                ("READ :: JSON orders", '{"path": "C:\\Data\\in"}'),
                ("EXTRACT :: Ivalua suppliers", '{"name": "Acme \\x41S"}'),
                ("READ :: API payload", '{"memo": "50\\% rabatt"}'),
            ]
        ],
        source=py,
        alt=TPS,
    )
    b.add(
        "unicode.utf16_truncated",
        "unicode.decode",
        IDQ,
        [
            ("READ :: Local CSV suppliers", lambda: b"i\x00d\x00,\x00n".decode("utf-16-le")),
            ("READ :: SFTP invoices (tenant 44660227)", lambda: b"a".decode("utf-16")),
            ("READ :: Excel export csv", lambda: b"\xff\xfei\x00d\x00,".decode("utf-16")),
        ],
        source=py,
    )
    b.add(
        "unicode.utf8_truncated",
        "unicode.decode",
        IDQ,
        [
            (
                "READ :: FTP bank statements",
                lambda: "Tr\u00e6lasthandel".encode()[:3].decode("utf-8"),
            ),
            ("READ :: SFTP supplier master", lambda: b"Bergen \xe2\x82".decode()),
            ("EXTRACT :: REST orders", lambda: b'{"name": "Fr\xc3'.decode("utf-8")),
        ],
        source=py,
        alt=TPS,
    )
    pd_src = version("pydantic")

    class Webhook(pydantic.BaseModel):
        callback_url: pydantic.HttpUrl

    class Document(pydantic.BaseModel):
        document_id: uuid.UUID

    class Batch(pydantic.BaseModel):
        lines: list[dict[str, Any]] = pydantic.Field(min_length=1)

    class Invoice(pydantic.BaseModel):
        invoice_no: str
        amount: decimal.Decimal
        currency: str = pydantic.Field(pattern="^[A-Z]{3}$")
        supplier: dict[str, Any]

    b.add(
        "pydantic.url_parsing",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda v=v: Webhook(callback_url=v))
            for act, v in [
                ("SUBMIT :: Partner API", "acme.no/hooks/inv"),
                ("EXPORT :: Ivalua suppliers", "https//x"),
                ("SUBMIT :: REST orders", ""),
            ]
        ],
        source=pd_src,
        alt=WE,
    )
    b.add(
        "pydantic.uuid_parsing",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda v=v: Document(document_id=v))
            for act, v in [
                ("EXTRACT :: Ivalua invoices", "88123"),
                ("READ :: JSON orders", "3f2a-91c0"),
                ("EXTRACT :: REST orders", "not-a-uuid"),
            ]
        ],
        source=pd_src,
        alt=TPS,
    )
    b.add(
        "pydantic.list_too_short",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda: Batch(lines=[]))
            for act in [
                "SUBMIT :: Xledger invoices",
                "EXPORT :: Ivalua contracts",
                "SUBMIT :: REST orders",
            ]
        ][:1]
        + [
            ("EXPORT :: Ivalua contracts", lambda: Batch.model_validate_json('{"lines": []}')),
            ("SUBMIT :: REST orders", lambda: Batch.model_validate({"lines": ()})),
        ],
        source=pd_src,
    )
    b.add(
        "pydantic.multiple_errors",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda d=d: Invoice.model_validate(d))
            for act, d in [
                (
                    "SUBMIT :: Xledger invoices",
                    {"invoice_no": 88123, "amount": "12,50", "currency": "kr", "supplier": None},
                ),
                ("READ :: JSON orders", {"amount": "abc", "currency": "NOK"}),
                (
                    "EXTRACT :: REST orders",
                    {"invoice_no": "A1", "amount": 1, "currency": "EURO", "supplier": "S1"},
                ),
            ]
        ],
        source=pd_src,
        alt=TPS,
    )

    class Supplier(pydantic.BaseModel):
        org_no: str

        @pydantic.field_validator("org_no")
        @classmethod
        def mod11(cls, v: str) -> str:
            if len(v) != 9 or not v.isdigit():
                raise ValueError(f"organisation number {v!r} must be 9 digits")
            return v

    b.add(
        "pydantic.value_error_custom",
        "pydantic.validation",
        IDQ,
        [
            (act, lambda v=v: Supplier(org_no=v))
            for act, v in [
                ("EXPORT :: Ivalua suppliers", "NO 998 877 665 MVA"),
                ("READ :: SFTP supplier master", "99887766"),
                ("SUBMIT :: Xledger suppliers", ""),
            ]
        ],
        source=pd_src,
    )


# =========================================================================== python


def python_blind4(b: Subset, tmp: Path) -> None:
    py = cap.python_source()
    naive, aware = dt.datetime(2024, 6, 1, 3, 0), dt.datetime(2024, 6, 1, 3, 0, tzinfo=dt.UTC)
    b.add(
        "python.naive_aware_compare",
        "python.type_error",
        WE,
        [
            ("EXTRACT :: Xledger invoices", lambda: naive < aware),
            ("TRANSFORM :: Python incremental", lambda: aware - naive),
            ("EXTRACT :: Ivalua suppliers", lambda: max([aware, naive])),
        ],
        source=py,
        alt=IDQ,
    )
    payloads: list[Any] = ["Service Unavailable", "OK", ""]
    b.add(
        "python.str_indices",
        "python.type_error",
        WE,
        [
            ("EXTRACT :: REST orders", lambda: payloads[0]["data"]),
            ("EXTRACT :: Ivalua suppliers", lambda: [row["id"] for row in payloads[1]]),
            ("EXTRACT :: Currency rates", lambda: "EUR"["rate"]),  # type: ignore[index]
        ],
        source=py,
        alt=TPS,
    )

    def closed_write() -> None:
        fh = open("report.csv", "w")  # noqa: SIM115
        fh.close()
        fh.write("id\n")

    def closed_read() -> None:
        buf = io.StringIO("a")
        buf.close()
        buf.read()

    def closed_bytes() -> None:
        buf = io.BytesIO(b"x")
        buf.close()
        buf.getvalue()

    b.add(
        "python.closed_file",
        "python.value_error",
        WE,
        [
            ("WRITE :: CSV export", closed_write),
            ("TRANSFORM :: Python pandas", closed_read),
            ("LOAD :: S3 upload", closed_bytes),
        ],
        source=py,
    )
    lock = threading.Lock()
    b.add(
        "python.cannot_pickle",
        "python.type_error",
        WE,
        [
            ("TRANSFORM :: Python parallel", lambda: pickle.dumps({"lock": lock})),
            ("EXTRACT :: Xledger invoices", lambda: pickle.dumps(socket.socket())),
            ("TRANSFORM :: Python pandas", lambda: pickle.dumps(x for x in range(3))),
        ],
        source=py,
    )

    def loop_closed() -> None:
        loop = asyncio.new_event_loop()
        loop.close()
        loop.run_until_complete(asyncio.sleep(0))

    def loop_closed_call() -> None:
        loop = asyncio.new_event_loop()
        loop.close()
        loop.call_soon(print)

    def loop_running() -> None:
        async def inner() -> None:
            asyncio.run(asyncio.sleep(0))

        asyncio.run(inner())

    b.add(
        "python.event_loop",
        "python.runtime_error",
        WE,
        [
            ("EXTRACT :: REST orders", loop_closed),
            ("EXTRACT :: Ivalua suppliers", loop_closed_call),
            ("SUBMIT :: Xledger invoices", loop_running),
        ],
        source=py,
    )
    b.add(
        "python.str_concat_int",
        "python.type_error",
        WE,
        [
            ("TRANSFORM :: Python invoices", lambda: "INV-" + 88123),  # type: ignore[operator]
            ("TRANSFORM :: Python pandas", lambda: "/in/" + 44660227 + "/x.csv"),  # type: ignore[operator]
            ("EXPORT :: Ivalua suppliers", lambda: "SUP" + 1.5),  # type: ignore[operator]
        ],
        source=py,
        alt=IDQ,
    )
    b.add(
        "python.uuid_badly_formed",
        "python.value_error",
        IDQ,
        [
            (act, lambda v=v: uuid.UUID(v))
            for act, v in [
                ("EXTRACT :: Ivalua invoices", "88123"),
                ("READ :: JSON orders", "3f2a91c0-7e4b-11ee"),
                ("SUBMIT :: REST orders", ""),
            ]
        ],
        source=py,
        alt=TPS,
    )
    b.add(
        "python.decimal_quantize",
        "python.decimal",
        IDQ,
        [
            (
                act,
                lambda v=v: (
                    decimal.Context(prec=12)
                    .create_decimal(v)
                    .quantize(decimal.Decimal("0.01"), context=decimal.Context(prec=12))
                ),
            )
            for act, v in [
                ("TRANSFORM :: Python amounts", "12345678901234.5"),
                ("SUBMIT :: Xledger invoices", "99999999999.999"),
                ("TRANSFORM :: Python totals", "1e15"),
            ]
        ],
        source=py,
    )


# =========================================================================== engine (modelled)


def engine_blind4(b: Subset) -> None:
    b.add(
        "engine.sensor_timeout",
        "workflow.sensor",
        TPS,
        many(
            "SensorTimeoutError",
            [
                (
                    "WAIT :: SFTP invoices (tenant 44660227)",
                    "Sensor 'WAIT :: SFTP invoices (tenant 44660227)' timed out after 3600 s: no file matched '/in/invoices_*.csv'",
                ),
                (
                    "WAIT :: FTP bank statements",
                    "Sensor 'WAIT :: FTP bank statements' timed out after 7200 s: no file matched 'camt053_20240604*.xml'",
                ),
                (
                    "WAIT :: S3 partner drop",
                    "Sensor 'WAIT :: S3 partner drop' timed out after 1800 s: no object matched 's3://partner-drop/in/*.parquet'",
                ),
            ],
        ),
        source=MODELLED,
        alt=IDQ,
    )
    b.add(
        "engine.zombie_task",
        "workflow.worker",
        WE,
        many(
            "ZombieTaskError",
            [
                (
                    "TRANSFORM :: Python pandas",
                    "Detected zombie task 'TRANSFORM :: Python pandas' (run 88123, try 1): no heartbeat since 2024-06-01T03:12:40Z; marking as failed",
                ),
                (
                    "EXTRACT :: Xledger invoices",
                    "Detected zombie task 'EXTRACT :: Xledger invoices' (run 90211, try 2): no heartbeat since 2024-06-02T01:15:09Z; marking as failed",
                ),
                (
                    "LOAD :: S3 upload",
                    "Detected zombie task 'LOAD :: S3 upload' (run 90377, try 1): no heartbeat since 2024-06-03T05:59:58Z; marking as failed",
                ),
            ],
        ),
        source=MODELLED,
    )
    b.add(
        "engine.max_active_runs",
        "workflow.scheduler",
        WE,
        many(
            "ConcurrencyLimitError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "Run 90412 of pipeline 'invoice-sync' not started: max_active_runs=1 reached (run 90398 still running)",
                ),
                (
                    "TRANSFORM :: SQL",
                    "Run 77120 of pipeline 'gl-daily' not started: max_active_runs=2 reached (runs 77101, 77115 still running)",
                ),
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Run 61007 of pipeline 'supplier-sync' not started: max_active_runs=1 reached (run 60999 still running)",
                ),
            ],
        ),
        source=MODELLED,
    )
    b.add(
        "engine.output_deserialize",
        "workflow.internal",
        WE,
        many(
            "ActivityOutputError",
            [
                (
                    "TRANSFORM :: SQL",
                    "Could not load output of 'EXTRACT :: Xledger invoices' (run 88123): pickle data was truncated",
                ),
                (
                    "LOAD :: S3 upload",
                    "Could not load output of 'TRANSFORM :: Python pandas' (run 90211): invalid load key, '\\x00'.",
                ),
                (
                    "TRANSFORM :: Python enrich suppliers",
                    "Could not load output of 'EXTRACT :: Ivalua suppliers' (run 90377): Ran out of input",
                ),
            ],
        ),
        source=MODELLED,
    )
    b.add(
        "engine.retries_exhausted_wrapped",
        "workflow.retry",
        TPS,
        many(
            "ActivityError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "Activity 'EXTRACT :: Xledger invoices' failed after 3 attempts; last error: ReadTimeout: HTTPSConnectionPool(host='www.xledger.net', port=443): Read timed out. (read timeout=60)",
                ),
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Activity 'EXTRACT :: Ivalua suppliers' failed after 5 attempts; last error: ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))",
                ),
                (
                    "LOAD :: S3 upload",
                    "Activity 'LOAD :: S3 upload' failed after 3 attempts; last error: EndpointConnectionError: Could not connect to the endpoint URL: \"https://dw-exports.s3.eu-north-1.amazonaws.com/out/invoices.parquet\"",
                ),
            ],
        ),
        source="workflow platform retry wrapper (modelled)",
        alt=WE,
    )
    b.add(
        "engine.read_exception_internal",
        "workflow.internal",
        WE,
        many(
            "ReadException",
            [
                (
                    "TRANSFORM :: SQL",
                    "Could not read input dataset 'invoices_clean' (version 41): manifest refers to missing file part-00003.parquet",
                ),
                (
                    "LOAD :: S3 upload",
                    "Could not read input dataset 'ledger' (version 7): manifest refers to missing file part-00000.parquet",
                ),
                (
                    "TRANSFORM :: Python pandas",
                    "Could not read input dataset 'suppliers' (version 112): manifest refers to missing file part-00011.parquet",
                ),
            ],
        ),
        source=MODELLED,
    )
    b.add(
        "engine.pipeline_param_type",
        "workflow.definition",
        WE,
        many(
            "PipelineDefinitionError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "Parameter 'from_date' of pipeline 'invoice-sync' expects type date, got '2024-06-31'",
                ),
                (
                    "READ :: SFTP invoices (tenant 44660227)",
                    "Parameter 'batch_size' of pipeline 'sftp-import' expects type int, got 'all'",
                ),
                (
                    "TRANSFORM :: SQL",
                    "Parameter 'entity_id' of pipeline 'gl-daily' expects type int, got '44660227 '",
                ),
            ],
        ),
        source=MODELLED,
        alt=IDQ,
    )
    b.add(
        "engine.sql_activity_connection",
        "workflow.internal",
        WE,
        many(
            "SqlActivityError",
            [
                (
                    "TRANSFORM :: SQL",
                    'SQL activity could not open the tenant database: IO Error: Could not set lock on file "/data/tenants/44660227/warehouse.duckdb": Conflicting lock is held in /usr/local/bin/python3.11 (PID 4121)',
                ),
                (
                    "TRANSFORM :: SQL ledger",
                    'SQL activity could not open the tenant database: IO Error: Could not read from file "/data/tenants/12093311/warehouse.duckdb": Input/output error',
                ),
                (
                    "LOAD :: DuckDB warehouse",
                    'SQL activity could not open the tenant database: IO Error: Could not set lock on file "/data/tenants/44660227/warehouse.duckdb": Resource temporarily unavailable',
                ),
            ],
        ),
        source=MODELLED,
    )


# =========================================================================== other integrations


def other_blind4(b: Subset, tmp: Path) -> None:
    import lxml.etree
    import requests

    py, rq, lx = cap.python_source(), version("requests"), version("lxml")
    xsd = lxml.etree.XMLSchema(
        lxml.etree.fromstring(
            b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Invoice">'
            b'<xs:complexType><xs:sequence><xs:element name="ID" type="xs:string"/>'
            b'<xs:element name="IssueDate" type="xs:date"/><xs:element name="Amount" type="xs:decimal"/>'
            b"</xs:sequence></xs:complexType></xs:element></xs:schema>"
        )
    )
    b.add(
        "lxml.schema_unexpected_element",
        "xml.schema",
        IDQ,
        [
            (act, lambda x=x: xsd.assertValid(lxml.etree.fromstring(x)))
            for act, x in [
                (
                    "READ :: SFTP e-invoices",
                    b"<Invoice><ID>1</ID><DueDate>2024-06-30</DueDate><Amount>1</Amount></Invoice>",
                ),
                (
                    "READ :: XML invoices",
                    b"<Invoice><IssueDate>2024-06-01</IssueDate><ID>2</ID><Amount>1</Amount></Invoice>",
                ),
                (
                    "EXPORT :: EHF invoices",
                    b"<Invoice><ID>3</ID><IssueDate>2024-06-01</IssueDate></Invoice>",
                ),
            ]
        ],
        source=lx,
    )
    b.add(
        "peppol.validation_rule",
        "einvoice.validation",
        IDQ,
        many(
            "PeppolValidationError",
            [
                (
                    "EXPORT :: EHF invoices",
                    "[BR-CO-15]-Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110). (invoice 88123)",
                ),
                (
                    "SUBMIT :: PEPPOL access point",
                    '[BR-S-08]-For each different value of VAT category rate (BT-119) where the VAT category code (BT-118) is "Standard rated", the VAT category taxable amount (BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts. (invoice 90211)',
                ),
                (
                    "EXPORT :: EHF credit notes",
                    "[NO-R-001]-For Norwegian suppliers, a VAT number MUST be the country code prefix NO followed by a valid Norwegian organization number (nine numbers) followed by the letters MVA. (credit note 7712)",
                ),
            ],
        ),
        source="PEPPOL BIS 3 / EHF validator message (modelled)",
    )
    with srv.http_server() as (base, canned):

        def api(
            key: str, status: int, body: dict[str, Any] | str, path: str, method: str = "get"
        ) -> Callable[[], None]:
            canned.put(
                key,
                status,
                body if isinstance(body, str) else json.dumps(body),
                "application/json; charset=utf-8",
            )
            return lambda: getattr(requests, method)(
                f"{base}/r/{key}{path}", timeout=5
            ).raise_for_status()

        b.add(
            "businesscentral.record_not_found",
            "erp.api",
            IDQ,
            [
                (
                    act,
                    api(
                        f"bc404_{i}",
                        404,
                        {
                            "error": {
                                "code": "Internal_RecordNotFound",
                                "message": f"{msg}  CorrelationId:  {cid}.",
                            }
                        },
                        path,
                    ),
                )
                for i, (act, msg, cid, path) in enumerate(
                    [
                        (
                            "EXTRACT :: Business Central vendors",
                            "The Vendor does not exist. Identification fields and values: No.='V01042'",
                            "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                            "/v2.0/companies(1)/vendors(9)",
                        ),
                        (
                            "SUBMIT :: Business Central purchase invoices",
                            "The G/L Account does not exist. Identification fields and values: No.='7790'",
                            "0b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                            "/v2.0/companies(1)/purchaseInvoices",
                        ),
                        (
                            "EXTRACT :: Business Central items",
                            "The Item does not exist. Identification fields and values: No.='ART-7741'",
                            "9e8d7c6b-5a49-4382-9100-aabbccddeeff",
                            "/v2.0/companies(1)/items(7)",
                        ),
                    ]
                )
            ],
            source=f"{rq} + Business Central API body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=404,
            alt=TPS,
        )
        b.add(
            "businesscentral.unauthorized",
            "erp.api",
            TPS,
            [
                (
                    act,
                    api(
                        f"bc401_{i}",
                        401,
                        {"error": {"code": code, "message": msg}},
                        "/v2.0/companies",
                    ),
                )
                for i, (act, code, msg) in enumerate(
                    [
                        (
                            "EXTRACT :: Business Central vendors",
                            "Authentication_InvalidCredentials",
                            "The server has rejected the client credentials.  CorrelationId:  1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f.",
                        ),
                        (
                            "SUBMIT :: Business Central purchase invoices",
                            "Unauthorized",
                            "The credentials provided are incorrect",
                        ),
                        (
                            "EXTRACT :: Business Central items",
                            "Authentication_InvalidCredentials",
                            "The server has rejected the client credentials.  CorrelationId:  7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910.",
                        ),
                    ]
                )
            ],
            source=f"{rq} + Business Central API body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=401,
            alt=WE,
        )
        b.add(
            "google.sheets_permission",
            "saas.api",
            TPS,
            [
                (
                    act,
                    api(
                        f"gs403_{i}",
                        403,
                        {
                            "error": {
                                "code": 403,
                                "message": "The caller does not have permission",
                                "status": "PERMISSION_DENIED",
                            }
                        },
                        f"/v4/spreadsheets/{sid}/values/{rng}",
                    ),
                )
                for i, (act, sid, rng) in enumerate(
                    [
                        (
                            "READ :: Google Sheets budget",
                            "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms",
                            "Budget!A1:M200",
                        ),
                        (
                            "READ :: Google Sheets cost centers",
                            "1Zq8wPz3xYb6kLmN0pQrStUvWxYz123456789abcdE",
                            "Kostnadssteder!A:D",
                        ),
                        (
                            "WRITE :: Google Sheets report",
                            "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbC",
                            "Report!A1",
                        ),
                    ]
                )
            ],
            source=f"{rq} + Google API body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=403,
            alt=WE,
        )
        b.add(
            "teams.webhook_failed",
            "notify.webhook",
            TPS,
            [
                (act, api(f"teams_{i}", status, body, path, "post"))
                for i, (act, status, body, path) in enumerate(
                    [
                        (
                            "NOTIFY :: Teams channel",
                            400,
                            "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 403 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-41,cv=Q2c0Dm4xBEe1yP8uX0bZ3A.0..",
                            "/webhookb2/3f1a@7c0f/IncomingWebhook/9b2c/5d1e",
                        ),
                        (
                            "NOTIFY :: Teams alerts",
                            429,
                            "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-weu-azsc2-1-12,cv=aB3dE5fG7hI9jK1lM3nO5p.0..",
                            "/webhookb2/8e2d@1a9b/IncomingWebhook/4c3b/7a6f",
                        ),
                        (
                            "NOTIFY :: Slack channel",
                            404,
                            "no_team",
                            "/services/T0123ABCD/B0456EFGH/xyzXYZ0123456789",
                        ),
                    ]
                )
            ],
            source=f"{rq} + Teams/Slack webhook bodies (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=400,
            alt=WE,
        )
        b.add(
            "salesforce.invalid_session",
            "saas.api",
            TPS,
            [
                (
                    act,
                    api(
                        f"sf401_{i}",
                        401,
                        [{"message": msg, "errorCode": "INVALID_SESSION_ID"}].__repr__().replace(
                            "'", '"'
                        ),
                        path,
                    ),
                )
                for i, (act, msg, path) in enumerate(
                    [
                        (
                            "EXTRACT :: Salesforce accounts",
                            "Session expired or invalid",
                            "/services/data/v60.0/query?q=SELECT+Id+FROM+Account",
                        ),
                        (
                            "EXTRACT :: Salesforce opportunities",
                            "Session expired or invalid",
                            "/services/data/v59.0/sobjects/Opportunity/updated",
                        ),
                        (
                            "SUBMIT :: Salesforce orders",
                            "This session is not valid for use with the REST API",
                            "/services/data/v60.0/sobjects/Order",
                        ),
                    ]
                )
            ],
            source=f"{rq} + Salesforce REST body (modelled)",
            wrap="HTTPError",
            wrap_message=with_body,
            code=401,
            alt=WE,
        )
    b.add(
        "mssql.login_failed",
        "erp.database",
        TPS,
        many(
            "InterfaceError",
            [
                (
                    "EXTRACT :: Visma Business orders",
                    "('28000', \"[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'etl_reader'. (18456) (SQLDriverConnect)\")",
                ),
                (
                    "EXTRACT :: ERP database invoices",
                    "('28000', \"[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'svc_44660227'. (18456) (SQLDriverConnect)\")",
                ),
                (
                    "EXTRACT :: Agresso ledger",
                    "('28000', \"[28000] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Login failed for user 'AGR\\\\integration'. (18456) (SQLDriverConnect)\")",
                ),
            ],
        ),
        source="pyodbc + SQL Server message (modelled: pyodbc is not installed here)",
        alt=WE,
    )
    b.add(
        "mssql.conversion_failed",
        "erp.database",
        IDQ,
        many(
            "DataError",
            [
                (
                    "EXTRACT :: Visma Business orders",
                    "('22018', \"[22018] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Conversion failed when converting the nvarchar value 'N/A' to data type int. (245) (SQLExecDirectW)\")",
                ),
                (
                    "LOAD :: SQL Server staging",
                    "('22007', \"[22007] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Conversion failed when converting date and/or time from character string. (241) (SQLExecDirectW)\")",
                ),
                (
                    "EXTRACT :: Agresso ledger",
                    "('22003', \"[22003] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Arithmetic overflow error converting numeric to data type numeric. (8115) (SQLExecDirectW)\")",
                ),
            ],
        ),
        source="pyodbc + SQL Server message (modelled: pyodbc is not installed here)",
        alt=WE,
    )
    b.add(
        "mssql.invalid_object",
        "erp.database",
        WE,
        many(
            "ProgrammingError",
            [
                (
                    "EXTRACT :: Visma Business orders",
                    "('42S02', \"[42S02] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Invalid object name 'dbo.Ord'. (208) (SQLExecDirectW)\")",
                ),
                (
                    "EXTRACT :: ERP database invoices",
                    "('42S22', \"[42S22] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Invalid column name 'InvoiceDueDate'. (207) (SQLExecDirectW)\")",
                ),
                (
                    "EXTRACT :: Agresso ledger",
                    "('42S02', \"[42S02] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Invalid object name 'agltransact_v2'. (208) (SQLExecDirectW)\")",
                ),
            ],
        ),
        source="pyodbc + SQL Server message (modelled: pyodbc is not installed here)",
        alt=TPS,
    )
    b.add(
        "snowflake.no_warehouse",
        "dw.snowflake",
        WE,
        many(
            "ProgrammingError",
            [
                (
                    "LOAD :: Snowflake invoices",
                    "000606 (57P03): 01b4e1c2-0001-8a7f-0000-3d1500c2b1e6: No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command.",
                ),
                (
                    "LOAD :: Snowflake ledger",
                    "000606 (57P03): 01b4e1c3-0002-9b80-0000-3d1500c2d4f2: No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command.",
                ),
                (
                    "TRANSFORM :: Snowflake SQL",
                    "000606 (57P03): 01b4e1c4-0003-0c91-0000-3d1500c2e7a8: No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command.",
                ),
            ],
        ),
        source="snowflake-connector-python message (modelled: not installed here)",
        alt=TPS,
    )
    b.add(
        "snowflake.auth_failed",
        "dw.snowflake",
        TPS,
        many(
            "DatabaseError",
            [
                (
                    "LOAD :: Snowflake invoices",
                    "250001 (08001): Failed to connect to DB: acme-eu.snowflakecomputing.com:443. Incorrect username or password was specified.",
                ),
                (
                    "LOAD :: Snowflake ledger",
                    "250001 (08001): Failed to connect to DB: tenant44660227.eu-central-1.snowflakecomputing.com:443. Incorrect username or password was specified.",
                ),
                (
                    "TRANSFORM :: Snowflake SQL",
                    "250001 (08001): Failed to connect to DB: acme-eu.snowflakecomputing.com:443. User temporarily locked.",
                ),
            ],
        ),
        source="snowflake-connector-python message (modelled: not installed here)",
        alt=WE,
    )
    b.add(
        "smb.logon_failure",
        "fileshare.smb",
        TPS,
        many(
            "SMBAuthenticationError",
            [
                (
                    "READ :: File share invoices",
                    "Failed to authenticate with server: SpnegoError (1): SpnegoError (16): Operation not supported or available, Context: Retrieving NTLM store without NTLM_USER_FILE set to a filepath",
                ),
                (
                    "WRITE :: File share remittance",
                    "Received unexpected status from the server: The attempted logon is invalid. This is either due to a bad username or authentication information. (3221225581) STATUS_LOGON_FAILURE: 0xc000006d",
                ),
                (
                    "READ :: File share price list",
                    "Received unexpected status from the server: The user account has expired. (3221225875) STATUS_ACCOUNT_EXPIRED: 0xc0000193",
                ),
            ],
        ),
        source="smbprotocol message (modelled: not installed here)",
        alt=WE,
    )
    b.add(
        "bank.psd2_consent_expired",
        "bank.api",
        TPS,
        many(
            "BankApiError",
            [
                (
                    "EXTRACT :: Bank statements API",
                    "401 CONSENT_EXPIRED: The consent 7c1a9e0f-88d2-4b51 has expired; the PSU must renew it",
                ),
                (
                    "EXTRACT :: Bank balances",
                    "401 CONSENT_EXPIRED: The consent 2b4d6f80-13a5-4c7e has expired; the PSU must renew it",
                ),
                (
                    "SUBMIT :: Payments API",
                    "403 CONSENT_INVALID: The consent a9b8c7d6-5e4f-4a3b was revoked by the PSU",
                ),
            ],
        ),
        source="Berlin Group PSD2 bank API (modelled)",
        alt=IDQ,
    )

    def corrupt(codec: Any, data: bytes) -> Callable[[], object]:
        return lambda: codec.decompress(data)

    b.add(
        "bz2.invalid_stream",
        "archive.bz2",
        IDQ,
        [
            ("READ :: SFTP archive (tenant 44660227)", corrupt(bz2, b"BZh91AY&SY" + b"\x00" * 40)),
            ("READ :: S3 bz2", corrupt(bz2, b"id,amount\n1,2\n")),
            ("READ :: FTP export bundle", corrupt(bz2, b"PK\x03\x04" + b"\x00" * 30)),
        ],
        source=py,
        alt=TPS,
    )
    b.add(
        "lzma.format_error",
        "archive.lzma",
        IDQ,
        [
            ("READ :: SFTP archive (tenant 44660227)", corrupt(lzma, b"id;amount\n1;2\n")),
            ("READ :: S3 xz", corrupt(lzma, b"\xfd7zXZ\x00" + b"\x00" * 20)),
            ("READ :: FTP export bundle", corrupt(lzma, b"<html>404</html>")),
        ],
        source=py,
        alt=TPS,
    )

    def encrypted_zip(name: str) -> Callable[[], object]:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(name, "id\n1\n")
        data = bytearray(buf.getvalue())
        # set the "encrypted" flag bit in the local and central headers
        for sig in (b"PK\x03\x04", b"PK\x01\x02"):
            at = data.find(sig)
            off = at + (6 if sig == b"PK\x03\x04" else 8)
            data[off] |= 0x01
        return lambda: zipfile.ZipFile(io.BytesIO(bytes(data))).read(name)

    b.add(
        "zip.password_required",
        "zip.encrypted",
        IDQ,
        [
            ("READ :: SFTP archive (tenant 44660227)", encrypted_zip("invoices_0604.csv")),
            ("READ :: Email attachments", encrypted_zip("lonn_juni.xlsx")),
            ("READ :: FTP bank statements", encrypted_zip("camt053_0604.xml")),
        ],
        source=py,
        alt=WE,
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
    "other",
]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_blind4(b, tmp),
            "pandas": lambda: pandas_blind4(b, tmp),
            "http": lambda: http_blind4(b, tmp),
            "s3": lambda: s3_blind4(b, tmp),
            "ftp": lambda: ftp_blind4(b, tmp),
            "soap": lambda: soap_blind4(b),
            "vendor": lambda: vendor_blind4(b),
            "postgres": lambda: postgres_blind4(b),
            "parsing": lambda: parsing_blind4(b, tmp),
            "python": lambda: python_blind4(b, tmp),
            "engine": lambda: engine_blind4(b),
            "other": lambda: other_blind4(b, tmp),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
