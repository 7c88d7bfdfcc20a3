"""Capture the PRODUCTION-MIX holdout prod1 (platform side): the errors a pipeline platform hits most often, written without the rules.

Earlier holdouts (``blind.*`` to ``blind23.*``) hunted rare and new wordings. This round
(template_id ``prod1.*``, split ``holdout``) instead looks like production: the platform-side
errors that fail jobs MOST OFTEN, in their most common wordings, with fresh realistic values (new
tables, columns, files, ids and tenants). Templates that may already be in the corpus were not
avoided: repeats of common templates with new values are what production looks like. The
templates were chosen and labelled without reading the rules, so scoring the rules frozen before
it (``benchmarks/rule_generalisation.py REV --subset prod1``) measures how they fare on a
production mix. The families are weighted by how often they fail in production: DuckDB (binder,
catalog, conversion, parser, invalid input, IO, constraint, out of memory) about 45%; pandas about
20%; JSON and encoding errors on tenant files about 10%; pydantic validation of records and step
configuration about 10%; Python errors in the platform's own transform code about 10%; and the
workflow engine (modelled) about 5%.
Labels follow who must act: a user's SQL in a ``TRANSFORM :: SQL`` step is the user's content
(INPUT_DATA_QUALITY, with WORKFLOW_ENGINE as the alternative), SQL the platform generates for its
LOAD/EXPORT steps and the platform's own code are the platform's (WORKFLOW_ENGINE); bad values,
missing columns and broken tenant files are the data's (INPUT_DATA_QUALITY).
Each error is raised by the real library installed here (DuckDB without extension downloads);
workflow-engine messages are modelled on realistic phrasings and say so in ``source``.

Run:  uv run python scripts/capture_prod1_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``prod1.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages are kept verbatim on one line

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import io
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
PREFIX = "prod1."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
Cases = blind9.Cases
many = blind.many
add_cases, call = blind9.add_cases, blind9.call


# =========================================================================== DuckDB


#: staging tables as the platform loads tenant files: every column VARCHAR, values as delivered
STG_INVOICES = (
    "create table stg_invoices(invoice_no varchar, supplier_no varchar, amount varchar, currency varchar, "
    "invoice_date varchar, due_date varchar, cost_centre varchar);insert into stg_invoices values "
    "('INV-2024-0712', '20381', '1 204,50', 'NOK', '31.06.2024', '2024-07-31', 'CC-5120'), "
    "('INV-2024-0713', '20382', '880.00', 'EUR', '2024-07-13', '12/08/2024', null)"
)
STG_PO_LINES = (
    "create table stg_po_lines(po_number varchar, line_no varchar, item_code varchar, qty varchar, "
    "unit_price varchar, delivery_date varchar);insert into stg_po_lines values "
    "('PO-771204', '1', 'ITM-33017', '2 pcs', '149,90', '2024-07-15'), "
    "('PO-771204', '2', 'ITM-33018', '12', '15.00', '15.07.2024')"
)
STG_PAYMENTS = (
    "create table stg_payments(payment_id varchar, invoice_no varchar, paid_amount varchar, paid_on varchar, "
    "bank_account varchar);insert into stg_payments values "
    "('PAY-558201', 'INV-2024-0712', '1204.50', '2024-07-20', '1503.44.12345'), "
    "('PAY-558202', 'INV-2024-0713', 'kr 880', '20.07.2024', '1503.44.12346')"
)
DIM_SUPPLIERS = (
    "create table dim_suppliers(supplier_no varchar, supplier_name varchar, org_no varchar, country varchar, "
    "status varchar);insert into dim_suppliers values "
    "('20381', 'Nordlys Elektro AS', '923456781', 'NO', 'active'), ('20382', 'Baltic Timber SIA', null, 'LV', 'blocked')"
)
PO_HEADERS = (
    "create table po_headers(po_number varchar, supplier_no varchar, status varchar, ordered_on date);"
    "insert into po_headers values ('PO-771204', '20381', 'open', '2024-07-01')"
)
LEDGER = (
    "create table ledger(entry_id integer primary key, account varchar not null, amount decimal(14,2) not null, "
    "posted date, supplier_no varchar, voucher_no varchar)"
)


def _tenant_files() -> None:
    """Tenant files as they arrive in the platform's inbox (relative paths keep messages stable)."""
    for tenant in ("52018844", "60331207", "71904466"):
        Path("inbox", tenant).mkdir(parents=True, exist_ok=True)
    body = "".join(f"INV-{70000 + i};{20300 + i % 90};{100 + i % 977}.{i % 100:02d}\n" for i in range(30000))
    Path("inbox/52018844/invoices_20240712.csv").write_text("invoice_no;supplier_no;amount\n" + body + "INV-99999;20381;1204.50;NOK\n")
    Path("inbox/60331207/ap_lines_0715.csv").write_text("invoice_no;supplier_no;amount\n" + body + "INV-99998;20382;880.00;EUR;Q3\n")
    Path("inbox/71904466/payments_2024-07.csv").write_text("invoice_no;supplier_no;amount\n" + body + "INV-99997;20383;99.00;SEK;2024-07-20;x\n")
    Path("inbox/52018844/supplier_payments_0718.csv").write_text("invoice_no;supplier_no;amount\n" + body + "INV-99996;20381;1 204,50\n")
    Path("inbox/60331207/gl_postings_0719.csv").write_text("invoice_no;supplier_no;amount\n" + body + "INV-99995;20382;n/a\n")
    Path("inbox/71904466/open_items_0720.csv").write_text("invoice_no;supplier_no;amount\n" + body + "INV-99994;20383;12.500,00\n")
    Path("inbox/52018844/suppliers.csv").write_text("supplier_no;name;org_no\n20381;Nordlys Elektro AS;923456781\n20382;Baltic Timber SIA;;LV\n20383;Fjellbygg AS;987612345\n20384\n")
    Path("inbox/60331207/cost_centres.csv").write_text("code;name;owner\nCC-5120;Innkjøp;kari.n\nCC-5130;Drift;ola.h;extra\nCC-5140\n")
    Path("inbox/71904466/items_0715.csv").write_text("item_code;description;uom;price\nITM-33017;Kabel 3x2,5;m;12,50;NOK\nITM-33018;Stikkontakt;stk;49,90\nITM-33019\n")
    Path("inbox/52018844/orders_0712.parquet").write_bytes(b"")
    Path("inbox/60331207/invoice_lines_0715.parquet").write_bytes(b"PAR1\x15\x04\x15\x80")
    Path("inbox/71904466/receipts_2024-07.parquet").write_bytes(b"PAR1")
    Path("inbox/52018844/orders_20240712.jsonl").write_text('{"order_no": "SO-440918", "amount": 1204.5}\n{"order_no": "SO-440919", "amount": }\n')
    Path("inbox/60331207/suppliers_delta.jsonl").write_text('{"supplier_no": "20381", "name": "Nordlys Elektro AS"}\n{"supplier_no": "20382" "name": "Baltic Timber SIA"}\n')
    Path("inbox/71904466/receipts_0715.jsonl").write_text('{"receipt_id": 9001, "qty": 12}\n{"receipt_id": 9002, "qty": 3}\n{"receipt_id": 9003 "qty": 1}\n')


def duckdb_prod1(b: Subset) -> None:
    run = blind.offline_duckdb_query

    def oom(sql: str, limit: str) -> Callable[[], Any]:
        return blind.duckdb_query(sql, config={**blind.OFFLINE_DUCKDB, "memory_limit": limit, "threads": 1})

    _tenant_files()
    inv, po, pay, sup, hdr = STG_INVOICES, STG_PO_LINES, STG_PAYMENTS, DIM_SUPPLIERS, PO_HEADERS
    cases: Cases = [
        # ---- Binder errors
        ("duckdb.binder.column_not_found_user_sql", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL invoices", run("select invoice_no, vendor_id, amount from stg_invoices", inv)),
            ("TRANSFORM :: SQL supplier spend", run("select supplier_name, count(*) from stg_invoices group by supplier_name", inv)),
            ("TRANSFORM :: SQL purchase orders", run("select po_number, line_no, price * qty as line_total from stg_po_lines", po)),
        ]),
        ("duckdb.binder.column_not_found_platform_sql", "duckdb.binder", WE, None, [
            ("LOAD :: DuckDB ledger", run("insert into ledger select row_number() over (), cost_centre, amount::decimal(14,2), invoice_date::date, supplier_no, _batch_id from stg_invoices", LEDGER + ";" + inv)),
            ("LOAD :: DuckDB payments", run("select payment_id, invoice_no, paid_amount, _loaded_at from stg_payments where _run_id = 91844", pay)),
            ("EXPORT :: CSV suppliers", run("select supplier_no, supplier_name, org_no, _tenant_id from dim_suppliers order by supplier_no", sup)),
        ]),
        ("duckdb.binder.ambiguous_column", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL invoices", run("select invoice_no, amount, paid_amount from stg_invoices i join stg_payments p on i.invoice_no = p.invoice_no", inv + ";" + pay)),
            ("TRANSFORM :: SQL supplier spend", run("select supplier_no, supplier_name, count(*) from stg_invoices i join dim_suppliers s on i.supplier_no = s.supplier_no group by all", inv + ";" + sup)),
            ("TRANSFORM :: SQL purchase orders", run("select h.po_number, line_no, supplier_no from po_headers h join stg_po_lines l on l.po_number = h.po_number join dim_suppliers s on s.supplier_no = h.supplier_no", hdr + ";" + po + ";" + sup)),
        ]),
        ("duckdb.binder.group_by_missing", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL supplier spend", run("select supplier_no, currency, count(*) as n from stg_invoices group by supplier_no", inv)),
            ("TRANSFORM :: SQL purchase orders", run("select po_number, item_code, count(*) from stg_po_lines group by po_number", po)),
            ("TRANSFORM :: SQL payments", run("select invoice_no, paid_on, count(*) as payments from stg_payments group by invoice_no", pay)),
        ]),
        # ---- Catalog errors
        ("duckdb.catalog.table_missing_user_sql", "duckdb.catalog", IDQ, WE, [
            ("TRANSFORM :: SQL invoices", run("select * from stg_invoice where invoice_date >= '2024-07-01'", inv)),
            ("TRANSFORM :: SQL purchase orders", run("select l.* from stg_purchase_orders o join stg_po_lines l using (po_number)", po)),
            ("TRANSFORM :: SQL supplier spend", run("select s.supplier_name, count(*) from stg_invoices i join suppliers s using (supplier_no) group by 1", inv + ";" + sup)),
        ]),
        ("duckdb.catalog.schema_missing", "duckdb.catalog", WE, None, [
            ("LOAD :: DuckDB ledger", run("create table stg_run_91844.ledger as select * from stg_invoices", inv)),
            ("LOAD :: DuckDB suppliers", run("create table tenant_60331207.dim_suppliers(supplier_no varchar, supplier_name varchar)")),
            ("LOAD :: DuckDB payments", run("create table stg_run_92017.payments as select * from stg_payments", pay)),
        ]),
        # ---- Conversion errors (tenant values)
        ("duckdb.conversion.cast_integer_column", "duckdb.conversion", IDQ, None, [
            ("LOAD :: DuckDB purchase orders", run("select po_number, line_no::integer, qty::integer from stg_po_lines", po)),
            ("LOAD :: DuckDB suppliers", run("select supplier_no::bigint, org_no::integer from dim_suppliers where org_no is not null union all select 1, cast('NO923456781' as integer)", sup)),
            ("LOAD :: DuckDB payments", run("select payment_id, cast(replace(payment_id, 'PAY-', '') as integer), cast(paid_amount as integer) from stg_payments", pay)),
        ]),
        ("duckdb.conversion.cast_date_column", "duckdb.conversion", IDQ, None, [
            ("LOAD :: DuckDB invoices", run("select invoice_no, cast(invoice_date as date) from stg_invoices", inv)),
            ("LOAD :: DuckDB purchase orders", run("select po_number, delivery_date::date from stg_po_lines", po)),
            ("LOAD :: DuckDB payments", run("select payment_id, cast(paid_on as date) as paid_on from stg_payments", pay)),
        ]),
        ("duckdb.conversion.cast_decimal_column", "duckdb.conversion", IDQ, None, [
            ("LOAD :: DuckDB invoices", run("select invoice_no, amount::decimal(14,2) from stg_invoices", inv)),
            ("LOAD :: DuckDB purchase orders", run("select po_number, cast(unit_price as decimal(12,4)) from stg_po_lines", po)),
            ("LOAD :: DuckDB payments", run("select payment_id, cast(paid_amount as decimal(14,2)) from stg_payments", pay)),
        ]),
        ("duckdb.conversion.csv_column_type", "duckdb.conversion", IDQ, None, [
            ("READ :: CSV supplier payments", run("select supplier_no, sum(amount) from read_csv('inbox/52018844/supplier_payments_0718.csv') group by 1")),
            ("READ :: CSV GL postings", run("select * from read_csv('inbox/60331207/gl_postings_0719.csv')")),
            ("READ :: CSV open items", run("select count(*), sum(amount) from read_csv('inbox/71904466/open_items_0720.csv')")),
        ]),
        # ---- Parser errors (user-written SQL)
        ("duckdb.parser.syntax_error", "duckdb.parser", IDQ, WE, [
            ("TRANSFORM :: SQL invoices", run("select invoice_no, amount from stg_invoices were currency = 'NOK'", inv)),
            ("TRANSFORM :: SQL supplier spend", run("select supplier_no, count(*) as n, from stg_invoices group supplier_no", inv)),
            ("TRANSFORM :: SQL purchase orders", run("select po_number, line_no from stg_po_lines where qty > 0 order by", po)),
        ]),
        # ---- Invalid input (tenant files)
        ("duckdb.invalid_input.csv_column_count", "duckdb.invalid_input", IDQ, None, [
            ("READ :: CSV invoices", run("select * from read_csv('inbox/52018844/invoices_20240712.csv', delim=';', header=true)")),
            ("READ :: CSV AP lines", run("select * from read_csv('inbox/60331207/ap_lines_0715.csv')")),
            ("READ :: CSV payments", run("select count(*) from read_csv('inbox/71904466/payments_2024-07.csv', delim=';')")),
        ]),
        ("duckdb.invalid_input.csv_sniff_failed", "duckdb.invalid_input", IDQ, None, [
            ("READ :: CSV suppliers", run("select * from read_csv('inbox/52018844/suppliers.csv', delim=';', header=true)")),
            ("READ :: CSV cost centres", run("select * from read_csv('inbox/60331207/cost_centres.csv', delim=';', header=true)")),
            ("READ :: CSV items", run("select * from read_csv('inbox/71904466/items_0715.csv', delim=';', header=true)")),
        ]),
        ("duckdb.invalid_input.parquet_too_small", "duckdb.invalid_input", IDQ, None, [
            ("READ :: Parquet orders", run("select * from read_parquet('inbox/52018844/orders_0712.parquet')")),
            ("READ :: Parquet invoice lines", run("select count(*) from read_parquet('inbox/60331207/invoice_lines_0715.parquet')")),
            ("READ :: Parquet receipts", run("select * from read_parquet('inbox/71904466/receipts_2024-07.parquet')")),
        ]),
        ("duckdb.invalid_input.malformed_json_lines", "duckdb.invalid_input", IDQ, None, [
            ("READ :: JSON orders", run("select * from read_json('inbox/52018844/orders_20240712.jsonl', format='newline_delimited')")),
            ("READ :: JSON suppliers", run("select * from read_json_auto('inbox/60331207/suppliers_delta.jsonl')")),
            ("READ :: JSON receipts", run("select * from read_json('inbox/71904466/receipts_0715.jsonl', format='newline_delimited')")),
        ]),
        # ---- IO errors (the platform's own intermediate files)
        ("duckdb.io.intermediate_missing", "duckdb.io", WE, None, [
            ("LOAD :: DuckDB invoices", run("select * from read_parquet('work/run_91844/stg_invoices.parquet')")),
            ("TRANSFORM :: SQL supplier spend", run("select * from read_parquet('work/run_92017/step_03/*.parquet')")),
            ("EXPORT :: CSV payments", run("copy (select * from read_parquet('work/run_92230/payments.parquet')) to 'outbox/payments.csv' (header)")),
        ]),
        # ---- Constraint errors (tenant data)
        ("duckdb.constraint.not_null", "duckdb.constraint", IDQ, None, [
            ("LOAD :: DuckDB suppliers", run("insert into suppliers select supplier_no, supplier_name, org_no from dim_suppliers", sup + ";create table suppliers(supplier_no varchar primary key, supplier_name varchar not null, org_no varchar not null)")),
            ("LOAD :: DuckDB invoices", run("insert into invoices select invoice_no, supplier_no, cost_centre from stg_invoices", inv + ";create table invoices(invoice_no varchar primary key, supplier_no varchar not null, cost_centre varchar not null)")),
            ("LOAD :: DuckDB ledger", run("insert into ledger values (1, null, 1204.50, '2024-07-12', '20381', 'V-88013')", LEDGER)),
        ]),
        ("duckdb.constraint.duplicate_key", "duckdb.constraint", IDQ, None, [
            ("LOAD :: DuckDB invoices", run("insert into invoices values ('INV-2024-0712', '20381'), ('INV-2024-0712', '20381')", "create table invoices(invoice_no varchar primary key, supplier_no varchar)")),
            ("LOAD :: DuckDB suppliers", run("insert into suppliers select supplier_no from dim_suppliers union all select '20382'", sup + ";create table suppliers(supplier_no varchar primary key)")),
            ("LOAD :: DuckDB ledger", run("insert into ledger values (5501, '2400', 880.00, '2024-07-13', '20382', 'V-88014'), (5501, '2400', 880.00, '2024-07-13', '20382', 'V-88014')", LEDGER)),
        ]),
        # ---- Out of memory
        ("duckdb.oom.memory_limit", "duckdb.oom", WE, None, [
            ("TRANSFORM :: SQL supplier spend", oom("select list(range) from range(20000000) group by range % 5", "48MB")),
            ("LOAD :: DuckDB ledger", oom("select list(range) from range(12000000) group by range % 3", "24MB")),
            ("TRANSFORM :: SQL invoices", oom("select list(range) from range(16000000) group by range % 7", "32MB")),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_prod1(b: Subset) -> None:
    import pandas as pd

    def tenant(text: str, **kw: Any) -> pd.DataFrame:
        return pd.read_csv(io.StringIO(text), sep=";", **kw)

    invoices = tenant("Invoice No;Supplier;Amount;Invoice Date\nINV-2024-0712;20381;1 204,50;31.06.2024\nINV-2024-0713;20382;880.00;2024-07-13\nINV-2024-0714;20383;ukjent;2024-07-14\n", dtype=str)
    payments = tenant("payment_id;invoice_no;amount;paid_on\nPAY-558201;INV-2024-0712;1204.50;2024-07-20\nPAY-558202;INV-2024-0713;kr 880;20.07.2024\nPAY-558203;INV-2024-0714;99.00;2024-07-22\n", dtype=str)
    items = tenant("item_code;qty;unit_price;delivered\nITM-33017;2 pcs;149,90;15/07/2024\nITM-33018;12;15.00;2024-07-15\nITM-33019;-;49.90;2024-07-16\n", dtype=str)
    supplier_master = tenant("supplier_no;name\n20381;Nordlys Elektro AS\n20382;Baltic Timber SIA\n20382;Baltic Timber SIA (old)\n")
    cost_centres = tenant("cost_centre;owner\nCC-5120;kari.n\nCC-5130;ola.h\nCC-5130;per.s\n")
    vat_codes = tenant("vat_code;rate\n1;25\n11;15\n11;12\n")
    erp_suppliers = pd.DataFrame({"supplier_no": [20381, 20382], "erp_id": ["S-001", "S-002"]})
    erp_items = pd.DataFrame({"item_code": [33017, 33018], "gl_account": ["4300", "4310"]})
    erp_ccs = pd.DataFrame({"cost_centre_id": [5120, 5130], "name": ["Innkjøp", "Drift"]})

    def empty_file(name: str) -> Callable[[], object]:
        def go() -> object:
            Path("inbox/71904466").mkdir(parents=True, exist_ok=True)
            Path("inbox/71904466", name).write_bytes(b"")
            return pd.read_csv(f"inbox/71904466/{name}", sep=";")

        return go

    def first_match(frame: pd.DataFrame, col: str, value: object) -> Callable[[], object]:
        return lambda: frame[frame[col] == value].iloc[0]

    def add_column(frame: pd.DataFrame, col: str, values: list[object]) -> Callable[[], object]:
        def go() -> None:
            out = frame.copy()
            out[col] = values

        return go

    cases: Cases = [
        ("pandas.key_error.column", "pandas.key_error", IDQ, WE, [
            ("TRANSFORM :: Python invoices", lambda: invoices["invoice_no"]),
            ("READ :: CSV payments", lambda: payments["PaymentDate"]),
            ("TRANSFORM :: Python items", lambda: items["uom"]),
        ]),
        ("pandas.value_error.astype_float", "pandas.value_error", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: invoices["Amount"].astype(float)),
            ("TRANSFORM :: Python payments", lambda: payments["amount"].astype("float64")),
            ("TRANSFORM :: Python items", lambda: items["unit_price"].astype(float)),
        ]),
        ("pandas.value_error.to_datetime_format", "pandas.value_error", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: pd.to_datetime(invoices["Invoice Date"], format="%Y-%m-%d")),
            ("TRANSFORM :: Python payments", lambda: pd.to_datetime(payments["paid_on"], format="%Y-%m-%d")),
            ("TRANSFORM :: Python items", lambda: pd.to_datetime(items["delivered"], format="%Y-%m-%d")),
        ]),
        ("pandas.value_error.to_numeric", "pandas.value_error", IDQ, None, [
            ("TRANSFORM :: Python invoices", lambda: pd.to_numeric(invoices["Amount"].iloc[1:])),
            ("TRANSFORM :: Python payments", lambda: pd.to_numeric(payments["amount"])),
            ("TRANSFORM :: Python items", lambda: pd.to_numeric(items["qty"].iloc[1:])),
        ]),
        ("pandas.merge_error.not_many_to_one", "pandas.merge", IDQ, None, [
            ("TRANSFORM :: Python supplier match", lambda: erp_suppliers.merge(supplier_master, on="supplier_no", validate="many_to_one")),
            ("TRANSFORM :: Python cost centres", lambda: invoices.assign(cost_centre="CC-5130").merge(cost_centres, on="cost_centre", validate="m:1")),
            ("TRANSFORM :: Python VAT codes", lambda: pd.DataFrame({"vat_code": [1, 11]}).merge(vat_codes, on="vat_code", validate="many_to_one")),
        ]),
        ("pandas.value_error.merge_dtype", "pandas.value_error", WE, IDQ, [
            ("TRANSFORM :: Python supplier match", lambda: invoices.rename(columns={"Supplier": "supplier_no"}).merge(erp_suppliers, on="supplier_no")),
            ("TRANSFORM :: Python items", lambda: items.merge(erp_items, on="item_code", how="left")),
            ("TRANSFORM :: Python cost centres", lambda: cost_centres.assign(cost_centre_id=cost_centres["cost_centre"].str[3:]).merge(erp_ccs, on="cost_centre_id")),
        ]),
        ("pandas.empty_data", "pandas.empty_data", IDQ, None, [
            ("READ :: CSV invoices", empty_file("invoices_20240715.csv")),
            ("READ :: CSV suppliers", empty_file("suppliers_delta_0715.csv")),
            ("READ :: CSV bank statement", empty_file("bank_stmt_1503_0715.csv")),
        ]),
        ("pandas.iloc_empty_selection", "pandas.index_error", IDQ, WE, [
            ("TRANSFORM :: Python supplier match", first_match(supplier_master, "supplier_no", 20399)),
            ("TRANSFORM :: Python payments", first_match(payments, "invoice_no", "INV-2024-0799")),
            ("TRANSFORM :: Python cost centres", first_match(cost_centres, "cost_centre", "CC-5190")),
        ]),
        ("pandas.value_error.length_mismatch", "pandas.value_error", WE, None, [
            ("TRANSFORM :: Python invoices", add_column(invoices, "amount_nok", [1204.5, 9870.0])),
            ("TRANSFORM :: Python payments", add_column(payments, "matched", [True, False, True, True])),
            ("TRANSFORM :: Python items", add_column(items, "gl_account", ["4300", "4310"])),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== JSON and encodings


def _load_json(path: str, content: str) -> Callable[[], object]:
    """A trigger: the platform reading a tenant's JSON file with json.load."""

    def go() -> object:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(content, encoding="utf-8")
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)

    return go


def _read_text(path: str, data: bytes) -> Callable[[], object]:
    """A trigger: the platform reading a tenant's text file as UTF-8."""

    def go() -> object:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
        return Path(path).read_text(encoding="utf-8")

    return go


def parsing_prod1(b: Subset) -> None:
    cases: Cases = [
        ("json.expecting_value", "json.decode", IDQ, None, [
            ("READ :: JSON orders", _load_json("inbox/52018844/orders_20240715.json", "")),
            ("READ :: JSON suppliers", _load_json("inbox/60331207/suppliers.json", '{"suppliers": [\n  {"supplier_no": "20381", "name": "Nordlys Elektro AS"},\n')),
            ("READ :: JSON receipts", _load_json("inbox/71904466/receipts_0715.json", '{"receipt_id": 9001, "qty": NaN, "received": }')),
        ]),
        ("json.expecting_delimiter", "json.decode", IDQ, None, [
            ("READ :: JSON orders", _load_json("inbox/52018844/orders_20240716.json", '[\n  {"order_no": "SO-440918", "amount": 1204.5}\n  {"order_no": "SO-440919", "amount": 99.0}\n]')),
            ("READ :: JSON invoices", _load_json("inbox/60331207/invoices_0716.json", '{"invoice_no": "INV-2024-0716" "amount": 880.0}')),
            ("READ :: JSON cost centres", _load_json("inbox/71904466/cost_centres.json", '{"CC-5120": {"owner": "kari.n"}, "CC-5130": {"owner": "ola.h"}\n "CC-5140": {}}')),
        ]),
        ("json.expecting_property_name", "json.decode", IDQ, None, [
            ("READ :: JSON suppliers", _load_json("inbox/52018844/suppliers_delta.json", '{"supplier_no": "20381", "name": "Nordlys Elektro AS",}')),
            ("READ :: JSON orders", _load_json("inbox/60331207/orders_0717.json", "{'order_no': 'SO-440920', 'amount': 15.0}")),
            ("READ :: JSON payments", _load_json("inbox/71904466/payments_0717.json", '[{"payment_id": "PAY-558204", "amount": 99.0, },\n {"payment_id": "PAY-558205"}]')),
        ]),
        ("unicode.decode_utf8_invalid_start", "unicode.decode", IDQ, None, [
            ("READ :: CSV suppliers", _read_text("inbox/52018844/suppliers_0718.csv", "supplier_no;name;city\n20381;Nordlys Elektro AS;Bodø\n".encode("latin-1"))),
            ("READ :: CSV invoices", _read_text("inbox/60331207/invoices_0718.csv", "invoice_no;amount;currency\nINV-2024-0718;1204,50;€\n".encode("cp1252"))),
            ("READ :: CSV cost centres", _read_text("inbox/71904466/cost_centres_0718.csv", "code;name\nCC-5120;Innkjøp – Drift\n".encode("cp1252"))),
        ]),
    ]
    add_cases(b, cases, cap.python_source())


# =========================================================================== pydantic


def pydantic_prod1(b: Subset) -> None:
    import pydantic

    class InvoiceRecord(pydantic.BaseModel):
        invoice_no: str
        supplier_no: str
        amount: decimal.Decimal
        invoice_date: dt.date
        currency: str = "NOK"

    class SqlStepConfig(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="forbid")
        query: str
        target_table: str
        materialize: str = "table"

    record = {"invoice_no": "INV-2024-0712", "supplier_no": "20381", "amount": "1204.50", "invoice_date": "2024-07-12"}

    def rec(**kw: Any) -> Callable[[], object]:
        data = {**record, **kw}
        return lambda: InvoiceRecord.model_validate(data)

    def without(key: str, **kw: Any) -> Callable[[], object]:
        data = {k: v for k, v in {**record, **kw}.items() if k != key}
        return lambda: InvoiceRecord.model_validate(data)

    def step(**kw: Any) -> Callable[[], object]:
        return lambda: SqlStepConfig.model_validate({"query": "select * from stg_invoices", "target_table": "invoices", **kw})

    cases: Cases = [
        ("pydantic.missing_field", "pydantic.validation", IDQ, None, [
            ("READ :: JSON invoices", without("supplier_no", invoice_no="INV-2024-0719")),
            ("READ :: CSV invoices", without("invoice_date", invoice_no="INV-2024-0720", amount="880.00")),
            ("TRANSFORM :: Python invoices", without("amount", invoice_no="INV-2024-0721", supplier_no="20383")),
        ]),
        ("pydantic.decimal_parsing", "pydantic.validation", IDQ, None, [
            ("READ :: CSV invoices", rec(amount="1 204,50")),
            ("READ :: JSON invoices", rec(invoice_no="INV-2024-0722", amount="kr 880")),
            ("TRANSFORM :: Python invoices", rec(invoice_no="INV-2024-0723", amount="n/a")),
        ]),
        ("pydantic.date_parsing", "pydantic.validation", IDQ, None, [
            ("READ :: CSV invoices", rec(invoice_date="31.06.2024")),
            ("READ :: JSON invoices", rec(invoice_no="INV-2024-0724", invoice_date="12/07/2024")),
            ("TRANSFORM :: Python invoices", rec(invoice_no="INV-2024-0725", invoice_date="2024-07-32")),
        ]),
        ("pydantic.step_config_extra_forbidden", "pydantic.validation", IDQ, WE, [
            ("TRANSFORM :: SQL invoices", step(materialise="table")),
            ("TRANSFORM :: SQL supplier spend", step(target_table="supplier_spend", partition_by="supplier_no")),
            ("TRANSFORM :: SQL purchase orders", step(target_table="po_lines", incremental_key="po_number")),
        ]),
    ]
    add_cases(b, cases, version("pydantic"))


# =========================================================================== Python errors in the platform's own code


def _mapping_lookup(mapping: dict[str, str | None], column: str) -> Callable[[], object]:
    """A trigger: the platform's header normaliser, which strips the mapped name it looks up."""
    return lambda: mapping.get(column).strip()  # type: ignore[union-attr]


def _payload(row: dict[str, object]) -> Callable[[], object]:
    """A trigger: the platform serialising a result row for its notification/export payload."""
    return lambda: json.dumps({"run_id": 91844, "row": row})


def _writer(fmt: str) -> Callable[[], object]:
    """A trigger: the platform's export step looking up the writer for an output format."""
    writers: dict[str, Callable[..., object]] = {"csv": print, "parquet": print, "json": print}
    return lambda: writers[fmt]


def _flatten(parents: dict[str, str], leaf: str) -> Callable[[], object]:
    """A trigger: the platform's recursive path-to-root walk over a tenant hierarchy whose
    parent links form a cycle (the walk has no guard against cycles)."""

    def path(node: str) -> list[str]:
        return [node, *path(parents[node])]

    return lambda: path(leaf)


def python_prod1(b: Subset) -> None:
    import numpy as np

    py = cap.python_source()
    cases: Cases = [
        ("python.attribute_error_none", "python.attribute", WE, IDQ, [
            ("TRANSFORM :: Python invoices", _mapping_lookup({"Invoice No": "invoice_no", "Supplier": None}, "Supplier")),
            ("READ :: CSV payments", _mapping_lookup({"payment_id": "payment_id"}, "paid_on")),
            ("TRANSFORM :: Python items", _mapping_lookup({"item_code": "item_code", "qty": None}, "qty")),
        ]),
        ("python.type_error_not_json_serializable", "python.type", WE, None, [
            ("NOTIFY :: Email run summary", _payload({"invoice_no": "INV-2024-0712", "amount": decimal.Decimal("1204.50")})),
            ("EXPORT :: JSON payments", _payload({"payment_id": "PAY-558201", "paid_on": dt.date(2024, 7, 20)})),
            ("WRITE :: JSON audit log", _payload({"tenant": "60331207", "files": {"invoices_0718.csv", "suppliers_0718.csv"}})),
        ]),
        ("python.key_error_internal", "python.key_error", WE, None, [
            ("EXPORT :: XLSX supplier spend", _writer("xlsx")),
            ("WRITE :: Dataset invoices", _writer("delta")),
            ("EXPORT :: CSV payments", _writer("CSV")),
        ]),
        ("python.recursion", "python.recursion", WE, IDQ, [
            ("TRANSFORM :: Python cost centres", _flatten({"CC-5120": "CC-5100", "CC-5100": "CC-5000", "CC-5000": "CC-5120"}, "CC-5120")),
            ("TRANSFORM :: Python supplier hierarchy", _flatten({"20381": "20300", "20300": "20381"}, "20381")),
            ("TRANSFORM :: Python account tree", _flatten({"4300": "4000", "4000": "4", "4": "4300"}, "4300")),
        ]),
        ("python.memory_error_allocate", "python.memory", WE, None, [
            ("TRANSFORM :: Python supplier match", call(np.zeros, (3_000_000, 1_500_000))),
            ("TRANSFORM :: Python invoices", call(np.empty, (12_000_000, 900_000), dtype=np.int64)),
            ("TRANSFORM :: Python payments", call(np.ones, (40_000, 40_000, 5_000), dtype=np.float32)),
        ]),
    ]
    add_cases(b, cases, py)


# =========================================================================== workflow engine (modelled)


def engine_prod1(b: Subset) -> None:
    cases = [
        ("engine.upstream_failed", "workflow.dag", WE, None, "UpstreamFailedError", [
            ("LOAD :: DuckDB ledger", "Activity 'LOAD :: DuckDB ledger' was not run: upstream activity 'TRANSFORM :: SQL invoices' failed (run 91844, attempt 1 of 3)."),
            ("EXPORT :: CSV payments", "Activity 'EXPORT :: CSV payments' was not run: upstream activity 'READ :: CSV payments' failed (run 92017, attempt 2 of 3)."),
            ("NOTIFY :: Email run summary", "Activity 'NOTIFY :: Email run summary' was not run: upstream activity 'LOAD :: DuckDB suppliers' failed (run 92230, attempt 1 of 1)."),
        ], MODELLED),
        ("engine.worker_lost", "workflow.worker", WE, None, "WorkerLostError", [
            ("TRANSFORM :: SQL supplier spend", "Worker exited prematurely: signal 9 (SIGKILL) Job: 412."),
            ("TRANSFORM :: Python supplier match", "Worker exited prematurely: signal 9 (SIGKILL) Job: 87."),
            ("LOAD :: DuckDB ledger", "Worker exited prematurely: signal 15 (SIGTERM) Job: 1203."),
        ], "workflow platform (modelled on billiard)"),
        ("engine.activity_time_limit", "workflow.timeout", WE, None, "ActivityTimeoutError", [
            ("TRANSFORM :: SQL invoices", "Activity 'TRANSFORM :: SQL invoices' exceeded its time limit of 1800 seconds and was cancelled (run 91844)."),
            ("LOAD :: DuckDB ledger", "Activity 'LOAD :: DuckDB ledger' exceeded its time limit of 3600 seconds and was cancelled (run 92017)."),
            ("TRANSFORM :: Python supplier match", "Activity 'TRANSFORM :: Python supplier match' exceeded its time limit of 900 seconds and was cancelled (run 92230)."),
        ], MODELLED),
    ]
    for template, family, cat, alt, exc, items, source in cases:
        b.add(template, family, cat, many(exc, items), source=source, alt=alt)


# =========================================================================== main


FAMILIES = ["duckdb", "pandas", "parsing", "pydantic", "python", "engine"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_prod1(b),
            "pandas": lambda: pandas_prod1(b),
            "parsing": lambda: parsing_prod1(b),
            "pydantic": lambda: pydantic_prod1(b),
            "python": lambda: python_prod1(b),
            "engine": lambda: engine_prod1(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
