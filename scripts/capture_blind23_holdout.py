"""Capture the TWENTY-THIRD blind holdout: integration error templates new to the corpus, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind22.*``) have been seen while the rules were
revised. Every template here (template_id ``blind23.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind23``) is an honest figure again.
This round covers the INTEGRATION side of an ERP/procurement pipeline platform, weighted by what
fails most often in production, in wordings the corpus lacks: Xledger GraphQL errors (enum values
with a suggestion, voucher numbers in use, locked periods, dimension rules, permissions on an
object type, throttling with Retry-After, a maintenance page re-raised as an unhandled error),
Ivalua API errors (workflow actions not allowed in a state, catalogue references, upload limits,
expired sessions, monthly quotas, maintenance pages), boto3 against S3 (HeadObject 301 and 400,
GetObject 304, Glacier copies, conditional-write conflicts, KMS keys not shared), FTP replies
(532, 451 restart refused, 421 data timeout, 553 prohibited names), SFTP (connection dropped
mid-download, no acceptable host key algorithm), SOAP faults (WS-Security timestamp expired,
WSS4J authentication, Oracle Service Bus endpoints offline), REST vendors (API Gateway IP deny,
WebDAV 423 Locked, revision conflicts, HubSpot-style 429 with Retry-After), client timeouts (httpx
write timeout, urllib3 retries ending in a read timeout, a requests stream stalling), a vendor
host under .invalid that does not resolve and a TLS chain whose intermediate is not a CA.
No DuckDB, pandas, pydantic or Postgres errors in this round.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only (no name
is resolved and nothing leaves the machine); vendor replies (Xledger GraphQL, Ivalua REST, FTP server
replies, SOAP faults, AWS error bodies, gateway pages, SaaS API bodies) are modelled on realistic
bodies and phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind23_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind23.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import functools
import io
import socket
import sys
import threading
from collections.abc import Callable, Iterator
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
PREFIX = "blind23."
Variants = blind.Variants
many, gql = blind.many, blind5.gql
add, call = blind9.add, blind9.call


@contextlib.contextmanager
def reply_then_stall(reply: bytes) -> Iterator[int]:
    """Reads the request head, sends `reply` (a head and part of a body), then sends nothing more."""
    sock = socket.socket()
    sock.bind((srv.LOOPBACK, 0))
    sock.listen(16)
    sock.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            held.append(conn)
            with contextlib.suppress(OSError):
                conn.settimeout(2)
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    head += chunk
                conn.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        sock.close()


def status_cases(
    b: Subset,
    base: str,
    canned: srv.Canned,
    cases: list[tuple[str, str, str, str | None, int, str, str, dict[str, str], str, list[tuple[str, str, str]]]],
) -> None:
    """Like blind9.http_cases, with response headers and a content type: each (activity, path,
    body) answered with `status`, requested with the named client (GET), recorded with the body."""
    import httpx
    import requests

    for template, family, cat, alt, status, client, source, headers, ctype, items in cases:
        variants: Variants = []
        for i, (act, path, body) in enumerate(items):
            key = canned.put(f"{template.replace('.', '_')}{i}", status, body, ctype, headers)
            url = f"{base}/r/{key}{path}"
            if client == "requests":
                variants.append((act, lambda url=url: requests.get(url, timeout=5).raise_for_status()))
            else:
                variants.append((act, lambda url=url: httpx.get(url, timeout=5).raise_for_status()))
        wrap, message = {
            "requests": ("HTTPError", blind3.with_body),
            "httpx": ("HTTPStatusError", blind.wrapped("{exc} - {exc.response.text}")),
        }[client]
        lib = version(client)
        b.add(template, family, cat, variants, source=f"{lib} + {source}", code=status, alt=alt, wrap=wrap, wrap_message=message)


# =========================================================================== Xledger


def xledger_blind23(b: Subset) -> None:
    import httpx

    ap = ["SUBMIT :: Xledger AP invoices", "SUBMIT :: Xledger AP credit notes", "SUBMIT :: Xledger AP invoices"]
    gl = ["LOAD :: Xledger GL vouchers", "LOAD :: Xledger accruals", "LOAD :: Xledger GL vouchers"]
    read = ["EXTRACT :: Xledger GL transactions", "EXTRACT :: Xledger suppliers", "EXTRACT :: Xledger project hours"]
    xledger = [
        ("xledger.graphql.enum_value_did_you_mean", "addApTransactions", ap, IDQ, WE, "GRAPHQL_VALIDATION_FAILED", [
            'Variable "$nodes" got invalid value "CREDITNOTE" at "nodes[2].node.documentType"; Value "CREDITNOTE" does not exist in "ApDocumentType" enum. Did you mean the enum value "CREDIT_NOTE"?',
            'Variable "$nodes" got invalid value "Kreditnota" at "nodes[0].node.documentType"; Value "Kreditnota" does not exist in "ApDocumentType" enum. Did you mean the enum value "CREDIT_NOTE"?',
            'Variable "$nodes" got invalid value "INVOICE " at "nodes[5].node.documentType"; Value "INVOICE " does not exist in "ApDocumentType" enum. Did you mean the enum value "INVOICE"?',
        ]),
        ("xledger.graphql.voucher_number_in_use", "addGLImportItems", gl, IDQ, WE, "CONFLICT", [
            "Voucher number 3300412 is already in use in voucher series 'GL' for fiscal year 2024 (entity 44660227).",
            "Voucher number 7100088 is already in use in voucher series 'ACC' for fiscal year 2024 (entity 44660227).",
            "Voucher number 3300519 is already in use in voucher series 'GL' for fiscal year 2023 (entity 12093311).",
        ]),
        ("xledger.graphql.period_status_locked_for_subledger", "addApTransactions", ap, IDQ, None, "BAD_USER_INPUT", [
            "Cannot post to period 2024-05: the period has status 'Locked' for subledger AP in entity 44660227.",
            "Cannot post to period 2023-12: the period has status 'Locked' for subledger AP in entity 12093311.",
            "Cannot post to period 2024-04: the period has status 'Locked' for subledger AP in entity 44660227.",
        ]),
        ("xledger.graphql.dimension_value_not_allowed_on_account", "addGLImportItems", gl, IDQ, None, "BAD_USER_INPUT", [
            "Value 'D-310' of dimension 'Department' is not allowed on account 6300 (line 4): account rule 'OPEX-DEPT' allows D-100 to D-199.",
            "Value 'CC-9000' of dimension 'Cost centre' is not allowed on account 7790 (line 1): account rule 'CC-ADMIN' allows CC-1000 to CC-1999.",
            "Value 'P-4410' of dimension 'Project' is not allowed on account 4300 (line 12): account rule 'COGS-PRJ' allows P-2000 to P-2999.",
        ]),
        ("xledger.graphql.no_read_permission_on_object_type", "glTransactions,suppliers,timeTransactions", read, TPS, WE, "FORBIDDEN", [
            "Permission denied: the API user has no 'Read' permission on object type 'GLTransaction' in entity 44660227 (Acme Norge AS).",
            "Permission denied: the API user has no 'Read' permission on object type 'Supplier' in entity 12093311 (Acme Sverige AB).",
            "Permission denied: the API user has no 'Read' permission on object type 'TimeTransaction' in entity 44660227 (Acme Norge AS).",
        ]),
    ]
    for template, path, acts, cat, alt, code, msgs in xledger:
        paths = path.split(",") if "," in path else [path] * len(acts)
        items = [(act, gql(msg, code, p)) for act, msg, p in zip(acts, msgs, paths, strict=True)]
        b.add(template, "xledger.graphql", cat, many("GraphQLException", items), source=f"{version('httpx')} + Xledger GraphQL body (modelled)", alt=alt)

    maintenance = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Xledger - Planned maintenance</title></head>\n<body><div class="maintenance"><h1>Planned maintenance</h1><p>Xledger is being updated to version {ver}. Expected to be back online {until}.</p></div></body></html>'
    throttled = '{{"errors":[{{"message":"Throttled: the cost budget of 5000 points per 10 seconds for this token is exhausted.","extensions":{{"code":"THROTTLED","retryAfterMs":{ms}}}}}]}}'
    with srv.http_server() as (base, canned):

        def unhandled(key: str, query: str) -> Callable[[], None]:
            def go() -> None:
                try:
                    httpx.post(f"{base}/r/{key}/graphql", json={"query": query}, timeout=5).raise_for_status()
                except httpx.HTTPStatusError as exc:
                    raise cap.platform("UnhandledXledgerException")(f"Unhandled Xledger error: {exc} - {exc.response.text}") from exc

            return go

        variants: Variants = []
        for i, (act, ver, until, query) in enumerate([
            ("EXTRACT :: Xledger invoices", "2024.3", "Sunday 16 June 06:00 CEST", "query { arInvoices(first: 500) { edges { node { dbId } } } }"),
            ("SUBMIT :: Xledger AP invoices", "2024.3", "Sunday 16 June 06:00 CEST", "mutation { addApTransactions(nodes: []) { edges { node { dbId } } } }"),
            ("EXTRACT :: Xledger suppliers", "2024.4", "Sunday 29 September 07:00 CEST", "query { suppliers(first: 1000) { edges { node { code } } } }"),
        ]):
            key = canned.put(f"xm{i}", 503, maintenance.format(ver=ver, until=until), "text/html", {"Retry-After": "14400"})
            variants.append((act, unhandled(key, query)))
        add(b, "xledger.unhandled_maintenance_page_503", "xledger.http", TPS, None, variants, source=f"{version('httpx')} + Xledger maintenance page (modelled)", code=503)

        status_cases(b, base, canned, [
            ("xledger.http_429_cost_budget_retry_after", "xledger.http", TPS, None, 429, "httpx", "Xledger GraphQL throttling body (modelled)", {"Retry-After": "5"}, "application/json", [
                ("EXTRACT :: Xledger GL transactions", "/graphql", throttled.format(ms=4200)),
                ("EXTRACT :: Xledger invoices", "/graphql", throttled.format(ms=9100)),
                ("EXTRACT :: Xledger project hours", "/graphql", throttled.format(ms=1800)),
            ]),
        ])


# =========================================================================== Ivalua


def ivalua_blind23(b: Subset) -> None:
    ivalua = [
        ("ivalua.api_action_not_available_in_state", IDQ, TPS, 409, [
            ("EXPORT :: Ivalua orders", "Action 'Send to supplier' is not available while order PO-88213 is in state 'Pending approval' (workflow ORDER_STD, step 3)."),
            ("SUBMIT :: Ivalua invoices", "Action 'Validate' is not available while invoice INV-2024-0612 is in state 'Disputed' (workflow INVOICE_PO, step 5)."),
            ("LOAD :: Ivalua contracts", "Action 'Activate' is not available while contract CTR-2024-010 is in state 'Under signature' (workflow CONTRACT_STD, step 4)."),
        ]),
        ("ivalua.api_catalog_item_not_found", IDQ, None, 422, [
            ("EXPORT :: Ivalua orders", "Item reference 'ART-70061' was not found in catalog 'CAT_OFFICE_2024' of supplier SUP-10442 (order PO-88213, line 4)."),
            ("LOAD :: Ivalua catalog prices", "Item reference '70062-B' was not found in catalog 'CAT_FASTENERS' of supplier SUP-10045 (price line 118)."),
            ("EXPORT :: Ivalua orders", "Item reference 'LIC-M365-E3' was not found in catalog 'CAT_IT_SOFTWARE' of supplier SUP-20931 (order PO-88302, line 1)."),
        ]),
        ("ivalua.api_upload_larger_than_limit", IDQ, WE, 413, [
            ("SUBMIT :: Ivalua invoices", "Upload refused: document 'scan_INV-2024-0612.pdf' (32 914 432 bytes) is larger than the configured limit of 20 971 520 bytes."),
            ("LOAD :: Ivalua contract documents", "Upload refused: document 'CTR-2024-010_signed.pdf' (58 720 256 bytes) is larger than the configured limit of 20 971 520 bytes."),
            ("SUBMIT :: Ivalua invoices", "Upload refused: document 'INV-2024-0644_vedlegg.zip' (24 117 248 bytes) is larger than the configured limit of 20 971 520 bytes."),
        ]),
        ("ivalua.api_monthly_quota_exhausted", TPS, None, 429, [
            ("EXTRACT :: Ivalua suppliers", "Monthly API call quota (250 000) exhausted for tenant 'acme-prod'; the quota renews on 2024-07-01."),
            ("EXTRACT :: Ivalua invoices", "Monthly API call quota (250 000) exhausted for tenant 'acme-prod'; the quota renews on 2024-07-01."),
            ("EXPORT :: Ivalua orders", "Monthly API call quota (100 000) exhausted for tenant 'acme-preprod'; the quota renews on 2024-07-01."),
        ]),
    ]
    for template, cat, alt, code, items in ivalua:
        b.add(template, "ivalua.api", cat, many("IvaluaApiException", items), source="Ivalua API (modelled)", code=code, alt=alt)

    session = '{{"Message":"Your session has expired. Please reconnect.","ErrorCode":"SESSION_EXPIRED","SessionId":"{sid}"}}'
    upkeep = '<!DOCTYPE html><html><head><title>Ivalua - Maintenance</title></head><body><div id="maintenance"><h2>Buyer platform under maintenance</h2><p>The platform {env} is being upgraded (release {rel}). Service will resume at {until}.</p></div></body></html>'
    with srv.http_server() as (base, canned):
        status_cases(b, base, canned, [
            ("ivalua.rest_401_session_expired", "ivalua.http", TPS, WE, 401, "requests", "Ivalua REST body (modelled)", {}, "application/json", [
                ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers?page=14", session.format(sid="b41c9e02f7a3")),
                ("EXTRACT :: Ivalua contracts", "/api/v3/contracts?modifiedSince=2024-06-11", session.format(sid="0c77d1a9e5b2")),
                ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?status=Validated&page=3", session.format(sid="9f2e4b6a1c08")),
            ]),
            ("ivalua.rest_503_maintenance_page", "ivalua.http", TPS, None, 503, "httpx", "Ivalua maintenance page (modelled)", {"Retry-After": "7200"}, "text/html", [
                ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers", upkeep.format(env="acme-prod", rel="178", until="06:00 CET")),
                ("EXPORT :: Ivalua orders", "/api/v3/orders/export", upkeep.format(env="acme-prod", rel="178", until="06:00 CET")),
                ("EXTRACT :: Ivalua catalog", "/api/v3/catalogs/CAT_OFFICE_2024/items", upkeep.format(env="acme-prod", rel="179", until="07:30 CET")),
            ]),
        ])


# =========================================================================== S3 via boto3


def s3_blind23(b: Subset) -> None:
    blind3.aws_env()
    bc = version("botocore")
    with srv.http_server() as (base, canned):
        client = functools.partial(blind.aws_client, base)

        # HeadObject answered 301 with no body: the bucket lives in another region
        variants: Variants = []
        for i, (act, bucket, key, region) in enumerate([
            ("READ :: S3 partner drop", "elkjop-partner-drop", "outbound/orders/2024-06-12.csv", "eu-west-1"),
            ("WAIT :: S3 bank statements", "acme-bank-files", "camt053/camt053_20240612.xml", "us-east-1"),
            ("READ :: S3 supplier price files", "grossisten-prices", "pricelist_2024Q3.csv", "eu-central-1"),
        ]):
            k = canned.put(f"h301_{i}", 301, b"", "application/xml", {"x-amz-bucket-region": region})
            variants.append((act, lambda k=k, bucket=bucket, key=key: client("s3", k).head_object(Bucket=bucket, Key=key)))
        add(b, "s3.head_object_301_moved_permanently", "s3.client_config", WE, None, variants, source=f"{bc} + S3 HEAD reply without body (modelled)", code=301)

        # HeadObject 400: the object is SSE-C encrypted and no customer key was sent
        variants = []
        for i, (act, bucket, key) in enumerate([
            ("READ :: S3 payroll export", "acme-payroll-secure", "exports/2024-06/payroll.csv"),
            ("WAIT :: S3 bank statements", "acme-bank-files", "camt053/camt053_20240612.xml"),
            ("READ :: S3 HR master data", "acme-hr-secure", "employees/employees_20240612.parquet"),
        ]):
            k = canned.put(f"h400_{i}", 400, b"", "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key: client("s3", k).head_object(Bucket=bucket, Key=key)))
        add(b, "s3.head_object_400_bad_request", "s3.client_config", WE, None, variants, source=f"{bc} + S3 HEAD reply without body (modelled on an SSE-C object read without its key)", code=400)

        # GetObject with IfNoneMatch answered 304: the incremental read treats "unchanged" as an error
        variants = []
        for i, (act, bucket, key) in enumerate([
            ("EXTRACT :: S3 currency rates", "acme-reference-data", "fx/eurofxref-daily.csv"),
            ("READ :: S3 supplier master", "acme-etl-inbound", "ivalua/suppliers_full.csv"),
            ("READ :: S3 cost centers", "acme-reference-data", "controlling/cost_centers.xlsx"),
        ]):
            k = canned.put(f"g304_{i}", 304, b"", "application/xml", {"ETag": f'"5d41402abc4b2a76b9719d911017c59{i}"'})
            variants.append((act, lambda k=k, bucket=bucket, key=key, i=i: client("s3", k).get_object(Bucket=bucket, Key=key, IfNoneMatch=f'"5d41402abc4b2a76b9719d911017c59{i}"')))
        add(b, "s3.get_object_304_not_modified", "s3.conditional", WE, IDQ, variants, source=f"{bc} + S3 304 reply (modelled)", code=304)

        # CopyObject from an object that a lifecycle rule moved to Glacier
        variants = []
        for i, (act, src, dest) in enumerate([
            ("ARCHIVE :: S3 invoice copies", "acme-etl-inbound/invoices/2023/11/invoices_20231130.csv", "invoices/2023/11/invoices_20231130.csv"),
            ("REPROCESS :: S3 bank statements", "acme-bank-files/camt053/camt053_20231229.xml", "replay/camt053_20231229.xml"),
            ("ARCHIVE :: S3 GL exports", "acme-etl-exports/gl/gl_2023_12.parquet", "gl/year=2023/month=12/gl.parquet"),
        ]):
            k = canned.put(f"cpg{i}", 403, blind.s3_error("InvalidObjectState", "The source object of the COPY operation is not in the active tier and is only stored in Amazon Glacier.", f"6a8c0e2f4b1d{i:04d}", "<StorageClass>GLACIER</StorageClass>"), "application/xml")
            variants.append((act, lambda k=k, src=src, dest=dest: client("s3", k).copy_object(Bucket="acme-archive", Key=dest, CopySource=src)))
        add(b, "s3.copy_source_not_in_active_tier", "s3.storage_class", IDQ, WE, variants, source=f"{bc} + S3 error body (modelled)", code=403)

        # PutObject conditional write racing another writer
        variants = []
        for i, (act, bucket, key) in enumerate([
            ("LOAD :: S3 upload", "acme-etl-exports", "invoices/2024/06/12/invoices.parquet"),
            ("WRITE :: S3 run manifest", "acme-etl-state", "manifests/ap-invoices/88213.json"),
            ("EXPORT :: S3 partitions", "acme-archive", "gl/year=2024/month=06/part-0000.parquet"),
        ]):
            k = canned.put(f"crc{i}", 409, blind.s3_error("ConditionalRequestConflict", "A conflicting operation occurred. If using PutObject you can retry the request. If using multipart upload you should initiate another CreateMultipartUpload request and re-upload each part.", f"9b1d3f5a7c2e{i:04d}"), "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key: client("s3", k).put_object(Bucket=bucket, Key=key, Body=b"PAR1", IfNoneMatch="*")))
        add(b, "s3.put_conditional_request_conflict", "s3.conditional", TPS, WE, variants, source=f"{bc} + S3 error body (modelled)", code=409)

        # GetObject of a partner object encrypted with a KMS key not shared with the worker's account
        variants = []
        for i, (act, bucket, key) in enumerate([
            ("READ :: S3 partner drop", "elkjop-partner-drop", "outbound/orders/2024-06-12.csv"),
            ("READ :: S3 bank statements", "dnb-corporate-exchange", "acme/camt053_20240612.xml"),
            ("READ :: S3 supplier invoices", "supplier-einvoice-outbox", "acme/INV-2024-0612.xml"),
        ]):
            k = canned.put(f"kms{i}", 403, blind.s3_error("AccessDenied", "The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.", f"2c4e6a8b0d1f{i:04d}"), "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key: client("s3", k).get_object(Bucket=bucket, Key=key)))
        add(b, "s3.kms_ciphertext_key_not_accessible", "s3.kms", WE, TPS, variants, source=f"{bc} + S3 error body (modelled)", code=403)


# =========================================================================== FTP and SFTP


def ftp_blind23(b: Subset) -> None:
    ftp = blind.ftp_case
    py = cap.python_source()

    def stor(name: str, rest: int | None = None) -> Callable[[Any], object]:
        return lambda c: c.storbinary(f"STOR {name}", io.BytesIO(b"invoice;amount\nINV-2024-0612;1250,00\n"), rest=rest)

    def retr(name: str) -> Callable[[Any], object]:
        return lambda c: c.retrbinary(f"RETR {name}", lambda _: None)

    need_acct = {"STOR": "532 Need account for storing files."}
    add(b, "ftp.532_need_account_for_storing", "ftp.error_perm", WE, TPS, [
        ftp("EXPORT :: FTP payments", need_acct, stor("/inbound/pain001_20240612_01.xml"), "220 MVS FTP server ready.", "ACMEPAY"),
        ftp("EXPORT :: FTP orders", need_acct, stor("ORDERS.D240612.EDI"), "220-FTPD1 IBM FTP CS V2R5 at ERPHOST, 03:00:12 on 2024-06-12.\r\n220 Connection will close if idle for more than 5 minutes.", "EDIACME"),
        ftp("WRITE :: FTP remittance", need_acct, stor("remit_20240612.csv"), "220 MVS FTP server ready.", "ACMEOUT"),
    ], source=f"{py} ftplib + FTP server replies (modelled on z/OS FTP)", code=None)

    proftpd = "220 ProFTPD Server (Partner FTP) [127.0.0.1]"
    add(b, "ftp.proftpd_append_restart_not_permitted", "ftp.error_temp", WE, TPS, [
        ftp("EXPORT :: FTP payments", {"REST": "350 Restarting at 4096. Send STORE or RETRIEVE to initiate transfer", "STOR": "451 /inbound/pain001_20240612_01.xml: Append/Restart not permitted, try again"}, stor("/inbound/pain001_20240612_01.xml", 4096), proftpd, "acme_pay"),
        ftp("EXPORT :: FTP orders", {"REST": "350 Restarting at 65536. Send STORE or RETRIEVE to initiate transfer", "STOR": "451 /in/ORDERS_88242.edi: Append/Restart not permitted, try again"}, stor("/in/ORDERS_88242.edi", 65536), proftpd, "edi_acme"),
        ftp("WRITE :: FTP reports", {"REST": "350 Restarting at 1024. Send STORE or RETRIEVE to initiate transfer", "STOR": "451 /reports/ap_aging_20240612.xlsx: Append/Restart not permitted, try again"}, stor("/reports/ap_aging_20240612.xlsx", 1024), proftpd, "acme_rep"),
    ], source=f"{py} ftplib + FTP server replies (modelled on ProFTPD)", code=None)

    vsftpd = "220 (vsFTPd 3.0.5)"
    timeout = {"RETR": "421 Data timeout. Reconnect. Sorry."}
    add(b, "ftp.vsftpd_data_timeout_reconnect", "ftp.error_temp", TPS, None, [
        ftp("READ :: FTP invoices", timeout, retr("/outbound/invoices_20240612.xml"), vsftpd),
        ftp("READ :: FTP bank statements", timeout, retr("camt053_20240612.xml"), vsftpd, "dnb_acme_prod"),
        ftp("READ :: FTP price lists", timeout, retr("prices/pricelist_2024Q3.csv"), vsftpd, "prices_acme"),
    ], source=f"{py} ftplib + FTP server replies (modelled on vsftpd)", code=None)

    pure = "220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------\r\n220-You are user number 3 of 50 allowed.\r\n220 You will be disconnected after 15 minutes of inactivity."
    add(b, "ftp.pureftpd_prohibited_file_name", "ftp.error_perm", WE, IDQ, [
        ftp("EXPORT :: FTP payments", {"STOR": "553 Prohibited file name: .pain001_20240612_01.xml.part"}, stor(".pain001_20240612_01.xml.part"), pure, "acme_pay"),
        ftp("WRITE :: FTP remittance", {"STOR": "553 Prohibited file name: .remit_20240612.csv.tmp"}, stor(".remit_20240612.csv.tmp"), pure, "acme_out"),
        ftp("EXPORT :: FTP orders", {"STOR": "553 Prohibited file name: ../in/ORDERS_88242.edi"}, stor("../in/ORDERS_88242.edi"), pure, "edi_acme"),
    ], source=f"{py} ftplib + FTP server replies (modelled on Pure-FTPd)", code=None)


def sftp_blind23(b: Subset) -> None:
    import paramiko

    class Server(paramiko.ServerInterface):
        def get_allowed_auths(self, username: str) -> str:
            return "password"

        def check_auth_password(self, username: str, password: str) -> int:
            return paramiko.AUTH_SUCCESSFUL

        def check_channel_request(self, kind: str, chanid: int) -> int:
            return paramiko.OPEN_SUCCEEDED

    channels: list[Any] = []

    class Tracked(Server):
        def check_channel_subsystem_request(self, channel: Any, name: str) -> bool:
            channels.append(channel)
            return bool(super().check_channel_subsystem_request(channel, name))

    class Dropping(paramiko.SFTPHandle):
        def read(self, offset: int, length: int) -> bytes:
            # the server's SFTP process dies mid-transfer: its channel closes without a reply
            channels[-1].close()
            raise SystemExit

        def stat(self) -> Any:
            attrs = paramiko.SFTPAttributes()
            attrs.st_size, attrs.st_mode = 1_048_576, 0o100644
            return attrs

    class Files(paramiko.SFTPServerInterface):
        def open(self, path: str, flags: int, attr: Any) -> Any:
            return Dropping(flags)

        def stat(self, path: str) -> Any:
            attrs = paramiko.SFTPAttributes()
            attrs.st_size, attrs.st_mode = 1_048_576, 0o100644
            return attrs

        lstat = stat

    with srv.ssh_server(Tracked, paramiko.RSAKey.generate(2048), sftp=Files) as port:

        def get(user: str, path: str) -> Callable[[], object]:
            def go() -> object:
                transport = paramiko.Transport((srv.LOOPBACK, port))
                try:
                    transport.connect(username=user, password="secret")
                    client = paramiko.SFTPClient.from_transport(transport)
                    assert client is not None
                    return client.getfo(path, io.BytesIO(), prefetch=False)
                finally:
                    transport.close()

            return go

        add(b, "sftp.server_connection_dropped_mid_download", "sftp.error", TPS, None, [
            ("READ :: SFTP bank statements", get("dnb_acme_prod", "/outbound/camt053_20240612.xml")),
            ("READ :: SFTP invoices", get("acme_in", "/out/invoices_20240612.xml")),
            ("READ :: SFTP supplier master", get("ivalua_acme", "export/suppliers_full.csv")),
        ], source=f"{version('paramiko')} SFTPClient.getfo against a server whose SFTP process dies mid-transfer (modelled)", code=None)

    # the connection allows only ed25519/ECDSA host keys; the bank's server offers an RSA key only
    with srv.ssh_server(Server, paramiko.RSAKey.generate(2048)) as port:

        def connect(user: str) -> Callable[[], object]:
            def go() -> object:
                ssh = paramiko.SSHClient()
                ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
                try:
                    return ssh.connect(srv.LOOPBACK, port=port, username=user, password="secret", timeout=5, allow_agent=False, look_for_keys=False, disabled_algorithms={"keys": ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"]})
                finally:
                    ssh.close()

            return go

        add(b, "sftp.no_acceptable_host_key_algorithm", "sftp.host_key", WE, TPS, [
            ("READ :: SFTP bank statements", connect("dnb_acme_prod")),
            ("EXPORT :: SFTP payments", connect("acme_pay")),
            ("READ :: SFTP supplier master", connect("ivalua_acme")),
        ], source=f"{version('paramiko')} SSHClient with RSA host key algorithms disabled, against an RSA-only server", code=None)


# =========================================================================== SOAP faults (zeep, modelled bodies)


def soap_blind23(b: Subset) -> None:
    src = f"{version('zeep')} + SOAP fault bodies (modelled)"
    with srv.http_server() as (base, canned):
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP invoices", "SUBMIT :: SOAP bank payments", "SUBMIT :: SOAP orders"], [
            ("soap.fault_wss_timestamp_message_expired", "wsse:MessageExpired", WE, TPS, [
                "The message has expired (WSSecurityEngine: Invalid timestamp The security semantics of the message have expired)",
                "The message has expired (WSSecurityEngine: Invalid timestamp The security semantics of the message have expired)",
                "The message has expired (WSSecurityEngine: Invalid timestamp The security semantics of the message have expired)",
            ]),
            ("soap.fault_wss4j_security_token_not_authenticated", "wsse:FailedAuthentication", TPS, WE, [
                "The security token could not be authenticated or authorized; nested exception is org.apache.wss4j.common.ext.WSSecurityException: The security token could not be authenticated or authorized",
                "The security token could not be authenticated or authorized; nested exception is org.apache.wss4j.common.ext.WSSecurityException: The security token could not be authenticated or authorized",
                "The security token could not be authenticated or authorized; nested exception is org.apache.wss4j.common.ext.WSSecurityException: The security token could not be authenticated or authorized",
            ]),
        ], source=src, invoice_prefix="B23a")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: OSB supplier invoices", "SUBMIT :: OSB goods receipts", "EXTRACT :: OSB vendor master"], [
            ("soap.fault_osb_business_service_offline", "soapenv:Server", TPS, None, [
                "OSB-380002: Service Unavailable: no active endpoint URIs for business service 'ERP/BusinessServices/InvoiceBS' (all URIs offline)",
                "OSB-380002: Service Unavailable: no active endpoint URIs for business service 'SCM/BusinessServices/GoodsReceiptBS' (all URIs offline)",
                "OSB-380002: Service Unavailable: no active endpoint URIs for business service 'MDM/BusinessServices/VendorQueryBS' (all URIs offline)",
            ]),
        ], source=src, invoice_prefix="B23b")


# =========================================================================== generic REST vendors


def rest_blind23(b: Subset) -> None:
    apigw = '{{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:eu-north-1:********{acct}:{api}/prod/{route} with an explicit deny"}}'
    dav = '<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">\n  <s:exception>OCA\\DAV\\Connector\\Sabre\\Exception\\FileLocked</s:exception>\n  <s:message>"{name}" is locked</s:message>\n</d:error>\n'
    tripletex = '{{"status":409,"code":8000,"message":"RevisionException: Object has been modified since it was read. Please refresh and try again.","link":"https://tripletex.no/v2-docs/","developerMessage":"{entity} id {oid} has version {have}, request had version {sent}","validationMessages":null,"requestId":"{rid}"}}'
    hubspot = '{{"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","correlationId":"{cid}","policyName":"TEN_SECONDLY_ROLLING","groupName":"publicapi:private-app-api-calls-ten-secondly:{app}"}}'
    with srv.http_server() as (base, canned):
        status_cases(b, base, canned, [
            ("http.api_gateway_explicit_deny_ip", "http.status", TPS, WE, 403, "requests", "Amazon API Gateway resource-policy body (modelled)", {"x-amzn-ErrorType": "AccessDeniedException"}, "application/json", [
                ("SUBMIT :: Logistics bookings", "/prod/bookings", apigw.format(acct="5012", api="k2x9q1ab7c", route="POST/bookings")),
                ("EXTRACT :: Partner stock levels", "/prod/inventory/export", apigw.format(acct="7734", api="p8w3n5cd2e", route="GET/inventory/export")),
                ("SUBMIT :: Supplier portal invoices", "/prod/invoices", apigw.format(acct="0419", api="z4r7t2gh9j", route="POST/invoices")),
            ]),
            ("http.webdav_423_nextcloud_file_locked", "http.status", TPS, IDQ, 423, "httpx", "Nextcloud WebDAV error body (modelled)", {}, "application/xml; charset=utf-8", [
                ("EXPORT :: Nextcloud reports", "/remote.php/dav/files/etl/Rapporter/ap_aging_20240612.xlsx", dav.format(name="Rapporter/ap_aging_20240612.xlsx")),
                ("READ :: Nextcloud budget", "/remote.php/dav/files/etl/Controlling/budget_2024.xlsx", dav.format(name="Controlling/budget_2024.xlsx")),
                ("WRITE :: WebDAV supplier files", "/remote.php/dav/files/etl/Leverandor/SUP-10442/statement_2024-06.pdf", dav.format(name="Leverandor/SUP-10442/statement_2024-06.pdf")),
            ]),
            ("tripletex.revision_conflict_409", "erp.api", TPS, IDQ, 409, "requests", "Tripletex API body (modelled)", {}, "application/json", [
                ("SUBMIT :: Tripletex supplier invoices", "/v2/supplierInvoice/88213", tripletex.format(entity="SupplierInvoice", oid=88213, have=7, sent=6, rid="5f1c2a7e-9b3d-4c8e-a2f1-0d9e8c7b6a51")),
                ("LOAD :: Tripletex vouchers", "/v2/ledger/voucher/3300412", tripletex.format(entity="Voucher", oid=3300412, have=3, sent=2, rid="6a2d3b8f-0c4e-4d9f-b3a2-1e0f9d8c7b62")),
                ("EXPORT :: Tripletex suppliers", "/v2/supplier/10045", tripletex.format(entity="Supplier", oid=10045, have=12, sent=11, rid="7b3e4c9a-1d5f-4e0a-c4b3-2f1a0e9d8c73")),
            ]),
            ("hubspot.429_ten_secondly_rolling_limit", "crm.api", TPS, None, 429, "httpx", "HubSpot API body (modelled)", {"Retry-After": "10"}, "application/json;charset=utf-8", [
                ("EXTRACT :: CRM customers", "/crm/v3/objects/companies?limit=100&after=4410", hubspot.format(cid="0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", app="3344556")),
                ("EXTRACT :: CRM deals", "/crm/v3/objects/deals?limit=100&after=88213", hubspot.format(cid="1c0d9e8f-7a6b-4c5d-8e3f-2a1b0c9d8e7f", app="3344556")),
                ("SUBMIT :: CRM invoice status", "/crm/v3/objects/invoices/batch/update", hubspot.format(cid="2d1e0f9a-8b7c-4d6e-9f4a-3b2c1d0e9f8a", app="9988771")),
            ]),
        ])


# =========================================================================== client timeouts and TLS


def timeouts_blind23(b: Subset, tmp: Path) -> None:
    import httpx
    import requests
    import urllib3
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    # httpx: a large upload to a server that never reads it
    with srv.silent_server() as port:

        def upload(path: str, size: int) -> Callable[[], object]:
            def go() -> object:
                with httpx.Client(timeout=httpx.Timeout(10.0, write=0.5)) as client:
                    return client.post(f"http://{srv.LOOPBACK}:{port}{path}", content=b"0" * size)

            return go

        add(b, "httpx.write_timeout_large_upload", "http.timeout", TPS, None, [
            ("SUBMIT :: Ivalua invoice attachments", upload("/api/v3/invoices/INV-2024-0612/attachments", 64 * 1024 * 1024)),
            ("EXPORT :: Document archive upload", upload("/archive/v1/documents", 48 * 1024 * 1024)),
            ("LOAD :: Data warehouse bulk upload", upload("/ingest/v2/batches/88213", 80 * 1024 * 1024)),
        ], source=f"{version('httpx')} write timeout against a server that never reads", code=None)

        # urllib3 with one retry, both attempts time out reading the response
        def pooled(path: str, read: float) -> Callable[[], object]:
            def go() -> object:
                with urllib3.PoolManager(retries=urllib3.Retry(total=1, read=1, backoff_factor=0)) as pool:
                    return pool.request("GET", f"http://{srv.LOOPBACK}:{port}{path}", timeout=urllib3.Timeout(connect=2, read=read))

            return go

        add(b, "urllib3.max_retries_caused_by_read_timeout", "http.timeout", TPS, None, [
            ("EXTRACT :: Currency rates", pooled("/v1/latest?base=NOK", 0.3)),
            ("EXTRACT :: Partner stock levels", pooled("/inventory/v1/export.csv", 0.4)),
            ("EXTRACT :: Logistics tracking events", pooled("/tracking/v1/events?since=2024-06-11", 0.5)),
        ], source=f"{version('urllib3')} PoolManager with Retry(total=1) against a server that never answers", code=None)

    # requests: headers arrive, then the body stalls while streaming
    variants: Variants = []
    for act, path, first in [
        ("EXTRACT :: Supplier portal invoices", "/portal/api/v3/invoices/export", b'[{"invoiceNo":"INV-2024-0612","amount":1250.00},'),
        ("EXTRACT :: Product catalogue", "/catalog/v2/products/export.csv", b"sku;name;price\n70061;Skrue 4x40;1,25\n"),
        ("READ :: Bank statements API", "/psd2/v1/accounts/NO9386011117947/transactions?dateFrom=2024-06-01", b'{"transactions":{"booked":[{"transactionId":"TX-88213",'),
    ]:
        reply = f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {len(first) + 250000}\r\n\r\n".encode() + first

        def go(reply: bytes = reply, path: str = path) -> object:
            with reply_then_stall(reply) as port, requests.get(f"http://{srv.LOOPBACK}:{port}{path}", stream=True, timeout=(2, 0.4)) as r:
                return b"".join(r.iter_content(8192))

        variants.append((act, go))
    add(b, "requests.stream_body_read_timed_out", "http.timeout", TPS, None, variants, source=f"{version('requests')} streamed download stalling after the headers (modelled)", code=None)

    # urllib3 without retries: the configured vendor host does not exist (the resolver is stubbed:
    # no DNS query leaves the machine)
    def resolve(url: str) -> Callable[[], object]:
        def go() -> object:
            with blind3.resolver_failing(socket.EAI_NONAME, "Name or service not known"), urllib3.PoolManager(retries=False) as pool:
                return pool.request("GET", url, timeout=2)

        return go

    add(b, "urllib3.name_resolution_error_invalid_host", "http.dns", WE, TPS, [
        ("EXTRACT :: Logistics tracking events", resolve("https://api.fraktpartner.invalid/tracking/v1/events?since=2024-06-11")),
        ("EXTRACT :: Currency rates", resolve("https://rates.norges-bank.invalid/api/data/EXR/B.USD+EUR.NOK.SP")),
        ("READ :: Bank statements API", resolve("https://psd2.dnb-sandbox.invalid:8443/v1/accounts/NO9386011117947/transactions")),
    ], source=f"{version('urllib3')} PoolManager(retries=False) with a host under .invalid (resolver stubbed)", code=None)

    # TLS: the vendor's chain has an intermediate that is not a CA
    now_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    mid_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Partner Root CA G2")])
    mid_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Partner Issuing CA 01")])
    root = blind3._cert("Partner Root CA G2", now_key, root_name, now_key, -1, 30, True)
    mid = blind3._cert("Partner Issuing CA 01", mid_key, root_name, now_key, -1, 30, False)
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = blind3._cert(srv.LOOPBACK, leaf_key, mid_name, mid_key, -1, 30, False)
    chain = tmp / "partner_chain.pem"
    chain.write_bytes(leaf.public_bytes(serialization.Encoding.PEM) + mid.public_bytes(serialization.Encoding.PEM))
    key = tmp / "partner_leaf.key"
    key.write_bytes(leaf_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
    ca = tmp / "partner_root.pem"
    ca.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    with srv.http_server(blind3.server_context(chain, key)) as (tls_base, _):

        def fetch(path: str) -> Callable[[], object]:
            return lambda: httpx.get(f"{tls_base}{path}", verify=str(ca), timeout=5)

        add(b, "httpx.tls_intermediate_not_a_ca", "http.tls", TPS, WE, [
            ("EXTRACT :: Partner stock levels", fetch("/inventory/v1/export.csv")),
            ("SUBMIT :: Logistics bookings", fetch("/api/v2/bookings")),
            ("EXTRACT :: Supplier portal invoices", fetch("/portal/api/v3/invoices?status=approved")),
        ], source=f"{version('httpx')} + a partner chain whose intermediate lacks CA:TRUE (made locally)", code=None)


# =========================================================================== main


FAMILIES = ["xledger", "ivalua", "s3", "ftp", "sftp", "soap", "rest", "timeouts"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "xledger": lambda: xledger_blind23(b),
            "ivalua": lambda: ivalua_blind23(b),
            "s3": lambda: s3_blind23(b),
            "ftp": lambda: ftp_blind23(b),
            "sftp": lambda: sftp_blind23(b),
            "soap": lambda: soap_blind23(b),
            "rest": lambda: rest_blind23(b),
            "timeouts": lambda: timeouts_blind23(b, tmp),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
