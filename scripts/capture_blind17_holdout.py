"""Capture the SEVENTEENTH blind holdout: integration error templates new to the corpus, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind15.*``) have been seen while the rules were
revised. Every template here (template_id ``blind17.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind17``) is an honest figure again.
This round is weighted by production frequency and covers the integration side of an
ERP/procurement pipeline platform: the ordinary day-to-day failures (a vendor API down or
throttling, expired or refused credentials, a record a vendor refuses for its values, a timeout,
TLS trouble, a WAF or CDN in front of a vendor, a file an FTP server will not take) in wordings the
corpus lacks: HTTP clients against other server products and gateways (nginx, Akamai, Apache
httpd, Cloudflare, Apigee, Azure App Service, Imperva, Zscaler, Spring Boot), requests/httpx
failures of their own (SOCKS proxies without support, async connection attempts, certificates of
the wrong purpose), boto3 against S3, STS, Secrets Manager, SQS and SES, FTP and SFTP, SOAP faults,
Xledger GraphQL, Ivalua, and other ERP/procurement/SaaS integrations (Visma.net, Coupa,
SAP Ariba, Basware, NetSuite, Dynamics 365/Dataverse, Salesforce, Teams workflows, Slack, Entra ID,
Peppol access points). No DuckDB, pandas, pydantic or Postgres errors in this round.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only; vendor,
proxy and platform replies (Xledger GraphQL, Ivalua REST, FTP server replies, SOAP faults, AWS
error bodies, gateway error pages, SaaS API bodies) are modelled on realistic bodies and phrasings
and say so in ``source``.

Run:  uv run python scripts/capture_blind17_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind17.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import ipaddress
import ssl
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
PREFIX = "blind17."
Variants = blind.Variants
many, gql = blind.many, blind5.gql
add, call, http_cases = blind9.add, blind9.call, blind9.http_cases


# =========================================================================== HTTP: gateway and server pages (modelled bodies)


NGINX_401 = "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n"
NGINX_403 = "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
AKAMAI_403 = '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don\'t have permission to access "{url}" on this server.<P>\nReference&#32;&#35;{ref}\n</BODY>\n</HTML>\n'
APACHE_403 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don\'t have permission to access this resource.</p>\n<hr>\n<address>Apache/2.4.57 (Debian) Server at {host} Port 443</address>\n</body></html>\n'
CLOUDFLARE_1016 = '<!DOCTYPE html>\n<html class="no-js" lang="en-US"><head><title>Origin DNS error | {host} | Cloudflare</title></head><body><div id="cf-wrapper"><div id="cf-error-details"><header><h1><span class="cf-error-type">Error</span><span class="cf-error-code">1016</span></h1><h2 class="cf-subheadline">Origin DNS error</h2></header><section><h2>What happened?</h2><p>You\'ve requested a page on a website ({host}) that is on the Cloudflare network. Cloudflare is currently unable to resolve your requested domain ({host}).</p></section><div class="cf-error-footer"><p>Cloudflare Ray ID: <strong>{ray}</strong> &bull; Performance &amp; security by Cloudflare</p></div></div></div></body></html>'
APIGEE_QUOTA = '{{"fault":{{"faultstring":"Rate limit quota violation. Quota limit  exceeded. Identifier : {ident}","detail":{{"errorcode":"policies.ratelimit.QuotaViolation"}}}}}}'
APIGEE_KEY = '{"fault":{"faultstring":"Invalid ApiKey","detail":{"errorcode":"oauth.v2.InvalidApiKey"}}}'
AZURE_STOPPED = '<!DOCTYPE html>\n<html>\n<head>\n    <title>Web App - Unavailable</title>\n</head>\n<body>\n    <div class="container">\n        <h1>Error 403 - This web app is stopped.</h1>\n        <p>The web app you have attempted to reach is currently stopped and does not accept any requests. Please try to reload the page or visit it again soon.</p>\n        <p>If you are the web app administrator, please find the common 403 error scenarios and resolution <a href="https://go.microsoft.com/fwlink/?linkid=2095007" target="_blank">here</a>. For further troubleshooting tools and recommendations, please visit <a href="https://portal.azure.com/">Azure Portal</a>.</p>\n    </div>\n</body>\n</html>'
IMPERVA = '<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"><meta name="format-detection" content="telephone=no"><meta name="viewport" content="initial-scale=1.0"><meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1"></head><body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=9&xinfo={xinfo}&incident_id={incident}&edet=15&cinfo=04000000&rpinfo=0&mth=POST" frameborder=0 width="100%" height="100%" marginheight="0px" marginwidth="0px">Request unsuccessful. Incapsula incident ID: {incident}</iframe></body></html>'
ZSCALER = '<!DOCTYPE html>\n<html><head><title>Website blocked</title></head><body><div class="content"><h1>Website blocked</h1><p>Not allowed to browse {cat} category</p><p>You tried to visit: <b>{host}</b></p><p>Your organization has selected Zscaler to protect you from internet threats. The Internet site you have attempted to access is prohibited. Accordance with your company\'s Internet usage policy, access to this site has been blocked.</p><p>Your Gateway: {gw}</p></div></body></html>'
SPRING_500 = '{{"timestamp":"{ts}","status":500,"error":"Internal Server Error","path":"{path}"}}'


def http_blind17(b: Subset) -> None:
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("http.nginx_401_authorization_required", "http.auth", TPS, None, 401, "requests", "nginx basic-auth page (modelled)", [
                ("EXTRACT :: Legacy ERP suppliers", "/export/suppliers_20240612.csv", NGINX_401),
                ("READ :: Partner price files", "/files/prices/pricelist_2024Q3.csv", NGINX_401),
                ("EXTRACT :: Time tracking hours", "/api/hours?week=24", NGINX_401),
            ]),
            ("http.nginx_403_forbidden", "http.status", TPS, WE, 403, "httpx", "nginx error page (modelled)", [
                ("EXTRACT :: Supplier portal invoices", "/portal/api/v2/invoices?status=approved", NGINX_403),
                ("SUBMIT :: Logistics bookings", "/booking/api/v1/consignments", NGINX_403),
                ("EXTRACT :: Partner stock levels", "/stock/v2/levels?warehouse=GOT1", NGINX_403),
            ]),
            ("http.akamai_access_denied_reference", "http.status", TPS, WE, 403, "requests", "Akamai edge error page (modelled)", [
                ("EXTRACT :: Currency rates", "/v1/rates/latest?base=NOK", AKAMAI_403.format(url="http&#58;&#47;&#47;api&#46;fxfeed&#46;example&#47;v1&#47;rates&#47;latest&#63;", ref="18&#46;4a1c2d17&#46;1718161212&#46;2b3c4d5e")),
                ("EXTRACT :: Product catalogue", "/catalog/v3/products?page=12", AKAMAI_403.format(url="http&#58;&#47;&#47;catalog&#46;partner&#46;example&#47;catalog&#47;v3&#47;products&#63;", ref="18&#46;9d2e3f17&#46;1718161290&#46;5a6b7c8d")),
                ("SUBMIT :: Logistics bookings", "/booking/v2/shipments", AKAMAI_403.format(url="http&#58;&#47;&#47;api&#46;carrier&#46;example&#47;booking&#47;v2&#47;shipments", ref="18&#46;7f3a1b17&#46;1718161377&#46;0c1d2e3f")),
            ]),
            ("http.apache_403_forbidden_resource", "http.status", TPS, WE, 403, "urllib", "Apache httpd error page (modelled)", [
                ("EXTRACT :: Legacy ERP orders", "/erp/export/orders_20240612.csv", APACHE_403.format(host="erp.acme-partner.example")),
                ("READ :: Bank statements portal", "/files/camt053/2024-06-12.xml", APACHE_403.format(host="files.bank.example")),
                ("EXTRACT :: Partner price lists", "/prices/2024-Q3/full.csv", APACHE_403.format(host="prices.wholesaler.example")),
            ]),
            ("http.cloudflare_1016_origin_dns_error", "http.server_error", TPS, None, 530, "requests", "Cloudflare error page (modelled)", [
                ("EXTRACT :: Supplier onboarding forms", "/api/forms/submissions?since=2024-06-11", CLOUDFLARE_1016.format(host="forms.supplier-portal.example", ray="8a2b3c4d5e6f7081")),
                ("EXTRACT :: Expense reports", "/api/v1/reports?status=approved", CLOUDFLARE_1016.format(host="expenses.travelco.example", ray="8a2b3c9a0b1c2d33")),
                ("SUBMIT :: Partner webhook relay", "/hooks/invoices", CLOUDFLARE_1016.format(host="relay.partner.example", ray="8a2b4d5e6f708192")),
            ]),
            ("http.apigee_quota_violation", "http.rate_limit", TPS, None, 429, "httpx", "Apigee gateway fault (modelled)", [
                ("EXTRACT :: Logistics tracking events", "/tracking/v1/events?since=2024-06-11T22:00:00Z", APIGEE_QUOTA.format(ident="_default")),
                ("EXTRACT :: Partner stock levels", "/inventory/v2/stock?page=57", APIGEE_QUOTA.format(ident="acme-etl-prod")),
                ("SUBMIT :: Logistics bookings", "/booking/v1/consignments", APIGEE_QUOTA.format(ident="_default")),
            ]),
            ("http.apigee_invalid_api_key", "http.auth", TPS, WE, 401, "requests", "Apigee gateway fault (modelled)", [
                ("EXTRACT :: Logistics tracking events", "/tracking/v1/events?since=2024-06-11T22:00:00Z", APIGEE_KEY),
                ("EXTRACT :: Product catalogue", "/catalog/v1/products?updatedSince=2024-06-10", APIGEE_KEY),
                ("SUBMIT :: Partner stock reservations", "/inventory/v2/reservations", APIGEE_KEY),
            ]),
            ("http.azure_app_service_stopped", "http.status", TPS, None, 403, "httpx", "Azure App Service page (modelled)", [
                ("EXTRACT :: Supplier portal invoices", "/api/v1/invoices?status=posted", AZURE_STOPPED),
                ("SUBMIT :: Partner webhook relay", "/api/hooks/orders", AZURE_STOPPED),
                ("EXTRACT :: Time tracking hours", "/api/timesheets?week=24", AZURE_STOPPED),
            ]),
            ("http.imperva_request_unsuccessful", "http.status", TPS, WE, 403, "requests", "Imperva (Incapsula) block page (modelled)", [
                ("SUBMIT :: Supplier portal invoices", "/api/v1/invoices", IMPERVA.format(xinfo="7-41238811-0%200NNN%20RT(1718161212001%2015)", incident="938001230148929374-52385720316347463")),
                ("EXTRACT :: REST orders", "/api/v1/orders/export?from=2024-06-11", IMPERVA.format(xinfo="7-41238977-0%200NNN%20RT(1718161290412%2011)", incident="938001230148930112-52385720316350021")),
                ("SUBMIT :: Logistics bookings", "/booking/api/consignments", IMPERVA.format(xinfo="2-15523310-0%200NNN%20RT(1718161377880%2020)", incident="1286000410082217734-306511286190213120")),
            ]),
            ("http.zscaler_website_blocked", "http.proxy", WE, TPS, 403, "httpx", "Zscaler egress block page (modelled)", [
                ("EXTRACT :: Currency rates", "/api/v2/rates?base=NOK", ZSCALER.format(cat="Miscellaneous or Unknown", host="api.fxfeed.example", gw="165.225.80.41")),
                ("EXTRACT :: Partner price lists", "/pricing/api/lists/full", ZSCALER.format(cat="Newly Registered and Observed Domains", host="pricing.partner-new.example", gw="165.225.80.41")),
                ("SUBMIT :: Peppol invoices", "/api/v1/outbound", ZSCALER.format(cat="Miscellaneous or Unknown", host="ap.einvoice.example", gw="165.225.94.17")),
            ]),
            ("http.spring_boot_500_json", "http.server_error", TPS, None, 500, "requests", "Spring Boot default error body (modelled)", [
                ("SUBMIT :: Logistics bookings", "/api/v1/bookings", SPRING_500.format(ts="2024-06-12T03:00:12.345+00:00", path="/api/v1/bookings")),
                ("EXTRACT :: Supplier portal invoices", "/api/v2/invoices", SPRING_500.format(ts="2024-06-12T03:04:51.002+00:00", path="/api/v2/invoices")),
                ("SUBMIT :: Partner stock reservations", "/api/reservations/bulk", SPRING_500.format(ts="2024-06-12T03:11:07.918+00:00", path="/api/reservations/bulk")),
            ]),
        ])


# =========================================================================== HTTP: real client failures


def wrong_purpose_cert(tmp: Path) -> tuple[Path, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1 whose extended key usage is client authentication only."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "partner-client-only.pem", tmp / "partner-client-only.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return cert_path, context


def http_real_blind17(b: Subset, tmp: Path) -> None:
    import httpx
    import requests

    add(b, "requests.socks_dependencies_missing", "http.proxy", WE, None, [
        ("EXTRACT :: Xledger invoices", lambda: requests.post("https://www.xledger.net/graphql", json={}, proxies={"https": "socks5h://10.20.0.5:1080"}, timeout=5)),
        ("EXTRACT :: Ivalua suppliers", lambda: requests.get("https://acme.ivalua.app/api/v1/suppliers?page=1", proxies={"https": "socks5h://10.20.0.5:1080"}, timeout=5)),
        ("SUBMIT :: Coupa invoices", lambda: requests.post("https://acme.coupahost.com/api/invoices", json={}, proxies={"https": "socks5://egress.internal:1080"}, timeout=5)),
    ], source=f"{version('requests')} with a SOCKS proxy configured and PySocks not installed (no connection made)", code=None)

    port = srv.closed_port()

    def async_get(url: str) -> Callable[[], object]:
        async def go() -> object:
            async with httpx.AsyncClient(timeout=5) as client:
                return await client.get(url)

        return lambda: asyncio.run(go())

    add(b, "httpx.async_all_connection_attempts_failed", "http.connect", TPS, None, [
        ("EXTRACT :: Legacy ERP orders", async_get(f"http://127.0.0.1:{port}/ErpApi/api/orders?from=2024-06-11")),
        ("EXTRACT :: Partner stock levels", async_get(f"http://127.0.0.1:{port}/inventory/v1/stock?warehouse=OSL2")),
        ("EXTRACT :: Time tracking hours", async_get(f"http://127.0.0.1:{port}/TimeApi/api/hours?week=24")),
    ], source=f"{version('httpx')} AsyncClient against a local port nothing listens on", code=None)

    cert, context = wrong_purpose_cert(tmp)
    with srv.http_server(context) as (base, _canned):
        add(b, "requests.tls_unsuitable_certificate_purpose", "http.tls", TPS, WE, [
            ("EXTRACT :: Supplier portal invoices", lambda: requests.get(f"{base}/portal/api/invoices?status=approved", verify=str(cert), timeout=5)),
            ("SUBMIT :: Logistics bookings", lambda: requests.post(f"{base}/booking/api/v2/consignments", json={}, verify=str(cert), timeout=5)),
            ("EXTRACT :: Partner stock levels", lambda: requests.get(f"{base}/inventory/v1/stock", verify=str(cert), timeout=5)),
        ], source=f"{version('requests')} against a local TLS server whose certificate is for client authentication only", code=None)


# =========================================================================== AWS (boto3 against modelled error bodies)


def aws_blind17(b: Subset, tmp: Path) -> None:
    import boto3
    import botocore.config

    blind3.aws_env()
    bc = version("botocore")
    sts_error = '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{code}</Code>\n    <Message>{message}</Message>\n  </Error>\n  <RequestId>{rid}</RequestId>\n</ErrorResponse>\n'
    ses_error = '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{code}</Code>\n    <Message>{message}</Message>\n  </Error>\n  <RequestId>{rid}</RequestId>\n</ErrorResponse>\n'
    with srv.http_server() as (base, canned):

        client = functools.partial(blind.aws_client, base)

        def s3(key: str) -> Any:
            return boto3.client("s3", endpoint_url=f"{base}/r/{key}", region_name="eu-north-1", config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"}))

        # STS: the access key of the platform's AWS user is not valid (deleted or mistyped)
        variants: Variants = []
        for i, act in enumerate(["LOAD :: S3 upload", "READ :: S3 invoices", "NOTIFY :: SQS run events"]):
            k = canned.put(f"stsict{i}", 403, sts_error.format(code="InvalidClientTokenId", message="The security token included in the request is invalid.", rid=f"9f8e7d6c-5b4a-4392-8170-6e5d4c3b{i:04d}"), "text/xml")
            variants.append((act, lambda k=k: client("sts", k).get_caller_identity()))
        add(b, "sts.invalid_client_token_id", "aws.credentials", TPS, WE, variants, source=f"{bc} + STS error body (modelled)", code=403)

        # Secrets Manager: service side failure and throttling
        variants = []
        for i, (act, secret) in enumerate([("EXTRACT :: Xledger GL transactions", "tenant/44660227/xledger"), ("SUBMIT :: Ivalua invoices", "tenant/12093311/ivalua"), ("READ :: SFTP bank statements", "tenant/44660227/sftp-dnb")]):
            k = canned.put(f"smise{i}", 500, '{"__type":"InternalServiceError","Message":"An error occurred on the server side."}', "application/x-amz-json-1.1")
            variants.append((act, lambda k=k, secret=secret: client("secretsmanager", k).get_secret_value(SecretId=secret)))
        add(b, "secretsmanager.internal_service_error", "secrets.store", TPS, None, variants, source=f"{bc} + Secrets Manager error body (modelled)", code=500)

        variants = []
        for i, (act, secret) in enumerate([("EXTRACT :: Xledger invoices", "tenant/31337001/xledger"), ("EXPORT :: SFTP payments", "tenant/44660227/sftp-nordea"), ("EXTRACT :: Ivalua suppliers", "tenant/12093311/ivalua")]):
            k = canned.put(f"smthr{i}", 400, '{"__type":"ThrottlingException","Message":"Rate exceeded"}', "application/x-amz-json-1.1")
            variants.append((act, lambda k=k, secret=secret: client("secretsmanager", k).get_secret_value(SecretId=secret)))
        add(b, "secretsmanager.throttling_exception", "secrets.store", TPS, WE, variants, source=f"{bc} + Secrets Manager error body (modelled)", code=400)

        # SQS: the worker role may not send to the queue
        variants = []
        for i, (act, queue) in enumerate([("LOAD :: SQS invoice events", "invoices-in"), ("EXPORT :: SQS supplier changes", "supplier-changes"), ("NOTIFY :: SQS run events", "etl-run-events")]):
            url = f"https://sqs.eu-north-1.amazonaws.com/418295716230/{queue}"
            k = canned.put(f"sqsad{i}", 403, '{"__type":"com.amazon.coral.service#AccessDeniedException","message":"Access to the resource ' + url + ' is denied."}', "application/x-amz-json-1.0", headers={"x-amzn-query-error": "AccessDenied;Sender"})
            variants.append((act, lambda k=k, url=url: client("sqs", k).send_message(QueueUrl=url, MessageBody='{"run":88213}')))
        add(b, "sqs.access_to_resource_denied", "queue", WE, TPS, variants, source=f"{bc} + SQS error body (modelled)", code=403)

        # SES: a recipient address taken from the supplier master is malformed
        variants = []
        for i, (act, to) in enumerate([("EXPORT :: Email remittance advice", "post@leverandor"), ("EXPORT :: Email remittance advice", "faktura.acme-bygg.no"), ("NOTIFY :: Email supplier statements", "regnskap@")]):
            k = canned.put(f"sesfin{i}", 400, ses_error.format(code="InvalidParameterValue", message="Missing final '@domain'", rid=f"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c{i:04d}"), "text/xml")
            variants.append((act, lambda k=k, to=to: client("ses", k).send_email(Source="etl@acme.no", Destination={"ToAddresses": [to]}, Message={"Subject": {"Data": "Betalingsavis"}, "Body": {"Text": {"Data": "Se vedlegg."}}})))
        add(b, "ses.missing_final_domain", "mail", IDQ, None, variants, source=f"{bc} + SES error body (modelled)", code=400)

        # SES: the configuration set named in the platform's mail settings does not exist
        variants = []
        for i, (act, cs) in enumerate([("NOTIFY :: Email report", "etl-tracking"), ("EXPORT :: Email remittance advice", "remittance-prod"), ("NOTIFY :: Email alerts", "etl-tracking")]):
            k = canned.put(f"sescs{i}", 400, ses_error.format(code="ConfigurationSetDoesNotExist", message=f"Configuration set &lt;{cs}&gt; does not exist.", rid=f"4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e{i:04d}"), "text/xml")
            variants.append((act, lambda k=k, cs=cs: client("ses", k).send_email(Source="etl@acme.no", Destination={"ToAddresses": ["controller@acme.no"]}, Message={"Subject": {"Data": "Rapport"}, "Body": {"Text": {"Data": "Se vedlegg."}}}, ConfigurationSetName=cs)))
        add(b, "ses.configuration_set_does_not_exist", "mail", WE, None, variants, source=f"{bc} + SES error body (modelled)", code=400)

        # S3: the retention cleanup deletes an object under object lock
        lock = "Access Denied because object protected by object lock."
        variants = []
        for i, (act, bucket, key) in enumerate([
            ("CLEANUP :: S3 staging files", "acme-archive-eu", "ledger/2017/06/gl_transactions.parquet"),
            ("CLEANUP :: S3 processed invoices", "acme-ap-archive", "scans/2017/05/31/7781.pdf"),
            ("CLEANUP :: S3 staging files", "acme-archive-eu", "suppliers/2017/12/suppliers.csv"),
        ]):
            k = canned.put(f"s3lock{i}", 403, blind.S3_ERROR.format(code="AccessDenied", message=lock), "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key: s3(k).delete_object(Bucket=bucket, Key=key, VersionId="3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")))
        add(b, "s3.object_lock_protected", "s3.client_error", WE, None, variants, source=f"{bc} + S3 error body (modelled)", code=403)

    # S3-compatible partner storage with a self-signed certificate (real botocore TLS failure)
    context = srv.self_signed_context(tmp, "127.0.0.1")
    with srv.http_server(context) as (tls_base, _canned):
        tls_s3 = boto3.client("s3", endpoint_url=tls_base, region_name="eu-north-1", config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"}))
        add(b, "s3.ssl_validation_failed", "s3.tls", TPS, WE, [
            ("EXTRACT :: S3 partner drop", call(tls_s3.get_object, Bucket="partner-drop-elkjop", Key="outbound/orders/2024-06-12.csv")),
            ("READ :: S3 supplier invoices", call(tls_s3.get_object, Bucket="supplier-exchange-nordic", Key="invoices/2024/06/INV-2024-0612.xml")),
            ("EXPORT :: S3 partner remittance", call(tls_s3.put_object, Bucket="partner-inbox-posten", Key="inbound/remittance_20240612.csv", Body=b"id;amount\n1;2\n")),
        ], source=f"{bc} against a local S3-compatible endpoint with a self-signed certificate", code=None)


# =========================================================================== FTP, SFTP


def ftp_blind17(b: Subset) -> None:
    ftp, stor = blind.ftp_case, blind.ftp_stor

    src = f"{cap.python_source()} ftplib + FTP server replies (modelled on vsftpd/ProFTPD/IIS FTP/CrushFTP/Serv-U)"
    vsftpd = "220 (vsFTPd 3.0.5)"
    iis = "220 Microsoft FTP Service"
    crush = "220 CrushFTP Server Ready!"
    pro = "220 ProFTPD Server (Partner exchange) [10.40.2.18]"
    servu = "220 Serv-U FTP Server v15.3 ready..."
    add(b, "ftp.vsftpd_create_directory_failed", "ftp.error_perm", WE, TPS, [
        ftp("EXPORT :: FTP payments", {"MKD": "550 Create directory operation failed."}, lambda c: c.mkd("/upload/2024-06-12"), vsftpd),
        ftp("WRITE :: FTP remittance", {"MKD": "550 Create directory operation failed."}, lambda c: c.mkd("out/remit/2024/06"), vsftpd, "acme_out"),
        ftp("WRITE :: FTP supplier master", {"MKD": "550 Create directory operation failed."}, lambda c: c.mkd("suppliers/archive"), vsftpd),
    ], source=src, code=None)
    add(b, "ftp.iis_534_policy_requires_ssl", "ftp.error_perm", WE, TPS, [
        ftp("READ :: FTP invoices", {"USER": "534-Policy requires SSL.\r\n534 Local policy on server does not allow TLS secure connections."}, lambda c: None, iis),
        ftp("EXPORT :: FTP payments", {"USER": "534-Policy requires SSL.\r\n534 Local policy on server does not allow TLS secure connections."}, lambda c: None, iis, "acme_out"),
        ftp("READ :: FTP bank statements", {"USER": "534-Policy requires SSL.\r\n534 Local policy on server does not allow TLS secure connections."}, lambda c: None, iis, "dnb_acme_prod"),
    ], source=src, code=None)
    add(b, "ftp.crushftp_file_already_exists", "ftp.error_perm", WE, TPS, [
        ftp("EXPORT :: FTP payments", {"STOR": "550 File already exists: /upload/pain001_20240612_01.xml"}, stor("/upload/pain001_20240612_01.xml"), crush),
        ftp("WRITE :: FTP remittance", {"STOR": "550 File already exists: /out/remit_20240612.csv"}, stor("/out/remit_20240612.csv"), crush),
        ftp("EXPORT :: FTP orders", {"STOR": "550 File already exists: /orders/PO_88240.xml"}, stor("/orders/PO_88240.xml"), crush),
    ], source=src, code=None)
    add(b, "ftp.proftpd_disk_quota_exceeded_on_store", "ftp.error_perm", TPS, None, [
        ftp("EXPORT :: FTP payments", {"STOR": "552 Transfer aborted: Disk quota exceeded"}, stor("/upload/pain001_20240612_04.xml"), pro),
        ftp("WRITE :: FTP remittance", {"STOR": "552 Transfer aborted: Disk quota exceeded"}, stor("remit/remit_20240612.csv"), pro, "acme_out"),
        ftp("EXPORT :: FTP orders", {"STOR": "552 Transfer aborted: Disk quota exceeded"}, stor("orders/PO_88241.xml"), pro),
    ], source=src, code=None)
    add(b, "ftp.servu_login_password_incorrect_530_retry", "ftp.error_perm", TPS, WE, [
        ftp("READ :: FTP invoices", {"PASS": "530 Not logged in, password is incorrect (attempt 3 of 5)."}, lambda c: None, servu),
        ftp("READ :: FTP price lists", {"PASS": "530 Not logged in, password is incorrect (attempt 1 of 5)."}, lambda c: None, servu, "prices_acme"),
        ftp("EXPORT :: FTP payments", {"PASS": "530 Not logged in, password is incorrect (attempt 4 of 5)."}, lambda c: None, servu, "acme_out"),
    ], source=src, code=None)


def sftp_blind17(b: Subset, tmp: Path) -> None:
    import paramiko
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    keys = tmp / "keys"
    keys.mkdir(exist_ok=True)
    for name in ("dnb_sftp_ed25519", "nordea_sftp_ed25519", "partner_sftp_ed25519"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (keys / name).write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
    add(b, "sftp.ed25519_key_file_holds_rsa_key", "sftp.key", WE, None, [
        ("READ :: SFTP bank statements", call(paramiko.Ed25519Key.from_private_key_file, "keys/dnb_sftp_ed25519")),
        ("EXPORT :: SFTP payments", call(paramiko.Ed25519Key.from_private_key_file, "keys/nordea_sftp_ed25519")),
        ("READ :: SFTP invoices", call(paramiko.Ed25519Key.from_private_key_file, "keys/partner_sftp_ed25519")),
    ], source=f"{version('paramiko')} loading an RSA PEM key file as an Ed25519 key", code=None)


# =========================================================================== SOAP faults (zeep, modelled bodies)


def soap_blind17(b: Subset) -> None:
    src = f"{version('zeep')} + SOAP fault bodies (modelled)"
    with srv.http_server() as (base, canned):
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SAP PI invoices", "SUBMIT :: SAP vendor invoices", "SUBMIT :: SAP PI goods receipts"], [
            ("soap.fault_sap_vendor_blocked_for_posting", "soap:Server", IDQ, None, [
                "Vendor 100045 is blocked for posting in company code 1000 (message F5 351)",
                "Vendor 200311 is blocked for posting in company code 2000 (message F5 351)",
                "Vendor 100046 is blocked for posting in company code 1000 (message F5 351)",
            ]),
            ("soap.fault_axis2_epr_operation_not_found", "soapenv:Client", WE, TPS, [
                "The endpoint reference (EPR) for the Operation not found is /services/InvoiceService and the WSA Action = urn:SubmitInvoice. If this EPR was previously reachable, please contact the server administrator.",
                "The endpoint reference (EPR) for the Operation not found is /axis2/services/VendorInvoiceService.VendorInvoiceServiceHttpsSoap11Endpoint/ and the WSA Action = urn:SubmitInvoice. If this EPR was previously reachable, please contact the server administrator.",
                "The endpoint reference (EPR) for the Operation not found is /services/GoodsReceiptService and the WSA Action = urn:SubmitInvoice. If this EPR was previously reachable, please contact the server administrator.",
            ]),
        ], source=src, invoice_prefix="B17a")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP invoices", "EXPORT :: SOAP supplier register", "SUBMIT :: Agresso invoices"], [
            ("soap.fault_datetime_not_recognized", "soap:Client", IDQ, None, [
                "Server was unable to read request. ---> String '31.06.2024' was not recognized as a valid DateTime.",
                "Server was unable to read request. ---> String '2024-6-1 25:00' was not recognized as a valid DateTime.",
                "Server was unable to read request. ---> String '00.00.0000' was not recognized as a valid DateTime.",
            ]),
            ("soap.fault_user_account_locked", "soap:Server", TPS, None, [
                "The user account 'INTEGRATION' is locked. Contact your system administrator.",
                "The user account 'SVC_SUPPLIER_SYNC' is locked. Contact your system administrator.",
                "The user account 'INTEGRATION' is locked. Contact your system administrator.",
            ]),
            ("soap.fault_cxf_unexpected_element", "soap:Client", WE, None, [
                'Unmarshalling Error: unexpected element (uri:"", local:"invoiceNo"). Expected elements are &lt;{}InvoiceNo&gt;,&lt;{}Amount&gt;,&lt;{}Currency&gt;',
                'Unmarshalling Error: unexpected element (uri:"http://example.invalid/invoices", local:"SupplierNo"). Expected elements are &lt;{}SupplierId&gt;,&lt;{}Name&gt;',
                'Unmarshalling Error: unexpected element (uri:"", local:"vatCode"). Expected elements are &lt;{}TaxCode&gt;,&lt;{}Amount&gt;',
            ]),
        ], source=src, invoice_prefix="B17b")


# =========================================================================== vendors (modelled)


def vendor_blind17(b: Subset) -> None:
    ap = ["SUBMIT :: Xledger AP invoices", "SUBMIT :: Xledger AP credit notes", "SUBMIT :: Xledger AP invoices"]
    read = ["EXTRACT :: Xledger invoices", "EXTRACT :: Xledger GL transactions", "EXTRACT :: Xledger suppliers"]
    xledger = [
        ("xledger.graphql.operation_canceled", read, TPS, None, [
            gql("The operation was canceled.", "INTERNAL_SERVER_ERROR", "apTransactions"),
            gql("The operation was canceled.", "INTERNAL_SERVER_ERROR", "glTransactions"),
            gql("The operation was canceled.", "INTERNAL_SERVER_ERROR", "suppliers"),
        ]),
        ("xledger.graphql.not_authorized_resource", read, TPS, WE, [
            gql("The current user is not authorized to access this resource.", "AUTH_NOT_AUTHORIZED", "apTransactions"),
            gql("The current user is not authorized to access this resource.", "AUTH_NOT_AUTHORIZED", "glTransactions"),
            gql("The current user is not authorized to access this resource.", "AUTH_NOT_AUTHORIZED", "suppliers"),
        ]),
        ("xledger.graphql.document_date_outside_fiscal_years", ap, IDQ, None, [
            gql("Document date 2025-01-03 is outside the fiscal years defined for entity 44660227.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Document date 2019-12-31 is outside the fiscal years defined for entity 12093311.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Document date 2205-06-12 is outside the fiscal years defined for entity 44660227.", "BAD_USER_INPUT", "addApTransactions"),
        ]),
        ("xledger.graphql.attachment_too_large", ap, IDQ, None, [
            gql("File 'INV-2024-0612.pdf' is 14.2 MB; the maximum attachment size is 10 MB.", "BAD_USER_INPUT", "addApTransactionAttachment"),
            gql("File 'CN-0099_scan.tif' is 23.8 MB; the maximum attachment size is 10 MB.", "BAD_USER_INPUT", "addApTransactionAttachment"),
            gql("File '77120.pdf' is 10.4 MB; the maximum attachment size is 10 MB.", "BAD_USER_INPUT", "addApTransactionAttachment"),
        ]),
    ]
    for template, acts, cat, alt, msgs in xledger:
        b.add(template, "xledger.graphql", cat, many("GraphQLException", list(zip(acts, msgs, strict=True))), source=f"{version('httpx')} + Xledger GraphQL body (modelled)", alt=alt)

    ivalua = [
        ("ivalua.api_request_body_unexpected_character", WE, IDQ, 400, [
            ("SUBMIT :: Ivalua invoices", "The request body could not be read: Unexpected character encountered while parsing value: N. Path 'lines[2].amount', line 1, position 412."),
            ("SUBMIT :: Ivalua receipts", "The request body could not be read: Unexpected character encountered while parsing value: N. Path 'quantity', line 1, position 188."),
            ("EXPORT :: Ivalua suppliers", "The request body could not be read: Unexpected character encountered while parsing value: I. Path 'credit_limit', line 1, position 96."),
        ]),
        ("ivalua.api_invoice_in_workflow_step", IDQ, TPS, 409, [
            ("SUBMIT :: Ivalua invoices", "Invoice INV-2024-0612 is in workflow step 'Approval' and cannot be modified through the API."),
            ("SUBMIT :: Ivalua credit notes", "Invoice CN-0099 is in workflow step 'Payment' and cannot be modified through the API."),
            ("SUBMIT :: Ivalua invoices", "Invoice 77120 is in workflow step 'Approval' and cannot be modified through the API."),
        ]),
        ("ivalua.api_currency_not_enabled", IDQ, None, 400, [
            ("SUBMIT :: Ivalua invoices", "Currency 'NKR' is not enabled on this platform (invoice INV-2024-0612)."),
            ("EXPORT :: Ivalua orders", "Currency 'EURO' is not enabled on this platform (order PO-88240)."),
            ("SUBMIT :: Ivalua credit notes", "Currency 'SKK' is not enabled on this platform (invoice CN-0099)."),
        ]),
        ("ivalua.api_application_restarting", TPS, None, 503, [
            ("EXTRACT :: Ivalua invoices", "The application is restarting after a release (version 178.2). Please retry in a few minutes."),
            ("EXTRACT :: Ivalua contracts", "The application is restarting after a release (version 178.2). Please retry in a few minutes."),
            ("SUBMIT :: Ivalua receipts", "The application is restarting after a release (version 179.0). Please retry in a few minutes."),
        ]),
        ("ivalua.api_version_retired", WE, None, 410, [
            ("EXPORT :: Ivalua suppliers", "API version v1 of resource 'supplier' was retired on 2024-06-01. Use version v3."),
            ("EXTRACT :: Ivalua invoices", "API version v1 of resource 'invoice' was retired on 2024-06-01. Use version v3."),
            ("EXTRACT :: Ivalua contracts", "API version v2 of resource 'contract' was retired on 2024-06-10. Use version v3."),
        ]),
    ]
    for template, cat, alt, code, items in ivalua:
        b.add(template, "ivalua.api", cat, many("IvaluaApiException", items), source="Ivalua API (modelled)", code=code, alt=alt)


# =========================================================================== other integrations


def other_blind17(b: Subset) -> None:
    vnet = '{{"message":"VismaId: {vid}. Error: Inserting  \'Journal Transaction\' record raised at least one error. Please review the errors. Error: Document is out of balance."}}'
    ns_perm = '{{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4","title":"Forbidden","status":403,"o:errorDetails":[{{"detail":"Permission Violation: You need the \'{perm}\' permission to access this page. Please contact your account administrator.","o:errorCode":"INSUFFICIENT_PERMISSION"}}]}}'
    sf_val = '[{{"message":"{msg}","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":["{field}"]}}]'
    sf_ro = '[{{"message":"Unable to create/update fields: {fields}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.","errorCode":"INVALID_FIELD_FOR_INSERT_UPDATE","fields":["{first}"]}}]'
    dv = '{{"error":{{"code":"0x80040217","message":"{entity} With Id = {gid} Does Not Exist"}}}}'
    teams = '{{"error":{{"code":"TriggerInputSchemaMismatch","message":"The input body for trigger \'manual\' of type \'Request\' did not match its schema definition. Error details: \'Required properties are missing from object: {props}.\'."}}}}'
    peppol = '{{"status":400,"code":"VALIDATION_FAILED","document":"{doc}","errors":[{{"rule":"BR-CO-10","flag":"fatal","location":"/*:Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount","message":"[BR-CO-10]-Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131)."}}]}}'
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("vismanet.document_out_of_balance", "erp.api", IDQ, None, 400, "requests", "Visma.net ERP API body (modelled)", [
                ("SUBMIT :: Visma.net journal transactions", "/API/controller/api/v1/journaltransaction", vnet.format(vid="3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7")),
                ("SUBMIT :: Visma.net journal transactions", "/API/controller/api/v1/journaltransaction", vnet.format(vid="7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d")),
                ("LOAD :: Visma.net accruals", "/API/controller/api/v1/journaltransaction", vnet.format(vid="0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f")),
            ]),
            ("coupa.field_cant_be_blank", "procurement.api", IDQ, None, 400, "httpx", "Coupa API body (modelled)", [
                ("SUBMIT :: Coupa invoices", "/api/invoices", '{"errors":{"invoice-lines":["Line 2: Account can\'t be blank"]}}'),
                ("SUBMIT :: Coupa purchase orders", "/api/purchase_orders", '{"errors":{"ship-to-address":["can\'t be blank"]}}'),
                ("SUBMIT :: Coupa invoices", "/api/invoices", '{"errors":{"invoice-date":["can\'t be blank"],"invoice-number":["can\'t be blank"]}}'),
            ]),
            ("netsuite.insufficient_permission", "erp.api", TPS, WE, 403, "requests", "NetSuite REST body (modelled)", [
                ("EXPORT :: NetSuite vendors", "/services/rest/record/v1/vendor", ns_perm.format(perm="Lists -> Vendors")),
                ("SUBMIT :: NetSuite vendor bills", "/services/rest/record/v1/vendorBill", ns_perm.format(perm="Transactions -> Bills")),
                ("SUBMIT :: NetSuite journal entries", "/services/rest/record/v1/journalEntry", ns_perm.format(perm="Transactions -> Make Journal Entry")),
            ]),
            ("salesforce.field_custom_validation", "crm.api", IDQ, None, 400, "httpx", "Salesforce REST body (modelled)", [
                ("EXPORT :: Salesforce accounts", "/services/data/v60.0/sobjects/Account", sf_val.format(msg="Organisasjonsnummer må ha 9 siffer", field="Org_Number__c")),
                ("EXPORT :: Salesforce contracts", "/services/data/v60.0/sobjects/Contract", sf_val.format(msg="End date must be after the start date", field="EndDate")),
                ("EXPORT :: Salesforce accounts", "/services/data/v60.0/sobjects/Account", sf_val.format(msg="Billing country must be an ISO 3166 code", field="BillingCountry")),
            ]),
            ("salesforce.invalid_field_for_insert_update", "crm.api", WE, TPS, 400, "requests", "Salesforce REST body (modelled)", [
                ("EXPORT :: Salesforce accounts", "/services/data/v60.0/sobjects/Account", sf_ro.format(fields="CreatedDate", first="CreatedDate")),
                ("EXPORT :: Salesforce invoices", "/services/data/v60.0/sobjects/Invoice__c", sf_ro.format(fields="Invoice_Total__c, Paid__c", first="Invoice_Total__c")),
                ("EXPORT :: Salesforce contracts", "/services/data/v60.0/sobjects/Contract", sf_ro.format(fields="ContractNumber", first="ContractNumber")),
            ]),
            ("dataverse.record_does_not_exist", "erp.api", IDQ, TPS, 404, "httpx", "Dynamics 365 Dataverse Web API body (modelled)", [
                ("EXPORT :: Dynamics 365 accounts", "/api/data/v9.2/accounts(4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a)", dv.format(entity="account", gid="4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a")),
                ("SUBMIT :: Dynamics 365 purchase orders", "/api/data/v9.2/msdyn_purchaseorders(8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e)", dv.format(entity="msdyn_purchaseorder", gid="8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e")),
                ("EXPORT :: Dynamics 365 contacts", "/api/data/v9.2/contacts(1f2e3d4c-5b6a-4798-8a0b-c1d2e3f4a5b6)", dv.format(entity="contact", gid="1f2e3d4c-5b6a-4798-8a0b-c1d2e3f4a5b6")),
            ]),
            ("teams.workflow_trigger_schema_mismatch", "chat.webhook", WE, None, 400, "requests", "Teams Workflows (Power Automate) trigger reply (modelled)", [
                ("NOTIFY :: Teams alerts", "/workflows/4f1e2d3c/triggers/manual/paths/invoke?api-version=2016-06-01", teams.format(props="attachments")),
                ("NOTIFY :: Teams run summary", "/workflows/9a8b7c6d/triggers/manual/paths/invoke?api-version=2016-06-01", teams.format(props="type, attachments")),
                ("NOTIFY :: Teams data quality report", "/workflows/2b3c4d5e/triggers/manual/paths/invoke?api-version=2016-06-01", teams.format(props="attachments")),
            ]),
            ("ariba.openapi_rate_limit", "procurement.api", TPS, None, 429, "httpx", "SAP Ariba open API gateway body (modelled)", [
                ("EXTRACT :: Ariba purchase orders", "/api/purchase-orders/v1/prod/orders?realm=acme-T&$top=100&$skip=900", '{"error":"Too Many Requests","message":"You have exceeded your API rate limit. Limit: 1 per second, 50 per minute, 1000 per hour."}'),
                ("EXTRACT :: Ariba invoices", "/api/invoice-details/v1/prod/invoices?realm=acme-T", '{"error":"Too Many Requests","message":"You have exceeded your API rate limit. Limit: 1 per second, 50 per minute, 1000 per hour."}'),
                ("EXTRACT :: Ariba suppliers", "/api/supplierdatapagination/v4/prod/vendorDataRequests?realm=acme", '{"error":"Too Many Requests","message":"You have exceeded your API rate limit. Limit: 2 per second, 100 per minute, 2000 per hour."}'),
            ]),
            ("accesspoint.peppol_line_sum_br_co_10", "einvoice.api", IDQ, None, 400, "requests", "Peppol access point API body (modelled)", [
                ("SUBMIT :: Peppol invoices", "/api/v1/outbound", peppol.format(doc="INV-2024-0612")),
                ("SUBMIT :: EHF invoices", "/api/v1/outbound", peppol.format(doc="77120")),
                ("SUBMIT :: Peppol credit notes", "/api/v1/outbound", peppol.format(doc="CN-0099")),
            ]),
        ])


# =========================================================================== main


FAMILIES = ["http", "http_real", "aws", "ftp", "sftp", "soap", "vendor", "other"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "http": lambda: http_blind17(b),
            "http_real": lambda: http_real_blind17(b, tmp),
            "aws": lambda: aws_blind17(b, tmp),
            "ftp": lambda: ftp_blind17(b),
            "sftp": lambda: sftp_blind17(b, tmp),
            "soap": lambda: soap_blind17(b),
            "vendor": lambda: vendor_blind17(b),
            "other": lambda: other_blind17(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
