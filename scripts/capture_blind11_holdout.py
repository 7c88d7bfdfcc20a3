"""Capture the ELEVENTH blind holdout: everyday error templates new to the corpus, written without the rules.

The first ten blind holdouts (``blind.*`` to ``blind10.*``) have been seen while the rules were
revised. Every template here (template_id ``blind11.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind11``) is an honest figure again.
This round is weighted by production frequency: mostly the ordinary day-to-day failures of an
ERP/procurement pipeline platform (a vendor API down or throttling, expired credentials, a user's
SQL with a typo, a bad input row, a type conversion, a file missing on the FTP server, a binder
error, out of memory, a lost worker, a timeout) in wordings the corpus lacks: other server
products' replies (nginx, Apache, IIS, Cloudflare, CloudFront, AWS API Gateway, Azure APIM, Kong,
HAProxy, Google front end), other vendor bodies and other library functions raising the common
error kinds. About four fifths come from the everyday families (DuckDB, pandas, pydantic, Postgres,
HTTP clients, S3, FTP, SOAP, Xledger, Ivalua, the workflow engine), the rest from other
integrations (Fortnox, Microsoft Graph, Business Central, SAP, Google OAuth, SendGrid,
Peppol, Brreg, Norges Bank, Unit4).
Each error is raised by the real library installed here, against servers on 127.0.0.1 only; vendor,
proxy and platform replies (Xledger GraphQL, Ivalua REST, FTP server replies, SOAP faults, S3-
compatible error bodies, gateway error pages, SaaS API bodies, the workflow engine) are modelled on
realistic bodies and phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind11_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind11.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import functools
import io
import sys
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
PREFIX = "blind11."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
Cases = blind9.Cases
many, wrapped, gql = blind.many, blind.wrapped, blind5.gql
add, add_cases, call, http_cases = blind9.add, blind9.add_cases, blind9.call, blind9.http_cases


# =========================================================================== DuckDB, pandas, pydantic


def duckdb_blind11(b: Subset, tmp: Path) -> None:
    import duckdb

    def run(sql: str, setup: str = "") -> Callable[[], Any]:
        return blind.duckdb_query(sql, setup, config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})

    ledger = (
        "create table ledger(id integer primary key, account varchar not null, amount decimal(12,2), "
        "posted date, currency varchar, supplier integer);insert into ledger values "
        "(1, '6300', 100, '2024-06-01', 'NOK', 10045), (2, '2400', 250, '2024-06-02', 'EUR', 10046);"
        "create table suppliers(id integer, org_no varchar, name varchar)"
    )

    def rerun_copy(sql: str) -> Callable[[], object]:
        """The nightly export runs again into the folder the previous run filled."""

        def go() -> object:
            con = duckdb.connect()
            try:
                for stmt in filter(None, ledger.split(";")):
                    con.execute(stmt)
                con.execute(sql)
                return con.execute(sql)
            finally:
                con.close()

        return go

    cases: Cases = [
        ("duckdb.binder.alias_column_missing", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL ledger", run("select l.id, l.amt from ledger l", ledger)),
            ("TRANSFORM :: SQL spend cube", run("select s.name, s.orgnr from suppliers s", ledger)),
            ("TRANSFORM :: SQL report", run("select l.account, l.posting_date from ledger l where l.id > 0", ledger)),
        ]),
        ("duckdb.io.copy_directory_not_empty", "duckdb.io", WE, None, [
            ("EXPORT :: Parquet ledger", rerun_copy("copy ledger to 'ledger_parts' (format parquet, partition_by (currency))")),
            ("EXPORT :: S3 partitions", rerun_copy("copy ledger to 'spend_parts' (format parquet, partition_by (account))")),
            ("WRITE :: CSV export", rerun_copy("copy ledger to 'csv_parts' (format csv, partition_by (posted))")),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


def pandas_blind11(b: Subset, tmp: Path) -> None:
    import pandas as pd

    inv = pd.DataFrame({"invoice_no": ["INV-1", "INV-2"], "amount": [1204.5, 99.0], "supplier": [10045, 10046]})
    cases: Cases = [
        ("pandas.loc_columns_not_in_index", "pandas.key_error", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.loc[:, ["invoice_no", "net_amount"]]),
            ("EXTRACT :: Ivalua invoices", lambda: inv.loc[:, ["invoice_no", "amount", "vat_code", "cost_center"]]),
            ("TRANSFORM :: Python spend cube", lambda: inv.loc[inv["amount"] > 0, ["supplier", "category"]]),
        ]),
        ("pandas.excel_writer_unknown_extension", "pandas.value_error", WE, None, [
            ("EXPORT :: Excel report", lambda: inv.to_excel("spend_2024-06.xslx")),
            ("WRITE :: Excel budget", lambda: inv.to_excel("budget_2024.xlxs")),
            ("EXPORT :: Email report", lambda: inv.to_excel("ap_ageing_0612.exel")),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


def pydantic_blind11(b: Subset) -> None:
    import datetime

    import pydantic

    class Delivery(pydantic.BaseModel):
        order_no: str
        window_start: datetime.time

    @pydantic.validate_call
    def post_invoice(entity: int, supplier: str, amount: float) -> None:
        """Stands in for a platform step validated with pydantic."""

    cases: Cases = [
        ("pydantic.time_parsing", "pydantic.validation", IDQ, None, [
            ("EXTRACT :: REST orders", lambda: Delivery(order_no="PO-1", window_start="25:00")),
            ("READ :: JSON orders", lambda: Delivery(order_no="PO-2", window_start="kl 08")),
            ("EXTRACT :: Ivalua orders", lambda: Delivery(order_no="PO-3", window_start="12:75")),
        ]),
        ("pydantic.validate_call_missing_argument", "pydantic.validation", WE, None, [
            ("SUBMIT :: Xledger AP invoices", lambda: post_invoice(entity=44660227, amount=10)),  # type: ignore[call-arg]
            ("EXPORT :: Ivalua invoices", lambda: post_invoice(supplier="SUP-10045", amount=5)),  # type: ignore[call-arg]
            ("SUBMIT :: Peppol invoices", lambda: post_invoice(entity=12093311)),  # type: ignore[call-arg]
        ]),
    ]
    add_cases(b, cases, version("pydantic"))


# =========================================================================== Postgres


def postgres_blind11(b: Subset) -> None:
    import psycopg2

    with blind.postgres_or_missed(b, "blind11") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table invoices(id int primary key, supplier_id int, amount numeric(12,2), due date, received timestamp)")
            cur.execute("create table suppliers(id int primary key, org_no text, name text)")

        stmt = functools.partial(blind.pg_statement, info)

        cases: Cases = [
            ("psycopg2.timestamp_syntax", "postgres.data", IDQ, None, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(id, received) values (1, %s)", ("12.06.2024 kl 08:15",))),
                ("TRANSFORM :: SQL invoices", stmt("select * from invoices where received > %s", ("i går",))),
                ("LOAD :: Postgres staging", stmt("update invoices set received = %s where id = 1", ("2024-06-12T08:15:00 CEST+",))),
            ]),
            ("psycopg2.missing_from_clause", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL invoices", stmt("select i.id, s.name from invoices i where i.amount > 0")),
                ("TRANSFORM :: SQL report", stmt("select invoices.id from invoices i")),
                ("TRANSFORM :: SQL suppliers", stmt("select s.org_no from suppliers where s.id = 1")),
            ]),
            ("psycopg2.insert_more_target_columns", "postgres.sql", WE, None, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(id, supplier_id, amount) values (%s, %s)", (1, 10045))),
                ("LOAD :: Postgres suppliers", stmt("insert into suppliers(id, org_no, name) select id, org_no from suppliers")),
                ("LOAD :: Postgres staging", stmt("insert into invoices(id, amount, due, received) values (2, 10, '2024-06-30')")),
            ]),
            ("psycopg2.parameter_type_undetermined", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL invoices", stmt("prepare q as select * from invoices where $1 is not null")),
                ("LOAD :: Postgres staging", stmt("prepare p as select $2::int, $1 is null")),
                ("TRANSFORM :: SQL report", stmt("prepare r as select $1 is null")),
            ]),
            ("psycopg2.no_parameter", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL invoices", stmt("select * from invoices where id = $1")),
                ("LOAD :: Postgres invoices", stmt("delete from invoices where supplier_id = $1 and due < $2")),
                ("TRANSFORM :: SQL report", stmt("select * from suppliers where org_no = $2")),
            ]),
        ]
        add_cases(b, cases, version("psycopg2-binary"))
        admin.close()


# =========================================================================== HTTP (real clients, modelled bodies)


NGINX_429 = "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
APACHE_503 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>503 Service Unavailable</title>\n</head><body>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n<hr>\n<address>Apache/2.4.58 (Ubuntu) Server at {host} Port 443</address>\n</body></html>\n'
APACHE_PROXY = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>502 Proxy Error</title>\n</head><body>\n<h1>Proxy Error</h1>\n<p>The proxy server received an invalid\nresponse from an upstream server.<br />\nThe proxy server could not handle the request<p>Reason: <strong>Error reading from remote server</strong></p></p>\n<hr>\n<address>Apache/2.4.57 (Red Hat Enterprise Linux) Server at {host} Port 443</address>\n</body></html>\n'
CLOUDFLARE_1015 = '<!DOCTYPE html><html lang="en-US"><head><title>Access denied | {host} used Cloudflare to restrict access</title></head><body><div id="cf-wrapper"><div id="cf-error-details"><h1><span class="cf-error-type">Error</span><span class="cf-error-code">1015</span></h1><h2 class="cf-subheadline">You are being rate limited</h2><p>The owner of this website ({host}) has banned you temporarily from accessing this website.</p><p>Cloudflare Ray ID: <strong>{ray}</strong></p></div></div></body></html>'
IIS_CGI = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>502 - Web server received an invalid response while acting as a gateway or proxy server.</TITLE></HEAD><BODY><div id="header"><h1>Server Error</h1></div><div id="content"><div class="content-container"><fieldset><h2>502 - Web server received an invalid response while acting as a gateway or proxy server.</h2><h3>There is a problem with the page you are looking for, and it cannot be displayed. When the Web server (while acting as a gateway or proxy) contacted the upstream content server, it received an invalid response from the content server.</h3></fieldset></div></div></BODY></HTML>\r\n'
HAPROXY_503 = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n"
CLOUDFRONT_504 = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">\n<TITLE>ERROR: The request could not be satisfied</TITLE>\n</HEAD><BODY>\n<H1>504 Gateway Timeout ERROR</H1>\n<H2>The request could not be satisfied.</H2>\n<HR noshade size="1px">\nWe can\'t connect to the server for this app or website at this time. There might be too much traffic or a configuration error. Try again later, or contact the app or website owner.\n<BR clear="all">\n<HR noshade size="1px">\n<PRE>\nGenerated by cloudfront (CloudFront)\nRequest ID: {rid}\n</PRE>\n<ADDRESS>\n</ADDRESS>\n</BODY></HTML>'
GFE_502 = '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server Error)!!1</title>\n  <p><b>502.</b> <ins>That\u2019s an error.</ins>\n  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That\u2019s all we know.</ins>\n'


def http_blind11(b: Subset) -> None:
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("http.nginx_429_page", "http.rate_limit", TPS, None, 429, "requests", "nginx limit_req error page (modelled)", [
                ("EXTRACT :: REST orders", "/api/orders?page=14", NGINX_429),
                ("EXTRACT :: Currency rates", "/v1/rates/2024-06-12", NGINX_429),
                ("EXTRACT :: Supplier portal invoices", "/portal/api/invoices?status=new", NGINX_429),
            ]),
            ("http.apache_maintenance_503", "http.server_error", TPS, None, 503, "httpx", "Apache httpd error page (modelled)", [
                ("EXTRACT :: Legacy ERP orders", "/erp/api/orders", APACHE_503.format(host="erp.partner.example")),
                ("SUBMIT :: Supplier portal invoices", "/portal/api/v1/invoices", APACHE_503.format(host="portal.supplier.example")),
                ("EXTRACT :: Legacy ERP suppliers", "/erp/api/suppliers?changed=2024-06-11", APACHE_503.format(host="erp.partner.example")),
            ]),
            ("http.apache_proxy_error_502", "http.server_error", TPS, None, 502, "urllib", "Apache mod_proxy error page (modelled)", [
                ("EXTRACT :: REST orders", "/api/orders/search", APACHE_PROXY.format(host="api.partner.example")),
                ("SUBMIT :: Bank payments", "/corporate/payments/v1/batch", APACHE_PROXY.format(host="bankgw.example")),
                ("EXTRACT :: Legacy ERP suppliers", "/erp/api/suppliers", APACHE_PROXY.format(host="erp.partner.example")),
            ]),
            ("http.cloudflare_1015_rate_limited", "http.rate_limit", TPS, None, 429, "requests", "Cloudflare error page (modelled)", [
                ("EXTRACT :: Currency rates", "/v1/latest?base=NOK", CLOUDFLARE_1015.format(host="api.rates.example", ray="8934a1f2bc0d1e2f")),
                ("EXTRACT :: Brreg enheter", "/enhetsregisteret/api/enheter?page=40", CLOUDFLARE_1015.format(host="data.registry.example", ray="8934a20c7d9e4f10")),
                ("EXTRACT :: REST orders", "/api/v2/orders", CLOUDFLARE_1015.format(host="shop.partner.example", ray="8934a3bb01c2d3e4")),
            ]),
            ("http.apigw_missing_authentication_token", "http.forbidden", WE, TPS, 403, "requests", "AWS API Gateway body (modelled)", [
                ("EXTRACT :: REST orders", "/prod/v1/order", '{"message":"Missing Authentication Token"}'),
                ("SUBMIT :: Supplier portal invoices", "/prod/invoices/submit", '{"message":"Missing Authentication Token"}'),
                ("EXTRACT :: Partner stock levels", "/v2/stock-levels/", '{"message":"Missing Authentication Token"}'),
            ]),
            ("http.apigw_too_many_requests", "http.rate_limit", TPS, None, 429, "httpx", "AWS API Gateway body (modelled)", [
                ("EXTRACT :: REST orders", "/prod/v1/orders?page=31", '{"message":"Too Many Requests"}'),
                ("EXTRACT :: Partner stock levels", "/prod/v2/stock-levels", '{"message":"Too Many Requests"}'),
                ("SUBMIT :: Supplier portal invoices", "/prod/invoices", '{"message":"Too Many Requests"}'),
            ]),
            ("http.apim_backend_internal_error", "http.server_error", TPS, None, 500, "urllib", "Azure API Management body (modelled)", [
                ("EXTRACT :: REST orders", "/orders/v1/orders", '{ "statusCode": 500, "message": "Internal server error", "activityId": "6f1c2a7e-0b3d-4e5f-9a8b-7c6d5e4f3a2b" }'),
                ("SUBMIT :: Bank payments", "/payments/v1/batch", '{ "statusCode": 500, "message": "Internal server error", "activityId": "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d" }'),
                ("EXTRACT :: Supplier portal invoices", "/portal/v2/invoices", '{ "statusCode": 500, "message": "Internal server error", "activityId": "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b" }'),
            ]),
            ("http.kong_no_api_key", "http.auth", WE, TPS, 401, "httpx", "Kong gateway body (modelled)", [
                ("EXTRACT :: REST orders", "/orders/v2/orders", '{\n  "message":"No API key found in request",\n  "request_id":"1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a"\n}'),
                ("EXTRACT :: Partner stock levels", "/stock/v1/levels", '{\n  "message":"No API key found in request",\n  "request_id":"7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"\n}'),
                ("SUBMIT :: Supplier portal invoices", "/portal/api/invoices", '{\n  "message":"No API key found in request",\n  "request_id":"0f9e8d7c6b5a49382716f5e4d3c2b1a0"\n}'),
            ]),
            ("http.kong_upstream_timeout", "http.timeout", TPS, None, 504, "requests", "Kong gateway body (modelled)", [
                ("EXTRACT :: REST orders", "/orders/v2/search", '{\n  "message":"The upstream server is timing out",\n  "request_id":"3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"\n}'),
                ("SUBMIT :: Bank payments", "/payments/v1/batch", '{\n  "message":"The upstream server is timing out",\n  "request_id":"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"\n}'),
                ("EXTRACT :: Partner stock levels", "/stock/v1/levels", '{\n  "message":"The upstream server is timing out",\n  "request_id":"2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e"\n}'),
            ]),
            ("http.kong_no_peer", "http.server_error", TPS, None, 503, "urllib", "Kong gateway body (modelled)", [
                ("EXTRACT :: REST orders", "/orders/v2/orders", '{\n  "message":"failure to get a peer from the ring-balancer",\n  "request_id":"4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b"\n}'),
                ("SUBMIT :: Supplier portal invoices", "/portal/api/invoices", '{\n  "message":"failure to get a peer from the ring-balancer",\n  "request_id":"8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f"\n}'),
                ("EXTRACT :: Partner stock levels", "/stock/v1/levels", '{\n  "message":"failure to get a peer from the ring-balancer",\n  "request_id":"5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d"\n}'),
            ]),
            ("http.iis_arr_502", "http.server_error", TPS, None, 502, "requests", "IIS Application Request Routing error page (modelled)", [
                ("EXTRACT :: Legacy ERP orders", "/ErpApi/api/orders?from=2024-06-11", IIS_CGI),
                ("SUBMIT :: Supplier portal invoices", "/SupplierPortal/api/invoices", IIS_CGI),
                ("EXTRACT :: Legacy ERP suppliers", "/ErpApi/api/suppliers", IIS_CGI),
            ]),
            ("http.haproxy_no_server", "http.server_error", TPS, None, 503, "httpx", "HAProxy error page (modelled)", [
                ("EXTRACT :: REST orders", "/api/orders", HAPROXY_503),
                ("EXTRACT :: Currency rates", "/v1/rates/latest", HAPROXY_503),
                ("SUBMIT :: Bank payments", "/corporate/payments/v1/batch", HAPROXY_503),
            ]),
            ("http.cloudfront_504", "http.timeout", TPS, None, 504, "httpx", "Amazon CloudFront error page (modelled)", [
                ("EXTRACT :: REST orders", "/api/orders?updatedSince=2024-06-11", CLOUDFRONT_504.format(rid="Xy7KqP2mN4bV8cD1eF3gH5iJ7kL9mN0pQ2rS4tU6vW8xY0zA1bC3d==")),
                ("EXTRACT :: Partner stock levels", "/v2/stock-levels", CLOUDFRONT_504.format(rid="Ab3DeF6gH9jKlM2nOp5QrS8tUv1WxY4zA7bC0dE3fG6hI9jK2lM5n==")),
                ("SUBMIT :: Supplier portal invoices", "/api/v1/invoices", CLOUDFRONT_504.format(rid="Lm1NoP4qR7sTuV0wXy3ZaB6cDe9FgH2iJk5LmN8oPq1RsT4uVw7x==")),
            ]),
            ("http.google_frontend_502", "http.server_error", TPS, None, 502, "requests", "Google front end error page (modelled)", [
                ("READ :: Google Sheets budget", "/v4/spreadsheets/1AbCdEfGh2IjKlMnOp3QrStUv/values/Budsjett", GFE_502),
                ("EXTRACT :: REST orders", "/api/orders", GFE_502),
                ("LOAD :: BigQuery warehouse", "/bigquery/v2/projects/acme-dw/jobs", GFE_502),
            ]),
        ])


# =========================================================================== S3, FTP, SOAP


def s3_blind11(b: Subset) -> None:
    import boto3
    import botocore.config

    blind3.aws_env()
    s3_src = f"{version('botocore')} + S3-compatible error body (modelled)"
    cfg = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}, read_timeout=0.5, connect_timeout=0.5)
    with srv.http_server() as (base, canned):
        s3 = boto3.client("s3", endpoint_url=base, region_name="eu-north-1", config=cfg)

        def err(op: str, bucket: str, status: int, code: str, message: str, key: str) -> Callable[[], object]:
            def go() -> object:
                canned.put(bucket, status, blind.S3_ERROR.format(code=code, message=message), "application/xml")
                if op == "get":
                    return s3.get_object(Bucket=bucket, Key=key)
                if op == "list":
                    return s3.list_objects_v2(Bucket=bucket, Prefix=key)
                return s3.put_object(Bucket=bucket, Key=key, Body=b"id;amount\n1;2\n")

            return go

        cases = [
            ("s3.token_refresh_required", TPS, None, 400, "TokenRefreshRequired", [
                ("get", "READ :: S3 orders", "partner-drop-e1", "orders/2024-06-12.csv", "The provided token must be refreshed."),
                ("put", "LOAD :: S3 upload", "dw-exports-e1", "ledger/2024-06.csv", "The provided token must be refreshed."),
                ("list", "READ :: S3 invoices", "ap-inbox-e1", "inbound/2024/06/", "The provided token must be refreshed."),
            ]),
            ("s3.ceph_unknown_error", TPS, None, 500, "UnknownError", [
                ("put", "LOAD :: S3 upload", "dw-exports-e2", "ledger/2024-06.csv", ""),
                ("get", "READ :: S3 orders", "partner-drop-e2", "orders/2024-06-12.csv", ""),
                ("list", "READ :: S3 invoices", "ap-inbox-e2", "inbound/2024/06/", ""),
            ]),
        ]
        for template, cat, alt, status, code, ops in cases:
            variants: Variants = [(act, err(op, bk, status, code, msg, key)) for op, act, bk, key, msg in ops]
            b.add(template, "s3.client_error", cat, variants, source=s3_src, code=status, alt=alt)


def ftp_blind11(b: Subset) -> None:
    import ftplib

    def ftp(act: str, special: dict[str, str], action: Callable[[ftplib.FTP], object], banner: str) -> tuple[str, Callable[[], None]]:
        def go() -> None:
            with blind3.line_server(banner, blind3.ftp_replies(special)) as port:
                client = ftplib.FTP()
                try:
                    client.connect(srv.LOOPBACK, port, timeout=5)
                    client.login("tenant44660227", "secret")
                    action(client)
                finally:
                    client.close()

        return act, go

    def retr(name: str) -> Callable[[ftplib.FTP], object]:
        return lambda c: c.retrbinary(f"RETR {name}", lambda _: None)

    def stor(name: str) -> Callable[[ftplib.FTP], object]:
        return lambda c: c.storbinary(f"STOR {name}", io.BytesIO(b"a;b\n"))

    src = f"{cap.python_source()} ftplib + FTP server replies (modelled on IIS FTP/FileZilla Server/Serv-U)"
    iis, fz = "220 Microsoft FTP Service", "220-FileZilla Server 1.8.1\r\n220 Please visit https://filezilla-project.org/"
    add(b, "ftp.iis_file_not_found", "ftp.error_perm", IDQ, TPS, [
        ftp("READ :: FTP invoices", {"RETR": "550 The system cannot find the file specified. "}, retr("in/invoices_0612.csv"), iis),
        ftp("READ :: FTP bank statements", {"RETR": "550 The system cannot find the file specified. "}, retr("camt053_20240612.xml"), iis),
        ftp("READ :: FTP orders", {"SIZE": "550 The system cannot find the file specified. "}, lambda c: c.size("orders/PO_0612.xml"), iis),
    ], source=src, code=None)
    add(b, "ftp.filezilla_file_not_found", "ftp.error_perm", IDQ, TPS, [
        ftp("READ :: FTP invoices", {"RETR": "550 File not found"}, retr("/inbound/invoices_0612.csv"), fz),
        ftp("READ :: FTP bank statements", {"RETR": "550 File not found"}, retr("/camt/camt053_0612.xml"), fz),
        ftp("READ :: FTP orders", {"DELE": "550 File not found"}, lambda c: c.delete("/orders/PO_0612.xml"), fz),
    ], source=src, code=None)
    add(b, "ftp.serv_u_connection_timeout", "ftp.error_temp", TPS, None, [
        ftp("READ :: FTP invoices", {"RETR": "421 Connection timed out - closing."}, retr("in/invoices_0612.csv"), "220 Serv-U FTP Server v15.4 ready..."),
        ftp("WRITE :: FTP remittance", {"STOR": "421 Connection timed out - closing."}, stor("out/remit_0612.csv"), "220 Serv-U FTP Server v15.4 ready..."),
        ftp("READ :: FTP orders", {"LIST": "421 Connection timed out - closing."}, lambda c: c.retrlines("LIST orders", lambda _: None), "220 Serv-U FTP Server v15.4 ready..."),
    ], source=src, code=None)


def soap_blind11(b: Subset) -> None:
    acts = ["SUBMIT :: SOAP invoices", "SUBMIT :: Agresso SOAP vouchers", "EXTRACT :: SOAP supplier register"]
    with srv.http_server() as (base, canned):
        faults: blind.SoapFaults = [
            ("soap.fault_dotnet_xml_document", "soap:Client", IDQ, WE, [
                "Server was unable to read request. ---> There is an error in XML document (1, 412). ---> Input string was not in a correct format.",
                "Server was unable to read request. ---> There is an error in XML document (1, 388). ---> The string '12.06.2024' is not a valid AllXsd value.",
                "Server was unable to read request. ---> There is an error in XML document (1, 240). ---> Input string was not in a correct format.",
            ]),
            ("soap.fault_login_failed_user", "soap:Server", TPS, None, [
                "Login failed for user 'svc_integration'. Reason: The password of the account has expired.",
                "Login failed for user 'svc_agresso_ws'. Reason: The password of the account has expired.",
                "Login failed for user 'svc_supplier_ws'. Reason: The password of the account has expired.",
            ]),
            ("soap.fault_supplier_unknown", "soap:Client", IDQ, None, [
                "Supplier '10045' does not exist in client 'EN'. Invoice B11-0 was not registered.",
                "Supplier '20311' does not exist in client 'SE'. Voucher B11-1 was not registered.",
                "Supplier 'V0046' does not exist in client 'EN'. Supplier lookup returned no rows.",
            ]),
            ("soap.fault_too_busy", "soap:Server", TPS, None, [
                "The server is too busy to process your request (active sessions 200 of 200). Please try again later.",
                "The server is too busy to process your request (active sessions 150 of 150). Please try again later.",
                "The server is too busy to process your request (active sessions 200 of 200). Please try again later.",
            ]),
        ]
        blind.add_soap_faults(b, base, canned, acts, faults, source=f"{version('zeep')} + SOAP fault bodies (modelled)", invoice_prefix="B11")


# =========================================================================== vendors (modelled)


def vendor_blind11(b: Subset) -> None:
    submit = ["SUBMIT :: Xledger AP invoices", "SUBMIT :: Xledger vouchers", "EXPORT :: Xledger suppliers"]
    read = ["EXTRACT :: Xledger invoices", "EXTRACT :: Xledger GL transactions", "EXTRACT :: Xledger suppliers"]
    xledger = [
        ("xledger.graphql.date_invalid", submit, IDQ, None, [
            gql("Variable '$nodes' got invalid value '2024-06-31' at 'nodes[3].node.invoiceDate'; Expected type 'Date'. Invalid date.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Variable '$nodes' got invalid value '12.06.2024' at 'nodes[0].node.postedDate'; Expected type 'Date'. Invalid date.", "BAD_USER_INPUT", "addGLImportItems"),
            gql("Variable '$nodes' got invalid value '2024-02-30' at 'nodes[7].node.dueDate'; Expected type 'Date'. Invalid date.", "BAD_USER_INPUT", "addApTransactions"),
        ]),
        ("xledger.graphql.text_too_long", submit, IDQ, None, [
            gql("Field 'text' on line 4 is 312 characters long; the maximum is 255.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Field 'description' on line 1 is 260 characters long; the maximum is 255.", "BAD_USER_INPUT", "addGLImportItems"),
            gql("Field 'name' is 121 characters long; the maximum is 100.", "BAD_USER_INPUT", "updateSuppliers"),
        ]),
        ("xledger.graphql.supplier_code_missing", submit, IDQ, None, [
            gql("Supplier with code '10045' was not found in entity 44660227.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Supplier with code 'V-20311' was not found in entity 12093311.", "BAD_USER_INPUT", "addGLImportItems"),
            gql("Supplier with code '88213' was not found in entity 44660227.", "BAD_USER_INPUT", "updateSuppliers"),
        ]),
        ("xledger.graphql.amount_invalid", submit, IDQ, None, [
            gql("Variable '$nodes' got invalid value '1 204,50' at 'nodes[2].node.amount'; Expected type 'Decimal'.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Variable '$nodes' got invalid value 'NOK 99' at 'nodes[0].node.amount'; Expected type 'Decimal'.", "BAD_USER_INPUT", "addGLImportItems"),
            gql("Variable '$nodes' got invalid value '12.500,00' at 'nodes[5].node.amount'; Expected type 'Decimal'.", "BAD_USER_INPUT", "addApTransactions"),
        ]),
        ("xledger.graphql.api_token_revoked", read, TPS, None, [
            gql("The API token used for this request has been revoked.", "UNAUTHENTICATED"),
            gql("The API token used for this request has been revoked.", "UNAUTHENTICATED", "glTransactions"),
            gql("The API token used for this request has been revoked.", "UNAUTHENTICATED", "suppliers"),
        ]),
        ("xledger.graphql.upstream_timeout", read, TPS, None, [
            gql("Upstream request to 'ledger-service' timed out after 30000 ms.", "GATEWAY_TIMEOUT", "apTransactions"),
            gql("Upstream request to 'ledger-service' timed out after 30000 ms.", "GATEWAY_TIMEOUT", "glTransactions"),
            gql("Upstream request to 'master-data' timed out after 15000 ms.", "GATEWAY_TIMEOUT", "suppliers"),
        ]),
        ("xledger.graphql.requests_per_minute", read, TPS, None, [
            gql("You have exceeded 120 requests per minute for this API token. Retry after 38 seconds.", "RATE_LIMITED", "apTransactions"),
            gql("You have exceeded 120 requests per minute for this API token. Retry after 12 seconds.", "RATE_LIMITED", "glTransactions"),
            gql("You have exceeded 60 requests per minute for this API token. Retry after 51 seconds.", "RATE_LIMITED", "suppliers"),
        ]),
    ]
    for template, acts, cat, alt, msgs in xledger:
        b.add(template, "xledger.graphql", cat, many("GraphQLException", list(zip(acts, msgs, strict=True))), source=f"{version('httpx')} + Xledger GraphQL body (modelled)", alt=alt)
    ivalua = [
        ("ivalua.api_quantity_not_positive", IDQ, None, 422, [
            ("SUBMIT :: Ivalua invoices", "Invoice INV-2024-0612, line 3: quantity must be greater than zero (got 0)."),
            ("EXPORT :: Ivalua orders", "Order PO-88213, line 7: quantity must be greater than zero (got -2)."),
            ("SUBMIT :: Ivalua receipts", "Receipt GR-5511, line 1: quantity must be greater than zero (got 0)."),
        ]),
        ("ivalua.api_cost_center_inactive", IDQ, None, 422, [
            ("SUBMIT :: Ivalua invoices", "Cost center 'CC-4410' is inactive since 2024-05-31 and cannot be used on invoice INV-2024-0612."),
            ("EXPORT :: Ivalua orders", "Cost center 'CC-2100' is inactive since 2024-01-01 and cannot be used on order PO-88240."),
            ("SUBMIT :: Ivalua requisitions", "Cost center 'CC-9001' is inactive since 2023-12-31 and cannot be used on requisition REQ-5511."),
        ]),
        ("ivalua.api_iban_invalid", IDQ, None, 400, [
            ("EXPORT :: Ivalua suppliers", "Supplier SUP-10045: bank account 'NO93 8601 1117 948' is not a valid IBAN (checksum)."),
            ("EXPORT :: Ivalua suppliers", "Supplier SUP-20311: bank account 'SE45 5000 0000 0583 9825 7467' is not a valid IBAN (checksum)."),
            ("EXPORT :: Ivalua bank details", "Supplier SUP-10046: bank account 'DE8937040044053201300' is not a valid IBAN (length)."),
        ]),
        ("ivalua.api_order_closed", IDQ, None, 422, [
            ("SUBMIT :: Ivalua invoices", "Order PO-88213 is closed; invoice INV-2024-0612 cannot be matched against it."),
            ("SUBMIT :: Ivalua invoices", "Order PO-88240 is closed; invoice 77120 cannot be matched against it."),
            ("SUBMIT :: Ivalua receipts", "Order PO-88301 is closed; receipt GR-5511 cannot be matched against it."),
        ]),
        ("ivalua.api_supplier_reference_taken", IDQ, None, 409, [
            ("SUBMIT :: Ivalua invoices", "Supplier SUP-10045 already has an invoice with reference 'INV-2024-0612' (invoice id 55120); duplicates are not accepted."),
            ("SUBMIT :: Ivalua invoices", "Supplier SUP-20311 already has an invoice with reference '77120' (invoice id 55188); duplicates are not accepted."),
            ("SUBMIT :: Ivalua credit notes", "Supplier SUP-10046 already has an invoice with reference 'CN-0099' (invoice id 55201); duplicates are not accepted."),
        ]),
        ("ivalua.api_server_overloaded", TPS, None, 503, [
            ("EXTRACT :: Ivalua invoices", "The server is temporarily overloaded. Retry the request after 60 seconds."),
            ("EXPORT :: Ivalua suppliers", "The server is temporarily overloaded. Retry the request after 120 seconds."),
            ("EXTRACT :: Ivalua orders", "The server is temporarily overloaded. Retry the request after 60 seconds."),
        ]),
        ("ivalua.api_key_expired", TPS, None, 401, [
            ("EXTRACT :: Ivalua suppliers", "API key of user 'api_etl_prod' expired on 2024-06-01. Generate a new key in the Ivalua administration."),
            ("SUBMIT :: Ivalua invoices", "API key of user 'api_etl_prod' expired on 2024-06-01. Generate a new key in the Ivalua administration."),
            ("EXTRACT :: Ivalua orders", "API key of user 'api_integration' expired on 2024-05-15. Generate a new key in the Ivalua administration."),
        ]),
        ("ivalua.api_gateway_timeout", TPS, None, 504, [
            ("EXTRACT :: Ivalua invoices", "The request did not complete within 120 s on the Ivalua platform (request id 7c2f1a0b3d4e)."),
            ("EXTRACT :: Ivalua suppliers", "The request did not complete within 120 s on the Ivalua platform (request id 9e8d7c6b5a4f)."),
            ("EXTRACT :: Ivalua contracts", "The request did not complete within 300 s on the Ivalua platform (request id 1a2b3c4d5e6f)."),
        ]),
    ]
    for template, cat, alt, code, items in ivalua:
        b.add(template, "ivalua.api", cat, many("IvaluaApiException", items), source="Ivalua API (modelled)", code=code, alt=alt)


# =========================================================================== workflow engine


def engine_blind11(b: Subset) -> None:
    import pydantic

    class SftpSource(pydantic.BaseModel):
        host: str
        port: int = 22
        path: str

    add(b, "engine.connection_config_invalid", "workflow.config", WE, None, [
        ("READ :: SFTP invoices", lambda: SftpSource(host="sftp.partner.example", port="22 ", path=None)),  # type: ignore[arg-type]
        ("WRITE :: SFTP remittance", lambda: SftpSource(host="sftp.bank.example", port="ssh", path="/outbound")),  # type: ignore[arg-type]
        ("READ :: SFTP supplier master", lambda: SftpSource(port=2222, path="/master")),  # type: ignore[call-arg]
    ], source=f"{version('pydantic')} inside the workflow platform's connection loader (modelled)", wrap="ConnectionConfigError",
        wrap_message=wrapped("Connection settings could not be loaded: {exc}"))
    cases = [
        ("engine.memory_limit_terminated", "workflow.resources", WE, None, "WorkerResourceError", [
            ("TRANSFORM :: Python invoices", "Worker process for activity 'TRANSFORM :: Python invoices' used 8.3 GiB, above its memory limit of 8 GiB; the supervisor terminated it."),
            ("LOAD :: DuckDB warehouse", "Worker process for activity 'LOAD :: DuckDB warehouse' used 16.1 GiB, above its memory limit of 16 GiB; the supervisor terminated it."),
            ("EXTRACT :: Ivalua invoices", "Worker process for activity 'EXTRACT :: Ivalua invoices' used 4.2 GiB, above its memory limit of 4 GiB; the supervisor terminated it."),
        ]),
        ("engine.heartbeats_stopped", "workflow.worker", WE, None, "WorkerHeartbeatError", [
            ("EXTRACT :: Ivalua invoices", "Worker w-7f3c stopped sending heartbeats 5m12s ago while running the activity; attempt 1 is marked as failed."),
            ("TRANSFORM :: Python invoices", "Worker w-19ad stopped sending heartbeats 10m03s ago while running the activity; attempt 2 is marked as failed."),
            ("LOAD :: DuckDB warehouse", "Worker w-5e61 stopped sending heartbeats 5m40s ago while running the activity; attempt 1 is marked as failed."),
        ]),
        ("engine.node_reclaimed", "workflow.worker", WE, None, "WorkerLostError", [
            ("EXTRACT :: Xledger invoices", "Worker node ip-10-0-3-41 was reclaimed (spot interruption); attempt 1 of the activity was lost."),
            ("TRANSFORM :: SQL ledger", "Worker node ip-10-0-7-12 was reclaimed (spot interruption); attempt 2 of the activity was lost."),
            ("EXPORT :: CSV to SFTP", "Worker node ip-10-0-5-88 was reclaimed (spot interruption); attempt 1 of the activity was lost."),
        ]),
        ("engine.execution_time_limit", "workflow.timeout", WE, TPS, "ActivityTimeoutError", [
            ("EXTRACT :: Ivalua invoices", "Activity ran for 2h00m03s and was stopped: execution time limit is 2h (set on workflow 'ap-invoices')."),
            ("TRANSFORM :: SQL ledger", "Activity ran for 1h00m01s and was stopped: execution time limit is 1h (set on workflow 'gl-ledger')."),
            ("EXTRACT :: Xledger invoices", "Activity ran for 45m00s and was stopped: execution time limit is 45m (set on workflow 'ap-invoices')."),
        ]),
        ("engine.previous_run_still_running", "workflow.scheduler", WE, None, "RunSkippedError", [
            ("EXTRACT :: Xledger invoices", "Run for 2024-06-12 03:00 not started: run 88190 of 'ap-invoices' is still running (overlap policy: skip)."),
            ("TRANSFORM :: SQL ledger", "Run for 2024-06-12 04:00 not started: run 88201 of 'gl-ledger' is still running (overlap policy: skip)."),
            ("EXPORT :: CSV to SFTP", "Run for 2024-06-12 06:00 not started: run 88211 of 'remittance' is still running (overlap policy: skip)."),
        ]),
        ("engine.secret_read_denied", "workflow.config", WE, None, "SecretAccessError", [
            ("EXTRACT :: Ivalua suppliers", "Secret 'ivalua/api-key' could not be read: permission denied for service account 'etl-worker'."),
            ("SUBMIT :: Xledger vouchers", "Secret 'xledger/prod-token' could not be read: permission denied for service account 'etl-worker'."),
            ("READ :: SFTP invoices", "Secret 'sftp/partner-key' could not be read: permission denied for service account 'etl-worker-2'."),
        ]),
        ("engine.connection_credential_expired", "workflow.credentials", TPS, None, "CredentialExpiredError", [
            ("EXTRACT :: Xledger invoices", "The credential of connection 'xledger-prod' expired on 2024-06-01; renew it with the vendor and update the connection."),
            ("EXTRACT :: Ivalua suppliers", "The credential of connection 'ivalua-prod' expired on 2024-06-10; renew it with the vendor and update the connection."),
            ("SUBMIT :: Bank payments", "The credential of connection 'dnb-corporate' expired on 2024-05-31; renew it with the vendor and update the connection."),
        ]),
        ("engine.input_file_empty", "workflow.input", IDQ, None, "EmptyInputError", [
            ("READ :: FTP invoices", "Input file 'invoices_0612.csv' is empty (0 bytes); nothing to load."),
            ("READ :: SFTP supplier master", "Input file 'suppliers_20240612.csv' is empty (0 bytes); nothing to load."),
            ("READ :: FTP bank statements", "Input file 'camt053_20240612.xml' is empty (0 bytes); nothing to load."),
        ]),
        ("engine.required_columns_missing", "workflow.input", IDQ, None, "InputSchemaError", [
            ("READ :: CSV suppliers", "Input 'suppliers_0612.csv' lacks required columns: org_no, iban (found: orgnr, name, bank_account)."),
            ("READ :: FTP invoices", "Input 'invoices_0612.csv' lacks required columns: invoice_date (found: invoice_no, date, amount, supplier)."),
            ("READ :: S3 orders", "Input 'orders/2024-06-12.csv' lacks required columns: order_no, qty (found: ordre_nr, antall)."),
        ]),
        ("engine.reject_threshold_exceeded", "workflow.quality", IDQ, None, "RejectThresholdError", [
            ("READ :: CSV suppliers", "412 of 5000 rows (8.2%) failed validation, above the reject threshold of 5%. First: row 17: org_no '98765432' has 8 digits."),
            ("READ :: FTP invoices", "61 of 240 rows (25.4%) failed validation, above the reject threshold of 5%. First: row 3: amount '1 204,50 kr' is not a number."),
            ("EXTRACT :: REST orders", "130 of 1200 rows (10.8%) failed validation, above the reject threshold of 10%. First: row 88: order_date '31.06.2024' is not a date."),
        ]),
        ("engine.input_duplicate_keys", "workflow.input", IDQ, None, "InputKeyError", [
            ("READ :: CSV suppliers", "Input 'suppliers_0612.csv' has 3 rows with a duplicate key on org_no (first: 987654321 on rows 4 and 19)."),
            ("READ :: FTP invoices", "Input 'invoices_0612.csv' has 2 rows with a duplicate key on invoice_no (first: INV-2024-0612 on rows 8 and 9)."),
            ("EXTRACT :: REST orders", "Input 'orders page 3' has 5 rows with a duplicate key on order_no (first: PO-88213 on rows 1 and 77)."),
        ]),
        ("engine.scratch_volume_full", "workflow.storage", WE, None, "WorkerStorageError", [
            ("TRANSFORM :: SQL ledger", "Scratch volume of run 88213 is full (20.0 GiB of 20 GiB used) while writing 'ledger.parquet'."),
            ("READ :: FTP bank statements", "Scratch volume of run 88214 is full (10.0 GiB of 10 GiB used) while writing 'camt053_0612.xml'."),
            ("LOAD :: DuckDB warehouse", "Scratch volume of run 88190 is full (50.0 GiB of 50 GiB used) while writing 'duckdb_temp_storage-0.tmp'."),
        ]),
        ("engine.mapping_fanout_limit", "workflow.dag", WE, IDQ, "MappingLimitError", [
            ("READ :: SFTP invoices", "Dynamic mapping of 'READ :: SFTP invoices' produced 1240 task instances, more than the limit of 1024."),
            ("EXTRACT :: Email attachments", "Dynamic mapping of 'EXTRACT :: Email attachments' produced 2051 task instances, more than the limit of 1024."),
            ("READ :: FTP bank statements", "Dynamic mapping of 'READ :: FTP bank statements' produced 1500 task instances, more than the limit of 1024."),
        ]),
        ("engine.missed_schedule_no_catchup", "workflow.scheduler", WE, None, "MissedScheduleError", [
            ("EXTRACT :: Xledger invoices", "Run for 2024-06-12 03:00 was not started: the scheduler was down from 02:55 to 03:40 and catch-up is disabled."),
            ("TRANSFORM :: SQL ledger", "Run for 2024-06-12 04:00 was not started: the scheduler was down from 03:58 to 04:21 and catch-up is disabled."),
            ("EXPORT :: CSV to SFTP", "Run for 2024-06-12 06:00 was not started: the scheduler was down from 05:50 to 06:12 and catch-up is disabled."),
        ]),
    ]
    for template, family, cat, alt, exc, items in cases:
        b.add(template, family, cat, many(exc, items), source=MODELLED, alt=alt)


# =========================================================================== other integrations


def other_http_blind11(b: Subset) -> None:
    graph = '{{"error":{{"code":"TooManyRequests","message":"Too many requests","innerError":{{"code":"throttledRequest","date":"{date}","request-id":"{rid}","client-request-id":"{rid}"}}}}}}'
    bc = '{{"error":{{"code":"Request_TooManyRequests","message":"Too many requests reached. Actual (6001). Maximum (6000).  CorrelationId:  {cid}."}}}}'
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("fortnox.supplier_not_found", "erp.api", IDQ, None, 400, "httpx", "Fortnox API body (modelled)", [
                ("SUBMIT :: Fortnox supplier invoices", "/3/supplierinvoices", '{"ErrorInformation":{"error":1,"message":"Kunde inte hitta leverantör.","code":2000434}}'),
                ("SUBMIT :: Fortnox supplier invoices", "/3/supplierinvoices", '{"ErrorInformation":{"error":1,"message":"Kunde inte hitta leverantör.","code":2000434}}'),
                ("EXPORT :: Fortnox payments", "/3/supplierinvoicepayments", '{"ErrorInformation":{"error":1,"message":"Kunde inte hitta leverantör.","code":2000434}}'),
            ]),
            ("msgraph.throttled_request", "msgraph", TPS, None, 429, "httpx", "Microsoft Graph body (modelled)", [
                ("READ :: SharePoint budget", "/v1.0/sites/acme.sharepoint.com,3f2a1b0c,9d8e7f6a/drives/b!x1y2Qz/items/01BYE5RZ7ABCDEFGHIJKLMNOPQRSTUVWX/workbook/worksheets", graph.format(date="2024-06-12T03:00:12", rid="2b7c1e0a-9d8f-4e6a-b5c4-3d2e1f0a9b8c")),
                ("EXTRACT :: Outlook invoices mailbox", "/v1.0/users/ap@acme.no/messages?$top=50", graph.format(date="2024-06-12T04:10:05", rid="7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d")),
                ("EXPORT :: SharePoint reports", "/v1.0/drives/b!x1y2Qz/items/01BYE5RZ3ZYXWVUTSRQPONMLKJIHGFEDC/content", graph.format(date="2024-06-12T05:22:40", rid="0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f")),
            ]),
            ("businesscentral.too_many_requests", "erp.api", TPS, None, 429, "requests", "Business Central API body (modelled)", [
                ("EXTRACT :: Business Central vendors", "/v2.0/production/api/v2.0/companies(3f2a1b0c-5d4e-4f3a-9b8c-7d6e5f4a3b2c)/vendors", bc.format(cid="6f1c2a7e-0b3d-4e5f-9a8b-7c6d5e4f3a2b")),
                ("SUBMIT :: Business Central purchase invoices", "/v2.0/production/api/v2.0/companies(3f2a1b0c-5d4e-4f3a-9b8c-7d6e5f4a3b2c)/purchaseInvoices", bc.format(cid="0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d")),
                ("EXTRACT :: Business Central G/L entries", "/v2.0/production/api/v2.0/companies(3f2a1b0c-5d4e-4f3a-9b8c-7d6e5f4a3b2c)/generalLedgerEntries", bc.format(cid="5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b")),
            ]),
            ("sap.csrf_token_validation_failed", "erp.api", WE, TPS, 403, "urllib", "SAP Gateway reply (modelled)", [
                ("SUBMIT :: SAP supplier invoices", "/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/A_SupplierInvoice", "CSRF token validation failed"),
                ("EXPORT :: SAP purchase orders", "/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/A_PurchaseOrder", "CSRF token validation failed"),
                ("SUBMIT :: SAP journal entries", "/sap/opu/odata/sap/API_JOURNALENTRYITEMBASIC_SRV/A_JournalEntry", "CSRF token validation failed"),
            ]),
            ("google.oauth_invalid_grant", "oauth", TPS, None, 400, "requests", "Google OAuth token endpoint body (modelled)", [
                ("READ :: Google Sheets budget", "/token", '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}'),
                ("READ :: Google Sheets cost centers", "/token", '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}'),
                ("EXTRACT :: Gmail invoices", "/token", '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}'),
            ]),
            ("sendgrid.unauthorized", "mail", TPS, None, 401, "httpx", "SendGrid v3 API body (modelled)", [
                ("NOTIFY :: Email report", "/v3/mail/send", '{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}'),
                ("EXPORT :: Email invoices to AP", "/v3/mail/send", '{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}'),
                ("NOTIFY :: Email alerts", "/v3/mail/send", '{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}'),
            ]),
            ("peppol.receiver_not_registered", "einvoice.api", IDQ, None, 422, "requests", "Peppol access point API body (modelled)", [
                ("SUBMIT :: Peppol invoices", "/api/v1/outbound", '{"code":"RECEIVER_NOT_FOUND","message":"Receiver 0192:987654320 is not registered in the Peppol network for document type urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"}'),
                ("SUBMIT :: Peppol credit notes", "/api/v1/outbound", '{"code":"RECEIVER_NOT_FOUND","message":"Receiver 0192:912345670 is not registered in the Peppol network for document type urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"}'),
                ("SUBMIT :: Peppol invoices", "/api/v1/outbound", '{"code":"RECEIVER_NOT_FOUND","message":"Receiver 0007:5567788990 is not registered in the Peppol network for document type urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"}'),
            ]),
            ("brreg.enhet_not_found", "registry.api", IDQ, None, 404, "urllib", "Brreg Enhetsregisteret API body (modelled)", [
                ("EXTRACT :: Brreg enheter", "/enhetsregisteret/api/enheter/987654320", '{"timestamp":"2024-06-12T03:00:12.345+00:00","status":404,"error":"Not Found","message":"Ingen enhet med organisasjonsnummer 987654320 ble funnet","path":"/enhetsregisteret/api/enheter/987654320"}'),
                ("TRANSFORM :: Python supplier enrichment", "/enhetsregisteret/api/enheter/912345670", '{"timestamp":"2024-06-12T03:00:14.012+00:00","status":404,"error":"Not Found","message":"Ingen enhet med organisasjonsnummer 912345670 ble funnet","path":"/enhetsregisteret/api/enheter/912345670"}'),
                ("EXTRACT :: Brreg enheter", "/enhetsregisteret/api/enheter/99887766", '{"timestamp":"2024-06-12T03:00:15.771+00:00","status":404,"error":"Not Found","message":"Ingen enhet med organisasjonsnummer 99887766 ble funnet","path":"/enhetsregisteret/api/enheter/99887766"}'),
            ]),
            ("unit4.erpx_validation", "erp.api", IDQ, None, 400, "httpx", "Unit4 ERPx REST body (modelled)", [
                ("SUBMIT :: Unit4 supplier invoices", "/v1/supplier-invoices", '{"type":"validation","title":"One or more validation errors occurred.","status":400,"errors":{"accountingLines[2].account":["Account 6301 is not valid in company EN."]}}'),
                ("EXPORT :: Unit4 suppliers", "/v1/suppliers", '{"type":"validation","title":"One or more validation errors occurred.","status":400,"errors":{"postalAddress.countryCode":["Country code \'NOR\' is not valid."]}}'),
                ("SUBMIT :: Unit4 supplier invoices", "/v1/supplier-invoices", '{"type":"validation","title":"One or more validation errors occurred.","status":400,"errors":{"header.currencyCode":["Currency \'NKR\' is not valid in company EN."]}}'),
            ]),
        ])


def other_blind11(b: Subset) -> None:
    extra = [
        ("norgesbank.no_observations", "fx.api", IDQ, TPS, "CurrencyApiError", "Norges Bank SDMX API body (modelled)", 404, [
            ("EXTRACT :: Currency rates", "Currency rate request failed: 404 No Results Found for EXR/B.EUR.NOK.SP?startPeriod=2024-06-15&endPeriod=2024-06-16"),
            ("TRANSFORM :: Python FX revaluation", "Currency rate request failed: 404 No Results Found for EXR/B.USD.NOK.SP?startPeriod=2024-05-17&endPeriod=2024-05-17"),
            ("EXTRACT :: Currency rates", "Currency rate request failed: 404 No Results Found for EXR/B.SEK.NOK.SP?startPeriod=2024-12-25&endPeriod=2024-12-26"),
        ]),
    ]
    for template, family, cat, alt, exc, source, code, items in extra:
        b.add(template, family, cat, many(exc, items), source=source, code=code, alt=alt)


# =========================================================================== main


FAMILIES = ["duckdb", "pandas", "pydantic", "postgres", "http", "s3", "ftp", "soap", "vendor", "engine", "other_http", "other"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_blind11(b, tmp),
            "pandas": lambda: pandas_blind11(b, tmp),
            "pydantic": lambda: pydantic_blind11(b),
            "postgres": lambda: postgres_blind11(b),
            "http": lambda: http_blind11(b),
            "s3": lambda: s3_blind11(b),
            "ftp": lambda: ftp_blind11(b),
            "soap": lambda: soap_blind11(b),
            "vendor": lambda: vendor_blind11(b),
            "engine": lambda: engine_blind11(b),
            "other_http": lambda: other_http_blind11(b),
            "other": lambda: other_blind11(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
