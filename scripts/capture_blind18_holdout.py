"""Capture the EIGHTEENTH blind holdout: everyday platform-side error templates new to the corpus, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind17.*``) have been seen while the rules were
revised. Every template here (template_id ``blind18.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind18``) is an honest figure again.
This round is weighted by production frequency and covers the data and platform side of an
ERP/procurement pipeline platform: the ordinary day-to-day failures (a user's SQL with a mistake,
a bad input row, a type conversion, a truncated or wrong file, a binder or catalog error, out of
memory, a lost worker, a timeout, a bug in platform code) in wordings the corpus lacks: other DuckDB
statements and functions, other pandas functions, pydantic through TypeAdapter and tuples,
Postgres (psycopg2) errors of other statements and settings, Python internal errors of platform
code, CSV/XML/JSON-schema parsing and validation, and the workflow engine (modelled). No HTTP, S3,
FTP, SOAP or vendor APIs in this round.
Each error is raised by the real library installed here (DuckDB without extension downloads,
Postgres as a throwaway cluster on 127.0.0.1); workflow-engine messages are modelled on realistic
phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind18_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind18.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages are kept verbatim on one line

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import decimal
import functools
import gzip
import io
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
PREFIX = "blind18."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
Cases = blind9.Cases
many = blind.many
add, add_cases, call = blind9.add, blind9.add_cases, blind9.call


# =========================================================================== DuckDB


def duckdb_blind18(b: Subset, tmp: Path) -> None:
    run = blind.offline_duckdb_query

    ledger = (
        "create table ledger(id integer primary key, account varchar not null, amount decimal(12,2), "
        "posted date, currency varchar, supplier integer);insert into ledger values "
        "(1, '6300', 100, '2024-06-01', 'NOK', 10045), (2, '2400', 250, '2024-06-02', 'EUR', 10046);"
        "create table suppliers(id integer, org_no varchar, name varchar);"
        "create view v_open_items as select * from ledger"
    )
    for folder in ("exports/ledger_2024-06", "out/spend_cube", "exports/suppliers"):
        (tmp / folder).mkdir(parents=True, exist_ok=True)
    (tmp / "in").mkdir(exist_ok=True)
    for name, rows in (("invoices_20240612.csv.gz", 6000), ("orders_0612.csv.gz", 8000), ("camt_lines_0612.csv.gz", 7000)):
        data = gzip.compress(b"invoice_no;supplier;amount\n" + b"INV-2024-0612;10045;1204.50\n" * rows)
        (tmp / "in" / name).write_bytes(data[: len(data) // 2])

    def low_memory(sql: str) -> Callable[[], Any]:
        return run(sql, "set threads=4;set temp_directory='';set memory_limit='4MB'")

    cases: Cases = [
        ("duckdb.binder.window_function_without_over", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL ledger", run("select row_number(), account, amount from ledger", ledger)),
            ("TRANSFORM :: SQL supplier ranking", run("select supplier, rank() from ledger", ledger)),
            ("TRANSFORM :: SQL invoices", run("select id, lag(amount) as prev_amount from ledger", ledger)),
        ]),
        ("duckdb.binder.column_alias_count", "duckdb.binder", WE, None, [
            ("TRANSFORM :: SQL ledger", run("select * from (select account, sum(amount) from ledger group by account) t(account, total, currency)", ledger)),
            ("TRANSFORM :: SQL spend cube", run("select * from (select supplier from ledger) s(supplier, name)", ledger)),
            ("TRANSFORM :: SQL FX rates", run("select * from (values ('NOK', 1.0)) fx(currency, rate, valid_from)", "")),
        ]),
        ("duckdb.catalog.drop_wrong_object_type", "duckdb.catalog", WE, None, [
            ("TRANSFORM :: SQL ledger", run("drop view ledger", ledger)),
            ("LOAD :: DuckDB warehouse", run("drop table v_open_items", ledger)),
            ("TRANSFORM :: SQL suppliers", run("drop view suppliers", ledger)),
        ]),
        ("duckdb.catalog.index_already_exists", "duckdb.catalog", WE, None, [
            ("LOAD :: DuckDB warehouse", run("create index ix_ledger_account on ledger(account)", ledger + ";create index ix_ledger_account on ledger(account)")),
            ("TRANSFORM :: SQL suppliers", run("create index ix_suppliers_org on suppliers(org_no)", ledger + ";create index ix_suppliers_org on suppliers(name)")),
            ("LOAD :: DuckDB invoices", run("create unique index ux_ledger_id on ledger(id)", ledger + ";create index ux_ledger_id on ledger(supplier)")),
        ]),
        ("duckdb.not_implemented.copy_option_unrecognized", "duckdb.not_implemented", WE, None, [
            ("EXPORT :: CSV ledger", run("copy ledger to 'ledger_20240612.csv' (fromat csv, header)", ledger)),
            ("EXPORT :: CSV to SFTP", run("copy suppliers to 'suppliers_20240612.csv' (header true, seperator ';')", ledger)),
            ("WRITE :: CSV export", run("copy ledger to 'ledger_0612.csv' (delimiter ';', headers true)", ledger)),
        ]),
        ("duckdb.io.copy_target_is_directory", "duckdb.io", WE, None, [
            ("EXPORT :: CSV ledger", run("copy ledger to 'exports/ledger_2024-06' (format csv)", ledger)),
            ("EXPORT :: Parquet spend cube", run("copy ledger to 'out/spend_cube' (format parquet)", ledger)),
            ("EXPORT :: CSV suppliers", run("copy suppliers to 'exports/suppliers' (header, delimiter ';')", ledger)),
        ]),
        ("duckdb.io.gzip_stream_truncated", "duckdb.io", IDQ, TPS, [
            ("READ :: SFTP invoices", run("select * from read_csv('in/invoices_20240612.csv.gz')")),
            ("READ :: S3 orders", run("select count(*) from read_csv('in/orders_0612.csv.gz', delim=';')")),
            ("READ :: FTP bank statements", run("select * from read_csv('in/camt_lines_0612.csv.gz', header=true)")),
        ]),
        ("duckdb.oom.could_not_allocate_block", "duckdb.oom", WE, None, [
            ("TRANSFORM :: SQL ledger", low_memory("select * from range(2000000) t(id) order by random()")),
            ("TRANSFORM :: SQL spend cube", low_memory("select id, md5(id::varchar) as h from range(1000000) t(id) order by h desc")),
            ("LOAD :: DuckDB warehouse", low_memory("select md5(id::varchar) as h from range(1500000) t(id) order by h")),
        ]),
        ("duckdb.invalid_input.csv_skip_rows_negative", "duckdb.invalid_input", WE, IDQ, [
            ("READ :: SFTP invoices", run("select * from read_csv('in/invoices.csv', skip=-1)")),
            ("READ :: CSV bank statements", run("select * from read_csv('in/camt_0612.csv', delim=';', skip=-2)")),
            ("EXTRACT :: CSV suppliers", run("select * from read_csv_auto('in/suppliers.csv', skip=-1, header=true)")),
        ]),
    ]
    (tmp / "in" / "invoices.csv").write_text("invoice_no;amount\nINV-1;10\n")
    (tmp / "in" / "camt_0612.csv").write_text("ref;amount\nA;10\n")
    (tmp / "in" / "suppliers.csv").write_text("id;name\n1;Acme AS\n")
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_blind18(b: Subset, tmp: Path) -> None:
    import pandas as pd

    inv = pd.DataFrame({"invoice_no": ["INV-2024-0612", "INV-2024-0613"], "amount": [1204.5, 99.0], "supplier": [10045, 10046], "account": ["6300", "6310"]})
    sup = pd.DataFrame({"supplier": [10045, 10046], "name": ["Acme AS", "Fjord Bygg AS"]})

    def dates(values: list[str], fmt: str) -> Callable[[], object]:
        return lambda: pd.to_datetime(pd.Series(values), format=fmt)

    cases: Cases = [
        ("pandas.dataframe_columns_passed_mismatch", "pandas.value_error", WE, IDQ, [
            ("EXTRACT :: Ivalua invoices", lambda: pd.DataFrame([("INV-2024-0612", 1204.5, "NOK")], columns=["invoice_no", "amount"])),
            ("EXTRACT :: Xledger suppliers", lambda: pd.DataFrame.from_records([(10045, "Acme AS", "987654321", "NO")], columns=["supplier", "name", "org_no"])),
            ("READ :: FTP bank statements", lambda: pd.DataFrame([("2024-06-12", "KID 123", 1204.5, "C", "NOTPROVIDED")], columns=["date", "ref", "amount", "dc"])),
        ]),
        ("pandas.to_datetime_unconverted_data", "pandas.value_error", IDQ, None, [
            ("TRANSFORM :: Python invoices", dates(["2024-06-12", "2024-06-12T08:15:00"], "%Y-%m-%d")),
            ("EXTRACT :: REST orders", dates(["12.06.2024", "13.06.2024 kl 08"], "%d.%m.%Y")),
            ("READ :: CSV bank statements", dates(["20240612", "20240613 0915"], "%Y%m%d")),
        ]),
        ("pandas.to_datetime_day_out_of_range_hint", "pandas.value_error", IDQ, None, [
            ("TRANSFORM :: Python invoices", dates(["12.06.2024", "31.06.2024"], "%d.%m.%Y")),
            ("EXTRACT :: Ivalua contracts", dates(["2024-02-28", "2024-02-30"], "%Y-%m-%d")),
            ("READ :: Excel budget", dates(["31/04/2024"], "%d/%m/%Y")),
        ]),
        ("pandas.merge_invalid_how", "pandas.value_error", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv.merge(sup, on="supplier", how="outter")),
            ("TRANSFORM :: Python spend cube", lambda: inv.merge(sup, on="supplier", how="left_outer")),
            ("TRANSFORM :: Python supplier match", lambda: pd.merge(inv, sup, on="supplier", how="full")),
        ]),
        ("pandas.groupby_invalid_function_name", "pandas.attribute_error", WE, None, [
            ("TRANSFORM :: Python spend cube", lambda: inv.pivot_table(values="amount", index="supplier", aggfunc="summ")),
            ("TRANSFORM :: Python ledger", lambda: inv.groupby("account").agg("average")),
            ("TRANSFORM :: Python budget", lambda: inv.pivot_table(values="amount", index="account", aggfunc="total")),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== pydantic


def pydantic_blind18(b: Subset) -> None:
    import pydantic

    class InvoiceLine(pydantic.BaseModel):
        invoice_no: str
        amount: float

    lines = pydantic.TypeAdapter(list[InvoiceLine])
    period = pydantic.TypeAdapter(tuple[int, int])

    cases: Cases = [
        ("pydantic.type_adapter_list_model_type", "pydantic.validation", TPS, IDQ, [
            ("EXTRACT :: Ivalua invoices", lambda: lines.validate_python(["INV-2024-0612", "INV-2024-0613"])),
            ("EXTRACT :: REST orders", lambda: lines.validate_python([{"invoice_no": "PO-88240", "amount": 10}, None])),
            ("EXTRACT :: Xledger invoices", lambda: lines.validate_python([[44660227, "INV-77120"]])),
        ]),
        ("pydantic.type_adapter_list_item_float", "pydantic.validation", IDQ, None, [
            ("READ :: JSON invoices", lambda: lines.validate_python([{"invoice_no": "INV-2024-0612", "amount": 1204.5}, {"invoice_no": "INV-2024-0613", "amount": "1 204,50"}])),
            ("EXTRACT :: Ivalua invoices", lambda: lines.validate_python([{"invoice_no": "INV-1", "amount": "n/a"}])),
            ("SUBMIT :: Xledger AP invoices", lambda: lines.validate_python([{"invoice_no": "77120", "amount": 1}, {"invoice_no": "77121", "amount": 2}, {"invoice_no": "77122", "amount": "NOK 99"}])),
        ]),
        ("pydantic.tuple_item_missing", "pydantic.validation", IDQ, WE, [
            ("TRANSFORM :: Python budget", lambda: period.validate_python([2024])),
            ("EXTRACT :: Xledger GL transactions", lambda: period.validate_python(["2024"])),
            ("TRANSFORM :: Python FX revaluation", lambda: period.validate_python([])),
        ]),
    ]
    add_cases(b, cases, version("pydantic"))


# =========================================================================== Postgres


def postgres_blind18(b: Subset) -> None:
    import psycopg2

    with blind.postgres_or_missed(b, "blind18") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table invoices(id int primary key, supplier_id int, amount numeric(12,2), due date)")
            cur.execute("create table suppliers(id int primary key, org_no text, name text)")

        stmt = functools.partial(blind.pg_statement, info)

        def copy(table: str, data: str) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**info)
                try:
                    with conn.cursor() as cur:
                        cur.copy_expert(f"copy {table} from stdin with (format csv, header true)", io.StringIO(data))
                finally:
                    conn.close()

            return go

        def login(user: str) -> Callable[[], None]:
            return lambda: psycopg2.connect(**{**info, "user": user}).close()

        cases: Cases = [
            ("psycopg2.value_out_of_range_for_type", "postgres.data", IDQ, None, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(id, supplier_id) values (1, %s)", ("99999999999",))),
                ("LOAD :: Postgres staging", stmt("insert into invoices(id) values (%s)", ("2024061200001",))),
                ("TRANSFORM :: SQL invoices", stmt("select * from invoices where supplier_id = %s", ("987654321012",))),
            ]),
            ("psycopg2.copy_numeric_syntax", "postgres.data", IDQ, None, [
                ("LOAD :: Postgres invoices", copy("invoices(id, supplier_id, amount, due)", 'id,supplier_id,amount,due\n1,10045,"1 204,50",2024-06-30\n')),
                ("LOAD :: Postgres staging", copy("invoices(id, amount)", "id,amount\n1,10.00\n2,12.5 NOK\n")),
                ("LOAD :: Postgres invoices", copy("invoices(id, supplier_id, amount)", "id,supplier_id,amount\n7,10046,n/a\n")),
            ]),
            ("psycopg2.insert_column_of_relation_missing", "postgres.sql", WE, IDQ, [
                ("LOAD :: Postgres invoices", stmt("insert into invoices(id, supplier_id, vat_code) values (1, 10045, '25')")),
                ("LOAD :: Postgres suppliers", stmt("insert into suppliers(id, orgnr, name) values (10045, '987654321', 'Acme AS')")),
                ("LOAD :: Postgres staging", stmt("update invoices set due_date = '2024-06-30' where id = 1")),
            ]),
            ("psycopg2.no_password_supplied", "postgres.connection", WE, TPS, [
                ("LOAD :: Postgres invoices", login("etl_loader")),
                ("EXTRACT :: Postgres ERP orders", login("erp_readonly_svc")),
                ("TRANSFORM :: SQL report", login("reporting")),
            ]),
        ]
        add_cases(b, cases, version("psycopg2-binary"))
        admin.close()


# =========================================================================== Python internals of platform code


class ConnectorSettings:
    """Stands in for a platform settings object with a read-only property."""

    def __init__(self, entity: int) -> None:
        self._entity = entity

    @property
    def entity(self) -> int:
        return self._entity


def _set_attr(obj: object, name: str, value: object) -> Callable[[], None]:
    return lambda: setattr(obj, name, value)


def post_voucher(entity: int, voucher: dict[str, Any]) -> None:
    """Stands in for a platform helper taking two positional arguments."""


def python_blind18(b: Subset) -> None:
    settings = ConnectorSettings(44660227)
    mail = "Invoice {invoice_no} from {supplier_name} is due {due:%d.%m.%Y}"
    cases: Cases = [
        ("python.decimal_from_none", "python.type", WE, IDQ, [
            ("TRANSFORM :: Python amounts", call(decimal.Decimal, None)),
            ("SUBMIT :: Xledger AP invoices", call(decimal.Decimal, None)),
            ("TRANSFORM :: Python FX revaluation", call(decimal.Decimal, None)),
        ]),
        ("python.string_index_out_of_range", "python.index", WE, None, [
            ("TRANSFORM :: Python suppliers", lambda: "NO"[2]),
            ("READ :: FTP bank statements", lambda: ":61:"[7]),
            ("TRANSFORM :: Python KID check", lambda: ""[0]),
        ]),
        ("python.too_many_positional_arguments", "python.type", WE, None, [
            ("SUBMIT :: Xledger vouchers", lambda: post_voucher(44660227, {"amount": 10}, True)),  # type: ignore[call-arg]
            ("EXPORT :: Xledger vouchers", lambda: post_voucher(12093311, {}, "NOK", 1)),  # type: ignore[call-arg]
            ("SUBMIT :: Xledger AP invoices", lambda: post_voucher(44660227, {"amount": 5}, None)),  # type: ignore[call-arg]
        ]),
        ("python.property_has_no_setter", "python.attribute", WE, None, [
            ("EXTRACT :: Xledger invoices", _set_attr(settings, "entity", 12093311)),
            ("SUBMIT :: Xledger AP invoices", _set_attr(settings, "entity", 44660227)),
            ("EXTRACT :: Xledger GL transactions", _set_attr(settings, "entity", 0)),
        ]),
        ("python.fromisoformat_argument_type", "python.type", WE, IDQ, [
            ("TRANSFORM :: Python invoices", call(dt.date.fromisoformat, None)),
            ("EXTRACT :: REST orders", call(dt.datetime.fromisoformat, 1718172000)),
            ("TRANSFORM :: Python payment terms", call(dt.date.fromisoformat, 20240612)),
        ]),
        ("python.format_placeholder_key", "python.key_error", WE, None, [
            ("NOTIFY :: Email reminders", lambda: mail.format(invoice_no="INV-2024-0612", due=dt.date(2024, 6, 30))),
            ("NOTIFY :: Teams alerts", lambda: "Run {run_id} of {workflow} failed: {error}".format(run_id=88213, error="timeout")),  # noqa: F524 - the missing placeholder is the error
            ("EXPORT :: Email report", lambda: "{tenant}/{period}/ap_ageing.csv".format(period="2024-06")),  # noqa: F524
        ]),
        ("python.timedelta_int_too_large", "python.overflow", IDQ, WE, [
            ("TRANSFORM :: Python payment terms", call(dt.timedelta, days=99999999999)),
            ("EXTRACT :: Ivalua contracts", call(dt.timedelta, days=10**10)),
            ("TRANSFORM :: Python due dates", call(dt.timedelta, seconds=10**20)),
        ]),
    ]
    add_cases(b, cases, cap.python_source())


# =========================================================================== CSV, XML, JSON schema


def parsing_blind18(b: Subset) -> None:
    import jsonschema
    from lxml import etree

    def xsd(doc: bytes, schema: bytes) -> Callable[[], object]:
        return lambda: etree.XMLSchema(etree.fromstring(schema)).assertValid(etree.fromstring(doc))

    invoice_xsd = b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Invoice"><xs:complexType><xs:sequence><xs:element name="ID" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>'
    camt_xsd = b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Document"><xs:complexType><xs:sequence><xs:element name="BkToCstmrStmt" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>'

    def schema(doc: Any, sch: dict[str, Any]) -> Callable[[], object]:
        return lambda: jsonschema.validate(doc, sch)

    unique_lines = {"type": "object", "properties": {"invoiceNumbers": {"type": "array", "uniqueItems": True}}}
    minimum = {"type": "object", "properties": {"quantity": {"type": "number", "minimum": 0}}}
    max_len = {"type": "object", "properties": {"reference": {"type": "string", "maxLength": 20}}}

    def reader(text: str, **kw: Any) -> Callable[[], object]:
        return lambda: list(csv.reader(io.StringIO(text), **kw))

    def writer(**kw: Any) -> Callable[[], object]:
        return lambda: csv.writer(io.StringIO(), **kw).writerow(["INV-2024-0612", "1204.50"])

    js, lx = version("jsonschema"), version("lxml")
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("lxml.schema_no_matching_global_declaration", "parsing.xml", IDQ, WE, [
            ("EXTRACT :: EHF invoices", xsd(b"<CreditNote><ID>CN-0099</ID></CreditNote>", invoice_xsd)),
            ("READ :: FTP bank statements", xsd(b"<Document2><Stmt/></Document2>", camt_xsd)),
            ("SUBMIT :: Peppol invoices", xsd(b"<OrderResponse><ID>PO-88240</ID></OrderResponse>", invoice_xsd)),
        ], lx),
        ("csv.unknown_dialect", "csv.error", WE, None, [
            ("READ :: CSV bank statements", reader("a;b\n", dialect="excel-semicolon")),
            ("EXPORT :: CSV to SFTP", lambda: csv.writer(io.StringIO(), dialect="nordic")),
            ("READ :: SFTP invoices", reader("a|b\n", dialect="pipe")),
        ], cap.python_source()),
        ("csv.quotechar_must_be_set", "csv.error", WE, None, [
            ("EXPORT :: CSV to SFTP", writer(quoting=csv.QUOTE_ALL, quotechar=None)),
            ("WRITE :: CSV export", writer(quoting=csv.QUOTE_NONNUMERIC, quotechar=None, delimiter=";")),
            ("EXPORT :: CSV ledger", writer(quoting=csv.QUOTE_MINIMAL, quotechar=None)),
        ], cap.python_source()),
        ("jsonschema.unique_items", "jsonschema.validation", IDQ, None, [
            ("SUBMIT :: Ivalua invoices", schema({"invoiceNumbers": ["INV-2024-0612", "INV-2024-0612"]}, unique_lines)),
            ("READ :: JSON orders", schema({"invoiceNumbers": ["PO-88240", "PO-88241", "PO-88240"]}, unique_lines)),
            ("SUBMIT :: Peppol invoices", schema({"invoiceNumbers": ["77120", "77120"]}, unique_lines)),
        ], js),
        ("jsonschema.minimum", "jsonschema.validation", IDQ, None, [
            ("SUBMIT :: Ivalua receipts", schema({"quantity": -2}, minimum)),
            ("READ :: JSON orders", schema({"quantity": -1}, minimum)),
            ("EXTRACT :: REST orders", schema({"quantity": -0.5}, minimum)),
        ], js),
        ("jsonschema.max_length", "jsonschema.validation", IDQ, None, [
            ("EXPORT :: Bank payments", schema({"reference": "Faktura INV-2024-0612 og INV-2024-0613"}, max_len)),
            ("SUBMIT :: Ivalua invoices", schema({"reference": "PO-88240/PO-88241/PO-88242"}, max_len)),
            ("READ :: JSON orders", schema({"reference": "Leverandør Fjord Bygg AS"}, max_len)),
        ], js),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== workflow engine (modelled)


def engine_blind18(b: Subset) -> None:
    cases = [
        ("engine.start_to_close_timeout", "workflow.timeout", WE, TPS, "ActivityTimeoutError", [
            ("EXTRACT :: Xledger invoices", "activity StartToClose timeout (activityType=ExtractXledgerInvoices, attempt=3, startToCloseTimeout=30m0s)"),
            ("TRANSFORM :: SQL ledger", "activity StartToClose timeout (activityType=RunSqlTransformation, attempt=1, startToCloseTimeout=1h0m0s)"),
            ("LOAD :: Postgres invoices", "activity StartToClose timeout (activityType=LoadPostgresTable, attempt=2, startToCloseTimeout=20m0s)"),
        ]),
        ("engine.schedule_to_start_timeout", "workflow.queue", WE, None, "ActivityTimeoutError", [
            ("EXTRACT :: Ivalua invoices", "Task waited 30m0s in queue 'vendor-io' without being picked up by a worker (schedule-to-start timeout 30m); marked as failed."),
            ("TRANSFORM :: Python spend cube", "Task waited 15m0s in queue 'python-large' without being picked up by a worker (schedule-to-start timeout 15m); marked as failed."),
            ("EXPORT :: CSV to SFTP", "Task waited 10m0s in queue 'default' without being picked up by a worker (schedule-to-start timeout 10m); marked as failed."),
        ]),
        ("engine.scheduler_run_lock_timeout", "workflow.scheduler", WE, None, "SchedulerLockError", [
            ("TRANSFORM :: SQL ledger", "Scheduler could not acquire the run lock for workflow 'gl-ledger' within 60 s (held by scheduler-1 since 02:59:58); run deferred."),
            ("EXTRACT :: Xledger invoices", "Scheduler could not acquire the run lock for workflow 'ap-invoices' within 60 s (held by scheduler-0 since 03:00:01); run deferred."),
            ("LOAD :: Postgres invoices", "Scheduler could not acquire the run lock for workflow 'dw-load' within 120 s (held by scheduler-2 since 04:14:37); run deferred."),
        ]),
        ("engine.upstream_failed_trigger_rule", "workflow.dag", WE, None, "UpstreamFailedError", [
            ("LOAD :: Postgres invoices", "Activity not run: upstream activity 'TRANSFORM :: SQL invoices' ended in state failed (trigger rule all_success)."),
            ("EXPORT :: CSV to SFTP", "Activity not run: upstream activity 'TRANSFORM :: SQL remittance' ended in state upstream_failed (trigger rule all_success)."),
            ("SUBMIT :: Xledger AP invoices", "Activity not run: upstream activity 'EXTRACT :: Ivalua invoices' ended in state failed (trigger rule all_done_min_one_success)."),
        ]),
        ("engine.dag_dependency_not_defined", "workflow.dag", WE, None, "WorkflowDefinitionError", [
            ("LOAD :: Postgres invoices", "Workflow 'ap-invoices' is invalid: activity 'LOAD :: Postgres invoices' depends on 'TRANSFORM :: SQL invoice', which is not defined."),
            ("EXPORT :: SFTP payments", "Workflow 'remittance' is invalid: activity 'EXPORT :: SFTP payments' depends on 'TRANSFORM :: Python payments v2', which is not defined."),
            ("TRANSFORM :: SQL ledger", "Workflow 'gl-ledger' is invalid: activity 'TRANSFORM :: SQL ledger' depends on 'EXTRACT :: Xledger GL', which is not defined."),
        ]),
        ("engine.worker_lost_exit_code", "workflow.worker", WE, None, "WorkerLostError", [
            ("TRANSFORM :: Python spend cube", "Worker lost: the executor process exited with code -9 (SIGKILL) after 14m02s; no result was reported (attempt 1 of 3)."),
            ("TRANSFORM :: SQL ledger", "Worker lost: the executor process exited with code 137 after 41m17s; no result was reported (attempt 2 of 3)."),
            ("EXTRACT :: Xledger GL transactions", "Worker lost: the executor process exited with code -11 (SIGSEGV) after 2m45s; no result was reported (attempt 1 of 3)."),
        ]),
        ("engine.retry_deadline_reached", "workflow.retry", TPS, WE, "RetryDeadlineError", [
            ("EXTRACT :: Xledger invoices", "Giving up after attempt 4: the next retry (backoff 600 s) would start after the run deadline 06:00:00; last error was a connection timeout."),
            ("SUBMIT :: Ivalua invoices", "Giving up after attempt 3: the next retry (backoff 900 s) would start after the run deadline 07:30:00; last error was HTTP 503."),
            ("EXPORT :: SFTP payments", "Giving up after attempt 5: the next retry (backoff 300 s) would start after the run deadline 05:45:00; last error was a connection reset."),
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
            "duckdb": lambda: duckdb_blind18(b, tmp),
            "pandas": lambda: pandas_blind18(b, tmp),
            "pydantic": lambda: pydantic_blind18(b),
            "postgres": lambda: postgres_blind18(b),
            "python": lambda: python_blind18(b),
            "parsing": lambda: parsing_blind18(b),
            "engine": lambda: engine_blind18(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
