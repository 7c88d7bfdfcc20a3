"""Capture the EIGHTH blind holdout: error templates new to the corpus, written without the rules.

The first seven blind holdouts (``blind.*`` to ``blind7.*``) have been seen while the rules were
revised. Every template here (template_id ``blind8.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind8``) is an honest figure again.
It is shaped like the failure table of an ERP/procurement pipeline platform: about a third per
category, and most templates from the everyday families (DuckDB, pandas, HTTP clients, S3,
FTP/SFTP, SOAP, Xledger, Ivalua, Postgres, parsing, pydantic, Python, the workflow engine and its
wrapper exceptions) in wordings the corpus lacks; the rest are other integration failures (mail,
OAuth, e-invoicing, banking APIs, queues).
Each error is raised by the real library installed here, against servers on 127.0.0.1 only; vendor,
cloud and platform wrappers and replies (Xledger GraphQL, Ivalua REST, FTP/SMTP server replies,
SOAP faults, S3/MinIO error bodies, the workflow engine) are modelled on realistic bodies and
phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind8_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind8.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_servers as srv  # noqa: E402
import capture_blind3_holdout as blind3  # noqa: E402
import capture_blind5_holdout as blind5  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
platform, raise_, version = cap.platform, cap.raise_, cap.version
PREFIX = "blind8."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
with_body = blind3.with_body
many, wrapped, gql = blind.many, blind.wrapped, blind5.gql


# =========================================================================== DuckDB


def duckdb_blind8(b: Subset, tmp: Path) -> None:
    src = version("duckdb")

    def run(sql: str, setup: str = "") -> Callable[[], Any]:
        return blind.duckdb_query(sql, setup, config={"autoinstall_known_extensions": False})

    ledger = (
        "create table ledger(id integer, account varchar, amount decimal(12,2), posted date, "
        "currency varchar, supplier integer);insert into ledger values "
        "(1, '6300', 100, '2024-06-01', 'NOK', 10045), (2, '2400', 250, '2024-06-02', 'EUR', 10046)"
    )
    cases: list[tuple[str, str, str, str | None, Variants]] = [
        (
            "duckdb.catalog.schema_missing",
            "duckdb.catalog",
            WE,
            IDQ,
            [
                ("LOAD :: DuckDB warehouse", run("create table staging.invoices(id integer)")),
                (
                    "LOAD :: DuckDB staging",
                    run("create table raw_ivalua.suppliers as select 1 as id"),
                ),
                ("TRANSFORM :: SQL ledger", run("create view mart.ledger_v as select 1 as id")),
            ],
        ),
        (
            "duckdb.binder.limit_negative",
            "duckdb.binder",
            WE,
            IDQ,
            [
                ("TRANSFORM :: SQL sample", run("select * from ledger limit -1", ledger)),
                (
                    "EXTRACT :: Xledger invoices",
                    run("select * from ledger limit 100 offset -100", ledger),
                ),
                ("TRANSFORM :: SQL", run("select * from ledger limit -50", ledger)),
            ],
        ),
        (
            "duckdb.binder.collation_missing",
            "duckdb.binder",
            WE,
            IDQ,
            [
                (
                    "TRANSFORM :: SQL suppliers",
                    run("select * from ledger order by account collate nordic", ledger),
                ),
                (
                    "TRANSFORM :: SQL report",
                    run("select account collate norwegian from ledger", ledger),
                ),
                (
                    "TRANSFORM :: SQL dedupe",
                    run("select distinct currency collate ci_ai from ledger", ledger),
                ),
            ],
        ),
        (
            "duckdb.invalid_input.ntile_argument",
            "duckdb.invalid_input",
            WE,
            IDQ,
            [
                (
                    "TRANSFORM :: SQL report",
                    run("select ntile(0) over (order by amount) from ledger", ledger),
                ),
                (
                    "TRANSFORM :: SQL sample",
                    run("select ntile(-4) over (order by id) from ledger", ledger),
                ),
                (
                    "TRANSFORM :: SQL suppliers",
                    run(
                        "select ntile(0) over (partition by supplier order by posted) from ledger",
                        ledger,
                    ),
                ),
            ],
        ),
        (
            "duckdb.binder.quantile_out_of_range",
            "duckdb.binder",
            WE,
            IDQ,
            [
                (
                    "TRANSFORM :: SQL report",
                    run("select quantile_cont(amount, 1.5) from ledger", ledger),
                ),
                (
                    "TRANSFORM :: SQL ledger",
                    run("select quantile_disc(amount, 95) from ledger", ledger),
                ),
                (
                    "TRANSFORM :: SQL audit sample",
                    run("select quantile_cont(amount, [0.5, 2]) from ledger", ledger),
                ),
            ],
        ),
        (
            "duckdb.conversion.blob_invalid_utf8",
            "duckdb.conversion",
            IDQ,
            TPS,
            [
                ("EXTRACT :: Ivalua attachments", run("select decode('\\xFF\\xFEInvoice'::blob)")),
                ("READ :: S3 documents", run("select decode('Bod\\xF8'::blob)")),
                ("EXTRACT :: Bank statements", run("select decode('\\xC3\\x28'::blob)")),
            ],
        ),
        (
            "duckdb.invalid_input.delimiter_too_long",
            "duckdb.invalid_input",
            WE,
            IDQ,
            [
                ("READ :: CSV invoices", run("select * from read_csv('inv.csv', delim='|;|;|')")),
                (
                    "READ :: FTP bank statements",
                    run("select * from read_csv('camt.csv', delim='<SEP>')"),
                ),
                (
                    "READ :: S3 suppliers",
                    run("select * from read_csv('sup.csv', sep='\\t\\t\\t\\t\\t')"),
                ),
            ],
        ),
        (
            "duckdb.conversion.epoch_out_of_range",
            "duckdb.conversion",
            IDQ,
            None,
            [
                ("EXTRACT :: REST orders", run("select to_timestamp(253402300800000)")),
                ("EXTRACT :: Ivalua invoices", run("select to_timestamp(1718150400000000)")),
                ("READ :: API payload", run("select to_timestamp(-99999999999999)")),
            ],
        ),
    ]
    Path("inv.csv").write_text("a\n1\n")
    Path("camt.csv").write_text("a\n1\n")
    Path("sup.csv").write_text("a\n1\n")
    for template, family, cat, alt, variants in cases:
        b.add(template, family, cat, variants, source=src, alt=alt)


# =========================================================================== pandas


def pandas_blind8(b: Subset, tmp: Path) -> None:
    import pandas as pd

    src = version("pandas")

    def csv(text: str, **kw: Any) -> Callable[[], object]:
        return lambda: pd.read_csv(io.StringIO(text), sep=";", **kw)

    def frame(cols: dict[str, list[Any]]) -> Callable[[], object]:
        return lambda: pd.DataFrame(cols)

    def utf16(text: str) -> Callable[[], object]:
        def go() -> object:
            Path("export.csv").write_bytes(text.encode())
            return pd.read_csv("export.csv", sep=";", encoding="utf-16")

        return go

    cases: list[tuple[str, str, str, str | None, Variants]] = [
        (
            "pandas.arrays_same_length",
            "pandas.frame",
            IDQ,
            WE,
            [
                (
                    "TRANSFORM :: Python invoices",
                    frame({"invoice_no": ["INV-1", "INV-2"], "amount": [10]}),
                ),
                ("EXTRACT :: REST orders", frame({"order_no": ["PO-1"], "line": [1, 2, 3]})),
                (
                    "TRANSFORM :: Python ledger",
                    frame({"account": ["6300", "2400", "1920"], "amount": [1, 2]}),
                ),
            ],
        ),
        (
            "pandas.read_csv_nrows_negative",
            "pandas.read_csv",
            WE,
            None,
            [
                ("READ :: CSV invoices", csv("a;b\n1;2\n", nrows=-1)),
                ("READ :: FTP bank statements", csv("a;b\n1;2\n", nrows=-100)),
                ("READ :: S3 sample", csv("a;b\n1;2\n", nrows=-5)),
            ],
        ),
        (
            "pandas.read_csv_utf16_no_bom",
            "pandas.read_csv",
            IDQ,
            WE,
            [
                ("READ :: FTP bank statements", utf16("konto;belop\n1920;100\n")),
                ("READ :: CSV invoices", utf16("invoice_no;amount\nINV-1;10\n")),
                ("READ :: S3 suppliers", utf16("id;name\n10045;Acme AS\n")),
            ],
        ),
    ]
    for template, family, cat, alt, variants in cases:
        b.add(template, family, cat, variants, source=src, alt=alt)


# =========================================================================== HTTP


def http_blind8(b: Subset, tmp: Path) -> None:
    import httpx
    import requests
    import urllib3

    hx, rq, u3, py = version("httpx"), version("requests"), version("urllib3"), cap.python_source()
    b.add(
        "httpx.invalid_port",
        "http.client_config",
        WE,
        [
            (
                "EXTRACT :: Ivalua suppliers",
                lambda: httpx.get("http://127.0.0.1:80a/api/v3/suppliers"),
            ),
            (
                "EXTRACT :: REST orders",
                lambda: httpx.get("http://127.0.0.1:${ORDERS_PORT}/api/orders"),
            ),
            (
                "SUBMIT :: Xledger vouchers",
                lambda: httpx.post("https://127.0.0.1:443:443/graphql", json={}),
            ),
        ],
        source=hx,
        code=None,
        alt=IDQ,
    )
    b.add(
        "requests.connect_timeout_zero",
        "http.client_config",
        WE,
        [
            (
                "EXTRACT :: REST orders",
                lambda: requests.get("http://127.0.0.1:9/api/orders", timeout=-5),
            ),
            (
                "EXTRACT :: Currency rates",
                lambda: requests.get("http://127.0.0.1:9/v3/rates", timeout=0),
            ),
            (
                "EXTRACT :: Ivalua invoices",
                lambda: requests.get("http://127.0.0.1:9/api/v3/invoices", timeout=-1),
            ),
        ],
        source=rq,
        code=None,
    )
    b.add(
        "urllib.url_control_characters",
        "http.client_config",
        WE,
        [
            (
                "EXTRACT :: REST orders",
                lambda: urllib.request.urlopen(
                    "http://127.0.0.1:9/api/orders?since=2024-06-12 00:00", timeout=2
                ),
            ),
            (
                "EXTRACT :: Brreg enheter",
                lambda: urllib.request.urlopen(
                    "http://127.0.0.1:9/enhetsregisteret/api/enheter?navn=Acme AS", timeout=2
                ),
            ),
            (
                "EXTRACT :: Currency rates",
                lambda: urllib.request.urlopen(
                    "http://127.0.0.1:9/v3/rates?base=NOK&to=EUR SEK", timeout=2
                ),
            ),
        ],
        source=f"{py} urllib",
        code=None,
        alt=IDQ,
    )
    with srv.http_server() as (base, canned):
        variants: Variants = []
        for i, (act, path, redirects) in enumerate(
            [
                ("EXTRACT :: Ivalua invoices", "/api/v3/invoices", 0),
                ("EXTRACT :: REST orders", "/api/orders", 2),
                ("EXTRACT :: Currency rates", "/v3/rates", 1),
            ]
        ):
            key = canned.put(
                f"rd{i}", 301, "", "text/plain", headers={"Location": f"/r/rd{i}{path}"}
            )

            def go(key: str = key, path: str = path, redirects: int = redirects) -> object:
                pool = urllib3.PoolManager(retries=urllib3.Retry(total=5, redirect=redirects))
                return pool.request("GET", f"{base}/r/{key}{path}")

            variants.append((act, go))
        b.add("urllib3.redirect_limit", "http.redirect", TPS, variants, source=u3, code=301, alt=WE)

        def status_cases(
            prefix: str,
            status: int,
            items: list[tuple[str, str, str]],
            client: str,
            ctype: str = "application/json",
        ) -> Variants:
            out: Variants = []
            for i, (act, path, body) in enumerate(items):
                key = canned.put(f"{prefix}{i}", status, body, ctype)
                url = f"{base}/r/{key}{path}"
                if client == "requests":
                    out.append(
                        (
                            act,
                            lambda url=url: requests.post(
                                url, json={}, timeout=5
                            ).raise_for_status(),
                        )
                    )
                elif client == "httpx":
                    out.append((act, lambda url=url: httpx.post(url, json={}).raise_for_status()))
                else:
                    out.append(
                        (
                            act,
                            lambda url=url: urllib.request.urlopen(
                                urllib.request.Request(url, data=b"{}", method="POST"), timeout=5
                            ),
                        )
                    )
            return out

        hx_wrap = wrapped("{exc} - {exc.response.text}")
        http_cases: list[
            tuple[str, str, str, str | None, int, str, str, list[tuple[str, str, str]]]
        ] = [
            (
                "skatteetaten.mva_validation",
                "tax.api",
                IDQ,
                None,
                400,
                "requests",
                "Skatteetaten MVA-melding API (modelled)",
                [
                    (
                        "SUBMIT :: MVA-melding",
                        "/api/mva/grensesnittstoette/mva-melding/valider",
                        '{"status":"AVVIST","avvik":[{"kode":"VALIDERINGSFEIL_1039","tekst":"Summen av fradragsført inngående mva (post 1) stemmer ikke med grunnlaget for mva-koden 1 i skattemeldingen."}]}',
                    ),
                    (
                        "SUBMIT :: MVA-melding",
                        "/api/mva/grensesnittstoette/mva-melding/valider",
                        '{"status":"AVVIST","avvik":[{"kode":"VALIDERINGSFEIL_0012","tekst":"Skattleggingsperiode 2024-3 er ikke gyldig for termintype TOMAANEDERS."}]}',
                    ),
                    (
                        "SUBMIT :: MVA-melding",
                        "/api/mva/grensesnittstoette/mva-melding/valider",
                        '{"status":"AVVIST","avvik":[{"kode":"VALIDERINGSFEIL_2201","tekst":"Mva-kode 81 krever at grunnlag er oppgitt."}]}',
                    ),
                ],
            ),
            (
                "norgesbank.rates_no_data",
                "fx.api",
                TPS,
                IDQ,
                404,
                "httpx",
                "Norges Bank SDMX API body (modelled)",
                [
                    (
                        "EXTRACT :: Currency rates",
                        "/api/data/EXR/B.EUR.NOK.SP",
                        '<?xml version="1.0" encoding="utf-8"?><message:Error xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"><common:ErrorMessage xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common" code="100"><common:Text>No Results Found</common:Text></common:ErrorMessage></message:Error>',
                    ),
                    (
                        "EXTRACT :: Currency rates",
                        "/api/data/EXR/B.SEK.NOK.SP",
                        '<?xml version="1.0" encoding="utf-8"?><message:Error xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"><common:ErrorMessage xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common" code="100"><common:Text>No Results Found</common:Text></common:ErrorMessage></message:Error>',
                    ),
                    (
                        "TRANSFORM :: Python FX revaluation",
                        "/api/data/EXR/B.USD.NOK.SP",
                        '<?xml version="1.0" encoding="utf-8"?><message:Error xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"><common:ErrorMessage xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common" code="100"><common:Text>No Results Found</common:Text></common:ErrorMessage></message:Error>',
                    ),
                ],
            ),
            (
                "unit4.rest_internal_error",
                "erp.api",
                TPS,
                None,
                500,
                "requests",
                "Unit4 ERP REST body (modelled)",
                [
                    (
                        "SUBMIT :: Unit4 vouchers",
                        "/v1/financial-transaction-batch",
                        '{"message":"An unexpected error occurred. Reference: 7f3c2a91-d0e4-4b7a-9c1e-2f6a8b4d3e10","errorCode":"U4ERP-0001"}',
                    ),
                    (
                        "EXTRACT :: Unit4 suppliers",
                        "/v1/suppliers?companyId=EN",
                        '{"message":"An unexpected error occurred. Reference: 0b9d8e7f-6a5c-4d3e-8f2a-1c0b9a8d7e6f","errorCode":"U4ERP-0001"}',
                    ),
                    (
                        "EXTRACT :: Unit4 open items",
                        "/v1/supplier-transactions?companyId=EN",
                        '{"message":"An unexpected error occurred. Reference: 3e2d1c0b-9a8f-4e7d-a6c5-b4a3f2e1d0c9","errorCode":"U4ERP-0001"}',
                    ),
                ],
            ),
            (
                "hubspot.secondly_limit",
                "crm.api",
                TPS,
                None,
                429,
                "httpx",
                "HubSpot API body (modelled)",
                [
                    (
                        "EXTRACT :: HubSpot companies",
                        "/crm/v3/objects/companies",
                        '{"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT","correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"SECONDLY"}',
                    ),
                    (
                        "EXPORT :: HubSpot deals",
                        "/crm/v3/objects/deals/batch/update",
                        '{"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT","correlationId":"5d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a","policyName":"SECONDLY"}',
                    ),
                    (
                        "EXTRACT :: HubSpot contacts",
                        "/crm/v3/objects/contacts",
                        '{"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","correlationId":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","policyName":"TEN_SECONDLY_ROLLING"}',
                    ),
                ],
            ),
            (
                "vipps.token_invalid",
                "payments.api",
                TPS,
                WE,
                401,
                "urllib",
                "Vipps MobilePay API body (modelled)",
                [
                    (
                        "EXTRACT :: Vipps settlements",
                        "/settlement/v1/reports",
                        '{"type":"https://developer.vippsmobilepay.com/docs/APIs/","title":"Unauthorized","status":401,"detail":"Invalid subscription key provided. Make sure to provide a valid key for an active subscription."}',
                    ),
                    (
                        "EXTRACT :: Vipps payments",
                        "/epayment/v1/payments/acme-0612-001",
                        '{"type":"https://developer.vippsmobilepay.com/docs/APIs/","title":"Unauthorized","status":401,"detail":"Access token is missing or invalid (expired)."}',
                    ),
                    (
                        "EXTRACT :: Vipps ledgers",
                        "/report/v2/ledgers",
                        '{"type":"https://developer.vippsmobilepay.com/docs/APIs/","title":"Unauthorized","status":401,"detail":"Invalid subscription key provided. Make sure to provide a valid key for an active subscription."}',
                    ),
                ],
            ),
            (
                "nets.avtalegiro_mandate_missing",
                "bank.api",
                IDQ,
                None,
                422,
                "requests",
                "Nets/Mastercard Payment Services API body (modelled)",
                [
                    (
                        "SUBMIT :: AvtaleGiro claims",
                        "/avtalegiro/v1/claims",
                        '{"errorCode":"AG-1203","errorMessage":"No active AvtaleGiro mandate for KID 004466022700123 (payer account 15032012346)."}',
                    ),
                    (
                        "SUBMIT :: AvtaleGiro claims",
                        "/avtalegiro/v1/claims",
                        '{"errorCode":"AG-1203","errorMessage":"No active AvtaleGiro mandate for KID 104560000000045 (payer account 86011117947)."}',
                    ),
                    (
                        "SUBMIT :: OCR giro claims",
                        "/avtalegiro/v1/claims",
                        '{"errorCode":"AG-1207","errorMessage":"Amount 12500.00 exceeds the payer\'s mandate limit of 10000.00 for KID 004466022700123."}',
                    ),
                ],
            ),
            (
                "stripe.rate_limited",
                "payments.api",
                TPS,
                None,
                429,
                "requests",
                "Stripe API body (modelled)",
                [
                    (
                        "EXTRACT :: Stripe payouts",
                        "/v1/payouts?limit=100",
                        '{"error":{"code":"rate_limit","message":"Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.","type":"invalid_request_error"}}',
                    ),
                    (
                        "EXTRACT :: Stripe balance transactions",
                        "/v1/balance_transactions?limit=100",
                        '{"error":{"code":"rate_limit","message":"Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.","type":"invalid_request_error"}}',
                    ),
                    (
                        "EXTRACT :: Stripe invoices",
                        "/v1/invoices?status=paid",
                        '{"error":{"code":"lock_timeout","message":"This object cannot be accessed right now because another API request or Stripe process is currently accessing it.","type":"invalid_request_error"}}',
                    ),
                ],
            ),
            (
                "servicenow.instance_hibernating",
                "itsm.api",
                TPS,
                None,
                503,
                "httpx",
                "ServiceNow instance page (modelled)",
                [
                    (
                        "NOTIFY :: ServiceNow incident",
                        "/api/now/table/incident",
                        "<html><head><title>Instance Hibernating page</title></head><body>Your instance is hibernating. Please log in to the developer portal to wake it up.</body></html>",
                    ),
                    (
                        "EXTRACT :: ServiceNow requests",
                        "/api/now/table/sc_request",
                        "<html><head><title>Instance Hibernating page</title></head><body>Your instance is hibernating. Please log in to the developer portal to wake it up.</body></html>",
                    ),
                    (
                        "NOTIFY :: ServiceNow incident",
                        "/api/now/table/incident",
                        "<html><head><title>Instance Hibernating page</title></head><body>Your instance is hibernating. Please log in to the developer portal to wake it up.</body></html>",
                    ),
                ],
            ),
            (
                "bring.api_quota",
                "logistics.api",
                TPS,
                None,
                429,
                "urllib",
                "Mybring API body (modelled)",
                [
                    (
                        "EXTRACT :: Bring shipments",
                        "/tracking/api/v2/tracking.json?q=70438101234567890",
                        '{"consignmentSet":[{"error":{"code":"API_QUOTA","message":"Daily quota of 5000 requests exceeded for Mybring-API-Uid etl@acme.no"}}]}',
                    ),
                    (
                        "EXTRACT :: Bring invoices",
                        "/invoicearchive/api/invoices/44660227.json",
                        '{"consignmentSet":[{"error":{"code":"API_QUOTA","message":"Daily quota of 5000 requests exceeded for Mybring-API-Uid etl@acme.no"}}]}',
                    ),
                    (
                        "EXTRACT :: Bring shipments",
                        "/tracking/api/v2/tracking.json?q=TESTPACKAGE-AT-PICKUPPOINT",
                        '{"consignmentSet":[{"error":{"code":"API_QUOTA","message":"Daily quota of 20000 requests exceeded for Mybring-API-Uid integrations@acme.no"}}]}',
                    ),
                ],
            ),
            (
                "maskinporten.server_error",
                "oauth",
                TPS,
                None,
                500,
                "requests",
                "Maskinporten token endpoint body (modelled)",
                [
                    (
                        "SUBMIT :: MVA-melding",
                        "/token",
                        '{"error":"server_error","error_description":"An unexpected error occurred. (correlation id: 7b1d6f0e-2c3a-4e59-9f1a-0d2b3c4e5f60)"}',
                    ),
                    (
                        "EXTRACT :: Altinn reportees",
                        "/token",
                        '{"error":"server_error","error_description":"An unexpected error occurred. (correlation id: 0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d)"}',
                    ),
                    (
                        "SUBMIT :: A-melding",
                        "/token",
                        '{"error":"temporarily_unavailable","error_description":"Maskinporten is temporarily unavailable, please try again later."}',
                    ),
                ],
            ),
            (
                "pagero.service_unavailable",
                "einvoice.api",
                TPS,
                None,
                503,
                "requests",
                "Pagero Online API body (modelled)",
                [
                    (
                        "SUBMIT :: Pagero invoices",
                        "/api/v1/documents",
                        '{"errorCode":"SERVICE_UNAVAILABLE","message":"Pagero Online is temporarily unavailable. Correlation-Id: 4f3e2d1c-0b9a-4877-a665-544332211000"}',
                    ),
                    (
                        "EXTRACT :: Pagero inbound invoices",
                        "/api/v1/documents?direction=inbound",
                        '{"errorCode":"SERVICE_UNAVAILABLE","message":"Pagero Online is temporarily unavailable. Correlation-Id: 9a8b7c6d-5e4f-4321-8765-0fedcba98765"}',
                    ),
                    (
                        "SUBMIT :: Pagero credit notes",
                        "/api/v1/documents",
                        '{"errorCode":"SERVICE_UNAVAILABLE","message":"Pagero Online is temporarily unavailable. Correlation-Id: 11223344-5566-4778-8899-aabbccddeeff"}',
                    ),
                ],
            ),
        ]
        for template, family, cat, alt, status, client, source, items in http_cases:
            wrap, message = {
                "requests": ("HTTPError", with_body),
                "httpx": ("HTTPStatusError", hx_wrap),
                "urllib": ("HTTPError", blind5.urllib_with_body),
            }[client]
            b.add(
                template,
                family,
                cat,
                status_cases(template.replace(".", "_"), status, items, client),
                source=f"{ {'requests': rq, 'httpx': hx, 'urllib': py + ' urllib'}[client] } + {source}",
                code=status,
                alt=alt,
                wrap=wrap,
                wrap_message=message,
            )


# =========================================================================== S3


def s3_blind8(b: Subset) -> None:
    import boto3
    import botocore.config

    blind3.aws_env()
    src = version("botocore")
    s3_src = f"{src} + S3/MinIO error body (modelled)"
    cfg = botocore.config.Config(
        retries={"max_attempts": 1, "mode": "standard"}, read_timeout=0.5, connect_timeout=0.5
    )
    body = b"id;amount\n1;2\n"
    with srv.http_server() as (base, canned):
        s3 = boto3.client("s3", endpoint_url=base, region_name="eu-north-1", config=cfg)

        def err(
            bucket: str, status: int, code: str, message: str, op: Callable[[str], object]
        ) -> Callable[[], object]:
            def go() -> object:
                canned.put(
                    bucket,
                    status,
                    blind.S3_ERROR.format(code=code, message=message),
                    "application/xml",
                )
                return op(bucket)

            return go

        def put(key: str, **kw: Any) -> Callable[[str], object]:
            return lambda bk: s3.put_object(Bucket=bk, Key=key, Body=body, **kw)

        def copy(key: str) -> Callable[[str], object]:
            return lambda bk: s3.copy_object(
                Bucket=bk, Key=key, CopySource={"Bucket": bk, "Key": key}
            )

        def delete(keys: list[str]) -> Callable[[str], object]:
            return lambda bk: s3.delete_objects(
                Bucket=bk, Delete={"Objects": [{"Key": k} for k in keys]}
            )

        cases = [
            (
                "s3.copy_to_itself",
                WE,
                None,
                400,
                "InvalidRequest",
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
                [
                    ("LOAD :: S3 archive", "ap-archive-b8", copy("scans/0612.zip")),
                    ("TRANSFORM :: S3 rename", "lake-raw-b8", copy("in/invoices_0612.csv")),
                    ("EXPORT :: S3 attachments", "docs-store-b8", copy("tenant/44660227/inv.xml")),
                ],
            ),
            (
                "s3.malformed_xml_delete",
                WE,
                None,
                400,
                "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema.",
                [
                    ("CLEANUP :: S3 staging", "dw-staging-b8", delete(["tmp/a.csv", "tmp/b.csv"])),
                    ("CLEANUP :: S3 archive", "ap-archive-b9", delete(["2019/x.zip"])),
                    ("LOAD :: S3 upload", "dw-exports-b8", delete(["ledger/old.csv"])),
                ],
            ),
            (
                "s3.object_locked_worm",
                TPS,
                WE,
                403,
                "AccessDenied",
                "Object is WORM protected and cannot be overwritten",
                [
                    ("LOAD :: S3 upload", "dw-exports-b9", put("ledger/2024-06.csv")),
                    ("WRITE :: S3 documents", "docs-store-b9", put("tenant/44660227/inv.xml")),
                    ("EXPORT :: S3 attachments", "ap-archive-b10", put("scans/0612.zip")),
                ],
            ),
        ]
        for template, cat, alt, status, code, message, ops in cases:
            b.add(
                template,
                "s3.client_error",
                cat,
                [(act, err(bk, status, code, message, op)) for act, bk, op in ops],
                source=s3_src,
                code=status,
                alt=alt,
            )


# =========================================================================== FTP, SFTP and SOAP


def ftp_blind8(b: Subset) -> None:
    import ftplib

    src = f"{cap.python_source()} ftplib + FTP server replies (modelled on vsftpd/ProFTPD/FileZilla Server)"
    fz = "220-FileZilla Server 1.8.1\r\n220 Please visit https://filezilla-project.org/"
    pro = "220 ProFTPD Server (Partner FTP) [::ffff:10.1.2.3]"
    vs = "220 (vsFTPd 3.0.5)"

    def scripted(
        act: str, special: dict[str, str], action: Callable[[ftplib.FTP], object], banner: str = vs
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

    def retr(name: str) -> Callable[[ftplib.FTP], object]:
        return lambda ftp: ftp.retrbinary(f"RETR {name}", lambda _: None)

    nothing: Callable[[ftplib.FTP], object] = lambda ftp: None  # noqa: E731
    cases = [
        (
            "ftp.vsftpd_oops",
            TPS,
            None,
            [
                scripted(
                    "READ :: FTP invoices",
                    {
                        "PASS": "500 OOPS: vsftpd: refusing to run with writable root inside chroot()"
                    },
                    nothing,
                ),
                scripted(
                    "WRITE :: FTP remittance",
                    {"PASS": "500 OOPS: cannot change directory:/home/remit_out"},
                    nothing,
                ),
                scripted(
                    "READ :: FTP bank statements", {"PASS": "500 OOPS: priv_sock_get_cmd"}, nothing
                ),
            ],
        ),
        (
            "ftp.pasv_security_bad_ip",
            TPS,
            WE,
            [
                scripted(
                    "READ :: FTP invoices",
                    {"RETR": "425 Security: Bad IP connecting."},
                    retr("in/invoices_0612.csv"),
                ),
                scripted(
                    "READ :: FTP bank statements",
                    {"RETR": "425 Security: Bad IP connecting."},
                    retr("camt053_0612.xml"),
                ),
                scripted(
                    "READ :: FTP orders",
                    {"RETR": "425 Security: Bad IP connecting."},
                    retr("orders/0612.csv"),
                ),
            ],
        ),
        (
            "ftp.tls_required_control",
            WE,
            TPS,
            [
                scripted(
                    "READ :: FTP invoices",
                    {
                        "USER": "550 This server does not allow plain FTP. You have to use FTP over TLS."
                    },
                    nothing,
                    fz,
                ),
                scripted(
                    "WRITE :: FTP remittance",
                    {"USER": "521 This server requires an encrypted connection"},
                    nothing,
                    fz,
                ),
                scripted(
                    "READ :: FTP bank statements",
                    {"USER": "550 TLS required for this user"},
                    nothing,
                    pro,
                ),
            ],
        ),
    ]
    for template, cat, alt, variants in cases:
        b.add(
            template,
            "ftp.error_perm"
            if "425" not in template and template != "ftp.pasv_security_bad_ip"
            else "ftp.error_temp",
            cat,
            variants,
            source=src,
            code=None,
            alt=alt,
        )


def soap_blind8(b: Subset) -> None:
    src = version("zeep")
    acts = [
        "SUBMIT :: SOAP invoices",
        "SUBMIT :: Agresso SOAP vouchers",
        "EXTRACT :: SOAP supplier register",
    ]
    with srv.http_server() as (base, canned):
        faults: blind.SoapFaults = [
            (
                "soap.fault_string_truncated",
                "soap:Server",
                IDQ,
                TPS,
                [
                    "String or binary data would be truncated in table 'AgrProd.dbo.acrtrans', column 'description'. Truncated value: 'Faktura 2024-0612 Acme AS – konsulent'.",
                    "String or binary data would be truncated in table 'AgrProd.dbo.asuheader', column 'ext_inv_ref'. Truncated value: 'INV-2024-000061'.",
                    "String or binary data would be truncated in table 'SupplierReg.dbo.Supplier', column 'Name'. Truncated value: 'Nordisk Transport og Logistikk A'.",
                ],
            ),
            (
                "soap.fault_request_length",
                "soap:Server",
                WE,
                TPS,
                [
                    "Maximum request length exceeded.",
                    "System.Web.HttpException: Maximum request length exceeded.",
                    "Maximum request length exceeded.",
                ],
            ),
            (
                "soap.fault_ef_inner_exception",
                "soap:Server",
                TPS,
                None,
                [
                    "An error occurred while updating the entries. See the inner exception for details.",
                    "An error occurred while saving the entity changes. See the inner exception for details.",
                    "An error occurred while updating the entries. See the inner exception for details.",
                ],
            ),
            (
                "soap.fault_wcf_reply_timeout",
                "soap:Server",
                TPS,
                None,
                [
                    "The request channel timed out while waiting for a reply after 00:00:59.9843750. Increase the timeout value passed to the call to Request or increase the SendTimeout value on the Binding.",
                    "The request channel timed out while waiting for a reply after 00:01:59.9687500. Increase the timeout value passed to the call to Request or increase the SendTimeout value on the Binding.",
                    "The request channel timed out while waiting for a reply after 00:00:30. Increase the timeout value passed to the call to Request or increase the SendTimeout value on the Binding.",
                ],
            ),
        ]
        blind.add_soap_faults(
            b,
            base,
            canned,
            acts,
            faults,
            source=f"{src} + SOAP fault bodies (modelled)",
            invoice_prefix="B8",
        )


# =========================================================================== vendors (modelled)


def vendor_blind8(b: Subset) -> None:
    xl = "httpx 0.28.1 + Xledger GraphQL body (modelled)"
    xacts = [
        "EXTRACT :: Xledger invoices",
        "SUBMIT :: Xledger vouchers",
        "EXTRACT :: Xledger suppliers",
    ]
    xledger = [
        (
            "xledger.graphql.project_unknown",
            IDQ,
            None,
            [
                gql(
                    "Project 'P-2291' does not exist in entity 44660227.",
                    "BAD_USER_INPUT",
                    "addApTransactions",
                ),
                gql(
                    "Project 'INTERN-07' does not exist in entity 44660227.",
                    "BAD_USER_INPUT",
                    "addGLImportItems",
                ),
                gql(
                    "Project '4410' does not exist in entity 12093311.",
                    "BAD_USER_INPUT",
                    "addApTransactions",
                ),
            ],
        ),
        (
            "xledger.graphql.amount_zero",
            IDQ,
            None,
            [
                gql("Line 3: amount must not be zero.", "BAD_USER_INPUT", "addApTransactions"),
                gql("Line 12: amount must not be zero.", "BAD_USER_INPUT", "addGLImportItems"),
                gql("Line 1: amount must not be zero.", "BAD_USER_INPUT", "addApTransactions"),
            ],
        ),
        (
            "xledger.graphql.account_not_in_chart",
            IDQ,
            WE,
            [
                gql(
                    "GL account 9999 is not in the chart of accounts of entity 44660227.",
                    "BAD_USER_INPUT",
                    "addGLImportItems",
                ),
                gql(
                    "GL account 4301 is not in the chart of accounts of entity 44660227.",
                    "BAD_USER_INPUT",
                    "addApTransactions",
                ),
                gql(
                    "GL account 7790 is not in the chart of accounts of entity 12093311.",
                    "BAD_USER_INPUT",
                    "addGLImportItems",
                ),
            ],
        ),
        (
            "xledger.graphql.period_not_opened",
            IDQ,
            TPS,
            [
                gql(
                    "Posting date 2024-07-01 falls in period 2024-07, which has not been opened yet.",
                    "BAD_USER_INPUT",
                    "addApTransactions",
                ),
                gql(
                    "Posting date 2025-01-02 falls in period 2025-01, which has not been opened yet.",
                    "BAD_USER_INPUT",
                    "addGLImportItems",
                ),
                gql(
                    "Posting date 2024-08-15 falls in period 2024-08, which has not been opened yet.",
                    "BAD_USER_INPUT",
                    "addApTransactions",
                ),
            ],
        ),
    ]
    for template, cat, alt, msgs in xledger:
        b.add(
            template,
            "xledger.graphql",
            cat,
            many("GraphQLException", list(zip(xacts, msgs, strict=True))),
            source=xl,
            alt=alt,
        )
    iv = "Ivalua API (modelled)"
    ivalua = [
        (
            "ivalua.api_mandatory_field",
            IDQ,
            None,
            400,
            [
                (
                    "EXPORT :: Ivalua suppliers",
                    "Field 'sup_vat_number' is mandatory for suppliers of country 'NO' (supplier 10045).",
                ),
                (
                    "SUBMIT :: Ivalua invoices",
                    "Field 'inv_order_ref' is mandatory for invoice type 'PO_INVOICE' (invoice INV-2024-0612).",
                ),
                (
                    "EXPORT :: Ivalua contracts",
                    "Field 'ctr_end_date' is mandatory for contract type 'FRAMEWORK' (contract CTR-0042).",
                ),
            ],
        ),
        (
            "ivalua.api_supplier_blocked",
            IDQ,
            None,
            422,
            [
                (
                    "SUBMIT :: Ivalua invoices",
                    "Supplier 'SUP-10045' is blocked for invoicing (status: BLOCKED_COMPLIANCE).",
                ),
                (
                    "EXPORT :: Ivalua orders",
                    "Supplier 'SUP-20311' is blocked for ordering (status: PENDING_QUALIFICATION).",
                ),
                (
                    "SUBMIT :: Ivalua invoices",
                    "Supplier 'SUP-10046' is blocked for invoicing (status: SANCTIONS_HIT).",
                ),
            ],
        ),
        (
            "ivalua.api_batch_limit",
            WE,
            TPS,
            400,
            [
                (
                    "SUBMIT :: Ivalua invoices",
                    "Batch contains 1250 items; the maximum per request is 500.",
                ),
                (
                    "EXPORT :: Ivalua suppliers",
                    "Batch contains 2004 items; the maximum per request is 1000.",
                ),
                (
                    "EXPORT :: Ivalua cost centers",
                    "Batch contains 612 items; the maximum per request is 500.",
                ),
            ],
        ),
        (
            "ivalua.api_environment_refresh",
            TPS,
            None,
            503,
            [
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Environment 'acme-prod' is read-only during a scheduled data refresh (until 06:00 CET).",
                ),
                (
                    "SUBMIT :: Ivalua invoices",
                    "Environment 'acme-prod' is read-only during a scheduled data refresh (until 05:30 CET).",
                ),
                (
                    "EXPORT :: Ivalua orders",
                    "Environment 'acme-preprod' is read-only during a scheduled data refresh (until 07:00 CET).",
                ),
            ],
        ),
        (
            "ivalua.api_unit_not_mapped",
            IDQ,
            WE,
            400,
            [
                (
                    "EXPORT :: Ivalua orders",
                    "Unit of measure 'STK' is not mapped for organisation 'ACME-NO' (order PO-88213, line 2).",
                ),
                (
                    "SUBMIT :: Ivalua invoices",
                    "Unit of measure 'PAK' is not mapped for organisation 'ACME-NO' (invoice INV-2024-0612, line 5).",
                ),
                (
                    "EXPORT :: Ivalua catalog",
                    "Unit of measure 'LTR' is not mapped for organisation 'ACME-SE' (item 40021).",
                ),
            ],
        ),
        (
            "ivalua.api_receipt_over_ordered",
            IDQ,
            None,
            422,
            [
                (
                    "EXPORT :: Ivalua goods receipts",
                    "Order PO-88213 line 2: quantity received (12) exceeds the quantity ordered (10).",
                ),
                (
                    "EXPORT :: Ivalua goods receipts",
                    "Order PO-88240 line 1: quantity received (3.5) exceeds the quantity ordered (3).",
                ),
                (
                    "SUBMIT :: Ivalua invoices",
                    "Order PO-88301 line 4: quantity invoiced (40) exceeds the quantity ordered (25).",
                ),
            ],
        ),
    ]
    for template, cat, alt, code, items in ivalua:
        b.add(
            template,
            "ivalua.api",
            cat,
            many("IvaluaApiException", items),
            source=iv,
            code=code,
            alt=alt,
        )


# =========================================================================== Postgres


def postgres_blind8(b: Subset) -> None:
    import psycopg2

    try:
        cluster = srv.postgres_cluster()
        info = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        b.c.missed.append(f"blind8 Postgres templates skipped: {exc}")
        return
    src = version("psycopg2-binary")
    try:
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(
                "create table ledger(id int generated always as identity, account text, amount numeric(10,2), posted date, note text)"
            )
            cur.execute("create index ix_ledger_note on ledger(note)")
            cur.execute("create table suppliers(id int primary key, account text, name text)")
            cur.execute(
                "create table postings(id int, posted date, amount numeric) partition by range (posted)"
            )
            cur.execute(
                "create table postings_2024 partition of postings for values from ('2024-01-01') to ('2025-01-01')"
            )
            cur.execute("create table docs(id int, body jsonb)")
            cur.execute("create view v_ledger as select * from ledger")
            cur.execute("create view v_suppliers as select * from suppliers")

        def stmt(*sqls: str, params: tuple[Any, ...] | None = None) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**info)
                try:
                    with conn.cursor() as cur:
                        for sql in sqls:
                            cur.execute(sql, params)
                finally:
                    conn.close()

            return go

        big = "".join(f"{i:05d}-{(i * 7919) % 100000:05d}" for i in range(400))
        cases: list[tuple[str, str, str, str | None, Variants]] = [
            (
                "psycopg2.identity_always",
                "postgres.sql",
                WE,
                IDQ,
                [
                    (
                        "LOAD :: Postgres ledger",
                        stmt("insert into ledger(id, account) values (1, '6300')"),
                    ),
                    (
                        "LOAD :: Postgres upsert",
                        stmt("insert into ledger(id, account, amount) values (42, '2400', 10)"),
                    ),
                    (
                        "TRANSFORM :: SQL ledger",
                        stmt("insert into ledger(id, note) values (7, 'x')"),
                    ),
                ],
            ),
            (
                "psycopg2.regex_invalid",
                "postgres.data",
                IDQ,
                WE,
                [
                    ("TRANSFORM :: SQL suppliers", stmt("select 'Acme' ~ 'Acme (AS'")),
                    ("TRANSFORM :: SQL ledger", stmt("select regexp_replace('INV-1', '[0-9', '')")),
                    ("TRANSFORM :: SQL invoices", stmt("select 'x' ~ '*INV'")),
                ],
            ),
            (
                "psycopg2.index_row_size",
                "postgres.data",
                IDQ,
                WE,
                [
                    (
                        "LOAD :: Postgres ledger",
                        stmt(
                            "insert into ledger(account, note) values (%s, %s)",
                            params=("6300", big),
                        ),
                    ),
                    (
                        "LOAD :: Postgres upsert",
                        stmt(
                            "insert into ledger(account, note) values (%s, %s)",
                            params=("2400", big[:6000] + "-2400"),
                        ),
                    ),
                    (
                        "LOAD :: Postgres documents",
                        stmt(
                            "insert into ledger(account, note) values (%s, %s)",
                            params=("1920", big[:7000]),
                        ),
                    ),
                ],
            ),
            (
                "psycopg2.no_partition_for_row",
                "postgres.data",
                IDQ,
                WE,
                [
                    (
                        "LOAD :: Postgres postings",
                        stmt("insert into postings values (1, '2025-01-02', 10)"),
                    ),
                    (
                        "LOAD :: Postgres upsert",
                        stmt("insert into postings values (2, '2023-12-31', 5)"),
                    ),
                    ("LOAD :: Postgres postings", stmt("insert into postings values (3, null, 7)")),
                ],
            ),
            (
                "psycopg2.cannot_cast_type",
                "postgres.sql",
                WE,
                IDQ,
                [
                    ("TRANSFORM :: SQL ledger", stmt("select posted::integer from ledger")),
                    ("TRANSFORM :: SQL report", stmt("select cast(now() as numeric)")),
                    ("LOAD :: Postgres upsert", stmt("select true::date")),
                ],
            ),
            (
                "psycopg2.jsonb_unicode_nul",
                "postgres.data",
                IDQ,
                TPS,
                [
                    (
                        "LOAD :: Postgres documents",
                        stmt(
                            "insert into docs values (1, %s::jsonb)",
                            params=('{"note": "Faktura\\u0000"}',),
                        ),
                    ),
                    (
                        "EXTRACT :: Ivalua invoices",
                        stmt(
                            "insert into docs values (2, %s::jsonb)",
                            params=('{"name": "\\u0000Acme"}',),
                        ),
                    ),
                    (
                        "LOAD :: Postgres upsert",
                        stmt(
                            "insert into docs values (3, %s::jsonb)", params=('["a", "b\\u0000"]',)
                        ),
                    ),
                ],
            ),
            (
                "psycopg2.set_returning_in_where",
                "postgres.sql",
                WE,
                IDQ,
                [
                    (
                        "TRANSFORM :: SQL ledger",
                        stmt("select * from ledger where generate_series(1, 3) > id"),
                    ),
                    (
                        "TRANSFORM :: SQL suppliers",
                        stmt("select * from suppliers where unnest(array['S1', 'S2']) = account"),
                    ),
                    (
                        "TRANSFORM :: SQL report",
                        stmt(
                            "select * from ledger where jsonb_array_elements_text('[1]'::jsonb) = account"
                        ),
                    ),
                ],
            ),
            (
                "psycopg2.drop_dependent_objects",
                "postgres.sql",
                WE,
                None,
                [
                    ("LOAD :: Postgres ledger", stmt("drop table ledger")),
                    (
                        "TRANSFORM :: SQL schema migration",
                        stmt("alter table ledger drop column account"),
                    ),
                    ("LOAD :: Postgres staging", stmt("drop table suppliers")),
                ],
            ),
        ]
        for template, family, cat, alt, variants in cases:
            b.add(template, family, cat, variants, source=src, alt=alt)
        admin.close()
    finally:
        cluster.__exit__(None, None, None)


# =========================================================================== parsing, pydantic


def parsing_blind8(b: Subset, tmp: Path) -> None:
    import binascii

    import pydantic
    from lxml import etree

    py, pd_src, lx = cap.python_source(), version("pydantic"), version("lxml")

    def xml(doc: str) -> Callable[[], object]:
        return lambda: etree.fromstring(doc.encode())

    b.add(
        "lxml.namespace_prefix_undefined",
        "parsing.xml",
        IDQ,
        [
            (
                "EXTRACT :: EHF invoices",
                xml(
                    '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID>INV-1</cbc:ID></Invoice>'
                ),
            ),
            ("READ :: FTP bank statements", xml("<Document><camt:BkToCstmrStmt/></Document>")),
            ("SUBMIT :: Peppol invoices", xml("<Invoice><cac:AccountingSupplierParty/></Invoice>")),
        ],
        source=lx,
        alt=TPS,
    )
    b.add(
        "lxml.extra_content_after_root",
        "parsing.xml",
        IDQ,
        [
            (
                "EXTRACT :: EHF invoices",
                xml("<Invoice><ID>1</ID></Invoice><Invoice><ID>2</ID></Invoice>"),
            ),
            ("READ :: FTP bank statements", xml("<Document/>\n<Document/>")),
            ("EXTRACT :: SOAP supplier register", xml("<Supplier/>garbage")),
        ],
        source=lx,
        alt=TPS,
    )
    b.add(
        "binascii.non_hex_digit",
        "parsing.encoding",
        IDQ,
        [
            (
                "EXTRACT :: Ivalua attachments",
                lambda: binascii.unhexlify("4a564245526930784c6a51gg"),
            ),
            ("READ :: Bank payment file", lambda: binascii.a2b_hex("48656c6c6fzz")),
            ("EXTRACT :: Webhook signature", lambda: binascii.unhexlify("sha256=9f2c41d0ab0")),
        ],
        source=f"{py} binascii",
        alt=TPS,
    )

    class Settings(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(frozen=True)
        tenant: str
        batch_size: int = 500

    def frozen(field: str, value: Any) -> Callable[[], object]:
        def go() -> object:
            s = Settings(tenant="44660227")
            setattr(s, field, value)
            return s

        return go

    b.add(
        "pydantic.frozen_instance",
        "pydantic.validation",
        WE,
        [
            ("EXTRACT :: Xledger invoices", frozen("batch_size", 1000)),
            ("SUBMIT :: Ivalua invoices", frozen("tenant", "12093311")),
            ("EXPORT :: Ivalua suppliers", frozen("batch_size", 250)),
        ],
        source=pd_src,
    )


# =========================================================================== Python (platform code)


def python_blind8(b: Subset, tmp: Path) -> None:
    import os

    py = cap.python_source()

    def join(items: list[Any]) -> Callable[[], object]:
        return lambda: ";".join(items)

    def fmt(value: Any, spec: str) -> Callable[[], object]:
        return lambda: format(value, spec)

    def unpack_none(value: Any) -> Callable[[], object]:
        def go() -> object:
            a, c = value
            return a, c

        return go

    def length(value: Any) -> Callable[[], object]:
        return lambda: len(value)

    def index(value: Any, key: str) -> Callable[[], object]:
        return lambda: value[key]

    def path(value: Any) -> Callable[[], object]:
        return lambda: os.path.join("/data/in", value)

    def largest(values: list[Any]) -> Callable[[], object]:
        return lambda: max(values)

    def ratio(a: float, c: float) -> Callable[[], object]:
        return lambda: a / c

    cases: list[tuple[str, str, str, str | None, Variants]] = [
        (
            "python.join_none_item",
            "python.type",
            WE,
            IDQ,
            [
                ("EXPORT :: CSV to SFTP", join(["10045", "Acme AS", None])),
                ("EXPORT :: Bank payment file", join(["NO9386011117947", None, "1204.50"])),
                ("NOTIFY :: Email report", join([None])),
            ],
        ),
        (
            "python.invalid_format_specifier",
            "python.value",
            WE,
            None,
            [
                ("EXPORT :: CSV to FTP", fmt(1204.5, ",.2fx")),
                ("EXPORT :: Bank payment file", fmt(1204.5, "012,.2f kr")),
                ("NOTIFY :: Email report", fmt(17, ".1%%")),
            ],
        ),
        (
            "python.unpack_none",
            "python.type",
            WE,
            TPS,
            [
                ("EXTRACT :: Xledger invoices", unpack_none(None)),
                ("EXTRACT :: Ivalua suppliers", unpack_none(None)),
                ("READ :: S3 config", unpack_none(None)),
            ],
        ),
        (
            "python.len_of_none",
            "python.type",
            WE,
            None,
            [
                ("EXTRACT :: REST orders", length(None)),
                ("TRANSFORM :: Python invoices", length(None)),
                ("EXTRACT :: Ivalua invoices", length(10045)),
            ],
        ),
        (
            "python.list_indices_str",
            "python.type",
            WE,
            TPS,
            [
                ("EXTRACT :: REST orders", index([{"order_no": "PO-1"}], "data")),
                ("EXTRACT :: Ivalua suppliers", index([{"sup_code": "SUP-1"}], "items")),
                ("EXTRACT :: Currency rates", index([11.52], "rate")),
            ],
        ),
        (
            "python.path_none",
            "python.config",
            WE,
            None,
            [
                ("READ :: FTP invoices", path(None)),
                ("EXPORT :: CSV to SFTP", path(None)),
                ("READ :: S3 config", path(10045)),
            ],
        ),
        (
            "python.max_empty_sequence",
            "python.value",
            IDQ,
            WE,
            [
                ("TRANSFORM :: Python incremental", largest([])),
                ("EXTRACT :: Xledger invoices", largest([])),
                ("READ :: FTP bank statements", largest([])),
            ],
        ),
        (
            "python.float_division_zero",
            "python.value",
            IDQ,
            WE,
            [
                ("TRANSFORM :: Python unit prices", ratio(1204.5, 0.0)),
                ("TRANSFORM :: Python FX revaluation", ratio(100.0, 0.0)),
                ("TRANSFORM :: Python budget", ratio(0.5, 0.0)),
            ],
        ),
    ]
    for template, family, cat, alt, variants in cases:
        b.add(template, family, cat, variants, source=py, alt=alt)


# =========================================================================== workflow engine (modelled)


def engine_blind8(b: Subset) -> None:
    import requests

    cases = [
        (
            "engine.dag_cycle",
            "workflow.dag",
            WE,
            IDQ,
            "DagValidationError",
            [
                (
                    "TRANSFORM :: SQL ledger",
                    "Cycle detected in workflow 'gl-ledger': TRANSFORM :: SQL ledger -> LOAD :: DuckDB warehouse -> TRANSFORM :: SQL ledger",
                ),
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Cycle detected in workflow 'supplier-sync': EXTRACT :: Ivalua suppliers -> EXPORT :: Xledger suppliers -> EXTRACT :: Ivalua suppliers",
                ),
                (
                    "EXPORT :: CSV to SFTP",
                    "Cycle detected in workflow 'remittance': TRANSFORM :: SQL remit -> EXPORT :: CSV to SFTP -> TRANSFORM :: SQL remit",
                ),
            ],
        ),
        (
            "engine.activity_deadline_exceeded",
            "workflow.timeout",
            WE,
            TPS,
            "ActivityTimeoutError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "Activity exceeded its deadline of 1800 s (started 02:00:04, cancelled 02:30:04).",
                ),
                (
                    "TRANSFORM :: SQL ledger",
                    "Activity exceeded its deadline of 900 s (started 03:15:00, cancelled 03:30:00).",
                ),
                (
                    "EXTRACT :: Ivalua invoices",
                    "Activity exceeded its deadline of 3600 s (started 01:00:12, cancelled 02:00:12).",
                ),
            ],
        ),
        (
            "engine.vault_path_missing",
            "workflow.config",
            WE,
            None,
            "SecretResolutionError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "Connection 'xledger-prod': key 'api_token' not found in vault path 'kv/etl/prod/xledger'.",
                ),
                (
                    "WRITE :: SFTP remittance",
                    "Connection 'dnb-sftp': key 'private_key' not found in vault path 'kv/etl/prod/dnb'.",
                ),
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Connection 'ivalua-prod': key 'client_secret' not found in vault path 'kv/etl/prod/ivalua'.",
                ),
            ],
        ),
        (
            "engine.artifact_missing",
            "workflow.storage",
            WE,
            None,
            "ArtifactNotFoundError",
            [
                (
                    "LOAD :: DuckDB warehouse",
                    "Artifact 'ledger_20240612.parquet' from upstream activity 'TRANSFORM :: SQL ledger' (run 88213) not found in the run store.",
                ),
                (
                    "EXPORT :: CSV to SFTP",
                    "Artifact 'remit_20240612.csv' from upstream activity 'TRANSFORM :: SQL remit' (run 88240) not found in the run store.",
                ),
                (
                    "SUBMIT :: Xledger vouchers",
                    "Artifact 'vouchers.jsonl' from upstream activity 'TRANSFORM :: Python vouchers' (run 88301) not found in the run store.",
                ),
            ],
        ),
        (
            "engine.concurrency_slot_wait",
            "workflow.scheduler",
            WE,
            None,
            "SchedulingTimeoutError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "No free slot in pool 'xledger' (4/4 in use) within 600 s; activity not started.",
                ),
                (
                    "TRANSFORM :: SQL ledger",
                    "No free slot in pool 'duckdb-large' (2/2 in use) within 1200 s; activity not started.",
                ),
                (
                    "EXTRACT :: Ivalua suppliers",
                    "No free slot in pool 'ivalua' (3/3 in use) within 600 s; activity not started.",
                ),
            ],
        ),
        (
            "engine.image_pull_failed",
            "workflow.worker",
            WE,
            None,
            "ExecutorStartError",
            [
                (
                    "TRANSFORM :: Python invoices",
                    "Could not start executor: image 'registry.internal/etl-runtime:2024.06.2' could not be pulled: manifest unknown.",
                ),
                (
                    "EXTRACT :: Ivalua suppliers",
                    "Could not start executor: image 'registry.internal/etl-runtime:2024.06.3' could not be pulled: manifest unknown.",
                ),
                (
                    "TRANSFORM :: SQL ledger",
                    "Could not start executor: image 'registry.internal/etl-duckdb:1.4.0' could not be pulled: unauthorized: authentication required.",
                ),
            ],
        ),
        (
            "engine.result_size_exceeded",
            "workflow.storage",
            WE,
            IDQ,
            "ResultTooLargeError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "Activity result of 212.4 MiB exceeds the maximum result size of 64 MiB; write large outputs to the artifact store.",
                ),
                (
                    "TRANSFORM :: Python ledger",
                    "Activity result of 96.0 MiB exceeds the maximum result size of 64 MiB; write large outputs to the artifact store.",
                ),
                (
                    "EXTRACT :: Ivalua invoices",
                    "Activity result of 1.2 GiB exceeds the maximum result size of 64 MiB; write large outputs to the artifact store.",
                ),
            ],
        ),
        (
            "engine.definition_changed_while_queued",
            "workflow.scheduler",
            WE,
            None,
            "RunInvalidatedError",
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "Run 88213 was cancelled: workflow 'ap-invoices' was redeployed (version 41 -> 42) while the run was queued.",
                ),
                (
                    "TRANSFORM :: SQL ledger",
                    "Run 88190 was cancelled: workflow 'gl-ledger' was redeployed (version 17 -> 18) while the run was queued.",
                ),
                (
                    "EXPORT :: CSV to SFTP",
                    "Run 88240 was cancelled: workflow 'remittance' was redeployed (version 9 -> 10) while the run was queued.",
                ),
            ],
        ),
        (
            "engine.file_sensor_timeout",
            "workflow.sensor",
            TPS,
            IDQ,
            "SensorTimeoutError",
            [
                (
                    "READ :: SFTP bank statements",
                    "Waited 7200 s for a file matching 'camt053_20240612*.xml' on connection 'dnb-sftp'; none arrived.",
                ),
                (
                    "READ :: FTP invoices",
                    "Waited 3600 s for a file matching 'in/invoices_0612*.csv' on connection 'partner-ftp'; none arrived.",
                ),
                (
                    "READ :: S3 orders",
                    "Waited 1800 s for a file matching 's3://lake-raw/orders/2024-06-12/*.json' on connection 'aws-lake'; none arrived.",
                ),
            ],
        ),
        (
            "engine.row_count_drop",
            "workflow.quality",
            IDQ,
            WE,
            "DataQualityError",
            [
                (
                    "TRANSFORM :: SQL ledger",
                    "Row count check failed for 'ledger_clean': 18204 rows in, 9877 rows out (-45.7%, allowed -10%).",
                ),
                (
                    "EXTRACT :: Xledger invoices",
                    "Row count check failed for 'xledger_invoices': 312 rows today vs 4120 on average over 30 days (-92.4%, allowed -50%).",
                ),
                (
                    "LOAD :: DuckDB warehouse",
                    "Row count check failed for 'fact_postings': 0 rows in partition 2024-06-11 (expected at least 1000).",
                ),
            ],
        ),
    ]
    for template, family, cat, alt, exc, items in cases:
        b.add(template, family, cat, many(exc, items), source=MODELLED, alt=alt)

    def refused(path: str) -> Callable[[], object]:
        return lambda: requests.get(f"http://127.0.0.1:{srv.closed_port()}{path}", timeout=2)

    b.add(
        "engine.retries_exhausted_wrapper",
        "workflow.retry",
        TPS,
        [
            ("EXTRACT :: REST orders", refused("/api/orders")),
            ("EXTRACT :: Currency rates", refused("/v3/rates/latest")),
            ("EXTRACT :: Ivalua invoices", refused("/api/v3/invoices")),
        ],
        source=f"{version('requests')} inside the workflow platform's retry wrapper (modelled)",
        code=None,
        wrap="RetryExhaustedError",
        wrap_message=wrapped(
            "Activity failed after 3 attempts (backoff 30s, 60s, 120s); last error: {name}: {exc}"
        ),
    )


# =========================================================================== other integrations


def other_blind8(b: Subset) -> None:
    extra = [
        (
            "servicebus.message_too_large",
            "queue",
            WE,
            IDQ,
            "MessageSizeExceededError",
            "azure-servicebus (modelled)",
            None,
            [
                (
                    "LOAD :: Service Bus events",
                    "The received message (delivery-id:0, size:1310720 bytes) exceeds the limit (262144 bytes) currently allowed on the link.",
                ),
                (
                    "EXPORT :: Service Bus invoices",
                    "The received message (delivery-id:0, size:409600 bytes) exceeds the limit (262144 bytes) currently allowed on the link.",
                ),
                (
                    "LOAD :: Service Bus events",
                    "The received message (delivery-id:3, size:300211 bytes) exceeds the limit (262144 bytes) currently allowed on the link.",
                ),
            ],
        ),
        (
            "edifact.segment_count_mismatch",
            "einvoice.edifact",
            IDQ,
            TPS,
            "EdifactParseError",
            "EDIFACT INVOIC parser (modelled)",
            None,
            [
                (
                    "READ :: FTP EDI invoices",
                    "Interchange 000412 message 1: UNT declares 42 segments but the message contains 41.",
                ),
                (
                    "READ :: FTP EDI orders",
                    "Interchange 000977 message 3: UNT declares 18 segments but the message contains 20.",
                ),
                (
                    "READ :: SFTP EDI invoices",
                    "Interchange 001204 message 1: UNT declares 57 segments but the message contains 56.",
                ),
            ],
        ),
        (
            "azureblob.container_missing",
            "blob",
            WE,
            TPS,
            "ResourceNotFoundError",
            "azure-storage-blob (modelled)",
            404,
            [
                (
                    "LOAD :: Azure Blob upload",
                    "The specified container does not exist.\nRequestId:5c1f0a7e-301e-0042-3b2d-bc9a77000000\nTime:2024-06-12T03:00:12.3456789Z\nErrorCode:ContainerNotFound",
                ),
                (
                    "READ :: Azure Blob invoices",
                    "The specified container does not exist.\nRequestId:8d2e1b4f-601e-0017-4c3e-cd8b66000000\nTime:2024-06-12T04:10:05.1234567Z\nErrorCode:ContainerNotFound",
                ),
                (
                    "EXPORT :: Azure Blob archive",
                    "The specified container does not exist.\nRequestId:1a2b3c4d-201e-0099-7d6e-ef1a22000000\nTime:2024-06-12T05:22:40.7654321Z\nErrorCode:ContainerNotFound",
                ),
            ],
        ),
        (
            "redis.maxmemory",
            "cache",
            TPS,
            WE,
            "ResponseError",
            "redis-py (modelled)",
            None,
            [
                (
                    "LOAD :: Redis lookup cache",
                    "OOM command not allowed when used memory > 'maxmemory'.",
                ),
                (
                    "TRANSFORM :: Python supplier cache",
                    "OOM command not allowed when used memory > 'maxmemory'.",
                ),
                (
                    "EXTRACT :: Redis session store",
                    "OOM command not allowed when used memory > 'maxmemory'.",
                ),
            ],
        ),
        (
            "eventhubs.quota_exceeded",
            "queue",
            TPS,
            None,
            "EventHubError",
            "azure-eventhub (modelled)",
            None,
            [
                (
                    "LOAD :: Event Hubs events",
                    "The request was terminated because the entity is being throttled. Error code : 50002. Sub error : 102. Please wait 4 seconds and try again.",
                ),
                (
                    "EXPORT :: Event Hubs invoices",
                    "The request was terminated because the entity is being throttled. Error code : 50002. Sub error : 101. Please wait 10 seconds and try again.",
                ),
                (
                    "LOAD :: Event Hubs events",
                    "The request was terminated because the entity is being throttled. Error code : 50002. Sub error : 102. Please wait 2 seconds and try again.",
                ),
            ],
        ),
        (
            "twilio.invalid_to_number",
            "sms",
            IDQ,
            TPS,
            "TwilioRestException",
            "twilio (modelled)",
            400,
            [
                (
                    "NOTIFY :: SMS approvers",
                    "HTTP 400 error: Unable to create record: The 'To' number +47 4123 456 is not a valid phone number.",
                ),
                (
                    "NOTIFY :: SMS on-call",
                    "HTTP 400 error: Unable to create record: The 'To' number 004791234567x is not a valid phone number.",
                ),
                (
                    "NOTIFY :: SMS approvers",
                    "HTTP 400 error: Unable to create record: The 'To' number +4700000000 is not a valid phone number.",
                ),
            ],
        ),
        (
            "sendgrid.sender_identity",
            "mail",
            WE,
            TPS,
            "SendGridError",
            "SendGrid v3 API (modelled)",
            403,
            [
                (
                    "NOTIFY :: Email report",
                    "HTTP Error 403: Forbidden - The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.",
                ),
                (
                    "EXPORT :: Email invoices to AP",
                    "HTTP Error 403: Forbidden - The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.",
                ),
                (
                    "NOTIFY :: Email alerts",
                    "HTTP Error 403: Forbidden - The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.",
                ),
            ],
        ),
        (
            "keyvault.secret_not_found",
            "secrets",
            WE,
            None,
            "ResourceNotFoundError",
            "azure-keyvault-secrets (modelled)",
            404,
            [
                (
                    "EXTRACT :: Xledger invoices",
                    "(SecretNotFound) A secret with (name/id) xledger-api-token was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.",
                ),
                (
                    "READ :: SFTP bank statements",
                    "(SecretNotFound) A secret with (name/id) dnb-sftp-key was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.",
                ),
                (
                    "EXTRACT :: Ivalua suppliers",
                    "(SecretNotFound) A secret with (name/id) ivalua-client-secret/3f2a1b0c was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.",
                ),
            ],
        ),
        (
            "dropbox.insufficient_space",
            "file_share",
            TPS,
            None,
            "ApiError",
            "dropbox SDK (modelled)",
            409,
            [
                (
                    "EXPORT :: Dropbox reports",
                    "ApiError('7f0c2a4e1b3d4c5e8f9a0b1c2d3e4f50', UploadError('path', UploadWriteFailed(reason=WriteError('insufficient_space', None), upload_session_id='')))",
                ),
                (
                    "EXPORT :: Dropbox invoices",
                    "ApiError('0a1b2c3d4e5f40718293a4b5c6d7e8f9', UploadError('path', UploadWriteFailed(reason=WriteError('insufficient_space', None), upload_session_id='')))",
                ),
                (
                    "EXPORT :: Dropbox reports",
                    "ApiError('9e8d7c6b5a4f40312e1d0c9b8a7f6e5d', UploadError('path', UploadWriteFailed(reason=WriteError('insufficient_space', None), upload_session_id='')))",
                ),
            ],
        ),
        (
            "workday.weekly_service_update",
            "hr.api",
            TPS,
            None,
            "WorkdayApiError",
            "Workday Web Services fault (modelled)",
            503,
            [
                (
                    "EXTRACT :: Workday cost centers",
                    "Tenant 'acme_prod' is unavailable during the weekly service update (Fri 22:00 - Sat 04:00 PT). Please retry after the maintenance window.",
                ),
                (
                    "EXTRACT :: Workday workers",
                    "Tenant 'acme_prod' is unavailable during the weekly service update (Fri 22:00 - Sat 04:00 PT). Please retry after the maintenance window.",
                ),
                (
                    "EXTRACT :: Workday supervisory orgs",
                    "Tenant 'acme_impl' is unavailable during the weekly service update (Fri 22:00 - Sat 04:00 PT). Please retry after the maintenance window.",
                ),
            ],
        ),
        (
            "doffin.eforms_validator_unavailable",
            "procurement.api",
            TPS,
            None,
            "DoffinApiError",
            "Doffin notice API (modelled)",
            502,
            [
                (
                    "SUBMIT :: Doffin notices",
                    "502 Bad Gateway: upstream eForms validation service did not respond (notice 2024-108412, trace 4b7e1c2d9f0a).",
                ),
                (
                    "SUBMIT :: Doffin award notices",
                    "502 Bad Gateway: upstream eForms validation service did not respond (notice 2024-108977, trace 0c3d5e7f9a1b).",
                ),
                (
                    "EXTRACT :: Doffin notices",
                    "502 Bad Gateway: upstream eForms validation service did not respond (search, trace 8e2f4a6c0b1d).",
                ),
            ],
        ),
        (
            "mongodb.server_selection_timeout",
            "database",
            TPS,
            None,
            "ServerSelectionTimeoutError",
            "pymongo (modelled)",
            None,
            [
                (
                    "EXTRACT :: MongoDB orders",
                    "orders-db-0.erp.example:27017: timed out (configured timeouts: socketTimeoutMS: 20000.0ms, connectTimeoutMS: 20000.0ms), Timeout: 30s, Topology Description: <TopologyDescription id: 66698a2f, topology_type: ReplicaSetNoPrimary, servers: [<ServerDescription ('orders-db-0.erp.example', 27017) server_type: Unknown>]>",
                ),
                (
                    "LOAD :: MongoDB events",
                    "No replica set members match selector \"Primary()\", Timeout: 30s, Topology Description: <TopologyDescription id: 66698b11, topology_type: ReplicaSetNoPrimary, servers: [<ServerDescription ('events-db-1.erp.example', 27017) server_type: RSSecondary>]>",
                ),
                (
                    "EXTRACT :: MongoDB orders",
                    "orders-db-1.erp.example:27017: [Errno 111] Connection refused, Timeout: 30s, Topology Description: <TopologyDescription id: 66698c07, topology_type: ReplicaSetNoPrimary, servers: []>",
                ),
            ],
        ),
        (
            "mssql.communication_link_failure",
            "database",
            TPS,
            None,
            "OperationalError",
            "pyodbc + SQL Server (modelled)",
            None,
            [
                (
                    "EXTRACT :: Agresso SQL vouchers",
                    "('08S01', '[08S01] [Microsoft][ODBC Driver 18 for SQL Server]Communication link failure (0) (SQLExecDirectW)')",
                ),
                (
                    "EXTRACT :: SQL Server suppliers",
                    "('08S01', '[08S01] [Microsoft][ODBC Driver 18 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\r\n (10054) (SQLExecDirectW)')",
                ),
                (
                    "LOAD :: SQL Server staging",
                    "('08S01', '[08S01] [Microsoft][ODBC Driver 18 for SQL Server]Communication link failure (0) (SQLEndTran)')",
                ),
            ],
        ),
        (
            "ldap.server_down",
            "directory",
            TPS,
            None,
            "SERVER_DOWN",
            "python-ldap (modelled)",
            None,
            [
                (
                    "EXTRACT :: AD approvers",
                    "{'result': -1, 'desc': \"Can't contact LDAP server\", 'errno': 110, 'ctrls': [], 'info': 'Connection timed out'}",
                ),
                (
                    "EXTRACT :: AD cost center owners",
                    "{'result': -1, 'desc': \"Can't contact LDAP server\", 'errno': 111, 'ctrls': [], 'info': 'Connection refused'}",
                ),
                (
                    "EXTRACT :: AD approvers",
                    "{'result': -1, 'desc': \"Can't contact LDAP server\", 'ctrls': [], 'info': 'error:0A000086:SSL routines::certificate verify failed (self-signed certificate in certificate chain)'}",
                ),
            ],
        ),
    ]
    for template, family, cat, alt, exc, source, code, items in extra:
        b.add(template, family, cat, many(exc, items), source=source, code=code, alt=alt)


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
            "duckdb": lambda: duckdb_blind8(b, tmp),
            "pandas": lambda: pandas_blind8(b, tmp),
            "http": lambda: http_blind8(b, tmp),
            "s3": lambda: s3_blind8(b),
            "ftp": lambda: ftp_blind8(b),
            "soap": lambda: soap_blind8(b),
            "vendor": lambda: vendor_blind8(b),
            "postgres": lambda: postgres_blind8(b),
            "parsing": lambda: parsing_blind8(b, tmp),
            "python": lambda: python_blind8(b, tmp),
            "engine": lambda: engine_blind8(b),
            "other": lambda: other_blind8(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
