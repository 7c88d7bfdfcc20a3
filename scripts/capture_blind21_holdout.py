"""Capture the TWENTY-FIRST blind holdout: integration error templates new to the corpus, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind20.*``) have been seen while the rules were
revised. Every template here (template_id ``blind21.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind21``) is an honest figure again.
This round covers the INTEGRATION side of an ERP/procurement pipeline platform, weighted by what
fails often in production, in wordings the corpus lacks: real HTTP client failures (urllib
downloads cut short, urllib3 connection pools exhausted in blocking mode, httpx streaming misuse,
incomplete chunked bodies, proxy URLs without a scheme, client certificates that do not match
their key), SMTP relays (no AUTH offered, STARTTLS required, sender IP refused), FTP (SIZE in ASCII
mode, DELE refused), SFTP uploads whose size check fails, boto3 against S3-compatible stores and
AWS services (unsupported checksum headers, multipart part order, presigned URL lifetime, Athena,
Lambda, SNS, EventBridge), SOAP faults (WCF envelope version, SAP PI/PO inbound binding, Unit4,
Workday), Microsoft Entra ID token errors, Microsoft Graph mail and SharePoint, Dynamics 365
Finance & Operations OData, Oracle Fusion, Procountor, Sage, Jaggaer, a PEPPOL access point,
currency-rate API plans, Cloudflare browser-signature bans, Xledger GraphQL and Ivalua.
No DuckDB, pandas, pydantic or Postgres errors in this round.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only; vendor,
proxy and platform replies (Xledger GraphQL, Ivalua REST, FTP and SMTP server replies, SOAP faults,
AWS error bodies, gateway error pages, SaaS API bodies) are modelled on realistic bodies and
phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind21_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind21.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import functools
import io
import smtplib
import sys
import urllib.request
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
PREFIX = "blind21."
Variants = blind.Variants
many, gql = blind.many, blind5.gql
add, call, http_cases = blind9.add, blind9.call, blind9.http_cases


# =========================================================================== HTTP: real client failures


def http_real_blind21(b: Subset, tmp: Path) -> None:
    import httpx
    import requests
    import urllib3
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    py = cap.python_source()

    # urllib download cut short: the server announced more bytes than it sent
    variants: Variants = []
    for act, name, length, start in [
        ("READ :: Bank statements download", "camt053_20240612.xml", 48213, b"<?xml version='1.0' encoding='UTF-8'?><Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'><BkToCstmrStmt>"),
        ("EXTRACT :: Currency rates", "eurofxref-hist.csv", 551204, b"Date,USD,JPY,BGN,CZK,DKK,GBP,HUF,PLN,RON,SEK,CHF,ISK,NOK\n2024-06-12,1.0804,169.41"),
        ("READ :: Supplier price file", "pricelist_2024Q3.csv", 1904377, b"item_no;description;unit;price;currency\n70061;Skrue 4x40 rustfri;STK;1,25;NOK\n"),
    ]:
        reply = f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {length}\r\n\r\n".encode() + start

        def go(reply: bytes = reply, name: str = name) -> None:
            with blind5.reply_then_close(reply) as port:
                urllib.request.urlretrieve(f"http://{srv.LOOPBACK}:{port}/files/{name}", name)

        variants.append((act, go))
    add(b, "urllib.urlretrieve_content_too_short", "http.incomplete", TPS, None, variants, source=f"{py} urllib.request.urlretrieve + server closing early (modelled)", code=None)

    # httpx: a chunked body cut off by the peer
    variants = []
    for act, path, chunk in [
        ("EXTRACT :: Partner stock levels", "/inventory/v1/export.csv", b"id;sku;qty\n1001;70061;40\n1002;"),
        ("EXTRACT :: Supplier portal invoices", "/portal/api/v3/invoices/export?format=ndjson", b'{"invoiceNo":"INV-2024-0612","amount":1250.00}\n{"invoiceNo":"INV-2'),
        ("EXTRACT :: Product catalogue", "/catalog/v2/products/export", b'[{"sku":"70061","name":"Skrue 4x40"},{"sku":"70062","na'),
    ]:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
        reply = head + f"{len(chunk) + 40:x}\r\n".encode() + chunk

        def go(reply: bytes = reply, path: str = path) -> None:
            with blind5.reply_then_close(reply) as port:
                httpx.get(f"http://{srv.LOOPBACK}:{port}{path}", timeout=5)

        variants.append((act, go))
    add(b, "httpx.incomplete_chunked_read", "http.incomplete", TPS, None, variants, source=f"{version('httpx')} + server closing mid-chunk (modelled)", code=None)

    with srv.http_server() as (base, canned):
        canned.put("ok", 200, '{"value":[]}')
        port = int(base.rsplit(":", 1)[1])

        # urllib3 pool of one connection in blocking mode, the first response never released
        def pool(first: str, second: str, size: int) -> Callable[[], object]:
            def go() -> object:
                p = urllib3.HTTPConnectionPool(srv.LOOPBACK, port, maxsize=size, block=True)
                held = [p.urlopen("GET", f"/r/ok{first}{i}", preload_content=False) for i in range(size)]
                try:
                    return p.urlopen("GET", f"/r/ok{second}", pool_timeout=0.3)
                finally:
                    for r in held:
                        r.release_conn()

            return go

        add(b, "urllib3.pool_empty_blocking_mode", "http.client_config", WE, None, [
            ("EXTRACT :: REST orders", pool("/orders?page=", "/orders?page=2", 1)),
            ("EXTRACT :: Ivalua suppliers", pool("/api/v3/suppliers?page=", "/api/v3/suppliers?page=5", 4)),
            ("EXTRACT :: Xledger invoices", pool("/graphql?q=", "/graphql", 2)),
        ], source=f"{version('urllib3')} HTTPConnectionPool(block=True) with every connection held", code=None)

        # httpx: a streamed response read as JSON without read()
        def streamed(path: str) -> Callable[[], object]:
            def go() -> object:
                with httpx.Client(timeout=5) as client, client.stream("GET", f"{base}/r/ok{path}") as r:
                    return r.json()

            return go

        add(b, "httpx.streaming_response_not_read", "python.bug", WE, None, [
            ("EXTRACT :: Supplier portal invoices", streamed("/portal/api/v3/invoices")),
            ("EXTRACT :: Dynamics 365 vendors", streamed("/data/VendorsV2?cross-company=true")),
            ("EXTRACT :: Time tracking hours", streamed("/timesheets/v1/entries?week=24")),
        ], source=f"{version('httpx')} Client.stream then Response.json()", code=None)

    # httpx: proxy setting without a scheme (no connection made)
    def proxied(proxy: str) -> Callable[[], object]:
        return lambda: httpx.Client(proxy=proxy, timeout=5)

    add(b, "httpx.proxy_url_unknown_scheme", "http.proxy", WE, None, [
        ("EXTRACT :: Xledger invoices", proxied("proxy.acme.local:3128")),
        ("SUBMIT :: Ivalua invoices", proxied("10.20.0.5:8080")),
        ("EXTRACT :: Currency rates", proxied("egress-proxy.internal:3128")),
    ], source=f"{version('httpx')} Client(proxy=...) with a proxy URL lacking http://", code=None)

    # requests with a client certificate whose private key is another key
    material = blind3.tls_material(tmp)
    other = tmp / "client_other.key"
    other.write_bytes(rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
    with srv.http_server(blind3.server_context(material["leaf"], material["key"])) as (tls_base, _):
        def mtls(path: str) -> Callable[[], object]:
            return lambda: requests.get(f"{tls_base}{path}", cert=(str(material["leaf"]), str(other)), verify=str(material["ca"]), timeout=5)

        add(b, "requests.client_cert_key_values_mismatch", "http.tls", WE, None, [
            ("READ :: Bank statements API", mtls("/psd2/v1/accounts/NO9386011117947/transactions")),
            ("EXPORT :: Bank payments API", mtls("/corporate/payments/v2/pain001")),
            ("SUBMIT :: PEPPOL access point invoices", mtls("/as4/outbound/documents")),
        ], source=f"{version('requests')} + {version('cryptography')} client certificate and a non-matching key", code=None)


# =========================================================================== SMTP


def smtp_blind21(b: Subset) -> None:
    py = cap.python_source()
    src = f"{py} smtplib + SMTP server replies (modelled on Postfix/Gmail/Exchange Online)"

    def send(greeting: str, answer: Callable[[str], str | None], sender: str, rcpt: str, login: bool) -> Callable[[], None]:
        def go() -> None:
            with blind3.line_server(greeting, answer) as port, smtplib.SMTP(srv.LOOPBACK, port, timeout=5) as smtp:
                if login:
                    smtp.login(sender, "secret")
                smtp.sendmail(sender, [rcpt], "Subject: Report\r\n\r\nSee attachment.")

        return go

    no_auth = "250-relay.acme.local\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME"
    add(b, "smtp.auth_extension_not_supported", "smtp.auth", WE, TPS, [
        ("NOTIFY :: Email report", send("220 relay.acme.local ESMTP Postfix", blind3.smtp_replies({}, no_auth), "etl@acme.no", "controller@acme.no", True)),
        ("EXPORT :: Email remittance advice", send("220 mailrelay01.acme-bygg.no ESMTP Postfix (Debian/GNU)", blind3.smtp_replies({}, no_auth.replace("relay.acme.local", "mailrelay01.acme-bygg.no")), "remittance@acme-bygg.no", "post@leverandor.no", True)),
        ("NOTIFY :: Email alerts", send("220 smtp-int.acme.local ESMTP", blind3.smtp_replies({}, no_auth.replace("relay.acme.local", "smtp-int.acme.local")), "alerts@acme.no", "it-drift@acme.no", True)),
    ], source=src, code=None)

    tls_ehlo = "250-smtp.gmail.com at your service, [127.0.0.1]\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8"
    add(b, "smtp.must_issue_starttls_first", "smtp.tls", WE, None, [
        (act, send("220 smtp.gmail.com ESMTP 5b1f17b1804b1-42163d1c8f3sm11223344.12 - gsmtp", blind3.smtp_replies({"MAIL": f"530 5.7.0 Must issue a STARTTLS command first. {tag} - gsmtp"}, tls_ehlo), sender, rcpt, False))
        for act, tag, sender, rcpt in [
            ("NOTIFY :: Email report", "5b1f17b1804b1-42163d1c8f3sm11223344.12", "etl@acme.no", "controller@acme.no"),
            ("EXPORT :: Email invoices to AP", "a640c23a62f3a-a6f0b3c1d2esm44556677.88", "invoices@acme.no", "ap@acme.no"),
            ("NOTIFY :: Email supplier statements", "ffacd0b85a97d-35f2a1b0c9dsm99887766.41", "ap@acme-bygg.no", "faktura@leverandor.no"),
        ]
    ], source=src, code=None)

    o365 = "220 AM0PR02CA0030.outlook.office365.com Microsoft ESMTP MAIL Service ready at Wed, 12 Jun 2024 03:00:12 +0000"
    add(b, "smtp.exchange_online_ip_traffic_not_accepted", "smtp.refused", TPS, WE, [
        (act, send(o365, blind3.smtp_replies({"MAIL": f"550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [{host}]"}), sender, rcpt, True))
        for act, host, sender, rcpt in [
            ("NOTIFY :: Email report", "DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com", "etl@acme.no", "controller@acme.no"),
            ("EXPORT :: Email remittance advice", "AM4PEPF00027A5F.eurprd04.prod.outlook.com", "remittance@acme.no", "post@leverandor.no"),
            ("NOTIFY :: Email alerts", "HE1EUR04FT044.eop-eur04.prod.protection.outlook.com", "alerts@acme.no", "it-drift@acme.no"),
        ]
    ], source=src, code=None)


# =========================================================================== FTP and SFTP


def ftp_blind21(b: Subset) -> None:
    ftp = blind.ftp_case
    py = cap.python_source()
    proftpd = "220 ProFTPD Server (Partner FTP) [127.0.0.1]"
    add(b, "ftp.proftpd_size_not_allowed_ascii", "ftp.error_perm", WE, None, [
        ftp("READ :: FTP invoices", {"SIZE": "550 SIZE not allowed in ASCII mode", "TYPE": "200 Type set to A"}, lambda c: (c.voidcmd("TYPE A"), c.size("/outbound/invoices_20240612.xml")), proftpd),
        ftp("READ :: FTP bank statements", {"SIZE": "550 SIZE not allowed in ASCII mode", "TYPE": "200 Type set to A"}, lambda c: (c.voidcmd("TYPE A"), c.size("camt053_20240612.xml")), proftpd, "dnb_acme_prod"),
        ftp("READ :: FTP price lists", {"SIZE": "550 SIZE not allowed in ASCII mode", "TYPE": "200 Type set to A"}, lambda c: (c.voidcmd("TYPE A"), c.size("prices/pricelist_2024Q3.csv")), proftpd, "prices_acme"),
    ], source=f"{py} ftplib + FTP server replies (modelled on ProFTPD)", code=None)

    vsftpd = "220 (vsFTPd 3.0.5)"
    add(b, "ftp.vsftpd_delete_operation_failed", "ftp.error_perm", TPS, WE, [
        ftp("READ :: FTP invoices", {"DELE": "550 Delete operation failed."}, lambda c: c.delete("/outbound/invoices_20240612.xml"), vsftpd),
        ftp("READ :: FTP bank statements", {"DELE": "550 Delete operation failed."}, lambda c: c.delete("camt053_20240612_01.xml"), vsftpd, "dnb_acme_prod"),
        ftp("READ :: FTP orders", {"DELE": "550 Delete operation failed."}, lambda c: c.delete("/orders/outbound/ORDERS_88242.edi"), vsftpd, "edi_acme"),
    ], source=f"{py} ftplib + FTP server replies (modelled on vsftpd)", code=None)


def sftp_blind21(b: Subset) -> None:
    import paramiko

    class Server(paramiko.ServerInterface):
        def get_allowed_auths(self, username: str) -> str:
            return "password"

        def check_auth_password(self, username: str, password: str) -> int:
            return paramiko.AUTH_SUCCESSFUL

        def check_channel_request(self, kind: str, chanid: int) -> int:
            return paramiko.OPEN_SUCCEEDED

    class Handle(paramiko.SFTPHandle):
        def write(self, offset: int, data: bytes) -> int:
            return paramiko.SFTP_OK

        def close(self) -> None:
            return None

    class PickedUp(paramiko.SFTPServerInterface):
        """The partner's server moves each file away as soon as it is written: stat says 0 bytes."""

        def open(self, path: str, flags: int, attr: Any) -> Any:
            return Handle(flags)

        def stat(self, path: str) -> Any:
            attrs = paramiko.SFTPAttributes()
            attrs.st_size, attrs.st_mode = 0, 0o100644
            return attrs

        lstat = stat

    with srv.ssh_server(Server, paramiko.RSAKey.generate(2048), sftp=PickedUp) as port:

        def put(user: str, path: str, data: bytes) -> Callable[[], object]:
            def go() -> object:
                transport = paramiko.Transport((srv.LOOPBACK, port))
                try:
                    transport.connect(username=user, password="secret")
                    client = paramiko.SFTPClient.from_transport(transport)
                    assert client is not None
                    return client.putfo(io.BytesIO(data), path)
                finally:
                    transport.close()

            return go

        add(b, "sftp.put_size_mismatch_file_picked_up", "sftp.error", WE, TPS, [
            ("EXPORT :: SFTP payments", put("acme_pay", "/inbound/pain001_20240612_01.xml", b"<?xml version='1.0'?><Document><CstmrCdtTrfInitn/></Document>\n")),
            ("EXPORT :: SFTP orders", put("edi_acme", "/in/ORDERS_88242.edi", b"UNA:+.? 'UNB+UNOC:3+7080000123456:14+7080000654321:14+240612:0300+88242'\n")),
            ("WRITE :: SFTP remittance", put("acme_out", "remit/remit_20240612.csv", b"invoice;amount;currency\nINV-2024-0612;1250,00;NOK\n")),
        ], source=f"{version('paramiko')} SFTPClient.putfo against a server that picks up files on arrival (modelled)", code=None)


# =========================================================================== AWS (boto3 against modelled error bodies)


def aws_blind21(b: Subset) -> None:
    import requests

    blind3.aws_env()
    bc = version("botocore")
    with srv.http_server() as (base, canned):
        client = functools.partial(blind.aws_client, base)

        # S3-compatible store refusing the SDK's default checksum headers
        variants: Variants = []
        for i, (act, bucket, key) in enumerate([
            ("LOAD :: S3 upload", "acme-etl-exports", "invoices/2024/06/12/invoices.parquet"),
            ("EXPORT :: S3 partitions", "acme-archive", "gl/year=2024/month=06/part-0000.parquet"),
            ("WRITE :: S3 reports", "acme-reports", "ap/aging_20240612.xlsx"),
        ]):
            k = canned.put(f"b2ck{i}", 400, blind.s3_error("InvalidArgument", "Unsupported header 'x-amz-sdk-checksum-algorithm' received for this API call.", f"4f7a1c2e9b3d{i:04d}"), "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key: client("s3", k).put_object(Bucket=bucket, Key=key, Body=b"PAR1")))
        add(b, "s3.compatible_store_unsupported_checksum_header", "s3.client_config", WE, TPS, variants, source=f"{bc} + S3-compatible store error body (modelled on Backblaze B2)", code=400)

        # multipart completed with parts out of order
        variants = []
        for i, (act, bucket, key) in enumerate([
            ("LOAD :: S3 upload", "acme-etl-exports", "gl/gl_transactions_2024.csv"),
            ("EXPORT :: S3 partitions", "acme-archive", "ap/year=2024/ap_transactions.parquet"),
            ("WRITE :: S3 backups", "acme-backups", "duckdb/warehouse_20240612.db"),
        ]):
            k = canned.put(f"mpord{i}", 400, blind.s3_error("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", f"8c2d4e6f0a1b{i:04d}", f"<UploadId>2~kx9Qm{i}bVwz7YtR3pLc0eNfHs</UploadId>"), "application/xml")
            parts = {"Parts": [{"ETag": '"a1b2"', "PartNumber": 2}, {"ETag": '"c3d4"', "PartNumber": 1}, {"ETag": '"e5f6"', "PartNumber": 3}]}
            variants.append((act, lambda k=k, bucket=bucket, key=key, parts=parts, i=i: client("s3", k).complete_multipart_upload(Bucket=bucket, Key=key, UploadId=f"2~kx9Qm{i}bVwz7YtR3pLc0eNfHs", MultipartUpload=parts)))
        add(b, "s3.multipart_invalid_part_order", "s3.multipart", WE, None, variants, source=f"{bc} + S3 error body (modelled)", code=400)

        # presigned URL asked for two weeks: S3 refuses more than seven days
        variants = []
        for i, (act, bucket, key, expires) in enumerate([
            ("EXPORT :: S3 presigned links", "acme-supplier-share", "statements/SUP-10442_2024-06.pdf", 1209600),
            ("NOTIFY :: Email report links", "acme-reports", "ap/aging_20240612.xlsx", 2592000),
            ("EXPORT :: S3 presigned links", "acme-supplier-share", "remittance/remit_20240612.csv", 864000),
        ]):
            k = canned.put(f"psw{i}", 400, blind.s3_error("AuthorizationQueryParametersError", "X-Amz-Expires must be less than a week (in seconds) that is 604800", f"1d3f5a7c9e2b{i:04d}"), "application/xml")
            url = client("s3", k).generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=expires)
            variants.append((act, lambda url=url: requests.get(url, timeout=5).raise_for_status()))
        add(b, "s3.presigned_url_expires_over_a_week", "s3.presigned", WE, None, variants, source=f"{version('requests')} + {bc} presigned URL + S3 error body (modelled)", code=400, wrap="HTTPError", wrap_message=blind3.with_body)

        # Athena cannot use the configured results location
        variants = []
        for i, (act, output, sql) in enumerate([
            ("TRANSFORM :: Athena invoice aggregates", "s3://acme-athena-results/etl/", "SELECT supplier_id, sum(amount) FROM ap.invoices GROUP BY 1"),
            ("EXTRACT :: Athena GL transactions", "s3://acme-athena-query-results-eu-north-1/", "SELECT * FROM gl.transactions WHERE period = '2024-05'"),
            ("TRANSFORM :: Athena supplier spend", "s3://acme-analytics-athena/", "SELECT * FROM spend.by_supplier"),
        ]):
            bucket = output.split("/")[2]
            k = canned.put(f"ath{i}", 400, f'{{"__type":"InvalidRequestException","AthenaErrorCode":"INVALID_INPUT","Message":"Unable to verify/create output bucket {bucket}"}}', "application/x-amz-json-1.1")
            variants.append((act, lambda k=k, output=output, sql=sql: client("athena", k).start_query_execution(QueryString=sql, WorkGroup="primary", ResultConfiguration={"OutputLocation": output})))
        add(b, "athena.unable_to_verify_output_bucket", "aws.athena", WE, None, variants, source=f"{bc} + Athena error body (modelled)", code=400)

        # Lambda throttled by its reserved concurrency
        variants = []
        for i, (act, fn) in enumerate([
            ("TRANSFORM :: Lambda invoice enrichment", "acme-invoice-enrich"),
            ("SUBMIT :: Lambda PEPPOL converter", "acme-ubl-converter"),
            ("TRANSFORM :: Lambda OCR extraction", "acme-ocr-extract"),
        ]):
            k = canned.put(f"lam{i}", 429, '{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}', "application/json", headers={"x-amzn-ErrorType": "TooManyRequestsException", "x-amzn-RequestId": f"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c{i:04d}"})
            variants.append((act, lambda k=k, fn=fn: client("lambda", k).invoke(FunctionName=fn, Payload=b'{"run":88213}')))
        add(b, "lambda.reserved_concurrency_rate_exceeded", "aws.lambda", TPS, WE, variants, source=f"{bc} + Lambda error body (modelled)", code=429)

        # SNS: the worker role may not publish to the topic
        sns_error = '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>AuthorizationError</Code>\n    <Message>User: arn:aws:sts::418295716230:assumed-role/etl-worker/etl-run-{run} is not authorized to perform: SNS:Publish on resource: arn:aws:sns:eu-north-1:418295716230:{topic} because no identity-based policy allows the SNS:Publish action</Message>\n  </Error>\n  <RequestId>{rid}</RequestId>\n</ErrorResponse>\n'
        variants = []
        for i, (act, topic, run) in enumerate([
            ("NOTIFY :: SNS run events", "etl-run-events", 88213),
            ("NOTIFY :: SNS data quality alerts", "dq-alerts", 88240),
            ("EXPORT :: SNS invoice approvals", "invoice-approvals", 88302),
        ]):
            k = canned.put(f"sns{i}", 403, sns_error.format(run=run, topic=topic, rid=f"5e6f7a8b-9c0d-5e1f-a2b3-c4d5e6f7{i:04d}"), "text/xml")
            variants.append((act, lambda k=k, topic=topic: client("sns", k).publish(TopicArn=f"arn:aws:sns:eu-north-1:418295716230:{topic}", Message='{"run":88213,"status":"failed"}')))
        add(b, "sns.publish_not_authorized_no_identity_policy", "aws.sns", WE, None, variants, source=f"{bc} + SNS error body (modelled)", code=403)

        # EventBridge: the configured event bus does not exist
        variants = []
        for i, (act, bus) in enumerate([
            ("NOTIFY :: EventBridge run events", "acme-integration-events"),
            ("EXPORT :: EventBridge invoice events", "erp-invoices"),
            ("NOTIFY :: EventBridge supplier changes", "procurement-bus"),
        ]):
            k = canned.put(f"evb{i}", 400, f'{{"__type":"ResourceNotFoundException","message":"Event bus {bus} does not exist."}}', "application/x-amz-json-1.1")
            variants.append((act, lambda k=k, bus=bus: client("events", k).put_events(Entries=[{"Source": "acme.etl", "DetailType": "RunFinished", "Detail": '{"run":88213}', "EventBusName": bus}])))
        add(b, "eventbridge.event_bus_does_not_exist", "aws.events", WE, None, variants, source=f"{bc} + EventBridge error body (modelled)", code=400)


# =========================================================================== SOAP faults (zeep, modelled bodies)


def soap_blind21(b: Subset) -> None:
    src = f"{version('zeep')} + SOAP fault bodies (modelled)"
    with srv.http_server() as (base, canned):
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP invoices", "SUBMIT :: WCF supplier invoices", "SUBMIT :: SOAP orders"], [
            ("soap.fault_wcf_envelope_version_mismatch", "s:VersionMismatch", WE, None, [
                "The envelope version of the incoming message (Soap11 (http://schemas.xmlsoap.org/soap/envelope/)) does not match that of the encoder (Soap12 (http://www.w3.org/2003/05/soap-envelope/)). Make sure the binding is configured with the same version as the expected messages.",
                "The envelope version of the incoming message (Soap11 (http://schemas.xmlsoap.org/soap/envelope/)) does not match that of the encoder (Soap12 (http://www.w3.org/2003/05/soap-envelope/)). Make sure the binding is configured with the same version as the expected messages.",
                "The envelope version of the incoming message (Soap12 (http://www.w3.org/2003/05/soap-envelope/)) does not match that of the encoder (Soap11 (http://schemas.xmlsoap.org/soap/envelope/)). Make sure the binding is configured with the same version as the expected messages.",
            ]),
        ], source=src, invoice_prefix="B21a")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SAP PI invoices", "SUBMIT :: SAP PO goods receipts", "SUBMIT :: SAP PI vendor master"], [
            ("soap.fault_sap_pi_inbound_binding_not_found", "SOAP:Server", TPS, WE, [
                "com.sap.aii.af.service.cpa.CPAObjectNotFoundException: Couldn't retrieve inbound binding for the given P/S/A values: FP=;TP=;FS=BS_ACME_ETL;TS=BS_SAP_ECC_PRD;AN=SI_VendorInvoice_Out;ANS=urn:acme.no:fi:ap;",
                "com.sap.aii.af.service.cpa.CPAObjectNotFoundException: Couldn't retrieve inbound binding for the given P/S/A values: FP=;TP=;FS=BS_ACME_ETL;TS=BS_S4H_PRD;AN=SI_GoodsReceipt_Out;ANS=urn:acme.no:mm:gr;",
                "com.sap.aii.af.service.cpa.CPAObjectNotFoundException: Couldn't retrieve inbound binding for the given P/S/A values: FP=;TP=;FS=BS_IVALUA;TS=BS_SAP_ECC_PRD;AN=SI_Vendor_Out;ANS=urn:acme.no:md:vendor;",
            ]),
        ], source=src, invoice_prefix="B21b")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: Unit4 vouchers", "SUBMIT :: Agresso supplier invoices", "SUBMIT :: Unit4 vouchers"], [
            ("soap.fault_unit4_account_closed_for_posting", "soap:Client", IDQ, None, [
                "ImportService: batch 88213, transaction 2, line 3: Account 6999 is closed (status C) in client AC and cannot be posted to.",
                "ImportService: batch 88240, transaction 14, line 1: Account 2410 is closed (status C) in client 10 and cannot be posted to.",
                "ImportService: batch 88302, transaction 1, line 7: Account 4300 is closed (status C) in client EN and cannot be posted to.",
            ]),
        ], source=src, invoice_prefix="B21c")
        blind.add_soap_faults(b, base, canned, ["EXTRACT :: Workday suppliers", "SUBMIT :: Workday supplier invoices", "EXTRACT :: Workday cost centers"], [
            ("soap.fault_workday_task_not_authorized", "SOAP-ENV:Client.authorizationError", TPS, WE, [
                "The task submitted is not authorized.",
                "The task submitted is not authorized.",
                "The task submitted is not authorized.",
            ]),
        ], source=src, invoice_prefix="B21d")


# =========================================================================== vendors and SaaS (modelled bodies)


CF_1010 = '<!DOCTYPE html>\n<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->\n<head>\n<title>Access denied | {host} used Cloudflare to restrict access</title>\n</head>\n<body>\n  <div id="cf-wrapper">\n    <div id="cf-error-details" class="cf-error-details-wrapper">\n      <div class="cf-wrapper cf-header cf-error-overview">\n        <h1>\n          <span class="cf-error-type" data-translate="error">Error</span>\n          <span class="cf-error-code">1010</span>\n        </h1>\n        <h2 class="cf-subheadline"><span data-translate="error_desc">Access denied</span></h2>\n      </div>\n      <section>\n        <h2 data-translate="what_happened">What happened?</h2>\n        <p>The owner of this website ({host}) has banned your access based on your browser\'s signature ({ray}).</p>\n      </section>\n      <div class="cf-error-footer">\n        <p>Cloudflare Ray ID: <strong class="font-semibold">{ray}</strong></p>\n      </div>\n    </div>\n  </div>\n</body>\n</html>\n'


def vendor_blind21(b: Subset) -> None:
    aad = blind3.aad_error
    d365 = "{{\"Message\":\"No HTTP resource was found that matches the request URI 'https://acme-prod.operations.dynamics.com/data/{entity}'. No route data was found for this request.\"}}"
    fusion = '{{"type":"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1","title":"Bad Request","status":"400","o:errorDetails":[{{"detail":"{detail}","o:errorCode":"{code}"}}]}}'
    procountor = '{{"errors":[{{"status":400,"field":"{field}","message":"{msg}"}}]}}'
    sage = '[{{"$severity":"error","$dataCode":"RecordInvalid","$message":"has already been taken","$source":"{source}"}}]'
    jaggaer = '{{"status":"ERROR","errorCode":"CONTRACT_NOT_ACTIVE","errorMessage":"Contract {contract} is in status {status}; purchase requisition line {line} cannot reference it."}}'
    oxr = '{"error": true, "status": 403, "message": "not_allowed", "description": "Changing the API `base` currency is available for Developer, Enterprise and Unlimited plan clients. Please upgrade, or contact support@openexchangerates.org with any questions."}'
    graph_denied = '{{"error":{{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again.","innerError":{{"date":"2024-06-12T03:00:{s}","request-id":"{rid}","client-request-id":"{rid}"}}}}}}'
    graph_host = '{{"error":{{"code":"invalidRequest","message":"Invalid hostname for this tenancy","innerError":{{"date":"2024-06-12T03:10:{s}","request-id":"{rid}","client-request-id":"{rid}"}}}}}}'
    peppol = '{{"status":"REJECTED","documentId":"{doc}","validation":[{{"flag":"fatal","id":"PEPPOL-EN16931-R008","location":"{loc}","text":"Document MUST not contain empty elements."}}]}}'
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("entra.aadsts90002_tenant_not_found", "oauth", WE, None, 400, "requests", "Microsoft Entra ID token endpoint body (modelled)", [
                ("EXTRACT :: Graph mailbox", "/acme-norge.onmicrosoft.no/oauth2/v2.0/token", aad("invalid_request", "AADSTS90002: Tenant 'acme-norge.onmicrosoft.no' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", "", "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d00")),
                ("EXTRACT :: Dynamics 365 vendors", "/4f1e2d3c-aaaa-4bbb-8ccc-1d2e3f4a5b6d/oauth2/token", aad("invalid_request", "AADSTS90002: Tenant '4f1e2d3c-aaaa-4bbb-8ccc-1d2e3f4a5b6d' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", "", "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e00")),
                ("READ :: SharePoint budget", "/acmebygg.onmicrosoft.com/oauth2/v2.0/token", aad("invalid_request", "AADSTS90002: Tenant 'acmebygg.onmicrosoft.com' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", "", "d3e4f5a6-b7c8-4d9e-0f1a-2b3c4d5e6f00")),
            ]),
            ("entra.aadsts53003_conditional_access_blocked", "oauth", TPS, WE, 400, "httpx", "Microsoft Entra ID token endpoint body (modelled)", [
                ("EXTRACT :: Graph mailbox", "/9a8b7c6d-1111-4222-a333-7f6e5d4c3b2a/oauth2/v2.0/token", aad("invalid_grant", "AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.", "", "e4f5a6b7-c8d9-4e0f-1a2b-3c4d5e6f7a00")),
                ("EXPORT :: SharePoint reports", "/9a8b7c6d-1111-4222-a333-7f6e5d4c3b2a/oauth2/v2.0/token", aad("invalid_grant", "AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.", "", "f5a6b7c8-d9e0-4f1a-2b3c-4d5e6f7a8b00")),
                ("EXTRACT :: Dynamics 365 vendors", "/2b3c4d5e-1111-4222-a333-7f6e5d4c3b2a/oauth2/token", aad("invalid_grant", "AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.", "", "a6b7c8d9-e0f1-4a2b-3c4d-5e6f7a8b9c00")),
            ]),
            ("d365fo.odata_no_http_resource_matches", "erp.api", WE, None, 404, "requests", "Dynamics 365 Finance & Operations OData body (modelled)", [
                ("EXTRACT :: Dynamics 365 vendors", "/data/VendorsV3?cross-company=true", d365.format(entity="VendorsV3")),
                ("SUBMIT :: Dynamics 365 vendor invoices", "/data/VendorInvoiceHeaderss", d365.format(entity="VendorInvoiceHeaderss")),
                ("EXTRACT :: Dynamics 365 purchase orders", "/data/PurchaseOrderHeadersV3?$filter=PurchaseOrderStatus eq 'Backorder'", d365.format(entity="PurchaseOrderHeadersV3")),
            ]),
            ("oraclefusion.supplier_site_not_valid_for_bu", "erp.api", IDQ, None, 400, "httpx", "Oracle Fusion REST body (modelled)", [
                ("SUBMIT :: Oracle Fusion payables invoices", "/fscmRestApi/resources/11.13.18.05/invoices", fusion.format(detail="The supplier site OSLO-MAIN isn't valid for the business unit Acme Norway BU. (AP-810419)", code="AP-810419")),
                ("SUBMIT :: Oracle Fusion payables invoices", "/fscmRestApi/resources/11.13.18.05/invoices", fusion.format(detail="The supplier site BERGEN isn't valid for the business unit Acme Sverige BU. (AP-810419)", code="AP-810419")),
                ("SUBMIT :: Oracle Fusion credit memos", "/fscmRestApi/resources/11.13.18.05/invoices", fusion.format(detail="The supplier site PAY-NO-01 isn't valid for the business unit Acme Danmark BU. (AP-810419)", code="AP-810419")),
            ]),
            ("procountor.field_value_not_allowed", "erp.api", IDQ, None, 400, "requests", "Procountor REST body (modelled)", [
                ("SUBMIT :: Procountor purchase invoices", "/api/invoices", procountor.format(field="invoiceRows[0].vatPercent", msg="VAT_PERCENT_NOT_ALLOWED")),
                ("SUBMIT :: Procountor purchase invoices", "/api/invoices", procountor.format(field="counterParty.bankAccount.accountNumber", msg="INVALID_IBAN")),
                ("LOAD :: Procountor ledger receipts", "/api/ledgerreceipts", procountor.format(field="transactions[2].accountingCode", msg="ACCOUNT_NOT_FOUND")),
            ]),
            ("sage.record_invalid_already_taken", "erp.api", IDQ, None, 422, "httpx", "Sage Business Cloud Accounting body (modelled)", [
                ("EXPORT :: Sage suppliers", "/core/v3.1/contacts", sage.format(source="reference")),
                ("SUBMIT :: Sage purchase invoices", "/core/v3.1/purchase_invoices", sage.format(source="vendor_reference")),
                ("EXPORT :: Sage products", "/core/v3.1/products", sage.format(source="item_code")),
            ]),
            ("jaggaer.contract_not_active", "procurement.api", IDQ, None, 422, "requests", "Jaggaer REST body (modelled)", [
                ("SUBMIT :: Jaggaer requisitions", "/api/v1/requisitions", jaggaer.format(contract="CW-2024-0188", status="Expired", line=3)),
                ("SUBMIT :: Jaggaer requisitions", "/api/v1/requisitions", jaggaer.format(contract="CW-2023-0912", status="Draft", line=1)),
                ("EXPORT :: Jaggaer purchase orders", "/api/v1/purchaseorders", jaggaer.format(contract="FA-0044", status="Terminated", line=12)),
            ]),
            ("peppol.accesspoint_empty_elements_r008", "einvoice.api", IDQ, WE, 422, "httpx", "PEPPOL access point validation body (modelled)", [
                ("SUBMIT :: PEPPOL access point invoices", "/api/v1/outbound/documents", peppol.format(doc="INV-2024-0612", loc="/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID")),
                ("SUBMIT :: PEPPOL credit notes", "/api/v1/outbound/documents", peppol.format(doc="CN-0099", loc="/CreditNote/cac:CreditNoteLine[2]/cac:Item/cbc:Description")),
                ("SUBMIT :: PEPPOL access point invoices", "/api/v1/outbound/documents", peppol.format(doc="INV-2024-0644", loc="/Invoice/cac:PaymentMeans/cbc:PaymentID")),
            ]),
            ("openexchangerates.base_currency_not_allowed", "fx.api", WE, TPS, 403, "requests", "Open Exchange Rates body (modelled)", [
                ("EXTRACT :: Currency rates", "/api/latest.json?base=NOK", oxr),
                ("EXTRACT :: Currency rates history", "/api/historical/2024-06-11.json?base=SEK", oxr),
                ("TRANSFORM :: Currency conversion", "/api/latest.json?base=EUR&symbols=NOK,SEK,DKK", oxr),
            ]),
            ("http.cloudflare_1010_browser_signature_banned", "http.status", TPS, WE, 403, "requests", "Cloudflare error page (modelled)", [
                ("EXTRACT :: Supplier portal invoices", "/api/v2/invoices?status=approved", CF_1010.format(host="portal.leverandor.no", ray="8a1b2c3d4e5f6a7b")),
                ("EXTRACT :: Partner price lists", "/pricing/export.csv", CF_1010.format(host="b2b.grossisten.no", ray="8a2c3d4e5f6a7b8c")),
                ("EXTRACT :: Logistics tracking events", "/tracking/v1/events?since=2024-06-11", CF_1010.format(host="api.fraktpartner.no", ray="8a3d4e5f6a7b8c9d")),
            ]),
            ("msgraph.sendmail_error_access_denied", "mail.api", TPS, WE, 403, "httpx", "Microsoft Graph body (modelled)", [
                ("NOTIFY :: Email report", "/v1.0/users/etl@acme.no/sendMail", graph_denied.format(s="12", rid="0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")),
                ("EXPORT :: Email remittance advice", "/v1.0/users/remittance@acme.no/sendMail", graph_denied.format(s="41", rid="1d2e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a")),
                ("EXTRACT :: Graph mailbox", "/v1.0/users/faktura@acme.no/mailFolders/inbox/messages?$filter=hasAttachments eq true", graph_denied.format(s="58", rid="2e3f4a5b-6c7d-4e8f-a09b-1c2d3e4f5a6b")),
            ]),
            ("msgraph.sharepoint_invalid_hostname_for_tenancy", "sharepoint.api", WE, None, 400, "requests", "Microsoft Graph body (modelled)", [
                ("READ :: SharePoint budget", "/v1.0/sites/acmebygg.sharepoint.no:/sites/Finance", graph_host.format(s="03", rid="3f4a5b6c-7d8e-4f9a-b0c1-2d3e4f5a6b7c")),
                ("EXPORT :: SharePoint reports", "/v1.0/sites/acme-my.sharepoint.com:/sites/Rapporter", graph_host.format(s="27", rid="4a5b6c7d-8e9f-4a0b-c1d2-3e4f5a6b7c8d")),
                ("READ :: SharePoint cost centers", "/v1.0/sites/acme.sharepoint.com.mcas.ms:/sites/Controlling", graph_host.format(s="49", rid="5b6c7d8e-9f0a-4b1c-d2e3-4f5a6b7c8d9e")),
            ]),
        ])

    read = ["EXTRACT :: Xledger invoices", "EXTRACT :: Xledger GL transactions", "EXTRACT :: Xledger suppliers"]
    ap = ["SUBMIT :: Xledger AP invoices", "SUBMIT :: Xledger AP invoices", "SUBMIT :: Xledger AP credit notes"]
    xledger = [
        ("xledger.graphql.max_query_depth_exceeded", read, WE, None, [
            gql("Query is too deep: depth 12 exceeds the maximum depth of 10.", "GRAPHQL_VALIDATION_FAILED"),
            gql("Query is too deep: depth 11 exceeds the maximum depth of 10.", "GRAPHQL_VALIDATION_FAILED"),
            gql("Query is too deep: depth 14 exceeds the maximum depth of 10.", "GRAPHQL_VALIDATION_FAILED"),
        ]),
        ("xledger.graphql.kid_failed_check_digit", ap, IDQ, None, [
            gql("Payment reference (KID) '004411223' failed the MOD10 check digit for supplier 'SUP-10442'.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Payment reference (KID) '20240612000171' failed the MOD11 check digit for supplier '100045'.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Payment reference (KID) '77120-3' failed the MOD10 check digit for supplier 'ACME01'.", "BAD_USER_INPUT", "addApTransactions"),
        ]),
    ]
    for template, acts, cat, alt, msgs in xledger:
        b.add(template, "xledger.graphql", cat, many("GraphQLException", list(zip(acts, msgs, strict=True))), source=f"{version('httpx')} + Xledger GraphQL body (modelled)", alt=alt)

    ivalua = [
        ("ivalua.api_contract_expired_for_order", IDQ, None, 422, [
            ("EXPORT :: Ivalua orders", "Order PO-88240 line 2 references contract CTR-2023-044, which expired on 2024-05-31."),
            ("SUBMIT :: Ivalua invoices", "Invoice INV-2024-0612 line 1 references contract CTR-2024-010, which expired on 2024-03-31."),
            ("EXPORT :: Ivalua orders", "Order PO-88302 line 5 references contract FA-0044, which expired on 2023-12-31."),
        ]),
        ("ivalua.api_integration_user_deactivated", TPS, WE, 401, [
            ("EXTRACT :: Ivalua suppliers", "The integration user 'API_ETL' is deactivated. Contact your Ivalua administrator."),
            ("SUBMIT :: Ivalua invoices", "The integration user 'WS_ACME_INVOICES' is deactivated. Contact your Ivalua administrator."),
            ("EXTRACT :: Ivalua contracts", "The integration user 'api_datahub' is deactivated. Contact your Ivalua administrator."),
        ]),
    ]
    for template, cat, alt, code, items in ivalua:
        b.add(template, "ivalua.api", cat, many("IvaluaApiException", items), source="Ivalua API (modelled)", code=code, alt=alt)


# =========================================================================== main


FAMILIES = ["http_real", "smtp", "ftp", "sftp", "aws", "soap", "vendor"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "http_real": lambda: http_real_blind21(b, tmp),
            "smtp": lambda: smtp_blind21(b),
            "ftp": lambda: ftp_blind21(b),
            "sftp": lambda: sftp_blind21(b),
            "aws": lambda: aws_blind21(b),
            "soap": lambda: soap_blind21(b),
            "vendor": lambda: vendor_blind21(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
