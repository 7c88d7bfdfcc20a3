"""Capture the production-mix round prod6: one month of a procurement-heavy tenant's on-call log, written without the rules.

A production-mix round does not hunt for new wordings: it writes down the failures one month of
on-call really brings, in the proportions they occur and in their most common wordings, with fresh
values (template_id ``prod6.*``, split ``holdout``). Templates already in the corpus come back with
new values, as they do in production. Everything here was chosen and labelled by who must act
without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset prod6``) measures them on a realistic mix.
The month is that of three tenants whose pipelines centre on procurement: Ivalua (suppliers,
contracts, purchase orders, invoices, goods receipts: field-by-field rejections, order-line rules,
throttling, server exceptions, token refusals, slow exports), supplier files dropped by partners on
S3 and FTP/SFTP (files not delivered, access refused, logins failing, expired platform credentials),
EHF/PEPPOL UBL e-invoices parsed and validated with lxml, SOAP faults of a legacy ERP, pandas and
DuckDB matching of orders and invoices (missing columns, ragged or empty or Windows-1252 files,
duplicate keys, decimal commas, the platform's own SQL, memory), pydantic validation of records,
pushes of approved invoices to an ERP REST API (validation, duplicates, gateway timeouts, refused
connections, an SSO page instead of JSON), the platform's own workers, secrets, dataset service and
timeouts, and e-mail notifications to suppliers.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only (no name
is resolved and nothing leaves the machine); vendor replies (Ivalua REST, the ERP REST API modelled
on Business Central's error envelope, SOAP faults, AWS error bodies, FTP and SMTP server replies,
gateway pages) and the workflow engine's own errors are modelled on realistic ones and say so in
``source``.

Run:  uv run python scripts/capture_prod6_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``prod6.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
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
import capture_blind9_holdout as blind9  # noqa: E402
import capture_blind23_holdout as blind23  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "prod6."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
many = blind.many
add, call = blind9.add, blind9.call


# =========================================================================== Ivalua


def ivalua_prod6(b: Subset) -> None:
    import httpx

    def model_state(key: str, msg: str) -> str:
        return json.dumps({"Message": "The request is invalid.", "ModelState": {key: [msg]}})

    def order_rule(line: str, verb: str, done: str, ordered: int, already: int, asked: int) -> str:
        return json.dumps({"Message": f"Order line {line} has no remaining quantity to {verb} (ordered {ordered}, already {done} {already}, requested {asked}).", "ErrorCode": "ORDER_LINE_QUANTITY_EXCEEDED"})

    def exception(text: str, kind: str) -> str:
        return json.dumps({"Message": "An error has occurred.", "ExceptionMessage": text, "ExceptionType": kind})

    rate = '{{"statusCode":429,"message":"Rate limit is exceeded. Try again in {n} seconds."}}'
    with srv.http_server() as (base, canned):
        blind9.http_cases(b, base, canned, [
            ("ivalua.rest_400_model_state", "ivalua.http", IDQ, None, 400, "requests", "Ivalua REST body (modelled)", [
                ("SUBMIT :: Ivalua invoices", "/api/v3/invoices", model_state("invoice.SupplierCode", "The SupplierCode field is required.")),
                ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers/SUP-30517", model_state("supplier.VatNumber", "The field VatNumber must match the regular expression '^NO[0-9]{9}MVA$'.")),
                ("SUBMIT :: Ivalua goods receipts", "/api/v3/receipts", model_state("receipt.Lines[4].Quantity", "The field Quantity must be between 0,001 and 999999.")),
            ]),
            ("ivalua.rest_422_order_line_no_remaining_quantity", "ivalua.http", IDQ, None, 422, "requests", "Ivalua REST body (modelled)", [
                ("SUBMIT :: Ivalua invoices", "/api/v3/invoices", order_rule("PO-2024-041877/3", "invoice", "invoiced", 40, 40, 12)),
                ("SUBMIT :: Ivalua goods receipts", "/api/v3/receipts", order_rule("PO-2024-041902/1", "receive", "received", 100, 100, 25)),
                ("SUBMIT :: Ivalua invoices", "/api/v3/invoices", order_rule("PO-2024-042115/7", "invoice", "invoiced", 6, 5, 2)),
            ]),
            ("ivalua.token_401_invalid_client", "ivalua.http", TPS, IDQ, 401, "requests", "Ivalua OAuth token endpoint body (modelled)", [
                ("EXTRACT :: Ivalua suppliers", "/oauth2/token", '{"error":"invalid_client","error_description":"Client authentication failed for client \'nordvik-prod-etl\'."}'),
                ("EXTRACT :: Ivalua purchase orders", "/oauth2/token", '{"error":"invalid_client","error_description":"Client authentication failed for client \'fjellstad-etl\'."}'),
                ("SUBMIT :: Ivalua invoices", "/oauth2/token", '{"error":"invalid_client","error_description":"Client authentication failed for client \'nordvik-prod-etl\'."}'),
            ]),
        ])
        blind23.status_cases(b, base, canned, [
            ("ivalua.rest_429_rate_limit", "ivalua.http", TPS, None, 429, "requests", "Ivalua REST throttling body (modelled)", {"Retry-After": "23"}, "application/json", [
                ("EXTRACT :: Ivalua purchase orders", "/api/v3/orders?modifiedSince=2024-10-13&page=41", rate.format(n=23)),
                ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?status=Approved&page=7", rate.format(n=8)),
                ("EXTRACT :: Ivalua contracts", "/api/v3/contracts?page=3", rate.format(n=51)),
            ]),
            ("ivalua.rest_500_exception", "ivalua.http", TPS, None, 500, "requests", "Ivalua REST body (modelled)", {}, "application/json", [
                ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers?page=12", exception("Transaction (Process ID 87) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.", "System.Data.SqlClient.SqlException")),
                ("EXTRACT :: Ivalua goods receipts", "/api/v3/receipts?modifiedSince=2024-10-20", exception("Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", "System.Data.SqlClient.SqlException")),
                ("EXTRACT :: Ivalua invoices", "/api/v3/invoices/F-2024-10493", exception("Object reference not set to an instance of an object.", "System.NullReferenceException")),
            ]),
        ])

    # the Ivalua export endpoint accepts the request and never answers within the read timeout
    with srv.silent_server() as port:

        def slow(path: str) -> Callable[[], object]:
            return lambda: httpx.get(f"http://{srv.LOOPBACK}:{port}{path}", timeout=httpx.Timeout(5.0, read=0.4))

        add(b, "ivalua.export_read_timeout", "http.timeout", TPS, None, [
            ("EXTRACT :: Ivalua purchase orders", slow("/api/v3/orders/export?modifiedSince=2024-10-01")),
            ("EXTRACT :: Ivalua contracts", slow("/api/v3/contracts/export")),
            ("EXTRACT :: Ivalua suppliers", slow("/api/v3/suppliers/export?include=bankAccounts,contacts")),
        ], source=f"{version('httpx')} read timeout against a server that never answers", code=None)


# =========================================================================== ERP REST (approved invoices)


def erp_prod6(b: Subset) -> None:
    import requests

    def bc(code: str, msg: str, cid: str) -> str:
        return json.dumps({"error": {"code": code, "message": f"{msg}  CorrelationId:  {cid}."}})

    gateway = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    src = "ERP REST body (modelled on the Business Central API)"
    with srv.http_server() as (base, canned):
        blind9.http_cases(b, base, canned, [
            ("erp.rest_400_dialog_validation", "erp.api", IDQ, None, 400, "requests", src, [
                ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices", bc("Application_DialogException", "You cannot post this type of document when Vendor 30517 is blocked with type Payment", "3c9e1b7a-52d0-4f8e-a1c6-0d7b2e9f4a31")),
                ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices(9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d)/Microsoft.NAV.post", bc("Application_DialogException", "Posting Date is not within your range of allowed posting dates.", "8e2f4a61-0c3b-4d97-b5e8-1f6a2c9d7e40")),
                ("SUBMIT :: ERP supplier credit notes", "/api/v2.0/companies(7c6b5a49-3e2d-4c1b-8a09-f8e7d6c5b4a3)/purchaseCreditMemos", bc("Application_DialogException", "The Dimension Value PRJ-4410 for Dimension PROSJEKT is blocked.", "b17d3e92-6a4f-4c08-9e2d-5f1a0b8c7d63")),
            ]),
            ("erp.rest_400_purchase_invoice_already_exists", "erp.api", IDQ, WE, 400, "requests", src, [
                ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices(1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e)/Microsoft.NAV.post", bc("Application_DialogException", "Purchase Invoice 2024-10493 already exists for this vendor.", "5a0c8e13-97b2-4d6f-8c41-e2f7a9b3d058")),
                ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices(2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f)/Microsoft.NAV.post", bc("Application_DialogException", "Purchase Invoice 88-7712 already exists for this vendor.", "e4d2b0a8-1f3c-4e59-a7b6-9c8d0e1f2a34")),
                ("SUBMIT :: ERP supplier credit notes", "/api/v2.0/companies(7c6b5a49-3e2d-4c1b-8a09-f8e7d6c5b4a3)/purchaseCreditMemos(3d4e5f6a-7b8c-4d9e-0f1a-2b3c4d5e6f7a)/Microsoft.NAV.post", bc("Application_DialogException", "Purchase Credit Memo KN-20241031-02 already exists for this vendor.", "0f9e8d7c-6b5a-4493-8271-6f5e4d3c2b1a")),
            ]),
            ("erp.rest_401_invalid_credentials", "erp.api", TPS, IDQ, 401, "requests", src, [
                ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices", bc("Authentication_InvalidCredentials", "The server has rejected the client credentials.", "7d1f0c2e-8a3b-4c95-b6d4-e0f1a2b3c4d5")),
                ("EXTRACT :: ERP vendors", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/vendors?$filter=lastModifiedDateTime gt 2024-10-01T00:00:00Z", bc("Authentication_InvalidCredentials", "The server has rejected the client credentials.", "2e4a6c8e-0b1d-4f3a-9c5e-7a9b1c3d5e7f")),
                ("SUBMIT :: ERP supplier credit notes", "/api/v2.0/companies(7c6b5a49-3e2d-4c1b-8a09-f8e7d6c5b4a3)/purchaseCreditMemos", bc("Authentication_InvalidCredentials", "The server has rejected the client credentials.", "9b8a7f6e-5d4c-4b3a-8291-0f1e2d3c4b5a")),
            ]),
            ("erp.rest_504_gateway_timeout", "erp.api", TPS, None, 504, "requests", "nginx gateway page (modelled)", [
                ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices", gateway),
                ("SUBMIT :: ERP payment proposals", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/vendorPayments", gateway),
                ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(7c6b5a49-3e2d-4c1b-8a09-f8e7d6c5b4a3)/purchaseInvoices", gateway),
            ]),
        ])

        # the ERP's single sign-on front answers 200 with its login page instead of JSON
        login = "<!DOCTYPE html>\r\n<html lang=\"nb\"><head><title>Logg inn</title></head><body><form method=\"post\" action=\"/adfs/ls/\">{}</form></body></html>"
        variants: Variants = []
        for i, (act, path, lead) in enumerate([
            ("EXTRACT :: ERP vendors", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/vendors", ""),
            ("EXTRACT :: ERP posted purchase invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices?$filter=status eq 'Paid'", ""),
            ("EXTRACT :: ERP GL accounts", "/api/v2.0/companies(7c6b5a49-3e2d-4c1b-8a09-f8e7d6c5b4a3)/accounts", "\r\n"),
        ]):
            key = canned.put(f"sso{i}", 200, lead + login.format("<input name=\"UserName\"/>"), "text/html; charset=utf-8")
            variants.append((act, lambda url=f"{base}/r/{key}{path}": requests.get(url, timeout=5).json()))
        add(b, "erp.json_decode_sso_login_page", "json.decode", TPS, None, variants, source=f"{version('requests')} Response.json() on an SSO login page (modelled)", code=None)

    # the ERP API host is down: nothing listens on its port
    variants = []
    for act, path in [
        ("SUBMIT :: ERP supplier invoices", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/purchaseInvoices"),
        ("SUBMIT :: ERP payment proposals", "/api/v2.0/companies(4f1e2d3c-0b9a-4e8d-9c7b-6a5f4e3d2c1b)/vendorPayments"),
        ("EXTRACT :: ERP vendors", "/api/v2.0/companies(7c6b5a49-3e2d-4c1b-8a09-f8e7d6c5b4a3)/vendors"),
    ]:
        url = f"http://{srv.LOOPBACK}:{srv.closed_port()}{path}"
        variants.append((act, lambda url=url: requests.post(url, json={"vendorNumber": "30517"}, timeout=5)))
    add(b, "erp.connection_refused", "http.connect", TPS, None, variants, source=f"{version('requests')} against a port nothing listens on", code=None)


# =========================================================================== SOAP (legacy ERP)


def soap_prod6(b: Subset) -> None:
    src = f"{version('zeep')} + SOAP fault bodies (modelled)"
    with srv.http_server() as (base, canned):
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP supplier invoices", "SUBMIT :: SOAP goods receipts", "EXTRACT :: SOAP vendor master"], [
            ("soap.fault_server_unable_to_process", "soap:Server", TPS, None, [
                "Server was unable to process request. ---> Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
                "Server was unable to process request. ---> Object reference not set to an instance of an object.",
                "Server was unable to process request. ---> Transaction (Process ID 142) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
            ]),
            ("soap.fault_authentication_failed", "soap:Client", TPS, IDQ, [
                "Authentication failed for user 'svc_p2p_nordvik'. Invalid username or password.",
                "Authentication failed for user 'svc_p2p_nordvik'. Invalid username or password.",
                "Authentication failed for user 'INT_FJELLSTAD'. Invalid username or password.",
            ]),
        ], source=src, invoice_prefix="P6a")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP supplier invoices", "SUBMIT :: SOAP goods receipts", "SUBMIT :: SOAP supplier invoices"], [
            ("soap.fault_validation_field", "soap:Client", IDQ, None, [
                "Validation failed: field 'VendorNo' value '30517' is not an active vendor in company 10",
                "Validation failed: field 'OrderNo' value '4500018823' does not exist or is closed",
                "Validation failed: field 'VatCode' value '25' is not valid for account 6550",
            ]),
        ], source=src, invoice_prefix="P6b")


# =========================================================================== S3 (partner drops)


def s3_prod6(b: Subset) -> None:
    blind3.aws_env()
    bc = version("botocore")
    with srv.http_server() as (base, canned):
        client = functools.partial(blind.aws_client, base)

        # the file sensor checks that the partner's daily file is there
        variants: Variants = []
        for i, (act, bucket, key) in enumerate([
            ("READ :: S3 supplier invoices", "nordvik-partner-drop", "invoices/ahlsell/2024-10-14/invoices.csv"),
            ("READ :: S3 supplier price files", "nordvik-partner-drop", "prices/onninen/pricelist_2024W42.csv"),
            ("READ :: S3 order confirmations", "fjellstad-supplier-in", "ordrebekreftelser/2024-10-21/ordrsp.xml"),
        ]):
            k = canned.put(f"h404_{i}", 404, b"", "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key: client("s3", k).head_object(Bucket=bucket, Key=key)))
        add(b, "s3.head_object_404_not_found", "s3.client_error", IDQ, WE, variants, source=f"{bc} + S3 HEAD reply without body (modelled)", code=404)

        variants = blind.s3_error_variants(base, canned, "nsk", 404, "NoSuchKey", "The specified key does not exist.",
            lambda c, bucket, key: c.get_object(Bucket=bucket, Key=key), [
            ("READ :: S3 supplier invoices", "nordvik-partner-drop", "invoices/bergans/2024-10-07/invoices.csv"),
            ("READ :: S3 supplier catalogue", "nordvik-partner-drop", "catalogue/staples/catalogue_2024-10.xlsx"),
            ("READ :: S3 goods receipts", "solvang-wms-export", "receipts/2024/10/28/receipts.csv"),
        ], extra="<Key>{key}</Key>")
        add(b, "s3.get_object_no_such_key", "s3.client_error", IDQ, WE, variants, source=f"{bc} + S3 error body (modelled)", code=404)

        variants = blind.s3_error_variants(base, canned, "ad", 403, "AccessDenied", "Access Denied",
            lambda c, bucket, key: c.get_object(Bucket=bucket, Key=key), [
            ("READ :: S3 supplier invoices", "ahlsell-outbound-nordvik", "invoices/2024-10-16/invoices.csv"),
            ("READ :: S3 order confirmations", "onninen-edi-out", "nordvik/ordrsp_20241016.xml"),
            ("READ :: S3 supplier invoices", "ahlsell-outbound-nordvik", "invoices/2024-10-17/invoices.csv"),
        ])
        add(b, "s3.get_object_access_denied", "s3.client_error", TPS, None, variants, source=f"{bc} + S3 error body (modelled)", code=403)

        # the worker's assumed-role session ran out during a long export
        variants = blind.s3_error_variants(base, canned, "exp", 400, "ExpiredToken", "The provided token has expired.",
            lambda c, bucket, key: c.put_object(Bucket=bucket, Key=key, Body=b"PAR1"), [
            ("EXPORT :: S3 matched invoices", "nordvik-etl-exports", "matching/2024/10/22/matched.parquet"),
            ("WRITE :: S3 spend cube", "nordvik-etl-exports", "spend/year=2024/month=10/part-0003.parquet"),
            ("EXPORT :: S3 supplier master", "fjellstad-etl-exports", "suppliers/suppliers_20241025.csv"),
        ])
        add(b, "s3.put_object_expired_token", "s3.credentials", WE, None, variants, source=f"{bc} + S3 error body (modelled)", code=400)


# =========================================================================== FTP and SFTP


def ftp_prod6(b: Subset) -> None:
    ftp = blind.ftp_case
    py = cap.python_source()
    proftpd = "220 ProFTPD Server (Supplier exchange) [127.0.0.1]"
    add(b, "ftp.retr_550_no_such_file", "ftp.error_perm", IDQ, TPS, [
        ftp("READ :: FTP supplier invoices", {"RETR": "550 /out/faktura_20241014.csv: No such file or directory"}, blind.ftp_retr("/out/faktura_20241014.csv"), proftpd, "nordvik"),
        ftp("READ :: FTP supplier price files", {"RETR": "550 /prices/PRISFIL_2024_10.txt: No such file or directory"}, blind.ftp_retr("/prices/PRISFIL_2024_10.txt"), proftpd, "nordvik_prices"),
        ftp("READ :: FTP order confirmations", {"RETR": "550 /edi/out/ORDRSP_4500018823.xml: No such file or directory"}, blind.ftp_retr("/edi/out/ORDRSP_4500018823.xml"), proftpd, "fjellstad_edi"),
    ], source=f"{py} ftplib + FTP server replies (modelled on ProFTPD)", code=None)

    vsftpd = "220 (vsFTPd 3.0.3)"
    add(b, "ftp.login_530_incorrect", "ftp.error_perm", TPS, IDQ, [
        ftp("READ :: FTP supplier invoices", {"PASS": "530 Login incorrect."}, lambda c: None, vsftpd, "nordvik"),
        ftp("READ :: FTP supplier price files", {"PASS": "530 Login incorrect."}, lambda c: None, vsftpd, "nordvik_prices"),
        ftp("EXPORT :: FTP purchase orders", {"PASS": "530 Login incorrect."}, lambda c: None, vsftpd, "solvang_po"),
    ], source=f"{py} ftplib + FTP server replies (modelled on vsftpd)", code=None)


def sftp_prod6(b: Subset) -> None:
    import paramiko

    pk = version("paramiko")
    with srv.ssh_server_rejecting_passwords() as port:
        add(b, "sftp.authentication_failed", "sftp.ssh", TPS, IDQ, [
            ("READ :: SFTP supplier invoices", srv.ssh_login(port, "nordvik_in")),
            ("READ :: SFTP EHF invoices", srv.ssh_login(port, "fjellstad_ehf")),
            ("EXPORT :: SFTP payment files", srv.ssh_login(port, "solvang_pay")),
        ], source=f"{pk} SSHClient against a server refusing the password", code=None)

    with blind3.sftp_server(lambda _p: paramiko.SFTP_NO_SUCH_FILE) as (port, _key):
        add(b, "sftp.get_no_such_file", "sftp.error", IDQ, TPS, [
            ("READ :: SFTP supplier invoices", srv.ssh_login(port, "nordvik_in", "/outbound/invoices_20241021.csv")),
            ("READ :: SFTP EHF invoices", srv.ssh_login(port, "fjellstad_ehf", "/inbox/ehf/EHF_F-2024-10493.xml")),
            ("READ :: SFTP goods receipts", srv.ssh_login(port, "solvang_wms", "export/receipts_20241028.csv")),
        ], source=f"{pk} SFTPClient against a server answering SSH_FX_NO_SUCH_FILE", code=None)


# =========================================================================== EHF / PEPPOL UBL (lxml)


UBL_INV = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
UBL_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
UBL_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"


def _ubl_schema(tmp: Path) -> Any:
    """A cut-down UBL 2.1 Invoice schema (three namespaces, as the real one) written to `tmp`."""
    from lxml import etree

    xs = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"'
    folder = tmp / "ubl"
    folder.mkdir(exist_ok=True)
    (folder / "cbc.xsd").write_text(
        f'<xs:schema {xs} targetNamespace="{UBL_CBC}" elementFormDefault="qualified">'
        '<xs:complexType name="AmountType"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="currencyID" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType>'
        + "".join(f'<xs:element name="{n}" type="xs:string"/>' for n in ("CustomizationID", "ProfileID", "ID", "InvoiceTypeCode", "DocumentCurrencyCode", "BuyerReference"))
        + "".join(f'<xs:element name="{n}" type="xs:date"/>' for n in ("IssueDate", "DueDate"))
        + "".join(f'<xs:element name="{n}" type="AmountType" xmlns="{UBL_CBC}"/>' for n in ("LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount"))
        + "</xs:schema>"
    )
    (folder / "cac.xsd").write_text(
        f'<xs:schema {xs} xmlns:cbc="{UBL_CBC}" targetNamespace="{UBL_CAC}" elementFormDefault="qualified">'
        f'<xs:import namespace="{UBL_CBC}" schemaLocation="cbc.xsd"/>'
        '<xs:element name="LegalMonetaryTotal"><xs:complexType><xs:sequence>'
        '<xs:element ref="cbc:LineExtensionAmount"/><xs:element ref="cbc:TaxExclusiveAmount"/><xs:element ref="cbc:TaxInclusiveAmount"/><xs:element ref="cbc:PayableAmount"/>'
        "</xs:sequence></xs:complexType></xs:element></xs:schema>"
    )
    (folder / "UBL-Invoice-2.1.xsd").write_text(
        f'<xs:schema {xs} xmlns:cbc="{UBL_CBC}" xmlns:cac="{UBL_CAC}" targetNamespace="{UBL_INV}" elementFormDefault="qualified">'
        f'<xs:import namespace="{UBL_CBC}" schemaLocation="cbc.xsd"/><xs:import namespace="{UBL_CAC}" schemaLocation="cac.xsd"/>'
        '<xs:element name="Invoice"><xs:complexType><xs:sequence>'
        '<xs:element ref="cbc:CustomizationID"/><xs:element ref="cbc:ProfileID"/><xs:element ref="cbc:ID"/><xs:element ref="cbc:IssueDate"/>'
        '<xs:element ref="cbc:DueDate" minOccurs="0"/><xs:element ref="cbc:InvoiceTypeCode"/><xs:element ref="cbc:DocumentCurrencyCode"/>'
        '<xs:element ref="cbc:BuyerReference" minOccurs="0"/><xs:element ref="cac:LegalMonetaryTotal"/>'
        "</xs:sequence></xs:complexType></xs:element></xs:schema>"
    )
    return etree.XMLSchema(etree.parse(str(folder / "UBL-Invoice-2.1.xsd")))


def _ehf(fields: dict[str, str | None], payable: str = "12450.00") -> bytes:
    """An EHF 3.0 invoice; a field set to None is left out."""
    head = {
        "CustomizationID": "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
        "ProfileID": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
        "ID": "F-2024-10493",
        "IssueDate": "2024-10-14",
        "DueDate": "2024-11-13",
        "InvoiceTypeCode": "380",
        "DocumentCurrencyCode": "NOK",
        "BuyerReference": "PO-2024-041877",
        **fields,
    }
    body = "".join(f"<cbc:{k}>{v}</cbc:{k}>" for k, v in head.items() if v is not None)
    total = "".join(f'<cbc:{k} currencyID="NOK">{v}</cbc:{k}>' for k, v in (("LineExtensionAmount", "9960.00"), ("TaxExclusiveAmount", "9960.00"), ("TaxInclusiveAmount", "12450.00"), ("PayableAmount", payable)))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="{UBL_INV}" xmlns:cbc="{UBL_CBC}" xmlns:cac="{UBL_CAC}">{body}<cac:LegalMonetaryTotal>{total}</cac:LegalMonetaryTotal></Invoice>\n'.encode()


def einvoice_prod6(b: Subset, tmp: Path) -> None:
    from lxml import etree

    schema = _ubl_schema(tmp)
    lx = version("lxml")

    def validate(doc: bytes) -> Callable[[], object]:
        return lambda: schema.assertValid(etree.fromstring(doc))

    add(b, "lxml.ubl_schema_element_not_expected", "parsing.xml_schema", IDQ, None, [
        ("READ :: EHF invoices", validate(_ehf({"ID": "F-2024-10493", "IssueDate": None}))),
        ("READ :: EHF invoices", validate(_ehf({"ID": "88-7712", "InvoiceTypeCode": None}))),
        ("READ :: SFTP EHF invoices", validate(_ehf({"ID": "2024-33019", "CustomizationID": None}))),
    ], source=f"{lx} XMLSchema.assertValid against a cut-down UBL 2.1 Invoice schema")
    add(b, "lxml.ubl_schema_atomic_type", "parsing.xml_schema", IDQ, None, [
        ("READ :: EHF invoices", validate(_ehf({"ID": "F-2024-10518", "IssueDate": "15.10.2024"}))),
        ("READ :: SFTP EHF invoices", validate(_ehf({"ID": "2024-33054"}, payable="12 450,00"))),
        ("READ :: EHF invoices", validate(_ehf({"ID": "88-7740", "DueDate": "2024-10-32"}))),
    ], source=f"{lx} XMLSchema.assertValid against a cut-down UBL 2.1 Invoice schema")

    # the partner's upload was cut off: the file ends inside an element
    def cut(doc: bytes, upto: bytes) -> bytes:
        return doc[: doc.index(upto) + len(upto)]

    add(b, "lxml.xml_premature_end_of_data", "parsing.xml", IDQ, TPS, [
        ("READ :: EHF invoices", call(etree.fromstring, cut(_ehf({"ID": "F-2024-10577"}), b'<cbc:TaxInclusiveAmount currencyID="NOK">124'))),
        ("READ :: SFTP EHF invoices", call(etree.fromstring, cut(_ehf({"ID": "2024-33102"}), b"<cbc:BuyerReference>PO-2024-04"))),
        ("READ :: EHF invoices", call(etree.fromstring, cut(_ehf({"ID": "88-7791", "BuyerReference": "4500018823"}), b'<cbc:PayableAmount currencyID="NOK">12'))),
    ], source=f"{lx} etree.fromstring of a truncated EHF file")


# =========================================================================== pandas (supplier files, matching)


def pandas_prod6(b: Subset, tmp: Path) -> None:
    import pandas as pd

    src = version("pandas")

    def csv_rows(header: str, row: Callable[[int], str], n: int) -> str:
        return header + "\n" + "".join(row(i) + "\n" for i in range(n))

    # a partner renamed a column in its daily file
    files = {
        "ahlsell_invoices_20241015.csv": "Fakturanr;Bestillingsnr;Netto;MVA;Valuta\nF-2024-10493;PO-2024-041877;9960,00;2490,00;NOK\n",
        "onninen_prices_2024W42.csv": "Artikkel;Beskrivelse;Pris pr enhet;Enhet\n1104882;Rørklemme 22 mm;14,90;STK\n",
        "wms_receipts_20241028.csv": "po_no;po_line;qty_received;received_at\nPO-2024-042115;7;5;2024-10-28T06:14:00\n",
    }
    for name, text in files.items():
        Path(name).write_text(text, encoding="utf-8")
    add(b, "pandas.key_error_renamed_column", "pandas.key_error", IDQ, WE, [
        ("READ :: S3 supplier invoices", lambda: pd.read_csv("ahlsell_invoices_20241015.csv", sep=";", decimal=",")["Fakturanummer"]),
        ("READ :: FTP supplier price files", lambda: pd.read_csv("onninen_prices_2024W42.csv", sep=";", decimal=",")["Pris"]),
        ("READ :: SFTP goods receipts", lambda: pd.read_csv("wms_receipts_20241028.csv", sep=";")["quantity"]),
    ], source=src)

    ragged = [
        ("READ :: S3 supplier invoices", csv_rows("invoice_no;po_no;supplier_no;net;vat;currency", lambda i: f"F-2024-{10400 + i};PO-2024-0418{i % 90:02d};30517;{1000 + i},00;{250 + i},00;NOK" + (";Rabatt 2%" if i == 416 else ""), 600), ";"),
        ("READ :: FTP supplier price files", csv_rows("article;description;unit_price;unit;valid_from", lambda i: f"{1104000 + i},Rørklemme {i} mm,{10 + i % 7}.90,STK,2024-11-01" if i != 88 else f"{1104000 + i},Klammer, galvanisert,12.50,STK,2024-11-01", 200), ","),
        ("READ :: SFTP goods receipts", csv_rows("po_no;po_line;qty_received;received_at", lambda i: f"PO-2024-0421{i % 50:02d};{i % 9 + 1};{i % 12 + 1};2024-10-28T0{i % 9}:00:00" + (";;" if i == 1203 else ""), 1500), ";"),
    ]
    add(b, "pandas.parser_tokenizing_expected_fields", "pandas.parser", IDQ, None, [
        (act, lambda text=text, sep=sep: pd.read_csv(io.StringIO(text), sep=sep)) for act, text, sep in ragged
    ], source=src)

    for name in ("bergans_invoices_20241007.csv", "staples_catalogue_2024-10.csv", "receipts_20241029.csv"):
        Path(name).write_bytes(b"")
    add(b, "pandas.empty_data_no_columns", "pandas.empty_data", IDQ, None, [
        ("READ :: S3 supplier invoices", call(pd.read_csv, "bergans_invoices_20241007.csv", sep=";")),
        ("READ :: SFTP supplier catalogue", call(pd.read_csv, "staples_catalogue_2024-10.csv", sep=";")),
        ("READ :: SFTP goods receipts", call(pd.read_csv, "receipts_20241029.csv", sep=";")),
    ], source=src)

    latin = [
        ("READ :: FTP supplier price files", "Artikkel;Beskrivelse;Pris\n1104882;Rørklemme 22 mm;14,90\n"),
        ("READ :: S3 supplier invoices", "Fakturanr;Leverandør;Netto\nF-2024-10602;Bø Rør AS;4 980,00\n"),
        ("READ :: SFTP supplier master", "Leverandørnr;Navn;Orgnr\n30517;Ål Elektro AS;987654321\n"),
    ]
    add(b, "pandas.unicode_decode_cp1252_file", "unicode.decode", IDQ, None, [
        (act, lambda text=text: pd.read_csv(io.BytesIO(text.encode("cp1252")), sep=";")) for act, text in latin
    ], source=src)

    # the order export lists a purchase order twice (a revised order exported with its old version)
    def match(po: str, orders: list[str]) -> Callable[[], object]:
        invoices = pd.DataFrame({"invoice_no": ["F-2024-10493", "F-2024-10518", "88-7712"], "po_no": ["PO-2024-041877", po, "PO-2024-041902"]})
        export = pd.DataFrame({"po_no": [*orders, po], "supplier_no": ["30517"] * (len(orders) + 1)})
        return lambda: invoices.merge(export, on="po_no", how="left", validate="many_to_one")

    add(b, "pandas.merge_not_many_to_one", "pandas.merge", IDQ, None, [
        ("TRANSFORM :: Python match orders and invoices", match("PO-2024-042115", ["PO-2024-041877", "PO-2024-041902", "PO-2024-042115"])),
        ("TRANSFORM :: Python match receipts and invoices", match("PO-2024-042207", ["PO-2024-042207", "PO-2024-041877", "PO-2024-041902"])),
        ("TRANSFORM :: Python match orders and invoices", match("PO-2024-042311", ["PO-2024-041877", "PO-2024-042311", "PO-2024-041902"])),
    ], source=src)

    # the three-way match of a month with a ten-fold invoice volume: numpy cannot allocate
    import numpy as np

    add(b, "numpy.unable_to_allocate", "python.memory", WE, None, [
        ("TRANSFORM :: Python match orders and invoices", call(np.zeros, (412_877, 3_780_112))),
        ("TRANSFORM :: Python spend cube", call(np.zeros, (1_204_551, 905_300))),
        ("TRANSFORM :: Python match receipts and invoices", call(np.zeros, (688_102, 2_410_004))),
    ], source=f"numpy {np.__version__}")


# =========================================================================== DuckDB (matching, staging)


def duckdb_prod6(b: Subset) -> None:
    run = blind.offline_duckdb_query
    staging = (
        "create table stg_invoices(invoice_no varchar primary key, po_no varchar, supplier_no varchar, amount varchar, currency varchar);"
        "create table stg_orders(po_no varchar, po_line integer, supplier_no varchar, net_value decimal(18,2))"
    )
    add(b, "duckdb.binder_column_not_found", "duckdb.binder", WE, IDQ, [
        ("TRANSFORM :: SQL match orders and invoices", run("select po_no, po_line, supplier_no, net_amount from stg_orders where supplier_no = '30517'", staging)),
        ("TRANSFORM :: SQL spend cube", run("select supplier_no, cost_center, sum(net_value) from stg_orders group by all", staging)),
        ("TRANSFORM :: SQL match orders and invoices", run("select invoice_no, po_no, invoice_date from stg_invoices where currency = 'NOK'", staging)),
    ], source=version("duckdb"))

    def cast(values: list[str]) -> Callable[[], object]:
        rows = ", ".join(f"('F-{i}', 'PO-{i}', '30517', '{v}', 'NOK')" for i, v in enumerate(values))
        return run("select invoice_no, cast(amount as decimal(18,2)) as amount from stg_invoices", f"{staging};insert into stg_invoices values {rows}")

    add(b, "duckdb.conversion_decimal_from_column", "duckdb.conversion", IDQ, None, [
        ("LOAD :: DuckDB invoice staging", cast(["9960.00", "1 250,00"])),
        ("TRANSFORM :: SQL match orders and invoices", cast(["4980,00"])),
        ("LOAD :: DuckDB invoice staging", cast(["12450.00", "12.450,00", "77"])),
    ], source=version("duckdb"))

    def dup(inv: str) -> Callable[[], object]:
        return run(f"insert into stg_invoices values ('{inv}', 'PO-2024-041877', '30517', '9960.00', 'NOK'), ('{inv}', 'PO-2024-041877', '30517', '9960.00', 'NOK')", staging)

    add(b, "duckdb.constraint_duplicate_primary_key", "duckdb.constraint", IDQ, None, [
        ("LOAD :: DuckDB invoice staging", dup("F-2024-10493")),
        ("LOAD :: DuckDB invoice staging", dup("88-7712")),
        ("LOAD :: DuckDB credit note staging", dup("KN-20241031-02")),
    ], source=version("duckdb"))

    oom = {**blind.OFFLINE_DUCKDB, "threads": 1}
    add(b, "duckdb.out_of_memory", "duckdb.oom", WE, None, [
        ("TRANSFORM :: SQL match orders and invoices", blind.duckdb_query("select list(range) from range(12000000) group by range % 3", config={**oom, "memory_limit": "12MB"})),
        ("TRANSFORM :: SQL spend cube", blind.duckdb_query("select list(range) from range(24000000) group by range % 5", config={**oom, "memory_limit": "24MB"})),
        ("LOAD :: DuckDB invoice staging", blind.duckdb_query("select list(range) from range(16000000) group by range % 7", config={**oom, "memory_limit": "16MB"})),
    ], source=version("duckdb"))


# =========================================================================== pydantic (records)


def pydantic_prod6(b: Subset) -> None:
    import pydantic

    class InvoiceRecord(pydantic.BaseModel):
        invoice_no: str
        supplier_no: str
        po_no: str
        net_amount: decimal.Decimal
        vat_amount: decimal.Decimal
        currency: str

    class SupplierRecord(pydantic.BaseModel):
        supplier_no: str
        name: str
        org_no: str
        iban: str | None = None

    def inv(**kw: Any) -> Callable[[], object]:
        data: dict[str, Any] = {"invoice_no": "F-2024-10493", "supplier_no": "30517", "po_no": "PO-2024-041877", "net_amount": "9960.00", "vat_amount": "2490.00", "currency": "NOK"}
        data.update(kw)
        return lambda: InvoiceRecord.model_validate({k: v for k, v in data.items() if v is not None})

    src = version("pydantic")
    add(b, "pydantic.missing_field", "pydantic.validation", IDQ, None, [
        ("READ :: S3 supplier invoices", inv(invoice_no="F-2024-10611", po_no=None)),
        ("EXTRACT :: Ivalua suppliers", call(SupplierRecord.model_validate, {"supplier_no": "41102", "name": "Ål Elektro AS", "iban": "NO9386011117947"})),
        ("READ :: SFTP supplier invoices", inv(invoice_no="2024-33140", currency=None)),
    ], source=src)
    add(b, "pydantic.decimal_parsing", "pydantic.validation", IDQ, None, [
        ("READ :: S3 supplier invoices", inv(net_amount="9 960,00")),
        ("READ :: SFTP supplier invoices", inv(invoice_no="2024-33158", vat_amount="kr 1 245")),
        ("READ :: EHF invoices", inv(invoice_no="88-7803", net_amount="12.450,00")),
    ], source=src)


# =========================================================================== the platform itself


def platform_prod6(b: Subset) -> None:
    import httpx

    cases = [
        ("engine.worker_lost_sigkill", "workflow.worker", "WorkerLostError", "workflow platform (modelled on billiard)", [
            ("TRANSFORM :: Python match orders and invoices", "Worker exited prematurely: signal 9 (SIGKILL) Job: 412."),
            ("TRANSFORM :: SQL spend cube", "Worker exited prematurely: signal 9 (SIGKILL) Job: 88."),
            ("LOAD :: DuckDB invoice staging", "Worker exited prematurely: signal 9 (SIGKILL) Job: 1377."),
        ]),
        ("engine.secret_not_found", "workflow.secrets", "SecretNotFoundError", MODELLED, [
            ("EXTRACT :: Ivalua suppliers", "Secret 'connections/ivalua-nordvik-prod/client_secret' was not found in the credentials store (kv/etl/prod/tenants/41877)."),
            ("SUBMIT :: ERP supplier invoices", "Secret 'connections/erp-fjellstad/client_secret' was not found in the credentials store (kv/etl/prod/tenants/52210)."),
            ("READ :: SFTP EHF invoices", "Secret 'connections/sftp-fjellstad-ehf/private_key' was not found in the credentials store (kv/etl/prod/tenants/52210)."),
        ]),
        ("engine.activity_timeout", "workflow.timeout", "ActivityTimeoutError", MODELLED, [
            ("TRANSFORM :: SQL match orders and invoices", "Activity 'TRANSFORM :: SQL match orders and invoices' exceeded its timeout of 3600 seconds and was cancelled"),
            ("TRANSFORM :: Python spend cube", "Activity 'TRANSFORM :: Python spend cube' exceeded its timeout of 1800 seconds and was cancelled"),
            ("LOAD :: DuckDB invoice staging", "Activity 'LOAD :: DuckDB invoice staging' exceeded its timeout of 900 seconds and was cancelled"),
        ]),
    ]
    for template, family, exc, source, items in cases:
        add(b, template, family, WE, None, many(exc, items), source=source)

    # the platform's own dataset service answers 500 while a step writes its output
    with srv.http_server() as (base, _canned):
        variants: Variants = []
        for act, ds in [
            ("WRITE :: Dataset matched invoices", 41877031),
            ("WRITE :: Dataset supplier master", 52210007),
            ("WRITE :: Dataset goods receipts", 63094012),
        ]:
            variants.append((act, lambda url=f"{base}/status/500/internal/datasets/{ds}/rows": httpx.post(url, json={"rows": []}).raise_for_status()))
        add(b, "engine.dataset_service_write_500", "workflow.internal_http", WE, None, variants, source=version("httpx"), wrap="WriteException")


# =========================================================================== notifications


def notify_prod6(b: Subset) -> None:
    py = cap.python_source()
    banner = "220 smtp.nordvik.no ESMTP Postfix"

    def send(to: str) -> Callable[[], object]:
        refused = f"550 5.1.1 <{to}>: Recipient address rejected: User unknown in virtual mailbox table"

        def go() -> object:
            with blind3.line_server(banner, blind3.smtp_replies({"RCPT": refused})) as port, smtplib.SMTP(srv.LOOPBACK, port, timeout=5) as smtp:
                smtp.login("etl@nordvik.no", "secret")
                return smtp.sendmail("etl@nordvik.no", [to], "Subject: Remittance advice\r\n\r\nsee attachment")

        return go

    add(b, "smtp.recipient_unknown", "smtp.recipient", IDQ, None, [
        ("NOTIFY :: Email remittance advice", send("faktura@ahlsel.no")),
        ("NOTIFY :: Email invoice disputes", send("regnskap@bo-ror.no")),
        ("NOTIFY :: Email remittance advice", send("post@aal-elektro.no")),
    ], source=f"{py} smtplib + SMTP server replies (modelled on Postfix)", code=None)


# =========================================================================== main


FAMILIES = ["ivalua", "erp", "soap", "s3", "ftp", "sftp", "einvoice", "pandas", "duckdb", "pydantic", "platform", "notify"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "ivalua": lambda: ivalua_prod6(b),
            "erp": lambda: erp_prod6(b),
            "soap": lambda: soap_prod6(b),
            "s3": lambda: s3_prod6(b),
            "ftp": lambda: ftp_prod6(b),
            "sftp": lambda: sftp_prod6(b),
            "einvoice": lambda: einvoice_prod6(b, tmp),
            "pandas": lambda: pandas_prod6(b, tmp),
            "duckdb": lambda: duckdb_prod6(b),
            "pydantic": lambda: pydantic_prod6(b),
            "platform": lambda: platform_prod6(b),
            "notify": lambda: notify_prod6(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
