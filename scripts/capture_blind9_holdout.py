"""Capture the NINTH blind holdout: error templates new to the corpus, written without the rules.

The first eight blind holdouts (``blind.*`` to ``blind8.*``) have been seen while the rules were
revised. Every template here (template_id ``blind9.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind9``) is an honest figure again.
It is shaped like the failure table of an ERP/procurement pipeline platform: about a third per
category, and most templates from the everyday families (DuckDB, pandas, Python, parsing,
pydantic, Postgres, HTTP clients, S3, FTP, SOAP, Xledger, Ivalua, the workflow engine and its
wrappers) in wordings the corpus lacks; the rest are other integration failures (ERP and
e-invoicing APIs, OAuth/OIDC, mail, queues, caches, cloud storage and warehouses, banks).
Each error is raised by the real library installed here, against servers on 127.0.0.1 only; vendor,
cloud and platform replies and wrappers (Xledger GraphQL, Ivalua REST, FTP/SMTP/IMAP server
replies, SOAP faults, S3/MinIO error bodies, SaaS API bodies, the workflow engine) are modelled on
realistic bodies and phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind9_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind9.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import functools
import io
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
PREFIX = "blind9."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
many, pairs, same, wrapped, gql = blind.many, blind.pairs, blind.same, blind.wrapped, blind5.gql

#: (template, family, category, alt_category, variants)
Cases = list[tuple[str, str, str, str | None, Variants]]


def add_cases(b: Subset, cases: Cases, source: str, code: int | None = 500) -> None:
    for template, family, cat, alt, variants in cases:
        b.add(template, family, cat, variants, source=source, alt=alt, code=code)


def add(b: Subset, template: str, family: str, cat: str, alt: str | None, variants: Variants, **kw: Any) -> None:
    b.add(template, family, cat, variants, alt=alt, **kw)


def call(fn: Callable[..., object], *args: Any, **kw: Any) -> Callable[[], object]:
    """A trigger: `fn(*args, **kw)`."""
    return lambda: fn(*args, **kw)


# =========================================================================== DuckDB


def duckdb_blind9(b: Subset, tmp: Path) -> None:
    def run(sql: str, setup: str = "") -> Callable[[], Any]:
        return blind.duckdb_query(sql, setup, config={"autoinstall_known_extensions": False})

    ledger = (
        "create table ledger(id integer primary key, account varchar not null, amount decimal(12,2), "
        "posted date, currency varchar, supplier integer);insert into ledger values "
        "(1, '6300', 100, '2024-06-01', 'NOK', 10045), (2, '2400', 250, '2024-06-02', 'EUR', 10046)"
    )
    for name, text in [
        ("suppliers.csv", "id;name\n10045;Acme AS\n"),
        ("camt.csv", "konto;belop;dato\n1920;100;2024-06-12\n"),
        ("orders.csv", "order_no,line\nPO-1,1\n"),
    ]:
        Path(name).write_text(text)
    led = "TRANSFORM :: SQL ledger"
    cases: Cases = [
        ("duckdb.binder.nested_aggregate", "duckdb.binder", WE, None, [
            (led, run("select sum(sum(amount)) from ledger", ledger)),
            ("TRANSFORM :: SQL report", run("select max(count(*)) from ledger group by account", ledger)),
            ("TRANSFORM :: SQL suppliers", run("select sum(count(id)) from ledger", ledger)),
        ]),
        ("duckdb.not_implemented.sort_order", "duckdb.not_implemented", WE, None, [
            ("TRANSFORM :: SQL report", run("select list_sort([3, 1, 2], 'UP')")),
            (led, run("select list_sort(list(amount), 'DOWN') from ledger", ledger)),
            ("TRANSFORM :: SQL suppliers", run("select list_sort(['b', 'a'], 'ASC', 'NULLS SOMEWHERE')")),
        ]),
        ("duckdb.syntax.threads_zero", "duckdb.config", WE, None, [
            ("LOAD :: DuckDB warehouse", run("set threads = 0")),
            (led, run("set threads to 0")),
            ("TRANSFORM :: SQL report", run("pragma threads=0")),
        ]),
        ("duckdb.binder.read_csv_columns_required", "duckdb.binder", WE, None, [
            ("READ :: CSV suppliers", run("select * from read_csv('suppliers.csv', auto_detect=false, delim=';')")),
            ("READ :: FTP bank statements", run("select * from read_csv('camt.csv', auto_detect=false, header=true)")),
            ("READ :: S3 orders", run("select * from read_csv('orders.csv', auto_detect=false)")),
        ]),
        ("duckdb.invalid_input.quote_too_long", "duckdb.invalid_input", WE, None, [
            ("READ :: CSV suppliers", run("select * from read_csv('suppliers.csv', quote='\"\"')")),
            ("READ :: FTP bank statements", run("select * from read_csv('camt.csv', quote='<Q>')")),
            ("READ :: S3 orders", run("select * from read_csv('orders.csv', quote='``')")),
        ]),
        ("duckdb.invalid_input.csv_names_exceed_header", "duckdb.invalid_input", IDQ, WE, [
            ("READ :: CSV suppliers", run("select * from read_csv('suppliers.csv', names=['id', 'name', 'org_no'])")),
            ("READ :: FTP bank statements", run("select * from read_csv('camt.csv', names=['konto', 'belop', 'dato', 'kid', 'tekst'])")),
            ("READ :: S3 orders", run("select * from read_csv('orders.csv', names=['order_no', 'line', 'qty'])")),
        ]),
        ("duckdb.constraint.update_primary_key", "duckdb.constraint", IDQ, None, [
            ("LOAD :: DuckDB warehouse", run("update ledger set id = 2 where id = 1", ledger)),
            (led, run("update ledger set id = 2 where account = '6300'", ledger)),
            ("LOAD :: DuckDB staging", run("update ledger set id = 1 where supplier = 10046", ledger)),
        ]),
        ("duckdb.binder.qualify_without_window", "duckdb.binder", WE, None, [
            (led, run("select * from ledger qualify id > 1", ledger)),
            ("TRANSFORM :: SQL dedupe", run("select * from ledger qualify supplier = 10045", ledger)),
            ("TRANSFORM :: SQL report", run("select account, amount from ledger qualify amount = max(amount)", ledger)),
        ]),
        ("duckdb.not_implemented.partition_all_columns", "duckdb.not_implemented", WE, None, [
            ("EXPORT :: Parquet ledger", run("copy (select account from ledger) to 'out_ledger' (format parquet, partition_by (account))", ledger)),
            ("WRITE :: CSV export", run("copy (select currency, supplier from ledger) to 'out_suppliers' (format csv, partition_by (currency, supplier))", ledger)),
            ("EXPORT :: S3 partitions", run("copy (select posted from ledger) to 'out_posted' (format parquet, partition_by posted)", ledger)),
        ]),
        ("duckdb.binder.union_order_by", "duckdb.binder", WE, None, [
            (led, run("select id, amount from ledger union all select id, amount from ledger order by account", ledger)),
            ("TRANSFORM :: SQL report", run("select account from ledger union select currency from ledger order by supplier", ledger)),
            ("TRANSFORM :: SQL union tenants", run("select id from ledger union all by name select id from ledger order by posted", ledger)),
        ]),
        ("duckdb.parser.sample_method_rows", "duckdb.parser", IDQ, WE, [
            ("TRANSFORM :: SQL audit sample", run("select * from ledger tablesample 5 rows (bernoulli)", ledger)),
            ("TRANSFORM :: SQL sample", run("select * from ledger using sample 10 rows (bernoulli, 7)", ledger)),
            (led, run("select * from ledger using sample bernoulli(20 rows)", ledger)),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_blind9(b: Subset, tmp: Path) -> None:
    import pandas as pd

    inv = pd.DataFrame(
        {"invoice_no": ["INV-1", "INV-1", "INV-2"], "ref": ["PO-1;2", "PO-3", "PO-4;5;6"],
         "amount": ["1204.50", "1 204,50", "99"], "posted": ["2024-06-12 24:00", "x", "y"]}
    )
    cases: Cases = [
        ("pandas.to_csv_missing_directory", "pandas.io", WE, None, [
            ("WRITE :: CSV export", lambda: inv.to_csv("out/2024-06/invoices.csv")),
            ("EXPORT :: CSV to SFTP", lambda: inv.to_csv("outbox/remittance_0612.csv", sep=";")),
            ("WRITE :: Dataset invoices", lambda: inv.to_csv("tenants/44660227/work/invoices.csv.gz")),
        ]),
        ("pandas.split_expand_key_length", "pandas.value_error", IDQ, WE, [
            ("TRANSFORM :: Python invoices", lambda: inv.__setitem__(["po1", "po2"], inv["ref"].str.split(";", expand=True))),
            ("TRANSFORM :: Python split names", lambda: inv.__setitem__(["first", "last"], pd.Series(["Kari Nordmann", "Ola", "Per Olav Hansen"]).str.split(" ", expand=True))),
            ("TRANSFORM :: Python ledger", lambda: inv.__setitem__(["a", "b", "c", "d"], inv["ref"].str.split(";", expand=True))),
        ]),
        ("pandas.transform_invalid_name", "pandas.groupby", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.groupby("invoice_no")["amount"].transform("total")),
            ("TRANSFORM :: Python spend cube", lambda: inv.groupby("ref")["amount"].transform("running_sum")),
            ("TRANSFORM :: Python ledger", lambda: inv.groupby("invoice_no")["posted"].transform("latest")),
        ]),
        ("pandas.to_dict_index_not_unique", "pandas.value_error", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.set_index("invoice_no").to_dict(orient="index")),
            ("EXTRACT :: Ivalua suppliers", lambda: pd.DataFrame({"sup": ["SUP-1", "SUP-1"], "n": [1, 2]}).set_index("sup").to_dict("index")),
            ("TRANSFORM :: Python lookup accounts", lambda: pd.DataFrame({"acc": ["6300", "6300"], "v": [1, 2]}).set_index("acc").to_dict(orient="index")),
        ]),
        ("pandas.read_html_dependency", "pandas.import_error", WE, None, same(
            lambda: pd.read_html(io.StringIO("<html><body><p>Kurser er ikke tilgjengelige</p></body></html>")),
            ["EXTRACT :: Norges Bank rates page", "EXTRACT :: Supplier portal", "READ :: Email HTML report"],
        )),
        ("pandas.astype_column_cast", "pandas.astype", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.astype({"amount": "float64"})),
            ("TRANSFORM :: Python amounts", lambda: pd.DataFrame({"qty": ["1", "2 stk"]}).astype({"qty": "float64"})),
            ("READ :: CSV suppliers", lambda: pd.DataFrame({"org_no": ["987654321", "NO987654321MVA"]}).astype({"org_no": "float64"})),
        ]),
        ("pandas.to_datetime_field_range", "pandas.datetime", IDQ, None, [
            ("TRANSFORM :: Python dates", lambda: pd.to_datetime(pd.Series(["2024-06-12 24:00"]))),
            ("READ :: FTP bank statements", lambda: pd.to_datetime(pd.Series(["2024-06-12 13:61"]))),
            ("EXTRACT :: REST orders", lambda: pd.to_datetime(pd.Series(["2024-06-12T10:00:75"]))),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== Python, parsing, pydantic


def python_blind9(b: Subset, tmp: Path) -> None:
    import os
    import shlex
    import statistics

    def index_of(seq: Any, value: Any) -> Callable[[], object]:
        return lambda: seq.index(value)

    cases: Cases = [
        ("python.statistics_empty", "python.value", IDQ, None, [
            ("TRANSFORM :: Python unit prices", call(statistics.mean, [])),
            ("TRANSFORM :: Python forecast", call(statistics.median, [])),
            ("TRANSFORM :: Python FX revaluation", call(statistics.fmean, [])),
        ]),
        ("python.str_index_not_found", "python.value", WE, None, [
            ("READ :: FTP bank statements", index_of(":61:240612C1204,50NTRF", ":86:")),
            ("TRANSFORM :: Python invoices", index_of("INV2024-0612", "-2024")),
            ("EXTRACT :: Email attachments", index_of("invoice_0612.PDF", ".pdf")),
        ]),
        ("python.shlex_no_closing_quote", "python.config", IDQ, None, [
            ("TRANSFORM :: Python custom step", call(shlex.split, "convert --title 'Leverandør AS")),
            ("EXPORT :: CSV to SFTP", call(shlex.split, 'gpg --recipient "ap@acme.no --encrypt')),
            ("TRANSFORM :: Shell script", call(shlex.split, "unzip -o 'inbox/faktura 0612.zip")),
        ]),
        ("python.int_max_str_digits", "python.value", IDQ, None, [
            ("EXTRACT :: REST orders", call(int, "4" * 4400)),
            ("READ :: JSON orders", call(int, "1" * 5001)),
            ("READ :: FTP bank statements", call(int, "0" * 4301 + "7")),
        ]),
        ("python.rename_missing_source", "python.os_error", WE, TPS, [
            ("READ :: FTP invoices", call(os.rename, "inbox/invoices_0612.csv.part", "inbox/invoices_0612.csv")),
            ("EXPORT :: CSV to SFTP", call(os.replace, "outbox/remit_0612.tmp", "outbox/remit_0612.csv")),
            ("WRITE :: Dataset invoices", call(os.rename, "work/stage_2.arrow", "work/final.arrow")),
        ]),
        ("python.round_none", "python.type", WE, None, [
            ("TRANSFORM :: Python amounts", call(round, None, 2)),
            ("TRANSFORM :: Python FX revaluation", call(round, None)),
            ("EXPORT :: Xledger vouchers", call(round, None, 2)),
        ]),
        ("python.fromtimestamp_range", "python.overflow", IDQ, None, [
            ("EXTRACT :: REST orders", lambda: __import__("datetime").datetime.fromtimestamp(1.7e19)),
            ("EXTRACT :: Ivalua invoices", lambda: __import__("datetime").datetime.fromtimestamp(1e20)),
            ("READ :: JSON orders", lambda: __import__("datetime").datetime.fromtimestamp(-1e19)),
        ]),
    ]
    add_cases(b, cases, cap.python_source())


def parsing_blind9(b: Subset, tmp: Path) -> None:

    import jsonschema
    import yaml
    from lxml import etree

    def schema(doc: Any, sch: dict[str, Any]) -> Callable[[], object]:
        return lambda: jsonschema.validate(doc, sch)

    money = {"type": "object", "properties": {"amount": {"multipleOf": 0.01}}}
    vat = {"type": "object", "properties": {"vatNumber": {"type": "string", "pattern": "^NO[0-9]{9}MVA$"}}}
    lines = {"type": "object", "properties": {"lines": {"type": "array", "minItems": 1}}}
    js = version("jsonschema")
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("jsonschema.multiple_of", "jsonschema.validation", IDQ, None, [
            ("SUBMIT :: Ivalua invoices", schema({"amount": 1204.505}, money)),
            ("READ :: JSON orders", schema({"amount": 10.001}, money)),
            ("EXPORT :: Xledger vouchers", schema({"amount": 0.125}, money)),
        ], js),
        ("jsonschema.pattern", "jsonschema.validation", IDQ, None, [
            ("EXPORT :: Ivalua suppliers", schema({"vatNumber": "987654321"}, vat)),
            ("SUBMIT :: Peppol invoices", schema({"vatNumber": "NO 987 654 321 MVA"}, vat)),
            ("READ :: JSON suppliers", schema({"vatNumber": "SE556677889901"}, vat)),
        ], js),
        ("jsonschema.min_items", "jsonschema.validation", IDQ, None, [
            ("SUBMIT :: Ivalua invoices", schema({"lines": []}, lines)),
            ("EXTRACT :: REST orders", schema({"lines": []}, lines)),
            ("SUBMIT :: Peppol invoices", schema({"lines": []}, lines)),
        ], js),
        ("lxml.invalid_bytes_encoding", "parsing.xml", IDQ, TPS, [
            ("EXTRACT :: EHF invoices", lambda: etree.fromstring(b'<?xml version="1.0" encoding="UTF-8"?><Invoice><Name>Bod\xf8 Kommune</Name></Invoice>')),
            ("READ :: FTP bank statements", lambda: etree.fromstring(b'<?xml version="1.0" encoding="UTF-8"?><Document><Nm>\xc5s Bygg</Nm></Document>')),
            ("EXTRACT :: SOAP supplier register", lambda: etree.fromstring(b'<?xml version="1.0" encoding="UTF-8"?><Supplier>Fr\xe6na AS</Supplier>')),
        ], version("lxml")),
        ("lxml.pcdata_invalid_char", "parsing.xml", IDQ, None, [
            ("EXTRACT :: EHF invoices", lambda: etree.fromstring(b"<Invoice><Note>Faktura\x0c side 2</Note></Invoice>")),
            ("READ :: FTP bank statements", lambda: etree.fromstring(b"<Document><Ustrd>KID\x1b123</Ustrd></Document>")),
            ("SUBMIT :: Peppol invoices", lambda: etree.fromstring(b"<Invoice><Name>Acme\x02AS</Name></Invoice>")),
        ], version("lxml")),
        ("yaml.flow_sequence", "yaml.error", IDQ, WE, [
            ("TRANSFORM :: Python custom step", call(yaml.safe_load, "accounts: [6300, 6310\ncurrency: NOK")),
            ("EXTRACT :: Xledger invoices", call(yaml.safe_load, "entities: [44660227, 12093311\nsince: 2024-06-01")),
            ("READ :: S3 config", call(yaml.safe_load, "columns: [id, name\ndelimiter: ';'")),
        ], version("PyYAML")),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


def pydantic_blind9(b: Subset) -> None:
    import pydantic

    class Supplier(pydantic.BaseModel):
        name: str = pydantic.Field(min_length=2)
        discount: float = pydantic.Field(le=100)
        tags: list[str] = []

    @pydantic.validate_call
    def post_voucher(entity: int, amount: float) -> None:
        """Stands in for a platform step validated with pydantic."""

    def sup(**kw: Any) -> Callable[[], object]:
        base: dict[str, Any] = {"name": "Acme AS", "discount": 0}
        return lambda: Supplier(**{**base, **kw})

    src = version("pydantic")
    cases: Cases = [
        ("pydantic.string_too_short", "pydantic.validation", IDQ, None, [
            ("EXPORT :: Ivalua suppliers", sup(name="")),
            ("READ :: JSON suppliers", sup(name="A")),
            ("EXTRACT :: Xledger suppliers", sup(name="")),
        ]),
        ("pydantic.list_type", "pydantic.validation", IDQ, None, [
            ("EXTRACT :: Ivalua suppliers", sup(tags="critical")),
            ("READ :: JSON suppliers", sup(tags={"a": 1})),
            ("EXTRACT :: REST orders", sup(tags=42)),
        ]),
        ("pydantic.validate_call_unexpected_keyword", "pydantic.validation", WE, None, [
            ("SUBMIT :: Xledger vouchers", lambda: post_voucher(entity=44660227, amount=1, currency="NOK")),  # type: ignore[call-arg]
            ("EXPORT :: Xledger vouchers", lambda: post_voucher(entity=12093311, amount=5, dry_run=True)),  # type: ignore[call-arg]
            ("SUBMIT :: Xledger invoices", lambda: post_voucher(entity=1, amount=2, tenant="44660227")),  # type: ignore[call-arg]
        ]),
    ]
    add_cases(b, cases, src)


# =========================================================================== Postgres


def postgres_blind9(b: Subset) -> None:
    import psycopg2

    with blind.postgres_or_missed(b, "blind9") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table suppliers(id int primary key, org_no text, name text, country text)")
            cur.execute("create table invoices(id int primary key, supplier_id int references suppliers(id), amount numeric(12,2), due date)")
            cur.execute("insert into suppliers values (1, '987654321', 'Acme AS', 'NO'), (2, '987654321', 'Acme Norge AS', 'NO'), (3, '556677-8899', 'Acme AB', 'SE')")
            cur.execute("insert into invoices values (1, 1, 100, '2024-06-30')")

        stmt = functools.partial(blind.pg_statement, info)

        cases: Cases = [
            ("psycopg2.time_zone_unknown", "postgres.data", IDQ, None, [
                ("TRANSFORM :: SQL invoices", stmt("select now() at time zone %s", ("Europe/Olso",))),
                ("LOAD :: Postgres ledger", stmt("select timezone(%s, now())", ("Oslo",))),
                ("TRANSFORM :: SQL report", stmt("select now() at time zone %s", ("Norway/Oslo",))),
            ]),
            ("psycopg2.aggregate_in_where", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL invoices", stmt("select * from invoices where sum(amount) > 0")),
                ("TRANSFORM :: SQL suppliers", stmt("select org_no from suppliers where count(*) > 1")),
                ("TRANSFORM :: SQL report", stmt("select * from invoices where due = max(due)")),
            ]),
            ("psycopg2.truncate_referenced", "postgres.sql", WE, None, same(
                stmt("truncate suppliers"),
                ["LOAD :: Postgres suppliers", "LOAD :: Postgres staging", "TRANSFORM :: SQL full refresh"],
            )),
            ("psycopg2.unterminated_quoted_string", "postgres.syntax", IDQ, None, [
                ("TRANSFORM :: SQL invoices", stmt("select * from invoices where due > '2024-06-01")),
                ("TRANSFORM :: SQL suppliers", stmt("select * from suppliers where name = 'Bakers' Delight'")),
                ("TRANSFORM :: SQL report", stmt("select 'Q2 report from invoices")),
            ]),
            ("psycopg2.unique_index_duplicated", "postgres.data", IDQ, WE, [
                ("LOAD :: Postgres suppliers", stmt("create unique index ux_suppliers_org on suppliers(org_no)")),
                ("TRANSFORM :: SQL schema migration", stmt("alter table suppliers add constraint uq_org unique (org_no)")),
                ("LOAD :: Postgres staging", stmt("create unique index on suppliers(country)")),
            ]),
            ("psycopg2.alter_cannot_cast", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL schema migration", stmt("alter table invoices alter column due type integer")),
                ("LOAD :: Postgres suppliers", stmt("alter table suppliers alter column org_no type bigint")),
                ("LOAD :: Postgres staging", stmt("alter table invoices alter column amount type date")),
            ]),
            ("psycopg2.interval_syntax", "postgres.data", IDQ, None, [
                ("TRANSFORM :: SQL invoices", stmt("select due + %s::interval from invoices", ("30 dager",))),
                ("TRANSFORM :: SQL report", stmt("select now() - %s::interval", ("1 fortnight",))),
                ("LOAD :: Postgres ledger", stmt("select %s::interval", ("P1M2",))),
            ]),
        ]
        add_cases(b, cases, version("psycopg2-binary"))
        admin.close()


# =========================================================================== HTTP (real clients, modelled bodies)


def http_cases(
    b: Subset,
    base: str,
    canned: srv.Canned,
    cases: list[tuple[str, str, str, str | None, int, str, str, list[tuple[str, str, str]]]],
) -> None:
    """One template a case: each (activity, path, body) answered with `status` by the local
    server, requested with the named client and recorded as the platform stores it."""
    import httpx
    import requests

    py = cap.python_source()
    for template, family, cat, alt, status, client, source, items in cases:
        variants: Variants = []
        for i, (act, path, body) in enumerate(items):
            key = canned.put(f"{template.replace('.', '_')}{i}", status, body)
            url = f"{base}/r/{key}{path}"
            if client == "requests":
                variants.append((act, lambda url=url: requests.post(url, json={}, timeout=5).raise_for_status()))
            elif client == "httpx":
                variants.append((act, lambda url=url: httpx.post(url, json={}).raise_for_status()))
            else:
                variants.append((act, lambda url=url: urllib.request.urlopen(urllib.request.Request(url, data=b"{}", method="POST"), timeout=5)))
        wrap, message = {
            "requests": ("HTTPError", blind3.with_body),
            "httpx": ("HTTPStatusError", wrapped("{exc} - {exc.response.text}")),
            "urllib": ("HTTPError", blind5.urllib_with_body),
        }[client]
        lib = {"requests": version("requests"), "httpx": version("httpx"), "urllib": f"{py} urllib"}[client]
        b.add(template, family, cat, variants, source=f"{lib} + {source}", code=status, alt=alt, wrap=wrap, wrap_message=message)


def http_blind9(b: Subset) -> None:
    import httpx

    add(b, "httpx.url_non_printable", "http.invalid_url", WE, IDQ, [
        ("EXTRACT :: Brreg enheter", lambda: httpx.get("http://127.0.0.1:9/enhetsregisteret/api/enheter?navn=Acme\nAS")),
        ("EXTRACT :: Ivalua suppliers", lambda: httpx.get("http://127.0.0.1:9/api/v3/suppliers/SUP-10045\t")),
        ("EXTRACT :: REST orders", lambda: httpx.get("http://127.0.0.1:9/api/orders?customer=Bod\x7fo")),
    ], source=version("httpx"), code=None)
    with srv.http_server() as (base, canned):
        http_cases(b, base, canned, [
            ("tripletex.session_token_expired", "erp.api", TPS, None, 401, "requests", "Tripletex API body (modelled)", [
                ("EXTRACT :: Tripletex vouchers", "/v2/ledger/voucher?dateFrom=2024-06-01", '{"status":401,"code":3000,"message":"Unauthorized: session token expired (expirationDate 2024-06-11)","link":null,"developerMessage":null,"validationMessages":null,"requestId":"6f1c2a7e-0b3d-4e5f-9a8b-7c6d5e4f3a2b"}'),
                ("SUBMIT :: Tripletex supplier invoices", "/v2/supplierInvoice", '{"status":401,"code":3000,"message":"Unauthorized: session token expired (expirationDate 2024-05-31)","link":null,"developerMessage":null,"validationMessages":null,"requestId":"0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"}'),
                ("EXTRACT :: Tripletex suppliers", "/v2/supplier?count=1000", '{"status":401,"code":3000,"message":"Unauthorized: session token expired (expirationDate 2024-06-11)","link":null,"developerMessage":null,"validationMessages":null,"requestId":"5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"}'),
            ]),
            ("visma.eaccounting_validation", "erp.api", IDQ, None, 422, "urllib", "Visma eAccounting API body (modelled)", [
                ("SUBMIT :: Visma supplier invoices", "/v2/supplierinvoicedrafts", '{"ErrorCode":4000,"DeveloperErrorMessage":"SupplierId: The supplier 3f2a1b0c-5d4e-4f3a-9b8c-7d6e5f4a3b2c is inactive.","ErrorId":"a8b7c6d5-e4f3-4a2b-9c1d-0e9f8a7b6c5d"}'),
                ("EXPORT :: Visma vouchers", "/v2/vouchers", '{"ErrorCode":4000,"DeveloperErrorMessage":"Rows[2].AccountNumber: Account 6301 does not exist in the chart of accounts for fiscal year 2024.","ErrorId":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"}'),
                ("SUBMIT :: Visma supplier invoices", "/v2/supplierinvoicedrafts", '{"ErrorCode":4000,"DeveloperErrorMessage":"DueDate: Due date 2024-05-30 is earlier than invoice date 2024-06-12.","ErrorId":"9f8e7d6c-5b4a-4392-8817-6f5e4d3c2b1a"}'),
            ]),
            ("sap.odata_segment_not_found", "erp.api", TPS, WE, 404, "requests", "SAP S/4HANA OData body (modelled)", [
                ("EXTRACT :: SAP suppliers", "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_Suplier", '{"error":{"code":"005056A509B11EE1B9A8FEC11C21178E","message":{"lang":"en","value":"Resource not found for segment \'A_Suplier\'"},"innererror":{"transactionid":"7C2F1A0B3D4E5F60","timestamp":"20240612030012.3456780","Error_Resolution":{"SAP_Transaction":"For backend administrators: use ADT feed reader \\"SAP Gateway Error Log\\" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries with the timestamp above for more details"}}}}'),
                ("EXTRACT :: SAP purchase orders", "/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/A_PurchaseOrderItems", '{"error":{"code":"005056A509B11EE1B9A8FEC11C21178E","message":{"lang":"en","value":"Resource not found for segment \'A_PurchaseOrderItems\'"},"innererror":{"transactionid":"8D3A2B1C0E4F5A61","timestamp":"20240612031508.1234560"}}}'),
                ("EXTRACT :: SAP cost centers", "/sap/opu/odata/sap/API_COSTCENTER_SRV/A_CostCenterText", '{"error":{"code":"005056A509B11EE1B9A8FEC11C21178E","message":{"lang":"en","value":"Resource not found for segment \'A_CostCenterText\'"},"innererror":{"transactionid":"9E4B3C2D1F5A6B72","timestamp":"20240612040102.9876540"}}}'),
            ]),
            ("salesforce.unable_to_lock_row", "crm.api", TPS, None, 400, "httpx", "Salesforce REST body (modelled)", [
                ("EXPORT :: Salesforce accounts", "/services/data/v60.0/composite/sobjects", '[{"message":"unable to obtain exclusive access to this record or 1 records: 0015g00000XyZaBAAV","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]'),
                ("EXPORT :: Salesforce opportunities", "/services/data/v60.0/sobjects/Opportunity/0065g00000AbCdEAAV", '[{"message":"unable to obtain exclusive access to this record or 3 records: 0065g00000AbCdEAAV","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]'),
                ("EXPORT :: Salesforce invoices", "/services/data/v60.0/composite/sobjects", '[{"message":"unable to obtain exclusive access to this record or 12 records: a0B5g00000QrStUEAV","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]'),
            ]),
            ("bigquery.quota_exceeded", "dw.bigquery", TPS, None, 403, "httpx", "BigQuery REST body (modelled)", [
                ("LOAD :: BigQuery warehouse", "/bigquery/v2/projects/acme-dw/jobs", '{"error":{"code":403,"message":"Quota exceeded: Your table exceeded quota for imports or query appends per table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas","errors":[{"message":"Quota exceeded: Your table exceeded quota for imports or query appends per table.","domain":"global","reason":"quotaExceeded"}],"status":"PERMISSION_DENIED"}}'),
                ("EXPORT :: BigQuery spend", "/bigquery/v2/projects/acme-dw/datasets/spend/tables/fact_spend/insertAll", '{"error":{"code":403,"message":"Exceeded rate limits: too many table update operations for this table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas","errors":[{"message":"Exceeded rate limits: too many table update operations for this table.","domain":"usageLimits","reason":"rateLimitExceeded"}],"status":"PERMISSION_DENIED"}}'),
                ("LOAD :: BigQuery warehouse", "/bigquery/v2/projects/acme-dw/jobs", '{"error":{"code":403,"message":"Quota exceeded: Your project exceeded quota for free query bytes scanned.","errors":[{"message":"Quota exceeded: Your project exceeded quota for free query bytes scanned.","domain":"global","reason":"quotaExceeded"}],"status":"PERMISSION_DENIED"}}'),
            ]),
            ("storecove.document_validation", "einvoice.api", IDQ, None, 422, "requests", "Storecove e-invoicing API body (modelled)", [
                ("SUBMIT :: Peppol invoices", "/api/v2/document_submissions", '{"errors":[{"source":"invoice","details":"[BR-CO-15]-Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).","code":"schematron"}]}'),
                ("SUBMIT :: Peppol credit notes", "/api/v2/document_submissions", '{"errors":[{"source":"invoice.accountingCustomerParty","details":"[NO-R-002]-Most invoice issuers are required to append \\"Foretaksregisteret\\" to their invoice.","code":"schematron"}]}'),
                ("SUBMIT :: Peppol invoices", "/api/v2/document_submissions", '{"errors":[{"source":"invoice.invoiceLines[3]","details":"[BR-24]-Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).","code":"schematron"}]}'),
            ]),
            ("keycloak.realm_missing", "oauth", WE, TPS, 404, "httpx", "Keycloak OIDC body (modelled)", [
                ("EXTRACT :: Ivalua suppliers", "/realms/acme-prod/.well-known/openid-configuration", '{"error":"Realm does not exist"}'),
                ("EXTRACT :: Unit4 suppliers", "/auth/realms/unit4-idp/protocol/openid-connect/token", '{"error":"Realm does not exist"}'),
                ("SUBMIT :: Xledger vouchers", "/realms/integrations/protocol/openid-connect/token", '{"error":"Realm does not exist","error_description":"Realm does not exist"}'),
            ]),
            ("msgraph.token_lifetime_expired", "msgraph", TPS, None, 401, "requests", "Microsoft Graph body (modelled)", [
                ("READ :: SharePoint budget", "/v1.0/sites/acme.sharepoint.com,3f2a1b0c,9d8e7f6a/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/content", '{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired.","innerError":{"date":"2024-06-12T03:00:12","request-id":"2b7c1e0a-9d8f-4e6a-b5c4-3d2e1f0a9b8c","client-request-id":"2b7c1e0a-9d8f-4e6a-b5c4-3d2e1f0a9b8c"}}}'),
                ("EXPORT :: SharePoint reports", "/v1.0/drives/b!x1y2Qz/items/01BYE5RZ2KXGM4TDE5NJB3WDCTQ5GOJ7LX/content", '{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired.","innerError":{"date":"2024-06-12T04:10:05","request-id":"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d","client-request-id":"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"}}}'),
                ("EXTRACT :: Outlook invoices mailbox", "/v1.0/users/ap@acme.no/mailFolders/inbox/messages", '{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired.","innerError":{"date":"2024-06-12T05:22:40","request-id":"0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f","client-request-id":"0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"}}}'),
            ]),
            ("poweroffice.client_no_access", "erp.api", TPS, None, 403, "urllib", "PowerOffice Go API body (modelled)", [
                ("EXTRACT :: PowerOffice vouchers", "/v2/Vouchers?fromDate=2024-06-01", '{"message":"The client key does not have access to the requested resource. Required privilege: Accounting (read)","traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}'),
                ("SUBMIT :: PowerOffice supplier invoices", "/v2/IncomingInvoices", '{"message":"The client key does not have access to the requested resource. Required privilege: IncomingInvoice (write)","traceId":"00-5cf03e4688c45eb7b4df030e1f1f5847-11a178bb1cb013c8-00"}'),
                ("EXTRACT :: PowerOffice suppliers", "/v2/Suppliers", '{"message":"The client key has been deactivated by the client administrator.","traceId":"00-6d014f5799d56fc8c5e0141f2f206958-22b289cc2dc124d9-00"}'),
            ]),
            ("coupa.scheduled_maintenance", "procurement.api", TPS, None, 503, "urllib", "Coupa API body (modelled)", [
                ("EXTRACT :: Coupa invoices", "/api/invoices?updated-at[gt]=2024-06-11", "<html><head><title>Coupa - Scheduled Maintenance</title></head><body><h1>Coupa is down for scheduled maintenance</h1><p>We expect to be back by 06:00 UTC.</p></body></html>"),
                ("EXPORT :: Coupa suppliers", "/api/suppliers/88120", "<html><head><title>Coupa - Scheduled Maintenance</title></head><body><h1>Coupa is down for scheduled maintenance</h1><p>We expect to be back by 06:00 UTC.</p></body></html>"),
                ("EXTRACT :: Coupa purchase orders", "/api/purchase_orders?status=issued", "<html><head><title>Coupa - Scheduled Maintenance</title></head><body><h1>Coupa is down for scheduled maintenance</h1><p>We expect to be back by 04:00 UTC.</p></body></html>"),
            ]),
            ("msgraph.service_not_available", "msgraph", TPS, None, 503, "httpx", "Microsoft Graph body (modelled)", [
                ("READ :: SharePoint budget", "/v1.0/sites/acme.sharepoint.com,3f2a1b0c,9d8e7f6a/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/content", '{"error":{"code":"serviceNotAvailable","message":"The service is temporarily unavailable. Please retry later.","innerError":{"date":"2024-06-12T03:00:12","request-id":"3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f"}}}'),
                ("EXPORT :: SharePoint reports", "/v1.0/drives/b!x1y2Qz/items/01BYE5RZ2KXGM4TDE5NJB3WDCTQ5GOJ7LX/content", '{"error":{"code":"serviceNotAvailable","message":"The service is temporarily unavailable. Please retry later.","innerError":{"date":"2024-06-12T04:10:05","request-id":"8f7e6d5c-4b3a-4291-8807-6f5e4d3c2b1a"}}}'),
                ("EXTRACT :: Outlook invoices mailbox", "/v1.0/users/ap@acme.no/messages?$filter=hasAttachments eq true", '{"error":{"code":"serviceNotAvailable","message":"The service is temporarily unavailable. Please retry later.","innerError":{"date":"2024-06-12T05:22:40","request-id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}}}'),
            ]),
            ("salesforce.request_limit_exceeded", "crm.api", TPS, None, 403, "requests", "Salesforce REST body (modelled)", [
                ("EXTRACT :: Salesforce accounts", "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]'),
                ("EXPORT :: Salesforce opportunities", "/services/data/v60.0/composite/sobjects", '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]'),
                ("EXTRACT :: Salesforce contracts", "/services/data/v60.0/query?q=SELECT+Id+FROM+Contract", '[{"message":"ConcurrentPerOrgLongTxn Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]'),
            ]),
            ("okta.token_rate_limit", "oauth", TPS, None, 429, "httpx", "Okta token endpoint body (modelled)", [
                ("EXTRACT :: Workday workers", "/oauth2/default/v1/token", '{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047","errorId":"oae8kP1xR2sTqW3vY4zA5bC","errorCauses":[]}'),
                ("EXTRACT :: Coupa invoices", "/oauth2/aus1a2b3c4d5e6f7g8h9/v1/token", '{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047","errorId":"oae2LmN3oP4qR5sT6uV7wX8","errorCauses":[]}'),
                ("SUBMIT :: Salesforce accounts", "/oauth2/default/v1/token", '{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047","errorId":"oae9YzA0bC1dE2fG3hI4jK5","errorCauses":[]}'),
            ]),
            ("basware.po_not_found_for_matching", "einvoice.api", IDQ, None, 400, "requests", "Basware API body (modelled)", [
                ("SUBMIT :: Basware invoices", "/v1/matchingOrders", '{"errors":[{"code":"ORDER_NOT_FOUND","message":"Purchase order 4500012345 was not found for organization ACME-NO; the invoice cannot be matched."}]}'),
                ("EXPORT :: Basware purchase orders", "/v1/matchingOrderLines", '{"errors":[{"code":"ORDER_NOT_FOUND","message":"Purchase order 4500012399 was not found for organization ACME-NO; order lines cannot be imported."}]}'),
                ("SUBMIT :: Basware invoices", "/v1/matchingOrders", '{"errors":[{"code":"ORDER_NOT_FOUND","message":"Purchase order PO-88213 was not found for organization ACME-SE; the invoice cannot be matched."}]}'),
            ]),
        ])


# =========================================================================== S3, FTP, IMAP/SMTP, SOAP


def s3_blind9(b: Subset) -> None:
    import boto3
    import botocore.config

    blind3.aws_env()
    s3_src = f"{version('botocore')} + S3/MinIO error body (modelled)"
    cfg = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}, read_timeout=0.5, connect_timeout=0.5)
    with srv.http_server() as (base, canned):
        s3 = boto3.client("s3", endpoint_url=base, region_name="eu-north-1", config=cfg)

        def err(bucket: str, status: int, code: str, message: str, key: str, **kw: Any) -> Callable[[], object]:
            def go() -> object:
                canned.put(bucket, status, blind.S3_ERROR.format(code=code, message=message), "application/xml")
                return s3.put_object(Bucket=bucket, Key=key, Body=b"id;amount\n1;2\n", **kw)

            return go

        cases = [
            ("s3.acl_not_supported", WE, None, 400, "AccessControlListNotSupported", "The bucket does not allow ACLs", [
                ("LOAD :: S3 upload", "dw-exports-c1", "ledger/2024-06.csv", {"ACL": "bucket-owner-full-control"}),
                ("EXPORT :: S3 attachments", "docs-store-c1", "tenant/44660227/inv.pdf", {"ACL": "public-read"}),
                ("WRITE :: S3 documents", "ap-archive-c1", "scans/0612.zip", {"ACL": "bucket-owner-full-control"}),
            ]),
            ("s3.content_md5_required", WE, None, 400, "InvalidRequest", "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters", [
                ("WRITE :: S3 documents", "ap-archive-c2", "2024/06/invoices.zip", {}),
                ("LOAD :: S3 archive", "ledger-worm-c2", "ledger/2024-06.parquet", {}),
                ("EXPORT :: S3 attachments", "docs-store-c2", "tenant/12093311/inv.xml", {}),
            ]),
            ("s3.minio_invalid_object_name", IDQ, WE, 400, "XMinioInvalidObjectName", "Object name contains unsupported characters.", [
                ("EXPORT :: S3 attachments", "docs-store-c3", "suppliers/Acme AS\\Faktura 0612.pdf", {}),
                ("WRITE :: S3 documents", "ap-archive-c3", "tenant/44660227//inv.xml", {}),
                ("LOAD :: S3 upload", "dw-exports-c3", "../ledger/2024-06.csv", {}),
            ]),
            ("s3.metadata_too_large", WE, None, 400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.", [
                ("EXPORT :: S3 attachments", "docs-store-c4", "tenant/44660227/inv.pdf", {"Metadata": {"supplier": "Acme AS"}}),
                ("WRITE :: S3 documents", "ap-archive-c4", "scans/0612.zip", {"Metadata": {"lines": "1,2,3"}}),
                ("LOAD :: S3 upload", "dw-exports-c4", "ledger/2024-06.csv", {"Metadata": {"source": "xledger"}}),
            ]),
            ("s3.minio_bucket_quota", TPS, None, 400, "XMinioAdminBucketQuotaExceeded", "Bucket quota exceeded", [
                ("LOAD :: S3 upload", "dw-exports-c5", "ledger/2024-06.csv", {}),
                ("WRITE :: S3 documents", "ap-archive-c5", "scans/0612.zip", {}),
                ("EXPORT :: S3 attachments", "docs-store-c5", "tenant/12093311/inv.xml", {}),
            ]),
            ("s3.minio_write_quorum", TPS, None, 503, "XMinioWriteQuorum", "Multiple disk failures, unable to write data.", [
                ("LOAD :: S3 upload", "dw-exports-c6", "ledger/2024-06.csv", {}),
                ("WRITE :: S3 documents", "ap-archive-c6", "scans/0612.zip", {}),
                ("EXPORT :: S3 attachments", "docs-store-c6", "tenant/44660227/inv.xml", {}),
            ]),
        ]
        for template, cat, alt, status, code, message, ops in cases:
            b.add(template, "s3.client_error", cat, [(act, err(bk, status, code, message, key, **kw)) for act, bk, key, kw in ops], source=s3_src, code=status, alt=alt)


def lines_blind9(b: Subset) -> None:
    import ftplib
    import imaplib
    import smtplib

    py = cap.python_source()

    def ftp(act: str, special: dict[str, str], action: Callable[[ftplib.FTP], object], banner: str = "220 (vsFTPd 3.0.5)") -> tuple[str, Callable[[], None]]:
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

    def stor(name: str) -> Callable[[ftplib.FTP], object]:
        return lambda c: c.storbinary(f"STOR {name}", io.BytesIO(b"a;b\n"))

    fz = "220-FileZilla Server 1.8.1\r\n220 Please visit https://filezilla-project.org/"
    ftp_src = f"{py} ftplib + FTP server replies (modelled on vsftpd/FileZilla Server/IIS)"
    add(b, "ftp.filename_invalid", "ftp.error_perm", IDQ, None, [
        ftp("WRITE :: FTP remittance", {"STOR": "550 Filename invalid"}, stor("remit:0612.csv"), fz),
        ftp("EXPORT :: CSV to FTP", {"STOR": "550 Filename invalid"}, stor("Leverandør*0612.csv"), fz),
        ftp("WRITE :: FTP remittance", {"STOR": "550 Filename invalid"}, stor("out/remit?.csv"), fz),
    ], source=ftp_src, code=None)
    add(b, "ftp.login_authentication_failed", "ftp.error_perm", TPS, None, [
        ftp("READ :: FTP invoices", {"PASS": "530 Login authentication failed"}, lambda c: None, fz),
        ftp("READ :: FTP bank statements", {"PASS": "530 Login authentication failed"}, lambda c: None, fz),
        ftp("WRITE :: FTP remittance", {"PASS": "530 Login authentication failed"}, lambda c: None, fz),
    ], source=ftp_src, code=None)
    add(b, "ftp.iis_access_denied", "ftp.error_perm", TPS, None, [
        ftp("READ :: FTP invoices", {"RETR": "550 Access is denied. "}, lambda c: c.retrbinary("RETR in/invoices_0612.csv", lambda _: None), "220 Microsoft FTP Service"),
        ftp("WRITE :: FTP remittance", {"STOR": "550 Access is denied. "}, stor("out/remit_0612.csv"), "220 Microsoft FTP Service"),
        ftp("READ :: FTP orders", {"CWD": "550 Access is denied. "}, lambda c: c.cwd("orders"), "220 Microsoft FTP Service"),
    ], source=ftp_src, code=None)

    def smtp(reply: dict[str, str]) -> Callable[[], None]:
        def go() -> None:
            with blind3.line_server("220 smtp.example ESMTP Postfix", blind3.smtp_replies(reply)) as port, smtplib.SMTP(srv.LOOPBACK, port, timeout=5) as s:
                s.sendmail("etl@acme.no", ["ap@acme.no"], "Subject: AP report\r\n\r\nsee attachment")

        return go

    smtp_src = f"{py} smtplib + SMTP server replies (modelled on Postfix/Exchange)"
    mail_acts = ["NOTIFY :: Email report", "EXPORT :: Email invoices to AP", "NOTIFY :: Email alerts"]
    add(b, "smtp.relay_access_denied", "smtp.recipient", WE, TPS, pairs(mail_acts, [
        smtp({"RCPT": "554 5.7.1 <ap@acme.no>: Relay access denied"}),
        smtp({"RCPT": "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"}),
        smtp({"RCPT": "554 5.7.1 <controller@acme.se>: Relay access denied"}),
    ]), source=smtp_src, code=None)
    add(b, "smtp.insufficient_resources", "smtp.data", TPS, None, pairs(mail_acts, [
        smtp({"MAIL": "452 4.3.1 Insufficient system resources"}),
        smtp({".": "452 4.3.1 Insufficient system storage"}),
        smtp({"MAIL": "452 4.3.1 Insufficient system resources"}),
    ]), source=smtp_src, code=None)

    def imap(mailbox: str, no: str) -> Callable[[], None]:
        def answer(line: str) -> str | None:
            tag, _, rest = line.partition(" ")
            verb = rest.split(" ")[0].upper()
            if verb == "CAPABILITY":
                return f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK Capability completed."
            if verb == "LOGIN":
                return f"{tag} OK LOGIN completed."
            if verb == "SELECT":
                return f"{tag} NO {no}"
            return f"{tag} OK done"

        def go() -> None:
            with blind3.line_server("* OK IMAP4rev1 Service Ready", answer) as port:
                m = imaplib.IMAP4(srv.LOOPBACK, port, timeout=5)
                m.login("ap@acme.no", "secret")
                typ, data = m.select(mailbox)
                if typ != "OK":
                    raise imaplib.IMAP4.error(data[0].decode() if data and data[0] else typ)

        return go

    add(b, "imap.mailbox_missing", "imap.mailbox", WE, IDQ, [
        ("EXTRACT :: Mailbox invoices", imap("Invoices", "[NONEXISTENT] Unknown Mailbox: Invoices (Failure)")),
        ("EXTRACT :: Email attachments", imap("INBOX/Faktura", "Mailbox doesn't exist: INBOX/Faktura")),
        ("EXTRACT :: Mailbox invoices", imap("Innboks.Leverandører", "[TRYCREATE] Mailbox does not exist")),
    ], source=f"{py} imaplib + IMAP server replies (modelled on Gmail/Dovecot/Exchange)", code=None)


def soap_blind9(b: Subset) -> None:
    acts = ["SUBMIT :: SOAP invoices", "SUBMIT :: Agresso SOAP vouchers", "EXTRACT :: SOAP supplier register"]
    with srv.http_server() as (base, canned):
        faults: blind.SoapFaults = [
            ("soap.fault_bc_vendor_blocked", "soap:Server", IDQ, None, [
                "You cannot post this type of document when Vendor 10045 is blocked with type Payment",
                "You cannot post this type of document when Vendor 20311 is blocked with type All",
                "You cannot post this type of document when Vendor V0046 is blocked with type Payment",
            ]),
            ("soap.fault_agresso_voucher_type", "soap:Client", IDQ, None, [
                "Voucher type 'IS' is not valid for company 'EN' (ImportService: batch 0612-01 rejected).",
                "Voucher type 'AP' is not valid for company 'SE' (ImportService: batch 0612-02 rejected).",
                "Voucher type 'GL' is not valid for company 'EN' (ImportService: batch 0613-01 rejected).",
            ]),
            ("soap.fault_ora_unable_to_extend", "soap:Server", TPS, None, [
                "ORA-01653: unable to extend table ERP.AP_INVOICE_LINES by 8192 in tablespace ERP_DATA",
                "ORA-01653: unable to extend table ERP.GL_BATCHES by 1024 in tablespace ERP_DATA",
                "ORA-01688: unable to extend table SUPPLIER.SUPPLIER_SITES partition P2024 by 128 in tablespace SUP_DATA",
            ]),
            ("soap.fault_service_paused", "soap:Server", TPS, None, [
                "The service 'InvoiceService' is paused for nightly batch processing (01:00-03:00 CET). Resubmit after the batch window.",
                "The service 'ImportService' is paused for nightly batch processing (00:30-02:30 CET). Resubmit after the batch window.",
                "The service 'SupplierService' is paused for nightly batch processing (01:00-03:00 CET). Resubmit after the batch window.",
            ]),
        ]
        blind.add_soap_faults(b, base, canned, acts, faults, source=f"{version('zeep')} + SOAP fault bodies (modelled)", invoice_prefix="B9")


# =========================================================================== vendors (modelled)


def vendor_blind9(b: Subset) -> None:
    xacts = ["EXTRACT :: Xledger invoices", "SUBMIT :: Xledger vouchers", "EXTRACT :: Xledger suppliers"]
    xledger = [
        ("xledger.graphql.due_before_invoice_date", IDQ, None, [
            gql("Due date 2024-05-30 is before invoice date 2024-06-12 on invoice 'INV-2024-0612'.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Due date 2024-06-01 is before invoice date 2024-06-03 on invoice '77120'.", "BAD_USER_INPUT", "addApTransactions"),
            gql("Due date 2024-06-10 is before invoice date 2024-06-11 on invoice 'F-0099'.", "BAD_USER_INPUT", "addArTransactions"),
        ]),
        ("xledger.graphql.node_not_found", IDQ, None, [
            gql("No Supplier with dbId 88213 exists in entity 44660227.", "NOT_FOUND", "supplier"),
            gql("No Voucher with dbId 3300412 exists in entity 12093311.", "NOT_FOUND", "voucher"),
            gql("No Supplier with dbId 10046 exists in entity 44660227.", "NOT_FOUND", "supplier"),
        ]),
        ("xledger.graphql.concurrent_requests", TPS, None, [
            gql("Too many concurrent requests for this API token (limit 3). Wait for running requests to finish.", "TOO_MANY_REQUESTS"),
            gql("Too many concurrent requests for this API token (limit 3). Wait for running requests to finish.", "TOO_MANY_REQUESTS", "addGLImportItems"),
            gql("Too many concurrent requests for this API token (limit 5). Wait for running requests to finish.", "TOO_MANY_REQUESTS"),
        ]),
        ("xledger.graphql.mutation_disabled", TPS, None, [
            gql("Mutations are temporarily disabled for entity 44660227 while a year-end transfer is running.", "FORBIDDEN", "addInvoices"),
            gql("Mutations are temporarily disabled for entity 44660227 while a year-end transfer is running.", "FORBIDDEN", "addGLImportItems"),
            gql("Mutations are temporarily disabled for entity 12093311 while a company copy is running.", "FORBIDDEN", "updateSuppliers"),
        ]),
        ("xledger.graphql.reporting_snapshot_rebuild", TPS, None, [
            gql("The reporting snapshot of entity 44660227 is being rebuilt; queries against 'glTransactions' are unavailable until 04:30 CET.", "SERVICE_UNAVAILABLE", "glTransactions"),
            gql("The reporting snapshot of entity 44660227 is being rebuilt; queries against 'apTransactions' are unavailable until 04:30 CET.", "SERVICE_UNAVAILABLE", "apTransactions"),
            gql("The reporting snapshot of entity 12093311 is being rebuilt; queries against 'suppliers' are unavailable until 05:00 CET.", "SERVICE_UNAVAILABLE", "suppliers"),
        ]),
    ]
    for template, cat, alt, msgs in xledger:
        b.add(template, "xledger.graphql", cat, many("GraphQLException", list(zip(xacts, msgs, strict=True))), source="httpx 0.28.1 + Xledger GraphQL body (modelled)", alt=alt)
    ivalua = [
        ("ivalua.api_external_code_duplicate", IDQ, None, 409, [
            ("EXPORT :: Ivalua suppliers", "External code 'SUP-10045' is already used by supplier 'Acme Norge AS' (sup_id 88213)."),
            ("EXPORT :: Ivalua cost centers", "External code 'CC-4410' is already used by cost center 'IT drift' (cc_id 412)."),
            ("EXPORT :: Ivalua contracts", "External code 'CTR-0042' is already used by contract 'Rammeavtale renhold' (ctr_id 9001)."),
        ]),
        ("ivalua.api_attachment_type", IDQ, None, 415, [
            ("EXTRACT :: Ivalua attachments", "Attachment type '.msg' is not allowed for document type 'INVOICE'. Allowed: pdf, xml, png, jpg."),
            ("SUBMIT :: Ivalua invoices", "Attachment type '.zip' is not allowed for document type 'INVOICE'. Allowed: pdf, xml."),
            ("EXPORT :: Ivalua contracts", "Attachment type '.docm' is not allowed for document type 'CONTRACT'. Allowed: pdf, docx."),
        ]),
        ("ivalua.api_query_too_broad", WE, TPS, 400, [
            ("EXTRACT :: Ivalua invoices", "The query returns more than 50000 rows. Add a filter on 'modified_date' or use the bulk export endpoint."),
            ("EXTRACT :: Ivalua suppliers", "The query returns more than 50000 rows. Add a filter on 'modified_date' or use the bulk export endpoint."),
            ("EXTRACT :: Ivalua orders", "The query returns more than 100000 rows. Add a filter on 'created_date' or use the bulk export endpoint."),
        ]),
        ("ivalua.api_account_locked", TPS, None, 423, [
            ("EXTRACT :: Ivalua suppliers", "Technical account 'api_etl_prod' is locked after 5 failed authentication attempts. Contact your Ivalua administrator."),
            ("SUBMIT :: Ivalua invoices", "Technical account 'api_etl_prod' is locked after 5 failed authentication attempts. Contact your Ivalua administrator."),
            ("EXPORT :: Ivalua orders", "Technical account 'api_integration' is locked after 3 failed authentication attempts. Contact your Ivalua administrator."),
        ]),
        ("ivalua.api_budget_exceeded", IDQ, None, 422, [
            ("EXPORT :: Ivalua orders", "Order PO-88213 exceeds the remaining budget of cost center 'CC-4410' for 2024 (remaining 12 500,00 NOK, order 48 000,00 NOK)."),
            ("EXPORT :: Ivalua orders", "Order PO-88240 exceeds the remaining budget of cost center 'CC-2100' for 2024 (remaining 0,00 NOK, order 1 250,00 NOK)."),
            ("SUBMIT :: Ivalua requisitions", "Requisition REQ-5511 exceeds the remaining budget of project 'P-2291' for 2024 (remaining 3 000,00 EUR, requisition 3 400,00 EUR)."),
        ]),
        ("ivalua.api_export_job_running", TPS, None, 409, [
            ("EXTRACT :: Ivalua invoices", "Export job 4412 (INVOICE_DELTA) is still running on the platform (status PROCESSING since 02:00:04); a new job cannot be started."),
            ("EXTRACT :: Ivalua suppliers", "Export job 4415 (SUPPLIER_FULL) is still running on the platform (status PROCESSING since 01:30:00); a new job cannot be started."),
            ("EXTRACT :: Ivalua orders", "Export job 4420 (ORDER_DELTA) is still running on the platform (status QUEUED since 03:10:12); a new job cannot be started."),
        ]),
    ]
    for template, cat, alt, code, items in ivalua:
        b.add(template, "ivalua.api", cat, many("IvaluaApiException", items), source="Ivalua API (modelled)", code=code, alt=alt)


# =========================================================================== workflow engine


def engine_blind9(b: Subset) -> None:
    import json
    from decimal import Decimal

    import networkx as nx

    def toposort(edges: list[tuple[str, str]]) -> Callable[[], object]:
        return lambda: list(nx.topological_sort(nx.DiGraph(edges)))

    add(b, "engine.dag_toposort_wrapped", "workflow.dag", WE, None, [
        ("TRANSFORM :: SQL ledger", toposort([("TRANSFORM :: SQL ledger", "LOAD :: DuckDB warehouse"), ("LOAD :: DuckDB warehouse", "TRANSFORM :: SQL ledger")])),
        ("EXTRACT :: Ivalua suppliers", toposort([("EXTRACT :: Ivalua suppliers", "EXPORT :: Xledger suppliers"), ("EXPORT :: Xledger suppliers", "EXTRACT :: Ivalua suppliers")])),
        ("EXPORT :: CSV to SFTP", toposort([("a", "b"), ("b", "c"), ("c", "a")])),
    ], source=f"{version('networkx')} inside the workflow platform's planner (modelled)", wrap="WorkflowPlanningError",
        wrap_message=wrapped("Could not order the activities of the workflow: {name}: {exc}"))
    add(b, "engine.result_not_serializable", "workflow.internal", WE, None, [
        ("EXTRACT :: Xledger invoices", lambda: json.dumps({"amount": Decimal("1204.50")})),
        ("TRANSFORM :: Python ledger", lambda: json.dumps([{"posted": __import__("datetime").date(2024, 6, 12)}])),
        ("EXTRACT :: Ivalua suppliers", lambda: json.dumps({"ids": {10045, 10046}})),
    ], source=f"{cap.python_source()} json inside the workflow platform's result store (modelled)", wrap="ResultSerializationError",
        wrap_message=wrapped("Activity returned a result the run store cannot serialise: {exc}"))
    cases = [
        ("engine.run_pending_no_scheduler", "workflow.scheduler", WE, None, "RunStuckError", [
            ("EXTRACT :: Xledger invoices", "Run 88213 has been PENDING for 45 min: no scheduler heartbeat since 02:14:09."),
            ("TRANSFORM :: SQL ledger", "Run 88190 has been PENDING for 62 min: no scheduler heartbeat since 01:58:40."),
            ("EXPORT :: CSV to SFTP", "Run 88240 has been PENDING for 30 min: no scheduler heartbeat since 03:00:02."),
        ]),
        ("engine.param_format", "workflow.params", IDQ, None, "ParameterValidationError", [
            ("EXTRACT :: Xledger invoices", "Parameter 'period' of workflow 'ap-invoices' must match YYYY-MM, got '2024-6'."),
            ("TRANSFORM :: SQL ledger", "Parameter 'entity' of workflow 'gl-ledger' must be an integer, got '44660227 '."),
            ("EXPORT :: CSV to SFTP", "Parameter 'run_date' of workflow 'remittance' must be a date (YYYY-MM-DD), got '12.06.2024'."),
        ]),
        ("engine.task_token_superseded", "workflow.worker", WE, None, "StaleTaskTokenError", [
            ("EXTRACT :: Ivalua invoices", "Worker callback rejected: task token for attempt 2 is no longer valid (superseded by attempt 3)."),
            ("TRANSFORM :: Python invoices", "Worker callback rejected: task token for attempt 1 is no longer valid (superseded by attempt 2)."),
            ("LOAD :: DuckDB warehouse", "Worker callback rejected: task token for attempt 4 is no longer valid (superseded by attempt 5)."),
        ]),
        ("engine.metadata_pool_exhausted", "workflow.internal", WE, None, "MetadataStoreError", [
            ("TRANSFORM :: SQL ledger", "Could not record the activity result: metadata database pool exhausted (20 + 10 overflow in use, waited 30 s)."),
            ("EXTRACT :: Xledger invoices", "Could not record the activity result: metadata database pool exhausted (20 + 10 overflow in use, waited 30 s)."),
            ("LOAD :: S3", "Could not record the activity result: metadata database pool exhausted (40 + 0 overflow in use, waited 60 s)."),
        ]),
        ("engine.activity_type_unregistered", "workflow.worker", WE, None, "ActivityNotRegisteredError", [
            ("EXPORT :: Ivalua suppliers", "Activity type 'ivalua.export_suppliers_v2' is not registered on any worker in queue 'vendor-io'."),
            ("TRANSFORM :: Python invoices", "Activity type 'python.transform@3.12' is not registered on any worker in queue 'default'."),
            ("SUBMIT :: Xledger vouchers", "Activity type 'xledger.submit_vouchers_v3' is not registered on any worker in queue 'vendor-io'."),
        ]),
        ("engine.log_upload_failed", "workflow.storage", WE, None, "LogShippingError", [
            ("TRANSFORM :: SQL ledger", "Activity finished but its log could not be uploaded to the log store: 503 Slow Down (after 5 attempts)."),
            ("EXTRACT :: Ivalua suppliers", "Activity finished but its log could not be uploaded to the log store: connection reset by peer (after 5 attempts)."),
            ("EXPORT :: CSV to SFTP", "Activity finished but its log could not be uploaded to the log store: 507 Insufficient Storage (after 5 attempts)."),
        ]),
    ]
    for template, family, cat, alt, exc, items in cases:
        b.add(template, family, cat, many(exc, items), source=MODELLED, alt=alt)


# =========================================================================== other integrations (modelled)


def other_blind9(b: Subset) -> None:
    extra = [
        ("kafka.topic_authorization", "queue", WE, None, "KafkaException", "confluent-kafka (modelled)", None, [
            ("LOAD :: Kafka events", 'KafkaError{code=TOPIC_AUTHORIZATION_FAILED,val=29,str="Broker: Topic authorization failed"}'),
            ("EXPORT :: Kafka invoices", 'KafkaError{code=TOPIC_AUTHORIZATION_FAILED,val=29,str="Broker: Topic authorization failed"}'),
            ("EXTRACT :: Kafka orders", 'KafkaError{code=GROUP_AUTHORIZATION_FAILED,val=30,str="JoinGroup failed: Broker: Group authorization failed"}'),
        ]),
        ("redis.readonly_replica", "cache", TPS, None, "ReadOnlyError", "redis-py (modelled)", None, [
            ("LOAD :: Redis lookup cache", "You can't write against a read only replica."),
            ("TRANSFORM :: Python supplier cache", "You can't write against a read only replica."),
            ("LOAD :: Redis rate limiter", "You can't write against a read only replica."),
        ]),
        ("azureblob.blob_already_exists", "blob", WE, None, "ResourceExistsError", "azure-storage-blob (modelled)", 409, [
            ("LOAD :: Azure Blob upload", "The specified blob already exists.\nRequestId:4d2f0a7e-301e-0042-3b2d-bc9a77000000\nTime:2024-06-12T03:00:12.3456789Z\nErrorCode:BlobAlreadyExists"),
            ("EXPORT :: Azure Blob archive", "The specified blob already exists.\nRequestId:9c3e1b4f-601e-0017-4c3e-cd8b66000000\nTime:2024-06-12T04:10:05.1234567Z\nErrorCode:BlobAlreadyExists"),
            ("WRITE :: Azure Blob invoices", "The specified blob already exists.\nRequestId:2a3b4c5d-201e-0099-7d6e-ef1a22000000\nTime:2024-06-12T05:22:40.7654321Z\nErrorCode:BlobAlreadyExists"),
        ]),
        ("gcs.mutation_rate_limit", "gcs.storage", TPS, None, "TooManyRequests", "google-cloud-storage (modelled)", 429, [
            ("LOAD :: GCS upload", "429 PATCH https://storage.googleapis.com/storage/v1/b/acme-lake/o/ledger%2Flatest.parquet?projection=full&prettyPrint=false: The object acme-lake/ledger/latest.parquet exceeded the rate limit for object mutation operations (create, update, and delete). Please reduce your request rate."),
            ("EXPORT :: GCS reports", "429 POST https://storage.googleapis.com/upload/storage/v1/b/acme-reports/o?uploadType=multipart: The object acme-reports/ap/status.json exceeded the rate limit for object mutation operations (create, update, and delete). Please reduce your request rate."),
            ("LOAD :: GCS upload", "429 PATCH https://storage.googleapis.com/storage/v1/b/acme-lake/o/suppliers%2F_SUCCESS?prettyPrint=false: The object acme-lake/suppliers/_SUCCESS exceeded the rate limit for object mutation operations (create, update, and delete). Please reduce your request rate."),
        ]),
        ("snowflake.object_not_authorized", "dw.snowflake", WE, IDQ, "ProgrammingError", "snowflake-connector-python (modelled)", None, [
            ("LOAD :: Snowflake warehouse", "002003 (42S02): 01b4c2d1-0602-8f3e-0000-4a2d0003b1c6: SQL compilation error:\nObject 'RAW.IVALUA.SUPPLIERS' does not exist or not authorized."),
            ("TRANSFORM :: Snowflake spend", "002003 (42S02): 01b4c2d1-0602-8f3e-0000-4a2d0003b2a9: SQL compilation error:\nObject 'MART.SPEND.FACT_SPEND' does not exist or not authorized."),
            ("EXTRACT :: Snowflake forecast", "002003 (02000): 01b4c2d1-0602-8f3e-0000-4a2d0003b3f0: SQL compilation error:\nSchema 'ANALYTICS.FORECAST' does not exist or not authorized."),
        ]),
        ("bank.creditor_account_mod11", "bank.api", IDQ, None, "BankApiError", "DNB/Nordea corporate payment API body (modelled)", 400, [
            ("SUBMIT :: Bank payments", "Payment E2E-0612-0007 rejected: creditor account 15032012347 fails the MOD11 check digit."),
            ("SUBMIT :: Bank payments", "Payment E2E-0612-0031 rejected: creditor account 86011117948 fails the MOD11 check digit."),
            ("EXPORT :: Bank payment file", "Payment E2E-0613-0002 rejected: creditor account 1503.20.1234 fails the MOD11 check digit."),
        ]),
        ("bank.kid_invalid", "bank.api", IDQ, None, "BankApiError", "DNB/Nordea corporate payment API body (modelled)", 400, [
            ("SUBMIT :: Bank payments", "Payment E2E-0612-0012 rejected: KID 004466022700124 is not valid (MOD10 check digit) for creditor 98765432109."),
            ("EXPORT :: Bank payment file", "Payment E2E-0612-0019 rejected: KID 1234567 is not valid (length 7 not accepted by creditor agreement) for creditor 15032012346."),
            ("SUBMIT :: Bank payments", "Payment E2E-0613-0004 rejected: KID 00446602270012X is not valid (MOD11 check digit) for creditor 86011117947."),
        ]),
        ("kafka.not_leader", "queue", TPS, None, "KafkaException", "confluent-kafka (modelled)", None, [
            ("LOAD :: Kafka events", 'KafkaError{code=NOT_LEADER_FOR_PARTITION,val=6,str="Broker: Not leader for partition"}'),
            ("EXPORT :: Kafka invoices", 'KafkaError{code=NOT_LEADER_FOR_PARTITION,val=6,str="Broker: Not leader for partition"}'),
            ("LOAD :: Kafka events", 'KafkaError{code=LEADER_NOT_AVAILABLE,val=5,str="Broker: Leader not available"}'),
        ]),
        ("snowflake.statement_timeout", "dw.snowflake", TPS, None, "ProgrammingError", "snowflake-connector-python (modelled)", None, [
            ("LOAD :: Snowflake warehouse", "000630 (57014): 01b4c2d1-0602-8f3e-0000-4a2d0003c1d2: Statement reached its statement or warehouse timeout of 3,600 second(s) and was canceled."),
            ("TRANSFORM :: Snowflake spend", "000630 (57014): 01b4c2d1-0602-8f3e-0000-4a2d0003c2e3: Statement reached its statement or warehouse timeout of 7,200 second(s) and was canceled."),
            ("EXTRACT :: Snowflake forecast", "000630 (57014): 01b4c2d1-0602-8f3e-0000-4a2d0003c3f4: Statement reached its statement or warehouse timeout of 3,600 second(s) and was canceled."),
        ]),
        ("azureblob.operation_timed_out", "blob", TPS, None, "HttpResponseError", "azure-storage-blob (modelled)", 500, [
            ("LOAD :: Azure Blob upload", "Operation could not be completed within the specified time.\nRequestId:6e5d4c3b-301e-0042-3b2d-bc9a77000000\nTime:2024-06-12T03:00:42.3456789Z\nErrorCode:OperationTimedOut"),
            ("READ :: Azure Blob invoices", "Operation could not be completed within the specified time.\nRequestId:7f6e5d4c-601e-0017-4c3e-cd8b66000000\nTime:2024-06-12T04:10:35.1234567Z\nErrorCode:OperationTimedOut"),
            ("EXPORT :: Azure Blob archive", "Operation could not be completed within the specified time.\nRequestId:8a7f6e5d-201e-0099-7d6e-ef1a22000000\nTime:2024-06-12T05:23:10.7654321Z\nErrorCode:OperationTimedOut"),
        ]),
        ("bank.end_of_day_processing", "bank.api", TPS, None, "BankApiError", "DNB/Nordea corporate payment API body (modelled)", 503, [
            ("SUBMIT :: Bank payments", "Service temporarily unavailable: end-of-day processing in progress (22:30-23:15 CET). Payments are not accepted until processing has completed."),
            ("EXTRACT :: Bank statements", "Service temporarily unavailable: end-of-day processing in progress (22:30-23:15 CET). Account reports are not available until processing has completed."),
            ("SUBMIT :: Bank payments", "Service temporarily unavailable: end-of-day processing in progress (23:00-23:40 CET). Payments are not accepted until processing has completed."),
        ]),
        ("sendgrid.daily_limit", "mail", TPS, None, "SendGridError", "SendGrid v3 API (modelled)", 429, [
            ("NOTIFY :: Email report", "HTTP Error 429: Too Many Requests - You have exceeded your messaging credits. Please upgrade your plan or wait until your credits renew."),
            ("EXPORT :: Email invoices to AP", "HTTP Error 429: Too Many Requests - You have exceeded your messaging credits. Please upgrade your plan or wait until your credits renew."),
            ("NOTIFY :: Email alerts", "HTTP Error 429: Too Many Requests - You have exceeded your messaging credits. Please upgrade your plan or wait until your credits renew."),
        ]),
        ("altinn.instance_locked", "government.api", TPS, None, "AltinnApiError", "Altinn 3 API body (modelled)", 409, [
            ("SUBMIT :: MVA-melding", "Instance 44660227/7c2f1a0b-3d4e-4f60-8a1b-2c3d4e5f6a7b is locked by another process (process step 'Signing'). Try again later."),
            ("SUBMIT :: A-melding", "Instance 12093311/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e is locked by another process (process step 'Data'). Try again later."),
            ("SUBMIT :: MVA-melding", "Instance 44660227/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b is locked by another process (process step 'Feedback'). Try again later."),
        ]),
        ("netsuite.invalid_reference_key", "erp.api", IDQ, None, "NetSuiteRestError", "NetSuite REST body (modelled)", 400, [
            ("SUBMIT :: NetSuite vendor bills", 'Error while accessing a resource. Invalid reference key 4410 for subsidiary. (o:errorCode INVALID_KEY_OR_REF, o:errorPath "subsidiary")'),
            ("EXPORT :: NetSuite purchase orders", 'Error while accessing a resource. Invalid reference key 88213 for entity. (o:errorCode INVALID_KEY_OR_REF, o:errorPath "entity")'),
            ("SUBMIT :: NetSuite vendor bills", 'Error while accessing a resource. Invalid reference key 7 for currency. (o:errorCode INVALID_KEY_OR_REF, o:errorPath "currency")'),
        ]),
        ("docusign.envelope_recipient_invalid", "esign.api", IDQ, None, "ApiException", "DocuSign eSignature API body (modelled)", 400, [
            ("NOTIFY :: DocuSign contracts", '(400) Reason: Bad Request HTTP response body: {"errorCode":"INVALID_EMAIL_ADDRESS_FOR_RECIPIENT","message":"The email address for the recipient is invalid. The recipient Id follows. 1"}'),
            ("EXPORT :: DocuSign purchase orders", '(400) Reason: Bad Request HTTP response body: {"errorCode":"INVALID_EMAIL_ADDRESS_FOR_RECIPIENT","message":"The email address for the recipient is invalid. The recipient Id follows. 2"}'),
            ("NOTIFY :: DocuSign contracts", '(400) Reason: Bad Request HTTP response body: {"errorCode":"INVALID_EMAIL_ADDRESS_FOR_RECIPIENT","message":"The email address for the recipient is invalid. The recipient Id follows. 1"}'),
        ]),
        ("sqs.visibility_receipt_expired", "queue", WE, None, "ClientError", "boto3 SQS (modelled)", 400, [
            ("LOAD :: SQS invoice events", "An error occurred (InvalidParameterValue) when calling the DeleteMessage operation: Value AQEBz3x...Yw== for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired."),
            ("EXTRACT :: SQS supplier events", "An error occurred (InvalidParameterValue) when calling the ChangeMessageVisibility operation: Value AQEBa9k...Qg== for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired."),
            ("LOAD :: SQS invoice events", "An error occurred (InvalidParameterValue) when calling the DeleteMessage operation: Value AQEBm2p...Lw== for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired."),
        ]),
    ]
    for template, family, cat, alt, exc, source, code, items in extra:
        b.add(template, family, cat, many(exc, items), source=source, code=code, alt=alt)


# =========================================================================== main


FAMILIES = ["duckdb", "pandas", "python", "parsing", "pydantic", "postgres", "http", "s3", "lines", "soap", "vendor", "engine", "other"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_blind9(b, tmp),
            "pandas": lambda: pandas_blind9(b, tmp),
            "python": lambda: python_blind9(b, tmp),
            "parsing": lambda: parsing_blind9(b, tmp),
            "pydantic": lambda: pydantic_blind9(b),
            "postgres": lambda: postgres_blind9(b),
            "http": lambda: http_blind9(b),
            "s3": lambda: s3_blind9(b),
            "lines": lambda: lines_blind9(b),
            "soap": lambda: soap_blind9(b),
            "vendor": lambda: vendor_blind9(b),
            "engine": lambda: engine_blind9(b),
            "other": lambda: other_blind9(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
