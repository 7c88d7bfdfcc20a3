"""Capture the production-mix holdout prod4: the most common failures, across the platform's client libraries, written without the rules.

A production-mix round (template_id ``prod4.*``, split ``holdout``): not unusual messages, but the
failures a production platform sees MOST OFTEN, in their most common wordings, with fresh realistic
values; repeats of templates already in the corpus are on purpose, as production repeats them.
Every template was chosen and labelled without reading the rules, so scoring the rules frozen before
it (``benchmarks/rule_generalisation.py REV --subset prod4``) is an honest figure.
The platform's activities use several client libraries for the same job, and each library words a
failure its own way, so this round goes through them: DuckDB through SQL and through its Python
relational API (``read_csv``, ``read_parquet``, ``read_json``, ``sql``, relations ``project``, inserts
and appends from DataFrames, a database file locked by another run); pandas readers and writers
(``read_csv``, ``to_csv``), ``astype`` and ``merge``; Postgres warehouse loads through psycopg2
(``execute_values``, ``copy_expert``, connect) and SQLAlchemy (pandas ``to_sql``, engines): constraint
violations, type errors, connection refused, authentication failed, statement timeout, deadlock;
HTTP through httpx, requests (with and without urllib3 ``Retry``) and urllib; S3 through boto3
client calls (``get_object``, ``list_objects_v2``) and the transfer manager (``download_file``,
``upload_file``); FTP through ftplib and SFTP through paramiko; SOAP through zeep; XML through lxml;
pydantic models for records and pydantic-settings for the platform's settings; and the platform's
own modelled wrappers (Xledger GraphQL client, Ivalua REST client, workflow-engine errors: upstream
failed, worker lost, activity time limit, DAG cycle).
Weighted as production fails: about 40% data problems, 35% external systems failing or refusing,
25% the platform itself. Labels follow who must act: the tenant's delivered files and records
(READ steps, vendor field-by-field rejections) are INPUT_DATA_QUALITY; SQL, code, settings, folders
and the engine of the platform are WORKFLOW_ENGINE; vendors, partner buckets and servers, and the
warehouse refusing or failing are THIRD_PARTY_SYSTEM.
Each error is raised by the real library installed here, against servers on 127.0.0.1 only (no name
is resolved and nothing leaves the machine; Postgres is a throwaway cluster); vendor replies
(Xledger GraphQL, Ivalua REST, FTP replies, SOAP faults, AWS error bodies, gateway pages) and
workflow-engine messages are modelled on realistic ones and say so in ``source``.

Run:  uv run python scripts/capture_prod4_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``prod4.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import decimal
import functools
import graphlib
import io
import json
import os
import subprocess
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
import capture_blind23_holdout as blind23  # noqa: E402
import capture_blind_holdout as blind  # noqa: E402
import capture_error_corpus as cap  # noqa: E402
from capture_blind_holdout import Subset  # noqa: E402

IDQ, WE, TPS = cap.IDQ, cap.WE, cap.TPS
version = cap.version
PREFIX = "prod4."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
many = blind.many
add, call = blind9.add, blind9.call

#: where the platform's workers keep a run's files; the capture's temporary folder stands for it
WORKER_DIR = "/var/lib/etl/runs"


def _as_worker_path(tmp: Path) -> Callable[[BaseException], str]:
    """How the message reads on a worker: the capture's temporary folder (which DuckDB makes
    absolute) shown as the worker's run folder, like ``cap.without_local_paths`` does for home."""
    return lambda exc: str(exc).replace(str(tmp.resolve()), WORKER_DIR).replace(str(tmp), WORKER_DIR)


# =========================================================================== DuckDB


def duckdb_prod4(b: Subset, tmp: Path) -> None:
    import duckdb
    import pandas as pd

    src = version("duckdb")
    Path("in").mkdir(exist_ok=True)

    # --- read_csv (Python API): a value late in the tenant's file does not fit the detected type
    supplier_rows = "".join(f"{100000 + i},9{87650000 + i % 9000},Leverandor {i} AS,NO\n" for i in range(24000))
    Path("in/suppliers_full_20240612.csv").write_text("supplier_id,org_no,name,country\n" + supplier_rows + "124001,N/A,Nordic Office Supply AS,NO\n")
    line_rows = "".join(f"INV-2024-{i:05d};{i % 7 + 1};{i % 40 + 1};{i % 900 + 10}.50\n" for i in range(24000))
    Path("in/invoice_lines_20240612.csv").write_text("invoice_no;line_no;quantity;unit_price\n" + line_rows + "INV-2024-24001;3;2 stk;189.00\n")
    camt_rows = "".join(f"NO93860111179{i % 10};2024-06-{i % 28 + 1:02d};{i % 5000 + 1}.00;KID{i:08d}\n" for i in range(24000))
    Path("in/bank_transactions_202406.csv").write_text("account;booking_date;amount;reference\n" + camt_rows + "NO9386011117947;31.06.2024;1204.50;KID00088213\n")
    add(b, "duckdb.read_csv_api_value_not_convertible", "duckdb.conversion", IDQ, None, [
        ("READ :: SFTP supplier master", lambda: duckdb.read_csv("in/suppliers_full_20240612.csv").fetchall()),
        ("READ :: S3 invoice lines", lambda: duckdb.read_csv("in/invoice_lines_20240612.csv").fetchall()),
        ("READ :: FTP bank transactions", lambda: duckdb.read_csv("in/bank_transactions_202406.csv").fetchall()),
    ], source=f"{src} Python API duckdb.read_csv")

    # --- read_parquet (Python API): the tenant's file for the day was not delivered
    add(b, "duckdb.read_parquet_api_no_files", "duckdb.io", IDQ, None, [
        ("READ :: S3 purchase orders", call(duckdb.read_parquet, "in/orders/2024-06-12/*.parquet")),
        ("READ :: SFTP goods receipts", call(duckdb.read_parquet, "in/goods_receipts_20240612.parquet")),
        ("READ :: S3 invoice lines", call(duckdb.read_parquet, "in/invoice_lines/year=2024/month=06/*.parquet")),
    ], source=f"{src} Python API duckdb.read_parquet")

    # --- read_json (Python API): the tenant's JSON export is malformed
    Path("in/orders_20240612.json").write_text('[{"order_no": "PO-88213", "supplier_id": 10045, "qty": 12},\n {"order_no": "PO-88214", "supplier_id": 10046, "qty": }]\n')
    Path("in/suppliers_delta.json").write_text('[{"supplier_id": 10045, "name": "Acme AS", org_no: "987654321"}]\n')
    Path("in/contracts_export.json").write_text('{"contract_id": "CTR-2024-010", "valid_from": "2024-01-01", "valid_to": 2024-12-31}\n')
    add(b, "duckdb.read_json_api_malformed", "duckdb.invalid_input", IDQ, None, [
        ("READ :: SFTP purchase orders", lambda: duckdb.read_json("in/orders_20240612.json").fetchall()),
        ("READ :: S3 supplier delta", lambda: duckdb.read_json("in/suppliers_delta.json").fetchall()),
        ("READ :: SFTP contracts", lambda: duckdb.read_json("in/contracts_export.json").fetchall()),
    ], source=f"{src} Python API duckdb.read_json")

    # --- SQL: the transform casts the text columns staged from the tenant's file
    def cast(ddl: str, rows: list[tuple[str, str]], sql: str) -> Callable[[], object]:
        def go() -> object:
            con = duckdb.connect(config=blind.OFFLINE_DUCKDB)
            try:
                con.execute(ddl)
                table = ddl.split()[2].split("(")[0]
                con.executemany(f"insert into {table} values (?, ?)", rows)
                return con.sql(sql).fetchall()
            finally:
                con.close()

        return go

    add(b, "duckdb.sql_cast_tenant_value", "duckdb.conversion", IDQ, None, [
        ("TRANSFORM :: SQL invoices", cast("create table stg_invoices(invoice_no varchar, amount varchar)", [("INV-2024-0612", "1204.50"), ("INV-2024-0613", "1 204,50")], "select invoice_no, cast(amount as decimal(12,2)) as amount from stg_invoices")),
        ("TRANSFORM :: SQL purchase orders", cast("create table stg_order_lines(order_no varchar, quantity varchar)", [("PO-88213", "12"), ("PO-88214", "12 stk")], "select order_no, cast(quantity as integer) as quantity from stg_order_lines")),
        ("TRANSFORM :: SQL supplier master", cast("create table stg_suppliers(supplier_id varchar, org_no varchar)", [("10045", "987654321"), ("10046", "NO 987 654 322 MVA")], "select cast(supplier_id as integer) as supplier_id, cast(org_no as bigint) as org_no from stg_suppliers")),
    ], source=src)

    # --- insert / append from DataFrames: the batch repeats a key
    def load(table: str, ddl: str, frame: pd.DataFrame, how: str) -> Callable[[], object]:
        def go() -> object:
            con = duckdb.connect(config=blind.OFFLINE_DUCKDB)
            try:
                con.execute(ddl)
                con.register("batch", frame)
                if how == "append":
                    return con.append(table, frame)
                return con.sql(f"insert into {table} select * from batch")
            finally:
                con.close()

        return go

    add(b, "duckdb.insert_dataframe_duplicate_key", "duckdb.constraint", IDQ, None, [
        ("LOAD :: DuckDB suppliers", load("suppliers", "create table suppliers(supplier_id integer primary key, name varchar, org_no varchar)", pd.DataFrame({"supplier_id": [10045, 10046, 10045], "name": ["Acme AS", "Bergen Bolt AS", "Acme Norge AS"], "org_no": ["987654321", "912345678", "987654321"]}), "insert")),
        ("LOAD :: DuckDB invoices", load("invoices", "create table invoices(invoice_no varchar primary key, supplier_id integer, amount decimal(12,2))", pd.DataFrame({"invoice_no": ["INV-2024-0612", "INV-2024-0613", "INV-2024-0612"], "supplier_id": [10045, 10046, 10045], "amount": [1204.5, 99.0, 1204.5]}), "append")),
        ("LOAD :: DuckDB cost centres", load("cost_centres", "create table cost_centres(code varchar primary key, name varchar)", pd.DataFrame({"code": ["CC-1100", "CC-1200", "CC-1200"], "name": ["Innkjop", "Lager", "Lager Bergen"]}), "insert")),
    ], source=f"{src} Python API (insert from a registered DataFrame, DuckDBPyConnection.append) + {version('pandas')}")

    # --- relational API: the load projects a column the platform's own transform should have made
    def project(columns: str, select: str) -> Callable[[], object]:
        def go() -> object:
            con = duckdb.connect(config=blind.OFFLINE_DUCKDB)
            try:
                return con.sql(select).project(columns).fetchall()
            finally:
                con.close()

        return go

    add(b, "duckdb.relation_project_column_not_found", "duckdb.binder", WE, None, [
        ("LOAD :: DuckDB warehouse", project("invoice_no, supplier_id, amount_nok", "select 'INV-2024-0612' as invoice_no, 10045 as supplier_id, 1204.50 as amount, 'EUR' as currency")),
        ("EXPORT :: Parquet spend cube", project("supplier_id, period, spend_ytd", "select 10045 as supplier_id, '2024-06' as period, 1204.50 as spend_month")),
        ("LOAD :: DuckDB suppliers", project("supplier_id, org_no, name_normalised", "select 10045 as supplier_id, '987654321' as org_no, 'Acme AS' as name")),
    ], source=f"{src} Python API DuckDBPyRelation.project")

    # --- SQL: a later step reads an intermediate table the platform's earlier step did not create
    run = functools.partial(blind.duckdb_query, config=blind.OFFLINE_DUCKDB)
    staged = "create table stg_invoices(invoice_no varchar, amount decimal(12,2));create table stg_suppliers(supplier_id integer, name varchar);create table stg_orders(order_no varchar)"
    add(b, "duckdb.sql_intermediate_table_missing", "duckdb.catalog", WE, None, [
        ("EXPORT :: Parquet invoices", run("copy (select * from stg_invoices_enriched) to 'out/invoices.parquet' (format parquet)", staged)),
        ("LOAD :: DuckDB warehouse", run("insert into stg_suppliers select * from stg_suppliers_dedup", staged)),
        ("WRITE :: CSV order report", run("select order_no, count(*) from stg_order_lines group by order_no", staged)),
    ], source=src)

    # --- SQL: nested aggregates that cannot be spilled outgrow the worker's memory limit
    add(b, "duckdb.out_of_memory", "duckdb.oom", WE, None, [
        ("TRANSFORM :: SQL spend cube", run("select supplier_id % 3 as bucket, list(invoice_no) from (select range as supplier_id, 'INV-2024-' || range as invoice_no from range(8000000)) group by bucket", config={**blind.OFFLINE_DUCKDB, "memory_limit": "48MB", "threads": 2})),
        ("TRANSFORM :: SQL invoice lines", run("select invoice % 4 as k, list(struct_pack(line := range, qty := range % 40)) from (select range, range // 7 as invoice from range(6000000)) group by k", config={**blind.OFFLINE_DUCKDB, "memory_limit": "64MB", "threads": 2})),
        ("LOAD :: DuckDB warehouse", run("select range % 2 as k, list(range) from range(12000000) group by k", config={**blind.OFFLINE_DUCKDB, "memory_limit": "32MB", "threads": 2})),
    ], source=src)

    # --- a second run of the same workflow holds the tenant database file open
    def locked(name: str) -> Callable[[], object]:
        def go() -> object:
            holder = subprocess.Popen(
                [sys.executable, "-c", f"import duckdb, sys, time; con = duckdb.connect({name!r}); print('held', flush=True); sys.stdin.read()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            )
            try:
                assert holder.stdout is not None
                holder.stdout.readline()
                return duckdb.connect(name)
            finally:
                assert holder.stdin is not None
                holder.stdin.close()
                holder.wait(timeout=30)

        return go

    Path("tenants/44660227").mkdir(parents=True, exist_ok=True)
    Path("tenants/12093311").mkdir(parents=True, exist_ok=True)
    add(b, "duckdb.database_file_lock_conflict", "duckdb.io", WE, None, [
        ("LOAD :: DuckDB warehouse", locked("tenants/44660227/warehouse.duckdb")),
        ("TRANSFORM :: SQL invoices", locked("tenants/12093311/warehouse.duckdb")),
        ("LOAD :: DuckDB suppliers", locked("tenants/44660227/staging.duckdb")),
    ], source=f"{src} duckdb.connect while another worker process holds the file (run folder shown as {WORKER_DIR})", wrap="IOException", wrap_message=_as_worker_path(tmp))


# =========================================================================== pandas


def pandas_prod4(b: Subset) -> None:
    import pandas as pd

    src = version("pandas")
    Path("in").mkdir(exist_ok=True)

    def csv_file(name: str, text: str) -> str:
        Path(f"in/{name}").write_text(text)
        return f"in/{name}"

    # read_csv: a row with a field too many (an unquoted separator in a name or amount)
    body = "".join(f"INV-2024-{i:04d};{10045 + i % 9};{i % 900 + 10},50;NOK\n" for i in range(57))
    inv = csv_file("ap_invoices_20240612.csv", "invoice_no;supplier_id;amount;currency\n" + body + "INV-2024-0057;10046;1 204,50;NOK;Bergen\n")
    sup = csv_file("supplier_master_20240612.csv", "supplier_id,name,org_no\n10045,Acme AS,987654321\n10046,Bergen Bolt, Skrue og Mutter AS,912345678\n")
    rows = "".join(f"PO-{88000 + i},{i % 5 + 1},{i % 30 + 1},{i % 400 + 5}.00\n" for i in range(212))
    po = csv_file("po_lines_202406.csv", "order_no,line_no,quantity,unit_price\n" + rows + "PO-88213,2,12,1,204.00\n")
    add(b, "pandas.read_csv_tokenizing", "pandas.parser", IDQ, None, [
        ("READ :: SFTP AP invoices", call(pd.read_csv, inv, sep=";")),
        ("READ :: S3 supplier master", call(pd.read_csv, sup)),
        ("READ :: FTP purchase order lines", call(pd.read_csv, po)),
    ], source=src)

    # a column the mapping needs is missing from the tenant's file (renamed header)
    def column(path: str, name: str, sep: str = ",") -> Callable[[], object]:
        return lambda: pd.read_csv(path, sep=sep)[name]

    renamed = csv_file("invoices_acme_20240612.csv", "Invoice No;Supplier;Amount\nINV-2024-0612;10045;1204.50\n")
    sup2 = csv_file("suppliers_20240612.csv", "supplier_id,name,orgnr\n10045,Acme AS,987654321\n")
    gr = csv_file("goods_receipts_20240612.csv", "po_number,receipt_date,qty\nPO-88213,2024-06-12,12\n")
    add(b, "pandas.column_key_error", "pandas.key_error", IDQ, None, [
        ("READ :: SFTP AP invoices", column(renamed, "InvoiceNumber", ";")),
        ("READ :: S3 supplier master", column(sup2, "org_no")),
        ("READ :: SFTP goods receipts", column(gr, "order_no")),
    ], source=src)

    # astype: amounts in the tenant's local format
    add(b, "pandas.astype_float_parse", "pandas.value_error", IDQ, None, [
        ("TRANSFORM :: Python invoice amounts", lambda: pd.DataFrame({"amount": ["1204.50", "99.00", "1 204,50"]})["amount"].astype(float)),
        ("TRANSFORM :: Python order lines", lambda: pd.DataFrame({"unit_price": ["189.00", "kr 189,00"]})["unit_price"].astype("float64")),
        ("TRANSFORM :: Python bank transactions", lambda: pd.Series(["-1204.50", "350.00", "1.204,50-"], name="amount").astype("float")),
    ], source=src)

    # merge validated many-to-one: the tenant's supplier master repeats a supplier
    def enrich(left: dict[str, list[Any]], right: dict[str, list[Any]], key: str) -> Callable[[], object]:
        return lambda: pd.DataFrame(left).merge(pd.DataFrame(right), on=key, how="left", validate="many_to_one")

    add(b, "pandas.merge_not_many_to_one", "pandas.merge", IDQ, None, [
        ("TRANSFORM :: Python enrich invoices", enrich({"invoice_no": ["INV-2024-0612", "INV-2024-0613"], "supplier_id": [10045, 10046]}, {"supplier_id": [10045, 10046, 10045], "name": ["Acme AS", "Bergen Bolt AS", "Acme Norge AS"]}, "supplier_id")),
        ("TRANSFORM :: Python enrich order lines", enrich({"order_no": ["PO-88213"], "item_no": ["ART-70061"]}, {"item_no": ["ART-70061", "ART-70061"], "unit": ["EA", "BOX"]}, "item_no")),
        ("TRANSFORM :: Python map cost centres", enrich({"account": [6300, 6540], "amount": [1204.5, 99.0]}, {"account": [6300, 6300, 6540], "cost_centre": ["CC-1100", "CC-1200", "CC-1100"]}, "account")),
    ], source=src)

    # to_csv: the platform's export folder for the run was never created
    frame = pd.DataFrame({"invoice_no": ["INV-2024-0612"], "amount": [1204.5]})
    add(b, "pandas.to_csv_missing_directory", "pandas.io", WE, None, [
        ("EXPORT :: CSV AP aging report", call(frame.to_csv, "out/reports/2024-06-12/ap_aging.csv", index=False)),
        ("WRITE :: CSV remittance advice", call(frame.to_csv, "out/remittance/44660227/remit_20240612.csv", sep=";", index=False)),
        ("EXPORT :: CSV supplier master", call(frame.to_csv, "out/exports/ivalua/suppliers_full.csv", index=False)),
    ], source=src)


# =========================================================================== Postgres warehouse


def postgres_prod4(b: Subset) -> None:
    import pandas as pd
    import psycopg2
    import psycopg2.extras
    import sqlalchemy as sa

    pg, sq = version("psycopg2-binary"), version("sqlalchemy")

    # connection refused: the warehouse host is down (nothing listens on the port)
    def connect_refused(user: str, db: str) -> Callable[[], object]:
        port = srv.closed_port()
        return lambda: psycopg2.connect(host=srv.LOOPBACK, port=port, user=user, dbname=db, connect_timeout=5)

    add(b, "psycopg2.warehouse_connection_refused", "psycopg2.operational", TPS, None, [
        ("LOAD :: Postgres warehouse", connect_refused("etl_loader", "warehouse")),
        ("LOAD :: Postgres invoices", connect_refused("etl_loader", "dwh_prod")),
        ("EXTRACT :: Postgres ERP orders", connect_refused("erp_reader", "erp")),
    ], source=pg, code=None)

    with blind.postgres_or_missed(b, "prod4") as info:
        if info is None:
            return
        admin = psycopg2.connect(**info)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create role etl_loader login password 'Lagerhus-2024'")
            cur.execute("create table invoices(id int primary key, invoice_no text not null, supplier_id int not null, amount numeric(12,2), due date)")
            cur.execute("create table suppliers(supplier_id int primary key, name text not null, org_no text)")
            cur.execute("create table payments(payment_id int primary key, invoice_no text, amount numeric(12,2), paid_on date, account text)")
            cur.execute("create table order_lines(order_no text, line_no int, quantity int, unit_price numeric(12,2), primary key (order_no, line_no))")
            cur.execute("grant all on invoices, suppliers, payments, order_lines to etl_loader")
            cur.execute("insert into invoices values (1, 'INV-2024-0600', 10045, 100, '2024-06-30'), (2, 'INV-2024-0601', 10046, 250, '2024-07-15')")
            cur.execute("insert into suppliers values (10045, 'Acme AS', '987654321'), (20931, 'Nordic IT AS', '998877665')")
            cur.execute("insert into order_lines values ('PO-88100', 1, 4, 99.00)")
        loader = dict(info, user="etl_loader", password="Lagerhus-2024")

        # execute_values: a tenant row without its supplier
        def values(sql: str, rows: list[tuple[Any, ...]]) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**loader)
                try:
                    with conn.cursor() as cur:
                        psycopg2.extras.execute_values(cur, sql, rows)
                    conn.commit()
                finally:
                    conn.close()

            return go

        add(b, "psycopg2.not_null_violation_execute_values", "postgres.data", IDQ, None, [
            ("LOAD :: Postgres invoices", values("insert into invoices (id, invoice_no, supplier_id, amount, due) values %s", [(612, "INV-2024-0612", 10045, decimal.Decimal("1204.50"), "2024-07-12"), (613, "INV-2024-0613", None, decimal.Decimal("99.00"), "2024-07-13")])),
            ("LOAD :: Postgres supplier master", values("insert into suppliers (supplier_id, name, org_no) values %s", [(10047, None, "912345678")])),
            ("LOAD :: Postgres AP invoices", values("insert into invoices (id, invoice_no, supplier_id, amount, due) values %s", [(700, None, 10046, decimal.Decimal("350.00"), "2024-07-31")])),
        ], source=f"{pg} psycopg2.extras.execute_values", code=None)

        # pandas to_sql through SQLAlchemy: the batch repeats a key already loaded
        url = sa.URL.create("postgresql+psycopg2", username="etl_loader", password="Lagerhus-2024", host=info["host"], port=info["port"], database=info["dbname"])

        def to_sql(table: str, frame: pd.DataFrame) -> Callable[[], object]:
            def go() -> object:
                engine = sa.create_engine(url)
                try:
                    return frame.to_sql(table, engine, if_exists="append", index=False)
                finally:
                    engine.dispose()

            return go

        add(b, "pandas.to_sql_unique_violation", "pandas.sql", IDQ, None, [
            ("LOAD :: Postgres supplier master", to_sql("suppliers", pd.DataFrame({"supplier_id": [10045], "name": ["Acme Norge AS"], "org_no": ["987654321"]}))),
            ("LOAD :: Postgres order lines", to_sql("order_lines", pd.DataFrame({"order_no": ["PO-88100"], "line_no": [1], "quantity": [4], "unit_price": [99.0]}))),
            ("LOAD :: Postgres invoices", to_sql("invoices", pd.DataFrame({"id": [2], "invoice_no": ["INV-2024-0601"], "supplier_id": [10046], "amount": [250.0], "due": ["2024-07-15"]}))),
        ], source=f"{version('pandas')} DataFrame.to_sql + {sq} + {pg}", code=None)

        # COPY of the tenant's CSV: a value that is not of the column's type
        def copy(table: str, data: str) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**loader)
                try:
                    with conn.cursor() as cur:
                        cur.copy_expert(f"copy {table} from stdin with (format csv, header true)", io.StringIO(data))
                    conn.commit()
                finally:
                    conn.close()

            return go

        add(b, "psycopg2.copy_invalid_input_syntax", "postgres.data", IDQ, None, [
            ("LOAD :: Postgres payments", copy("payments(payment_id, invoice_no, amount, paid_on, account)", "payment_id,invoice_no,amount,paid_on,account\n5001,INV-2024-0600,100.00,2024-06-11,1920\n5002,INV-2024-0601,\"1 204,50\",2024-06-12,1920\n")),
            ("LOAD :: Postgres invoices", copy("invoices(id, invoice_no, supplier_id, amount, due)", "id,invoice_no,supplier_id,amount,due\n612,INV-2024-0612,SUP-10045,1204.50,2024-07-12\n")),
            ("LOAD :: Postgres order lines", copy("order_lines(order_no, line_no, quantity, unit_price)", "order_no,line_no,quantity,unit_price\nPO-88213,1,12,189.00\nPO-88213,2,12 stk,45.00\nPO-88213,3,1,990.00\n")),
        ], source=f"{pg} cursor.copy_expert", code=None)

        # the warehouse's credentials were rotated on the warehouse side
        def engine_connect(user: str, password: str, db: str) -> Callable[[], object]:
            def go() -> object:
                engine = sa.create_engine(sa.URL.create("postgresql+psycopg2", username=user, password=password, host=info["host"], port=info["port"], database=db))
                try:
                    with engine.connect() as conn:
                        return conn.execute(sa.text("select 1")).scalar()
                finally:
                    engine.dispose()

            return go

        add(b, "sqlalchemy.password_authentication_failed", "sqlalchemy.operational", TPS, WE, [
            ("LOAD :: Postgres warehouse", engine_connect("etl_loader", "Lagerhus-2023", "postgres")),
            ("LOAD :: Postgres invoices", engine_connect("dwh_writer", "Sommer2024!", "postgres")),
            ("EXTRACT :: Postgres ERP orders", engine_connect("erp_reader", "erp-ro-7781", "postgres")),
        ], source=f"{sq} + {pg}", code=None)

        # the warehouse DBA's statement_timeout cancels a long load
        with admin.cursor() as cur:
            cur.execute("alter role etl_loader set statement_timeout = '1s'")

        def slow(sql: str) -> Callable[[], None]:
            def go() -> None:
                conn = psycopg2.connect(**loader)
                try:
                    with conn.cursor() as cur:
                        cur.execute(sql)
                    conn.commit()
                finally:
                    conn.close()

            return go

        add(b, "psycopg2.statement_timeout_warehouse", "postgres.timeout", TPS, WE, [
            ("LOAD :: Postgres invoices", slow("insert into invoices (id, invoice_no, supplier_id, amount) select 1000 + g, 'INV-' || g, 10045, g % 1000 from generate_series(1, 50000000) g")),
            ("LOAD :: Postgres payments", slow("insert into payments select g, 'INV-' || g, g % 5000, date '2024-06-01' + g % 30, '1920' from generate_series(1, 50000000) g")),
            ("TRANSFORM :: SQL supplier spend", slow("create temp table spend as select s.supplier_id, sum(g % 997) from suppliers s cross join generate_series(1, 40000000) g group by s.supplier_id")),
        ], source=pg, code=None)

        # two of the platform's parallel loads update the same invoices in opposite order
        add(b, "psycopg2.deadlock_parallel_loads", "postgres.concurrency", WE, None, [
            ("LOAD :: Postgres invoices", functools.partial(blind3._deadlock, info, 1)),
            ("TRANSFORM :: SQL invoice status", functools.partial(blind3._deadlock, info, 2)),
            ("LOAD :: Postgres AP invoices", functools.partial(blind3._deadlock, info, 3)),
        ], source=pg, code=None)
        admin.close()


# =========================================================================== parsing: pydantic, settings, lxml


def parsing_prod4(b: Subset) -> None:
    import datetime as dt
    from typing import Literal

    import pydantic
    import pydantic_settings as ps
    from lxml import etree

    # pydantic records: the tenant's rows do not fit the record model
    class InvoiceRecord(pydantic.BaseModel):
        invoice_no: str
        supplier_id: int
        amount: decimal.Decimal
        currency: Literal["NOK", "EUR", "SEK", "DKK", "USD"]
        due_date: dt.date

    add(b, "pydantic.invoice_record_validation", "pydantic.validation", IDQ, None, [
        ("READ :: SFTP AP invoices", call(InvoiceRecord.model_validate, {"invoice_no": "INV-2024-0612", "supplier_id": "10045", "amount": "1 204,50", "currency": "NOK", "due_date": "2024-07-12"})),
        ("READ :: S3 supplier invoices", call(InvoiceRecord.model_validate, {"invoice_no": "INV-2024-0644", "supplier_id": "SUP-10046", "amount": "99.00", "currency": "NKR", "due_date": "2024-07-15"})),
        ("READ :: JSON expense claims", call(InvoiceRecord.model_validate, {"invoice_no": "EXP-88213", "amount": 350, "currency": "NOK", "due_date": "31.06.2024"})),
    ], source=version("pydantic"))

    # pydantic-settings: a setting the platform's deployment should provide is missing
    class XledgerSettings(ps.BaseSettings):
        model_config = ps.SettingsConfigDict(env_prefix="XLEDGER_")
        api_token: pydantic.SecretStr
        entity_id: int
        base_url: str = "https://www.xledger.net/graphql"

    class IvaluaSettings(ps.BaseSettings):
        model_config = ps.SettingsConfigDict(env_prefix="IVALUA_")
        client_id: str
        client_secret: pydantic.SecretStr
        environment: str = "acme-prod"

    class WarehouseSettings(ps.BaseSettings):
        model_config = ps.SettingsConfigDict(env_prefix="WAREHOUSE_")
        host: str
        user: str
        password: pydantic.SecretStr
        database: str = "warehouse"

    def settings(cls: type[ps.BaseSettings], env: dict[str, str]) -> Callable[[], object]:
        def go() -> object:
            saved = dict(os.environ)
            for name in list(os.environ):
                if name.startswith(("XLEDGER_", "IVALUA_", "WAREHOUSE_")):
                    del os.environ[name]
            os.environ.update(env)
            try:
                return cls()
            finally:
                os.environ.clear()
                os.environ.update(saved)

        return go

    add(b, "pydantic_settings.required_setting_missing", "pydantic_settings.settings", WE, None, [
        ("SUBMIT :: Xledger AP invoices", settings(XledgerSettings, {"XLEDGER_ENTITY_ID": "44660227"})),
        ("EXTRACT :: Ivalua suppliers", settings(IvaluaSettings, {"IVALUA_CLIENT_ID": "acme-prod-api"})),
        ("LOAD :: Postgres warehouse", settings(WarehouseSettings, {"WAREHOUSE_HOST": "dwh.acme.internal", "WAREHOUSE_USER": "etl_loader"})),
    ], source=version("pydantic-settings"))

    # lxml: the tenant's XML has an unescaped ampersand in a name
    Path("in").mkdir(exist_ok=True)
    Path("in/ehf_INV-2024-0612.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"\n  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"\n  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">\n  <cbc:ID>INV-2024-0612</cbc:ID>\n  <cbc:IssueDate>2024-06-12</cbc:IssueDate>\n  <cac:AccountingSupplierParty><cac:Party><cac:PartyName>\n    <cbc:Name>Bolt & Mutter AS</cbc:Name>\n  </cac:PartyName></cac:Party></cac:AccountingSupplierParty>\n</Invoice>\n')
    Path("in/camt053_20240612.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n <BkToCstmrStmt>\n  <Stmt>\n   <Id>STMT-20240612-01</Id>\n   <Ntry>\n    <Amt Ccy="NOK">1204.50</Amt>\n    <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Hansen & Sonn AS</Nm></Dbtr></RltdPties></TxDtls></NtryDtls>\n   </Ntry>\n  </Stmt>\n </BkToCstmrStmt>\n</Document>\n')
    Path("in/order_response_PO-88213.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<OrderResponse>\n  <OrderNo>PO-88213</OrderNo>\n  <Status>Accepted</Status>\n  <Lines>\n    <Line><ItemNo>ART-70061</ItemNo><Description>Skruer 4x40 & 5x50</Description></Line>\n  </Lines>\n</OrderResponse>\n')
    add(b, "lxml.unescaped_ampersand", "xml.syntax", IDQ, None, [
        ("READ :: SFTP EHF invoices", call(etree.parse, "in/ehf_INV-2024-0612.xml")),
        ("READ :: SFTP bank statements", call(etree.parse, "in/camt053_20240612.xml")),
        ("READ :: FTP order responses", call(etree.parse, "in/order_response_PO-88213.xml")),
    ], source=f"{version('lxml')} etree.parse")


# =========================================================================== HTTP clients


def http_prod4(b: Subset) -> None:
    import httpx
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    hx, rq, py = version("httpx"), version("requests"), cap.python_source()

    # httpx: the vendor's API host refuses the connection
    def refused(path: str) -> Callable[[], object]:
        url = f"http://{srv.LOOPBACK}:{srv.closed_port()}{path}"
        return lambda: httpx.get(url, timeout=10)

    add(b, "httpx.connect_refused", "http.connect", TPS, None, [
        ("EXTRACT :: Visma customers", refused("/api/v1/customers?page=3")),
        ("SUBMIT :: Logistics bookings", refused("/api/v2/bookings")),
        ("EXTRACT :: Currency rates", refused("/api/data/EXR/B.EUR.NOK.SP?lastNObservations=1")),
    ], source=hx, code=None)

    with srv.http_server() as (base, canned):
        # requests with urllib3 Retry: every attempt answered 503
        def retried(key: str, path: str, total: int) -> Callable[[], object]:
            def go() -> object:
                with requests.Session() as session:
                    session.mount("http://", HTTPAdapter(max_retries=Retry(total=total, backoff_factor=0, status_forcelist=[502, 503, 504])))
                    return session.get(f"{base}/r/{key}{path}", timeout=10)

            return go

        for i in range(3):
            canned.put(f"retry503_{i}", 503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", "text/html")
        add(b, "requests.retry_too_many_503", "http.retry", TPS, None, [
            ("EXTRACT :: Tripletex ledger", retried("retry503_0", "/v2/ledger/posting?dateFrom=2024-06-01&dateTo=2024-06-12", 3)),
            ("EXTRACT :: Partner stock levels", retried("retry503_1", "/inventory/v1/export.csv", 5)),
            ("SUBMIT :: Supplier portal invoices", retried("retry503_2", "/portal/api/v3/invoices/status", 3)),
        ], source=f"{rq} + {version('urllib3')} Retry(status_forcelist=[502, 503, 504])", code=503)

        blind23.status_cases(b, base, canned, [
            ("httpx.http_401_access_token_expired", "http.status", TPS, WE, 401, "httpx", "vendor OAuth error body (modelled)", {"WWW-Authenticate": 'Bearer error="invalid_token", error_description="The access token expired"'}, "application/json", [
                ("EXTRACT :: Visma customers", "/api/v1/customers?page=3", '{"error":"invalid_token","error_description":"The access token expired at 2024-06-12T02:00:14Z"}'),
                ("EXTRACT :: Tripletex ledger", "/v2/ledger/voucher?dateFrom=2024-06-01&dateTo=2024-06-12", '{"error":"invalid_token","error_description":"The access token expired at 2024-06-12T03:15:40Z"}'),
                ("SUBMIT :: Logistics bookings", "/api/v2/bookings", '{"error":"invalid_token","error_description":"The access token expired at 2024-06-12T01:45:02Z"}'),
            ]),
            ("requests.http_429_rate_limited", "http.status", TPS, None, 429, "requests", "vendor rate-limit body (modelled)", {"Retry-After": "30"}, "application/json", [
                ("EXTRACT :: Tripletex ledger", "/v2/ledger/posting?from=0&count=1000", '{"status":429,"message":"Rate limit exceeded. Please retry after 30 seconds."}'),
                ("EXTRACT :: Visma customers", "/api/v1/customers?page=14", '{"status":429,"message":"Rate limit exceeded. Please retry after 60 seconds."}'),
                ("EXTRACT :: Partner stock levels", "/inventory/v1/items?updatedSince=2024-06-11", '{"status":429,"message":"Rate limit exceeded. Please retry after 15 seconds."}'),
            ]),
        ])

        # urllib: the vendor's gateway answers 502
        gateway = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

        def fetch(key: str, path: str, data: bytes | None = None) -> Callable[[], object]:
            request = urllib.request.Request(f"{base}/r/{key}{path}", data=data, headers={"Content-Type": "application/json"} if data else {})
            return lambda: urllib.request.urlopen(request, timeout=10)

        for i in range(3):
            canned.put(f"gw502_{i}", 502, gateway, "text/html")
        add(b, "urllib.http_502_bad_gateway", "http.status", TPS, None, [
            ("EXTRACT :: Currency rates", fetch("gw502_0", "/api/data/EXR/B.USD+EUR.NOK.SP?format=csv&lastNObservations=1")),
            ("EXTRACT :: Bank statements API", fetch("gw502_1", "/psd2/v1/accounts/NO9386011117947/transactions?dateFrom=2024-06-11")),
            ("NOTIFY :: Teams channel", fetch("gw502_2", "/webhookb2/7f3c9a2e/IncomingWebhook/5b1d", json.dumps({"text": "AP invoices run 88213 finished"}).encode())),
        ], source=f"{py} urllib + nginx gateway page (modelled)", code=502, wrap="HTTPError", wrap_message=blind5.urllib_with_body)

    # requests: the vendor accepts the connection and never answers
    with srv.silent_server() as port:

        def slow(path: str, read: float) -> Callable[[], object]:
            return lambda: requests.get(f"http://{srv.LOOPBACK}:{port}{path}", timeout=(5, read))

        add(b, "requests.read_timeout", "http.timeout", TPS, None, [
            ("EXTRACT :: Visma customers", slow("/api/v1/customers?page=3", 2)),
            ("EXTRACT :: Partner stock levels", slow("/inventory/v1/export.csv", 3)),
            ("SUBMIT :: Logistics bookings", slow("/api/v2/bookings/status", 1.5)),
        ], source=rq, code=None)


# =========================================================================== vendors: Xledger GraphQL, Ivalua REST, SOAP


def vendor_prod4(b: Subset) -> None:
    import httpx
    import requests

    xl = f"{version('httpx')} + Xledger GraphQL body (modelled)"
    with srv.http_server() as (base, canned):

        def graphql(key: str, query: str) -> Callable[[], None]:
            """The platform's Xledger client: POST the query, raise GraphQLException(errors)."""

            def go() -> None:
                payload = httpx.post(f"{base}/r/{key}/graphql", json={"query": query}, timeout=30).json()
                if payload.get("errors"):
                    raise cap.platform("GraphQLException")(payload["errors"])

            return go

        def xledger(template: str, cat: str, code: str, items: list[tuple[str, str, str]]) -> None:
            variants: Variants = []
            for i, (act, field, message) in enumerate(items):
                body = {"errors": [{"message": message, "path": [field], "extensions": {"code": code}}], "data": None}
                key = canned.put(f"{template.replace('.', '_')}{i}", 200, json.dumps(body))
                variants.append((act, graphql(key, f"mutation {{ {field}(nodes: []) {{ edges {{ node {{ dbId }} }} }} }}")))
            b.add(template, "xledger.graphql", cat, variants, source=xl)

        xledger("xledger.graphql_invalid_field_value", IDQ, "BAD_USER_INPUT", [
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "Invalid value for field 'invoiceDate': '2024-06-31' is not a valid date."),
            ("SUBMIT :: Xledger GL vouchers", "addGLImportItems", "Invalid value for field 'amount': '1 204,50' is not a valid decimal."),
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "Invalid value for field 'currencyCode': 'NKR' is not a valid currency."),
        ])
        xledger("xledger.graphql_internal_server_error", TPS, "INTERNAL_SERVER_ERROR", [
            ("SUBMIT :: Xledger AP invoices", "addApTransactions", "An unexpected error occurred. Please contact Xledger support and refer to error id 7f3c9a2e-41b0-4d8e-a1c2-5b6d7e8f9a01."),
            ("EXTRACT :: Xledger GL transactions", "glTransactions", "An unexpected error occurred. Please contact Xledger support and refer to error id 0b9d1c22-3f0e-4a55-8c7e-1d2e3f4a5b6c."),
            ("EXTRACT :: Xledger suppliers", "suppliers", "An unexpected error occurred. Please contact Xledger support and refer to error id c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f."),
        ])

        def ivalua(key: str, path: str, payload: dict[str, Any] | None) -> Callable[[], None]:
            """The platform's Ivalua client: the HTTPError with the (truncated) response body."""

            def go() -> None:
                url = f"{base}/r/{key}{path}"
                resp = requests.post(url, json=payload, timeout=30) if payload is not None else requests.get(url, timeout=30)
                try:
                    resp.raise_for_status()
                except requests.HTTPError as exc:
                    raise requests.HTTPError(f"{exc} - {resp.text[:300]}") from exc

            return go

        iv = f"{version('requests')} + Ivalua REST body (modelled)"
        variants: Variants = []
        for i, (act, path, state) in enumerate([
            ("SUBMIT :: Ivalua invoices", "/api/v3/invoices", {"invoice.SupplierCode": ["The supplier 'SUP-10099' does not exist or is inactive."]}),
            ("EXPORT :: Ivalua purchase orders", "/api/v3/orders", {"order.Lines[2].UnitPrice": ["The field UnitPrice must be a number."]}),
            ("EXPORT :: Ivalua supplier master", "/api/v3/suppliers", {"supplier.VatNumber": ["The VatNumber field is required."]}),
        ]):
            key = canned.put(f"iv400_{i}", 400, json.dumps({"Message": "The request is invalid.", "ModelState": state}))
            variants.append((act, ivalua(key, path, {"id": 88213 + i})))
        add(b, "ivalua.rest_400_model_state", "ivalua.http", IDQ, None, variants, source=iv, code=400)

        upkeep = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The Ivalua platform is under maintenance ({when}). Please try again later.</p></body></html>"
        variants = []
        for i, (act, path, when) in enumerate([
            ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers?page=7", "release 178, until 06:00 CET"),
            ("EXTRACT :: Ivalua contracts", "/api/v3/contracts?modifiedSince=2024-06-11", "release 178, until 06:00 CET"),
            ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?status=Validated&page=2", "release 179, until 07:30 CET"),
        ]):
            key = canned.put(f"iv503_{i}", 503, upkeep.format(when=when), "text/html")
            variants.append((act, ivalua(key, path, None)))
        add(b, "ivalua.rest_503_maintenance", "ivalua.http", TPS, None, variants, source=iv, code=503)

        # SOAP: the vendor's ASMX service fails inside
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP invoices", "SUBMIT :: Agresso SOAP vouchers", "EXTRACT :: SOAP supplier register"], [
            ("soap.fault_server_unable_to_process", "soap:Server", TPS, None, [
                "Server was unable to process request. ---> Transaction (Process ID 87) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
                "Server was unable to process request. ---> Object reference not set to an instance of an object.",
                "Server was unable to process request. ---> Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
            ]),
        ], source=f"{version('zeep')} + SOAP fault bodies (modelled on .NET ASMX)", invoice_prefix="P4")


# =========================================================================== S3 through boto3


def s3_prod4(b: Subset) -> None:
    blind3.aws_env()
    bc = f"{version('boto3')}; {version('botocore')}"
    Path("out").mkdir(exist_ok=True)
    with srv.http_server() as (base, canned):
        client = functools.partial(blind.aws_client, base, "s3")

        # transfer manager download_file: the tenant's file is not in the drop bucket
        variants: Variants = []
        for i, (act, bucket, key, local) in enumerate([
            ("READ :: S3 supplier invoices", "acme-etl-inbound", "tenants/44660227/invoices/invoices_20240612.csv", "invoices_20240612.csv"),
            ("READ :: S3 bank statements", "acme-bank-files", "camt053/camt053_20240612.xml", "camt053_20240612.xml"),
            ("READ :: S3 purchase orders", "acme-etl-inbound", "tenants/12093311/orders/orders_20240612.parquet", "orders_20240612.parquet"),
        ]):
            k = canned.put(f"dl404_{i}", 404, b"", "application/xml")
            variants.append((act, lambda k=k, bucket=bucket, key=key, local=local: client(k).download_file(bucket, key, local)))
        add(b, "s3.download_file_not_found", "s3.client_error", IDQ, None, variants, source=f"{bc} transfer manager download_file + S3 HEAD reply (modelled)", code=404)

        # get_object / list_objects_v2: the partner's bucket policy does not let the platform in
        variants = []
        for i, (act, op, bucket, key) in enumerate([
            ("EXTRACT :: S3 partner orders", "get", "elkjop-partner-drop", "outbound/orders/2024-06-12.csv"),
            ("EXTRACT :: S3 partner price files", "list", "grossisten-prices", "pricelists/2024Q3/"),
            ("EXTRACT :: S3 carrier tracking", "get", "fraktpartner-exchange", "acme/tracking_20240612.json"),
        ]):
            k = canned.put(f"ad{i}", 403, blind.s3_error("AccessDenied", "Access Denied", f"8F3A2C1D9E0B{i:04d}"), "application/xml")
            if op == "get":
                variants.append((act, lambda k=k, bucket=bucket, key=key: client(k).get_object(Bucket=bucket, Key=key)))
            else:
                variants.append((act, lambda k=k, bucket=bucket, key=key: client(k).list_objects_v2(Bucket=bucket, Prefix=key)))
        add(b, "s3.partner_bucket_access_denied", "s3.client_error", TPS, None, variants, source=f"{bc} + S3 error body (modelled)", code=403)

        # transfer manager upload_file: S3 asks to slow down
        variants = []
        for i, (act, local, bucket, key) in enumerate([
            ("EXPORT :: S3 invoice archive", "out/invoices_20240612.parquet", "acme-etl-exports", "invoices/2024/06/12/invoices.parquet"),
            ("EXPORT :: S3 GL extract", "out/gl_2024_06.csv", "acme-etl-exports", "gl/year=2024/month=06/gl.csv"),
            ("EXPORT :: S3 supplier master", "out/suppliers_full.csv", "acme-partner-outbox", "ivalua/suppliers_full_20240612.csv"),
        ]):
            Path(local).write_bytes(b"PAR1" + b"\0" * 128)
            k = canned.put(f"up503_{i}", 503, blind.s3_error("SlowDown", "Please reduce your request rate.", f"5C7E9A1B3D2F{i:04d}"), "application/xml")
            variants.append((act, lambda k=k, local=local, bucket=bucket, key=key: client(k).upload_file(local, bucket, key)))
        add(b, "s3.upload_file_slow_down", "s3.client_error", TPS, None, variants, source=f"{bc} transfer manager upload_file + S3 error body (modelled)", code=503)


# =========================================================================== FTP and SFTP


def ftp_prod4(b: Subset) -> None:
    py = cap.python_source()
    login_refused = {"PASS": "530 Login incorrect."}
    add(b, "ftp.530_login_incorrect", "ftp.error_perm", TPS, WE, [
        blind.ftp_case("READ :: FTP bank transactions", login_refused, lambda c: None, "220 (vsFTPd 3.0.5)", "dnb_acme_prod"),
        blind.ftp_case("EXPORT :: FTP payments", login_refused, lambda c: None, "220 ProFTPD Server (Bank FTP) [127.0.0.1]", "acme_pay"),
        blind.ftp_case("READ :: FTP order responses", login_refused, lambda c: None, "220 (vsFTPd 3.0.3)", "edi_acme"),
    ], source=f"{py} ftplib + FTP server replies (modelled on vsftpd/ProFTPD)", code=None)

    with srv.ssh_server_rejecting_passwords() as port:
        add(b, "sftp.authentication_failed", "sftp.auth", TPS, WE, [
            ("READ :: SFTP EHF invoices", srv.ssh_login(port, "acme_einvoice")),
            ("EXPORT :: SFTP payments", srv.ssh_login(port, "acme_pay")),
            ("READ :: SFTP supplier master", srv.ssh_login(port, "ivalua_acme")),
        ], source=f"{version('paramiko')} SSHClient.connect against a server refusing the password", code=None)


# =========================================================================== workflow engine (modelled)


def engine_prod4(b: Subset) -> None:
    def cycle(edges: dict[str, set[str]]) -> Callable[[], object]:
        return lambda: list(graphlib.TopologicalSorter(edges).static_order())

    add(b, "engine.dag_cycle", "workflow.dag", WE, None, [
        ("TRANSFORM :: SQL invoices", cycle({"TRANSFORM :: SQL invoices": {"LOAD :: Postgres invoices"}, "LOAD :: Postgres invoices": {"TRANSFORM :: SQL invoices"}})),
        ("EXPORT :: S3 supplier master", cycle({"EXPORT :: S3 supplier master": {"TRANSFORM :: SQL supplier master"}, "TRANSFORM :: SQL supplier master": {"READ :: S3 supplier master"}, "READ :: S3 supplier master": {"EXPORT :: S3 supplier master"}})),
        ("NOTIFY :: Email AP report", cycle({"NOTIFY :: Email AP report": {"EXPORT :: CSV AP aging report"}, "EXPORT :: CSV AP aging report": {"NOTIFY :: Email AP report"}})),
    ], source=f"{cap.python_source()} graphlib in the workflow platform's scheduler")

    cases = [
        ("engine.upstream_failed", "workflow.dag", "UpstreamFailedError", [
            ("LOAD :: Postgres invoices", "Activity 'LOAD :: Postgres invoices' was not run: upstream activity 'TRANSFORM :: SQL invoices' failed (run 88213)."),
            ("SUBMIT :: Xledger AP invoices", "Activity 'SUBMIT :: Xledger AP invoices' was not run: upstream activity 'READ :: SFTP AP invoices' failed (run 90211)."),
            ("NOTIFY :: Email AP report", "Activity 'NOTIFY :: Email AP report' was not run: upstream activity 'EXPORT :: CSV AP aging report' failed (run 88240)."),
        ]),
        ("engine.worker_lost", "workflow.worker", "WorkerLostError", [
            ("TRANSFORM :: Python enrich invoices", "Worker exited prematurely: signal 9 (SIGKILL) Job: 118."),
            ("LOAD :: DuckDB warehouse", "Worker exited prematurely: signal 9 (SIGKILL) Job: 42."),
            ("TRANSFORM :: SQL spend cube", "Worker exited prematurely: signal 15 (SIGTERM) Job: 307."),
        ]),
        ("engine.activity_time_limit", "workflow.timeout", "ActivityTimeoutError", [
            ("TRANSFORM :: SQL spend cube", "Activity 'TRANSFORM :: SQL spend cube' exceeded its timeout of 3600 seconds and was cancelled"),
            ("LOAD :: Postgres warehouse", "Activity 'LOAD :: Postgres warehouse' exceeded its timeout of 1800 seconds and was cancelled"),
            ("TRANSFORM :: Python enrich invoices", "Activity 'TRANSFORM :: Python enrich invoices' exceeded its timeout of 900 seconds and was cancelled"),
        ]),
    ]
    for template, family, exc, items in cases:
        b.add(template, family, WE, many(exc, items), source=MODELLED)


# =========================================================================== main


FAMILIES = ["duckdb", "pandas", "postgres", "parsing", "http", "vendor", "s3", "ftp", "engine"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_prod4(b, tmp),
            "pandas": lambda: pandas_prod4(b),
            "postgres": lambda: postgres_prod4(b),
            "parsing": lambda: parsing_prod4(b),
            "http": lambda: http_prod4(b),
            "vendor": lambda: vendor_prod4(b),
            "s3": lambda: s3_prod4(b),
            "ftp": lambda: ftp_prod4(b),
            "engine": lambda: engine_prod4(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
