"""Capture the NINETEENTH blind holdout: integration error templates new to the corpus, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind18.*``) have been seen while the rules were
revised. Every template here (template_id ``blind19.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind19``) is an honest figure again.
This round is weighted by production frequency and covers the integration side of an
ERP/procurement pipeline platform: the ordinary day-to-day failures (a vendor API down, throttling
or timing out behind its gateway, refused or missing credentials, a record a vendor refuses for its
values, a file or folder an FTP server does not have, a client setting the platform got wrong) in
wordings the corpus lacks: HTTP clients against other gateways and servers (HAProxy, Kong, Akamai,
Azure API Management, Fastly, Tomcat), httpx features whose extras are not installed, SSH keys in
PuTTY format, boto3 against STS, SQS and SES, FTP servers (FileZilla), SOAP faults (WCF, SAP,
Dynamics AX, Business Central/NAV), Xledger GraphQL, Ivalua, and other ERP/procurement/SaaS
integrations (Tripletex, Visma.net, NetSuite, Business Central, Salesforce, Coupa, SAP Ariba,
Fortnox, Slack, Teams, Keycloak). No DuckDB, pandas, pydantic or Postgres errors in this round.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only; vendor,
proxy and platform replies (Xledger GraphQL, Ivalua REST, FTP server replies, SOAP faults, AWS
error bodies, gateway error pages, SaaS API bodies) are modelled on realistic bodies and phrasings
and say so in ``source``.

Run:  uv run python scripts/capture_blind19_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind19.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from pathlib import Path

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
PREFIX = "blind19."
Variants = blind.Variants
many, gql = blind.many, blind5.gql
add, call, http_cases = blind9.add, blind9.call, blind9.http_cases


# =========================================================================== HTTP: gateway and server pages (modelled bodies)


HAPROXY_504 = "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n"
KONG_NO_ROUTE = '{\n  "message":"no Route matched with those values",\n  "request_id":"{rid}"\n}'
AKAMAI_ZERO = '<HTML><HEAD><TITLE>Error</TITLE></HEAD><BODY>\nAn error occurred while processing your request.<p>\nReference&#32;&#35;{ref}\n<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;{ref}</P>\n</BODY></HTML>\n<!-- Zero size object -->'
APIM_MISSING_KEY = '{ "statusCode": 401, "message": "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API." }'
FASTLY_THREADS = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html>\n  <head>\n    <title>503 Maximum threads for service reached</title>\n  </head>\n  <body>\n    <h1>Error 503 Maximum threads for service reached</h1>\n    <p>Maximum threads for service reached</p>\n    <h3>Guru Mediation:</h3>\n    <p>Details: {details}</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n'
TOMCAT_404 = '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title><style type="text/css">body {{font-family:Tahoma,Arial,sans-serif;}}</style></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> {resource}</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class="line" /><h3>Apache Tomcat/9.0.85</h3></body></html>'


def http_blind19(b: Subset) -> None:
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("http.haproxy_504_server_didnt_respond", "http.server_error", TPS, None, 504, "requests", "HAProxy error page (modelled)", [
                ("EXTRACT :: Legacy ERP orders", "/ErpApi/api/orders?from=2024-06-11", HAPROXY_504),
                ("EXTRACT :: Partner stock levels", "/inventory/v1/stock?warehouse=OSL2", HAPROXY_504),
                ("SUBMIT :: Logistics bookings", "/booking/api/v2/consignments", HAPROXY_504),
            ]),
            ("http.kong_no_route_matched", "http.status", TPS, WE, 404, "httpx", "Kong gateway body (modelled)", [
                ("EXTRACT :: Supplier portal invoices", "/portal/api/v3/invoices?status=approved", KONG_NO_ROUTE.replace("{rid}", "8e1c2a5b3f6d4e7a9b0c1d2e3f4a5b6c")),
                ("EXTRACT :: Logistics tracking events", "/tracking/v2/events?since=2024-06-11T22:00:00Z", KONG_NO_ROUTE.replace("{rid}", "2f3a4b5c6d7e8f90a1b2c3d4e5f6a7b8")),
                ("SUBMIT :: Partner stock reservations", "/inventory/v3/reservations", KONG_NO_ROUTE.replace("{rid}", "b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2")),
            ]),
            ("http.akamai_503_zero_size_object", "http.server_error", TPS, None, 503, "urllib", "Akamai edge error page (modelled)", [
                ("EXTRACT :: Currency rates", "/v1/rates/latest?base=NOK", AKAMAI_ZERO.format(ref="0&#46;3d1c2d17&#46;1718161212&#46;9a1b2c3d")),
                ("EXTRACT :: Product catalogue", "/catalog/v3/products?page=4", AKAMAI_ZERO.format(ref="0&#46;8e2f3a17&#46;1718163050&#46;1f2e3d4c")),
                ("EXTRACT :: Supplier portal invoices", "/portal/api/invoices?from=2024-06-11", AKAMAI_ZERO.format(ref="0&#46;5b4a3c17&#46;1718164477&#46;7c8d9e0f")),
            ]),
            ("http.apim_missing_subscription_key", "http.auth", WE, TPS, 401, "requests", "Azure API Management body (modelled)", [
                ("EXTRACT :: REST orders", "/orders-api/v1/orders?updatedSince=2024-06-11", APIM_MISSING_KEY),
                ("SUBMIT :: Logistics bookings", "/logistics/v2/bookings", APIM_MISSING_KEY),
                ("EXTRACT :: Time tracking hours", "/timesheets/v1/entries?week=24", APIM_MISSING_KEY),
            ]),
            ("http.fastly_503_maximum_threads", "http.server_error", TPS, None, 503, "httpx", "Fastly/Varnish error page (modelled)", [
                ("EXTRACT :: Product catalogue", "/catalog/v2/products?updatedSince=2024-06-10", FASTLY_THREADS.format(details="cache-osl6526-OSL 1718161212 1488301122")),
                ("EXTRACT :: Currency rates", "/api/v2/rates?base=NOK", FASTLY_THREADS.format(details="cache-arn1254-ARN 1718162004 2209931187")),
                ("EXTRACT :: Partner price lists", "/pricing/api/lists/full", FASTLY_THREADS.format(details="cache-osl6540-OSL 1718163581 410227765")),
            ]),
            ("http.tomcat_404_status_report", "http.status", TPS, WE, 404, "requests", "Apache Tomcat error page (modelled)", [
                ("EXTRACT :: Legacy ERP suppliers", "/erpws/rest/suppliers/export", TOMCAT_404.format(resource="/erpws/rest/suppliers/export")),
                ("SUBMIT :: Logistics bookings", "/carrier-api/v1/bookings", TOMCAT_404.format(resource="/carrier-api/v1/bookings")),
                ("EXTRACT :: Legacy ERP orders", "/erpws/rest/orders/changed", TOMCAT_404.format(resource="/erpws/rest/orders/changed")),
            ]),
        ])


# =========================================================================== HTTP and SSH: real client failures


PPK = "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: {comment}\nPublic-Lines: 2\nAAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA3nWqbqJ1c0kZ\nx2fQ0aT8s9mP4L5nR1eW\nPrivate-Lines: 2\nAAABAQCxq8Hn3vZt0u5ZcJ8yk2rA4pZ9nT7eQ1mS0w3oL6vB\nr2pYdE8cK1fM\nPrivate-MAC: 4c1b2a9f8e7d6c5b4a3928170f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4\n"


def http_real_blind19(b: Subset, tmp: Path) -> None:
    import httpx
    import paramiko

    def h2_client(url: str) -> Callable[[], object]:
        def go() -> object:
            with httpx.Client(http2=True, timeout=5) as client:
                return client.get(url)

        return go

    add(b, "httpx.http2_h2_not_installed", "http.client_config", WE, None, [
        ("EXTRACT :: Xledger invoices", h2_client("https://www.xledger.net/graphql")),
        ("EXTRACT :: Ivalua suppliers", h2_client("https://acme.ivalua.app/api/v3/suppliers?page=1")),
        ("EXTRACT :: Coupa invoices", h2_client("https://acme.coupahost.com/api/invoices?updated-at[gt]=2024-06-11")),
    ], source=f"{version('httpx')} Client(http2=True) with h2 not installed (no connection made)", code=None)

    def socks_client(proxy: str, url: str) -> Callable[[], object]:
        def go() -> object:
            with httpx.Client(proxy=proxy, timeout=5) as client:
                return client.get(url)

        return go

    add(b, "httpx.socks_proxy_socksio_missing", "http.proxy", WE, None, [
        ("EXTRACT :: Tripletex vouchers", socks_client("socks5://10.20.0.5:1080", "https://tripletex.no/v2/ledger/voucher?dateFrom=2024-06-01")),
        ("SUBMIT :: Ivalua invoices", socks_client("socks5://egress.internal:1080", "https://acme.ivalua.app/api/v3/invoices")),
        ("EXTRACT :: Visma.net suppliers", socks_client("socks5h://10.20.0.7:1080", "https://integration.visma.net/API/controller/api/v1/supplier")),
    ], source=f"{version('httpx')} Client with a SOCKS proxy and socksio not installed (no connection made)", code=None)

    keys = tmp / "keys"
    keys.mkdir(exist_ok=True)
    for name, comment in (("dnb_sftp.ppk", "rsa-key-20240103"), ("nordea_sftp.ppk", "nordea-acme-prod"), ("partner_sftp.ppk", "rsa-key-20231117")):
        (keys / name).write_text(PPK.format(comment=comment))
    add(b, "sftp.putty_ppk_key_unable_to_load_pem", "sftp.key", WE, None, [
        ("READ :: SFTP bank statements", call(paramiko.PKey.from_path, "keys/dnb_sftp.ppk")),
        ("EXPORT :: SFTP payments", call(paramiko.PKey.from_path, "keys/nordea_sftp.ppk")),
        ("READ :: SFTP invoices", call(paramiko.PKey.from_path, "keys/partner_sftp.ppk")),
    ], source=f"{version('paramiko')} PKey.from_path on a PuTTY .ppk key file", code=None)


# =========================================================================== AWS (boto3 against modelled error bodies)


def aws_blind19(b: Subset) -> None:
    blind3.aws_env()
    bc = version("botocore")
    sts_error = '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{code}</Code>\n    <Message>{message}</Message>\n  </Error>\n  <RequestId>{rid}</RequestId>\n</ErrorResponse>\n'
    ses_error = '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{code}</Code>\n    <Message>{message}</Message>\n  </Error>\n  <RequestId>{rid}</RequestId>\n</ErrorResponse>\n'
    with srv.http_server() as (base, canned):

        client = functools.partial(blind.aws_client, base)

        # STS web identity: the worker's projected token expired before it was exchanged
        variants: Variants = []
        for i, (act, now, exp) in enumerate([
            ("LOAD :: S3 upload", "2024-06-12T03:00:12Z", "2024-06-12T02:59:58Z"),
            ("READ :: S3 invoices", "2024-06-12T03:14:40Z", "2024-06-12T03:10:01Z"),
            ("EXPORT :: S3 partitions", "2024-06-12T04:01:07Z", "2024-06-12T03:44:20Z"),
        ]):
            msg = f"Token expired: current date/time {now} must be before the expiration date/time {exp}"
            k = canned.put(f"stswit{i}", 400, sts_error.format(code="ExpiredTokenException", message=msg, rid=f"7c6b5a49-3827-4160-9f8e-7d6c5b4a{i:04d}"), "text/xml")
            variants.append((act, lambda k=k: client("sts", k).assume_role_with_web_identity(RoleArn="arn:aws:iam::418295716230:role/etl-worker", RoleSessionName="etl-run-88213", WebIdentityToken="eyJhbGciOiJSUzI1NiJ9.e30.sig")))
        add(b, "sts.web_identity_token_expired", "aws.credentials", WE, TPS, variants, source=f"{bc} + STS error body (modelled)", code=400)

        # SQS: a FIFO queue needs a message group id the platform did not send
        variants = []
        for i, (act, queue) in enumerate([("LOAD :: SQS invoice events", "invoices-in.fifo"), ("EXPORT :: SQS supplier changes", "supplier-changes.fifo"), ("NOTIFY :: SQS run events", "etl-run-events.fifo")]):
            url = f"https://sqs.eu-north-1.amazonaws.com/418295716230/{queue}"
            k = canned.put(f"sqsmg{i}", 400, '{"__type":"com.amazon.coral.validate#MissingParameter","message":"The request must contain the parameter MessageGroupId."}', "application/x-amz-json-1.0", headers={"x-amzn-query-error": "MissingParameter;Sender"})
            variants.append((act, lambda k=k, url=url: client("sqs", k).send_message(QueueUrl=url, MessageBody='{"run":88213}')))
        add(b, "sqs.fifo_message_group_id_missing", "queue", WE, None, variants, source=f"{bc} + SQS error body (modelled)", code=400)

        # SES: the custom MAIL FROM domain of the sender is not verified
        variants = []
        for i, (act, sender) in enumerate([("EXPORT :: Email remittance advice", "remittance@mail.acme.no"), ("NOTIFY :: Email supplier statements", "ap@bounce.acme-bygg.no"), ("NOTIFY :: Email report", "etl@mail.acme.no")]):
            domain = sender.split("@")[1]
            k = canned.put(f"sesmf{i}", 400, ses_error.format(code="MailFromDomainNotVerifiedException", message=f"The MAIL FROM domain {domain} is not verified for the identity {sender}.", rid=f"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d{i:04d}"), "text/xml")
            variants.append((act, lambda k=k, sender=sender: client("ses", k).send_email(Source=sender, Destination={"ToAddresses": ["controller@acme.no"]}, Message={"Subject": {"Data": "Betalingsavis"}, "Body": {"Text": {"Data": "Se vedlegg."}}})))
        add(b, "ses.mail_from_domain_not_verified", "mail", WE, TPS, variants, source=f"{bc} + SES error body (modelled)", code=400)


# =========================================================================== FTP


def ftp_blind19(b: Subset) -> None:
    ftp, retr, stor = blind.ftp_case, blind.ftp_retr, blind.ftp_stor

    src = f"{cap.python_source()} ftplib + FTP server replies (modelled on FileZilla Server)"
    fz = "220-FileZilla Server 1.8.1\r\n220 Please visit https://filezilla-project.org/"
    add(b, "ftp.filezilla_directory_not_found", "ftp.error_perm", WE, TPS, [
        ftp("EXPORT :: FTP payments", {"CWD": "550 Directory not found."}, lambda c: c.cwd("/upload/pain001"), fz),
        ftp("WRITE :: FTP remittance", {"CWD": "550 Directory not found."}, lambda c: c.cwd("out/remit/2024"), fz, "acme_out"),
        ftp("EXPORT :: FTP orders", {"CWD": "550 Directory not found."}, lambda c: c.cwd("/orders/inbound"), fz),
    ], source=src, code=None)
    add(b, "ftp.filezilla_couldnt_open_file", "ftp.error_perm", IDQ, TPS, [
        ftp("READ :: FTP invoices", {"RETR": "550 Couldn't open the file or directory"}, retr("/outbound/invoices_20240612.xml"), fz),
        ftp("READ :: FTP bank statements", {"RETR": "550 Couldn't open the file or directory"}, retr("camt053_20240612.xml"), fz, "dnb_acme_prod"),
        ftp("READ :: FTP price lists", {"RETR": "550 Couldn't open the file or directory"}, retr("prices/pricelist_2024Q3.csv"), fz, "prices_acme"),
    ], source=src, code=None)
    add(b, "ftp.filezilla_quota_exceeded_on_store", "ftp.error_perm", TPS, None, [
        ftp("EXPORT :: FTP payments", {"STOR": "552 Disk full or quota exceeded."}, stor("/upload/pain001_20240612_02.xml"), fz),
        ftp("WRITE :: FTP remittance", {"STOR": "552 Disk full or quota exceeded."}, stor("remit_20240612.csv"), fz, "acme_out"),
        ftp("EXPORT :: FTP orders", {"STOR": "552 Disk full or quota exceeded."}, stor("/orders/PO_88242.xml"), fz),
    ], source=src, code=None)


# =========================================================================== SOAP faults (zeep, modelled bodies)


def soap_blind19(b: Subset) -> None:
    src = f"{version('zeep')} + SOAP fault bodies (modelled)"
    with srv.http_server() as (base, canned):
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP invoices", "SUBMIT :: Dynamics AX vendor invoices", "SUBMIT :: SOAP invoices"], [
            ("soap.fault_wcf_security_context_token", "s:Sender", TPS, WE, [
                "The message could not be processed. This is most likely because the action 'http://tempuri.org/IInvoiceService/SubmitInvoice' is incorrect or because the message contains an invalid or expired security context token or because there is a mismatch between bindings. The security context token would be invalid if the service aborted the channel due to inactivity. To prevent the service from aborting idle sessions prematurely increase the Receive timeout on the service endpoint's binding.",
                "The message could not be processed. This is most likely because the action 'http://schemas.microsoft.com/dynamics/2013/01/datacontracts/VendInvoiceService/create' is incorrect or because the message contains an invalid or expired security context token or because there is a mismatch between bindings. The security context token would be invalid if the service aborted the channel due to inactivity. To prevent the service from aborting idle sessions prematurely increase the Receive timeout on the service endpoint's binding.",
                "The message could not be processed. This is most likely because the action 'urn:acme:invoices/SubmitInvoice' is incorrect or because the message contains an invalid or expired security context token or because there is a mismatch between bindings. The security context token would be invalid if the service aborted the channel due to inactivity. To prevent the service from aborting idle sessions prematurely increase the Receive timeout on the service endpoint's binding.",
            ]),
            ("soap.fault_ax_record_already_exists", "s:Client", IDQ, None, [
                "Cannot create a record in Pending vendor invoice (VendInvoiceInfoTable). Invoice: INV-2024-0612, 100045. The record already exists.",
                "Cannot create a record in Pending vendor invoice (VendInvoiceInfoTable). Invoice: 77120, 200311. The record already exists.",
                "Cannot create a record in Pending vendor invoice (VendInvoiceInfoTable). Invoice: CN-0099, 100046. The record already exists.",
            ]),
        ], source=src, invoice_prefix="B19a")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SAP PI invoices", "SUBMIT :: SAP vendor invoices", "SUBMIT :: SAP PI goods receipts"], [
            ("soap.fault_sap_object_locked_by_user", "soap-env:Server", TPS, None, [
                "Vendor 100045 is currently being processed by user ABRAHAMSEN (message F2 012)",
                "Purchase order 4500018822 is currently being processed by user KJELLSTAD (message ME 006)",
                "Vendor 200311 is currently being processed by user WF-BATCH (message F2 012)",
            ]),
        ], source=src, invoice_prefix="B19b")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: Business Central purchase invoices", "SUBMIT :: NAV purchase invoices", "SUBMIT :: Business Central purchase invoices"], [
            ("soap.fault_nav_posting_date_not_allowed", "a:Microsoft.Dynamics.Nav.Types.Exceptions.NavNCLDialogException", IDQ, None, [
                "Posting Date is not within your range of allowed posting dates in Purchase Header Document Type='Invoice',No.='PI-104522'.",
                "Posting Date is not within your range of allowed posting dates in Gen. Journal Line Journal Template Name='PURCHASES',Journal Batch Name='DEFAULT',Line No.='20000'.",
                "Posting Date is not within your range of allowed posting dates in Purchase Header Document Type='Credit Memo',No.='PCM-1009'.",
            ]),
        ], source=src, invoice_prefix="B19c")


# =========================================================================== vendors (modelled)


def vendor_blind19(b: Subset) -> None:
    ap = ["SUBMIT :: Xledger AP invoices", "SUBMIT :: Xledger AP credit notes", "SUBMIT :: Xledger AP invoices"]
    read = ["EXTRACT :: Xledger invoices", "EXTRACT :: Xledger GL transactions", "EXTRACT :: Xledger suppliers"]
    xledger = [
        ("xledger.graphql.field_doesnt_exist_on_type", read, WE, None, [
            gql("Field 'invoiceAmount' doesn't exist on type 'ApTransaction'.", "GRAPHQL_VALIDATION_FAILED", "apTransactions"),
            gql("Field 'accountNo' doesn't exist on type 'GlTransaction'.", "GRAPHQL_VALIDATION_FAILED", "glTransactions"),
            gql("Field 'orgNumber' doesn't exist on type 'Supplier'.", "GRAPHQL_VALIDATION_FAILED", "suppliers"),
        ]),
        ("xledger.graphql.project_closed_for_posting", ap, IDQ, None, [
            gql("Project 'P-4410' is closed for posting (closed 2024-05-31).", "BAD_USER_INPUT", "addApTransactions"),
            gql("Project '20230117' is closed for posting (closed 2023-12-31).", "BAD_USER_INPUT", "addApTransactions"),
            gql("Project 'BYGG-77' is closed for posting (closed 2024-04-30).", "BAD_USER_INPUT", "addApTransactions"),
        ]),
    ]
    for template, acts, cat, alt, msgs in xledger:
        b.add(template, "xledger.graphql", cat, many("GraphQLException", list(zip(acts, msgs, strict=True))), source=f"{version('httpx')} + Xledger GraphQL body (modelled)", alt=alt)

    ivalua = [
        ("ivalua.api_supplier_blacklisted", IDQ, None, 422, [
            ("SUBMIT :: Ivalua invoices", "Supplier 'SUP-10442' has status 'Blacklisted' and cannot receive invoices (invoice INV-2024-0612)."),
            ("EXPORT :: Ivalua orders", "Supplier 'SUP-00871' has status 'Blacklisted' and cannot receive orders (order PO-88240)."),
            ("SUBMIT :: Ivalua credit notes", "Supplier 'ACME01' has status 'Blacklisted' and cannot receive invoices (invoice CN-0099)."),
        ]),
    ]
    for template, cat, alt, code, items in ivalua:
        b.add(template, "ivalua.api", cat, many("IvaluaApiException", items), source="Ivalua API (modelled)", code=code, alt=alt)


# =========================================================================== other integrations


def other_blind19(b: Subset) -> None:
    tx = '{{"status":422,"code":18000,"message":"Validering feilet.","link":"https://tripletex.no/v2-docs/","developerMessage":null,"validationMessages":[{{"field":"postings","message":"Bilaget er ikke i balanse. Differansen er {diff}."}}],"requestId":"{rid}"}}'
    ns_limit = '{{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.30","title":"Too Many Requests","status":429,"o:errorDetails":[{{"detail":"You have exceeded the maximum allowable number of concurrent requests for your account ({n}). Wait and retry.","o:errorCode":"SSS_REQUEST_LIMIT_EXCEEDED"}}]}}'
    bc_dup = '{{"error":{{"code":"Internal_EntityWithSameKeyExists","message":"The record in table {table} already exists. Identification fields and values: {ident}  CorrelationId:  {cid}."}}}}'
    sf_del = '[{{"message":"entity is deleted","errorCode":"ENTITY_IS_DELETED","fields":[]}}]'
    ariba = '{{"error":"Unprocessable Entity","message":"Supplier {anid} is not enabled for the transaction type {tx} on this relationship."}}'
    fortnox = '{{"ErrorInformation":{{"error":1,"message":"Kan inte hitta leverantören.","code":{code}}}}}'
    kc = '{"error":"invalid_grant","error_description":"Account is not fully set up"}'
    slack_hook = "action_prohibited"
    teams_retired = '{"error":{"code":"Gone","message":"Office 365 Connectors in Microsoft Teams are retired. Incoming webhooks created with Office 365 Connectors no longer accept messages; use Workflows to post to this channel."}}'
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("tripletex.voucher_not_in_balance_no", "erp.api", IDQ, None, 422, "requests", "Tripletex API body (modelled)", [
                ("SUBMIT :: Tripletex vouchers", "/v2/ledger/voucher?sendToLedger=true", tx.format(diff="125,00", rid="3a1f5c2e-77b0-4d19-8a6e-0c9d2b4f1e73")),
                ("SUBMIT :: Tripletex supplier invoices", "/v2/ledger/voucher?sendToLedger=true", tx.format(diff="0,01", rid="9e2d4b6a-18c3-4f57-b0a2-5d7e9c1f3a84")),
                ("LOAD :: Tripletex accruals", "/v2/ledger/voucher?sendToLedger=false", tx.format(diff="-4 812,50", rid="c4b3a291-6e5d-4f8c-9b7a-2e1d0c9b8a76")),
            ]),
            ("netsuite.sss_request_limit_exceeded", "erp.api", TPS, None, 429, "httpx", "NetSuite REST body (modelled)", [
                ("EXPORT :: NetSuite vendors", "/services/rest/record/v1/vendor", ns_limit.format(n=5)),
                ("SUBMIT :: NetSuite vendor bills", "/services/rest/record/v1/vendorBill", ns_limit.format(n=5)),
                ("EXTRACT :: NetSuite purchase orders", "/services/rest/query/v1/suiteql?limit=1000&offset=4000", ns_limit.format(n=15)),
            ]),
            ("businesscentral.entity_with_same_key_exists", "erp.api", IDQ, None, 400, "requests", "Business Central API body (modelled)", [
                ("EXPORT :: Business Central vendors", "/v2.0/production/api/v2.0/companies(4a1b)/vendors", bc_dup.format(table="Vendor", ident="No.='100045'", cid="5f4e3d2c-1b0a-4987-a6b5-c4d3e2f1a0b9")),
                ("SUBMIT :: Business Central purchase invoices", "/v2.0/production/api/v2.0/companies(4a1b)/purchaseInvoices", bc_dup.format(table="Purchase Header", ident="Document Type='Invoice',No.='PI-104522'", cid="0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d")),
                ("EXPORT :: Business Central items", "/v2.0/production/api/v2.0/companies(4a1b)/items", bc_dup.format(table="Item", ident="No.='70061'", cid="7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e5f")),
            ]),
            ("salesforce.entity_is_deleted", "crm.api", IDQ, TPS, 400, "httpx", "Salesforce REST body (modelled)", [
                ("EXPORT :: Salesforce accounts", "/services/data/v60.0/sobjects/Account/0015g00000XyZ12AAB", sf_del),
                ("EXPORT :: Salesforce contracts", "/services/data/v60.0/sobjects/Contract/8005g000001AbCdAAK", sf_del),
                ("EXPORT :: Salesforce opportunities", "/services/data/v60.0/sobjects/Opportunity/0065g00000QrStUAAV", sf_del),
            ]),
            ("ariba.supplier_not_enabled_for_transaction", "procurement.api", IDQ, TPS, 422, "requests", "SAP Ariba Network body (modelled)", [
                ("SUBMIT :: Ariba purchase orders", "/api/purchase-orders/v1/prod/orders?realm=acme", ariba.format(anid="AN01012345678", tx="OrderRequest")),
                ("SUBMIT :: Ariba invoices", "/api/invoices/v1/prod/invoices?realm=acme", ariba.format(anid="AN01098765432", tx="InvoiceDetailRequest")),
                ("SUBMIT :: Ariba purchase orders", "/api/purchase-orders/v1/prod/orders?realm=acme", ariba.format(anid="AN11000223344", tx="OrderRequest")),
            ]),
            ("fortnox.supplier_not_found_sv", "erp.api", IDQ, None, 400, "httpx", "Fortnox API body (modelled)", [
                ("SUBMIT :: Fortnox supplier invoices", "/3/supplierinvoices", fortnox.format(code=2000423)),
                ("SUBMIT :: Fortnox supplier invoices", "/3/supplierinvoices", fortnox.format(code=2000423)),
                ("EXPORT :: Fortnox purchase orders", "/3/orders", fortnox.format(code=2000423)),
            ]),
            ("keycloak.account_not_fully_set_up", "oauth", TPS, WE, 400, "requests", "Keycloak token endpoint body (modelled)", [
                ("EXTRACT :: Supplier portal invoices", "/realms/partners/protocol/openid-connect/token", kc),
                ("SUBMIT :: Logistics bookings", "/auth/realms/carrier/protocol/openid-connect/token", kc),
                ("EXTRACT :: Time tracking hours", "/realms/acme/protocol/openid-connect/token", kc),
            ]),
            ("slack.webhook_action_prohibited", "chat.webhook", WE, None, 403, "requests", "Slack incoming webhook reply (modelled)", [
                ("NOTIFY :: Slack alerts", "/services/T01ABCD2EF/B07GHIJ8KL/xY9zA8bC7dE6fG5hI4jK3lM2", slack_hook),
                ("NOTIFY :: Slack run summary", "/services/T01ABCD2EF/B06MNOP4QR/nO1pQ2rS3tU4vW5xY6zA7bC8", slack_hook),
                ("NOTIFY :: Slack data quality report", "/services/T01ABCD2EF/B05STUV6WX/dE9fG8hI7jK6lM5nO4pQ3rS2", slack_hook),
            ]),
            ("teams.office365_connector_retired", "chat.webhook", WE, None, 410, "httpx", "Teams incoming webhook reply (modelled)", [
                ("NOTIFY :: Teams alerts", "/webhookb2/4f1e2d3c-aaaa-4bbb-8ccc-1d2e3f4a5b6c@9a8b7c6d/IncomingWebhook/0a1b2c3d/5e6f7a8b", teams_retired),
                ("NOTIFY :: Teams run summary", "/webhookb2/9a8b7c6d-dddd-4eee-9fff-6c5b4a392817@9a8b7c6d/IncomingWebhook/1b2c3d4e/6f7a8b9c", teams_retired),
                ("NOTIFY :: Teams data quality report", "/webhookb2/2b3c4d5e-1111-4222-a333-7f6e5d4c3b2a@9a8b7c6d/IncomingWebhook/2c3d4e5f/7a8b9c0d", teams_retired),
            ]),
        ])


# =========================================================================== main


FAMILIES = ["http", "http_real", "aws", "ftp", "soap", "vendor", "other"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "http": lambda: http_blind19(b),
            "http_real": lambda: http_real_blind19(b, tmp),
            "aws": lambda: aws_blind19(b),
            "ftp": lambda: ftp_blind19(b),
            "soap": lambda: soap_blind19(b),
            "vendor": lambda: vendor_blind19(b),
            "other": lambda: other_blind19(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
