"""Capture the TWELFTH blind holdout: everyday error templates new to the corpus, written without the rules.

The first eleven blind holdouts (``blind.*`` to ``blind11.*``) have been seen while the rules were
revised. Every template here (template_id ``blind12.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind12``) is an honest figure again.
This round is weighted by production frequency and stays inside the platform's own stack: DuckDB
(binder, conversion, parser, catalog, IO, constraint and invalid-input errors raised by other
functions than the obvious ones), pandas, pydantic, Postgres through psycopg2, Python internal
errors of platform code, JSON / CSV / XML / encoding errors, openpyxl and the workflow engine
(DAG, worker, scheduler, timeout, queue and retry messages). No HTTP, S3, FTP, SOAP or vendor API
templates in this round.
Each error is raised by the real library installed here (Postgres is a throwaway cluster on
127.0.0.1); openpyxl is not installed here, so its messages are modelled on its source, and the
workflow engine's messages are modelled on realistic phrasings; both say so in ``source``.

Run:  uv run python scripts/capture_blind12_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind12.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and SQL are kept verbatim on one line

from __future__ import annotations

import base64
import contextlib
import copy
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import capture_blind9_holdout as blind9  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "blind12."
MODELLED = "workflow platform (modelled)"
DUCKDB_CONFIG = blind.OFFLINE_DUCKDB
Variants = blind.Variants
Cases = blind9.Cases
many, modelled = blind.many, blind.modelled
add, add_cases, call = blind9.add, blind9.add_cases, blind9.call


# =========================================================================== DuckDB


def duckdb_blind12(b: Subset, tmp: Path) -> None:
    import duckdb

    run = blind.offline_duckdb_query

    ledger = (
        "create table ledger(id integer primary key, account varchar not null, amount decimal(12,2), "
        "posted date, currency varchar, supplier integer);insert into ledger values "
        "(1, '6300', 100, '2024-06-01', 'NOK', 10045), (2, '2400', 250, '2024-06-02', 'EUR', 10046);"
        "create table suppliers(id integer, org_no varchar, name varchar, tags varchar);insert into suppliers values "
        "(10045, '987654321', 'Acme AS', 'critical'), (10046, null, 'Nordic Parts AB', null), (10047, null, 'Fjord Bygg AS', 'new');"
        "create table order_lines(order_no varchar, amount_ore bigint, qty integer);insert into order_lines values "
        "('PO-88213', 120450, 3), ('PO-88214', 9900, 0), ('PO-88215', 5000, 2)"
    )
    staging = (
        ";create table staging(id integer, account varchar, amount double, posted date);insert into staging values "
        "(3, '6300', 1234567890123.0, '2024-06-03'), (4, '4000', 99999999999.0, '2024-06-04'), (5, '2400', 47000000000.0, '2024-06-05')"
    )
    uniq = (
        "create table suppliers(id integer primary key, org_no varchar unique, name varchar);"
        "insert into suppliers values (10045, '987654321', 'Acme AS');"
        "create table invoices(supplier integer, invoice_no varchar unique, amount decimal(12,2));"
        "insert into invoices values (10045, 'INV-2024-0612', 1204.50)"
    )

    con = duckdb.connect(config=DUCKDB_CONFIG)
    for i, name in enumerate(["orders_0612", "ledger_2024_06", "suppliers_20240612"]):
        con.execute(f"copy (select range as id, 'row ' || range as note, range * 1.5 as amount from range({2000 + 500 * i})) to '{name}_ok.parquet' (format parquet)")
        data = (tmp / f"{name}_ok.parquet").read_bytes()
        (tmp / f"{name}.parquet").write_bytes(data[:100] + b"\x00" * 200 + data[300:])
    con.close()
    # cut in the middle of the footer's metadata: the same damage in each file, so the same error
    data = (tmp / "suppliers_20240612_ok.parquet").read_bytes()
    for name in ["orders_0612", "ledger_2024_06", "suppliers_20240612"]:
        (tmp / f"{name}_cut.parquet").write_bytes(data[: len(data) // 2] + data[-8:])

    cases: Cases = [
        ("duckdb.binder.series_step_zero", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL periods", run("select * from range(1, 13, 0)")),
            ("TRANSFORM :: SQL calendar", run("select * from generate_series(0, 365, 0)")),
            ("TRANSFORM :: SQL ageing buckets", run("select * from range(0, 120, 0)")),
        ]),
        ("duckdb.conversion.cast_value_to_decimal", "duckdb.conversion", IDQ, None, [
            ("LOAD :: DuckDB warehouse", run("insert into ledger(id, account, amount, posted) select id, account, amount, posted from staging where id = 3", ledger + staging)),
            ("TRANSFORM :: SQL ledger", run("insert into ledger(id, account, amount) select id, account, amount from staging where id = 4", ledger + staging)),
            ("LOAD :: DuckDB staging", run("select cast(amount as decimal(10,2)) from staging where id = 5", ledger + staging)),
        ]),
        ("duckdb.invalid_input.error_function_check", "duckdb.invalid_input", IDQ, None, [
            ("TRANSFORM :: SQL suppliers", run("select case when count(*) filter (where org_no is null) > 0 then error('Supplier master has ' || count(*) filter (where org_no is null) || ' rows without org_no') end from suppliers", ledger)),
            ("TRANSFORM :: SQL ledger", run("select case when sum(amount) <> 350 then error('Ledger does not balance: difference ' || (sum(amount) - 350)::varchar) end from ledger where id > 1", ledger)),
            ("TRANSFORM :: SQL orders", run("select case when min(qty) <= 0 then error('Order ' || arg_min(order_no, qty) || ' has a line with quantity ' || min(qty)) end from order_lines", ledger)),
        ]),
        ("duckdb.invalid_input.integer_division_by_zero", "duckdb.invalid_input", IDQ, WE, [
            ("TRANSFORM :: SQL orders", run("select order_no, amount_ore // qty from order_lines", ledger)),
            ("TRANSFORM :: SQL unit prices", run("select sum(amount_ore) // min(qty) from order_lines", ledger)),
            ("TRANSFORM :: SQL spend cube", run("select order_no, 100 * qty // (qty - qty) from order_lines", ledger)),
        ]),
        ("duckdb.catalog.table_function_typo", "duckdb.catalog", WE, None, [
            ("READ :: CSV suppliers", run("select * from read_cvs('suppliers_20240612.csv')")),
            ("READ :: JSON orders", run("select * from read_jsonl('orders_0612.json')")),
            ("READ :: Parquet ledger", run("select * from read_parquett('ledger_2024_06.parquet')")),
        ]),
        ("duckdb.catalog.aggregate_function_missing", "duckdb.catalog", WE, None, [
            ("TRANSFORM :: SQL spend cube", run("select list_aggregate(list(amount), 'summ') from ledger", ledger)),
            ("TRANSFORM :: SQL report", run("select list_aggr(list(qty), 'avgerage') from order_lines", ledger)),
            ("TRANSFORM :: SQL ledger", run("select account, list_aggregate(list(amount), 'medianx') from ledger group by account", ledger)),
        ]),
        ("duckdb.binder.in_subquery_type_mismatch", "duckdb.binder", WE, None, [
            ("LOAD :: DuckDB warehouse", run("delete from ledger where supplier in (select org_no from suppliers)", ledger)),
            ("TRANSFORM :: SQL suppliers", run("select * from suppliers where id in (select account from ledger)", ledger)),
            ("TRANSFORM :: SQL orders", run("select * from order_lines where qty not in (select name from suppliers)", ledger)),
        ]),
        ("duckdb.binder.unnest_not_a_list", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL suppliers", run("select * from unnest((select tags from suppliers limit 1))", ledger)),
            ("TRANSFORM :: SQL ledger", run("select * from unnest(1)")),
            ("TRANSFORM :: SQL orders", run("select * from unnest('PO-88213;PO-88214')")),
        ]),
        ("duckdb.invalid_input.parquet_snappy_failure", "duckdb.invalid_input", IDQ, WE, [
            ("READ :: Parquet orders", run("select * from 'orders_0612.parquet'")),
            ("READ :: S3 parquet", run("select * from read_parquet('ledger_2024_06.parquet')")),
            ("LOAD :: DuckDB warehouse", run("create table s as select * from 'suppliers_20240612.parquet'")),
        ]),
        ("duckdb.error.parquet_thrift_invalid_data", "duckdb.io", IDQ, WE, [
            ("READ :: Parquet orders", run("select * from 'orders_0612_cut.parquet'")),
            ("READ :: S3 parquet", run("select count(*) from read_parquet('ledger_2024_06_cut.parquet')")),
            ("LOAD :: DuckDB warehouse", run("create table s as select * from 'suppliers_20240612_cut.parquet'")),
        ]),
        ("duckdb.parser.unterminated_comment", "duckdb.parser", IDQ, WE, [
            ("TRANSFORM :: SQL custom report", run("select * from ledger /* only open items", ledger)),
            ("TRANSFORM :: SQL ledger", run("select account, sum(amount) from ledger /* TODO: filter posted group by account", ledger)),
            ("TRANSFORM :: SQL suppliers", run("select id, name /*, org_no from suppliers", ledger)),
        ]),
        ("duckdb.constraint.unique_key_violation", "duckdb.constraint", IDQ, None, [
            ("LOAD :: DuckDB warehouse", run("insert into invoices values (10046, 'INV-2024-0612', 99.00)", uniq)),
            ("LOAD :: DuckDB suppliers", run("insert into suppliers values (10046, '987654321', 'Acme Holding AS')", uniq)),
            ("LOAD :: DuckDB staging", run("insert into invoices select 10047, 'INV-2024-0612', 5", uniq)),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_blind12(b: Subset, tmp: Path) -> None:
    import pandas as pd
    from pandas.io.formats.excel import ExcelFormatter

    inv = pd.DataFrame({
        "invoice_no": ["INV-2024-0612", "INV-2024-0613", "INV-2024-0613"],
        "amount": [1204.5, 99.0, 5.0],
        "supplier": [10045, 10046, 10046],
        "due": ["2024-06-30", "2024-06-31", "2024-07-01"],
        "terms": ["30 days", "30 dager", "14 d"],
    })
    sup = pd.DataFrame({"supplier": [10045, 10045, 10046], "name": ["Acme AS", "Acme AS (old)", "Nordic Parts AB"]})

    def excel_cells(df: pd.DataFrame) -> Callable[[], object]:
        """pandas' own Excel cell formatting, the step before the writer engine."""
        return lambda: list(ExcelFormatter(df).get_formatted_cells())

    cases: Cases = [
        ("pandas.merge_not_many_to_one", "pandas.merge", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.merge(sup, on="supplier", validate="many_to_one")),
            ("TRANSFORM :: Python spend cube", lambda: inv.merge(sup, on="supplier", how="left", validate="m:1")),
            ("EXTRACT :: Ivalua suppliers", lambda: pd.DataFrame({"org_no": ["987654321"], "n": [1]}).merge(pd.DataFrame({"org_no": ["987654321", "987654321"], "iban": ["NO938601111794", "NO938601111795"]}), on="org_no", validate="many_to_one")),
        ]),
        ("pandas.astype_day_out_of_range_column", "pandas.astype", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.astype({"due": "datetime64[ns]"})),
            ("READ :: CSV orders", lambda: pd.DataFrame({"order_date": ["2024-02-30"]}).astype({"order_date": "datetime64[s]"})),
            ("EXTRACT :: Ivalua invoices", lambda: pd.DataFrame({"invoice_date": ["2024-04-31", "2024-05-01"]}).astype({"invoice_date": "datetime64[ns]"})),
        ]),
        ("pandas.astype_dtype_not_understood", "pandas.dtype", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.astype({"amount": "decimal"})),
            ("TRANSFORM :: Python suppliers", lambda: sup.astype({"name": "categori"})),
            ("LOAD :: Postgres staging", lambda: inv.astype({"supplier": "int"}).astype({"due": "date"})),
        ]),
        ("pandas.astype_boolean_values", "pandas.astype", IDQ, None, [
            ("READ :: CSV suppliers", lambda: pd.DataFrame({"active": ["ja", "nei"]}).astype({"active": "boolean"})),
            ("EXTRACT :: Ivalua suppliers", lambda: pd.DataFrame({"blocked": ["Y", "N"]}).astype({"blocked": "boolean"})),
            ("TRANSFORM :: Python invoices", lambda: pd.DataFrame({"approved": ["approved", "pending"]}).astype("boolean")),
        ]),
        ("pandas.astype_int64_non_equivalent", "pandas.astype", IDQ, None, [
            ("TRANSFORM :: Python orders", lambda: pd.DataFrame({"qty": [2.0, 1.5]}).astype({"qty": "Int64"})),
            ("READ :: CSV stock levels", lambda: pd.DataFrame({"on_hand": [10.0, None, 3.25]}).astype({"on_hand": "Int64"})),
            ("EXTRACT :: REST orders", lambda: pd.DataFrame({"line_no": [1.0, 2.5]}).astype("Int64")),
        ]),
        ("pandas.to_timedelta_unit_abbreviation", "pandas.value_error", IDQ, WE, [
            ("TRANSFORM :: Python due dates", lambda: pd.to_timedelta(inv["terms"])),
            ("EXTRACT :: Ivalua invoices", lambda: pd.to_timedelta(pd.Series(["14 d", "30 dgr"]))),
            ("TRANSFORM :: Python payment terms", lambda: pd.to_timedelta(pd.Series(["10 days", "2 uker"]))),
        ]),
        ("pandas.wide_to_long_ids_not_unique", "pandas.reshape", IDQ, None, [
            ("TRANSFORM :: Python unpivot budget", lambda: pd.wide_to_long(pd.DataFrame({"account": ["6300", "6300"], "amount2024": [1, 2], "amount2025": [3, 4]}), ["amount"], i="account", j="year")),
            ("READ :: CSV budget", lambda: pd.wide_to_long(pd.DataFrame({"cost_center": ["CC-4410", "CC-4410", "CC-2100"], "m1": [1, 2, 3], "m2": [4, 5, 6]}), ["m"], i="cost_center", j="month")),
            ("TRANSFORM :: Python forecast", lambda: pd.wide_to_long(pd.DataFrame({"supplier": [10045, 10045], "q1": [1, 2]}), ["q"], i="supplier", j="quarter")),
        ]),
        ("pandas.query_invalid_syntax", "pandas.query", IDQ, WE, [
            ("TRANSFORM :: Python filter invoices", lambda: inv.query("amount > 1 000")),
            ("TRANSFORM :: Python custom step", lambda: inv.query("supplier == 10045 10046")),
            ("EXPORT :: CSV report", lambda: inv.query("due >= '2024-06-01' amount > 0")),
        ]),
        ("pandas.excel_tz_aware_datetimes", "pandas.value_error", WE, IDQ, [
            ("EXPORT :: Excel report", excel_cells(pd.DataFrame({"posted": pd.to_datetime(["2024-06-12T08:15:00+02:00"])}))),
            ("EXPORT :: Email report", excel_cells(pd.DataFrame({"received": [pd.Timestamp("2024-06-12 03:00", tz="UTC")]}))),
            ("WRITE :: Excel budget", excel_cells(pd.DataFrame({"changed_at": [pd.Timestamp("2024-06-11 22:41", tz="Europe/Oslo")], "v": [1]}))),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== pydantic


def pydantic_blind12(b: Subset) -> None:
    import decimal
    import os

    import pydantic
    from pydantic_settings import BaseSettings

    class SupplierEndpoint(pydantic.BaseModel):
        supplier_no: str
        order_url: pydantic.HttpUrl

    class Invoice(pydantic.BaseModel):
        invoice_no: str
        invoice_date: dt.date
        due_date: dt.date
        amount: decimal.Decimal

        @pydantic.model_validator(mode="after")
        def due_after_invoice(self) -> Invoice:
            if self.due_date < self.invoice_date:
                raise ValueError(f"due date {self.due_date} is before invoice date {self.invoice_date}")
            return self

    class Event(pydantic.BaseModel):
        order_no: str
        changed_at: dt.datetime

    class Settings(BaseSettings):
        batch_size: int = 500
        page_size: int = 100

    def settings(env: dict[str, str]) -> Callable[[], object]:
        def go() -> object:
            old = {k: os.environ.get(k) for k in env}
            os.environ.update(env)
            try:
                return Settings()
            finally:
                for k, v in old.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v

        return go

    cases: Cases = [
        ("pydantic.url_scheme", "pydantic.validation", IDQ, WE, [
            ("EXTRACT :: Ivalua suppliers", lambda: SupplierEndpoint(supplier_no="SUP-10045", order_url="ftp://orders.acme.example/in")),
            ("EXPORT :: Ivalua orders", lambda: SupplierEndpoint(supplier_no="SUP-20311", order_url="sftp://edi.nordicparts.example:22/orders")),
            ("READ :: CSV suppliers", lambda: SupplierEndpoint(supplier_no="10046", order_url="mailto:ordre@fjordbygg.example")),
        ]),
        ("pydantic.model_validator_value_error", "pydantic.validation", IDQ, None, [
            ("EXTRACT :: Ivalua invoices", lambda: Invoice(invoice_no="INV-2024-0612", invoice_date="2024-06-12", due_date="2024-05-12", amount="1204.50")),
            ("READ :: JSON invoices", lambda: Invoice(invoice_no="77120", invoice_date="2024-06-01", due_date="2024-01-06", amount="99")),
            ("SUBMIT :: Xledger AP invoices", lambda: Invoice(invoice_no="CN-0099", invoice_date="2024-06-30", due_date="2024-06-03", amount="-450")),
        ]),
        ("pydantic.datetime_unix_range", "pydantic.validation", IDQ, TPS, [
            ("EXTRACT :: REST orders", lambda: Event(order_no="PO-88213", changed_at=1718179200000000)),
            ("EXTRACT :: Ivalua orders", lambda: Event(order_no="PO-88240", changed_at=1.7181792e20)),
            ("READ :: JSON orders", lambda: Event(order_no="PO-88301", changed_at="1718179200000000000")),
        ]),
        ("pydantic_settings.env_int_parsing", "pydantic.validation", WE, None, [
            ("EXTRACT :: Xledger invoices", settings({"BATCH_SIZE": "500k"})),
            ("EXTRACT :: Ivalua suppliers", settings({"PAGE_SIZE": "one hundred"})),
            ("LOAD :: Postgres invoices", settings({"BATCH_SIZE": "${BATCH_SIZE}"})),
        ]),
    ]
    add_cases(b, cases, version("pydantic"))


# =========================================================================== Postgres


def postgres_blind12(b: Subset) -> None:
    import psycopg2

    with blind.postgres_or_missed(b, "blind12") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table suppliers(id int primary key, org_no text, name text)")
            cur.execute("create table invoices(id int primary key, supplier_id int references suppliers(id), amount numeric(12,2), due date, payload jsonb)")
            cur.execute("create table payments(id int primary key, invoice_id int references invoices(id), paid date)")
            cur.execute("insert into suppliers values (10045, '987654321', 'Acme AS'), (10046, '912345670', 'Nordic Parts AB'), (10047, null, 'Fjord Bygg AS')")
            cur.execute(
                "insert into invoices values "
                "(1, 10045, 1204.50, '2024-06-30', '{\"amount\": \"1 204,50\", \"qty\": \"2 stk\", \"vat\": \"25%\"}'), "
                "(2, 10046, 99, '2024-07-01', '{\"amount\": \"99,00\", \"qty\": \"1\", \"vat\": \"25\"}')"
            )
            cur.execute("insert into payments values (1, 1, '2024-06-20')")

        stmt = functools.partial(blind.pg_statement, info)

        cases: Cases = [
            ("psycopg2.fk_still_referenced", "postgres.integrity", WE, IDQ, [
                ("LOAD :: Postgres suppliers", stmt("delete from suppliers where id = %s", (10045,))),
                ("LOAD :: Postgres invoices", stmt("delete from invoices where due <= %s", ("2024-06-30",))),
                ("LOAD :: Postgres staging", stmt("update suppliers set id = 20046 where id = 10046")),
            ]),
            ("psycopg2.union_types_mismatch", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL suppliers", stmt("select id from suppliers union select org_no from suppliers")),
                ("TRANSFORM :: SQL report", stmt("select due from invoices union all select name from suppliers")),
                ("TRANSFORM :: SQL invoices", stmt("select amount from invoices union select paid from payments")),
            ]),
            ("psycopg2.grouping_error", "postgres.sql", WE, None, [
                ("TRANSFORM :: SQL invoices", stmt("select i.supplier_id, i.due, sum(i.amount) from invoices i group by i.supplier_id")),
                ("TRANSFORM :: SQL report", stmt("select s.name, count(*) from suppliers s join invoices i on i.supplier_id = s.id group by s.org_no having s.org_no is not null order by s.name")),
                ("TRANSFORM :: SQL ageing", stmt("select supplier_id, amount, max(due) from invoices group by 1")),
            ]),
            ("psycopg2.fk_no_unique_constraint", "postgres.sql", WE, None, [
                ("LOAD :: Postgres staging", stmt("create table invoice_lines(invoice_no text references invoices(due), line int)")),
                ("LOAD :: Postgres warehouse", stmt("create table supplier_contacts(org_no text references suppliers(org_no), email text)")),
                ("LOAD :: Postgres invoices", stmt("create table payment_lines(invoice_id int, supplier_id int, foreign key (invoice_id, supplier_id) references invoices(id, supplier_id))")),
            ]),
            ("psycopg2.temp_file_limit", "postgres.resources", WE, None, [
                ("TRANSFORM :: SQL invoices", stmt("set temp_file_limit = '1MB'; set work_mem = '64kB'; select g, md5(g::text) from generate_series(1, 400000) g order by 2")),
                ("TRANSFORM :: SQL spend cube", stmt("set temp_file_limit = '2MB'; set work_mem = '64kB'; select g % 1000, string_agg(md5(g::text), ',' order by md5(g::text)) from generate_series(1, 400000) g group by 1")),
                ("LOAD :: Postgres warehouse", stmt("set temp_file_limit = '4MB'; set work_mem = '64kB'; create temp table t as select g, md5(g::text) h from generate_series(1, 800000) g order by h")),
            ]),
            ("psycopg2.copy_server_file_missing", "postgres.copy", WE, IDQ, [
                ("LOAD :: Postgres invoices", stmt("copy invoices(id, supplier_id, amount) from '/srv/import/ap/invoices_20240612.csv' with (format csv, header)")),
                ("LOAD :: Postgres suppliers", stmt("copy suppliers(id, org_no, name) from '/data/in/suppliers_0612.csv' with (format csv, delimiter ';', header)")),
                ("LOAD :: Postgres staging", stmt("copy payments from '/srv/import/bank/camt053_20240612.csv' with (format csv)")),
            ]),
            ("psycopg2.date_unit_not_recognized", "postgres.sql", WE, IDQ, [
                ("TRANSFORM :: SQL invoices", stmt("select date_trunc('quater', due) from invoices")),
                ("TRANSFORM :: SQL report", stmt("select extract(weak from due) from invoices")),
                ("TRANSFORM :: SQL ageing", stmt("select date_part('kvartal', due) from invoices")),
            ]),
            ("psycopg2.jsonb_string_cast", "postgres.data", IDQ, WE, [
                ("TRANSFORM :: SQL invoices", stmt("select (payload->'amount')::numeric from invoices")),
                ("LOAD :: Postgres staging", stmt("insert into payments(id, invoice_id) select (payload->'qty')::int + 10, id from invoices")),
                ("TRANSFORM :: SQL report", stmt("select sum((payload->'vat')::numeric) from invoices")),
            ]),
            ("psycopg2.make_date_out_of_range", "postgres.data", IDQ, None, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(id, supplier_id, due) values (10, 10045, make_date(%s, %s, %s))", (2024, 2, 30))),
                ("TRANSFORM :: SQL ageing", stmt("select make_date(2024, 6, 31)")),
                ("LOAD :: Postgres staging", stmt("update invoices set due = make_date(%s, %s, %s) where id = 2", (2024, 13, 1))),
            ]),
        ]
        add_cases(b, cases, version("psycopg2-binary"))
        admin.close()


# =========================================================================== Python internals


def python_blind12(b: Subset) -> None:
    import numpy as np

    def nested(depth: int) -> dict[str, Any]:
        node: dict[str, Any] = {"id": "CC-0"}
        for i in range(depth):
            node = {"id": f"CC-{i + 1}", "children": [node]}
        return node

    def cyclic(name: str) -> dict[str, Any]:
        a: dict[str, Any] = {"supplier": name}
        a["parent"] = {"supplier": name + " (parent)", "child": a}
        return a

    def remove(seq: list[str], item: str) -> Callable[[], object]:
        return lambda: seq.remove(item)

    def float_range(n: int, size: int) -> Callable[[], object]:
        return lambda: list(range(0, n, n / size))

    def call_shadowed(value: Any) -> Callable[[], object]:
        return lambda: value("1204.50")

    src = cap.python_source()
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("python.memory_error_empty", "python.memory", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: bytearray(2**62)),
            ("READ :: Local CSV suppliers", lambda: b"x" * (2**62)),
            ("TRANSFORM :: Python spend cube", lambda: [0] * (2**62)),
        ], src),
        ("python.recursion_calling_object", "python.recursion", WE, None, [
            ("TRANSFORM :: Python cost center tree", lambda: copy.deepcopy(nested(5000))),
            ("EXTRACT :: Ivalua org units", lambda: copy.deepcopy(nested(8000))),
            ("TRANSFORM :: Python account hierarchy", lambda: copy.deepcopy(nested(12000))),
        ], src),
        ("python.object_not_callable", "python.type_error", WE, None, [
            ("TRANSFORM :: Python invoices", call_shadowed("NOK")),
            ("TRANSFORM :: Python amounts", call_shadowed(1204.5)),
            ("EXTRACT :: Xledger invoices", call_shadowed({"entity": 44660227})),
        ], src),
        ("python.strptime_none", "python.type_error", WE, IDQ, [
            ("TRANSFORM :: Python due dates", lambda: dt.datetime.strptime(None, "%Y-%m-%d")),  # type: ignore[arg-type]
            ("EXTRACT :: Ivalua invoices", lambda: dt.datetime.strptime(None, "%d.%m.%Y")),  # type: ignore[arg-type]
            ("READ :: CSV orders", lambda: dt.datetime.strptime(None, "%Y%m%d")),  # type: ignore[arg-type]
        ], src),
        ("python.json_circular_reference", "json.encode", WE, None, [
            ("EXPORT :: Ivalua suppliers", lambda: json.dumps(cyclic("Acme AS"))),
            ("SUBMIT :: Xledger vouchers", lambda: json.dumps([cyclic("Nordic Parts AB")])),
            ("EXTRACT :: Ivalua org units", lambda: json.dumps({"tree": cyclic("CC-4410")})),
        ], src),
        ("python.numpy2_removed_alias", "python.attribute", WE, None, [
            ("TRANSFORM :: Python amounts", lambda: np.float_),  # type: ignore[attr-defined]
            ("TRANSFORM :: Python spend cube", lambda: np.NaN),  # type: ignore[attr-defined]
            ("TRANSFORM :: Python ledger", lambda: np.Inf),  # type: ignore[attr-defined]
        ], version("numpy")),
        ("python.float_not_integer", "python.type_error", WE, None, [
            ("EXTRACT :: Xledger invoices", float_range(1000, 3)),
            ("LOAD :: Postgres invoices", float_range(5000, 7)),
            ("EXTRACT :: Ivalua suppliers", float_range(250, 4)),
        ], src),
        ("python.list_remove_missing", "python.value_error", WE, None, [
            ("TRANSFORM :: Python invoices", remove(["invoice_no", "amount", "supplier"], "vat_code")),
            ("EXPORT :: CSV report", remove(["id", "name", "org_no"], "internal_note")),
            ("TRANSFORM :: Python suppliers", remove(["10045", "10046"], "10047")),
        ], src),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== JSON, CSV, XML, encodings


def parsing_blind12(b: Subset) -> None:
    from lxml import etree

    def xpath(doc: bytes, expr: str) -> Callable[[], object]:
        return lambda: etree.fromstring(doc).xpath(expr)

    ehf = b'<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>INV-2024-0612</cbc:ID></Invoice>'
    camt = b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>0612</Id></Stmt></BkToCstmrStmt></Document>'
    src = cap.python_source()
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("json.expecting_colon", "json.decode", IDQ, TPS, [
            ("READ :: JSON orders", call(json.loads, '{"orderNo" "PO-88213", "lines": []}')),
            ("EXTRACT :: REST orders", call(json.loads, '[{"id": 1, "amount" 1204.5}]')),
            ("READ :: JSON invoices", call(json.loads, '{"invoiceNo": "INV-2024-0612", "supplier": {"orgNo"= "987654321"}}')),
        ], src),
        ("json.dump_keys_not_str", "json.type_error", WE, None, [
            ("EXPORT :: Ivalua suppliers", call(json.dumps, {("10045", "NOK"): 1204.5})),
            ("TRANSFORM :: Python spend cube", call(json.dumps, {"by_month": {dt.date(2024, 6, 1): 99.0}})),
            ("SUBMIT :: Xledger vouchers", call(json.dumps, {frozenset({"6300"}): 1})),
        ], src),
        ("lxml.xpath_undefined_prefix", "xml.xpath", WE, None, [
            ("EXTRACT :: EHF invoices", xpath(ehf, "//cbc:ID/text()")),
            ("READ :: FTP bank statements", xpath(camt, "//camt:Stmt/camt:Id")),
            ("SUBMIT :: Peppol invoices", xpath(ehf, "/ubl:Invoice/cbc:ID")),
        ], version("lxml")),
        ("lxml.xpath_invalid_predicate", "xml.xpath", WE, IDQ, [
            ("EXTRACT :: EHF invoices", xpath(ehf, "//*[local-name()='ID'")),
            ("READ :: FTP bank statements", xpath(camt, "//*[local-name()='Stmt'][1")),
            ("READ :: XML orders", xpath(b"<Orders><Order no='PO-88213'/></Orders>", "//Order[@no='PO-88213'")),
        ], version("lxml")),
        ("lxml.start_tag_invalid_name", "xml.syntax", IDQ, None, [
            ("EXTRACT :: EHF invoices", call(etree.fromstring, b"<Invoice><Note>Levering < 14 dager</Note></Invoice>")),
            ("READ :: XML orders", call(etree.fromstring, b"<Order><Text>Qty <5 pcs</Text></Order>")),
            ("EXTRACT :: SOAP supplier register", call(etree.fromstring, b"<Supplier><Name>A<>B Consulting</Name></Supplier>")),
        ], version("lxml")),
        ("base64.excess_data_after_padding", "base64.decode", IDQ, None, [
            ("EXTRACT :: EHF invoices", lambda: base64.b64decode("JVBERi0xLjQKJQ==JVBE", validate=True)),
            ("EXTRACT :: Ivalua invoice attachments", lambda: base64.b64decode("UEsDBBQAAAAIAA==UEsD", validate=True)),
            ("READ :: JSON invoices", lambda: base64.b64decode("SW52b2ljZQ==SW52", validate=True)),
        ], src),
        ("encoding.idna_label_empty", "unicode.encode", IDQ, None, [
            ("NOTIFY :: Email remittance", lambda: "acme..example".encode("idna")),
            ("EXPORT :: Email invoices to AP", lambda: "nordicparts.example.".encode("idna") + ".fjordbygg.example".encode("idna")),
            ("NOTIFY :: Email supplier statement", lambda: "fjord-bygg..example".encode("idna")),
        ], src),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== openpyxl (modelled)


def openpyxl_blind12(b: Subset) -> None:
    src = "openpyxl 3.1 message (modelled: openpyxl is not installed here)"
    cases: list[tuple[str, str, str, str | None, str, list[tuple[str, str]]]] = [
        ("openpyxl.illegal_character", "excel.write", IDQ, WE, "IllegalCharacterError", [
            ("EXPORT :: Excel report", "Acme AS\x1b[0m cannot be used in worksheets."),
            ("EXPORT :: Email report", "Faktura 77120\x0bside 2 cannot be used in worksheets."),
            ("WRITE :: Excel supplier list", "Nordic\x02Parts AB cannot be used in worksheets."),
        ]),
        ("openpyxl.sheet_title_invalid_character", "excel.write", WE, IDQ, "ValueError", [
            ("EXPORT :: Excel report", "Invalid character / found in sheet title"),
            ("WRITE :: Excel budget", "Invalid character : found in sheet title"),
            ("EXPORT :: Email report", "Invalid character ? found in sheet title"),
        ]),
        ("openpyxl.row_limit", "excel.write", WE, IDQ, "ValueError", [
            ("EXPORT :: Excel report", "Row numbers must be between 1 and 1048576. Row number supplied was 1048577"),
            ("WRITE :: Excel ledger", "Row numbers must be between 1 and 1048576. Row number supplied was 1048577"),
            ("EXPORT :: SharePoint reports", "Row numbers must be between 1 and 1048576. Row number supplied was 1048577"),
        ]),
        ("openpyxl.file_format_unsupported", "excel.format", IDQ, WE, "InvalidFileException", [
            ("READ :: Excel budget", "openpyxl does not support .csv file format, please check you can open it with Excel first. Supported formats are: .xlsx,.xlsm,.xltx,.xltm"),
            ("READ :: SFTP price list", "openpyxl does not support .xlsb file format, please check you can open it with Excel first. Supported formats are: .xlsx,.xlsm,.xltx,.xltm"),
            ("READ :: Excel cost centers", "openpyxl does not support .ods file format, please check you can open it with Excel first. Supported formats are: .xlsx,.xlsm,.xltx,.xltm"),
        ]),
        ("openpyxl.worksheet_does_not_exist", "excel.sheet", IDQ, None, "KeyError", [
            ("READ :: Excel budget", "'Worksheet Budsjett 2025 does not exist.'"),
            ("READ :: SharePoint cost centers", "'Worksheet Kostnadssteder does not exist.'"),
            ("READ :: Excel price list", "'Worksheet Prisliste Q3 does not exist.'"),
        ]),
        ("openpyxl.cannot_convert_to_excel", "excel.write", WE, IDQ, "ValueError", [
            ("EXPORT :: Excel report", "Cannot convert {'vat_code': '25', 'rate': 0.25} to Excel"),
            ("WRITE :: Excel supplier list", "Cannot convert ['critical', 'preferred'] to Excel"),
            ("EXPORT :: Email report", "Cannot convert Decimal('NaN') to Excel"),
        ]),
    ]
    for template, family, cat, alt, exc, items in cases:
        b.add(template, family, cat, many(exc, items), source=src, alt=alt)


# =========================================================================== workflow engine (modelled)


def engine_blind12(b: Subset) -> None:
    cases = [
        ("engine.worker_shutdown_sigterm", "workflow.worker", WE, None, "TaskInterruptedError", [
            ("TRANSFORM :: SQL ledger", "Task received SIGTERM: worker wrk-3a71 is shutting down for the deploy of image etl-runtime:2024.06.3; attempt 1 was interrupted."),
            ("EXTRACT :: Xledger invoices", "Task received SIGTERM: worker wrk-09c2 is shutting down for the deploy of image etl-runtime:2024.06.3; attempt 2 was interrupted."),
            ("LOAD :: Postgres invoices", "Task received SIGTERM: worker wrk-5d18 is shutting down for node drain (maintenance window); attempt 1 was interrupted."),
        ]),
        ("engine.retry_budget_exhausted", "workflow.retry", TPS, WE, "RetryBudgetExceeded", [
            ("EXTRACT :: Ivalua invoices", "Retry budget of workflow 'ap-invoices' exhausted (20 retries within 1h); attempt 4 not scheduled. Last error: 503 Service Unavailable from the Ivalua API."),
            ("SUBMIT :: Xledger AP invoices", "Retry budget of workflow 'ap-posting' exhausted (20 retries within 1h); attempt 6 not scheduled. Last error: 502 Bad Gateway from the Xledger GraphQL API."),
            ("EXPORT :: SFTP payments", "Retry budget of workflow 'payments' exhausted (10 retries within 30m); attempt 3 not scheduled. Last error: connection timed out to sftp.bank.example:22."),
        ]),
        ("engine.cross_workflow_dependency_failed", "workflow.dag", WE, None, "ExternalDependencyError", [
            ("EXPORT :: SFTP payments", "Waited for workflow 'gl-ledger' run 2024-06-12 to succeed, but it ended in state 'failed'; this activity was skipped."),
            ("TRANSFORM :: SQL spend cube", "Waited for workflow 'ap-invoices' run 2024-06-12 to succeed, but it ended in state 'upstream_failed'; this activity was skipped."),
            ("LOAD :: Postgres invoices", "Waited for workflow 'supplier-master' run 2024-06-12 to succeed, but it ended in state 'failed'; this activity was skipped."),
        ]),
        ("engine.worker_missed_pings_requeue", "workflow.worker", WE, None, "WorkerLostError", [
            ("TRANSFORM :: Python invoices", "Lost contact with worker wrk-7b20 (3 missed pings); the task was requeued 3 times and is now marked failed."),
            ("EXTRACT :: Ivalua suppliers", "Lost contact with worker wrk-1c4e (3 missed pings); the task was requeued 3 times and is now marked failed."),
            ("LOAD :: DuckDB warehouse", "Lost contact with worker wrk-90aa (5 missed pings); the task was requeued 2 times and is now marked failed."),
        ]),
        ("engine.executor_pod_unschedulable", "workflow.resources", WE, None, "ExecutorStartError", [
            ("TRANSFORM :: SQL ledger", "Executor pod etl-88213-ledger-x7k2q stayed Pending for 15m0s: 0/12 nodes are available: 12 Insufficient memory."),
            ("TRANSFORM :: Python spend cube", "Executor pod etl-88214-spend-cube-9fz1d stayed Pending for 15m0s: 0/12 nodes are available: 4 Insufficient cpu, 8 node(s) had untolerated taint {dedicated: vendor-io}."),
            ("LOAD :: DuckDB warehouse", "Executor pod etl-88190-warehouse-p2m8s stayed Pending for 10m0s: 0/6 nodes are available: 6 Insufficient memory."),
        ]),
        ("engine.soft_time_limit_exceeded", "workflow.timeout", WE, TPS, "SoftTimeLimitExceeded", [
            ("EXTRACT :: Xledger invoices", "SoftTimeLimitExceeded(1800)"),
            ("TRANSFORM :: Python invoices", "SoftTimeLimitExceeded(900)"),
            ("EXTRACT :: Ivalua suppliers", "SoftTimeLimitExceeded(3600)"),
        ]),
        ("engine.dead_lettered_message", "queue", WE, IDQ, "DeadLetterError", [
            ("EXTRACT :: ERP order events", "Message 7f3c1a0e-2b4d-4e6f-8a9b-0c1d2e3f4a5b moved to dead-letter queue 'erp-events-dlq' after 5 delivery attempts (last error: KeyError 'supplierId')."),
            ("EXTRACT :: Ivalua invoice events", "Message 0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b moved to dead-letter queue 'ivalua-events-dlq' after 5 delivery attempts (last error: ValueError 'amount')."),
            ("LOAD :: Postgres invoices", "Message 5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b moved to dead-letter queue 'ap-load-dlq' after 3 delivery attempts (last error: handler timed out after 60s)."),
        ]),
        ("engine.state_changed_externally", "workflow.state", WE, None, "TaskStateError", [
            ("EXTRACT :: Ivalua invoices", "State of task 'EXTRACT :: Ivalua invoices' in run 88213 was set to 'failed' from outside while it was running; the process was terminated."),
            ("TRANSFORM :: SQL ledger", "State of task 'TRANSFORM :: SQL ledger' in run 88240 was set to 'up_for_retry' from outside while it was running; the process was terminated."),
            ("EXPORT :: SFTP payments", "State of task 'EXPORT :: SFTP payments' in run 88301 was set to 'skipped' from outside while it was running; the process was terminated."),
        ]),
        ("engine.input_file_stale", "workflow.input", IDQ, TPS, "StaleInputError", [
            ("READ :: SFTP supplier master", "Input 'suppliers_20240611.csv' was last modified 2024-06-11 01:02 (26h ago), older than the freshness limit of 24h."),
            ("READ :: FTP bank statements", "Input 'camt053_20240610.xml' was last modified 2024-06-10 23:40 (51h ago), older than the freshness limit of 24h."),
            ("READ :: CSV price list", "Input 'prices_week23.csv' was last modified 2024-06-03 07:15 (9d ago), older than the freshness limit of 7d."),
        ]),
        ("engine.schema_drift_policy_fail", "workflow.contract", IDQ, TPS, "SchemaDriftError", [
            ("EXTRACT :: Ivalua invoices", "Schema drift in 'EXTRACT :: Ivalua invoices' against registered schema v12: added column 'vatAmountLocal', removed column 'vat_amount'; drift policy is 'fail'."),
            ("READ :: CSV suppliers", "Schema drift in 'READ :: CSV suppliers' against registered schema v4: column 'org_no' changed type BIGINT -> VARCHAR; drift policy is 'fail'."),
            ("EXTRACT :: Xledger GL transactions", "Schema drift in 'EXTRACT :: Xledger GL transactions' against registered schema v7: removed column 'dimension3'; drift policy is 'fail'."),
        ]),
    ]
    for template, family, cat, alt, exc, items in cases:
        b.add(template, family, cat, many(exc, items), source=MODELLED, alt=alt)


# =========================================================================== main


FAMILIES = ["duckdb", "pandas", "pydantic", "postgres", "python", "parsing", "openpyxl", "engine"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_blind12(b, tmp),
            "pandas": lambda: pandas_blind12(b, tmp),
            "pydantic": lambda: pydantic_blind12(b),
            "postgres": lambda: postgres_blind12(b),
            "python": lambda: python_blind12(b),
            "parsing": lambda: parsing_blind12(b),
            "openpyxl": lambda: openpyxl_blind12(b),
            "engine": lambda: engine_blind12(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
