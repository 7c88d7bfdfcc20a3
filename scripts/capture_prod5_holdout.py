"""Capture the production-mix holdout prod5: one month of an ERP-heavy tenant's on-call log, captured without reading the rules.

A production-mix round (template_id ``prod5.*``, split ``holdout``): not unusual messages, but the
failures one month of on-call actually brings, in their most common wordings, with fresh realistic
values; templates that may already be in the corpus were not avoided, since production repeats
them. The month is that of three mid-size tenants whose pipelines centre on the Xledger ERP:

- ``xledger``: nightly GL, AP invoice, supplier and payment syncs over Xledger GraphQL (unknown
  references, closed periods, unbalanced vouchers, an invalid token, 429 throttling, a 502 page,
  read timeouts on large extracts, unexpected execution errors).
- ``currency``: daily currency rates from a REST API (connect timeout, an HTML page where JSON was
  expected, the plan's monthly quota).
- ``bank``: bank statements (CAMT.053, CSV) fetched and payment files delivered over SFTP (file not
  there, truncated XML, amounts in local format, login refused, no SSH banner, permission denied).
- ``sql_report``: reports in user-written SQL over DuckDB (syntax, unknown column, GROUP BY, a
  tenant value that does not cast, the worker's memory limit).
- ``gl_pipeline``: the platform's own DuckDB staging of the GL (its INSERT naming a column the
  staging table lacks, an intermediate file a previous step did not write, NOT NULL on the tenant's
  journal lines).
- ``postgres``: loads into the tenants' Postgres warehouse (duplicate keys, values too long, the
  warehouse down, a deadlock between the platform's parallel loads, the platform's INSERT naming a
  column the warehouse table lacks).
- ``files``: the tenants' delivered files read with pandas, DuckDB and pydantic (Latin-1 bytes,
  missing columns, an empty file, invalid records, a file not delivered).
- ``export``: Excel/CSV exports sent by e-mail (a sheet too large for Excel, a Windows-1252 export,
  SMTP login refused).
- ``platform``: the platform's own Python code and credentials store.
- ``engine``: the workflow engine (a worker OOM-killed, an activity no worker picked up).

Weighted as the month failed: a little over 40% the tenants' data and user-authored SQL, 30%
vendors and external servers failing or refusing, a little over 25% the platform itself. Labels
follow who must act, decided from the scenario triggered: the tenants' files, records, names
and report SQL are INPUT_DATA_QUALITY; the platform's SQL, code, memory, workers, scheduling and
credentials store are WORKFLOW_ENGINE; Xledger, the rates API, the banks' SFTP servers, the mail
server and the warehouse refusing or failing are THIRD_PARTY_SYSTEM.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only (no name
is resolved and nothing leaves the machine; Postgres is a throwaway cluster); vendor replies
(Xledger GraphQL, the rates API, gateway pages, SMTP replies) and workflow-engine messages are
modelled on realistic ones and say so in ``source``.

Run:  uv run python scripts/capture_prod5_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``prod5.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import decimal
import functools
import io
import json
import smtplib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402
import capture_blind3_holdout as blind3  # noqa: E402
import capture_blind5_holdout as blind5  # noqa: E402
import capture_blind9_holdout as blind9  # noqa: E402
import capture_blind23_holdout as blind23  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "prod5."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
many, gql = blind.many, blind5.gql
add, call = blind9.add, blind9.call
duck = functools.partial(blind.duckdb_query, config=blind.OFFLINE_DUCKDB)

# the three tenants' Xledger entities
FJORDVIK, NORDLYS, KVAMME = 5501834, 7720415, 3318902


# =========================================================================== Xledger


def xledger_prod5(b: Subset) -> None:
    import httpx

    xl = f"{version('httpx')} + Xledger GraphQL body (modelled)"
    graphql = [
        ("xledger.graphql_reference_not_found", IDQ, None, "BAD_USER_INPUT", [
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", f"Supplier with code '20417' does not exist in entity {FJORDVIK}."),
            ("SUBMIT :: Xledger GL journal", "addGLImportItems", f"Account with code '6795' does not exist in entity {NORDLYS}."),
            ("SUBMIT :: Xledger GL journal", "addGLImportItems", f"Project with code 'P-24117' does not exist in entity {KVAMME}."),
        ]),
        ("xledger.graphql_period_closed", IDQ, None, "BAD_USER_INPUT", [
            ("SUBMIT :: Xledger GL journal", "addGLImportItems", f"Period 2025-02 is closed for posting in entity {NORDLYS}."),
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", f"Period 2024-12 is closed for posting in entity {FJORDVIK}."),
            ("SUBMIT :: Xledger payments", "addPayments", f"Period 2025-02 is closed for posting in entity {KVAMME}."),
        ]),
        ("xledger.graphql_voucher_not_balanced", IDQ, None, "BAD_USER_INPUT", [
            ("SUBMIT :: Xledger GL journal", "addGLImportItems", "Voucher 'LONN-2025-03' is not balanced: debit 1 842 310,00, credit 1 842 265,00, difference 45,00."),
            ("SUBMIT :: Xledger GL journal", "addGLImportItems", "Voucher 'PER-0325-17' is not balanced: debit 96 400,00, credit 96 400,50, difference -0,50."),
            ("SUBMIT :: Xledger accruals", "addGLImportItems", "Voucher 'ACC-2025-03-04' is not balanced: debit 212 000,00, credit 0,00, difference 212 000,00."),
        ]),
        ("xledger.graphql_unauthenticated", TPS, WE, "UNAUTHENTICATED", [
            ("EXTRACT :: Xledger GL transactions", "glTransactions", "The API token is not valid or has expired."),
            ("EXTRACT :: Xledger suppliers", "suppliers", "The API token is not valid or has expired."),
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "The API token is not valid or has expired."),
        ]),
        ("xledger.graphql_unexpected_execution_error", TPS, None, "INTERNAL_SERVER_ERROR", [
            ("EXTRACT :: Xledger GL transactions", "glTransactions", "Unexpected Execution Error"),
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "Unexpected Execution Error"),
            ("EXTRACT :: Xledger payment proposals", "paymentProposals", "Unexpected Execution Error"),
        ]),
    ]
    for template, cat, alt, code, items in graphql:
        b.add(template, "xledger.graphql", cat, many("GraphQLException", [(act, gql(msg, code, path)) for act, path, msg in items]), source=xl, alt=alt)

    rate_limited = '{{"errors":[{{"message":"Rate limit exceeded. Try again in {s} seconds.","extensions":{{"code":"RATE_LIMITED"}}}}]}}'
    bad_gateway = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\r\n</body>\r\n</html>\r\n"
    with srv.http_server() as (base, canned):
        blind23.status_cases(b, base, canned, [
            ("xledger.http_429_rate_limited", "xledger.http", TPS, None, 429, "httpx", "Xledger GraphQL throttling body (modelled)", {"Retry-After": "12"}, "application/json", [
                ("EXTRACT :: Xledger GL transactions", "/graphql", rate_limited.format(s=12)),
                ("EXTRACT :: Xledger AR invoices", "/graphql", rate_limited.format(s=30)),
                ("SUBMIT :: Xledger AP invoices", "/graphql", rate_limited.format(s=5)),
            ]),
            ("xledger.http_502_gateway_page", "xledger.http", TPS, None, 502, "httpx", "Azure Application Gateway page (modelled)", {}, "text/html", [
                ("EXTRACT :: Xledger GL transactions", "/graphql", bad_gateway),
                ("EXTRACT :: Xledger suppliers", "/graphql", bad_gateway),
                ("SUBMIT :: Xledger payments", "/graphql", bad_gateway),
            ]),
        ])

    # a large GL extract: the connection is accepted and no answer comes within the read timeout
    with srv.silent_server() as port:

        def extract(query: str, read: float) -> Callable[[], object]:
            return lambda: httpx.post(f"http://{srv.LOOPBACK}:{port}/graphql", json={"query": query}, timeout=httpx.Timeout(10.0, read=read))

        add(b, "xledger.httpx_read_timeout", "xledger.http", TPS, None, [
            ("EXTRACT :: Xledger GL transactions", extract("query { glTransactions(first: 10000, filter: {period: \"2025-03\"}) { edges { node { dbId amount } } } }", 1.0)),
            ("EXTRACT :: Xledger AR invoices", extract("query { arTransactions(first: 5000) { edges { node { dbId invoiceNumber } } } }", 0.8)),
            ("EXTRACT :: Xledger project hours", extract("query { timeTransactions(first: 10000) { edges { node { dbId hours } } } }", 1.2)),
        ], source=f"{version('httpx')} against a server that accepts and never answers", code=None)


# =========================================================================== currency rates REST API


def currency_prod5(b: Subset) -> None:
    import requests

    rq = version("requests")

    # the rates API host does not complete the TCP handshake
    with srv.full_backlog_server() as port:

        def rates(path: str, connect: float) -> Callable[[], object]:
            return lambda: requests.get(f"http://{srv.LOOPBACK}:{port}{path}", timeout=(connect, 30))

        add(b, "currency.requests_connect_timeout", "http.timeout", TPS, None, [
            ("EXTRACT :: Currency rates", rates("/api/latest.json?base=NOK&symbols=EUR,USD,SEK,DKK", 3)),
            ("EXTRACT :: Currency rates", rates("/api/historical/2025-03-14.json?base=EUR", 2)),
            ("EXTRACT :: Currency rates month-end", rates("/api/historical/2025-02-28.json?base=NOK", 3)),
        ], source=f"{rq} against a listener whose accept queue is full", code=None)

    upkeep = "<!DOCTYPE html>\n<html><head><title>Scheduled maintenance</title></head><body><h1>We'll be back soon</h1><p>Our API is undergoing scheduled maintenance until {until}.</p></body></html>\n"
    quota = '{{"error":true,"status":429,"message":"too_many_requests","description":"Your monthly allowance of {n} requests has been reached. Upgrade your plan or wait until {reset}."}}'
    with srv.http_server() as (base, canned):

        def as_json(key: str, path: str) -> Callable[[], object]:
            def go() -> object:
                resp = requests.get(f"{base}/r/{key}{path}", timeout=10)
                resp.raise_for_status()
                return resp.json()

            return go

        variants: Variants = []
        for i, (act, path, until) in enumerate([
            ("EXTRACT :: Currency rates", "/api/latest.json?base=NOK", "04:30 UTC"),
            ("EXTRACT :: Currency rates", "/api/latest.json?base=EUR", "04:30 UTC"),
            ("EXTRACT :: Currency rates month-end", "/api/historical/2025-03-31.json?base=NOK", "06:00 UTC"),
        ]):
            key = canned.put(f"fxhtml{i}", 200, upkeep.format(until=until), "text/html; charset=utf-8")
            variants.append((act, as_json(key, path)))
        add(b, "currency.requests_json_decode_html_page", "http.decode", TPS, WE, variants, source=f"{rq} Response.json() on a maintenance page answered 200 (modelled)", code=None)

        blind23.status_cases(b, base, canned, [
            ("currency.http_429_monthly_quota", "http.status", TPS, None, 429, "requests", "currency rates API body (modelled)", {}, "application/json", [
                ("EXTRACT :: Currency rates", "/api/latest.json?base=NOK", quota.format(n="1 000", reset="2025-04-01")),
                ("EXTRACT :: Currency rates", "/api/historical/2025-03-21.json?base=EUR", quota.format(n="1 000", reset="2025-04-01")),
                ("EXTRACT :: Currency rates month-end", "/api/historical/2025-03-31.json?base=SEK", quota.format(n="10 000", reset="2025-04-01")),
            ]),
        ])


# =========================================================================== bank files over SFTP


def bank_prod5(b: Subset) -> None:
    import paramiko
    from lxml import etree

    pm = version("paramiko")

    def get(port: int, user: str, path: str) -> Callable[[], object]:
        def go() -> object:
            transport = paramiko.Transport((srv.LOOPBACK, port))
            try:
                transport.connect(username=user, password="secret")
                client = paramiko.SFTPClient.from_transport(transport)
                assert client is not None
                return client.getfo(path, io.BytesIO())
            finally:
                transport.close()

        return go

    def put(port: int, user: str, path: str) -> Callable[[], object]:
        def go() -> object:
            transport = paramiko.Transport((srv.LOOPBACK, port))
            try:
                transport.connect(username=user, password="secret")
                client = paramiko.SFTPClient.from_transport(transport)
                assert client is not None
                return client.putfo(io.BytesIO(b'<?xml version="1.0" encoding="UTF-8"?><Document/>'), path)
            finally:
                transport.close()

        return go

    # the day's statement file is not in the bank's outbox
    with blind3.sftp_server(lambda path: paramiko.SFTP_NO_SUCH_FILE) as (port, _):
        add(b, "bank.sftp_statement_not_found", "sftp.error", IDQ, TPS, [
            ("READ :: SFTP bank statements", get(port, "fjordvik_camt", "/outbox/camt053_15030912_20250314.xml")),
            ("READ :: SFTP bank statements", get(port, "nordlys_dnb", "/out/STATEMENT_NO3412097653_20250317.xml")),
            ("READ :: SFTP bank transactions", get(port, "kvamme_hb", "/download/transactions_20250320.csv")),
        ], source=f"{pm} SFTPClient.getfo against a server answering SFTP_NO_SUCH_FILE", code=None)

    # the payment file cannot be written to the bank's inbox
    with blind3.sftp_server(lambda path: paramiko.SFTP_PERMISSION_DENIED) as (port, _):
        add(b, "bank.sftp_payment_upload_permission_denied", "sftp.error", TPS, WE, [
            ("EXPORT :: SFTP payment files", put(port, "fjordvik_pay", "/inbox/pain001_FJV_20250314_01.xml")),
            ("EXPORT :: SFTP payment files", put(port, "nordlys_dnb", "/in/PAIN001/NLE_20250321_0830.xml")),
            ("EXPORT :: SFTP payment files", put(port, "kvamme_hb", "/upload/pain001_KVL_20250328.xml")),
        ], source=f"{pm} SFTPClient.putfo against a server answering SFTP_PERMISSION_DENIED", code=None)

    with srv.ssh_server_rejecting_passwords() as port:
        add(b, "bank.sftp_authentication_failed", "sftp.auth", TPS, WE, [
            ("READ :: SFTP bank statements", srv.ssh_login(port, "fjordvik_camt")),
            ("EXPORT :: SFTP payment files", srv.ssh_login(port, "kvamme_hb")),
            ("READ :: SFTP bank statements", srv.ssh_login(port, "nordlys_dnb")),
        ], source=f"{pm} SSHClient.connect against a server refusing the password", code=None)

    # the bank's SFTP endpoint accepts the TCP connection and never sends its SSH banner
    with srv.silent_server() as port:

        def banner(user: str) -> Callable[[], object]:
            def go() -> object:
                ssh = paramiko.SSHClient()
                ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
                try:
                    return ssh.connect(srv.LOOPBACK, port=port, username=user, password="secret", timeout=5, banner_timeout=1, auth_timeout=5, allow_agent=False, look_for_keys=False)
                finally:
                    ssh.close()

            return go

        add(b, "bank.sftp_no_ssh_banner", "sftp.ssh", TPS, None, [
            ("READ :: SFTP bank statements", banner("nordlys_dnb")),
            ("EXPORT :: SFTP payment files", banner("fjordvik_pay")),
            ("READ :: SFTP bank transactions", banner("kvamme_hb")),
        ], source=f"{pm} SSHClient.connect against a server that never sends its banner", code=None)

    # the statement file arrived cut off (the bank's transfer was interrupted)
    Path("in").mkdir(exist_ok=True)
    entry = '   <Ntry>\n    <Amt Ccy="NOK">{amt}</Amt>\n    <CdtDbtInd>CRDT</CdtDbtInd>\n    <BookgDt><Dt>{day}</Dt></BookgDt>\n    <NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>{kid}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>\n   </Ntry>\n'
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n <BkToCstmrStmt>\n  <Stmt>\n   <Id>{sid}</Id>\n'
    for name, sid, day, n, cut in [
        ("camt053_15030912_20250314.xml", "STM-15030912-20250314", "2025-03-14", 9, 180),
        ("STATEMENT_NO3412097653_20250317.xml", "NO3412097653-0317", "2025-03-17", 14, 95),
        ("camt053_90011402_20250324.xml", "STM-90011402-20250324", "2025-03-24", 6, 240),
    ]:
        body = head.format(sid=sid) + "".join(entry.format(amt=f"{1250 + 37 * i}.{i % 10}0", day=day, kid=f"{20250000 + 311 * i:010d}") for i in range(n))
        Path(f"in/{name}").write_text(body[: len(body) - cut])
    add(b, "bank.camt053_truncated_xml", "xml.syntax", IDQ, None, [
        ("READ :: SFTP bank statements", call(etree.parse, "in/camt053_15030912_20250314.xml")),
        ("READ :: SFTP bank statements", call(etree.parse, "in/STATEMENT_NO3412097653_20250317.xml")),
        ("READ :: SFTP bank statements", call(etree.parse, "in/camt053_90011402_20250324.xml")),
    ], source=f"{version('lxml')} etree.parse")

    # amounts in the bank CSV written in the local format
    add(b, "bank.decimal_amount_local_format", "python.decimal", IDQ, None, [
        ("READ :: SFTP bank transactions", call(decimal.Decimal, "1 204,50")),
        ("READ :: SFTP bank transactions", call(decimal.Decimal, "-12.450,00")),
        ("READ :: SFTP bank statements CSV", call(decimal.Decimal, "kr 8 990,00")),
    ], source=f"{cap.python_source()} decimal.Decimal")


# =========================================================================== user-written SQL reports on DuckDB


GL_TABLES = (
    "create table gl_transactions(entity_id integer, voucher_no varchar, posting_date date, account varchar, department varchar, project varchar, amount decimal(18,2), currency varchar);"
    "create table ap_invoices(entity_id integer, invoice_no varchar, supplier_no varchar, supplier_name varchar, invoice_date date, due_date date, amount decimal(18,2), currency varchar);"
    "create table suppliers(entity_id integer, supplier_no varchar, name varchar, org_no varchar, country varchar);"
    "insert into gl_transactions values (5501834, 'GL-250314-01', '2025-03-14', '6300', 'D-310', 'P-24117', 1204.50, 'NOK'), (5501834, 'GL-250314-02', '2025-03-14', '6540', '120', NULL, 99.00, 'NOK');"
    "insert into ap_invoices values (7720415, 'F-88213', '20417', 'Bergen Bolt AS', '2025-03-03', '2025-04-02', 18450.00, 'NOK');"
    "insert into suppliers values (3318902, '20417', 'Bergen Bolt AS', '912345678', 'NO'), (3318902, '20418', 'Hansen Transport', 'NO 998 877 665 MVA', 'NO')"
)


def sql_report_prod5(b: Subset) -> None:
    src = f"{version('duckdb')} (user-written report SQL)"

    def report(sql: str) -> Callable[[], object]:
        return duck(sql, GL_TABLES)

    add(b, "sql_report.duckdb_parser_syntax_error", "duckdb.parser", IDQ, None, [
        ("TRANSFORM :: SQL report GL by account", report("select account, sum(amount) as total from gl_transactions where posting_date >= '2025-03-01' group account order by account")),
        ("TRANSFORM :: SQL report AP aging", report("select supplier_name, sum(amount) as open_amount from ap_invoices group by supplier_name where due_date < current_date")),
        ("TRANSFORM :: SQL report project costs", report("select project, sum(amount) total from gl_transactions where project is not null and group by project")),
    ], source=src)

    add(b, "sql_report.duckdb_column_not_found", "duckdb.binder", IDQ, WE, [
        ("TRANSFORM :: SQL report GL by account", report("select account, sum(amount_nok) as total from gl_transactions group by account")),
        ("TRANSFORM :: SQL report AP aging", report("select supplier_name, invoice_no, due_date, amount from ap_invoices where payment_status = 'OPEN'")),
        ("TRANSFORM :: SQL report supplier list", report("select supplier_no, name, orgnr from suppliers order by name")),
    ], source=src)

    add(b, "sql_report.duckdb_group_by_missing", "duckdb.binder", IDQ, WE, [
        ("TRANSFORM :: SQL report AP aging", report("select supplier_no, supplier_name, sum(amount) from ap_invoices group by supplier_no")),
        ("TRANSFORM :: SQL report GL by department", report("select department, account, sum(amount) as total from gl_transactions group by department order by department")),
        ("TRANSFORM :: SQL report monthly spend", report("select date_trunc('month', invoice_date) as month, currency, sum(amount) from ap_invoices group by 1")),
    ], source=src)

    add(b, "sql_report.duckdb_cast_tenant_value", "duckdb.conversion", IDQ, None, [
        ("TRANSFORM :: SQL report GL by department", report("select cast(department as integer) as dept, sum(amount) from gl_transactions group by 1 order by 1")),
        ("TRANSFORM :: SQL report supplier list", report("select supplier_no, name, cast(org_no as bigint) as org_no from suppliers order by org_no")),
        ("TRANSFORM :: SQL report AP invoices", report("select cast(replace(invoice_no, 'INV-', '') as integer) as invoice_number, supplier_name, amount from ap_invoices order by 1")),
    ], source=src)

    oom = {**blind.OFFLINE_DUCKDB, "threads": 2}
    add(b, "sql_report.duckdb_out_of_memory", "duckdb.oom", WE, None, [
        ("TRANSFORM :: SQL report GL by project", duck("select v % 3 as entity, list(v) as lines from range(9000000) t(v) group by entity", config={**oom, "memory_limit": "40MB"})),
        ("TRANSFORM :: SQL report AP aging", duck("select v % 2 as k, list('F-' || v) as invoices from range(5000000) t(v) group by k", config={**oom, "memory_limit": "48MB"})),
        ("TRANSFORM :: SQL report supplier spend", duck("select v % 4 as k, list(struct_pack(no := v, amt := v % 997)) from range(7000000) t(v) group by k", config={**oom, "memory_limit": "56MB"})),
    ], source=f"{version('duckdb')} with the worker's memory_limit")


# =========================================================================== the platform's GL staging on DuckDB


def gl_pipeline_prod5(b: Subset) -> None:
    src = version("duckdb")
    staging = (
        "create table stg_gl_lines(entity_id integer not null, voucher_no varchar not null, line_no integer, account varchar not null, department varchar, amount decimal(18,2) not null);"
        "create table stg_gl_raw(entity_id integer, voucher_no varchar, line_no integer, account varchar, department varchar, amount decimal(18,2), vat_code varchar, dimension_4 varchar)"
    )

    # the platform's insert names a column its staging table does not have
    add(b, "gl_pipeline.duckdb_insert_unknown_column", "duckdb.binder", WE, None, [
        ("LOAD :: DuckDB GL staging", duck("insert into stg_gl_lines (entity_id, voucher_no, line_no, account, department, amount, vat_code) select entity_id, voucher_no, line_no, account, department, amount, vat_code from stg_gl_raw", staging)),
        ("LOAD :: DuckDB GL staging", duck("insert into stg_gl_lines (entity_id, voucher_no, line_no, account, dimension_4, amount) select entity_id, voucher_no, line_no, account, dimension_4, amount from stg_gl_raw", staging)),
        ("TRANSFORM :: GL voucher lines", duck("insert into stg_gl_lines (entity_id, voucher_no, line_no, account, department, amount, currency) select entity_id, voucher_no, line_no, account, department, amount, 'NOK' from stg_gl_raw", staging)),
    ], source=src)

    # a later step reads the intermediate file an earlier step of the same run should have written
    add(b, "gl_pipeline.duckdb_intermediate_file_missing", "duckdb.io", WE, None, [
        ("LOAD :: Postgres GL transactions", duck("select * from read_parquet('runs/5501834/2025-03-14/r58213/gl_staged.parquet')")),
        ("EXPORT :: Excel GL report", duck("select * from read_parquet('runs/7720415/2025-03-17/r58790/gl_by_account/*.parquet')")),
        ("LOAD :: Postgres AP invoices", duck("select * from read_parquet('runs/3318902/2025-03-24/r59377/ap_invoices_enriched.parquet')")),
    ], source=f"{src} read_parquet on the run folder")

    # the tenant's journal lines arrive without an account
    add(b, "gl_pipeline.duckdb_not_null_journal_line", "duckdb.constraint", IDQ, None, [
        ("READ :: SFTP payroll journal", duck("insert into stg_gl_lines values (5501834, 'LONN-2025-03', 1, '5000', 'D-310', 184231.00), (5501834, 'LONN-2025-03', 2, NULL, 'D-310', -184231.00)", staging)),
        ("READ :: SFTP GL journal", duck("insert into stg_gl_lines values (7720415, NULL, 1, '6300', NULL, 1204.50)", staging)),
        ("READ :: Email accrual journal", duck("insert into stg_gl_lines values (3318902, 'ACC-2025-03-04', 1, '2960', NULL, NULL)", staging)),
    ], source=src)


# =========================================================================== Postgres warehouse


def postgres_prod5(b: Subset) -> None:
    import psycopg2
    import psycopg2.extras

    pg = version("psycopg2-binary")

    def refused(user: str, db: str) -> Callable[[], object]:
        port = srv.closed_port()
        return lambda: psycopg2.connect(host=srv.LOOPBACK, port=port, user=user, dbname=db, connect_timeout=5)

    add(b, "postgres.warehouse_connection_refused", "psycopg2.operational", TPS, None, [
        ("LOAD :: Postgres GL transactions", refused("etl_fjordvik", "dwh")),
        ("LOAD :: Postgres AP invoices", refused("etl_nordlys", "warehouse")),
        ("LOAD :: Postgres suppliers", refused("etl_kvamme", "dwh_prod")),
    ], source=pg, code=None)

    with blind.postgres_or_missed(b, "prod5") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create role etl_loader login password 'Varehus-2025'")
            cur.execute("create table dim_supplier(supplier_no varchar(10) primary key, name varchar(35) not null, org_no varchar(9), city varchar(30))")
            cur.execute("create table fact_ap_invoice(invoice_no varchar(20) primary key, supplier_no varchar(10), invoice_date date, amount numeric(14,2), currency char(3))")
            cur.execute("create table fact_gl(entity_id int, voucher_no varchar(20), line_no int, account varchar(8), amount numeric(14,2), primary key (entity_id, voucher_no, line_no))")
            cur.execute("create table invoices(id int primary key, amount numeric(14,2))")
            cur.execute("grant all on dim_supplier, fact_ap_invoice, fact_gl, invoices to etl_loader")
            cur.execute("insert into dim_supplier values ('20417', 'Bergen Bolt AS', '912345678', 'Bergen'), ('31002', 'Hansen Transport AS', '998877665', 'Molde')")
            cur.execute("insert into fact_ap_invoice values ('F-88213', '20417', '2025-03-03', 18450.00, 'NOK')")
            cur.execute("insert into fact_gl values (5501834, 'GL-250314-01', 1, '6300', 1204.50)")
            cur.execute("insert into invoices values (1, 100), (2, 200)")
        loader = dict(info, user="etl_loader", password="Varehus-2025")

        def values(sql: str, rows: list[tuple[Any, ...]]) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**loader)
                try:
                    with conn.cursor() as cur:
                        psycopg2.extras.execute_values(cur, sql, rows)
                    conn.commit()
                finally:
                    conn.close()

            return go

        add(b, "postgres.unique_violation_tenant_rows", "postgres.integrity", IDQ, WE, [
            ("LOAD :: Postgres suppliers", values("insert into dim_supplier (supplier_no, name, org_no, city) values %s", [("20417", "Bergen Bolt og Skrue AS", "912345678", "Bergen")])),
            ("LOAD :: Postgres AP invoices", values("insert into fact_ap_invoice (invoice_no, supplier_no, invoice_date, amount, currency) values %s", [("F-88214", "31002", "2025-03-04", decimal.Decimal("990.00"), "NOK"), ("F-88213", "20417", "2025-03-03", decimal.Decimal("18450.00"), "NOK")])),
            ("LOAD :: Postgres GL transactions", values("insert into fact_gl (entity_id, voucher_no, line_no, account, amount) values %s", [(5501834, "GL-250314-01", 1, "6300", decimal.Decimal("1204.50"))])),
        ], source=f"{pg} psycopg2.extras.execute_values", code=None)

        add(b, "postgres.value_too_long", "postgres.data", IDQ, WE, [
            ("LOAD :: Postgres suppliers", values("insert into dim_supplier (supplier_no, name, org_no, city) values %s", [("40988", "Vestlandske Bygg- og Anleggsentreprenører AS", "987001122", "Førde")])),
            ("LOAD :: Postgres suppliers", values("insert into dim_supplier (supplier_no, name, org_no, city) values %s", [("40989", "Nordic Office AB", "SE556677889901", "Göteborg")])),
            ("LOAD :: Postgres AP invoices", values("insert into fact_ap_invoice (invoice_no, supplier_no, invoice_date, amount, currency) values %s", [("2025-000312/KREDITNOTA-A", "20417", "2025-03-12", decimal.Decimal("-1250.00"), "NOK")])),
        ], source=f"{pg} psycopg2.extras.execute_values", code=None)

        def statement(sql: str, params: tuple[Any, ...]) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**loader)
                try:
                    with conn.cursor() as cur:
                        cur.execute(sql, params)
                    conn.commit()
                finally:
                    conn.close()

            return go

        add(b, "postgres.platform_insert_undefined_column", "postgres.schema", WE, None, [
            ("LOAD :: Postgres AP invoices", statement("insert into fact_ap_invoice (invoice_no, supplier_no, invoice_date, amount, currency, vat_code) values (%s, %s, %s, %s, %s, %s)", ("F-88302", "20417", "2025-03-18", decimal.Decimal("4120.00"), "NOK", "1"))),
            ("LOAD :: Postgres suppliers", statement("insert into dim_supplier (supplier_no, name, org_no, city, payment_terms) values (%s, %s, %s, %s, %s)", ("31077", "Kvamme Elektro AS", "921004455", "Ålesund", 30))),
            ("LOAD :: Postgres GL transactions", statement("insert into fact_gl (entity_id, voucher_no, line_no, account, department, amount) values (%s, %s, %s, %s, %s, %s)", (7720415, "GL-250317-09", 1, "6540", "120", decimal.Decimal("99.00")))),
        ], source=pg, code=None)

        add(b, "postgres.deadlock_parallel_loads", "postgres.concurrency", WE, None, [
            ("LOAD :: Postgres AP invoices", functools.partial(blind3._deadlock, info, 4)),
            ("LOAD :: Postgres GL transactions", functools.partial(blind3._deadlock, info, 5)),
            ("LOAD :: Postgres payments", functools.partial(blind3._deadlock, info, 6)),
        ], source=pg, code=None)
        admin.close()


# =========================================================================== the tenants' delivered files


def files_prod5(b: Subset) -> None:
    import datetime as dt
    from typing import Literal

    import duckdb
    import pandas as pd
    import pydantic

    pdv = version("pandas")
    Path("in").mkdir(exist_ok=True)

    def write(name: str, data: bytes) -> str:
        Path(f"in/{name}").write_bytes(data)
        return f"in/{name}"

    # exported from Excel as "CSV (semicolon)" in Windows-1252: the first ø/å/æ fails
    rows = "".join(f"{20400 + i};Leverandor {i} AS;9{12000000 + i};Bergen\n" for i in range(40))
    s1 = write("suppliers_fjordvik_20250314.csv", ("supplier_no;name;org_no;city\n" + rows + "20441;Sørlandets Trelast AS;987654001;Kristiansand\n").encode("cp1252"))
    s2 = write("leverandorer_nordlys.csv", "leverandørnr;navn;orgnr\n31002;Hansen Transport AS;998877665\n".encode("latin-1"))
    s3 = write("gl_journal_kvamme_202503.csv", ("bilag;konto;belop;tekst\n" + "".join(f"LONN-2025-03;5000;{1000 + i},00;Lonn mars\n" for i in range(120)) + "LONN-2025-03;5092;4200,00;Feriepenger påløpt\n").encode("cp1252"))
    add(b, "files.pandas_read_csv_not_utf8", "pandas.encoding", IDQ, None, [
        ("READ :: SFTP supplier master", call(pd.read_csv, s1, sep=";")),
        ("READ :: SFTP supplier master", call(pd.read_csv, s2, sep=";")),
        ("READ :: SFTP payroll journal", call(pd.read_csv, s3, sep=";")),
    ], source=pdv)

    c1 = write("ap_invoices_fjordvik_20250317.csv", b"Fakturanr;Leverandor;Fakturadato;Belop\nF-88302;20417;2025-03-17;4120,00\n")
    c2 = write("suppliers_nordlys_20250320.csv", b"supplier_no,name,organisation_number\n31002,Hansen Transport AS,998877665\n")
    c3 = write("payments_kvamme_20250325.csv", b"invoice_no;amount;paid\nF-77120;990,00;2025-03-25\n")

    def column(path: str, name: str, sep: str) -> Callable[[], object]:
        return lambda: pd.read_csv(path, sep=sep)[name]

    add(b, "files.pandas_column_missing", "pandas.key_error", IDQ, None, [
        ("READ :: SFTP AP invoices", column(c1, "InvoiceNumber", ";")),
        ("READ :: SFTP supplier master", column(c2, "org_no", ",")),
        ("READ :: SFTP payment status", column(c3, "payment_date", ";")),
    ], source=pdv)

    e1 = write("ap_invoices_nordlys_20250319.csv", b"")
    e2 = write("cost_centres_kvamme.csv", b"\n\n")
    e3 = write("budget_fjordvik_2025.csv", b"   \n")
    add(b, "files.pandas_empty_file", "pandas.empty", IDQ, None, [
        ("READ :: SFTP AP invoices", call(pd.read_csv, e1, sep=";")),
        ("READ :: Email cost centres", call(pd.read_csv, e2)),
        ("READ :: SFTP budget", call(pd.read_csv, e3, sep=";")),
    ], source=pdv)

    # the day's files were not delivered to the drop folder
    Path("inbound/5501834").mkdir(parents=True, exist_ok=True)
    Path("inbound/7720415").mkdir(parents=True, exist_ok=True)
    add(b, "files.duckdb_read_csv_not_delivered", "duckdb.io", IDQ, None, [
        ("READ :: SFTP payroll journal", call(duckdb.read_csv, "inbound/5501834/payroll_journal_202503*.csv")),
        ("READ :: SFTP AP invoices", call(duckdb.read_csv, "inbound/7720415/ap_invoices_20250321.csv")),
        ("READ :: SFTP budget", call(duckdb.read_csv, "inbound/3318902/budget_2025_v*.csv")),
    ], source=f"{version('duckdb')} Python API duckdb.read_csv")

    class SupplierInvoice(pydantic.BaseModel):
        invoice_no: str
        supplier_no: str
        invoice_date: dt.date
        due_date: dt.date
        amount: decimal.Decimal
        currency: Literal["NOK", "EUR", "SEK", "DKK", "USD"]
        kid: str | None = None

    add(b, "files.pydantic_invoice_record", "pydantic.validation", IDQ, None, [
        ("READ :: SFTP AP invoices", call(SupplierInvoice.model_validate, {"invoice_no": "F-88302", "supplier_no": "20417", "invoice_date": "17.03.2025", "due_date": "2025-04-16", "amount": "4120.00", "currency": "NOK"})),
        ("READ :: SFTP AP invoices", call(SupplierInvoice.model_validate, {"invoice_no": "F-88310", "supplier_no": "31002", "invoice_date": "2025-03-18", "due_date": "2025-04-17", "amount": "4 120,00", "currency": "kr"})),
        ("READ :: Email AP invoices", call(SupplierInvoice.model_validate, {"invoice_no": "2025-0412", "invoice_date": "2025-03-20", "due_date": "2025-02-30", "amount": "12500.00", "currency": "EUR"})),
    ], source=version("pydantic"))


# =========================================================================== exports by e-mail


def export_prod5(b: Subset) -> None:
    import pandas as pd

    pdv = version("pandas")

    # a month of GL lines does not fit in one Excel sheet
    def excel(rows: int, path: str) -> Callable[[], object]:
        return lambda: pd.DataFrame({"voucher_no": range(rows)}).to_excel(path, index=False)

    add(b, "export.pandas_excel_sheet_too_large", "pandas.excel", WE, None, [
        ("EXPORT :: Excel GL transactions", excel(1_048_620, "out_gl_transactions_202503.xlsx")),
        ("EXPORT :: Excel GL transactions", excel(1_203_441, "out_gl_transactions_2025Q1.xlsx")),
        ("EXPORT :: Excel project hours", excel(1_091_008, "out_project_hours_202503.xlsx")),
    ], source=pdv)

    # the receiving ERP import wants Windows-1252, the tenant's names contain characters it lacks
    def cp1252(names: list[str], path: str) -> Callable[[], object]:
        return lambda: pd.DataFrame({"supplier_no": [str(20400 + i) for i in range(len(names))], "name": names}).to_csv(path, sep=";", index=False, encoding="cp1252")

    add(b, "export.csv_cp1252_unencodable", "python.unicode", IDQ, WE, [
        ("EXPORT :: CSV supplier master", cp1252(["Bergen Bolt AS", "Sørlandets Trelast AS", "Przedsiębiorstwo Budowlane Sp. z o.o."], "out_suppliers_cp1252.csv")),
        ("EXPORT :: CSV payment file", cp1252(["Hansen Transport AS", "Dvořák Logistika s.r.o."], "out_payments_cp1252.csv")),
        ("EXPORT :: CSV customer list", cp1252(["Kvamme Elektro AS", "Győri Fémipari Kft."], "out_customers_cp1252.csv")),
    ], source=pdv)

    def send(reply: str, user: str, to: str) -> Callable[[], None]:
        def go() -> None:
            with blind3.line_server("220 smtp.example ESMTP ready", blind3.smtp_replies({"AUTH": reply})) as port, smtplib.SMTP(srv.LOOPBACK, port, timeout=5) as smtp:
                smtp.login(user, "secret")
                smtp.sendmail(user, [to], "Subject: GL report March 2025\r\n\r\nsee attachment")

        return go

    add(b, "export.smtp_authentication_unsuccessful", "smtp.auth", TPS, WE, [
        ("NOTIFY :: Email GL report", send("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [GV3P280CA0041.SWEP280.PROD.OUTLOOK.COM 2025-03-14T05:02:11.204Z 08DD62A1B4C7E913]", "rapport@fjordvik.no", "okonomi@fjordvik.no")),
        ("EXPORT :: Email AP aging", send("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [DB8PR04CA0017.eurprd04.prod.outlook.com 2025-03-21T05:00:48.930Z 08DD67F0C2A15B22]", "etl@nordlys-eiendom.no", "regnskap@nordlys-eiendom.no")),
        ("NOTIFY :: Email payment report", send("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [AM9P192CA0021.EURP192.PROD.OUTLOOK.COM 2025-03-28T06:15:03.117Z 08DD6D22A91F0C35]", "noreply@kvamme-logistikk.no", "lonn@kvamme-logistikk.no")),
    ], source=f"{cap.python_source()} smtplib + SMTP server replies (modelled on Exchange Online)", code=None)


# =========================================================================== the platform's own code and credentials store


def platform_prod5(b: Subset) -> None:
    py = cap.python_source()

    def convert(amount: str, rate: float, op: str) -> Callable[[], object]:
        def go() -> object:
            value = decimal.Decimal(amount)
            return value * rate if op == "*" else value + rate

        return go

    add(b, "platform.decimal_float_type_error", "python.type_error", WE, None, [
        ("TRANSFORM :: Currency conversion", convert("18450.00", 11.4825, "*")),
        ("TRANSFORM :: GL voucher lines", convert("1204.50", 0.005, "+")),
        ("TRANSFORM :: AP invoice amounts", convert("4120.00", 0.0953, "*")),
    ], source=f"{py} (the platform's transform code)")

    def mapping(response: str, path: list[str]) -> Callable[[], object]:
        def go() -> object:
            node: Any = json.loads(response)
            for name in path:
                node = node.get(name)
            return node

        return go

    add(b, "platform.nonetype_attribute", "python.attribute_error", WE, None, [
        ("TRANSFORM :: Xledger AP invoices", mapping('{"data": {"addApTransactions": null}}', ["data", "addApTransactions", "edges"])),
        ("TRANSFORM :: Xledger GL transactions", mapping('{"data": {"glTransactions": {"edges": [], "pageInfo": null}}}', ["data", "glTransactions", "pageInfo", "endCursor"])),
        ("TRANSFORM :: Xledger suppliers", mapping('{"data": null, "extensions": {"cost": 412}}', ["data", "suppliers", "edges"])),
    ], source=f"{py} (the platform's response mapping)")

    b.add("platform.credentials_secret_not_found", "platform.secrets", WE, many("SecretNotFoundError", [
        ("EXTRACT :: Xledger GL transactions", f"Secret 'tenants/{FJORDVIK}/xledger/api_token' was not found in the credentials store (mount kv-etl-prod)."),
        ("READ :: SFTP bank statements", f"Secret 'tenants/{NORDLYS}/bank/sftp_private_key' was not found in the credentials store (mount kv-etl-prod)."),
        ("LOAD :: Postgres GL transactions", f"Secret 'tenants/{KVAMME}/warehouse/password' was not found in the credentials store (mount kv-etl-prod)."),
    ]), source=MODELLED)


# =========================================================================== workflow engine (modelled)


def engine_prod5(b: Subset) -> None:
    b.add("engine.worker_oom_killed", "workflow.worker", WE, many("WorkerLostError", [
        ("TRANSFORM :: SQL report GL by project", "Worker pod etl-worker-6c9d7b5f4-q2xkm was OOMKilled (exit code 137, memory limit 4Gi) while running activity 'TRANSFORM :: SQL report GL by project' (run 58790)."),
        ("EXTRACT :: Xledger GL transactions", "Worker pod etl-worker-6c9d7b5f4-h8vtn was OOMKilled (exit code 137, memory limit 4Gi) while running activity 'EXTRACT :: Xledger GL transactions' (run 59012)."),
        ("EXPORT :: Excel GL transactions", "Worker pod etl-worker-large-77d8c9f6b-2rjwp was OOMKilled (exit code 137, memory limit 8Gi) while running activity 'EXPORT :: Excel GL transactions' (run 59377)."),
    ]), source=MODELLED)

    b.add("engine.schedule_to_start_timeout", "workflow.scheduling", WE, many("ScheduleToStartTimeout", [
        ("EXTRACT :: Xledger GL transactions", "Activity 'EXTRACT :: Xledger GL transactions' of run 58213 was not picked up by a worker within 900 s (task queue 'erp-nightly')."),
        ("SUBMIT :: Xledger payments", "Activity 'SUBMIT :: Xledger payments' of run 58541 was not picked up by a worker within 600 s (task queue 'erp-payments')."),
        ("LOAD :: Postgres GL transactions", "Activity 'LOAD :: Postgres GL transactions' of run 59120 was not picked up by a worker within 900 s (task queue 'erp-nightly')."),
    ]), source=MODELLED)


# =========================================================================== main


FAMILIES = ["xledger", "currency", "bank", "sql_report", "gl_pipeline", "postgres", "files", "export", "platform", "engine"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "xledger": lambda: xledger_prod5(b),
            "currency": lambda: currency_prod5(b),
            "bank": lambda: bank_prod5(b),
            "sql_report": lambda: sql_report_prod5(b),
            "gl_pipeline": lambda: gl_pipeline_prod5(b),
            "postgres": lambda: postgres_prod5(b),
            "files": lambda: files_prod5(b),
            "export": lambda: export_prod5(b),
            "platform": lambda: platform_prod5(b),
            "engine": lambda: engine_prod5(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
