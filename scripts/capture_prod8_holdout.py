"""Capture the EIGHTH production-mix holdout: the first month of newly onboarded tenants, captured without reading the rules.

A production-mix round does not look for new or unusual wordings: it writes down the failed jobs a
production platform really sees, in the proportions they occur and in their most common wordings,
with fresh values; repeats of templates the corpus already holds are what production looks like.
This round (template_id ``prod8.*``, split ``holdout``) is the first month of four newly onboarded
tenants (Nordvik Bygg AS 58201144, Halden Mekaniske AS 60917723, Aurora Fasilitet AB 63350018,
Skagerak Logistikk AS 70142209): their first file deliveries (CSV with the wrong delimiter or
encoding, renamed or missing columns, unquoted delimiters, empty files, dates and numbers in local
formats, duplicates, JSON with a byte-order mark, XML with a bare ampersand, a CSV named .parquet,
JSON orders missing fields, files not delivered to SFTP or S3), their first SQL steps over DuckDB
(syntax, GROUP BY), vendors rejecting their master data field by field (Xledger, Ivalua, a SOAP
supplier register), their first connections (an expired Xledger token, an Ivalua OAuth client, a
missing Ivalua right, WS-Security, S3 bucket policies, SFTP and FTP logins, FTP behind an IP
allow-list, a REST gateway refusing the platform's IP, rate limits, a vendor outage, read timeouts,
refused connections) and the platform's own onboarding slips (a mapping step against the wrong
column or table, a secret not yet stored, a connection setting missing, a step too big for its
worker, mapping code meeting empty cells). It was chosen and labelled without reading the rules or
the earlier production rounds, so scoring the rules frozen before it is an honest figure.
Each error is raised by the real library installed here (pandas, DuckDB, json, lxml, pydantic,
httpx, requests, boto3, ftplib, paramiko, zeep), against servers on 127.0.0.1 only (no name is
resolved and nothing leaves the machine); vendor replies (Xledger, Ivalua, SOAP faults, S3 error
bodies, FTP replies, gateway pages) and the platform's own wrappers are modelled on realistic bodies
and phrasings and say so in ``source``.

Run:  uv run python scripts/capture_prod8_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``prod8.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages and response bodies are kept verbatim on one line

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import ftplib
import json
import sys
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
PREFIX = "prod8."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
many, gql, duckdb_query = blind.many, blind5.gql, blind.duckdb_query
add, call = blind9.add, blind9.call


def _write(path: str, text: str, encoding: str = "utf-8") -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text.encode(encoding))
    return p


# =========================================================================== the tenants' first file deliveries


def files_prod8(b: Subset) -> None:
    import lxml.etree
    import pandas as pd
    import pydantic

    pdv = version("pandas")

    def read_then_select(path: Path, cols: list[str] | str, **kw: Any) -> Callable[[], object]:
        return lambda: pd.read_csv(path, **kw)[cols]

    # the platform reads with ',' and the tenant's ERP exported with ';': one column holds the whole header
    semi = [
        ("READ :: SFTP invoices (tenant 58201144)", "inbox/58201144/AP_invoices_20240902.csv", "Fakturanr;Fakturadato;Leverandørnr;Beløp;Valuta\n880112;02.09.2024;10442;12500,00;NOK\n", ["Fakturanr", "Leverandørnr", "Beløp"]),
        ("READ :: S3 supplier master", "inbox/60917723/suppliers_full.csv", "SupplierNo;Name;OrgNo;IBAN;Country\n20031;Halden Stål AS;987654321;NO9386011117947;NO\n", ["SupplierNo", "Name", "OrgNo"]),
        ("READ :: SFTP purchase orders", "inbox/63350018/PO_export_2024-09-04.csv", "OrderNo;OrderDate;SupplierId;Amount\nPO-440017;2024-09-04;S-7741;8450,00\n", ["OrderNo", "OrderDate", "SupplierId", "Amount"]),
    ]
    add(b, "pandas.read_csv_wrong_delimiter_none_of_columns", "pandas.key_error", IDQ, None, [
        (act, read_then_select(_write(path, text), cols)) for act, path, text, cols in semi
    ], source=pdv)

    renamed = [
        ("READ :: SFTP invoices (tenant 70142209)", "inbox/70142209/invoices_20240903.csv", "Invoice No,Invoice Date,Supplier No,Amount,Currency\nSL-24-0911,2024-09-03,30077,4200.00,NOK\n", "InvoiceNo"),
        ("READ :: Local CSV suppliers", "inbox/58201144/leverandorer.csv", "Leverandørnr,Navn,Org.nr\n10442,Bjørnstad Rør AS,912345678\n", "SupplierNo"),
        ("READ :: SFTP purchase orders", "inbox/60917723/orders_20240905.csv", "OrderNo,Order_Date,SupplierNo,Amount\nHM-55120,2024-09-05,20031,1880.00\n", "OrderDate"),
    ]
    add(b, "pandas.renamed_column_key_error", "pandas.key_error", IDQ, None, [
        (act, read_then_select(_write(path, text), col)) for act, path, text, col in renamed
    ], source=pdv)

    missing = [
        ("READ :: SFTP invoices (tenant 63350018)", "inbox/63350018/fakturor_20240906.csv", "InvoiceNo,InvoiceDate,SupplierNo,Amount\nAF-10233,2024-09-06,S-7741,15900.00\n", ["InvoiceNo", "InvoiceDate", "SupplierNo", "Amount", "Currency"]),
        ("READ :: SFTP invoice lines", "inbox/58201144/AP_lines_20240909.csv", "InvoiceNo,LineNo,Account,Amount\n880140,1,6540,3200.00\n", ["InvoiceNo", "LineNo", "Account", "Amount", "VatCode"]),
        ("READ :: S3 cost allocations", "inbox/70142209/allocations_2024-09.csv", "Voucher,Account,Amount\n88213,4300,1500.00\n", ["Voucher", "Account", "CostCenter", "Project", "Amount"]),
    ]
    add(b, "pandas.missing_columns_not_in_index", "pandas.key_error", IDQ, None, [
        (act, read_then_select(_write(path, text), cols)) for act, path, text, cols in missing
    ], source=pdv)

    # Excel "CSV" saved in the Windows code page, read as UTF-8
    cp1252 = [
        ("READ :: SFTP supplier master", "inbox/58201144/leverandorregister.csv", "Leverandørnr;Navn;Postnr;Poststed\n10442;Bjørnstad Rør AS;0150;Oslo\n"),
        ("READ :: SFTP invoices (tenant 63350018)", "inbox/63350018/leverantörsfakturor_sep.csv", "Fakturanr;Leverantör;Belopp\nAF-10233;Ängby Städ AB;15900,00\n"),
        ("READ :: Local CSV cost centers", "inbox/60917723/kostnadssteder.csv", "Kode;Beskrivelse\n410;Sveiseavd. Ærø\n"),
    ]
    add(b, "pandas.read_csv_cp1252_as_utf8", "unicode.decode", IDQ, None, [
        (act, call(pd.read_csv, _write(path, text, "cp1252"), sep=";")) for act, path, text in cp1252
    ], source=pdv)

    # a description with the delimiter in it, not quoted
    tokens = [
        ("READ :: SFTP invoice lines", "inbox/70142209/invoice_lines_20240910.csv", "InvoiceNo,LineNo,Description,Amount\nSL-24-0911,1,Diesel,2100.00\nSL-24-0911,2,Pallets, EUR,640.00\n"),
        ("READ :: SFTP purchase orders", "inbox/60917723/orders_20240911.csv", "OrderNo,SupplierNo,Item,Qty,Amount\nHM-55120,20031,Flat bar 40x5,10,1880.00\nHM-55121,20031,Bolts M12,nuts,200,450.00\nHM-55122,20044,Gloves,50,990.00\n"),
        ("READ :: S3 supplier master", "inbox/63350018/suppliers_20240912.csv", "SupplierNo,Name,City\nS-7741,Ängby Städ AB,Bromma\nS-7742,Nordic Facility Partners, Stockholm AB,Solna\n"),
    ]
    add(b, "pandas.tokenizing_unquoted_delimiter", "pandas.parser", IDQ, None, [
        (act, call(pd.read_csv, _write(path, text))) for act, path, text in tokens
    ], source=pdv)

    empty = [
        ("READ :: SFTP invoices (tenant 58201144)", "inbox/58201144/AP_invoices_20240914.csv"),
        ("READ :: S3 bank statements", "inbox/70142209/payments_20240916.csv"),
        ("READ :: SFTP purchase orders", "inbox/63350018/PO_export_2024-09-17.csv"),
    ]
    add(b, "pandas.empty_file_no_columns", "pandas.empty_data", IDQ, None, [
        (act, call(pd.read_csv, _write(path, ""))) for act, path in empty
    ], source=pdv)

    dates = [
        ("READ :: SFTP invoices (tenant 58201144)", ["2024-09-02", "2024-09-02", "03.09.2024"], "%Y-%m-%d"),
        ("READ :: SFTP purchase orders", ["09/04/2024", "09/05/2024", "13/09/2024"], "%m/%d/%Y"),
        ("READ :: S3 bank statements", ["2024-09-16", "16.09.2024"], "%Y-%m-%d"),
    ]
    add(b, "pandas.to_datetime_format_mismatch", "pandas.value_error", IDQ, None, [
        (act, lambda values=values, fmt=fmt: pd.to_datetime(pd.Series(values), format=fmt)) for act, values, fmt in dates
    ], source=pdv)

    amounts = [
        ("READ :: SFTP invoices (tenant 58201144)", ["12500.00", "1 250,50"]),
        ("READ :: SFTP invoices (tenant 63350018)", ["15900", "3.450,00"]),
        ("READ :: S3 cost allocations", ["1500.00", "640.00", "12,5"]),
    ]
    add(b, "pandas.astype_float_decimal_comma", "pandas.value_error", IDQ, None, [
        (act, lambda values=values: pd.Series(values, dtype=str).astype(float)) for act, values in amounts
    ], source=pdv)

    invoices = pd.DataFrame({"InvoiceNo": ["880112", "880113", "880114"], "SupplierNo": [10442, 10442, 10519]})
    master = [
        ("TRANSFORM :: Python enrich invoices", pd.DataFrame({"SupplierNo": [10442, 10442, 10519], "Name": ["Bjørnstad Rør AS", "Bjornstad Ror AS", "Vestby Elektro AS"]}), "SupplierNo"),
        ("TRANSFORM :: Python match suppliers", pd.DataFrame({"SupplierNo": [10442, 10519, 10519, 10519], "OrgNo": ["912345678", "923456789", "923456789", "923456780"]}), "SupplierNo"),
        ("TRANSFORM :: Python enrich invoices", pd.DataFrame({"SupplierNo": [10519, 10442, 10442], "IBAN": ["NO9386011117947", "NO9386011117947", "NO0215030012345"]}), "SupplierNo"),
    ]
    add(b, "pandas.merge_supplier_master_duplicates", "pandas.merge", IDQ, None, [
        (act, lambda right=right, key=key: invoices.merge(right, on=key, how="left", validate="many_to_one")) for act, right, key in master
    ], source=pdv)

    # JSON saved by a Windows tool with a byte-order mark, read as UTF-8
    boms = [
        ("READ :: JSON orders", "inbox/70142209/orders_20240905.json", '[{"orderNo": "SL-PO-3301", "supplierNo": "30077", "lines": []}]'),
        ("READ :: SFTP JSON invoices", "inbox/63350018/invoices_20240909.json", '{"invoices": [{"invoiceNo": "AF-10240", "amount": 7450.0}]}'),
        ("READ :: JSON suppliers", "inbox/58201144/suppliers.json", '[{"supplierNo": 10442, "name": "Bjørnstad Rør AS"}]'),
    ]
    add(b, "json.utf8_bom", "json.decode", IDQ, None, [
        (act, call(lambda p: json.loads(p.read_text(encoding="utf-8")), _write(path, "\ufeff" + text))) for act, path, text in boms
    ], source=cap.python_source())

    # an ERP's XML export that does not escape '&' in names
    amp = [
        ("READ :: SFTP XML invoices", "inbox/60917723/invoices_20240910.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<Invoices>\n  <Invoice><InvoiceNo>HM-24-3301</InvoiceNo><Supplier>Berg & Sønn AS</Supplier><Amount>4120.00</Amount></Invoice>\n</Invoices>\n'),
        ("READ :: SFTP XML suppliers", "inbox/70142209/suppliers_20240911.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<Suppliers>\n  <Supplier>\n    <No>30077</No>\n    <Name>Larsen Transport & Lager AS</Name>\n  </Supplier>\n</Suppliers>\n'),
        ("READ :: SFTP XML orders", "inbox/58201144/orders_20240912.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<Orders><Order><No>NB-PO-1207</No><Item>Rør & deler 22mm</Item></Order></Orders>\n'),
    ]
    add(b, "lxml.unescaped_ampersand", "xml.syntax", IDQ, None, [
        (act, call(lxml.etree.parse, str(_write(path, text)))) for act, path, text in amp
    ], source=version("lxml"))

    class OrderLine(pydantic.BaseModel):
        sku: str
        quantity: int
        unitPrice: decimal.Decimal

    class PurchaseOrder(pydantic.BaseModel):
        orderNo: str
        supplierNo: str
        orderDate: dt.date
        deliveryDate: dt.date
        lines: list[OrderLine]

    orders = [
        ("READ :: JSON orders", {"orderNo": "SL-PO-3302", "orderDate": "2024-09-06", "deliveryDate": "2024-09-13", "lines": [{"sku": "PAL-EUR", "quantity": 40, "unitPrice": "16.00"}]}),
        ("READ :: SFTP JSON orders", {"orderNo": "AF-PO-0918", "supplierNo": "S-7741", "orderDate": "2024-09-09", "lines": [{"sku": "CLN-220", "quantity": 12, "unitPrice": "89.50"}]}),
        ("READ :: JSON orders", {"orderNo": "SL-PO-3310", "supplierNo": "30077", "orderDate": "2024-09-10", "deliveryDate": "2024-09-17", "lines": [{"sku": "DSL-1000", "unitPrice": "21.40"}]}),
    ]
    add(b, "pydantic.order_field_required", "pydantic.validation", IDQ, None, [
        (act, call(PurchaseOrder.model_validate, doc)) for act, doc in orders
    ], source=version("pydantic"))


# =========================================================================== DuckDB: tenants' SQL and the platform's mapping steps


def duckdb_prod8(b: Subset) -> None:
    src = version("duckdb")
    offline = blind.OFFLINE_DUCKDB

    conv = [
        ("TRANSFORM :: SQL load invoices", "inbox/58201144/AP_invoices_20240918.csv", "InvoiceNo;InvoiceDate;SupplierNo;Amount;Currency\n880201;2024-09-18;10442;12500.00;NOK\n880202;2024-09-18;10519;1 250,50;NOK\n", "{'Amount': 'DOUBLE'}"),
        ("READ :: SFTP purchase orders", "inbox/60917723/orders_20240919.csv", "OrderNo;SupplierNo;Qty;Amount\nHM-55201;20031;10;1880.00\nHM-55202;20044;2 stk;450.00\n", "{'Qty': 'INTEGER'}"),
        ("TRANSFORM :: SQL load invoices", "inbox/63350018/fakturor_20240919.csv", "InvoiceNo;SupplierNo;Amount\nAF-10301;S-7741;15900.00\nAF-10302;S-7750;3.450,00\n", "{'Amount': 'DECIMAL(18,2)'}"),
    ]
    variants: Variants = []
    for act, path, text, types in conv:
        _write(path, text)
        variants.append((act, duckdb_query(f"select * from read_csv('{path}', delim=';', header=true, types={types})", config=offline)))
    add(b, "duckdb.read_csv_conversion_local_number", "duckdb.conversion", IDQ, None, variants, source=src)

    # a CSV (or an Excel file) saved under a .parquet name
    variants = []
    for act, path, text in [
        ("READ :: S3 parquet invoices", "inbox/70142209/invoices_2024-09.parquet", "InvoiceNo,InvoiceDate,SupplierNo,Amount\nSL-24-0911,2024-09-03,30077,4200.00\nSL-24-0912,2024-09-03,30081,990.00\n"),
        ("READ :: S3 parquet orders", "inbox/63350018/orders_week37.parquet", "OrderNo,SupplierId,Amount\nAF-PO-0918,S-7741,1074.00\nAF-PO-0919,S-7750,2290.00\n"),
        ("READ :: S3 parquet GL balances", "inbox/58201144/gl_balances_202408.parquet", "Account;Period;Balance\n6540;2024-08;-32000,00\n4300;2024-08;118400,00\n"),
    ]:
        _write(path, text)
        variants.append((act, duckdb_query(f"select * from read_parquet('{path}')", config=offline)))
    add(b, "duckdb.read_parquet_not_a_parquet_file", "duckdb.invalid_input", IDQ, None, variants, source=src)

    stg = "create table stg_invoices(invoice_no varchar primary key, supplier_no varchar, amount decimal(18,2))"
    add(b, "duckdb.staging_duplicate_key", "duckdb.constraint", IDQ, None, [
        ("LOAD :: DuckDB staging invoices", duckdb_query("insert into stg_invoices values ('880112', '10442', 12500.00), ('880113', '10519', 990.00), ('880112', '10442', 12500.00)", stg)),
        ("LOAD :: DuckDB staging suppliers", duckdb_query("insert into stg_suppliers values ('S-7741', 'Ängby Städ AB'), ('S-7741', 'Angby Stad AB')", "create table stg_suppliers(supplier_no varchar primary key, name varchar)")),
        ("LOAD :: DuckDB staging invoices", duckdb_query("insert into stg_invoices values ('SL-24-0911', '30077', 4200.00), ('SL-24-0911', '30077', 4200.00)", stg)),
    ], source=src)

    inv = "create table invoices(invoice_no varchar, supplier_no varchar, invoice_date date, amount decimal(18,2), currency varchar)"
    add(b, "duckdb.user_sql_syntax_error", "duckdb.parser", IDQ, None, [
        ("TRANSFORM :: SQL supplier spend", duckdb_query("select supplier_no, sum(amount) as total from invoices where invoice_date >= '2024-09-01' group supplier_no", inv)),
        ("TRANSFORM :: SQL open invoices", duckdb_query("select invoice_no, amount, from invoices where currency = 'NOK' and", inv)),
        ("TRANSFORM :: SQL monthly totals", duckdb_query("select date_trunc('month', invoice_date) month, sum(amount) total from invoices group by 1 order by 1 desc limit", inv)),
    ], source=src)

    add(b, "duckdb.user_sql_group_by", "duckdb.binder", IDQ, WE, [
        ("TRANSFORM :: SQL supplier spend", duckdb_query("select supplier_no, currency, sum(amount) from invoices group by supplier_no", inv)),
        ("TRANSFORM :: SQL monthly totals", duckdb_query("select date_trunc('month', invoice_date) as month, invoice_no, sum(amount) from invoices group by 1", inv)),
        ("TRANSFORM :: SQL open invoices", duckdb_query("select supplier_no, invoice_date, count(*) from invoices group by supplier_no", inv)),
    ], source=src)

    # the platform's mapping steps, written during onboarding against the template's column names
    stg_po = "create table stg_orders(order_no varchar, supplier_id varchar, order_date date, amount decimal(18,2))"
    stg_sup = "create table stg_suppliers(supplier_no varchar, name varchar, org_no varchar, iban varchar)"
    add(b, "duckdb.mapping_column_not_found", "duckdb.binder", WE, None, [
        ("TRANSFORM :: SQL map invoices", duckdb_query("select invoice_number as invoice_no, supplier_no, amount from stg_invoices", "create table stg_invoices(invoice_no varchar, supplier_no varchar, amount decimal(18,2))")),
        ("TRANSFORM :: SQL map purchase orders", duckdb_query("select order_no, supplier_no, amount from stg_orders", stg_po)),
        ("TRANSFORM :: SQL map suppliers", duckdb_query("select supplier_no, name, vat_no from stg_suppliers", stg_sup)),
    ], source=src)

    tables = "create table stg_invoices(invoice_no varchar); create table stg_orders(order_no varchar); create table stg_suppliers(supplier_no varchar)"
    add(b, "duckdb.mapping_table_missing", "duckdb.catalog", WE, None, [
        ("TRANSFORM :: SQL map invoices", duckdb_query("select * from stg_invoice_lines", tables)),
        ("TRANSFORM :: SQL map purchase orders", duckdb_query("select * from staging_orders", tables)),
        ("TRANSFORM :: SQL map suppliers", duckdb_query("insert into dim_suppliers select * from stg_suppliers", tables)),
    ], source=src)

    small = {**offline, "memory_limit": "64MB", "threads": 1}
    add(b, "duckdb.step_out_of_memory", "duckdb.out_of_memory", WE, None, [
        ("TRANSFORM :: SQL reconcile GL", duckdb_query("select * from range(60000000) t(i) order by hash(i)", config=small)),
        ("TRANSFORM :: SQL dedupe invoice lines", duckdb_query("select distinct i, i % 97 as k from range(50000000) t(i)", config=small)),
        ("TRANSFORM :: SQL match payments", duckdb_query("select list(i) from range(40000000) t(i) group by i % 3", config=small)),
    ], source=src)


# =========================================================================== vendors: field rejections and first connections


def vendors_prod8(b: Subset) -> None:
    xl = f"{version('httpx')} + Xledger GraphQL body (modelled)"
    b.add("xledger.graphql_master_data_field_invalid", "xledger.graphql", IDQ, many("GraphQLException", [
        ("EXPORT :: Xledger suppliers", gql('Invalid value "912 345 678" for field "companyNo" on supplier 10442: must be 9 digits.', "BAD_USER_INPUT", "addSuppliers")),
        ("EXPORT :: Xledger suppliers", gql('Invalid value "1503.12.3456" for field "bankAccount" on supplier 20044: not a valid bank account number.', "BAD_USER_INPUT", "addSuppliers")),
        ("SUBMIT :: Xledger AP invoices", gql('Invalid value "NOKK" for field "currency" on invoice SL-24-0933: unknown currency code.', "BAD_USER_INPUT", "addApTransactions")),
    ]), source=xl)

    soap = f"{version('zeep')} + SOAP fault bodies (modelled)"
    with srv.http_server() as (base, canned):
        blind.add_soap_faults(b, base, canned, ["EXPORT :: SOAP supplier register", "EXPORT :: SOAP supplier register", "SUBMIT :: SOAP invoices"], [
            ("soap.fault_schema_validation_pattern", "soap:Client", IDQ, None, [
                "Validation error: cvc-pattern-valid: Value '0150 Oslo' is not facet-valid with respect to pattern '[0-9]{4}' for type 'PostalCodeType'.",
                "Validation error: cvc-pattern-valid: Value 'SE556677-8899' is not facet-valid with respect to pattern '[0-9]{6}-[0-9]{4}' for type 'OrgNumberType'.",
                "Validation error: cvc-pattern-valid: Value 'NO 912345678 MVA' is not facet-valid with respect to pattern 'NO[0-9]{9}MVA' for type 'VatNumberType'.",
            ]),
        ], source=soap, invoice_prefix="P8a")
        blind.add_soap_faults(b, base, canned, ["SUBMIT :: SOAP invoices", "EXPORT :: SOAP supplier register", "SUBMIT :: SOAP payments"], [
            ("soap.fault_wss_failed_authentication", "wsse:FailedAuthentication", TPS, None, [
                "The security token could not be authenticated or authorized",
                "The security token could not be authenticated or authorized",
                "The security token could not be authenticated or authorized",
            ]),
        ], source=soap, invoice_prefix="P8b")

    ivalua_400 = '{{"Code":"VALIDATION_ERROR","Message":"The request is invalid.","Errors":[{{"Field":"{field}","Message":"{msg}"}}]}}'
    xl_401 = '{{"errors":[{{"message":"Authentication failed: the API token is invalid, expired or revoked.","extensions":{{"code":"UNAUTHENTICATED","traceId":"{trace}"}}}}]}}'
    oauth = '{"error":"invalid_client","error_description":"Client authentication failed."}'
    right = '{{"Message":"User \'{user}\' does not have the right \'{right}\' required for this operation.","ErrorCode":"ACCESS_DENIED"}}'
    with srv.http_server() as (base, canned):
        blind23.status_cases(b, base, canned, [
            ("ivalua.http_400_field_validation", "ivalua.rest", IDQ, None, 400, "requests", "Ivalua REST body (modelled)", {}, "application/json; charset=utf-8", [
                ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers", ivalua_400.format(field="Suppliers[3].VatNumber", msg="'NO 912 345 678 MVA' is not a valid VAT number for country NO.")),
                ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers", ivalua_400.format(field="Suppliers[0].Iban", msg="'NO93 8601 1117 948' is not a valid IBAN.")),
                ("EXPORT :: Ivalua contacts", "/api/v3/suppliers/S-7750/contacts", ivalua_400.format(field="Contacts[1].Email", msg="'faktura@angbystad' is not a valid e-mail address.")),
            ]),
            ("xledger.http_401_token_rejected", "xledger.http", TPS, None, 401, "httpx", "Xledger GraphQL body (modelled)", {"WWW-Authenticate": "token"}, "application/json", [
                ("EXTRACT :: Xledger suppliers", "/graphql", xl_401.format(trace="0HN6F3K2Q1R7B:00000004")),
                ("SUBMIT :: Xledger AP invoices", "/graphql", xl_401.format(trace="0HN6F3K2Q1R7C:00000011")),
                ("EXTRACT :: Xledger GL transactions", "/graphql", xl_401.format(trace="0HN6G8M4T2W9D:00000002")),
            ]),
            ("ivalua.oauth_401_invalid_client", "ivalua.auth", TPS, None, 401, "requests", "Ivalua OAuth body (modelled)", {}, "application/json", [
                ("EXTRACT :: Ivalua suppliers", "/oauth2/token", oauth),
                ("EXPORT :: Ivalua orders", "/oauth2/token", oauth),
                ("EXTRACT :: Ivalua invoices", "/oauth2/token", oauth),
            ]),
            ("ivalua.http_403_right_missing", "ivalua.rest", TPS, None, 403, "requests", "Ivalua REST body (modelled)", {}, "application/json", [
                ("EXPORT :: Ivalua suppliers", "/api/v3/suppliers/S-7741", right.format(user="api_aurora", right="SUPPLIER_UPDATE")),
                ("EXTRACT :: Ivalua contracts", "/api/v3/contracts?modifiedSince=2024-09-01", right.format(user="api_halden", right="CONTRACT_READ")),
                ("EXPORT :: Ivalua orders", "/api/v3/orders", right.format(user="api_skagerak", right="ORDER_CREATE")),
            ]),
        ])


# =========================================================================== files on S3, SFTP and FTP


def storage_prod8(b: Subset) -> None:
    import paramiko

    blind3.aws_env()
    bc = version("botocore")
    with srv.http_server() as (base, canned):
        variants = blind.s3_error_variants(base, canned, "nsk", 404, "NoSuchKey", "The specified key does not exist.",
            lambda c, bucket, key: c.get_object(Bucket=bucket, Key=key), [
            ("READ :: S3 invoices", "skagerak-logistikk-outbound", "erp/invoices/invoices_20240920.csv"),
            ("READ :: S3 supplier master", "halden-mek-integration", "export/suppliers_full.csv"),
            ("READ :: S3 bank statements", "aurora-fasilitet-finance", "bank/camt053_20240923.xml"),
        ], extra="<Key>{key}</Key>")
        add(b, "s3.no_such_key_not_delivered", "s3.client_error", IDQ, None, variants, source=f"{bc} + S3 error body (modelled)", code=404)

        variants = blind.s3_error_variants(base, canned, "ad", 403, "AccessDenied", "Access Denied",
            lambda c, bucket, key: c.list_objects_v2(Bucket=bucket, Prefix=key), [
            ("READ :: S3 invoices", "skagerak-logistikk-outbound", "erp/invoices/"),
            ("READ :: S3 parquet orders", "aurora-fasilitet-exports", "orders/2024/09/"),
            ("READ :: S3 supplier master", "halden-mek-integration", "export/"),
        ])
        add(b, "s3.access_denied_tenant_bucket", "s3.client_error", TPS, WE, variants, source=f"{bc} + S3 error body (modelled)", code=403)

    # the file the job expects was not delivered to the tenant's SFTP server
    with blind3.sftp_server(lambda path: paramiko.SFTP_NO_SUCH_FILE) as (port, _key):

        def get(user: str, path: str) -> Callable[[], object]:
            def go() -> object:
                ssh = paramiko.SSHClient()
                ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
                try:
                    ssh.connect(srv.LOOPBACK, port=port, username=user, password="secret", timeout=5, allow_agent=False, look_for_keys=False)
                    with ssh.open_sftp() as sftp:
                        return sftp.open(path, "rb").read()
                finally:
                    ssh.close()

            return go

        add(b, "sftp.no_such_file_not_delivered", "sftp.io", IDQ, None, [
            ("READ :: SFTP invoices (tenant 58201144)", get("nordvik_ap", "/outbound/AP_invoices_20240923.csv")),
            ("READ :: SFTP purchase orders", get("halden_edi", "/export/orders_20240924.csv")),
            ("READ :: SFTP bank statements", get("skagerak_bank", "/camt053/camt053_20240924.xml")),
        ], source=f"{version('paramiko')} SFTPClient against a server answering SSH_FX_NO_SUCH_FILE", code=None)

    with srv.ssh_server_rejecting_passwords() as port:
        add(b, "sftp.authentication_failed", "sftp.ssh", TPS, None, [
            ("READ :: SFTP invoices (tenant 70142209)", srv.ssh_login(port, "skagerak_ap")),
            ("READ :: SFTP supplier master", srv.ssh_login(port, "aurora_int")),
            ("WRITE :: SFTP payment files", srv.ssh_login(port, "halden_pay")),
        ], source=f"{version('paramiko')} SSHClient against a server refusing the password", code=None)

    py = cap.python_source()
    ftp = blind.ftp_case
    add(b, "ftp.530_login_incorrect", "ftp.error_perm", TPS, None, [
        ftp("READ :: FTP invoices", {"PASS": "530 Login incorrect."}, blind.ftp_retr("/out/invoices_20240925.csv"), "220 (vsFTPd 3.0.3)", "halden_ftp"),
        ftp("READ :: FTP bank statements", {"PASS": "530 Login incorrect."}, blind.ftp_retr("camt053_20240925.xml"), "220 ProFTPD Server (Aurora FTP) [127.0.0.1]", "aurora_bank"),
        ftp("WRITE :: FTP remittance", {"PASS": "530 Login incorrect."}, blind.ftp_stor("remit_20240926.csv"), "220 (vsFTPd 3.0.3)", "nordvik_out"),
    ], source=f"{py} ftplib + FTP server replies (modelled on vsftpd/ProFTPD)", code=None)

    # the tenant's FTP server drops connections from addresses not on its allow-list
    with srv.full_backlog_server() as port:
        add(b, "ftp.connect_timed_out_allow_list", "ftp.timeout", TPS, None, [
            ("READ :: FTP invoices", call(ftplib.FTP().connect, srv.LOOPBACK, port, timeout=1)),
            ("READ :: FTP price lists", call(ftplib.FTP().connect, srv.LOOPBACK, port, timeout=1)),
            ("WRITE :: FTP remittance", call(ftplib.FTP().connect, srv.LOOPBACK, port, timeout=1)),
        ], source=f"{py} ftplib against a listener that drops new connections", code=None)


# =========================================================================== REST vendors: gateways, rate limits, outages, timeouts


def http_prod8(b: Subset) -> None:
    import httpx
    import requests

    ip_denied = '{{"error":"forbidden","message":"Access from IP address {ip} is not allowed."}}'
    apim_429 = '{{ "statusCode": 429, "message": "Rate limit is exceeded. Try again in {s} seconds." }}'
    nginx_503 = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    with srv.http_server() as (base, canned):
        blind23.status_cases(b, base, canned, [
            ("http.403_client_ip_not_allowed", "http.status", TPS, None, 403, "requests", "vendor REST body (modelled)", {}, "application/json", [
                ("EXTRACT :: Logistics tracking events", "/api/v1/shipments?updatedSince=2024-09-02", ip_denied.format(ip="20.105.44.17")),
                ("SUBMIT :: Bank payments API", "/corporate/v2/payments", ip_denied.format(ip="20.105.44.17")),
                ("EXTRACT :: Partner stock levels", "/stock/v1/levels?warehouse=OSL1", ip_denied.format(ip="51.120.8.213")),
            ]),
            ("http.429_rate_limit_try_again", "http.status", TPS, None, 429, "httpx", "Azure API Management body (modelled)", {"Retry-After": "23"}, "application/json", [
                ("EXTRACT :: Ivalua invoices", "/api/v3/invoices?page=41", apim_429.format(s=23)),
                ("EXTRACT :: Logistics tracking events", "/api/v1/shipments?page=112", apim_429.format(s=7)),
                ("SUBMIT :: Supplier portal invoices", "/portal/api/v2/invoices", apim_429.format(s=52)),
            ]),
            ("http.503_vendor_outage_nginx", "http.status", TPS, None, 503, "requests", "nginx error page (modelled)", {}, "text/html", [
                ("EXTRACT :: Xledger GL transactions", "/graphql", nginx_503),
                ("EXTRACT :: Ivalua suppliers", "/api/v3/suppliers?page=3", nginx_503),
                ("SUBMIT :: Logistics bookings", "/api/v2/bookings", nginx_503),
            ]),
        ])

    with srv.silent_server() as port:

        def slow(path: str) -> Callable[[], object]:
            return lambda: httpx.get(f"http://{srv.LOOPBACK}:{port}{path}", timeout=httpx.Timeout(5.0, read=0.5))

        add(b, "httpx.read_timeout", "http.timeout", TPS, None, [
            ("EXTRACT :: Xledger GL transactions", slow("/graphql")),
            ("EXTRACT :: Ivalua invoices", slow("/api/v3/invoices?status=Validated&page=7")),
            ("EXTRACT :: Currency rates", slow("/api/data/EXR/B.EUR+SEK+USD.NOK.SP?lastNObservations=1")),
        ], source=f"{version('httpx')} against a server that never answers", code=None)

    closed = srv.closed_port()
    add(b, "requests.connection_refused", "http.connect", TPS, None, [
        ("SUBMIT :: Logistics bookings", call(requests.post, f"http://{srv.LOOPBACK}:{closed}/api/v2/bookings", json={"ref": "SL-BK-7710"}, timeout=5)),
        ("EXTRACT :: Partner stock levels", call(requests.get, f"http://{srv.LOOPBACK}:{closed}/stock/v1/levels?warehouse=OSL1", timeout=5)),
        ("SUBMIT :: Supplier portal invoices", call(requests.post, f"http://{srv.LOOPBACK}:{closed}/portal/api/v2/invoices", json={}, timeout=5)),
    ], source=f"{version('requests')} against a closed port", code=None)


# =========================================================================== the platform's own onboarding slips


def platform_prod8(b: Subset) -> None:
    import pandas as pd
    import pydantic

    b.add("engine.secret_not_found", "workflow.config", WE, many("SecretNotFoundError", [
        ("EXTRACT :: Xledger suppliers", "Secret 'xledger-api-token' was not found in the vault for tenant 60917723 (scope 'connections/xledger')."),
        ("READ :: SFTP invoices (tenant 70142209)", "Secret 'sftp-password' was not found in the vault for tenant 70142209 (scope 'connections/sftp-erp')."),
        ("EXPORT :: Ivalua suppliers", "Secret 'ivalua-client-secret' was not found in the vault for tenant 63350018 (scope 'connections/ivalua')."),
    ]), source=MODELLED)

    class SftpConnection(pydantic.BaseModel):
        host: str
        port: int = 22
        username: str
        remote_dir: str

    class XledgerConnection(pydantic.BaseModel):
        base_url: str
        entity_id: int
        token_secret: str

    class IvaluaConnection(pydantic.BaseModel):
        base_url: str
        client_id: str
        client_secret_name: str

    add(b, "pydantic.connection_setting_missing", "pydantic.validation", WE, None, [
        ("READ :: SFTP purchase orders", call(SftpConnection.model_validate, {"host": "sftp.halden-mek.invalid", "username": "halden_edi"})),
        ("EXTRACT :: Xledger suppliers", call(XledgerConnection.model_validate, {"base_url": "https://www.xledger.invalid/graphql", "token_secret": "xledger-api-token"})),
        ("EXPORT :: Ivalua suppliers", call(IvaluaConnection.model_validate, {"base_url": "https://aurora.ivalua.invalid/api/v3", "client_secret_name": "ivalua-client-secret"})),
    ], source=version("pydantic"))

    # the mapping code assumes every cell is text; the tenant's file leaves some cells empty
    names = pd.Series(["Bjørnstad Rør AS ", float("nan"), "Vestby Elektro AS"])
    refs = pd.Series(["sl-24-0911", "sl-24-0912", float("nan")])
    ibans = pd.Series(["NO93 8601 1117 947", float("nan")])
    add(b, "python.empty_cell_float_has_no_attribute", "python.attribute", WE, IDQ, [
        ("TRANSFORM :: Python map suppliers", call(names.map, lambda v: v.strip())),
        ("TRANSFORM :: Python map invoices", call(refs.map, lambda v: v.upper())),
        ("TRANSFORM :: Python map suppliers", call(ibans.map, lambda v: v.replace(" ", ""))),
    ], source=version("pandas"))

    b.add("engine.worker_killed_sigkill", "workflow.worker", WE, many("WorkerLostError", [
        ("TRANSFORM :: Python match suppliers", "Worker exited prematurely: signal 9 (SIGKILL) Job: 1187."),
        ("READ :: S3 parquet orders", "Worker exited prematurely: signal 9 (SIGKILL) Job: 2204."),
        ("TRANSFORM :: Python enrich invoices", "Worker exited prematurely: signal 9 (SIGKILL) Job: 3391."),
    ]), source="workflow platform (modelled on billiard)")


# =========================================================================== main


FAMILIES = ["files", "duckdb", "vendors", "storage", "http", "platform"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "files": lambda: files_prod8(b),
            "duckdb": lambda: duckdb_prod8(b),
            "vendors": lambda: vendors_prod8(b),
            "storage": lambda: storage_prod8(b),
            "http": lambda: http_prod8(b),
            "platform": lambda: platform_prod8(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
