"""Capture the FOURTEENTH blind holdout: everyday error templates new to the corpus, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind13.*``) have been seen while the rules were
revised. Every template here (template_id ``blind14.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind14``) is an honest figure again.
This round is weighted by production frequency and stays inside the platform's own stack: DuckDB
(binder, conversion, catalog, constraint and invalid-input errors raised by other functions than the
obvious ones), pandas, pydantic, Postgres through psycopg2, Python internal errors of platform
code, JSON / CSV / XML / encoding errors and the workflow engine (DAG, worker, scheduler, timeout,
queue and retry messages). No HTTP, S3, FTP, SOAP or vendor API templates in this round.
Each error is raised by the real library installed here (Postgres is a throwaway cluster on
127.0.0.1); the workflow engine's messages are modelled on realistic phrasings and say so in
``source``.

Run:  uv run python scripts/capture_blind14_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind14.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and SQL are kept verbatim on one line

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import datetime as dt
import decimal
import functools
import io
import json
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent))

import capture_blind9_holdout as blind9  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "blind14."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
Cases = blind9.Cases
many = blind.many
add_cases, call = blind9.add_cases, blind9.call


# =========================================================================== DuckDB


def duckdb_blind14(b: Subset, tmp: Path) -> None:
    run = blind.offline_duckdb_query

    base = (
        "create table ledger(id integer primary key, account varchar, amount decimal(12,2), posted date, "
        "supplier integer, note varchar, cost_center varchar);insert into ledger values "
        "(1, '6300', 1204.50, '2024-06-01', 10045, null, 'CC-4410'), (2, '2400', 250, '2024-06-02', 10046, 'Faktura 77120', null);"
        "create table suppliers(id integer, org_no varchar, name varchar, country_code integer, sep varchar);insert into suppliers values "
        "(10045, '987654321', 'Acme AS', 78, ' / '), (10046, null, 'Nordic Parts AB', -1, ', '), (10047, '912345670', 'Fjord Bygg AS', 1114112, ' | ');"
        "create table events(order_no varchar, y integer, m integer, d integer, h integer, mi integer);insert into events values "
        "('PO-88213', 2024, 6, 12, 24, 0), ('PO-88214', 2024, 6, 12, 25, 30), ('PO-88215', 2024, 6, 13, 7, 61)"
    )

    cases: Cases = [
        ("duckdb.binder.coalesce_mixed_types", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL ledger", run("select id, coalesce(note, posted) from ledger", base)),
            ("TRANSFORM :: SQL suppliers", run("select coalesce(org_no, id) as supplier_key from suppliers", base)),
            ("TRANSFORM :: SQL cost centers", run("select coalesce(cost_center, supplier) from ledger", base)),
        ]),
        ("duckdb.binder.string_agg_separator_not_constant", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL suppliers", run("select string_agg(name, sep) from suppliers", base)),
            ("EXPORT :: CSV report", run("select string_agg(account, note) from ledger", base)),
            ("TRANSFORM :: SQL ledger", run("select supplier, string_agg(account, cost_center) from ledger group by supplier", base)),
        ]),
        ("duckdb.catalog.view_missing", "duckdb.catalog", WE, None, [
            ("LOAD :: DuckDB warehouse", run("drop view v_open_invoices", base)),
            ("TRANSFORM :: SQL spend cube", run("drop view v_spend_by_supplier", base)),
            ("LOAD :: DuckDB staging", run("drop view stg_suppliers_current", base)),
        ]),
        ("duckdb.invalid_input.chr_invalid_codepoint", "duckdb.invalid_input", IDQ, None, [
            ("TRANSFORM :: SQL suppliers", run("select id, chr(country_code) from suppliers where id = 10046", base)),
            ("READ :: CSV suppliers", run("select chr(country_code) from suppliers where id = 10047", base)),
            ("TRANSFORM :: SQL supplier codes", run("select chr(-12) || name from suppliers", base)),
        ]),
        ("duckdb.invalid_input.format_argument_index", "duckdb.invalid_input", WE, None, [
            ("TRANSFORM :: SQL payment text", run("select format('{} {} {}', name, org_no) from suppliers", base)),
            ("EXPORT :: CSV report", run("select format('Faktura {} fra {}', account) from ledger", base)),
            ("TRANSFORM :: SQL ledger", run("select format('{}-{}-{}-{}', account, cost_center, supplier) from ledger", base)),
        ]),
        ("duckdb.conversion.make_timestamp_time_range", "duckdb.conversion", IDQ, None, [
            ("TRANSFORM :: SQL order events", run("select make_timestamp(y, m, d, h, mi, 0) from events where order_no = 'PO-88214'", base)),
            ("READ :: CSV orders", run("select make_timestamp(y, m, d, h, mi, 0) from events where order_no = 'PO-88215'", base)),
            ("TRANSFORM :: SQL deliveries", run("select make_timestamp(2024, 6, 12, 26, 15, 0)", base)),
        ]),
        ("duckdb.invalid_input.csv_escape_option_length", "duckdb.invalid_input", WE, IDQ, [
            ("READ :: CSV suppliers", run("select * from read_csv('suppliers_20240612.csv', escape='\\\\')", "copy (select 1 as id, 'Acme AS' as name) to 'suppliers_20240612.csv'")),
            ("READ :: SFTP bank statements", run("select * from read_csv('camt_0612.csv', delim=';', escape='\"\"')", "copy (select 1 as id) to 'camt_0612.csv'")),
            ("LOAD :: DuckDB staging", run("create table s as select * from read_csv('orders_0612.csv', quote='\"', escape='\\\\\"')", "copy (select 'PO-88213' as order_no) to 'orders_0612.csv'")),
        ]),
        ("duckdb.invalid_input.regex_option_unrecognized", "duckdb.invalid_input", WE, None, [
            ("TRANSFORM :: SQL suppliers", run("select regexp_replace(name, '\\s+AS$', '', 'gx') from suppliers", base)),
            ("TRANSFORM :: SQL ledger", run("select regexp_replace(account, '^63', '64', 'gw') from ledger", base)),
            ("TRANSFORM :: SQL invoices", run("select regexp_extract(note, '[0-9]+', 0, 'u') from ledger", base)),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_blind14(b: Subset, tmp: Path) -> None:
    import pandas as pd

    for name, members in [
        ("invoices_0612.zip", ["invoices_0612.csv", "invoices_0612_credit_notes.csv"]),
        ("suppliers_week24.zip", ["suppliers.csv", "__MACOSX/._suppliers.csv"]),
        ("bank_0612.zip", ["camt053_0612_NO93.csv", "camt053_0612_NO12.csv", "readme.txt"]),
    ]:
        with zipfile.ZipFile(tmp / name, "w") as z:
            for m in members:
                z.writestr(m, "id,amount\n1,1204.50\n")

    inv = pd.DataFrame({"invoice_no": ["INV-2024-0612", "INV-2024-0612", "INV-2024-0613"], "amount": [1204.5, 99.0, 5.0], "supplier": [10045, 10045, 10046]})
    lines = pd.DataFrame({"invoice_no": ["INV-2024-0612", "INV-2024-0613"], "line": [1, 1]})

    cases: Cases = [
        ("pandas.read_csv_zip_multiple_files", "pandas.io", IDQ, None, [
            ("READ :: SFTP invoices", lambda: pd.read_csv("invoices_0612.zip")),
            ("READ :: CSV suppliers", lambda: pd.read_csv("suppliers_week24.zip", sep=",")),
            ("READ :: SFTP bank statements", lambda: pd.read_csv("bank_0612.zip", sep=";")),
        ]),
        ("pandas.read_json_all_scalar_values", "pandas.value_error", IDQ, WE, [
            ("READ :: JSON orders", lambda: pd.read_json(io.StringIO('{"orderNo": "PO-88213", "amount": 1204.5, "currency": "NOK"}'))),
            ("EXTRACT :: REST orders", lambda: pd.read_json(io.StringIO('{"id": 88214, "status": "open"}'))),
            ("READ :: JSON invoices", lambda: pd.read_json(io.StringIO('{"invoiceNo": "INV-2024-0612", "total": 99.0}'))),
        ]),
        ("pandas.merge_not_one_to_many", "pandas.merge", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.merge(lines, on="invoice_no", validate="one_to_many")),
            ("TRANSFORM :: Python spend cube", lambda: inv.merge(lines, on="invoice_no", how="left", validate="1:m")),
            ("EXTRACT :: Ivalua suppliers", lambda: pd.DataFrame({"org_no": ["987654321", "987654321"], "name": ["Acme AS", "Acme AS"]}).merge(pd.DataFrame({"org_no": ["987654321"], "iban": ["NO938601111794"]}), on="org_no", validate="one_to_many")),
        ]),
        ("pandas.merge_on_and_left_on", "pandas.merge", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.merge(lines, on="invoice_no", left_on="invoice_no", right_on="invoice_no")),
            ("TRANSFORM :: Python suppliers", lambda: inv.merge(lines, on="invoice_no", right_on="invoice_no")),
            ("TRANSFORM :: Python spend cube", lambda: inv.merge(lines, how="left", on=["invoice_no"], left_on=["invoice_no"])),
        ]),
        ("pandas.to_datetime_mixed_timezones", "pandas.datetime", WE, IDQ, [
            ("EXTRACT :: Ivalua invoices", lambda: pd.to_datetime(pd.Series(["2024-03-30T10:00:00+01:00", "2024-04-02T10:00:00+02:00"]))),
            ("READ :: JSON orders", lambda: pd.to_datetime(pd.Series(["2024-10-26T23:15:00+02:00", "2024-10-28T08:00:00+01:00", "2024-10-29T08:00:00+01:00"]))),
            ("TRANSFORM :: Python payments", lambda: pd.to_datetime(["2024-06-12T08:00:00+02:00", "2024-06-12T06:00:00Z"])),
        ]),
        ("pandas.to_datetime_assemble_missing_field", "pandas.datetime", WE, IDQ, [
            ("READ :: CSV budget", lambda: pd.to_datetime(pd.DataFrame({"year": [2024, 2024], "month": [6, 7]}))),
            ("TRANSFORM :: Python periods", lambda: pd.to_datetime(pd.DataFrame({"year": [2024], "day": [1]}))),
            ("READ :: CSV forecast", lambda: pd.to_datetime(pd.DataFrame({"month": [6], "day": [30]}))),
        ]),
        ("pandas.to_datetime_assemble_invalid_date", "pandas.datetime", IDQ, None, [
            ("READ :: CSV budget", lambda: pd.to_datetime(pd.DataFrame({"year": [2024, 2024], "month": [13, 1], "day": [1, 1]}))),
            ("TRANSFORM :: Python periods", lambda: pd.to_datetime(pd.DataFrame({"year": [2024], "month": [2], "day": [30]}))),
            ("EXTRACT :: Xledger GL periods", lambda: pd.to_datetime(pd.DataFrame({"year": [2024, 2024], "month": [4, 6], "day": [30, 31]}))),
        ]),
        ("pandas.str_extract_no_capture_groups", "pandas.value_error", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv["invoice_no"].str.extract(r"INV-\d{4}-\d+")),
            ("TRANSFORM :: Python suppliers", lambda: pd.Series(["Acme AS", "Nordic Parts AB"]).str.extract(r"\b(?:AS|AB)$")),
            ("READ :: CSV bank statements", lambda: pd.Series(["KID 0012345678", "KID 0099887766"]).str.extract(r"KID \d+", expand=False)),
        ]),
        ("pandas.read_csv_squeeze_removed", "pandas.api", WE, None, [
            ("READ :: CSV suppliers", lambda: pd.read_csv(io.StringIO("org_no\n987654321\n"), squeeze=True)),
            ("READ :: CSV cost centers", lambda: pd.read_csv(io.StringIO("cost_center\nCC-4410\n"), usecols=["cost_center"], squeeze=True)),
            ("READ :: SFTP price list", lambda: pd.read_csv(io.StringIO("sku;price\nA-1;10\n"), sep=";", index_col=0, squeeze=True)),
        ]),
        ("pandas.groupby_mean_object_column", "pandas.type_error", IDQ, WE, [
            ("TRANSFORM :: Python spend cube", lambda: pd.DataFrame({"supplier": [10045, 10045], "amount": ["1 204,50", 99.0]}).groupby("supplier").mean()),
            ("READ :: CSV stock levels", lambda: pd.DataFrame({"sku": ["A-1", "A-1"], "on_hand": ["12", "n/a"]}).astype(object).groupby("sku").mean()),
            ("TRANSFORM :: Python invoices", lambda: pd.DataFrame({"cost_center": ["CC-4410", "CC-4410"], "amount": [1204.5, "99,00"]}).groupby("cost_center").median()),
        ]),
        ("pandas.unalignable_boolean_indexer", "pandas.indexing", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.loc[pd.Series([True, False], index=[10, 11])]),
            ("TRANSFORM :: Python suppliers", lambda: inv.loc[lines["line"] == 1]),
            ("EXPORT :: CSV report", lambda: inv.loc[pd.Series([True, True], index=[0, 2])]),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== pydantic


def pydantic_blind14(b: Subset) -> None:
    from typing import Annotated

    import pydantic

    class SupplierStrict(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(strict=True)
        supplier_id: int
        name: str

    class OrderLine(pydantic.BaseModel):
        order_no: str
        line_no: int

    class Delivery(pydantic.BaseModel):
        order_no: str
        delivered_at: pydantic.NaiveDatetime

    class InvoiceLine(pydantic.BaseModel):
        invoice_no: str
        qty: decimal.Decimal

        @pydantic.field_validator("qty")
        @classmethod
        def positive(cls, v: decimal.Decimal) -> decimal.Decimal:
            assert v > 0, "quantity must be positive"
            return v

    class Terms(pydantic.BaseModel):
        supplier_no: str
        payment_terms: dt.timedelta

    class Voucher(pydantic.BaseModel):
        voucher_no: Annotated[int, pydantic.Field(frozen=True)]
        amount: decimal.Decimal

    def assign(obj: pydantic.BaseModel, field: str, value: Any) -> Callable[[], object]:
        return lambda: setattr(obj, field, value)

    cases: Cases = [
        ("pydantic.strict_int_type", "pydantic.validation", IDQ, TPS, [
            ("EXTRACT :: Ivalua suppliers", lambda: SupplierStrict(supplier_id="10045", name="Acme AS")),
            ("READ :: JSON suppliers", lambda: SupplierStrict.model_validate({"supplier_id": 10046.0, "name": "Nordic Parts AB"})),
            ("EXTRACT :: Xledger suppliers", lambda: SupplierStrict.model_validate({"supplier_id": "20311", "name": "Fjord Bygg AS"})),
        ]),
        ("pydantic.int_parsing_size", "pydantic.validation", IDQ, None, [
            ("READ :: CSV orders", lambda: OrderLine(order_no="PO-88213", line_no="1" * 4400)),
            ("EXTRACT :: REST orders", lambda: OrderLine(order_no="PO-88214", line_no="9" * 4301)),
            ("READ :: JSON orders", lambda: OrderLine.model_validate({"order_no": "PO-88215", "line_no": "7" * 4500})),
        ]),
        ("pydantic.timezone_naive", "pydantic.validation", IDQ, WE, [
            ("EXTRACT :: REST deliveries", lambda: Delivery(order_no="PO-88213", delivered_at="2024-06-12T08:15:00+02:00")),
            ("EXTRACT :: Ivalua orders", lambda: Delivery(order_no="PO-88240", delivered_at="2024-06-12T06:15:00Z")),
            ("READ :: JSON orders", lambda: Delivery.model_validate_json('{"order_no": "PO-88301", "delivered_at": "2024-06-13T10:00:00+01:00"}')),
        ]),
        ("pydantic.field_validator_assertion", "pydantic.validation", IDQ, None, [
            ("EXTRACT :: Ivalua invoices", lambda: InvoiceLine(invoice_no="INV-2024-0612", qty="0")),
            ("READ :: CSV invoice lines", lambda: InvoiceLine(invoice_no="77120", qty="-2")),
            ("SUBMIT :: Xledger AP invoices", lambda: InvoiceLine(invoice_no="CN-0099", qty=-1)),
        ]),
        ("pydantic.json_type_not_string", "pydantic.validation", WE, None, [
            ("EXTRACT :: REST orders", lambda: OrderLine.model_validate_json({"order_no": "PO-88213", "line_no": 1})),  # type: ignore[arg-type]
            ("EXTRACT :: Ivalua orders", lambda: OrderLine.model_validate_json([{"order_no": "PO-88240", "line_no": 2}])),  # type: ignore[arg-type]
            ("READ :: JSON orders", lambda: OrderLine.model_validate_json(None)),  # type: ignore[arg-type]
        ]),
        ("pydantic.timedelta_parsing", "pydantic.validation", IDQ, None, [
            ("EXTRACT :: Ivalua suppliers", lambda: Terms(supplier_no="SUP-10045", payment_terms="30 dager")),
            ("READ :: CSV suppliers", lambda: Terms(supplier_no="10046", payment_terms="net 30")),
            ("EXTRACT :: Xledger suppliers", lambda: Terms(supplier_no="20311", payment_terms="14d netto")),
        ]),
        ("pydantic.frozen_field_assignment", "pydantic.validation", WE, None, [
            ("SUBMIT :: Xledger vouchers", assign(Voucher(voucher_no=88213, amount="1204.50"), "voucher_no", 88214)),
            ("TRANSFORM :: Python vouchers", assign(Voucher(voucher_no=5001, amount="99"), "voucher_no", 0)),
            ("LOAD :: Postgres vouchers", assign(Voucher(voucher_no=77120, amount="-450"), "voucher_no", None)),
        ]),
    ]
    add_cases(b, cases, version("pydantic"))


# =========================================================================== Postgres


def postgres_blind14(b: Subset) -> None:
    import psycopg2

    with blind.postgres_or_missed(b, "blind14") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table suppliers(id int primary key, org_no text, name text, active int)")
            cur.execute("create table invoices(id serial primary key, supplier_id int, amount numeric(12,2), due date, payload jsonb)")
            cur.execute("create sequence voucher_seq")
            cur.execute("insert into suppliers values (10045, '987654321', 'Acme AS', 1), (10046, '912345670', 'Nordic Parts AB', 0)")
            cur.execute(
                "insert into invoices(supplier_id, amount, due, payload) values "
                "(10045, 1204.50, '2024-06-30', '{\"lines\": {\"sku\": \"A-1\", \"qty\": 2}}'), "
                "(10046, 99, '2024-07-01', '{\"lines\": \"none\"}')"
            )

        stmt = functools.partial(blind.pg_statement, info)

        def connect(**kw: Any) -> Callable[[], None]:
            return lambda: psycopg2.connect(**{**info, **kw}).close()

        cases: Cases = [
            ("psycopg2.where_not_boolean", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL suppliers", stmt("select * from suppliers where active")),
                ("TRANSFORM :: SQL invoices", stmt("select * from invoices where supplier_id and amount > 0")),
                ("LOAD :: Postgres staging", stmt("delete from suppliers where org_no")),
            ]),
            ("psycopg2.distinct_order_by_not_selected", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL suppliers", stmt("select distinct name from suppliers order by id")),
                ("TRANSFORM :: SQL report", stmt("select distinct supplier_id from invoices order by due desc")),
                ("EXPORT :: CSV report", stmt("select distinct s.name from suppliers s join invoices i on i.supplier_id = s.id order by i.amount")),
            ]),
            ("psycopg2.values_lists_length", "postgres.sql", WE, IDQ, [
                ("LOAD :: Postgres suppliers", stmt("insert into suppliers(id, org_no, name) values (10047, '923456781', 'Fjord Bygg AS'), (10048, 'Bergen Rør AS')")),
                ("LOAD :: Postgres invoices", stmt("insert into invoices(supplier_id, amount, due) values (10045, 10.00, '2024-07-01'), (10046, 20.00)")),
                ("LOAD :: Postgres staging", stmt("insert into suppliers values (10049, '934567892', 'Oslo Kontor AS', 1), (10050, '945678903', 'Trondheim Trykk AS')")),
            ]),
            ("psycopg2.ssl_required_not_supported", "postgres.connect", WE, TPS, [
                ("LOAD :: Postgres warehouse", connect(sslmode="require")),
                ("EXTRACT :: Postgres ERP replica", connect(sslmode="verify-full")),
                ("LOAD :: Postgres invoices", connect(sslmode="verify-ca")),
            ]),
            ("psycopg2.argument_formats_mixed", "postgres.client", WE, None, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(supplier_id, amount) values (%(supplier_id)s, %s)", {"supplier_id": 10045})),  # type: ignore[arg-type]
                ("TRANSFORM :: SQL suppliers", stmt("select * from suppliers where id = %(id)s and name = %s", {"id": 10045})),  # type: ignore[arg-type]
                ("LOAD :: Postgres staging", stmt("update suppliers set name = %(name)s where id = %s", {"name": "Nordic Parts AB"})),  # type: ignore[arg-type]
            ]),
            ("psycopg2.currval_not_defined", "postgres.sql", WE, None, [
                ("SUBMIT :: Postgres vouchers", stmt("select currval('voucher_seq')")),
                ("LOAD :: Postgres invoices", stmt("insert into invoices(id, supplier_id) values (currval('invoices_id_seq'), 10045)")),
                ("LOAD :: Postgres staging", stmt("select currval('voucher_seq') + 1")),
            ]),
            ("psycopg2.jsonb_elements_from_object", "postgres.data", IDQ, WE, [
                ("TRANSFORM :: SQL invoices", stmt("select jsonb_array_elements(payload->'lines') from invoices")),
                ("LOAD :: Postgres staging", stmt("insert into suppliers(id, name) select 20000 + row_number() over (), l->>'sku' from invoices, jsonb_array_elements(payload->'lines') l")),
                ("TRANSFORM :: SQL invoice lines", stmt("select i.id, e from invoices i cross join lateral jsonb_array_elements_text(i.payload->'lines') e where i.supplier_id = 10045")),
            ]),
        ]
        add_cases(b, cases, version("psycopg2-binary"))
        admin.close()


# =========================================================================== Python internals


def _die(code: int) -> None:
    os._exit(code)


def python_blind14(b: Subset) -> None:
    import datetime

    def pool_crash(code: int) -> Callable[[], object]:
        def go() -> object:
            with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
                return ex.submit(_die, code).result()

        return go

    def attr_of_dict(d: dict[str, Any], name: str) -> Callable[[], object]:
        return lambda: getattr(d, name)

    src = cap.python_source()
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("python.module_attribute_missing", "python.attribute", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: datetime.now()),  # type: ignore[attr-defined]
            ("EXTRACT :: Xledger invoices", lambda: json.parse('{"a": 1}')),  # type: ignore[attr-defined]
            ("LOAD :: Postgres invoices", lambda: decimal.Decimal128("1204.50")),  # type: ignore[attr-defined]
        ], src),
        ("python.popitem_empty_dict", "python.key_error", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: {}.popitem()),
            ("EXTRACT :: Ivalua suppliers", lambda: dict().popitem()),
            ("SUBMIT :: Xledger vouchers", lambda: {k: v for k, v in {"INV-1": 0}.items() if v}.popitem()),
        ], src),
        ("python.urljoin_mixed_types", "python.type_error", WE, None, [
            ("EXTRACT :: Ivalua invoices", call(urljoin, "https://acme.ivalua.example/api/", b"invoices")),
            ("EXTRACT :: Xledger invoices", call(urljoin, b"https://www.xledger.example/graphql/", "v2")),
            ("EXPORT :: Ivalua suppliers", call(urljoin, "https://acme.ivalua.example/api/", b"suppliers/10045")),
        ], src),
        ("python.dict_attribute_access", "python.attribute", WE, None, [
            ("EXTRACT :: Ivalua invoices", attr_of_dict({"invoiceNo": "INV-2024-0612", "amount": 1204.5}, "amount")),
            ("TRANSFORM :: Python suppliers", attr_of_dict({"orgNo": "987654321"}, "org_no")),
            ("EXTRACT :: Xledger GL transactions", attr_of_dict({"node": {"dbId": 88213}}, "node")),
        ], src),
        ("python.decimal_division_undefined", "python.decimal", IDQ, WE, [
            ("TRANSFORM :: Python unit prices", lambda: decimal.Decimal("0.00") / decimal.Decimal("0")),
            ("TRANSFORM :: Python spend cube", lambda: decimal.Decimal(0) / decimal.Decimal("0.000")),
            ("EXTRACT :: Ivalua invoices", lambda: decimal.Decimal("0") % decimal.Decimal("0")),
        ], src),
        ("python.float_nan_to_int", "python.value_error", IDQ, WE, [
            ("TRANSFORM :: Python orders", lambda: int(float("nan"))),
            ("READ :: CSV stock levels", lambda: round(float("nan"))),
            ("TRANSFORM :: Python invoices", lambda: int(sum([1204.5, float("nan")]))),
        ], src),
        ("python.broken_process_pool_exit", "python.worker", WE, None, [
            ("TRANSFORM :: Python spend cube", pool_crash(137)),
            ("TRANSFORM :: Python invoices", pool_crash(1)),
            ("LOAD :: DuckDB warehouse", pool_crash(9)),
        ], src),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== JSON, CSV, XML, encodings


def parsing_blind14(b: Subset) -> None:
    from lxml import etree

    xsd = etree.XMLSchema(etree.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        b'<xs:element name="Payment"><xs:complexType><xs:sequence>'
        b'<xs:element name="EndToEndId"><xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="35"/></xs:restriction></xs:simpleType></xs:element>'
        b'<xs:element name="Ustrd"><xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="140"/></xs:restriction></xs:simpleType></xs:element>'
        b'</xs:sequence></xs:complexType></xs:element></xs:schema>'
    ))

    def validate(e2e: str, ustrd: str) -> Callable[[], object]:
        return lambda: xsd.assertValid(etree.fromstring(f"<Payment><EndToEndId>{e2e}</EndToEndId><Ustrd>{ustrd}</Ustrd></Payment>".encode()))

    def strict_csv(text: str, delimiter: str = ",") -> Callable[[], object]:
        return lambda: list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))

    src = cap.python_source()
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("lxml.schema_facet_max_length", "xml.schema", IDQ, None, [
            ("EXPORT :: SFTP payments", validate("PAY-2024-0612-10045-INV-2024-0612-NOK", "Faktura 77120")),
            ("EXPORT :: Bank payments pain.001", validate("E2E-88213", "Betaling av faktura " + ", ".join(f"INV-2024-{n:04d}" for n in range(600, 612)))),
            ("SUBMIT :: Bank payments", validate("NORDICPARTS-AB-20240612-000000000099", "KID 0012345678")),
        ], version("lxml")),
        ("csv.strict_unexpected_end", "csv.error", IDQ, None, [
            ("READ :: CSV suppliers", strict_csv('id,name\n10045,"Acme AS\n')),
            ("READ :: SFTP bank statements", strict_csv('date;text;amount\n2024-06-12;"Innbetaling KID 0012345678;1204,50', ";")),
            ("READ :: CSV orders", strict_csv('order_no,comment\nPO-88213,"Levering uke 24')),
        ], src),
        ("bytes.fromhex_non_hex", "binary.parse", IDQ, None, [
            ("EXTRACT :: EHF invoices", lambda: bytes.fromhex("9f86d081884c7d65 9a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g")),
            ("READ :: SFTP bank statements", lambda: bytes.fromhex("NO9386011117947")),
            ("EXTRACT :: Ivalua invoice attachments", lambda: bytes.fromhex("sha256:3a7bd3e2360a3d29eea436fcfb7e44c735d117c4")),
        ], src),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== workflow engine (modelled)


def engine_blind14(b: Subset) -> None:
    cases = [
        ("engine.schedule_dst_gap", "workflow.scheduler", WE, None, "ScheduleError", [
            ("EXTRACT :: Xledger invoices", "Schedule '30 2 * * *' (Europe/Oslo) of workflow 'ap-invoices' has no occurrence on 2024-03-31: 02:30 does not exist (DST gap); the run was not created."),
            ("EXPORT :: SFTP payments", "Schedule '15 2 * * 1-5' (Europe/Oslo) of workflow 'payments' has no occurrence on 2025-03-31: 02:15 does not exist (DST gap); the run was not created."),
            ("TRANSFORM :: SQL ledger", "Schedule '0 2 * * *' (Europe/Stockholm) of workflow 'gl-ledger' has no occurrence on 2024-03-31: 02:00 does not exist (DST gap); the run was not created."),
        ]),
        ("engine.auto_paused_consecutive_failures", "workflow.scheduler", WE, TPS, "WorkflowPausedError", [
            ("EXTRACT :: Ivalua invoices", "Workflow 'ap-invoices' was auto-paused after 5 consecutive failed runs (last: 88213); new runs are not scheduled until it is resumed."),
            ("SUBMIT :: Xledger AP invoices", "Workflow 'ap-posting' was auto-paused after 3 consecutive failed runs (last: 88240); new runs are not scheduled until it is resumed."),
            ("EXPORT :: SFTP payments", "Workflow 'payments' was auto-paused after 5 consecutive failed runs (last: 88301); new runs are not scheduled until it is resumed."),
        ]),
        ("engine.connection_pool_slots_wait", "workflow.resources", WE, TPS, "SlotTimeoutError", [
            ("EXTRACT :: Xledger invoices", "Timed out after 20m waiting for a slot of connection 'xledger-prod' (4/4 slots in use by runs 88207, 88209, 88210, 88211)."),
            ("LOAD :: Postgres invoices", "Timed out after 10m waiting for a slot of connection 'pg-warehouse' (16/16 slots in use by runs 88190, 88193 and 14 others)."),
            ("EXTRACT :: Ivalua suppliers", "Timed out after 20m waiting for a slot of connection 'ivalua-api' (2/2 slots in use by runs 88215, 88216)."),
        ]),
        ("engine.definitions_sync_failed", "workflow.deploy", WE, None, "DefinitionSyncError", [
            ("TRANSFORM :: SQL spend cube", "Could not sync workflow definitions from repository 'etl-workflows' at ref 'release/2024.06': fatal: could not read from remote repository (deploy key rejected). Run 88213 was not started with a stale definition."),
            ("EXTRACT :: Xledger invoices", "Could not sync workflow definitions from repository 'etl-workflows' at ref 'main': fatal: reference is not a tree: 4e1f0c2a. Run 88240 was not started with a stale definition."),
            ("LOAD :: Postgres invoices", "Could not sync workflow definitions from repository 'etl-workflows' at ref 'release/2024.06': error: RPC failed; HTTP 500 curl 22. Run 88301 was not started with a stale definition."),
        ]),
        ("engine.declared_output_not_written", "workflow.output", WE, None, "OutputMissingError", [
            ("EXPORT :: SFTP payments", "Activity finished with exit code 0 but did not write its declared output 'payments/pain001_20240612.xml'."),
            ("TRANSFORM :: Python invoices", "Activity finished with exit code 0 but did not write its declared output 'stage/invoices_0612.parquet'."),
            ("EXPORT :: CSV report", "Activity finished with exit code 0 but did not write its declared output 'reports/spend_by_supplier_2024_06.csv'."),
        ]),
        ("engine.trigger_payload_invalid", "workflow.trigger", IDQ, WE, "TriggerValidationError", [
            ("EXTRACT :: Ivalua invoices", "Trigger payload of event 'invoice.approved' for workflow 'ap-invoices' is invalid: 'tenantId' is a required property; the run was not created."),
            ("SUBMIT :: Xledger AP invoices", "Trigger payload of event 'voucher.ready' for workflow 'ap-posting' is invalid: 'entity' must be an integer, got '44660227-NO'; the run was not created."),
            ("LOAD :: Postgres suppliers", "Trigger payload of event 'supplier.changed' for workflow 'supplier-master' is invalid: 'supplierId' is a required property; the run was not created."),
        ]),
        ("engine.image_exec_format_error", "workflow.worker", WE, None, "ContainerStartError", [
            ("TRANSFORM :: Python spend cube", "Container 'task' of pod etl-88213-spend-cube-k2l9m failed to start: exec /usr/local/bin/python3: exec format error (image etl-runtime:2024.06.3 built for linux/amd64, node is linux/arm64)."),
            ("EXTRACT :: Ivalua invoices", "Container 'task' of pod etl-88240-ivalua-invoices-7xq2d failed to start: exec /usr/local/bin/python3: exec format error (image etl-runtime:2024.06.3 built for linux/amd64, node is linux/arm64)."),
            ("LOAD :: DuckDB warehouse", "Container 'task' of pod etl-88301-warehouse-r8s4t failed to start: exec /usr/local/bin/entrypoint.sh: exec format error (image etl-runtime:2024.06.4 built for linux/arm64, node is linux/amd64)."),
        ]),
        ("engine.result_backend_unavailable", "workflow.state", WE, None, "ResultBackendError", [
            ("TRANSFORM :: SQL ledger", "Task finished but its state could not be recorded: result backend redis://state-store:6379/1 unavailable (Connection refused after 3 retries); the task is marked failed."),
            ("EXTRACT :: Xledger invoices", "Task finished but its state could not be recorded: result backend redis://state-store:6379/1 unavailable (Timeout reading from socket after 3 retries); the task is marked failed."),
            ("LOAD :: Postgres invoices", "Task finished but its state could not be recorded: result backend redis://state-store:6379/1 unavailable (MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk); the task is marked failed."),
        ]),
    ]
    for template, family, cat, alt, exc, items in cases:
        b.add(template, family, cat, many(exc, items), source=MODELLED, alt=alt)


# =========================================================================== main


FAMILIES = ["duckdb", "pandas", "pydantic", "postgres", "python", "parsing", "engine"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_blind14(b, tmp),
            "pandas": lambda: pandas_blind14(b, tmp),
            "pydantic": lambda: pydantic_blind14(b),
            "postgres": lambda: postgres_blind14(b),
            "python": lambda: python_blind14(b),
            "parsing": lambda: parsing_blind14(b),
            "engine": lambda: engine_blind14(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
