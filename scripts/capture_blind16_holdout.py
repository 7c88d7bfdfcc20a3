"""Capture the SIXTEENTH blind holdout: everyday error templates new to the corpus, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind15.*``) have been seen while the rules were
revised. Every template here (template_id ``blind16.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind16``) is an honest figure again.
This round is weighted by production frequency and stays inside the platform's own stack: DuckDB
(binder, conversion, parser, catalog, constraint and invalid-input errors raised by other functions
than the obvious ones), pandas (read_sql on the platform's SQLite run state among them), pydantic,
Postgres through psycopg2, Python internal errors of platform code, XML / encoding errors and the
workflow engine (DAG, worker, scheduler, timeout, queue and retry messages). No HTTP, S3, FTP, SOAP or vendor API
templates in this round.
Each error is raised by the real library installed here (Postgres is a throwaway cluster on
127.0.0.1); the workflow engine's messages are modelled on realistic phrasings and say so in
``source``.

Run:  uv run python scripts/capture_blind16_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind16.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and SQL are kept verbatim on one line

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import functools
import io
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

sys.path.insert(0, str(Path(__file__).resolve().parent))

import capture_blind9_holdout as blind9  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "blind16."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
Cases = blind9.Cases
many = blind.many
add_cases, call = blind9.add_cases, blind9.call


# =========================================================================== DuckDB


def duckdb_blind16(b: Subset, tmp: Path) -> None:
    run = blind.offline_duckdb_query

    base = (
        "create table ledger(id integer primary key, account varchar, amount decimal(12,2), posted date, "
        "supplier integer, note varchar, currency varchar, epoch_ms bigint);insert into ledger values "
        "(1, '6300', 1204.50, '2024-06-01', 10045, null, 'NOK', 1718172000000), (2, '2400', 250, '2024-06-02', 10046, 'Faktura 77120', 'EUR', 9223372036854775807);"
        "create table suppliers(id integer primary key, org_no varchar, name varchar, tags varchar[], ids integer[]);insert into suppliers values "
        "(10045, '987654321', 'Acme AS', ['preferred'], [1, 2]), (10046, '912345670', 'Nordic Parts AB', ['blocked'], [3])"
    )
    csvs = (
        "copy (select 10045 as id, 'Acme AS' as name) to 'suppliers_0612.csv';"
        "copy (select 'INV-2024-0612' as invoice_no, 1204.5 as amount) to 'invoices_0612.csv';"
        "copy (select 'PO-88213' as order_no) to 'orders_0612.csv'"
    )

    cases: Cases = [
        ("duckdb.invalid_input.csv_encoding_unsupported", "duckdb.invalid_input", WE, IDQ, [
            ("READ :: CSV suppliers", run("select * from read_csv('suppliers_0612.csv', encoding='windows-1252')", csvs)),
            ("READ :: SFTP invoices", run("select * from read_csv('invoices_0612.csv', encoding='cp865')", csvs)),
            ("LOAD :: DuckDB staging", run("create table stg as select * from read_csv('orders_0612.csv', encoding='iso-8859-15')", csvs)),
        ]),
        ("duckdb.parser.select_without_list", "duckdb.parser", IDQ, None, [
            ("TRANSFORM :: SQL ledger", run("select from ledger where amount > 0", base)),
            ("TRANSFORM :: SQL report", run("select\nfrom suppliers s\nwhere s.org_no is not null", base)),
            ("TRANSFORM :: SQL spend cube", run("select from ledger group by supplier", base)),
        ]),
        ("duckdb.catalog.macro_missing", "duckdb.catalog", WE, None, [
            ("LOAD :: DuckDB warehouse", run("drop macro fx_rate", base)),
            ("TRANSFORM :: SQL ledger", run("drop macro vat_amount", base)),
            ("LOAD :: DuckDB staging", run("drop macro table stg_open_invoices", base)),
        ]),
        ("duckdb.binder.union_by_name_duplicate", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL ledger", run("select id, amount from ledger union all by name select id, amount, amount from ledger", base)),
            ("TRANSFORM :: SQL suppliers", run("select id, name from suppliers union by name select id, name, org_no as name from suppliers", base)),
            ("LOAD :: DuckDB staging", run("select account, note, currency as note from ledger union all by name select account, note from ledger", base)),
        ]),
        ("duckdb.conversion.epoch_ms_timestamp_range", "duckdb.conversion", IDQ, None, [
            ("TRANSFORM :: SQL ledger", run("select id, epoch_ms(epoch_ms) from ledger", base)),
            ("EXTRACT :: Ivalua invoices", run("select epoch_ms(253402300800000000)")),
            ("READ :: JSON orders", run("select epoch_ms(cast(-9223372036854775807 as bigint))")),
        ]),
        ("duckdb.invalid_input.lpad_insufficient_padding", "duckdb.invalid_input", WE, None, [
            ("EXPORT :: SFTP payments", run("select lpad(account, 10, '') from ledger", base)),
            ("TRANSFORM :: SQL suppliers", run("select rpad(org_no, 11, '') from suppliers", base)),
            ("EXPORT :: CSV report", run("select lpad(cast(id as varchar), 8, '') from ledger", base)),
        ]),
        ("duckdb.binder.fk_incompatible_types", "duckdb.binder", WE, None, [
            ("LOAD :: DuckDB warehouse", run("create table invoices(id integer, supplier_id varchar references suppliers(id))", base)),
            ("LOAD :: DuckDB staging", run("create table stg_lines(id integer, ledger_id bigint references ledger(id))", base)),
            ("LOAD :: DuckDB warehouse", run("create table payments(id integer, supplier varchar, foreign key (supplier) references suppliers(id))", base)),
        ]),
        ("duckdb.binder.list_concat_types", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL suppliers", run("select array_cat(tags, ids) from suppliers", base)),
            ("TRANSFORM :: SQL ledger", run("select list_concat([account], [supplier]) from ledger", base)),
            ("TRANSFORM :: SQL supplier tags", run("select tags || ids from suppliers", base)),
        ]),
        ("duckdb.parser.window_frame_order", "duckdb.parser", WE, IDQ, [
            ("TRANSFORM :: SQL ledger", run("select sum(amount) over (order by posted rows between 1 following and 1 preceding) from ledger", base)),
            ("TRANSFORM :: SQL report", run("select avg(amount) over (partition by supplier order by posted rows between current row and 2 preceding) from ledger", base)),
            ("TRANSFORM :: SQL spend cube", run("select sum(amount) over (order by id rows between 3 following and current row) from ledger", base)),
        ]),
        ("duckdb.syntax.like_escape_length", "duckdb.invalid_input", WE, None, [
            ("TRANSFORM :: SQL ledger", run("select * from ledger where account like '63%' escape '\\\\'", base)),
            ("TRANSFORM :: SQL suppliers", run("select * from suppliers where name like '%AS' escape 'ab'", base)),
            ("TRANSFORM :: SQL invoices", run("select * from ledger where note ilike 'Faktura%' escape '##'", base)),
        ]),
        ("duckdb.binder.insert_column_list_mismatch", "duckdb.binder", WE, None, [
            ("LOAD :: DuckDB warehouse", run("insert into ledger(id, account) values (3)", base)),
            ("LOAD :: DuckDB staging", run("insert into suppliers(id, org_no, name) values (10047, 'Fjord Bygg AS')", base)),
            ("LOAD :: DuckDB warehouse", run("insert into ledger(id, account, amount, posted) select id, account, amount from ledger", base)),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_blind16(b: Subset, tmp: Path) -> None:
    import pandas as pd

    inv = pd.DataFrame({"invoice_no": ["INV-2024-0612", "INV-2024-0613"], "amount": ["1204.50", "99.00"], "supplier": [10045, 10046]})
    rates = pd.DataFrame({"date": ["2024-06-11", "2024-06-12"], "rate": [11.52, 11.49]})
    posted = pd.DataFrame({"date": pd.to_datetime(["2024-06-12"]), "amount": [1204.5]})

    def read_sql(sql: str) -> Callable[[], object]:
        """The platform's local run-state database (SQLite) read with pandas."""

        def go() -> object:
            con = sqlite3.connect(tmp / "run_state.db")
            try:
                con.execute("create table if not exists runs(run_id integer, workflow text, status text)")
                con.execute("create table if not exists watermarks(source text, last_value text)")
                return pd.read_sql(sql, con)
            finally:
                con.close()

        return go

    cases: Cases = [
        ("pandas.read_sql_execution_failed", "pandas.sql", WE, None, [
            ("EXTRACT :: Xledger invoices", read_sql("select last_value from watermark where source = 'xledger_invoices'")),
            ("TRANSFORM :: Python invoices", read_sql("select run_id, status, finished_at from runs where workflow = 'ap-invoices'")),
            ("EXTRACT :: Ivalua suppliers", read_sql("select last_value from watermarks where source = 'ivalua_suppliers' and tenant = 'acme'")),
        ]),
        ("pandas.read_json_split_unexpected_keys", "pandas.value_error", IDQ, None, [
            ("READ :: JSON orders", lambda: pd.read_json(io.StringIO('{"cols": ["order_no", "qty"], "rows": [["PO-88213", 2]]}'), orient="split")),
            ("EXTRACT :: REST orders", lambda: pd.read_json(io.StringIO('{"columns": ["order_no"], "data": [["PO-88214"]], "total": 1, "page": 3}'), orient="split")),
            ("READ :: JSON invoices", lambda: pd.read_json(io.StringIO('{"header": ["invoice_no"], "values": [["INV-2024-0612"]]}'), orient="split")),
        ]),
        ("pandas.merge_asof_incompatible_dtype", "pandas.merge", WE, None, [
            ("TRANSFORM :: Python FX revaluation", lambda: pd.merge_asof(posted, rates, on="date")),
            ("TRANSFORM :: Python invoices", lambda: pd.merge_asof(pd.DataFrame({"due": ["2024-06-30"], "x": [1]}), pd.DataFrame({"due": pd.to_datetime(["2024-06-01"]), "y": [2]}), on="due")),
            ("TRANSFORM :: Python payments", lambda: pd.merge_asof(pd.DataFrame({"ts": pd.to_datetime(["2024-06-12 08:00"])}), pd.DataFrame({"ts": ["2024-06-12T07:00:00"], "bank": ["DNB"]}), on="ts")),
        ]),
        ("pandas.interpolate_str_dtype", "pandas.type_error", WE, IDQ, [
            ("TRANSFORM :: Python stock levels", lambda: pd.DataFrame({"on_hand": ["12", None, "14"]}).interpolate()),
            ("TRANSFORM :: Python FX revaluation", lambda: rates.assign(rate=["11.52", None]).interpolate()),
            ("READ :: CSV budget", lambda: pd.DataFrame({"month": ["2024-06", "2024-07"], "budget": ["1000", None]}).interpolate()),
        ]),
        ("pandas.insert_column_exists", "pandas.value_error", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.copy().insert(0, "amount", [1, 2])),
            ("TRANSFORM :: Python suppliers", lambda: inv.copy().insert(1, "supplier", 0)),
            ("EXPORT :: CSV report", lambda: inv.copy().insert(2, "invoice_no", ["a", "b"])),
        ]),
        ("pandas.groupby_attribute_missing", "pandas.attribute", WE, None, [
            ("TRANSFORM :: Python spend cube", lambda: inv.groupby("supplier")["amount"].avg()),
            ("TRANSFORM :: Python invoices", lambda: inv.groupby("supplier").total()),
            ("EXPORT :: CSV report", lambda: inv.groupby("invoice_no")["amount"].summarize()),
        ]),
        ("pandas.str_cat_non_strings", "pandas.type_error", WE, IDQ, [
            ("TRANSFORM :: Python invoices", lambda: inv["invoice_no"].str.cat([inv["supplier"]], sep="-")),
            ("EXPORT :: SFTP payments", lambda: pd.Series(["KID"]).str.cat([pd.Series([1234567])], sep=" ")),
            ("TRANSFORM :: Python suppliers", lambda: pd.DataFrame({"name": ["Acme AS"], "org_no": [987654321]})["name"].str.cat(pd.DataFrame({"org_no": [987654321]}), sep=" / ")),
        ]),
        ("pandas.str_pad_fillchar", "pandas.type_error", WE, None, [
            ("EXPORT :: SFTP payments", lambda: inv["invoice_no"].str.pad(20, fillchar="00")),
            ("TRANSFORM :: Python suppliers", lambda: pd.Series(["10045"]).str.pad(9, side="left", fillchar="")),
            ("EXPORT :: Bank payments", lambda: pd.Series(["12345678"]).str.rjust(11, "00")),
        ]),
        ("pandas.categorical_categories_unique", "pandas.value_error", IDQ, WE, [
            ("READ :: CSV cost centers", lambda: pd.Categorical(["CC-4410"], categories=["CC-4410", "CC-4420", "CC-4410"])),
            ("READ :: CSV currencies", lambda: pd.Categorical(["NOK", "EUR"], categories=["NOK", "EUR", "SEK", "NOK"])),
            ("READ :: SFTP supplier master", lambda: pd.Series(["A", "B"]).astype(pd.CategoricalDtype(["A", "B", "B"]))),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== pydantic


def pydantic_blind16(b: Subset) -> None:
    import pydantic

    class Period(pydantic.BaseModel):
        entity: int
        period: tuple[int, int]

    class Supplier(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="forbid", validate_assignment=True)
        supplier_id: int
        name: str
        currency: Literal["NOK", "EUR", "SEK"] = "NOK"

    class Line(pydantic.BaseModel):
        invoice_no: str
        amount: decimal.Decimal

    class Budget(pydantic.BaseModel):
        year: int
        by_account: dict[int, decimal.Decimal]

    class Attachment(pydantic.BaseModel):
        file_name: str
        content: pydantic.conbytes(max_length=1024)  # type: ignore[valid-type]

    @pydantic.validate_call
    def post_voucher(entity: int, voucher_no: str, amount: decimal.Decimal) -> None:
        """Stands in for a platform step validated with pydantic."""

    def assign(obj: pydantic.BaseModel, field: str, value: Any) -> Callable[[], object]:
        return lambda: setattr(obj, field, value)

    cases: Cases = [
        ("pydantic.tuple_too_long", "pydantic.validation", IDQ, None, [
            ("READ :: JSON budget", lambda: Period.model_validate_json('{"entity": 44660227, "period": [2024, 6, 12]}')),
            ("EXTRACT :: Xledger GL periods", lambda: Period(entity=12093311, period=(2024, 6, 1))),
            ("READ :: CSV budget", lambda: Period(entity=44660227, period=[2024, 13, 0, 1])),
        ]),
        ("pydantic.no_such_attribute", "pydantic.validation", WE, None, [
            ("TRANSFORM :: Python suppliers", assign(Supplier(supplier_id=10045, name="Acme AS"), "vat_no", "NO987654321MVA")),
            ("EXTRACT :: Ivalua suppliers", assign(Supplier(supplier_id=10046, name="Nordic Parts AB"), "org_no", "912345670")),
            ("SUBMIT :: Xledger suppliers", assign(Supplier(supplier_id=20311, name="Fjord Bygg AS"), "bank_account", "NO9386011117947")),
        ]),
        ("pydantic.decimal_type", "pydantic.validation", IDQ, None, [
            ("READ :: JSON invoices", lambda: Line.model_validate({"invoice_no": "INV-2024-0612", "amount": [1204.5]})),
            ("EXTRACT :: REST orders", lambda: Line.model_validate({"invoice_no": "PO-88213", "amount": {"value": 99, "currency": "NOK"}})),
            ("READ :: JSON invoices", lambda: Line.model_validate({"invoice_no": "CN-0099", "amount": True})),
        ]),
        ("pydantic.dict_key_int_parsing", "pydantic.validation", IDQ, None, [
            ("READ :: CSV budget", lambda: Budget(year=2024, by_account={"6300": 1000, "CC-4410": 200})),
            ("READ :: JSON budget", lambda: Budget.model_validate_json('{"year": 2025, "by_account": {"6300 Leie lokaler": 12000}}')),
            ("TRANSFORM :: Python budget", lambda: Budget(year=2024, by_account={"": 5})),
        ]),
        ("pydantic.json_trailing_characters", "pydantic.validation", IDQ, None, [
            ("READ :: JSON invoices", lambda: Line.model_validate_json('{"invoice_no": "INV-2024-0612", "amount": 1204.5},')),
            ("EXTRACT :: REST orders", lambda: Line.model_validate_json('{"invoice_no": "PO-88213", "amount": 2}\n{"invoice_no": "PO-88214", "amount": 3}')),
            ("READ :: JSON invoices", lambda: Line.model_validate_json('{"invoice_no": "77120", "amount": "99.00"}}')),
        ]),
        ("pydantic.json_key_not_string", "pydantic.validation", IDQ, None, [
            ("READ :: JSON invoices", lambda: Line.model_validate_json("{'invoice_no': 'INV-2024-0612', 'amount': 1204.5}")),
            ("EXTRACT :: Email attachments", lambda: Line.model_validate_json('{invoice_no: "77120", amount: 99}')),
            ("READ :: JSON orders", lambda: Line.model_validate_json("{\n  'invoice_no': 'PO-88213',\n  'amount': 5\n}")),
        ]),
        ("pydantic.bytes_too_long", "pydantic.validation", IDQ, None, [
            ("EXTRACT :: Email attachments", lambda: Attachment(file_name="faktura_77120.pdf", content=b"%PDF-1.7" + b"\0" * 2048)),
            ("SUBMIT :: Ivalua invoice attachments", lambda: Attachment(file_name="INV-2024-0612.pdf", content=b"%PDF-1.4" + b"\1" * 5000)),
            ("EXTRACT :: EHF invoices", lambda: Attachment(file_name="ehf_88213.xml", content=b"<?xml" + b" " * 1100)),
        ]),
        ("pydantic.unexpected_positional_argument", "pydantic.validation", WE, None, [
            ("SUBMIT :: Xledger vouchers", lambda: post_voucher(44660227, "V-88213", "1204.50", "NOK")),
            ("TRANSFORM :: Python vouchers", lambda: post_voucher(12093311, "V-5001", 99, 2024, 6)),
            ("LOAD :: Postgres vouchers", lambda: post_voucher(44660227, "V-77120", "-450", None)),
        ]),
    ]
    add_cases(b, cases, version("pydantic"))


# =========================================================================== Postgres


def postgres_blind16(b: Subset) -> None:
    import psycopg2

    with blind.postgres_or_missed(b, "blind16") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table suppliers(id int primary key, org_no text, name text, payment_days smallint)")
            cur.execute("create table invoices(id serial primary key, supplier_id int, amount text, qty smallint, due date)")
            for role in ("erp_readonly", "svc_integration", "etl_writer"):
                cur.execute(f"create role {role} nologin password 'x'")
            cur.execute("insert into suppliers values (10045, '987654321', 'Acme AS', 30), (10046, '912345670', 'Nordic Parts AB', 14)")
            cur.execute("insert into invoices(supplier_id, amount, qty, due) values (10045, '1204.50', 2, '2024-06-30'), (10046, '99', 1, '2024-07-01')")

        stmt = functools.partial(blind.pg_statement, info)

        def connect(**kw: Any) -> Callable[[], None]:
            return lambda: psycopg2.connect(**{**info, **kw}).close()

        def dsn(text: str) -> Callable[[], None]:
            return lambda: psycopg2.connect(text).close()

        def closed_cursor(sql: str, fetch: bool = False) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**info)
                try:
                    with conn.cursor() as cur:
                        cur.execute("select 1")
                    if fetch:
                        cur.fetchall()
                    else:
                        cur.execute(sql)
                finally:
                    conn.close()

            return go

        cases: Cases = [
            ("psycopg2.smallint_out_of_range", "postgres.data", IDQ, None, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(supplier_id, amount, qty) values (%s, %s, %s)", (10045, "1204.50", 40000))),
                ("LOAD :: Postgres suppliers", stmt("update suppliers set payment_days = %s where id = %s", (99999, 10046))),
                ("LOAD :: Postgres staging", stmt("insert into invoices(supplier_id, qty) values (10046, %s)", (-70000,))),
            ]),
            ("psycopg2.invalid_connection_option", "postgres.connect", WE, None, [
                ("LOAD :: Postgres warehouse", dsn(f"host={info['host']} port=54o2 dbname=warehouse user=etl")),
                ("EXTRACT :: Postgres ERP replica", dsn(f"postgresql://erp_readonly@{info['host']}:{info['port']}/erp?connect_timeout=30s")),
                ("LOAD :: Postgres invoices", dsn(f"host={info['host']} port={info['port']} dbname=warehouse keepalives_idle=ten")),
            ]),
            ("psycopg2.cursor_already_closed", "postgres.client", WE, None, [
                ("LOAD :: Postgres invoices", closed_cursor("insert into invoices(supplier_id, amount) values (10045, '5')")),
                ("EXTRACT :: Postgres ERP replica", closed_cursor("", fetch=True)),
                ("LOAD :: Postgres suppliers", closed_cursor("update suppliers set name = 'Acme AS' where id = 10045")),
            ]),
            ("psycopg2.aggregate_function_argument_type", "postgres.sql", WE, IDQ, [
                ("TRANSFORM :: SQL invoices", stmt("select supplier_id, sum(amount) from invoices group by supplier_id")),
                ("TRANSFORM :: SQL report", stmt("select avg(amount) from invoices where due >= '2024-06-01'")),
                ("EXPORT :: CSV report", stmt("select supplier_id, round(sum(amount), 2) from invoices group by 1")),
            ]),
            ("psycopg2.limit_negative", "postgres.sql", WE, None, [
                ("EXTRACT :: Postgres ERP replica", stmt("select * from invoices order by id limit %s", (-1,))),
                ("TRANSFORM :: SQL report", stmt("select * from suppliers limit -50")),
                ("EXTRACT :: Postgres ERP replica", stmt("select * from invoices order by id limit %s offset %s", (-500, 1000))),
            ]),
            ("psycopg2.database_missing", "postgres.connect", TPS, WE, [
                ("LOAD :: Postgres warehouse", connect(dbname="warehouse_prod")),
                ("EXTRACT :: Postgres ERP replica", connect(dbname="erp_replica")),
                ("LOAD :: Postgres invoices", connect(dbname="ap_invoices_2024")),
            ]),
            ("psycopg2.role_not_permitted_login", "postgres.connect", TPS, WE, [
                ("EXTRACT :: Postgres ERP replica", connect(user="erp_readonly", password="x")),
                ("EXTRACT :: Postgres ERP replica", connect(user="svc_integration", password="x")),
                ("LOAD :: Postgres warehouse", connect(user="etl_writer", password="x")),
            ]),
            ("psycopg2.insert_more_expressions", "postgres.sql", WE, None, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(supplier_id, amount) values (%s, %s, %s)", (10045, "1204.50", "2024-06-30"))),
                ("LOAD :: Postgres suppliers", stmt("insert into suppliers(id, name) values (10047, '923456781', 'Fjord Bygg AS')")),
                ("LOAD :: Postgres staging", stmt("insert into invoices(supplier_id) select supplier_id, amount from invoices")),
            ]),
        ]
        add_cases(b, cases, version("psycopg2-binary"))

        admin.close()


# =========================================================================== Python internals


def python_blind16(b: Subset) -> None:
    import pandas as pd

    names = pd.read_csv(io.StringIO("id,name,comment\n10045,Acme AS ,\n10046, Nordic Parts AB,ok\n"))
    kid = re.compile(r"KID[: ]+(\d{6,25})")

    def match_group(text: str) -> Callable[[], object]:
        return lambda: kid.match(text).group(1)  # type: ignore[union-attr]

    src = cap.python_source()
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("python.float_has_no_attribute_strip", "python.attribute", WE, IDQ, [
            ("TRANSFORM :: Python suppliers", lambda: [c.strip() for c in names["comment"]]),
            ("READ :: CSV suppliers", lambda: names["comment"].map(lambda v: v.upper())),
            ("TRANSFORM :: Python invoices", lambda: [v.replace(",", ".") for v in pd.Series(["1204,50", float("nan")])]),
        ], f"{version('pandas')}; {src}"),
        ("python.none_not_iterable_membership", "python.type_error", WE, None, [
            ("EXTRACT :: Ivalua invoices", lambda: "approved" in {"status": None}["status"]),  # type: ignore[operator]
            ("TRANSFORM :: Python suppliers", lambda: "NO" in dict(country=None).get("country")),  # type: ignore[operator]
            ("SUBMIT :: Xledger AP invoices", lambda: "6300" in {"accounts": None}.get("accounts")),  # type: ignore[operator]
        ], src),
        ("python.str_has_no_attribute_strftime", "python.attribute", WE, None, [
            ("EXPORT :: SFTP payments", lambda: "2024-06-12".strftime("%Y%m%d")),  # type: ignore[attr-defined]
            ("SUBMIT :: Xledger vouchers", lambda: {"posted": "2024-06-12T08:15:00"}["posted"].strftime("%Y-%m-%d")),  # type: ignore[attr-defined]
            ("EXPORT :: CSV report", lambda: str(dt.date(2024, 6, 30)).isoformat()),  # type: ignore[attr-defined]
        ], src),
        ("python.regex_match_none_group", "python.attribute", WE, IDQ, [
            ("READ :: SFTP bank statements", match_group("Innbetaling 0012345678 Acme AS")),
            ("TRANSFORM :: Python payments", match_group("kid 0099887766")),
            ("READ :: CSV bank statements", match_group("Overføring NO9386011117947")),
        ], src),
        ("python.multiply_sequence_float", "python.type_error", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: "1204.50" * 1.25),  # type: ignore[operator]
            ("TRANSFORM :: Python FX revaluation", lambda: ["99.00"] * 11.49),  # type: ignore[operator]
            ("TRANSFORM :: Python spend cube", lambda: ("1204.50", "99.00") * 0.25),  # type: ignore[operator]
        ], src),
        ("python.decimal_float_operand", "python.type_error", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: decimal.Decimal("1204.50") * 0.25),
            ("TRANSFORM :: Python FX revaluation", lambda: decimal.Decimal("99.00") * 11.49),
            ("SUBMIT :: Xledger AP invoices", lambda: decimal.Decimal("1204.50") + 0.1),
        ], src),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== XML, encodings


def parsing_blind16(b: Subset) -> None:
    from lxml import etree

    xsd = etree.XMLSchema(etree.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        b'<xs:element name="Invoice"><xs:complexType><xs:sequence>'
        b'<xs:element name="SupplierOrgNo"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]{9}"/></xs:restriction></xs:simpleType></xs:element>'
        b'<xs:element name="Currency"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="NOK"/><xs:enumeration value="EUR"/><xs:enumeration value="SEK"/></xs:restriction></xs:simpleType></xs:element>'
        b'</xs:sequence></xs:complexType></xs:element></xs:schema>'
    ))

    def validate(org_no: str, currency: str) -> Callable[[], object]:
        return lambda: xsd.assertValid(etree.fromstring(f"<Invoice><SupplierOrgNo>{org_no}</SupplierOrgNo><Currency>{currency}</Currency></Invoice>".encode()))

    src = cap.python_source()
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("lxml.schema_facet_pattern", "xml.schema", IDQ, None, [
            ("EXTRACT :: EHF invoices", validate("98765432", "NOK")),
            ("READ :: SFTP invoices", validate("NO987654321MVA", "NOK")),
            ("EXTRACT :: EHF credit notes", validate("912 345 670", "EUR")),
        ], version("lxml")),
        ("lxml.schema_facet_enumeration", "xml.schema", IDQ, None, [
            ("EXTRACT :: EHF invoices", validate("987654321", "NKR")),
            ("READ :: SFTP invoices", validate("912345670", "DKK")),
            ("EXTRACT :: EHF credit notes", validate("923456781", "nok")),
        ], version("lxml")),
        ("xml.etree_unclosed_token", "xml.parse", IDQ, None, [
            ("READ :: SFTP bank statements", lambda: ET.fromstring('<Document><Stmt><Id>0612</Id><Ntry amount="1204.50')),
            ("EXTRACT :: EHF invoices", lambda: ET.fromstring("<Invoice><ID>77120</ID><!-- truncated")),
            ("READ :: FTP orders", lambda: ET.fromstring('<?xml version="1.0"?><Orders><Order no="PO-88213"')),
        ], src),
        ("unicode.utf16_illegal_surrogate", "unicode.decode", IDQ, None, [
            ("READ :: CSV suppliers", lambda: b"i\x00d\x00,\x00\x00\xdcA\x00".decode("utf-16-le")),
            ("READ :: SFTP bank statements", lambda: b"\xff\xfeK\x00I\x00D\x00\x00\xdc".decode("utf-16")),
            ("READ :: FTP invoices", lambda: ("faktura".encode("utf-16-be")[:6] + b"\xdc\x00" + b"\x00a").decode("utf-16-be")),
        ], src),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== workflow engine (modelled)


def engine_blind16(b: Subset) -> None:
    cases = [
        ("engine.workflow_import_error", "workflow.dag", WE, None, "WorkflowImportError", [
            ("EXTRACT :: Ivalua invoices", "Workflow file 'workflows/ap_invoices.py' failed to import: ModuleNotFoundError: No module named 'ivalua_client'. The workflow 'ap-invoices' is not scheduled until the file imports."),
            ("SUBMIT :: Xledger AP invoices", "Workflow file 'workflows/ap_posting.py' failed to import: ImportError: cannot import name 'VoucherBatch' from 'xledger.models'. The workflow 'ap-posting' is not scheduled until the file imports."),
            ("TRANSFORM :: SQL ledger", "Workflow file 'workflows/gl_ledger.py' failed to import: SyntaxError: unexpected indent (gl_ledger.py, line 48). The workflow 'gl-ledger' is not scheduled until the file imports."),
        ]),
        ("engine.platform_variable_missing", "workflow.config", WE, None, "VariableNotFound", [
            ("SUBMIT :: Xledger vouchers", "Platform variable 'xledger_entity_id' is not defined in environment 'prod'."),
            ("EXPORT :: SFTP payments", "Platform variable 'bank_sftp_outbox' is not defined in environment 'prod'."),
            ("EXTRACT :: Ivalua suppliers", "Platform variable 'ivalua_tenant' is not defined in environment 'prod-eu'."),
        ]),
        ("engine.backfill_run_limit", "workflow.scheduler", WE, None, "BackfillRejected", [
            ("EXTRACT :: Xledger GL transactions", "Backfill of workflow 'gl-ledger' for 2024-01-01..2024-06-12 rejected: 164 runs exceed the limit of 100 runs per backfill."),
            ("EXTRACT :: Ivalua invoices", "Backfill of workflow 'ap-invoices' for 2023-01-01..2024-06-12 rejected: 529 runs exceed the limit of 100 runs per backfill."),
            ("TRANSFORM :: SQL spend cube", "Backfill of workflow 'spend-cube' for 2024-03-01..2024-06-12 rejected: 104 runs exceed the limit of 100 runs per backfill."),
        ]),
        ("engine.task_log_size_limit", "workflow.worker", WE, None, "LogLimitExceeded", [
            ("TRANSFORM :: Python invoices", "Task log of run 88213 reached the limit of 100 MiB; the task was stopped to protect the log store."),
            ("EXTRACT :: Ivalua invoices", "Task log of run 88240 reached the limit of 100 MiB; the task was stopped to protect the log store."),
            ("LOAD :: Postgres invoices", "Task log of run 88301 reached the limit of 250 MiB; the task was stopped to protect the log store."),
        ]),
        ("engine.worker_clock_skew", "workflow.worker", WE, None, "LeaseRejectedError", [
            ("TRANSFORM :: SQL ledger", "Lease for task of run 88213 rejected: clock of worker etl-worker-4 is 312s ahead of the scheduler (tolerance 60s)."),
            ("EXTRACT :: Xledger invoices", "Lease for task of run 88240 rejected: clock of worker etl-worker-2 is 95s behind the scheduler (tolerance 60s)."),
            ("EXPORT :: SFTP payments", "Lease for task of run 88301 rejected: clock of worker etl-worker-7 is 1804s ahead of the scheduler (tolerance 60s)."),
        ]),
        ("engine.workspace_mount_failed", "workflow.storage", WE, None, "PodStartError", [
            ("TRANSFORM :: Python spend cube", "Pod etl-88213-spend-cube-k2l9m could not start: MountVolume.SetUp failed for volume \"workspace\" : rpc error: code = DeadlineExceeded desc = context deadline exceeded"),
            ("READ :: SFTP invoices", "Pod etl-88240-sftp-invoices-7xq2d could not start: MountVolume.SetUp failed for volume \"workspace\" : rpc error: code = Internal desc = mount failed: exit status 32"),
            ("LOAD :: DuckDB warehouse", "Pod etl-88301-warehouse-r8s4t could not start: MountVolume.SetUp failed for volume \"duckdb-data\" : rpc error: code = DeadlineExceeded desc = context deadline exceeded"),
        ]),
        ("engine.run_cancelled_by_user", "workflow.state", WE, None, "RunCancelled", [
            ("EXTRACT :: Xledger invoices", "Run 88213 was cancelled by user 'kari.nordmann@acme.no' at 2024-06-12 03:12:40 while task 'EXTRACT :: Xledger invoices' was running."),
            ("LOAD :: Postgres invoices", "Run 88240 was cancelled by user 'ola.hansen@acme.no' at 2024-06-12 04:02:11 while task 'LOAD :: Postgres invoices' was running."),
            ("EXPORT :: SFTP payments", "Run 88301 was cancelled by user 'ops-bot' at 2024-06-12 06:30:00 while task 'EXPORT :: SFTP payments' was running."),
        ]),
        ("engine.min_rows_policy", "workflow.quality", IDQ, TPS, "MinRowsPolicyError", [
            ("EXTRACT :: Ivalua invoices", "Output 'ivalua_invoices' of run 88213 has 0 rows; policy min_rows=1 failed for 2024-06-12."),
            ("EXTRACT :: Xledger GL transactions", "Output 'gl_transactions' of run 88240 has 12 rows; policy min_rows=500 failed for 2024-06-12."),
            ("READ :: SFTP bank statements", "Output 'bank_statement_lines' of run 88301 has 0 rows; policy min_rows=1 failed for 2024-06-12."),
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
            "duckdb": lambda: duckdb_blind16(b, tmp),
            "pandas": lambda: pandas_blind16(b, tmp),
            "pydantic": lambda: pydantic_blind16(b),
            "postgres": lambda: postgres_blind16(b),
            "python": lambda: python_blind16(b),
            "parsing": lambda: parsing_blind16(b),
            "engine": lambda: engine_blind16(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
