"""Capture the TWENTIETH blind holdout: the platform's own libraries in less common features, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind19.*``) have been seen while the rules were
revised. Every template here (template_id ``blind20.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind20``) is an honest figure again.
This round covers the platform's own libraries, in the less common features that still fail in
production: DuckDB ATTACH/DETACH, sequences, window frames, PIVOT, COPY and reader options,
malformed Parquet/JSON input and transaction conflicts between parallel loads; pandas date parsing,
merges, pivot tables and reader options; pydantic types not yet in the corpus; Postgres (psycopg2
and SQLAlchemy) COPY header matching, settings, ranges, pooled prepared statements and sessions
after a failed flush; Python internals (pickling for worker processes, asyncio task groups); stdlib
archive and compression checks (zipfile, tarfile filters, gzip), YAML, JSON Schema references and
XML schema attributes; and the workflow engine (modelled). No HTTP, S3, FTP, SOAP or vendor APIs.
Labels follow who must act: a user's SQL in a ``TRANSFORM :: SQL`` step is the user's content
(INPUT_DATA_QUALITY, with WORKFLOW_ENGINE as the alternative), SQL and options the platform generates
for its READ/LOAD/EXPORT steps are the platform's (WORKFLOW_ENGINE).
Each error is raised by the real library installed here (DuckDB without extension downloads,
Postgres as a throwaway cluster on 127.0.0.1); workflow-engine messages are modelled on realistic
phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind20_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind20.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages are kept verbatim on one line

from __future__ import annotations

import asyncio
import contextlib
import decimal
import gzip
import io
import pickle
import sys
import tarfile
import zipfile
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
PREFIX = "blind20."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
Cases = blind9.Cases
many = blind.many
add_cases, call = blind9.add_cases, blind9.call


# =========================================================================== DuckDB


def _duckdb_parallel(setup: str, first: str, second: str) -> Callable[[], None]:
    """A trigger: two transactions on one in-memory database (as two parallel loads of the
    platform would open them): `first` runs in transaction 1, then `second` runs and commits in
    transaction 2, then transaction 1 commits."""

    def go() -> None:
        import duckdb

        db = duckdb.connect(config=blind.OFFLINE_DUCKDB)
        try:
            for stmt in filter(None, setup.split(";")):
                db.execute(stmt)
            one, two = db.cursor(), db.cursor()
            one.execute("begin")
            two.execute("begin")
            one.execute(first)
            two.execute(second)
            two.execute("commit")
            one.execute("commit")
        finally:
            db.close()

    return go


def _duckdb_file(path: str, sql: str) -> Callable[[], None]:
    """A trigger: `sql` on a connection whose default database is the file `path`."""

    def go() -> None:
        import duckdb

        con = duckdb.connect(path, config=blind.OFFLINE_DUCKDB)
        try:
            con.execute(sql)
        finally:
            con.close()

    return go


def duckdb_blind20(b: Subset, tmp: Path) -> None:
    run = blind.offline_duckdb_query

    ledger = (
        "create table ledger(id integer primary key, account varchar not null, amount decimal(12,2), "
        "posted date, currency varchar, supplier integer);insert into ledger values "
        "(1, '6300', 100, '2024-06-01', 'NOK', 10045), (2, '2400', 250, '2024-06-02', 'EUR', 10046), "
        "(3, '6300', 75, '2024-06-03', 'SEK', 10045)"
    )
    (tmp / "in").mkdir(exist_ok=True)
    (tmp / "in" / "orders_0612.json").write_text('["PO-88240", "PO-88241", "PO-88242"]')
    (tmp / "in" / "suppliers_0612.json").write_text("[10045, 10046]")
    (tmp / "in" / "receipts_0612.json").write_text('[["GR-1", 2], ["GR-2", 5]]')
    for name, size in (("invoices_0612.parquet", 4096), ("orders_0612.parquet", 900), ("ledger_2024-06.parquet", 65536)):
        (tmp / "in" / name).write_bytes(b"PAR1" + bytes(range(256)) * (size // 256) + b"PAR1")
    (tmp / "in" / "camt053_0612.csv").write_text("filename;booking_date;amount\ncamt053_0612.xml;2024-06-12;1204.50\n")
    (tmp / "in" / "remittance_0612.csv").write_text("line;filename;kid\n1;pain002_0612.xml;00123456789\n")
    (tmp / "in" / "attachments_0612.csv").write_text("invoice_no;filename;size\nINV-2024-0612;INV-2024-0612.pdf;48211\n")
    (tmp / "in" / "invoices_0612.csv").write_text("invoice_no;amount;currency\nINV-2024-0612;1204,50;NOK\n")
    for name in ("wh_tenant_44660227.duckdb", "ledger_mart.duckdb", "spend_cube.duckdb"):
        with contextlib.suppress(FileNotFoundError):
            (tmp / name).unlink()

    cases: Cases = [
        ("duckdb.binder.detach_database_not_found", "duckdb.binder", WE, None, [
            ("LOAD :: DuckDB warehouse", run("detach wh", ledger)),
            ("EXPORT :: DuckDB snapshot", run("detach snapshot_20240612", ledger)),
            ("LOAD :: DuckDB staging", run("detach database erp_stage", ledger)),
        ]),
        ("duckdb.binder.detach_default_database", "duckdb.binder", WE, None, [
            ("LOAD :: DuckDB warehouse", _duckdb_file("wh_tenant_44660227.duckdb", "detach wh_tenant_44660227")),
            ("TRANSFORM :: SQL ledger", _duckdb_file("ledger_mart.duckdb", "detach ledger_mart")),
            ("EXPORT :: DuckDB snapshot", _duckdb_file("spend_cube.duckdb", "detach database spend_cube")),
        ]),
        ("duckdb.binder.range_frame_multiple_order_by", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL ledger", run("select id, sum(amount) over (order by posted, id range between 1 preceding and current row) as running from ledger", ledger)),
            ("TRANSFORM :: SQL rolling spend", run("select supplier, avg(amount) over (partition by supplier order by posted, account range between interval 30 days preceding and current row) from ledger", ledger)),
            ("TRANSFORM :: SQL FX averages", run("select currency, avg(amount) over (order by currency, posted range between unbounded preceding and 1 following) from ledger", ledger)),
        ]),
        ("duckdb.binder.pivot_in_value_repeated", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL spend cube", run("pivot ledger on currency in ('NOK', 'EUR', 'NOK') using sum(amount) group by supplier", ledger)),
            ("TRANSFORM :: SQL ledger", run("pivot ledger on account in ('6300', '2400', '6300') using sum(amount)", ledger)),
            ("TRANSFORM :: SQL budget", run("pivot (select month(posted) as m, amount, supplier from ledger) on m in (1, 2, 3, 3) using sum(amount) group by supplier", ledger)),
        ]),
        ("duckdb.sequence.currval_before_nextval", "duckdb.sequence", WE, None, [
            ("LOAD :: DuckDB vouchers", run("select currval('seq_voucher_no')", ledger + ";create sequence seq_voucher_no start 88000")),
            ("LOAD :: DuckDB warehouse", run("insert into ledger(id, account, amount) values (currval('seq_ledger_id'), '6300', 10)", ledger + ";create sequence seq_ledger_id start 100")),
            ("EXPORT :: Xledger vouchers", run("select currval('seq_batch_id') as batch_id", "create sequence seq_batch_id")),
        ]),
        ("duckdb.binder.parquet_compression_codec", "duckdb.binder", WE, None, [
            ("EXPORT :: Parquet spend cube", run("copy ledger to 'spend_cube_0612.parquet' (format parquet, compression 'lzo')", ledger)),
            ("EXPORT :: Parquet ledger", run("copy (select * from ledger) to 'ledger_2024-06.parquet' (format parquet, compression 'deflate')", ledger)),
            ("WRITE :: Parquet archive", run("copy ledger to 'archive_0612.parquet' (format parquet, codec 'zstd', compression 'bz2')", ledger)),
        ]),
        ("duckdb.binder.read_json_records_expected", "duckdb.binder", IDQ, WE, [
            ("READ :: JSON orders", run("select * from read_json('in/orders_0612.json', records=true)")),
            ("READ :: JSON suppliers", run("select * from read_json('in/suppliers_0612.json', format='array', records=true)")),
            ("EXTRACT :: REST goods receipts", run("select * from read_json('in/receipts_0612.json', records='true')")),
        ]),
        ("duckdb.binder.csv_option_overlap", "duckdb.binder", WE, None, [
            ("READ :: CSV bank statements", run("select * from read_csv('in/invoices_0612.csv', delim=';', nullstr=['', ';'])")),
            ("READ :: SFTP invoices", run("select * from read_csv('in/invoices_0612.csv', delim=';', decimal_separator=',', thousands=',')")),
            ("EXTRACT :: CSV suppliers", run("select * from read_csv('in/invoices_0612.csv', delim=';', comment=';')")),
        ]),
        ("duckdb.binder.read_csv_filename_column_clash", "duckdb.binder", WE, IDQ, [
            ("READ :: SFTP bank statements", run("select * from read_csv('in/camt053_0612.csv', delim=';', filename=true)")),
            ("READ :: SFTP remittance", run("select * from read_csv('in/remittance_0612.csv', delim=';', header=true, filename=true)")),
            ("READ :: S3 invoice attachments", run("select * from read_csv(['in/attachments_0612.csv'], delim=';', filename=true, union_by_name=true)")),
        ]),
        ("duckdb.error.parquet_footer_length", "duckdb.error", IDQ, TPS, [
            ("READ :: S3 invoices", run("select * from read_parquet('in/invoices_0612.parquet')")),
            ("READ :: SFTP orders", run("select count(*) from read_parquet('in/orders_0612.parquet')")),
            ("READ :: Parquet ledger", run("select * from 'in/ledger_2024-06.parquet'")),
        ]),
        ("duckdb.transaction.commit_duplicate_key", "duckdb.transaction", WE, IDQ, [
            ("LOAD :: DuckDB warehouse", _duckdb_parallel(ledger, "insert into ledger values (4, '6300', 10, '2024-06-12', 'NOK', 10045)", "insert into ledger values (4, '6300', 10, '2024-06-12', 'NOK', 10045)")),
            ("LOAD :: DuckDB invoices", _duckdb_parallel(ledger, "insert into ledger values (88213, '2400', 1204.50, '2024-06-12', 'NOK', 10046)", "insert into ledger values (88213, '2400', 99, '2024-06-12', 'NOK', 10046)")),
            ("LOAD :: DuckDB staging", _duckdb_parallel(ledger, "insert into ledger select 5, '6300', 1, null, 'EUR', 10045", "insert into ledger select 5, '6310', 2, null, 'EUR', 10047")),
        ]),
        ("duckdb.transaction.catalog_write_write_conflict", "duckdb.transaction", WE, None, [
            ("LOAD :: DuckDB staging", _duckdb_parallel(ledger, "create table stg_invoices(id integer)", "create table stg_invoices(id integer)")),
            ("TRANSFORM :: SQL ledger", _duckdb_parallel(ledger, "create or replace view v_open_items as select * from ledger", "create or replace view v_open_items as select id from ledger")),
            ("LOAD :: DuckDB warehouse", _duckdb_parallel(ledger, "create table spend_cube_0612 as select * from ledger", "create table spend_cube_0612 as select * from ledger")),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_blind20(b: Subset) -> None:
    import pandas as pd

    inv = pd.DataFrame({"invoice_no": ["INV-2024-0612", "INV-2024-0613"], "amount": [1204.5, 99.0], "supplier": [10045, 10046], "account": ["6300", "6310"]})
    sup = pd.DataFrame({"supplier": [10045, 10046], "name": ["Acme AS", "Fjord Bygg AS"]})
    text_amounts = pd.DataFrame({"supplier": [10045, 10045, 10046], "account": ["6300", "6300", "6310"], "amount": ["1204.50", "99.00", "1 000,00"], "qty": ["1", "2", "n/a"]})

    def iso(values: list[str]) -> Callable[[], object]:
        return lambda: pd.to_datetime(pd.Series(values), format="ISO8601")

    def epoch(values: list[int], unit: str) -> Callable[[], object]:
        return lambda: pd.to_datetime(pd.Series(values), unit=unit)

    def csv_index(text: str, col: str) -> Callable[[], object]:
        return lambda: pd.read_csv(io.StringIO(text), sep=";", index_col=col)

    cases: Cases = [
        ("pandas.to_datetime_not_iso8601", "pandas.value_error", IDQ, None, [
            ("EXTRACT :: REST orders", iso(["2024-06-12T08:15:00Z", "12.06.2024 08:15"])),
            ("TRANSFORM :: Python invoices", iso(["2024-06-12", "2024-06-13", "13/06/2024"])),
            ("READ :: JSON goods receipts", iso(["2024-06-12T10:00:00+02:00", "June 12, 2024"])),
        ]),
        ("pandas.to_datetime_out_of_bounds_microsecond", "pandas.out_of_bounds", IDQ, WE, [
            ("EXTRACT :: REST orders", epoch([1718172000, 1718172000000000], "s")),
            ("TRANSFORM :: Python payments", epoch([1720000000000000000], "ms")),
            ("READ :: JSON time entries", epoch([1718172000123456], "s")),
        ]),
        ("pandas.merge_indicator_column_exists", "pandas.value_error", WE, None, [
            ("TRANSFORM :: Python supplier match", lambda: inv.assign(_merge="left_only").merge(sup, on="supplier", indicator=True)),
            ("TRANSFORM :: Python reconciliation", lambda: inv.assign(matched=True).merge(sup, on="supplier", how="outer", indicator="matched")),
            ("TRANSFORM :: Python invoices", lambda: pd.merge(inv, sup.assign(source="erp"), on="supplier", indicator="source")),
        ]),
        ("pandas.pivot_table_str_mean", "pandas.type_error", IDQ, WE, [
            ("TRANSFORM :: Python spend cube", lambda: text_amounts.pivot_table(index="supplier", values="amount", aggfunc="mean")),
            ("TRANSFORM :: Python budget", lambda: text_amounts.pivot_table(index="account", columns="supplier", values="qty", aggfunc="mean")),
            ("TRANSFORM :: Python ledger", lambda: text_amounts.groupby("account")["amount"].mean()),
        ]),
        ("pandas.read_csv_index_col_invalid", "pandas.value_error", IDQ, WE, [
            ("READ :: SFTP invoices", csv_index("invoice;amount\nINV-2024-0612;1204.50\n", "invoice_no")),
            ("READ :: CSV suppliers", csv_index("orgnr;name\n987654321;Acme AS\n", "org_no")),
            ("EXTRACT :: CSV bank statements", csv_index("dato;belop;kid\n2024-06-12;1204.50;00123456789\n", "booking_date")),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== pydantic


def pydantic_blind20(b: Subset) -> None:
    import pydantic

    class Attachment(pydantic.BaseModel):
        filename: str
        content: pydantic.Base64Bytes

    def attachment(content: str) -> Callable[[], object]:
        return lambda: Attachment.model_validate({"filename": "INV-2024-0612.pdf", "content": content})

    def email(value: str) -> Callable[[], object]:
        return lambda: pydantic.TypeAdapter(pydantic.EmailStr).validate_python(value)

    cases: Cases = [
        ("pydantic.base64_decode", "pydantic.validation", IDQ, TPS, [
            ("EXTRACT :: Ivalua invoice attachments", attachment("JVBERi0xLjQK1")),
            ("READ :: EHF attachments", attachment("JVBERi0xLjcNCiW1tbW1DQoxI")),
            ("EXTRACT :: REST delivery notes", attachment("iVBORw0KGgoAAAANSUhEUgAB=Q")),
        ]),
        ("pydantic.email_validator_not_installed", "pydantic.import", WE, None, [
            ("NOTIFY :: Email reminders", email("ap@acme.no")),
            ("EXTRACT :: Ivalua suppliers", email("faktura@fjordbygg.no")),
            ("TRANSFORM :: Python supplier contacts", email("post@nordlys-transport.no")),
        ]),
    ]
    add_cases(b, cases, version("pydantic"))


# =========================================================================== Postgres


def postgres_blind20(b: Subset) -> None:
    import psycopg2
    import sqlalchemy as sa
    from sqlalchemy.orm import DeclarativeBase, Session

    with blind.postgres_or_missed(b, "blind20") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create table invoices(id int primary key, supplier_id int, amount numeric(12,2), due date)")
            cur.execute("create table suppliers(id int primary key, org_no text, name text)")
            cur.execute("create table contracts(id int primary key, supplier_id int, valid daterange)")
            cur.execute("insert into invoices values (1, 10045, 100, '2024-06-30')")

        stmt = blind.pg_statement

        def copy(table: str, data: str) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**info)
                try:
                    with conn.cursor() as cur:
                        cur.copy_expert(f"copy {table} from stdin with (format csv, header match)", io.StringIO(data))
                finally:
                    conn.close()

            return go

        def timezone(tz: str) -> Callable[[], None]:
            escaped = tz.replace(" ", "\\ ")
            return lambda: psycopg2.connect(**info, options=f"-c TimeZone={escaped}").close()

        url = sa.URL.create("postgresql+psycopg2", username=info["user"], host=info["host"], port=info["port"], database=info["dbname"])

        class Base(DeclarativeBase):
            pass

        class Invoice(Base):
            __tablename__ = "invoices"
            id = sa.Column(sa.Integer, primary_key=True)
            supplier_id = sa.Column(sa.Integer)
            amount = sa.Column(sa.Numeric(12, 2))

        def session_after_failed_flush(rows: list[dict[str, Any]], then: str) -> Callable[[], None]:
            """A trigger: platform code that flushes invoices, swallows the database error and
            goes on using the same ORM session."""

            def go() -> None:
                engine = sa.create_engine(url)
                try:
                    with Session(engine) as s:
                        s.add_all(Invoice(**row) for row in rows)
                        with contextlib.suppress(sa.exc.DBAPIError):
                            s.flush()
                        s.execute(sa.text(then))
                finally:
                    engine.dispose()

            return go

        cases: Cases = [
            ("psycopg2.copy_header_match_mismatch", "postgres.data", IDQ, None, [
                ("LOAD :: Postgres invoices", copy("invoices(id, supplier_id, amount)", "invoice_id,supplier_id,amount\n2,10045,1204.50\n")),
                ("LOAD :: Postgres suppliers", copy("suppliers(id, org_no, name)", "id,orgnr,name\n10045,987654321,Acme AS\n")),
                ("LOAD :: Postgres staging", copy("invoices(id, amount, due)", "id,due,amount\n3,2024-06-30,99.00\n")),
            ]),
            ("psycopg2.timezone_parameter_invalid", "postgres.connection", WE, None, [
                ("LOAD :: Postgres invoices", timezone("Europe/Olso")),
                ("EXTRACT :: Postgres ERP orders", timezone("CEST")),
                ("LOAD :: Postgres warehouse", timezone("W. Europe Standard Time")),
            ]),
            ("psycopg2.range_bounds_reversed", "postgres.data", IDQ, None, [
                ("LOAD :: Postgres contracts", stmt(info, "insert into contracts values (1, 10045, daterange(%s, %s))", ("2024-12-31", "2024-01-01"))),
                ("EXTRACT :: Ivalua contracts", stmt(info, "insert into contracts values (2, 10046, %s::daterange)", ("[2024-07-01,2024-06-30)",))),
                ("TRANSFORM :: SQL contracts", stmt(info, "select * from contracts where valid && daterange('2024-06-30', '2024-06-01')")),
            ]),
            ("psycopg2.prepared_statement_missing", "postgres.sql", WE, None, [
                ("LOAD :: Postgres invoices", stmt(info, "execute ji_upsert_invoices(1, 10045, 100.00)")),
                ("EXTRACT :: Postgres ERP orders", stmt(info, "execute stmt_orders_since('2024-06-12')")),
                ("LOAD :: Postgres warehouse", stmt(info, "deallocate prepare ji_batch_7")),
            ]),
            ("sqlalchemy.pending_rollback_after_flush", "sqlalchemy.session", WE, IDQ, [
                ("LOAD :: Postgres invoices", session_after_failed_flush([{"id": 1, "supplier_id": 10045, "amount": decimal.Decimal("1204.50")}], "select count(*) from invoices")),
                ("LOAD :: Postgres warehouse", session_after_failed_flush([{"id": 7, "supplier_id": 10046, "amount": decimal.Decimal("10")}, {"id": 7, "supplier_id": 10046, "amount": decimal.Decimal("12")}], "select max(id) from invoices")),
                ("LOAD :: Postgres staging", session_after_failed_flush([{"id": 8, "supplier_id": 10045, "amount": decimal.Decimal("99999999999.00")}], "update invoices set due = '2024-07-31' where id = 1")),
            ]),
        ]
        add_cases(b, cases, f"{version('psycopg2-binary')}; {version('sqlalchemy')}")
        admin.close()


# =========================================================================== Python internals of platform code


def _pickle_local(name: str) -> Callable[[], object]:
    """A trigger: pickling a function defined inside another one, as the platform does when it
    hands a task to a worker process."""

    def outer() -> bytes:
        def task(row: dict[str, Any]) -> dict[str, Any]:
            return row

        task.__qualname__ = f"{name}.<locals>.task"
        return pickle.dumps(task)

    return outer


def _task_group(errors: list[BaseException]) -> Callable[[], object]:
    """A trigger: a task group whose tasks all fail with `errors`."""

    async def fail(exc: BaseException) -> None:
        await asyncio.sleep(0)
        raise exc

    async def main() -> None:
        async with asyncio.TaskGroup() as tg:
            for exc in errors:
                tg.create_task(fail(exc))

    return lambda: asyncio.run(main())


def python_blind20(b: Subset) -> None:
    cases: Cases = [
        ("python.pickle_local_object", "python.attribute", WE, None, [
            ("TRANSFORM :: Python spend cube", _pickle_local("build_spend_cube")),
            ("TRANSFORM :: Python invoices", _pickle_local("enrich_invoices")),
            ("EXTRACT :: Xledger GL transactions", _pickle_local("fetch_periods")),
        ]),
        ("python.task_group_unhandled_errors", "python.exception_group", WE, TPS, [
            ("EXTRACT :: Ivalua invoices", _task_group([ConnectionResetError(104, "Connection reset by peer"), TimeoutError("page 7")])),
            ("EXTRACT :: Xledger GL transactions", _task_group([ConnectionRefusedError(111, "Connection refused") for _ in range(3)])),
            ("SUBMIT :: Xledger AP invoices", _task_group([ValueError("voucher 88213 has no lines"), KeyError("entity")])),
        ]),
    ]
    add_cases(b, cases, cap.python_source())


# =========================================================================== archives, YAML, JSON schema, XML


def _zip_unsupported_method(member: str, method: int) -> Callable[[], object]:
    """A trigger: reading a zip member stored with compression method `method` (9 = Deflate64,
    as Windows Explorer writes big archives; 98 = PPMd; 99 = AES)."""

    def go() -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(member, "invoice_no;amount\nINV-2024-0612;1204.50\n")
        data = bytearray(buf.getvalue())
        data[8:10] = method.to_bytes(2, "little")
        central = data.find(b"PK\x01\x02")
        data[central + 10 : central + 12] = method.to_bytes(2, "little")
        return zipfile.ZipFile(io.BytesIO(bytes(data))).read(member)

    return go


def _tar_outside(member: str, dest: str) -> Callable[[], object]:
    """A trigger: extracting (with the safe `data` filter) an archive whose only member would
    land outside `dest`; the filter refuses it before anything is written."""

    def go() -> None:
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w:gz") as tf:
            info = tarfile.TarInfo(member)
            info.size = 4
            tf.addfile(info, io.BytesIO(b"a;b\n"))
        buf.seek(0)
        with tarfile.open(fileobj=buf, mode="r:gz") as tf:
            tf.extractall(dest, filter="data")

    return go


def _gzip_bad_crc(text: bytes) -> Callable[[], object]:
    def go() -> bytes:
        data = bytearray(gzip.compress(text, mtime=0))
        data[-8:-4] = bytes(b ^ 0xFF for b in data[-8:-4])
        return gzip.decompress(bytes(data))

    return go


def parsing_blind20(b: Subset) -> None:
    import jsonschema
    import yaml
    from lxml import etree

    def load_yaml(text: str) -> Callable[[], object]:
        return lambda: yaml.safe_load(text)

    def schema_ref(doc: Any, sch: dict[str, Any]) -> Callable[[], object]:
        return lambda: jsonschema.validate(doc, sch)

    invoice_xsd = b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Invoice"><xs:complexType><xs:sequence><xs:element name="ID" type="xs:string"/><xs:element name="Amount"><xs:complexType><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="currencyID" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>'
    payment_xsd = b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="CdtTrfTxInf"><xs:complexType><xs:sequence><xs:element name="EndToEndId" type="xs:string"/></xs:sequence><xs:attribute name="Ccy" type="xs:string" use="required"/></xs:complexType></xs:element></xs:schema>'
    order_xsd = b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Order"><xs:complexType><xs:attribute name="orderNo" type="xs:string" use="required"/><xs:attribute name="buyerId" type="xs:string" use="required"/></xs:complexType></xs:element></xs:schema>'

    def xsd(doc: bytes, schema: bytes) -> Callable[[], object]:
        return lambda: etree.XMLSchema(etree.fromstring(schema)).assertValid(etree.fromstring(doc))

    py = cap.python_source()
    cases: list[tuple[str, str, str, str | None, Variants, str]] = [
        ("zipfile.compression_method_unsupported", "zipfile.error", IDQ, None, [
            ("READ :: SFTP invoices", _zip_unsupported_method("invoices_20240612.csv", 9)),
            ("READ :: S3 orders", _zip_unsupported_method("orders_0612.csv", 99)),
            ("EXTRACT :: Email attachments", _zip_unsupported_method("bilag_juni.csv", 98)),
        ], py),
        ("tarfile.outside_destination", "tarfile.filter", IDQ, WE, [
            ("READ :: SFTP invoices", _tar_outside("../../outbox/invoices_0612.csv", "/var/lib/etl/runs/88213/in")),
            ("READ :: S3 bank statements", _tar_outside("../camt053_0612.xml", "/var/lib/etl/runs/88240/in")),
            ("EXTRACT :: SFTP payroll", _tar_outside("export/../../../lonn_2024-06.csv", "/var/lib/etl/runs/90211/in")),
        ], py),
        ("gzip.crc_check_failed", "gzip.error", IDQ, TPS, [
            ("READ :: SFTP invoices", _gzip_bad_crc(b"invoice_no;amount\nINV-2024-0612;1204.50\n" * 50)),
            ("READ :: S3 orders", _gzip_bad_crc(b"order_no,line,qty\nPO-88240,1,2\n" * 80)),
            ("READ :: FTP bank statements", _gzip_bad_crc(b":61:2406120612C1204,50NTRFNONREF\n" * 30)),
        ], py),
        ("yaml.parser_expected_block_end", "yaml.parser", IDQ, WE, [
            ("READ :: SFTP account mapping", load_yaml("mapping:\n  - from: '6300'\n    to: '6310'\n  default: '9999'\n")),
            ("TRANSFORM :: Python cost centre mapping", load_yaml("cost_centres:\n  - CC-4410\n  - CC-4420\n  fallback: CC-0000\n")),
            ("READ :: S3 VAT code table", load_yaml("vat_codes:\n  - code: 25\n    rate: 0.25\n  - code: 15\n    rate: 0.15\n  zero: 0\n")),
        ], version("pyyaml")),
        ("jsonschema.unresolvable_ref", "jsonschema.referencing", WE, None, [
            ("SUBMIT :: Ivalua invoices", schema_ref({"amount": 1204.5}, {"type": "object", "properties": {"amount": {"$ref": "#/definitions/Amount"}}})),
            ("READ :: JSON orders", schema_ref({"lines": []}, {"type": "object", "properties": {"lines": {"$ref": "#/$defs/OrderLines"}}})),
            ("SUBMIT :: Peppol invoices", schema_ref({"supplier": {"orgNo": "987654321"}}, {"type": "object", "properties": {"supplier": {"$ref": "#/$defs/Party/properties/legalEntity"}}, "$defs": {"Party": {"properties": {}}}})),
        ], version("jsonschema")),
        ("lxml.schema_attribute_required", "parsing.xml", IDQ, None, [
            ("EXTRACT :: EHF invoices", xsd(b"<Invoice><ID>INV-2024-0612</ID><Amount>1204.50</Amount></Invoice>", invoice_xsd)),
            ("EXPORT :: Bank payments", xsd(b"<CdtTrfTxInf><EndToEndId>E2E-20240612-0001</EndToEndId></CdtTrfTxInf>", payment_xsd)),
            ("READ :: SFTP orders", xsd(b'<Order orderNo="PO-88240"/>', order_xsd)),
        ], version("lxml")),
    ]
    for template, family, cat, alt, variants, source in cases:
        b.add(template, family, cat, variants, source=source, alt=alt)


# =========================================================================== workflow engine (modelled)


def engine_blind20(b: Subset) -> None:
    cases = [
        ("engine.artifact_truncated_object", "workflow.artifact", WE, None, "ArtifactIntegrityError", [
            ("TRANSFORM :: SQL ledger", "Artifact store returned a truncated object for 'runs/88213/extract/ledger_lines.parquet': expected 48211904 bytes, received 12582912."),
            ("LOAD :: Postgres invoices", "Artifact store returned a truncated object for 'runs/88240/transform/invoices_clean.parquet': expected 9437184 bytes, received 4194304."),
            ("EXPORT :: CSV to SFTP", "Artifact store returned a truncated object for 'runs/90211/transform/remittance.csv': expected 731442 bytes, received 0."),
        ]),
        ("engine.join_branches_missing", "workflow.dag", WE, TPS, "JoinTimeoutError", [
            ("LOAD :: Postgres invoices", "Join 'LOAD :: Postgres invoices' received 3 of 4 branch results within its join timeout of 45m; missing: 'EXTRACT :: Ivalua credit notes'."),
            ("TRANSFORM :: SQL spend cube", "Join 'TRANSFORM :: SQL spend cube' received 1 of 2 branch results within its join timeout of 30m; missing: 'EXTRACT :: Xledger suppliers'."),
            ("EXPORT :: Bank payments", "Join 'EXPORT :: Bank payments' received 2 of 3 branch results within its join timeout of 1h; missing: 'TRANSFORM :: Python remittance'."),
        ]),
        ("engine.retries_exhausted_final_failure", "workflow.retry", TPS, WE, "TaskRetriesExhausted", [
            ("EXTRACT :: Ivalua invoices", "Task exhausted its 5 retries (exponential backoff, cap 15m); final failure: 429 Too Many Requests from the vendor API."),
            ("SUBMIT :: Xledger AP invoices", "Task exhausted its 3 retries (exponential backoff, cap 10m); final failure: 503 Service Unavailable from the vendor API."),
            ("EXTRACT :: Xledger GL transactions", "Task exhausted its 4 retries (fixed backoff 120s); final failure: read timed out after 60s waiting for the vendor API."),
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
            "duckdb": lambda: duckdb_blind20(b, tmp),
            "pandas": lambda: pandas_blind20(b),
            "pydantic": lambda: pydantic_blind20(b),
            "postgres": lambda: postgres_blind20(b),
            "python": lambda: python_blind20(b),
            "parsing": lambda: parsing_blind20(b),
            "engine": lambda: engine_blind20(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
