"""Capture the THIRD production-mix holdout, organised by tenant pipeline and captured without reading the rules.

Unlike the blind rounds, which look for wordings the corpus lacks, a production-mix round looks like
the failure table of a production platform: the failures that happen MOST OFTEN, in their most
common wordings, with fresh realistic values, whether or not the corpus already holds the template.
This round (template_id ``prod3.*``, split ``holdout``) is organised by PIPELINE: eight tenant
pipelines and, for each, the failures that typically break it at each step, mixing the three sides
as they occur: the tenant's data or user-authored content being wrong, the vendor failing or
refusing, and the platform itself failing (its own SQL, configuration, code, memory, workers).

- ``gl_warehouse``: Xledger GL transactions -> DuckDB transform -> Postgres warehouse load.
- ``invoice_sync``: Ivalua invoices over REST, matched against Xledger, submitted for approval.
- ``bank_statements``: CAMT.053/CSV bank statements from SFTP, parsed, posted to Xledger.
- ``supplier_master``: supplier master exported from Xledger to Ivalua.
- ``s3_dropzone``: tenant CSV/Parquet/JSON files dropped in S3, ingested into DuckDB.
- ``payroll_soap``: payroll/HR export over SOAP, payroll file delivered to the bank over FTP.
- ``sql_report``: a user-written SQL report step on DuckDB.
- ``notify``: notification step (Teams webhook, e-mail).

The templates were chosen and labelled by who must act, from the scenario triggered (whose SQL,
whose file, whose credentials), without opening the rules, their documentation or verdicts, the
other production-mix scripts or the corpus, so scoring the rules frozen before this round
(``benchmarks/rule_generalisation.py REV --subset prod3``) is an honest figure.
Each error is raised by the real library installed here (DuckDB, pandas, pydantic, json, httpx,
requests, botocore, ftplib, paramiko, zeep, lxml, smtplib, psycopg2 on a throwaway Postgres cluster)
against servers on 127.0.0.1 only (no name is resolved and nothing leaves the machine); vendor
replies (Xledger GraphQL, Ivalua REST, S3 error bodies, SOAP faults, FTP/SMTP replies, the Teams
webhook) and workflow-engine errors are modelled on realistic bodies and phrasings and say so in
``source``.

Run:  uv run python scripts/capture_prod3_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``prod3.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import functools
import shutil
import smtplib
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402
import capture_blind3_holdout as blind3  # noqa: E402
import capture_blind5_holdout as blind5  # noqa: E402
import capture_blind9_holdout as blind9  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "prod3."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
many, gql, wrapped = blind.many, blind5.gql, blind.wrapped
add, call = blind9.add, blind9.call

#: DuckDB that downloads no extension
OFFLINE = blind.OFFLINE_DUCKDB


def duck(sql: str, setup: str = "", **config: Any) -> Callable[[], Any]:
    """A DuckDB trigger on a fresh in-memory connection without extension downloads."""
    return blind.duckdb_query(sql, setup, config={**OFFLINE, **config})


# =========================================================================== HTTP helper


def http_status(
    b: Subset,
    base: str,
    canned: srv.Canned,
    template: str,
    family: str,
    cat: str,
    alt: str | None,
    status: int,
    client: str,
    source: str,
    items: list[tuple[str, str, str]],
    *,
    ctype: str = "application/json",
    headers: dict[str, str] | None = None,
    method: str = "GET",
) -> None:
    """One template: each (activity, path, body) answered with `status` by the local server,
    requested with `client` (requests or httpx) and recorded as the platform stores it (the
    library's message, then the response body). Canned keys are opaque (``/r/pNN``)."""
    import httpx
    import requests

    variants: Variants = []
    for act, path, body in items:
        key = canned.put(f"p{len(canned.responses):02d}", status, body, ctype, headers)
        url = f"{base}/r/{key}{path}"
        if client == "requests":
            variants.append((act, lambda url=url: requests.request(method, url, json={} if method != "GET" else None, timeout=5).raise_for_status()))
        else:
            variants.append((act, lambda url=url: httpx.request(method, url, json={} if method != "GET" else None, timeout=5).raise_for_status()))
    wrap, message = {
        "requests": ("HTTPError", blind3.with_body),
        "httpx": ("HTTPStatusError", wrapped("{exc} - {exc.response.text}")),
    }[client]
    add(b, template, family, cat, alt, variants, source=f"{version(client)} + {source}", code=status, wrap=wrap, wrap_message=message)


def xledger_errors(b: Subset, cases: list[tuple[str, str, str | None, str, list[tuple[str, str, str]]]]) -> None:
    """Xledger GraphQL errors (HTTP 200 with an `errors` array) as the platform records them."""
    for template, cat, alt, code, items in cases:
        variants = many("GraphQLException", [(act, gql(msg, code, path)) for act, path, msg in items])
        add(b, template, "xledger.graphql", cat, alt, variants, source=f"{version('httpx')} + Xledger GraphQL body (modelled)")


# =========================================================================== 1. Xledger GL -> DuckDB -> Postgres


def gl_warehouse(b: Subset) -> None:
    import httpx

    # EXTRACT: the GraphQL call gets no answer within the client's read timeout
    with srv.silent_server() as port:

        def page(query: str) -> Callable[[], object]:
            return lambda: httpx.post(f"http://{srv.LOOPBACK}:{port}/graphql", json={"query": query}, timeout=httpx.Timeout(5.0, read=0.4))

        add(b, "gl_warehouse.httpx.read_timeout_xledger", "http.timeout", TPS, None, [
            ("EXTRACT :: Xledger GL transactions", page("query { glTransactions(first: 1000, after: \"MTAwMDA=\", filter: {period_gte: \"2024-05\"}) { edges { node { dbId } } } }")),
            ("EXTRACT :: Xledger GL balances", page("query { glBalances(first: 500, filter: {fiscalYear: 2024}) { edges { node { account { code } } } } }")),
            ("EXTRACT :: Xledger GL transactions", page("query { glTransactions(first: 1000, after: \"MzAwMDA=\", filter: {period_gte: \"2024-06\"}) { edges { node { dbId } } } }")),
        ], source=f"{version('httpx')} read timeout against a server that never answers", code=None)

    gateway = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    with srv.http_server() as (base, canned):
        http_status(b, base, canned, "gl_warehouse.xledger.http_502_bad_gateway", "xledger.http", TPS, None, 502, "httpx", "Xledger gateway page (modelled on nginx)", [
            ("EXTRACT :: Xledger GL transactions", "/graphql", gateway),
            ("EXTRACT :: Xledger GL accounts", "/graphql", gateway),
            ("EXTRACT :: Xledger GL transactions", "/graphql", gateway),
        ], ctype="text/html", method="POST")

    # TRANSFORM: the platform's worker runs out of memory on a large tenant's GL
    gl = "select range % {n} as account, (range % 977)::decimal(18,2) as amount, range % 12 + 1 as period from range({rows})"
    add(b, "gl_warehouse.duckdb.out_of_memory", "duckdb.oom", WE, None, [
        ("TRANSFORM :: SQL GL balances", duck(f"select period, list(amount) from ({gl.format(n=4000, rows=6_000_000)}) group by period", memory_limit="48MB", threads=1)),
        ("TRANSFORM :: SQL GL dimensions", duck(f"select account, list(amount order by period) from ({gl.format(n=9000, rows=6_000_000)}) group by account", memory_limit="40MB", threads=1)),
        ("TRANSFORM :: SQL GL period totals", duck(f"select period, list(account) from ({gl.format(n=2500, rows=7_000_000)}) group by period", memory_limit="56MB", threads=1)),
    ], source=version("duckdb"))

    # LOAD: the platform's own insert into a staging table whose columns changed
    add(b, "gl_warehouse.duckdb.insert_column_count", "duckdb.binder", WE, None, [
        ("LOAD :: DuckDB staging GL transactions", duck(
            "insert into stg_gl_transactions select 44660227, 3300412, 1, '6300', 'D-110', 'P-2001', 1250.00, 'NOK' from range(1)",
            "create table stg_gl_transactions(entity_id bigint, voucher_no bigint, line_no integer, account varchar, department varchar, project varchar, amount decimal(18,2), currency varchar, loaded_at timestamp)")),
        ("LOAD :: DuckDB staging GL accounts", duck(
            "insert into stg_gl_accounts select 12093311, '2400', 'Leverandorgjeld', 'BS', true from range(1)",
            "create table stg_gl_accounts(entity_id bigint, account varchar, name varchar, account_type varchar, active boolean, vat_code varchar)")),
        ("LOAD :: DuckDB staging GL transactions", duck(
            "insert into stg_gl_transactions select 31337001, 7100088, 2, '4300', 'D-140', 'P-2417', -99.50, 'EUR', now(), 'xledger' from range(1)",
            "create table stg_gl_transactions(entity_id bigint, voucher_no bigint, line_no integer, account varchar, department varchar, project varchar, amount decimal(18,2), currency varchar, loaded_at timestamp)")),
    ], source=version("duckdb"))

    add(b, "gl_warehouse.engine.worker_lost", "workflow.worker", WE, None, many("WorkerLostError", [
        ("TRANSFORM :: SQL GL balances", "Worker exited prematurely: signal 9 (SIGKILL) Job: 2291."),
        ("LOAD :: Postgres GL transactions", "Worker exited prematurely: signal 9 (SIGKILL) Job: 2304."),
        ("TRANSFORM :: SQL GL dimensions", "Worker exited prematurely: signal 15 (SIGTERM) Job: 877."),
    ]), source="workflow platform (modelled on billiard)")

    # LOAD into the tenant's Postgres warehouse
    with blind.postgres_or_missed(b, "prod3") as info:
        if info is None:
            return
        import psycopg2

        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(
                "create table gl_transactions(entity_id bigint, voucher_no bigint, line_no int, account varchar(10), "
                "description varchar(100), project_name varchar(50), department varchar(20), amount numeric(18,2), "
                "primary key (entity_id, voucher_no, line_no))"
            )
            cur.execute(
                "create table gl_balances(entity_id bigint, account varchar(10), period char(7), amount numeric(18,2), "
                "constraint uq_gl_balances_period unique (entity_id, account, period))"
            )
            cur.execute("insert into gl_transactions values (44660227, 3300412, 2, '6300', 'Husleie juni', null, 'D-110', 48000), (12093311, 5100977, 1, '2400', 'Faktura 88213', null, null, -1250)")
            cur.execute("insert into gl_balances values (44660227, '6300', '2024-05', 96000)")
        admin.close()
        stmt = functools.partial(blind.pg_statement, info)
        ins = "insert into gl_transactions(entity_id, voucher_no, line_no, account, description, project_name, department, amount) values (%s, %s, %s, %s, %s, %s, %s, %s)"

        # a re-run appends a batch the previous run already loaded (the load is not idempotent)
        add(b, "gl_warehouse.psycopg2.unique_violation_rerun", "postgres.integrity", WE, IDQ, [
            ("LOAD :: Postgres GL transactions", stmt(ins, (44660227, 3300412, 2, "6300", "Husleie juni", None, "D-110", 48000))),
            ("LOAD :: Postgres GL balances", stmt("insert into gl_balances values (%s, %s, %s, %s)", (44660227, "6300", "2024-05", 96000))),
            ("LOAD :: Postgres GL transactions", stmt(ins, (12093311, 5100977, 1, "2400", "Faktura 88213", None, None, -1250))),
        ], source=version("psycopg2-binary"))

        # a tenant's free text is longer than the warehouse column
        add(b, "gl_warehouse.psycopg2.value_too_long", "postgres.data", IDQ, WE, [
            ("LOAD :: Postgres GL transactions", stmt(ins, (44660227, 3300519, 1, "6790", "Konsulentbistand prosjekt Nye Bergen sykehus, fase 2 - oppfølging byggeledelse og rapportering mai/juni 2024", None, "D-120", 18250))),
            ("LOAD :: Postgres GL transactions", stmt(ins, (12093311, 5101002, 3, "4300", "Varekjøp", "Utbygging logistikksenter Jönköping etapp 2 (ramavtal 2023-2026)", "D-140", 7410.5))),
            ("LOAD :: Postgres GL transactions", stmt(ins, (31337001, 7100091, 1, "6540", "Inventar", None, "Operations-Facilities-North", 2300))),
        ], source=version("psycopg2-binary"))


# =========================================================================== 2. Ivalua invoices -> Xledger matching -> approvals


def invoice_sync(b: Subset) -> None:
    expired = '{{"error":"invalid_token","error_description":"The access token expired at {at}"}}'
    gw504 = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n"
    throttled = '{{"errors":[{{"message":"Too many requests: rate limit of {limit} requests per minute exceeded for this API token.","extensions":{{"code":"TOO_MANY_REQUESTS"}}}}]}}'
    with srv.http_server() as (base, canned):
        http_status(b, base, canned, "invoice_sync.ivalua.rest_401_token_expired", "ivalua.http", TPS, None, 401, "requests", "Ivalua REST body (modelled)", [
            ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?status=ToApprove&modifiedSince=2024-06-11T00:00:00Z", expired.format(at="2024-06-12T02:00:04Z")),
            ("EXTRACT :: Ivalua invoice lines", "/api/v3/invoices/INV-2024-0731/lines", expired.format(at="2024-06-19T02:00:11Z")),
            ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?status=ToApprove&modifiedSince=2024-07-01T00:00:00Z", expired.format(at="2024-07-02T02:00:02Z")),
        ], headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        http_status(b, base, canned, "invoice_sync.ivalua.rest_504_gateway_timeout", "ivalua.http", TPS, None, 504, "requests", "Ivalua gateway page (modelled on nginx)", [
            ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?status=ToApprove&page=7", gw504),
            ("SUBMIT :: Ivalua invoice approvals", "/api/v3/invoices/INV-2024-0744/approve", gw504),
            ("EXTRACT :: Ivalua purchase orders", "/api/v3/orders?status=Sent&page=2", gw504),
        ], ctype="text/html")
        http_status(b, base, canned, "invoice_sync.xledger.http_429_rate_limit", "xledger.http", TPS, None, 429, "httpx", "Xledger GraphQL throttling body (modelled)", [
            ("EXTRACT :: Xledger purchase orders", "/graphql", throttled.format(limit=300)),
            ("SUBMIT :: Xledger AP invoices", "/graphql", throttled.format(limit=300)),
            ("EXTRACT :: Xledger suppliers", "/graphql", throttled.format(limit=120)),
        ], headers={"Retry-After": "30"}, method="POST")

    # TRANSFORM: the platform's matching code assumes every Ivalua invoice carries these fields
    invoices = [
        {"invoiceNumber": "INV-2024-0731", "supplierCode": "SUP-10442", "amount": 12500.0, "lines": []},
        {"invoiceNumber": "88213-B", "orderNumber": "PO-44102", "amount": 990.0, "lines": [{"lineNo": 1}]},
        {"invoiceNumber": "F2024-0612", "orderNumber": "PO-44117", "supplierCode": "SUP-20931", "lines": [{"lineNo": 1, "qty": 4}]},
    ]
    add(b, "invoice_sync.python.key_error_invoice_field", "python.key_error", WE, IDQ, [
        ("TRANSFORM :: Python match invoices to POs", lambda: invoices[0]["orderNumber"]),
        ("TRANSFORM :: Python match invoices to POs", lambda: invoices[1]["supplierCode"]),
        ("TRANSFORM :: Python invoice line matching", lambda: invoices[2]["lines"][0]["orderLineNumber"]),
    ], source=cap.python_source())

    xledger_errors(b, [
        ("invoice_sync.xledger.graphql.supplier_not_found", IDQ, None, "BAD_USER_INPUT", [
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "Supplier with code 'SUP-10442' was not found in entity 44660227."),
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "Supplier with code '20931' was not found in entity 12093311."),
            ("SUBMIT :: Xledger AP credit notes", "addApTransactions", "Supplier with code 'SUP-10890' was not found in entity 44660227."),
        ]),
        ("invoice_sync.xledger.graphql.period_closed", IDQ, None, "BAD_USER_INPUT", [
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "Posting period 2024-05 is closed for entity 44660227."),
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "Posting period 2024-06 is closed for entity 12093311."),
            ("SUBMIT :: Xledger AP credit notes", "addApTransactions", "Posting period 2023-12 is closed for entity 31337001."),
        ]),
    ])

    add(b, "invoice_sync.engine.secret_not_found", "workflow.config", WE, IDQ, many("SecretNotFoundError", [
        ("EXTRACT :: Ivalua invoices", "Secret 'ivalua_client_secret' not found for tenant 44660227"),
        ("SUBMIT :: Xledger AP invoices", "Secret 'xledger_api_token' not found for tenant 12093311"),
        ("SUBMIT :: Ivalua invoice approvals", "Secret 'ivalua_client_secret' not found for tenant 31337001"),
    ]), source=MODELLED)


# =========================================================================== 3. SFTP bank statements -> parse -> Xledger


CAMT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n  <BkToCstmrStmt>\n    <GrpHdr><MsgId>{msg}</MsgId><CreDtTm>{created}</CreDtTm></GrpHdr>\n    <Stmt>\n      <Id>{msg}-1</Id>\n      <Acct><Id><IBAN>{iban}</IBAN></Id></Acct>\n'
CAMT_ENTRY = '      <Ntry>\n        <Amt Ccy="NOK">{amount}</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <BookgDt><Dt>{day}</Dt></BookgDt>\n        <NtryDtls><TxDtls>{remittance}</TxDtls></NtryDtls>\n      </Ntry>\n'
CAMT_TAIL = "    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n"


def bank_statements(b: Subset, tmp: Path) -> None:
    import pandas as pd
    import paramiko
    from lxml import etree

    with srv.ssh_server_rejecting_passwords() as port:
        add(b, "bank_statements.sftp.authentication_failed", "sftp.auth", TPS, None, [
            ("READ :: SFTP bank statements", srv.ssh_login(port, "dnb_acme_prod")),
            ("READ :: SFTP CAMT.053 statements", srv.ssh_login(port, "nordea_12093311")),
            ("READ :: SFTP bank statements", srv.ssh_login(port, "handelsbanken_acme")),
        ], source=f"{version('paramiko')} against an SSH server refusing the password", code=None)

    with blind3.sftp_server(lambda path: paramiko.SFTP_NO_SUCH_FILE) as (port, _):
        add(b, "bank_statements.sftp.statement_file_missing", "sftp.error", IDQ, TPS, [
            ("READ :: SFTP bank statements", srv.ssh_login(port, "dnb_acme_prod", sftp_get="/outbound/camt053/CAMT053_NO9386011117947_20240612.xml")),
            ("READ :: SFTP CAMT.053 statements", srv.ssh_login(port, "nordea_12093311", sftp_get="/out/STMT_SE4550000000058398257466_20240619.xml")),
            ("READ :: SFTP bank statements CSV", srv.ssh_login(port, "sparebank1_acme", sftp_get="/utgaaende/kontoutskrift_32010512345_20240701.csv")),
        ], source=f"{version('paramiko')} against an SFTP server answering NO_SUCH_FILE", code=None)

    # the file arrived cut off (transfer interrupted at the bank side or picked up while still being written)
    def truncated(msg: str, iban: str, entries: int, tag: str, nth: int) -> Callable[[], object]:
        """The statement cut off right after the `nth` closing `tag`."""
        doc = CAMT_HEAD.format(msg=msg, created="2024-06-12T05:10:00", iban=iban) + "".join(
            CAMT_ENTRY.format(amount=f"{1204.5 + 37 * i:.2f}", day="2024-06-11", remittance=f"<RmtInf><Ustrd>Faktura {88213 + i}</Ustrd></RmtInf>")
            for i in range(entries)
        ) + CAMT_TAIL
        end = -1
        for _ in range(nth):
            end = doc.index(f"</{tag}>", end + 1)
        data = doc[: end + len(tag) + 4].encode()
        return lambda: etree.fromstring(data)

    add(b, "bank_statements.lxml.camt_truncated", "parsing.xml", IDQ, TPS, [
        ("READ :: CAMT.053 bank statements", truncated("DNB20240612051000", "NO9386011117947", 6, "Ntry", 4)),
        ("READ :: CAMT.053 bank statements", truncated("NDEA240619A0042", "SE4550000000058398257466", 14, "Amt", 9)),
        ("READ :: CAMT.053 bank statements", truncated("SB1-0701-7731", "NO0532010512345", 3, "BookgDt", 2)),
    ], source=version("lxml"))

    # a CSV statement exported from the bank portal in Windows-1252, read as UTF-8
    csvs = [
        ("kontoutskrift_32010512345_20240701.csv", "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n01.07.2024;Giro Bodø kommune;01.07.2024;;12500,00\n01.07.2024;Overføring;01.07.2024;-3000,00;\n"),
        ("statement_NO9386011117947_0612.csv", "Bokført;Tekst;Beløp\n12.06.2024;KID 004466022700124;1204,50\n"),
        ("kontoutdrag_5502-66 123 45_0619.csv", "Datum;Text;Belopp;Saldo\n2024-06-19;Betalning Jönköping Energi AB;-8750,00;104230,55\n"),
    ]
    variants: Variants = []
    for act, (name, text) in zip(["READ :: SFTP bank statements CSV", "READ :: SFTP bank statements CSV", "READ :: Bank statement CSV upload"], csvs, strict=True):
        (tmp / name).write_bytes(text.encode("cp1252"))
        variants.append((act, call(pd.read_csv, name, sep=";", encoding="utf-8")))
    add(b, "bank_statements.pandas.unicode_decode_cp1252", "pandas.encoding", IDQ, None, variants, source=version("pandas"))

    # TRANSFORM: the platform's CAMT mapping assumes remittance information on every entry
    ns = "{urn:iso:std:iso:20022:tech:xsd:camt.053.001.02}"

    def remittance(entries: list[str]) -> Callable[[], object]:
        doc = CAMT_HEAD.format(msg="DNB20240612051000", created="2024-06-12T05:10:00", iban="NO9386011117947") + "".join(
            CAMT_ENTRY.format(amount=f"{1000 + i}.00", day="2024-06-11", remittance=r) for i, r in enumerate(entries)
        ) + CAMT_TAIL
        root = etree.fromstring(doc.encode())
        return lambda: [e.find(f".//{ns}Ustrd").text for e in root.iter(f"{ns}Ntry")]

    add(b, "bank_statements.python.none_has_no_text", "python.attribute", WE, IDQ, [
        ("TRANSFORM :: Python CAMT mapping", remittance(["<RmtInf><Ustrd>Faktura 88213</Ustrd></RmtInf>", "<RmtInf><Strd><CdtrRefInf><Ref>004466022700124</Ref></CdtrRefInf></Strd></RmtInf>"])),
        ("TRANSFORM :: Python CAMT mapping", remittance(["<AddtlTxInf>Gebyr</AddtlTxInf>"])),
        ("TRANSFORM :: Python bank reconciliation", remittance(["<RmtInf><Ustrd>KID 1234567</Ustrd></RmtInf>", "<RmtInf><Ustrd>F2024-0612</Ustrd></RmtInf>", ""])),
    ], source=f"{cap.python_source()} + {version('lxml')}")

    xledger_errors(b, [
        ("bank_statements.xledger.graphql.bank_account_not_found", IDQ, None, "BAD_USER_INPUT", [
            ("SUBMIT :: Xledger bank transactions", "addBankTransactions", "Bank account 'NO9386011117947' is not registered in entity 44660227."),
            ("SUBMIT :: Xledger bank transactions", "addBankTransactions", "Bank account 'SE4550000000058398257466' is not registered in entity 12093311."),
            ("SUBMIT :: Xledger bank reconciliation", "addBankTransactions", "Bank account 'NO0532010512345' is not registered in entity 31337001."),
        ]),
    ])


# =========================================================================== 4. Xledger suppliers -> Ivalua


def supplier_master(b: Subset) -> None:
    import pydantic
    import requests

    unauth = '{{"errors":[{{"message":"Unauthorized: the API token is invalid or has expired ({hint}).","extensions":{{"code":"UNAUTHENTICATED"}}}}]}}'
    invalid = '{{"Message":"The request is invalid.","ModelState":{{"{field}":["{text}"]}}}}'
    error = '{"Message":"An error has occurred."}'
    with srv.http_server() as (base, canned):
        http_status(b, base, canned, "supplier_master.xledger.http_401_unauthorized", "xledger.http", TPS, None, 401, "httpx", "Xledger GraphQL body (modelled)", [
            ("EXTRACT :: Xledger suppliers", "/graphql", unauth.format(hint="token ...f3a9")),
            ("EXTRACT :: Xledger supplier bank accounts", "/graphql", unauth.format(hint="token ...07c2")),
            ("EXTRACT :: Xledger suppliers", "/graphql", unauth.format(hint="token ...b41e")),
        ], method="POST")
        http_status(b, base, canned, "supplier_master.ivalua.rest_400_model_state", "ivalua.http", IDQ, None, 400, "requests", "Ivalua REST body (modelled on ASP.NET Web API)", [
            ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers/SUP-10442", invalid.format(field="supplier.sup_vat_code", text="The field sup_vat_code is mandatory.")),
            ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers/SUP-20931", invalid.format(field="supplier.country_code", text="The value 'Norge' is not valid for country_code.")),
            ("EXPORT :: Ivalua supplier bank accounts", "/api/v3/suppliers/SUP-10890/bankaccounts", invalid.format(field="bankAccount.iban", text="The field iban must be a string with a maximum length of 34.")),
        ], method="PUT")
        http_status(b, base, canned, "supplier_master.ivalua.rest_500_error_occurred", "ivalua.http", TPS, None, 500, "requests", "Ivalua REST body (modelled on ASP.NET Web API)", [
            ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers/SUP-10442", error),
            ("EXPORT :: Ivalua supplier contacts", "/api/v3/suppliers/SUP-10045/contacts", error),
            ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers/SUP-31077", error),
        ], method="PUT")

        # TRANSFORM: the platform's payload builder hands values json cannot encode
        url = f"{base}/r/{canned.put('sup_ok', 200, '{}')}/api/v3/suppliers"
        add(b, "supplier_master.json.not_serializable", "python.type", WE, None, [
            ("EXPORT :: Ivalua suppliers", call(requests.post, url, json={"sup_code": "SUP-10442", "credit_limit": decimal.Decimal("250000.00")}, timeout=5)),
            ("EXPORT :: Ivalua suppliers", call(requests.post, url, json={"sup_code": "SUP-20931", "valid_from": dt.date(2024, 6, 12)}, timeout=5)),
            ("EXPORT :: Ivalua supplier bank accounts", call(requests.post, url, json={"sup_code": "SUP-10890", "updated": dt.datetime(2024, 7, 1, 3, 0, 12)}, timeout=5)),
        ], source=version("requests"))

    class IvaluaSupplier(pydantic.BaseModel):
        sup_code: str
        name: str
        org_number: str
        country_code: str
        payment_terms: str

    def supplier(**row: Any) -> Callable[[], object]:
        return lambda: IvaluaSupplier.model_validate(row)

    add(b, "supplier_master.pydantic.field_required", "pydantic.validation", IDQ, None, [
        ("TRANSFORM :: Python map suppliers to Ivalua", supplier(sup_code="SUP-10442", name="Bergen Rør AS", org_number="987654321", payment_terms="30D")),
        ("TRANSFORM :: Python map suppliers to Ivalua", supplier(sup_code="20931", name="Jönköping Energi AB", country_code="SE", payment_terms="30D")),
        ("TRANSFORM :: Python map suppliers to Ivalua", supplier(sup_code="SUP-10890", name="Nordic Office Supply AS", org_number="912345678", country_code="NO")),
    ], source=version("pydantic"))


# =========================================================================== 5. S3 drop zone -> DuckDB


def s3_dropzone(b: Subset, tmp: Path) -> None:
    import pandas as pd

    blind3.aws_env()
    bc = version("botocore")
    with srv.http_server() as (base, canned):
        variants = blind.s3_error_variants(base, canned, "nk", 404, "NoSuchKey", "The specified key does not exist.",
            lambda c, bucket, key: c.get_object(Bucket=bucket, Key=key), [
            ("READ :: S3 drop zone orders", "acme-tenant-dropzone", "44660227/orders/orders_20240612.csv"),
            ("READ :: S3 drop zone sales", "acme-tenant-dropzone", "12093311/sales/sales_2024-06-19.parquet"),
            ("READ :: S3 drop zone stock", "nordic-retail-inbound", "stock/stock_levels_20240701.json"),
        ], extra="<Key>{key}</Key>")
        add(b, "s3_dropzone.s3.no_such_key", "s3.client_error", IDQ, TPS, variants, source=f"{bc} + S3 error body (modelled)", code=404)

        variants = blind.s3_error_variants(base, canned, "ad", 403, "AccessDenied", "Access Denied",
            lambda c, bucket, prefix: c.list_objects_v2(Bucket=bucket, Prefix=prefix), [
            ("READ :: S3 drop zone orders", "acme-tenant-dropzone", "44660227/orders/"),
            ("READ :: S3 drop zone sales", "grossisten-exports", "acme/sales/2024-06/"),
            ("READ :: S3 drop zone stock", "nordic-retail-inbound", "stock/"),
        ])
        add(b, "s3_dropzone.s3.access_denied_list", "s3.client_error", TPS, None, variants, source=f"{bc} + S3 error body (modelled)", code=403)

    # the files as they were downloaded from the drop zone
    files = {
        "orders_20240612.csv": "order_no,customer_no,order_date,qty,amount\nPO-44102,10045,2024-06-12,4,1204.50\nPO-44103,10046,2024-06-12,1,\"1 250,00\"\nPO-44104,10045,2024-06-12,2,99.00\n",
        "sales_2024-06-19.csv": "store;sku;sold_at;units;revenue\n0412;70061;2024-06-19;12;149.40\n0412;70062;2024-06-19;N/A;0\n",
        "stock_levels_20240701.csv": "warehouse,sku,on_hand,reserved\nOSL1,70061,140,12\nOSL1,70062,85,-\nGOT2,70063,12,0\n",
        "sales_2024-06-19.parquet": "store;sku;sold_at;units;revenue\n0412;70061;2024-06-19;12;149.40\n",
        "returns_20240620.parquet": "return_no,order_no,sku,qty,reason\nRT-0091,PO-44102,70061,1,damaged\n",
        "orders_20240701.parquet": '{"order_no": "PO-45001", "qty": 3}\n',
        "orders_20240613.csv": "OrderNo,CustomerNo,OrderDate,Qty,Amount\nPO-44120,10045,2024-06-13,1,450.00\n",
        "sales_2024-06-20.csv": "store;sku;date;units;revenue\n0412;70061;2024-06-20;3;37.35\n",
        "stock_levels_20240702.csv": "warehouse,sku,on_hand\nOSL1,70061,128\n",
        "orders_20240614.csv": "",
        "sales_2024-06-21.csv": "",
        "stock_levels_20240703.csv": "",
    }
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")

    typed = "select * from read_csv('{f}', header=true, delim='{d}', columns={cols})"
    add(b, "s3_dropzone.duckdb.csv_conversion", "duckdb.conversion", IDQ, None, [
        ("READ :: S3 drop zone orders", duck(typed.format(f="orders_20240612.csv", d=",", cols="{'order_no': 'VARCHAR', 'customer_no': 'INTEGER', 'order_date': 'DATE', 'qty': 'INTEGER', 'amount': 'DECIMAL(18,2)'}"))),
        ("READ :: S3 drop zone sales", duck(typed.format(f="sales_2024-06-19.csv", d=";", cols="{'store': 'VARCHAR', 'sku': 'VARCHAR', 'sold_at': 'DATE', 'units': 'INTEGER', 'revenue': 'DOUBLE'}"))),
        ("READ :: S3 drop zone stock", duck(typed.format(f="stock_levels_20240701.csv", d=",", cols="{'warehouse': 'VARCHAR', 'sku': 'VARCHAR', 'on_hand': 'INTEGER', 'reserved': 'INTEGER'}"))),
    ], source=version("duckdb"))

    add(b, "s3_dropzone.duckdb.parquet_no_magic_bytes", "duckdb.invalid_input", IDQ, None, [
        ("READ :: S3 drop zone sales", duck("select * from read_parquet('sales_2024-06-19.parquet')")),
        ("READ :: S3 drop zone returns", duck("select * from read_parquet('returns_20240620.parquet')")),
        ("READ :: S3 drop zone orders", duck("select * from read_parquet('orders_20240701.parquet')")),
    ], source=version("duckdb"))

    # the platform's ingestion mapping selects the agreed columns; the tenant's file renamed or dropped one
    add(b, "s3_dropzone.duckdb.mapped_column_missing", "duckdb.binder", IDQ, WE, [
        ("READ :: S3 drop zone orders", duck("select order_no, customer_no, order_date, qty, amount from read_csv('orders_20240613.csv')")),
        ("READ :: S3 drop zone sales", duck("select store, sku, sold_at, units, revenue from read_csv('sales_2024-06-20.csv')")),
        ("READ :: S3 drop zone stock", duck("select warehouse, sku, on_hand, reserved from read_csv('stock_levels_20240702.csv')")),
    ], source=version("duckdb"))

    add(b, "s3_dropzone.pandas.empty_file", "pandas.empty_data", IDQ, None, [
        ("READ :: S3 drop zone orders", call(pd.read_csv, "orders_20240614.csv")),
        ("READ :: S3 drop zone sales", call(pd.read_csv, "sales_2024-06-21.csv", sep=";")),
        ("READ :: S3 drop zone stock", call(pd.read_csv, "stock_levels_20240703.csv")),
    ], source=version("pandas"))

    add(b, "s3_dropzone.engine.dataset_read_internal_error", "workflow.internal", WE, None, many("ReadException", [
        ("LOAD :: DuckDB orders", "Could not read dataset 'orders_raw' (version 12): object store returned 500 Internal Server Error"),
        ("TRANSFORM :: SQL sales by store", "Could not read dataset 'sales_raw' (version 41): object store returned 500 Internal Server Error"),
        ("LOAD :: DuckDB stock levels", "Could not read dataset 'stock_raw' (version 3): object store returned 503 Service Unavailable"),
    ]), source=MODELLED)

    # two runs of the same pipeline open the tenant's DuckDB warehouse file at once
    def locked(name: str) -> Callable[[], Any]:
        def go() -> Any:
            import duckdb

            holder = subprocess.Popen(
                [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(30)", name],
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                assert holder.stdout is not None
                holder.stdout.readline()
                return duckdb.connect(name)
            finally:
                holder.kill()
                holder.wait()

        return go

    # a fixed folder, so that the path in the message is the same on every run
    warehouse = Path(tempfile.gettempdir()) / "ji-prod3-warehouse"
    warehouse.mkdir(exist_ok=True)
    try:
        add(b, "s3_dropzone.duckdb.file_lock_conflict", "duckdb.io", WE, None, [
            ("LOAD :: DuckDB orders", locked(str(warehouse / "tenant_44660227.duckdb"))),
            ("LOAD :: DuckDB sales", locked(str(warehouse / "tenant_12093311.duckdb"))),
            ("LOAD :: DuckDB stock levels", locked(str(warehouse / "tenant_31337001.duckdb"))),
        ], source=version("duckdb"))
    finally:
        shutil.rmtree(warehouse, ignore_errors=True)


# =========================================================================== 6. SOAP payroll export


#: the payroll service's WSDL: the corpus's invoice WSDL with payroll names
PAYROLL_WSDL = (
    cap.WSDL.replace("SubmitInvoice", "SubmitPayrollLine")
    .replace("InvoiceNo", "EmployeeId")
    .replace("Amount", "GrossAmount")
    .replace("Invoice", "Payroll")
    .replace("invoices", "payroll")
)


def payroll_soap(b: Subset) -> None:
    import zeep

    src = version("zeep")
    with srv.http_server() as (base, canned):

        def client(name: str) -> Any:
            canned.put(f"{name}_wsdl", 200, PAYROLL_WSDL.replace("{location}", f"{base}/r/{name}"), "text/xml")
            return zeep.Client(f"{base}/r/{name}_wsdl")

        def submit(name: str, employee: str | None, amount: decimal.Decimal | None) -> Callable[[], object]:
            c = client(name)
            return lambda: c.service.SubmitPayrollLine(EmployeeId=employee, GrossAmount=amount)

        variants: Variants = []
        for i, (act, text) in enumerate([
            ("EXPORT :: SOAP payroll lines", "invalid username or password"),
            ("EXTRACT :: SOAP HR employees", "invalid username or password"),
            ("EXPORT :: SOAP payroll lines", "invalid username or password"),
        ]):
            canned.put(f"pa{i}", 500, cap.SOAP_FAULT.format(code="SOAP-ENV:Client.authenticationError", text=text), "text/xml")
            variants.append((act, submit(f"pa{i}", f"E{10412 + i}", decimal.Decimal("48250.00"))))
        add(b, "payroll_soap.zeep.fault_authentication", "soap.fault", TPS, None, variants, source=f"{src} + SOAP fault body (modelled on Workday)")

        unavailable = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>503 Service Unavailable</title>\n</head><body>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n</body></html>\n'
        variants = []
        for i, act in enumerate(["EXPORT :: SOAP payroll lines", "EXTRACT :: SOAP HR employees", "EXPORT :: SOAP payroll lines"]):
            canned.put(f"pu{i}", 503, unavailable, "text/html; charset=iso-8859-1")
            variants.append((act, submit(f"pu{i}", f"E{20931 + i}", decimal.Decimal("51900.00"))))
        add(b, "payroll_soap.zeep.transport_503", "soap.transport", TPS, None, variants, source=f"{src} + Apache 503 page (modelled)", code=503)

        # an employee record delivered without a mandatory value; zeep refuses to build the request
        canned.put("pv", 200, "", "text/xml")
        add(b, "payroll_soap.zeep.missing_element", "soap.validation", IDQ, WE, [
            ("EXPORT :: SOAP payroll lines", submit("pv", None, decimal.Decimal("48250.00"))),
            ("EXPORT :: SOAP payroll lines", submit("pv", "E10977", None)),
            ("EXPORT :: SOAP payroll corrections", submit("pv", None, decimal.Decimal("-1200.00"))),
        ], source=src)

    # the payroll file is delivered to the bank over FTP
    vsftpd = "220 (vsFTPd 3.0.3)"
    add(b, "payroll_soap.ftp.550_permission_denied", "ftp.error_perm", TPS, None, [
        blind.ftp_case("EXPORT :: FTP payroll payments", {"STOR": "550 Permission denied."}, blind.ftp_stor("/inbound/pain001_lonn_202406.xml"), vsftpd, "acme_lonn"),
        blind.ftp_case("EXPORT :: FTP payroll payments", {"STOR": "550 Permission denied."}, blind.ftp_stor("/inbound/pain001_lonn_202407.xml"), vsftpd, "acme_lonn"),
        blind.ftp_case("WRITE :: FTP payroll journal", {"STOR": "550 Permission denied."}, blind.ftp_stor("/in/lonnsjournal_202406.csv"), vsftpd, "acme_hr"),
    ], source=f"{cap.python_source()} ftplib + FTP server replies (modelled on vsftpd)", code=None)


# =========================================================================== 7. user-written SQL report


def sql_report(b: Subset) -> None:
    tables = (
        "create table invoices(invoice_no varchar, supplier_no integer, invoice_date date, due_date date, amount decimal(18,2), currency varchar, cost_center varchar);"
        "create table suppliers(supplier_no integer, name varchar, country varchar);"
        "insert into invoices values ('INV-2024-0731', 10045, '2024-06-12', '2024-07-12', 12500, 'NOK', 'CC-4410');"
        "insert into suppliers values (10045, 'Bergen Rør AS', 'NO')"
    )
    src = version("duckdb")
    add(b, "sql_report.duckdb.parser_syntax", "duckdb.parser", IDQ, None, [
        ("TRANSFORM :: SQL monthly spend report", duck("select s.name, sum(i.amount) as total from invoices i join suppliers s using (supplier_no) group s.name order by total desc", tables)),
        ("TRANSFORM :: SQL overdue invoices report", duck("select invoice_no, due_date, amount from invoices where due_date < current_date and and amount > 0", tables)),
        ("TRANSFORM :: SQL spend by cost center", duck("select cost_center sum(amount) as spend from invoices group by cost_center", tables)),
    ], source=src)
    add(b, "sql_report.duckdb.column_not_found", "duckdb.binder", IDQ, WE, [
        ("TRANSFORM :: SQL monthly spend report", duck("select s.supplier_name, sum(i.amount) from invoices i join suppliers s using (supplier_no) group by all", tables)),
        ("TRANSFORM :: SQL overdue invoices report", duck("select invoice_no, due_date, amount_nok from invoices where due_date < current_date", tables)),
        ("TRANSFORM :: SQL spend by cost center", duck("select costcenter, sum(amount) from invoices group by costcenter", tables)),
    ], source=src)
    add(b, "sql_report.duckdb.table_not_found", "duckdb.catalog", IDQ, WE, [
        ("TRANSFORM :: SQL monthly spend report", duck("select supplier_no, sum(amount) from invoice group by supplier_no", tables)),
        ("TRANSFORM :: SQL supplier report", duck("select * from suppliers s join supplier_contacts c using (supplier_no)", tables)),
        ("TRANSFORM :: SQL overdue invoices report", duck("select * from ap_open_items where due_date < current_date", tables)),
    ], source=src)
    add(b, "sql_report.engine.activity_timeout", "workflow.timeout", WE, IDQ, many("ActivityTimeoutError", [
        ("TRANSFORM :: SQL monthly spend report", "Activity 'TRANSFORM :: SQL monthly spend report' exceeded its timeout of 1800 seconds and was cancelled"),
        ("TRANSFORM :: SQL supplier report", "Activity 'TRANSFORM :: SQL supplier report' exceeded its timeout of 900 seconds and was cancelled"),
        ("TRANSFORM :: SQL spend by cost center", "Activity 'TRANSFORM :: SQL spend by cost center' exceeded its timeout of 3600 seconds and was cancelled"),
    ]), source=MODELLED)


# =========================================================================== 8. notification step


def notify(b: Subset) -> None:
    teams = "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-{region}-azsc{n}-1-{m},cv={cv}.0.."
    with srv.http_server() as (base, canned):
        http_status(b, base, canned, "notify.teams.webhook_429", "webhook.http", TPS, None, 429, "requests", "Teams incoming-webhook body (modelled)", [
            ("NOTIFY :: Teams channel", "/webhookb2/3f2a1b0c-7d4e-4a9b-8c21-5e6f7a8b9c0d@9c8b7a6f-5e4d-4c3b-a2b1-0f9e8d7c6b5a/IncomingWebhook/6b1f0e2d9a8c4b7e/4f3e2d1c-0b9a-4887-a665-5d4c3b2a1f0e", teams.format(region="weu", n=2, m=117, cv="k3F9wQz1tEy0oG7bXhD2sA")),
            ("NOTIFY :: Teams channel", "/webhookb2/8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e@9c8b7a6f-5e4d-4c3b-a2b1-0f9e8d7c6b5a/IncomingWebhook/0c9d8e7f6a5b4c3d/7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", teams.format(region="neu", n=1, m=42, cv="Pq8ZrL2mVx5nC0yT4uJ6eB")),
            ("NOTIFY :: Teams alerts", "/webhookb2/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d@9c8b7a6f-5e4d-4c3b-a2b1-0f9e8d7c6b5a/IncomingWebhook/9f8e7d6c5b4a3928/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", teams.format(region="weu", n=3, m=8, cv="Yh1Wd6sQ9aK3fM0pR7tL2g")),
        ], method="POST")

    def send(special: dict[str, str], to: list[str]) -> Callable[[], None]:
        def go() -> None:
            with blind3.line_server("220 smtp.office365.com Microsoft ESMTP MAIL Service ready", blind3.smtp_replies(special)) as port, smtplib.SMTP(srv.LOOPBACK, port, timeout=5) as s:
                s.login("noreply-etl@acme.no", "secret")
                s.sendmail("noreply-etl@acme.no", to, "Subject: Nightly AP sync finished with errors\r\n\r\n3 invoices rejected by Xledger.")

        return go

    smtp_src = f"{cap.python_source()} smtplib + SMTP server replies (modelled on Exchange Online/Postfix)"
    add(b, "notify.smtp.authentication_unsuccessful", "smtp.auth", TPS, None, [
        ("NOTIFY :: Email run report", send({"AUTH": "535 5.7.3 Authentication unsuccessful [GV3P280CA0041.SWEP280.PROD.OUTLOOK.COM 2024-06-12T03:00:12.345Z 08DC8A1B2C3D4E5F]"}, ["ap@acme.no"])),
        ("NOTIFY :: Email error alert", send({"AUTH": "535 5.7.3 Authentication unsuccessful [DU2PR04CA0123.eurprd04.prod.outlook.com 2024-06-19T03:00:08.912Z 08DC8F0E1D2C3B4A]"}, ["it-drift@acme.no"])),
        ("NOTIFY :: Email run report", send({"AUTH": "535 5.7.3 Authentication unsuccessful [AM0PR10CA0077.EURPRD10.PROD.OUTLOOK.COM 2024-07-01T03:00:31.004Z 08DC99AA11BB22CC]"}, ["controller@acme.se"])),
    ], source=smtp_src, code=None)
    add(b, "notify.smtp.recipient_rejected", "smtp.recipient", IDQ, None, [
        ("NOTIFY :: Email run report", send({"RCPT": "550 5.1.1 <ap@acme.no>: Recipient address rejected: User unknown in virtual mailbox table"}, ["ap@acme.no"])),
        ("NOTIFY :: Email error alert", send({"RCPT": "550 5.1.1 <kari.nordmann@acme.no>: Recipient address rejected: User unknown in virtual mailbox table"}, ["kari.nordmann@acme.no"])),
        ("NOTIFY :: Email run report", send({"RCPT": "550 5.1.1 <ekonomi@acme.se>: Recipient address rejected: User unknown in virtual mailbox table"}, ["ekonomi@acme.se"])),
    ], source=smtp_src, code=None)


# =========================================================================== main


FAMILIES = ["gl_warehouse", "invoice_sync", "bank_statements", "supplier_master", "s3_dropzone", "payroll_soap", "sql_report", "notify"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "gl_warehouse": lambda: gl_warehouse(b),
            "invoice_sync": lambda: invoice_sync(b),
            "bank_statements": lambda: bank_statements(b, tmp),
            "supplier_master": lambda: supplier_master(b),
            "s3_dropzone": lambda: s3_dropzone(b, tmp),
            "payroll_soap": lambda: payroll_soap(b),
            "sql_report": lambda: sql_report(b),
            "notify": lambda: notify(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
