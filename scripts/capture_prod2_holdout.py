"""Capture the PRODUCTION-MIX holdout prod2: the integration errors a platform hits most often, written without the rules.

The blind holdouts (``blind.*`` to ``blind23.*``) deliberately hunted rare and new wordings. This
round (template_id ``prod2.*``, split ``holdout``) instead looks like a production failure table:
the errors an ERP/procurement integration platform hits MOST OFTEN, in their most common wordings,
with fresh values (hosts on 127.0.0.1 ports, buckets, keys, ids, field names, tenants). Templates
that may already exist in the corpus were not avoided: repeats of common templates with new values
are what production looks like. It was chosen and labelled without reading the rules (nor the
corpus), so scoring the rules frozen before it shows how they do on an everyday mix (for
``benchmarks/rule_generalisation.py REV --subset prod2``, ``prod2`` has yet to be registered in
its FROZEN_BEFORE).
Families, weighted by how often they fail in production: Xledger GraphQL errors (invalid values,
unknown references, unknown fields, authorisation, throttling) and errors the platform re-raises as
``UnhandledXledgerException`` (unexpected execution errors, a 503 page, a read timeout); Ivalua REST
errors (400 model-state validation, 401, 404, 409, a 503 page, a read timeout); HTTP clients (httpx,
requests, urllib: 401/403/404/429/500/502/503/504, read timeouts, refused connections, a self-signed
certificate, a vendor host under .invalid that does not resolve); boto3 against S3 (HeadObject 404,
NoSuchKey, NoSuchBucket, AccessDenied, SlowDown after retries, InvalidAccessKeyId,
SignatureDoesNotMatch, endpoint connection errors); FTP (530, 550, 425) and SFTP (authentication
failed, no such file); SOAP faults (authentication, server, schema validation) and a SOAP endpoint
answering a 503 page that is not XML.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only (no name
is resolved and nothing leaves the machine); vendor replies (Xledger GraphQL, Ivalua REST, gateway
pages, AWS error bodies, FTP server replies, SOAP faults, SaaS API bodies) are modelled on realistic
bodies and phrasings and say so in ``source``.

Run:  uv run python scripts/capture_prod2_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``prod2.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import functools
import io
import json
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402
import capture_blind3_holdout as blind3  # noqa: E402
import capture_blind9_holdout as blind9  # noqa: E402
import capture_blind23_holdout as blind23  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "prod2."
Variants = blind.Variants
add = blind9.add
http_cases, status_cases = blind9.http_cases, blind23.status_cases


# =========================================================================== Xledger


def graphql_error(message: str, *, path: str | None = None, code: str | None = None, column: int = 3, **extensions: str) -> dict[str, Any]:
    """One entry of a GraphQL `errors` array as Xledger's server sends it."""
    err: dict[str, Any] = {"message": message, "locations": [{"line": 1, "column": column}]}
    if path:
        err["path"] = [path]
    ext = {**({"code": code} if code else {}), **extensions}
    if ext:
        err["extensions"] = ext
    return err


def xledger_unhandled(trigger: Callable[[], object]) -> Callable[[], None]:
    """The platform's Xledger step re-raising what its client raised as UnhandledXledgerException."""
    import httpx

    def go() -> None:
        try:
            trigger()
        except httpx.HTTPStatusError as exc:
            raise cap.platform("UnhandledXledgerException")(f"Unhandled Xledger error: {exc} - {exc.response.text}") from exc
        except Exception as exc:
            raise cap.platform("UnhandledXledgerException")(f"Unhandled Xledger error: {exc}") from exc

    return go


def xledger_prod2(b: Subset) -> None:
    import httpx

    src = f"{version('httpx')} + Xledger GraphQL body (modelled)"
    with srv.http_server() as (base, canned):

        def graphql(key: str, query: str, errors: list[dict[str, Any]]) -> Callable[[], None]:
            """The platform's Xledger client: posts `query` with httpx, raises GraphQLException(errors)."""
            canned.put(key, 200, json.dumps({"errors": errors, "data": None}))

            def go() -> None:
                payload = httpx.post(f"{base}/r/{key}/graphql", json={"query": query}, timeout=10).json()
                if payload.get("errors"):
                    raise cap.platform("GraphQLException")(payload["errors"])

            return go

        mutation = "mutation ($nodes: [{t}Input!]!) {{ {op}(nodes: $nodes) {{ edges {{ node {{ dbId }} }} }} }}"
        # (template, category, alt, unhandled?, [(activity, query, errors)])
        cases: list[tuple[str, str, str | None, bool, list[tuple[str, str, list[dict[str, Any]]]]]] = [
            ("xledger.graphql_invalid_field_value", IDQ, None, False, [
                ("SUBMIT :: Xledger AP invoices", mutation.format(t="AddApTransactions", op="addApTransactions"), [graphql_error("Invalid value for field 'invoiceDate': '2024-02-30' is not a valid date.", path="addApTransactions", code="BAD_USER_INPUT")]),
                ("SUBMIT :: Xledger AR invoices", mutation.format(t="AddArTransactions", op="addArTransactions"), [graphql_error("Invalid value for field 'amount': '1 250,00' is not a valid decimal.", path="addArTransactions", code="BAD_USER_INPUT")]),
                ("LOAD :: Xledger GL vouchers", mutation.format(t="AddGLImportItems", op="addGLImportItems"), [graphql_error("Invalid value for field 'currencyCode': 'EURO' is not a valid currency.", path="addGLImportItems", code="BAD_USER_INPUT")]),
            ]),
            ("xledger.graphql_reference_not_found", IDQ, None, False, [
                ("SUBMIT :: Xledger AP invoices", mutation.format(t="AddApTransactions", op="addApTransactions"), [graphql_error("Supplier with code 'SUP-20417' was not found.", path="addApTransactions", code="NOT_FOUND")]),
                ("LOAD :: Xledger GL vouchers", mutation.format(t="AddGLImportItems", op="addGLImportItems"), [graphql_error("Account with code '6795' was not found.", path="addGLImportItems", code="NOT_FOUND")]),
                ("SUBMIT :: Xledger project hours", mutation.format(t="AddTimeTransactions", op="addTimeTransactions"), [graphql_error("Project with code 'P-2024-113' was not found.", path="addTimeTransactions", code="NOT_FOUND")]),
            ]),
            ("xledger.graphql_field_does_not_exist", WE, IDQ, False, [
                ("EXTRACT :: Xledger invoices", "query { arTransactions(first: 500) { edges { node { dbId invoiceNumber } } } }", [graphql_error("The field `invoiceNumber` does not exist on the type `ArTransaction`.", column=53, type="ArTransaction", field="invoiceNumber", responseName="invoiceNumber", specifiedBy="https://spec.graphql.org/October2021/#sec-Field-Selections")]),
                ("EXTRACT :: Xledger suppliers", "query { suppliers(first: 1000) { edges { node { code orgNumber } } } }", [graphql_error("The field `orgNumber` does not exist on the type `Supplier`.", column=54, type="Supplier", field="orgNumber", responseName="orgNumber", specifiedBy="https://spec.graphql.org/October2021/#sec-Field-Selections")]),
                ("EXTRACT :: Xledger GL transactions", "query { glTransactions(first: 500) { edges { node { dbId accountCode } } } }", [graphql_error("The field `accountCode` does not exist on the type `GLTransaction`.", column=58, type="GLTransaction", field="accountCode", responseName="accountCode", specifiedBy="https://spec.graphql.org/October2021/#sec-Field-Selections")]),
            ]),
            ("xledger.graphql_not_authorized", TPS, None, False, [
                ("EXTRACT :: Xledger suppliers", "query { suppliers(first: 1000) { edges { node { code } } } }", [graphql_error("The current user is not authorized to access this resource.", path="suppliers", code="AUTH_NOT_AUTHORIZED", column=9)]),
                ("SUBMIT :: Xledger AP invoices", mutation.format(t="AddApTransactions", op="addApTransactions"), [graphql_error("The current user is not authorized to access this resource.", path="addApTransactions", code="AUTH_NOT_AUTHORIZED", column=44)]),
                ("EXTRACT :: Xledger bank transactions", "query { bankTransactions(first: 500) { edges { node { dbId } } } }", [graphql_error("The current user is not authorized to access this resource.", path="bankTransactions", code="AUTH_NOT_AUTHORIZED", column=9)]),
            ]),
            ("xledger.graphql_rate_limited", TPS, None, False, [
                ("EXTRACT :: Xledger invoices", "query { arTransactions(first: 500) { edges { node { dbId } } } }", [graphql_error("Rate limit exceeded: 1000 requests per 60 seconds. Retry after 14 seconds.", path="arTransactions", code="RATE_LIMITED", column=9)]),
                ("SUBMIT :: Xledger AP invoices", mutation.format(t="AddApTransactions", op="addApTransactions"), [graphql_error("Rate limit exceeded: 1000 requests per 60 seconds. Retry after 51 seconds.", path="addApTransactions", code="RATE_LIMITED", column=44)]),
                ("EXTRACT :: Xledger GL transactions", "query { glTransactions(first: 500) { edges { node { dbId } } } }", [graphql_error("Rate limit exceeded: 1000 requests per 60 seconds. Retry after 3 seconds.", path="glTransactions", code="RATE_LIMITED", column=9)]),
            ]),
            ("xledger.unhandled_unexpected_execution_error", TPS, None, True, [
                ("SUBMIT :: Xledger AP invoices", mutation.format(t="AddApTransactions", op="addApTransactions"), [graphql_error("Unexpected Execution Error", path="addApTransactions", column=44)]),
                ("EXTRACT :: Xledger invoices", "query { arTransactions(first: 500) { edges { node { dbId } } } }", [graphql_error("Unexpected Execution Error", path="arTransactions", column=9)]),
                ("LOAD :: Xledger GL vouchers", mutation.format(t="AddGLImportItems", op="addGLImportItems"), [graphql_error("Unexpected Execution Error", path="addGLImportItems", column=43)]),
            ]),
        ]
        for template, cat, alt, unhandled, items in cases:
            variants: Variants = []
            for i, (act, query, errors) in enumerate(items):
                trigger = graphql(f"{template.replace('.', '_')}{i}", query, errors)
                variants.append((act, xledger_unhandled(trigger) if unhandled else trigger))
            add(b, template, "xledger.graphql", cat, alt, variants, source=src)

        # HTTP.sys answers 503 while the Xledger application pool is recycled
        sys_503 = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n'
        variants = []
        for i, (act, query) in enumerate([
            ("EXTRACT :: Xledger invoices", "query { arTransactions(first: 500) { edges { node { dbId } } } }"),
            ("SUBMIT :: Xledger AP invoices", "mutation { addApTransactions(nodes: []) { edges { node { dbId } } } }"),
            ("EXTRACT :: Xledger suppliers", "query { suppliers(first: 1000) { edges { node { code } } } }"),
        ]):
            key = canned.put(f"x503_{i}", 503, sys_503, "text/html")
            variants.append((act, xledger_unhandled(lambda key=key, query=query: httpx.post(f"{base}/r/{key}/graphql", json={"query": query}, timeout=10).raise_for_status())))
        add(b, "xledger.unhandled_http_503_service_unavailable", "xledger.http", TPS, None, variants, source=f"{version('httpx')} + HTTP.sys 503 page (modelled)", code=503)

    with srv.silent_server() as port:
        variants = []
        for act, query, read in [
            ("EXTRACT :: Xledger GL transactions", "query { glTransactions(first: 500, filter: {period: {from: 202401}}) { edges { node { dbId } } } }", 0.4),
            ("EXTRACT :: Xledger invoices", "query { arTransactions(first: 500) { edges { node { dbId } } } }", 0.5),
            ("SUBMIT :: Xledger AP invoices", "mutation { addApTransactions(nodes: []) { edges { node { dbId } } } }", 0.3),
        ]:
            url = f"http://{srv.LOOPBACK}:{port}/graphql"
            variants.append((act, xledger_unhandled(lambda url=url, query=query, read=read: httpx.post(url, json={"query": query}, timeout=httpx.Timeout(5.0, read=read)))))
        add(b, "xledger.unhandled_read_timeout", "xledger.http", TPS, None, variants, source=f"{version('httpx')} read timeout against a server that never answers", code=None)


# =========================================================================== Ivalua


def ivalua_prod2(b: Subset) -> None:
    import requests

    model_state = '{{"Message":"The request is invalid.","ModelState":{{"{field}":["{text}"]}}}}'
    exists = '{{"Message":"{text}","ErrorCode":"DUPLICATE_KEY"}}'
    unavailable = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The Ivalua platform is under maintenance. Please try again later.</p></body></html>"
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("ivalua.rest_400_model_state", "ivalua.http", IDQ, None, 400, "requests", "Ivalua REST body (modelled)", [
                ("SUBMIT :: Ivalua suppliers", "/api/v3/suppliers", model_state.format(field="supplier.VatNumber", text="The field VatNumber must match the regular expression '^NO[0-9]{9}MVA$'.")),
                ("SUBMIT :: Ivalua receipts", "/api/v3/receipts", model_state.format(field="receipt.Lines[2].ReceivedQuantity", text="The field ReceivedQuantity must be between 0 and 99999.")),
                ("LOAD :: Ivalua contracts", "/api/v3/contracts", model_state.format(field="contract.Currency", text="The Currency field is required.")),
            ]),
            ("ivalua.rest_409_already_exists", "ivalua.http", IDQ, WE, 409, "requests", "Ivalua REST body (modelled)", [
                ("SUBMIT :: Ivalua suppliers", "/api/v3/suppliers", exists.format(text="A supplier with the code 'SUP-20417' already exists.")),
                ("SUBMIT :: Ivalua receipts", "/api/v3/receipts", exists.format(text="A receipt with the number 'GR-2024-06-0311' already exists.")),
                ("SUBMIT :: Ivalua invoices", "/api/v3/invoices", exists.format(text="An invoice with the number 'INV-77410' already exists for supplier 'SUP-10931'.")),
            ]),
            ("ivalua.rest_503_service_unavailable", "ivalua.http", TPS, None, 503, "urllib", "Ivalua maintenance page (modelled)", [
                ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers?page=7", unavailable),
                ("SUBMIT :: Ivalua receipts", "/api/v3/receipts", unavailable),
                ("EXTRACT :: Ivalua orders", "/api/v3/orders?modifiedSince=2024-06-14", unavailable),
            ]),
        ])
        denied = '{"Message":"Authorization has been denied for this request."}'
        not_found = '{{"Message":"{text}"}}'
        status_cases(b, base, canned, [
            ("ivalua.rest_401_authorization_denied", "ivalua.http", TPS, None, 401, "requests", "Ivalua REST body (modelled)", {}, "application/json; charset=utf-8", [
                ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers?page=22", denied),
                ("EXTRACT :: Ivalua contracts", "/api/v3/contracts?modifiedSince=2024-06-14", denied),
                ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?status=ToPay&page=2", denied),
            ]),
            ("ivalua.rest_404_object_not_found", "ivalua.http", IDQ, TPS, 404, "httpx", "Ivalua REST body (modelled)", {}, "application/json; charset=utf-8", [
                ("EXTRACT :: Ivalua orders", "/api/v3/orders/PO-2024-11873", not_found.format(text="Order 'PO-2024-11873' was not found.")),
                ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers/SUP-30112", not_found.format(text="Supplier 'SUP-30112' was not found.")),
                ("EXTRACT :: Ivalua contracts", "/api/v3/contracts/CTR-2023-0457", not_found.format(text="Contract 'CTR-2023-0457' was not found.")),
            ]),
        ])

    with srv.silent_server() as port:
        add(b, "ivalua.read_timeout", "http.timeout", TPS, None, [
            ("EXTRACT :: Ivalua suppliers", lambda: requests.get(f"http://{srv.LOOPBACK}:{port}/api/v3/suppliers?page=31", timeout=(3.05, 0.5))),
            ("SUBMIT :: Ivalua receipts", lambda: requests.post(f"http://{srv.LOOPBACK}:{port}/api/v3/receipts", json={"number": "GR-2024-06-0312"}, timeout=(3.05, 0.4))),
            ("EXTRACT :: Ivalua invoices", lambda: requests.get(f"http://{srv.LOOPBACK}:{port}/api/v3/invoices?status=Validated&page=5", timeout=(3.05, 0.6))),
        ], source=f"{version('requests')} read timeout against a server that never answers", code=None)


# =========================================================================== HTTP clients


def http_prod2(b: Subset, tmp: Path) -> None:
    import httpx
    import requests

    nginx_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    elb_504 = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n"
    haproxy_503 = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n"
    spring_500 = '{{"timestamp":"{ts}","status":500,"error":"Internal Server Error","path":"{path}"}}'
    with srv.http_server() as (base, canned):
        status_cases(b, base, canned, [
            ("httpx.status_401_unauthorized", "http.status", TPS, None, 401, "httpx", "REST API body (modelled)", {"WWW-Authenticate": 'Bearer error="invalid_token"'}, "application/json", [
                ("EXTRACT :: Tripletex ledger", "/v2/ledger/posting?dateFrom=2024-06-01&dateTo=2024-06-15", '{"error":"invalid_token","error_description":"The access token expired"}'),
                ("EXTRACT :: Visma customers", "/api/v1/customers?page=3", '{"error":"invalid_token","error_description":"The access token expired"}'),
                ("EXTRACT :: Unit4 suppliers", "/v1/suppliers?companyId=EN", '{"error":"invalid_token","error_description":"The access token is invalid"}'),
            ]),
            ("requests.status_403_forbidden", "http.status", TPS, None, 403, "requests", "Amazon API Gateway body (modelled)", {"x-amzn-ErrorType": "ForbiddenException"}, "application/json", [
                ("EXTRACT :: Partner stock levels", "/prod/inventory/export?warehouse=OSL1", '{"message":"Forbidden"}'),
                ("EXTRACT :: Logistics tracking events", "/prod/tracking/events?since=2024-06-14", '{"message":"Forbidden"}'),
                ("EXTRACT :: Currency rates", "/prod/rates/latest?base=NOK", '{"message":"Forbidden"}'),
            ]),
            ("requests.status_404_not_found", "http.status", IDQ, TPS, 404, "requests", "Spring Boot error body (modelled)", {}, "application/json", [
                ("EXTRACT :: Visma customers", "/api/v1/customers/10442", '{"timestamp":"2024-06-15T03:12:44.118+00:00","status":404,"error":"Not Found","path":"/api/v1/customers/10442"}'),
                ("EXTRACT :: Tripletex ledger", "/v2/ledger/voucher/3300987", '{"timestamp":"2024-06-15T03:14:02.551+00:00","status":404,"error":"Not Found","path":"/v2/ledger/voucher/3300987"}'),
                ("EXTRACT :: Supplier portal invoices", "/portal/api/v3/invoices/INV-77410", '{"timestamp":"2024-06-15T04:01:19.007+00:00","status":404,"error":"Not Found","path":"/portal/api/v3/invoices/INV-77410"}'),
            ]),
            ("httpx.status_429_too_many_requests", "http.status", TPS, None, 429, "httpx", "REST API body (modelled)", {"Retry-After": "30"}, "application/json", [
                ("EXTRACT :: Visma customers", "/api/v1/customers?page=41", '{"message":"API rate limit exceeded"}'),
                ("EXTRACT :: Tripletex ledger", "/v2/ledger/posting?dateFrom=2024-06-01&from=8000", '{"message":"API rate limit exceeded"}'),
                ("SUBMIT :: Unit4 vouchers", "/v1/financial-transaction-batch", '{"message":"API rate limit exceeded"}'),
            ]),
            ("requests.status_500_internal_server_error", "http.status", TPS, None, 500, "requests", "Spring Boot error body (modelled)", {}, "application/json", [
                ("SUBMIT :: Supplier portal invoices", "/portal/api/v3/invoices", spring_500.format(ts="2024-06-15T03:20:11.482+00:00", path="/portal/api/v3/invoices")),
                ("EXTRACT :: Logistics tracking events", "/tracking/v1/events", spring_500.format(ts="2024-06-15T05:02:37.009+00:00", path="/tracking/v1/events")),
                ("SUBMIT :: Logistics bookings", "/api/v2/bookings", spring_500.format(ts="2024-06-15T06:45:58.730+00:00", path="/api/v2/bookings")),
            ]),
            ("httpx.status_502_bad_gateway", "http.status", TPS, None, 502, "httpx", "nginx 502 page (modelled)", {"Server": "nginx"}, "text/html", [
                ("EXTRACT :: Partner stock levels", "/inventory/v1/export.csv", nginx_502),
                ("SUBMIT :: Logistics bookings", "/api/v2/bookings", nginx_502),
                ("EXTRACT :: Visma customers", "/api/v1/customers?page=9", nginx_502),
            ]),
            ("requests.status_504_gateway_timeout", "http.status", TPS, None, 504, "requests", "load balancer 504 page (modelled)", {"Server": "awselb/2.0"}, "text/html", [
                ("EXTRACT :: Tripletex ledger", "/v2/ledger/posting?dateFrom=2024-01-01&dateTo=2024-06-15", elb_504),
                ("EXTRACT :: Supplier portal invoices", "/portal/api/v3/invoices/export", elb_504),
                ("SUBMIT :: Unit4 vouchers", "/v1/financial-transaction-batch", elb_504),
            ]),
        ])
        http_cases(b, base, canned, [
            ("urllib.status_503_service_unavailable", "http.status", TPS, None, 503, "urllib", "HAProxy 503 page (modelled)", [
                ("SUBMIT :: Logistics bookings", "/api/v2/bookings", haproxy_503),
                ("EXTRACT :: Currency rates", "/api/rates/latest?base=NOK", haproxy_503),
                ("NOTIFY :: Partner webhook", "/hooks/acme/invoice-status", haproxy_503),
            ]),
        ])

    with srv.silent_server() as port:
        add(b, "httpx.read_timeout", "http.timeout", TPS, None, [
            (act, lambda path=path, read=read: httpx.get(f"http://{srv.LOOPBACK}:{port}{path}", timeout=httpx.Timeout(5.0, read=read)))
            for act, path, read in [
                ("EXTRACT :: Partner stock levels", "/inventory/v1/export.csv", 0.3),
                ("EXTRACT :: Tripletex ledger", "/v2/ledger/posting?dateFrom=2024-06-01", 0.4),
                ("EXTRACT :: Logistics tracking events", "/tracking/v1/events?since=2024-06-14", 0.5),
            ]
        ], source=f"{version('httpx')} read timeout against a server that never answers", code=None)

    add(b, "requests.connect_refused", "http.connect", TPS, None, [
        (act, lambda path=path: requests.get(f"http://{srv.LOOPBACK}:{srv.closed_port()}{path}", timeout=5))
        for act, path in [
            ("EXTRACT :: Currency rates", "/api/rates/latest?base=NOK"),
            ("SUBMIT :: Logistics bookings", "/api/v2/bookings"),
            ("EXTRACT :: Visma customers", "/api/v1/customers?page=1"),
        ]
    ], source=f"{version('requests')} against a closed port", code=None)

    context = srv.self_signed_context(tmp, "partner-api.local")
    with srv.http_server(context) as (tls_base, _canned):
        add(b, "requests.tls_self_signed_certificate", "http.tls", TPS, WE, [
            (act, lambda path=path: requests.get(f"{tls_base}{path}", timeout=5))
            for act, path in [
                ("EXTRACT :: Partner stock levels", "/inventory/v1/export.csv"),
                ("SUBMIT :: Supplier portal invoices", "/portal/api/v3/invoices"),
                ("EXTRACT :: Logistics tracking events", "/tracking/v1/events?since=2024-06-14"),
            ]
        ], source=f"{version('requests')} + a self-signed certificate on a local server", code=None)

    # the configured vendor host does not exist; the resolver is stubbed, no DNS query is sent
    def resolve(url: str) -> Callable[[], object]:
        def go() -> object:
            with blind3.resolver_failing(socket.EAI_NONAME, "Name or service not known"):
                return requests.get(url, timeout=5)

        return go

    add(b, "requests.dns_name_resolution_error", "http.dns", TPS, IDQ, [
        ("EXTRACT :: Currency rates", resolve("https://api.valutakurs.invalid/v1/latest?base=NOK")),
        ("SUBMIT :: Logistics bookings", resolve("https://booking.fraktpartner.invalid/api/v2/bookings")),
        ("EXTRACT :: Supplier portal invoices", resolve("https://portal.leverandor-acme.invalid/portal/api/v3/invoices")),
    ], source=f"{version('requests')} with a host under .invalid (resolver stubbed)", code=None)


# =========================================================================== S3 via boto3


def s3_prod2(b: Subset) -> None:
    import boto3
    import botocore.config

    blind3.aws_env()
    bc = version("botocore")
    with srv.http_server() as (base, canned):
        client = functools.partial(blind.aws_client, base)
        # the platform's production S3 client retries throttling and 5xx (standard mode, 3 attempts)
        retrying = botocore.config.Config(retries={"max_attempts": 3, "mode": "standard"}, read_timeout=2, connect_timeout=2)

        variants: Variants = []
        for i, (act, bucket, key) in enumerate([
            ("READ :: S3 supplier files", "acme-etl-inbound", "ivalua/suppliers/suppliers_20240615.csv"),
            ("READ :: S3 bank statements", "acme-bank-files", "camt053/camt053_20240614.xml"),
            ("READ :: S3 invoices", "tenant-20931144-in", "invoices/2024/06/15/invoices.parquet"),
        ]):
            k = canned.put(f"h404_{i}", 404, b"", "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key: client("s3", k).head_object(Bucket=bucket, Key=key)))
        add(b, "s3.head_object_404_not_found", "s3.client_error", IDQ, TPS, variants, source=f"{bc} + S3 HEAD reply without body (modelled)", code=404)

        variants = blind.s3_error_variants(base, canned, "nsk", 404, "NoSuchKey", "The specified key does not exist.",
            lambda c, bucket, key: c.get_object(Bucket=bucket, Key=key), [
            ("READ :: S3 supplier files", "acme-etl-inbound", "ivalua/suppliers/suppliers_20240614.csv"),
            ("READ :: S3 price lists", "grossist-prices-drop", "pricelist_2024Q3.xlsx"),
            ("READ :: S3 payments", "tenant-20931144-in", "payments/pain002_20240615_02.xml"),
        ], extra="<Key>{key}</Key>")
        add(b, "s3.get_object_no_such_key", "s3.client_error", IDQ, TPS, variants, source=f"{bc} + S3 error body (modelled)", code=404)

        variants = blind.s3_error_variants(base, canned, "nsb", 404, "NoSuchBucket", "The specified bucket does not exist",
            lambda c, bucket, prefix: c.list_objects_v2(Bucket=bucket, Prefix=prefix), [
            ("READ :: S3 supplier files", "acme-etl-inbound-prod", "ivalua/suppliers/"),
            ("LOAD :: S3 invoices", "tenant-20931144-in", "invoices/2024/06/"),
            ("READ :: S3 bank statements", "acme-bankfiles", "camt053/"),
        ], extra="<BucketName>{bucket}</BucketName>")
        add(b, "s3.list_objects_no_such_bucket", "s3.client_error", IDQ, TPS, variants, source=f"{bc} + S3 error body (modelled)", code=404)

        variants = blind.s3_error_variants(base, canned, "ad", 403, "AccessDenied", "Access Denied",
            lambda c, bucket, key: c.get_object(Bucket=bucket, Key=key), [
            ("READ :: S3 partner files", "elkjop-partner-drop", "outbound/orders/orders_20240615.csv"),
            ("READ :: S3 bank statements", "dnb-corporate-exchange", "acme/camt053_20240615.xml"),
            ("READ :: S3 supplier files", "supplier-einvoice-outbox", "acme/INV-77410.xml"),
        ])
        add(b, "s3.get_object_access_denied", "s3.client_error", TPS, WE, variants, source=f"{bc} + S3 error body (modelled)", code=403)

        variants = []
        for i, (act, bucket, key) in enumerate([
            ("EXPORT :: S3 payments", "acme-etl-exports", "payments/2024/06/15/pain001_0003.xml"),
            ("WRITE :: S3 exports", "acme-datalake-raw", "xledger/gl_transactions/dt=2024-06-15/part-00041.parquet"),
            ("LOAD :: S3 invoices", "tenant-20931144-out", "invoices/2024/06/15/invoices_0600.csv"),
        ]):
            k = canned.put(f"sd{i}", 503, blind.s3_error("SlowDown", "Please reduce your request rate.", f"3E6A0C4F8B1D{i:04d}"), "application/xml")
            s3 = boto3.client("s3", endpoint_url=f"{base}/r/{k}", region_name="eu-north-1", config=retrying)
            variants.append((act, lambda s3=s3, bucket=bucket, key=key: s3.put_object(Bucket=bucket, Key=key, Body=b"PAR1")))
        add(b, "s3.put_object_slow_down", "s3.client_error", TPS, None, variants, source=f"{bc} (standard retries, 3 attempts) + S3 error body (modelled)", code=503)

        variants = blind.s3_error_variants(base, canned, "iak", 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.",
            lambda c, bucket, prefix: c.list_objects_v2(Bucket=bucket, Prefix=prefix), [
            ("READ :: S3 supplier files", "acme-etl-inbound", "ivalua/suppliers/"),
            ("READ :: S3 partner files", "elkjop-partner-drop", "outbound/orders/"),
            ("LOAD :: S3 invoices", "tenant-20931144-in", "invoices/2024/06/15/"),
        ], extra="<AWSAccessKeyId>AKIAQX7R2M4KEXAMPLE{i}</AWSAccessKeyId>")
        add(b, "s3.invalid_access_key_id", "s3.client_error", TPS, WE, variants, source=f"{bc} + S3 error body (modelled)", code=403)

        variants = blind.s3_error_variants(base, canned, "sig", 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            lambda c, bucket, key: c.put_object(Bucket=bucket, Key=key, Body=b"id;name\n1;Acme\n"), [
            ("EXPORT :: S3 payments", "acme-etl-exports", "payments/2024/06/15/pain001_0004.xml"),
            ("WRITE :: S3 exports", "acme-datalake-raw", "ivalua/suppliers/dt=2024-06-15/suppliers.parquet"),
            ("EXPORT :: S3 supplier files", "partner-exchange-acme", "inbound/suppliers_20240615.csv"),
        ])
        add(b, "s3.put_object_signature_does_not_match", "s3.client_error", TPS, WE, variants, source=f"{bc} + S3 error body (modelled)", code=403)

    cfg = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=2, read_timeout=2)
    variants = []
    for act, op, bucket, key in [
        ("READ :: S3 supplier files", "get", "acme-etl-inbound", "ivalua/suppliers/suppliers_20240615.csv"),
        ("EXPORT :: S3 payments", "put", "acme-etl-exports", "payments/2024/06/15/pain001_0005.xml"),
        ("LOAD :: S3 invoices", "list", "tenant-20931144-in", "invoices/2024/06/15/"),
    ]:
        s3 = boto3.client("s3", endpoint_url=f"http://{srv.LOOPBACK}:{srv.closed_port()}", region_name="eu-north-1", config=cfg)

        def go(s3: Any = s3, op: str = op, bucket: str = bucket, key: str = key) -> object:
            if op == "get":
                return s3.get_object(Bucket=bucket, Key=key)
            if op == "put":
                return s3.put_object(Bucket=bucket, Key=key, Body=b"<Document/>")
            return s3.list_objects_v2(Bucket=bucket, Prefix=key)

        variants.append((act, go))
    add(b, "s3.endpoint_connection_error", "s3.connection", TPS, None, variants, source=f"{bc} against a closed port", code=None)


# =========================================================================== FTP and SFTP


def ftp_prod2(b: Subset) -> None:
    ftp = blind.ftp_case
    py = cap.python_source()
    vsftpd = "220 (vsFTPd 3.0.5)"
    proftpd = "220 ProFTPD Server (Partner FTP) [127.0.0.1]"

    def stor(name: str) -> Callable[[Any], object]:
        return lambda c: c.storbinary(f"STOR {name}", io.BytesIO(b'<?xml version="1.0"?><Document/>\n'))

    add(b, "ftp.530_login_incorrect", "ftp.error_perm", TPS, IDQ, [
        ftp("READ :: FTP bank statements", {"PASS": "530 Login incorrect."}, lambda c: None, vsftpd, "nordea_acme01"),
        ftp("EXPORT :: FTP payments", {"PASS": "530 Login incorrect."}, lambda c: None, vsftpd, "acme_pay_prod"),
        ftp("READ :: FTP invoices", {"PASS": "530 Login incorrect."}, lambda c: None, vsftpd, "tenant20931144"),
    ], source=f"{py} ftplib + FTP server replies (modelled on vsftpd)", code=None)

    add(b, "ftp.550_no_such_file", "ftp.error_perm", IDQ, TPS, [
        ftp("READ :: FTP bank statements", {"RETR": "550 camt053_20240615.xml: No such file or directory"}, blind.ftp_retr("camt053_20240615.xml"), proftpd, "nordea_acme01"),
        ftp("READ :: FTP invoices", {"RETR": "550 /outbound/invoices_20240615.xml: No such file or directory"}, blind.ftp_retr("/outbound/invoices_20240615.xml"), proftpd, "tenant20931144"),
        ftp("READ :: FTP price lists", {"RETR": "550 prices/pricelist_2024Q3.csv: No such file or directory"}, blind.ftp_retr("prices/pricelist_2024Q3.csv"), proftpd, "prices_acme"),
    ], source=f"{py} ftplib + FTP server replies (modelled on ProFTPD)", code=None)

    add(b, "ftp.425_failed_to_establish_connection", "ftp.error_temp", TPS, WE, [
        ftp("READ :: FTP bank statements", {"RETR": "425 Failed to establish connection."}, blind.ftp_retr("camt053_20240614.xml"), vsftpd, "nordea_acme01"),
        ftp("EXPORT :: FTP payments", {"STOR": "425 Failed to establish connection."}, stor("/inbound/pain001_20240615_01.xml"), vsftpd, "acme_pay_prod"),
        ftp("EXPORT :: FTP orders", {"STOR": "425 Failed to establish connection."}, stor("ORDERS_20240615_88311.xml"), vsftpd, "edi_acme"),
    ], source=f"{py} ftplib + FTP server replies (modelled on vsftpd)", code=None)


def sftp_prod2(b: Subset) -> None:
    import paramiko

    pk = version("paramiko")
    with srv.ssh_server_rejecting_passwords() as port:
        add(b, "sftp.authentication_failed", "sftp.ssh", TPS, IDQ, [
            ("READ :: SFTP bank statements", srv.ssh_login(port, "dnb_acme_prod")),
            ("EXPORT :: SFTP payments", srv.ssh_login(port, "acme_payments")),
            ("READ :: SFTP supplier files", srv.ssh_login(port, "ivalua_acme")),
        ], source=f"{pk} SSHClient against an SSH server refusing the password", code=None)

    with blind3.sftp_server(lambda _path: paramiko.SFTP_NO_SUCH_FILE) as (port, _key):
        add(b, "sftp.get_no_such_file", "sftp.io", IDQ, TPS, [
            ("READ :: SFTP bank statements", srv.ssh_login(port, "dnb_acme_prod", sftp_get="/outbound/camt053_20240615.xml")),
            ("READ :: SFTP invoices", srv.ssh_login(port, "acme_in", sftp_get="/out/invoices_20240615.xml")),
            ("READ :: SFTP supplier files", srv.ssh_login(port, "ivalua_acme", sftp_get="export/suppliers_20240615.csv")),
        ], source=f"{pk} SFTPClient.getfo against an SFTP server without the file", code=None)


# =========================================================================== SOAP


def soap_prod2(b: Subset) -> None:
    src = f"{version('zeep')} + SOAP fault bodies (modelled)"
    acts = ["SUBMIT :: SOAP invoices", "SUBMIT :: SOAP orders", "EXPORT :: SOAP payments"]
    with srv.http_server() as (base, canned):
        blind.add_soap_faults(b, base, canned, acts, [
            ("soap.fault_authentication_failed", "soap:Client", TPS, IDQ, [
                "Authentication failed for user 'ws_acme_prod'. Invalid username or password.",
                "Authentication failed for user 'integration_20931144'. Invalid username or password.",
                "Authentication failed for user 'svc_payments'. Invalid username or password.",
            ]),
            ("soap.fault_server_unable_to_process", "soap:Server", TPS, None, [
                "Server was unable to process request. ---> Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
                "Server was unable to process request. ---> Transaction (Process ID 87) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
                "Server was unable to process request. ---> Object reference not set to an instance of an object.",
            ]),
            ("soap.fault_unmarshalling_schema_validation", "soap:Client", IDQ, WE, [
                "Unmarshalling Error: cvc-datatype-valid.1.2.1: '2024-06-31' is not a valid value for 'date'. ",
                "Unmarshalling Error: cvc-minLength-valid: Value '' with length = '0' is not facet-valid with respect to minLength '1' for type 'SupplierIdType'. ",
                "Unmarshalling Error: cvc-pattern-valid: Value 'NO 9386 11 17947' is not facet-valid with respect to pattern '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}' for type 'IbanType'. ",
            ]),
        ], source=src, invoice_prefix="P2")

        variants: Variants = []
        for i, (act, status, body) in enumerate([
            ("SUBMIT :: SOAP invoices", 503, '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>503 Service Unavailable</title>\n</head><body>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n</body></html>\n'),
            ("SUBMIT :: SOAP orders", 503, '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n'),
            ("EXPORT :: SOAP payments", 503, "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"),
        ]):
            name = f"soap_503_{i}"
            canned.put(name, status, body, "text/html")
            client = blind.soap_client(base, canned, name)
            variants.append((act, lambda client=client, i=i: client.service.SubmitInvoice(InvoiceNo=f"P2-503-{i}", Amount=1250)))
        add(b, "soap.transport_503_html", "soap.transport", TPS, None, variants, source=f"{version('zeep')} + 503 pages (modelled)", code=503)


# =========================================================================== main


FAMILIES = ["xledger", "ivalua", "http", "s3", "ftp", "sftp", "soap"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "xledger": lambda: xledger_prod2(b),
            "ivalua": lambda: ivalua_prod2(b),
            "http": lambda: http_prod2(b, tmp),
            "s3": lambda: s3_prod2(b),
            "ftp": lambda: ftp_prod2(b),
            "sftp": lambda: sftp_prod2(b),
            "soap": lambda: soap_prod2(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
