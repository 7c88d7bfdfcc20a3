"""Capture the TWENTY-SECOND blind holdout: the platform's own libraries in everyday transforms, written without the rules.

The earlier blind holdouts (``blind.*`` to ``blind21.*``) have been seen while the rules were
revised. Every template here (template_id ``blind22.*``, split ``holdout``) is new to the corpus and
was chosen and labelled without reading the rules, so scoring the rules frozen before it
(``benchmarks/rule_generalisation.py REV --subset blind22``) is an honest figure again.
This round covers what fails most often in the platform's own libraries on ordinary ETL work:
DuckDB errors of everyday transforms in wordings the corpus lacks (CASE and GREATEST/LEAST type
mismatches, GROUPING and GROUP BY misuse, named windows, regexp patterns and groups, ON CONFLICT
targets, COPY TO options and compression, dependent schemas and indexed columns); pandas in
ordinary ETL (groupby/agg, fillna, tz-aware against naive datetimes, to_numeric, idxmax on empty
groups, CSV writing); the Python standard library the platform uses (datetime formats, decimal
contexts, pathlib/shutil file handling, subprocess, logging configuration); pydantic-settings
environment configuration; SQLAlchemy Core/ORM usage; and the workflow engine (modelled).
Labels follow who must act: a user's SQL in a ``TRANSFORM :: SQL`` step is the user's content
(INPUT_DATA_QUALITY, with WORKFLOW_ENGINE as the alternative), SQL and options the platform generates
for its LOAD/EXPORT steps are the platform's (WORKFLOW_ENGINE); bad values are the data's.
Each error is raised by the real library installed here (DuckDB without extension downloads,
SQLAlchemy on an in-memory SQLite database); workflow-engine messages are modelled on realistic
phrasings and say so in ``source``.

Run:  uv run python scripts/capture_blind22_holdout.py [--out PATH] [--only FAMILY ...]
Replaces the ``blind22.*`` lines of the corpus (other lines are kept as they are). Exits 1 if an
expected error was not raised.
"""

# ruff: noqa: E501 - error messages are kept verbatim on one line

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import logging
import logging.config
import os
import pathlib
import shutil
import subprocess
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
PREFIX = "blind22."
MODELLED = "workflow platform (modelled)"
Variants = blind.Variants
Cases = blind9.Cases
many = blind.many
add_cases, call = blind9.add_cases, blind9.call


# =========================================================================== DuckDB


LEDGER = (
    "create table ledger(id integer primary key, account varchar not null, amount decimal(12,2), "
    "posted date, due date, currency varchar, supplier integer, cost_centre varchar, ref varchar);"
    "insert into ledger values "
    "(1, '6300', 100, '2024-06-01', '2024-06-30', 'NOK', 10045, 'CC-4410', 'KID 00123456789'), "
    "(2, '2400', 250, '2024-06-02', '2024-07-02', 'EUR', 10046, 'CC-4420', 'INV-2024-0612'), "
    "(3, '6300', 75, '2024-06-03', null, 'SEK', 10045, null, 'PO-88240/1')"
)
INVOICES = (
    "create table invoices(invoice_no varchar, supplier integer, amount decimal(12,2), currency varchar, "
    "status varchar, received timestamp);insert into invoices values "
    "('INV-2024-0612', 10045, 1204.50, 'NOK', 'open', '2024-06-12 08:15'), "
    "('INV-2024-0613', 10046, 99.00, 'EUR', 'paid', '2024-06-13 09:00')"
)


def duckdb_blind22(b: Subset) -> None:
    run = blind.offline_duckdb_query
    ledger, invoices = LEDGER, INVOICES

    cases: Cases = [
        ("duckdb.binder.case_mixed_types", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL invoices", run("select invoice_no, case when status = 'paid' then amount else received end as settled from invoices", invoices)),
            ("TRANSFORM :: SQL ledger", run("select id, case when due is null then posted else amount end as due_or_amount from ledger", ledger)),
            ("TRANSFORM :: SQL aging", run("select id, if(due < date '2024-06-15', due, amount) as bucket from ledger", ledger)),
        ]),
        ("duckdb.binder.greatest_least_combine_types", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL aging", run("select id, greatest(due, 30) as due_or_days from ledger", ledger)),
            ("TRANSFORM :: SQL invoices", run("select invoice_no, least(amount, received) from invoices", invoices)),
            ("TRANSFORM :: SQL payment terms", run("select id, greatest(posted, due, 0) as last_day from ledger", ledger)),
        ]),
        ("duckdb.binder.grouping_child_not_grouped", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL spend cube", run("select supplier, grouping(account), sum(amount) from ledger group by rollup(supplier)", ledger)),
            ("TRANSFORM :: SQL cost centres", run("select cost_centre, account, grouping(currency) from ledger group by cube(cost_centre, account)", ledger)),
            ("TRANSFORM :: SQL budget", run("select account, grouping(cost_centre) as is_total, sum(amount) from ledger group by grouping sets ((account), ())", ledger)),
        ]),
        ("duckdb.binder.group_by_position_out_of_range", "duckdb.binder", IDQ, WE, [
            ("TRANSFORM :: SQL spend cube", run("select supplier, sum(amount) from ledger group by 1, 3", ledger)),
            ("TRANSFORM :: SQL invoices", run("select currency, status, count(*) from invoices group by 1, 2, 4", invoices)),
            ("TRANSFORM :: SQL cost centres", run("select cost_centre, account, sum(amount) as total from ledger group by 1, 2, 4", ledger)),
        ]),
        ("duckdb.parser.named_window_missing", "duckdb.parser", IDQ, WE, [
            ("TRANSFORM :: SQL ledger", run("select id, sum(amount) over w as running from ledger window w_supplier as (partition by supplier order by posted)", ledger)),
            ("TRANSFORM :: SQL rolling spend", run("select supplier, avg(amount) over last_30 from ledger", ledger)),
            ("TRANSFORM :: SQL invoices", run("select invoice_no, row_number() over by_supplier as rn from invoices window by_currency as (partition by currency)", invoices)),
        ]),
        ("duckdb.invalid_input.regex_repetition_operator", "duckdb.invalid_input", IDQ, WE, [
            ("TRANSFORM :: SQL invoices", run("select * from invoices where regexp_matches(invoice_no, '^INV-??*')", invoices)),
            ("TRANSFORM :: SQL bank references", run("select regexp_replace(ref, 'KID [0-9]{11}**', '') from ledger", ledger)),
            ("TRANSFORM :: SQL ledger", run("select regexp_extract(ref, 'KID *+([0-9]+)', 1) as kid from ledger", ledger)),
        ]),
        ("duckdb.invalid_input.regexp_group_index_too_high", "duckdb.invalid_input", IDQ, WE, [
            ("TRANSFORM :: SQL bank references", run("select regexp_extract_all(ref, '(KID) ([0-9]+)', 3) from ledger", ledger)),
            ("TRANSFORM :: SQL invoices", run("select regexp_extract_all(invoice_no, 'INV-([0-9]{4})-([0-9]+)', 4) from invoices", invoices)),
            ("TRANSFORM :: SQL orders", run("select regexp_extract_all(ref, 'PO-([0-9]+)', 2) from ledger", ledger)),
        ]),
        ("duckdb.binder.on_conflict_target_not_unique", "duckdb.binder", WE, None, [
            ("LOAD :: DuckDB warehouse", run("insert into ledger values (1, '6300', 120, '2024-06-01', null, 'NOK', 10045, null, null) on conflict (account, supplier) do update set amount = excluded.amount", ledger)),
            ("LOAD :: DuckDB invoices", run("insert into invoices values ('INV-2024-0612', 10045, 1204.50, 'NOK', 'paid', '2024-06-12 08:15') on conflict (invoice_no) do update set status = excluded.status", invoices)),
            ("LOAD :: DuckDB staging", run("insert into ledger select * from ledger on conflict (ref) do nothing", ledger)),
        ]),
        ("duckdb.invalid_input.copy_option_not_boolean", "duckdb.invalid_input", WE, None, [
            ("EXPORT :: CSV to SFTP", run("copy ledger to 'ledger_0612.csv' (format csv, header 'ja')", ledger)),
            ("EXPORT :: CSV remittance", run("copy invoices to 'remittance_0612.csv' (format csv, delimiter ';', header 'first_row')", invoices)),
            ("EXPORT :: CSV bank payments", run("copy ledger to 'payments_0612.csv' (format csv, header true, use_tmp_file 'auto')", ledger)),
        ]),
        ("duckdb.not_implemented.copy_compression_unsupported", "duckdb.not_implemented", WE, None, [
            ("EXPORT :: CSV to SFTP", run("copy ledger to 'ledger_0612.csv.zip' (format csv, compression 'zip')", ledger)),
            ("EXPORT :: S3 invoices", run("copy invoices to 'invoices_0612.csv.lz4' (format csv, compression 'lz4')", invoices)),
            ("WRITE :: CSV archive", run("copy ledger to 'ledger_2024-06.csv.br' (format csv, compression 'brotli')", ledger)),
        ]),
        ("duckdb.dependency.drop_schema_has_dependents", "duckdb.dependency", WE, None, [
            ("LOAD :: DuckDB staging", run("drop schema stg_88213", "create schema stg_88213;create table stg_88213.invoices(id integer)")),
            ("LOAD :: DuckDB warehouse", run("drop schema if exists tmp_run_90211", "create schema tmp_run_90211;create view tmp_run_90211.v_open_items as select 1 as id")),
            ("EXPORT :: DuckDB snapshot", run("drop schema snapshot_20240612", "create schema snapshot_20240612;create table snapshot_20240612.ledger(id integer);create sequence snapshot_20240612.seq_batch")),
        ]),
        ("duckdb.catalog.drop_column_index_depends", "duckdb.catalog", WE, None, [
            ("LOAD :: DuckDB warehouse", run("alter table ledger drop column supplier", ledger + ";create index ix_ledger_supplier on ledger(supplier)")),
            ("LOAD :: DuckDB invoices", run("alter table invoices drop column invoice_no", invoices + ";create unique index ux_invoice_no on invoices(invoice_no)")),
            ("LOAD :: DuckDB staging", run("alter table ledger drop column cost_centre", ledger + ";create index ix_ledger_cc on ledger(cost_centre, account)")),
        ]),
    ]
    add_cases(b, cases, version("duckdb"))


# =========================================================================== pandas


def pandas_blind22(b: Subset) -> None:
    import numpy as np
    import pandas as pd

    inv = pd.DataFrame({
        "invoice_no": ["INV-2024-0612", "INV-2024-0613", "INV-2024-0614"],
        "supplier": [10045, 10046, 10046],
        "amount": [1204.5, np.nan, 99.0],
        "currency": ["NOK", None, "EUR"],
    })
    aware = pd.Series(pd.to_datetime(["2024-06-12T08:15:00+02:00", "2024-06-13T09:00:00+02:00"], utc=True)).dt.tz_convert("Europe/Oslo")
    naive = pd.Series(pd.to_datetime(["2024-06-30", "2024-07-13"]))
    text = pd.Series(["1204.50", "99", "n/a"])
    all_na = pd.DataFrame({"supplier": [10045, 10045, 10046], "amount": [np.nan, np.nan, 99.0], "days_late": [np.nan, np.nan, np.nan]})

    cases: Cases = [
        ("pandas.agg_nested_renamer", "pandas.specification", WE, None, [
            ("TRANSFORM :: Python spend cube", lambda: inv.groupby("supplier").agg({"amount": {"total": "sum"}})),
            ("TRANSFORM :: Python invoices", lambda: inv.groupby("supplier")["amount"].agg({"total": "sum", "avg": "mean"})),
            ("TRANSFORM :: Python supplier totals", lambda: inv.groupby("currency").agg({"amount": {"sum_amount": "sum", "n": "count"}})),
        ]),
        ("pandas.fillna_list_value", "pandas.type_error", WE, None, [
            ("TRANSFORM :: Python invoices", lambda: inv["amount"].fillna([0])),
            ("TRANSFORM :: Python currency", lambda: inv.fillna({"currency": ["NOK"]})),
            ("TRANSFORM :: Python supplier match", lambda: inv["currency"].fillna(["NOK", "EUR"])),
        ]),
        ("pandas.subtract_naive_aware", "pandas.type_error", WE, IDQ, [
            ("TRANSFORM :: Python due dates", lambda: naive - aware),
            ("TRANSFORM :: Python payments", lambda: aware - pd.Timestamp("2024-06-01")),
            ("TRANSFORM :: Python aging", lambda: pd.Timestamp("2024-06-30") - aware),
        ]),
        ("pandas.to_numeric_invalid_errors", "pandas.value_error", WE, None, [
            ("TRANSFORM :: Python amounts", lambda: pd.to_numeric(text, errors="ignore")),
            ("TRANSFORM :: Python invoices", lambda: pd.to_numeric(text, errors="skip")),
            ("TRANSFORM :: Python unit prices", lambda: pd.to_numeric(text, errors="warn")),
        ]),
        ("pandas.idxmax_all_na", "pandas.value_error", IDQ, WE, [
            ("TRANSFORM :: Python supplier ranking", lambda: all_na["days_late"].idxmax()),
            ("TRANSFORM :: Python invoices", lambda: all_na.groupby("supplier")["amount"].idxmax()),
            ("TRANSFORM :: Python payments", lambda: all_na.groupby("supplier")["days_late"].idxmin()),
        ]),
        ("pandas.to_csv_compression_unrecognized", "pandas.value_error", WE, None, [
            ("EXPORT :: CSV to SFTP", lambda: inv.to_csv("invoices_0612.csv.rar", compression="rar")),
            ("EXPORT :: CSV remittance", lambda: inv.to_csv("remittance_0612.csv.7z", sep=";", compression="7z")),
            ("WRITE :: CSV archive", lambda: inv.to_csv("ledger_2024-06.csv.lz4", compression={"method": "lz4"})),
        ]),
    ]
    add_cases(b, cases, version("pandas"))


# =========================================================================== Python standard library


def _strptime(value: str, fmt: str) -> Callable[[], object]:
    return lambda: dt.datetime.strptime(value, fmt)


def _exact_cents(amount: str) -> Callable[[], object]:
    """A trigger: the platform's strict money context (Inexact trapped) rounding an amount to
    cents; an amount with more decimals than cents is refused."""

    def go() -> decimal.Decimal:
        ctx = decimal.Context(prec=28, traps=[decimal.Inexact, decimal.InvalidOperation])
        return decimal.Decimal(amount).quantize(decimal.Decimal("0.01"), context=ctx)

    return go


def _relative(path: str, root: str) -> Callable[[], object]:
    return lambda: pathlib.PurePosixPath(path).relative_to(root)


def _copy_same(name: str) -> Callable[[], object]:
    def go() -> object:
        Path("out").mkdir(exist_ok=True)
        Path("out", name).write_text("invoice_no;amount\nINV-2024-0612;1204.50\n")
        return shutil.copyfile(f"out/{name}", f"./out/{name}")

    return go


def _unpack(name: str) -> Callable[[], object]:
    def go() -> object:
        Path("in").mkdir(exist_ok=True)
        Path("in", name).write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(64))
        return shutil.unpack_archive(f"in/{name}", "in/unpacked")

    return go


def _exec_script(name: str, body: str) -> Callable[[], object]:
    """A trigger: running a helper script that has no shebang line, as the platform's
    pre-processing hooks do."""

    def go() -> object:
        Path("hooks").mkdir(exist_ok=True)
        script = Path("hooks", name)
        script.write_text(body)
        script.chmod(0o755)
        return subprocess.run([f"hooks/{name}"], check=True, capture_output=True)

    return go


def _log_config(handlers: dict[str, dict[str, Any]]) -> Callable[[], object]:
    def go() -> None:
        before = logging.getLogger().handlers[:]
        try:
            logging.config.dictConfig({"version": 1, "disable_existing_loggers": False, "handlers": handlers, "root": {"handlers": list(handlers), "level": "INFO"}})
        finally:
            root = logging.getLogger()
            for h in root.handlers[:]:
                if h not in before:
                    root.removeHandler(h)
                    h.close()

    return go


def stdlib_blind22(b: Subset) -> None:
    cases: Cases = [
        ("datetime.strptime_bad_directive", "python.value_error", WE, IDQ, [
            ("READ :: SFTP bank statements", _strptime("12.06.2024 08:15", "%d.%m.%Y %Q")),
            ("TRANSFORM :: Python due dates", _strptime("2024-06-12", "%Y-%m-%i")),
            ("EXTRACT :: REST orders", _strptime("2024-06-12T08:15:00", "%Y-%m-%dT%H:%M:%S%J")),
        ]),
        ("decimal.inexact_trapped", "python.decimal", IDQ, WE, [
            ("TRANSFORM :: Python invoices", _exact_cents("1204.505")),
            ("TRANSFORM :: Python FX revaluation", _exact_cents("99.0049")),
            ("SUBMIT :: Xledger AP invoices", _exact_cents("15000.125")),
        ]),
        ("pathlib.relative_to_not_subpath", "python.value_error", WE, None, [
            ("EXPORT :: CSV to SFTP", _relative("/var/lib/etl/runs/88213/out/remittance.csv", "/var/lib/etl/runs/88214")),
            ("READ :: SFTP invoices", _relative("/srv/inbox/tenant_44660227/invoices_0612.csv", "/srv/inbox/tenant_44660228")),
            ("WRITE :: CSV archive", _relative("archive/2024-06/ledger.csv", "/var/lib/etl/archive")),
        ]),
        ("shutil.copy_same_file", "python.shutil", WE, None, [
            ("EXPORT :: CSV to SFTP", _copy_same("remittance_0612.csv")),
            ("WRITE :: CSV archive", _copy_same("ledger_2024-06.csv")),
            ("EXPORT :: Bank payments", _copy_same("pain001_0612.xml")),
        ]),
        ("shutil.unpack_unknown_format", "python.shutil", IDQ, WE, [
            ("READ :: SFTP invoices", _unpack("invoices_0612.7z")),
            ("READ :: S3 bank statements", _unpack("camt053_0612.rar")),
            ("EXTRACT :: Email attachments", _unpack("bilag_juni.zipx")),
        ]),
        ("subprocess.exec_format_error", "python.os_error", WE, None, [
            ("READ :: SFTP payroll", _exec_script("decrypt_payroll.sh", "gpg --batch --decrypt \"$1\"\n")),
            ("TRANSFORM :: Python custom step", _exec_script("normalise_encoding", "iconv -f latin1 -t utf-8\n")),
            ("EXPORT :: Bank payments", _exec_script("sign_pain001.sh", "openssl dgst -sha256 -sign key.pem\n")),
        ]),
        ("logging.dictconfig_handler_failed", "python.logging", WE, None, [
            ("EXTRACT :: Xledger GL transactions", _log_config({"file": {"class": "logging.FileHandler", "filename": "/var/log/etl-missing/run_88213.log"}})),
            ("TRANSFORM :: Python invoices", _log_config({"json": {"class": "logging.handlers.JsonHandler", "level": "INFO"}})),
            ("LOAD :: Postgres invoices", _log_config({"console": {"class": "logging.StreamHandler", "formatter": "json"}})),
        ]),
    ]
    add_cases(b, cases, cap.python_source())


# =========================================================================== pydantic-settings


def settings_blind22(b: Subset) -> None:
    import pydantic_settings as ps
    from pydantic import SecretStr

    class EtlSettings(ps.BaseSettings):
        model_config = ps.SettingsConfigDict(env_prefix="ETL_")
        tenants: list[str] = []
        retry_backoff: dict[str, int] = {}
        allowed_currencies: set[str] = set()

    def env(values: dict[str, str]) -> Callable[[], object]:
        def go() -> object:
            saved = {k: os.environ.get(k) for k in values}
            os.environ.update(values)
            try:
                return EtlSettings()
            finally:
                for k, v in saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v

        return go

    def secrets_file(name: str) -> Callable[[], object]:
        def go() -> object:
            Path(name).parent.mkdir(parents=True, exist_ok=True)
            Path(name).write_text("not a directory\n")

            class Secrets(ps.BaseSettings):
                model_config = ps.SettingsConfigDict(secrets_dir=name)
                ivalua_client_secret: SecretStr = SecretStr("")

            return Secrets()

        return go

    cases: Cases = [
        ("pydantic_settings.env_value_not_json", "pydantic_settings.settings", WE, None, [
            ("EXTRACT :: Ivalua invoices", env({"ETL_TENANTS": "44660227,44660228"})),
            ("EXTRACT :: Xledger GL transactions", env({"ETL_RETRY_BACKOFF": "{initial: 5, max: 300}"})),
            ("SUBMIT :: Xledger AP invoices", env({"ETL_ALLOWED_CURRENCIES": "NOK;EUR;SEK"})),
        ]),
        ("pydantic_settings.secrets_dir_not_directory", "pydantic_settings.settings", WE, None, [
            ("EXTRACT :: Ivalua suppliers", secrets_file("run/secrets/etl")),
            ("SUBMIT :: Xledger AP invoices", secrets_file("etc/etl/secrets.env")),
            ("LOAD :: Postgres warehouse", secrets_file("var/run/secrets/pg")),
        ]),
    ]
    add_cases(b, cases, version("pydantic-settings"))


# =========================================================================== SQLAlchemy


def sqlalchemy_blind22(b: Subset) -> None:
    import sqlalchemy as sa

    meta = sa.MetaData()
    suppliers = sa.Table("suppliers", meta, sa.Column("id", sa.Integer, primary_key=True), sa.Column("org_no", sa.String), sa.Column("name", sa.String))
    invoices = sa.Table("invoices", meta, sa.Column("id", sa.Integer, primary_key=True), sa.Column("invoice_no", sa.String), sa.Column("supplier_id", sa.Integer), sa.Column("amount", sa.Numeric(12, 2)))

    def with_db(fn: Callable[[sa.Connection], object]) -> Callable[[], object]:
        def go() -> object:
            engine = sa.create_engine("sqlite://")
            try:
                meta.create_all(engine)
                with engine.begin() as conn:
                    conn.execute(suppliers.insert(), [
                        {"id": 1, "org_no": "987654321", "name": "Acme AS"},
                        {"id": 2, "org_no": "987654321", "name": "Acme AS (old)"},
                        {"id": 3, "org_no": "912345678", "name": "Fjord Bygg AS"},
                        {"id": 4, "org_no": "912345678", "name": "Fjord Bygg"},
                    ])
                    conn.execute(invoices.insert(), [
                        {"id": 1, "invoice_no": "INV-2024-0612", "supplier_id": 1, "amount": 1204.5},
                        {"id": 2, "invoice_no": "INV-2024-0612", "supplier_id": 1, "amount": 1204.5},
                    ])
                    return fn(conn)
            finally:
                engine.dispose()

        return go

    cases: Cases = [
        ("sqlalchemy.multiple_results_one_or_none", "sqlalchemy.result", IDQ, WE, [
            ("TRANSFORM :: Python supplier match", with_db(lambda c: c.execute(sa.select(suppliers.c.id).where(suppliers.c.org_no == "987654321")).scalar_one_or_none())),
            ("EXTRACT :: Postgres ERP suppliers", with_db(lambda c: c.execute(sa.select(suppliers).where(suppliers.c.org_no == "912345678")).one_or_none())),
            ("LOAD :: Postgres invoices", with_db(lambda c: c.execute(sa.select(invoices.c.id).where(invoices.c.invoice_no == "INV-2024-0612")).scalar_one_or_none())),
        ]),
        ("sqlalchemy.unconsumed_column_names", "sqlalchemy.compile", WE, None, [
            ("LOAD :: Postgres invoices", with_db(lambda c: c.execute(invoices.insert().values(id=3, invoice_no="INV-2024-0613", supplier=10046)))),
            ("LOAD :: Postgres suppliers", with_db(lambda c: c.execute(suppliers.update().where(suppliers.c.id == 1).values(org_nr="987654321", name="Acme AS")))),
            ("LOAD :: Postgres staging", with_db(lambda c: c.execute(invoices.insert().values(id=4, invoice_no="INV-2024-0614", supplier_id=10045, amount_nok=99, currency="NOK")))),
        ]),
        ("sqlalchemy.not_executable_string", "sqlalchemy.argument", WE, None, [
            ("LOAD :: Postgres warehouse", with_db(lambda c: c.execute("select count(*) from invoices"))),
            ("EXTRACT :: Postgres ERP orders", with_db(lambda c: c.execute("select * from suppliers where org_no = '987654321'"))),
            ("LOAD :: Postgres invoices", with_db(lambda c: c.execute("delete from invoices where invoice_no = 'INV-2024-0612'"))),
        ]),
    ]
    add_cases(b, cases, version("sqlalchemy"))


# =========================================================================== workflow engine (modelled)


def engine_blind22(b: Subset) -> None:
    cases = [
        ("engine.lease_expired_reclaimed", "workflow.lease", WE, None, "TaskLeaseExpired", [
            ("EXTRACT :: Xledger GL transactions", "Task lease expired at 02:41:07Z (lease 300s, last renewal 02:36:05Z); the scheduler reclaimed the task and discarded attempt 2."),
            ("TRANSFORM :: SQL ledger", "Task lease expired at 03:12:44Z (lease 600s, last renewal 03:02:40Z); the scheduler reclaimed the task and discarded attempt 1."),
            ("LOAD :: Postgres invoices", "Task lease expired at 01:58:19Z (lease 120s, last renewal 01:56:17Z); the scheduler reclaimed the task and discarded attempt 3."),
        ]),
        ("engine.worker_evicted_scale_in", "workflow.worker", WE, None, "WorkerEvicted", [
            ("TRANSFORM :: SQL spend cube", "Worker etl-worker-6 was removed by the autoscaler (scale-in) with 1 task in flight; the task result was lost (attempt 1 of 1)."),
            ("EXTRACT :: Ivalua invoices", "Worker etl-worker-11 was removed by the autoscaler (scale-in) with 3 tasks in flight; the task result was lost (attempt 2 of 2)."),
            ("LOAD :: DuckDB warehouse", "Worker etl-worker-2 was removed by the autoscaler (scale-in) with 2 tasks in flight; the task result was lost (attempt 1 of 1)."),
        ]),
        ("engine.dag_version_mismatch", "workflow.dag", WE, None, "DagVersionMismatch", [
            ("TRANSFORM :: SQL invoices", "Run 88213 was planned against workflow 'ap-invoices' v42, but worker etl-worker-2 loaded v43, in which task 'TRANSFORM :: SQL invoices' has a different signature; refusing to execute."),
            ("LOAD :: Postgres suppliers", "Run 90211 was planned against workflow 'supplier-sync' v17, but worker etl-worker-5 loaded v18, in which task 'LOAD :: Postgres suppliers' does not exist; refusing to execute."),
            ("EXPORT :: Bank payments", "Run 88240 was planned against workflow 'payments' v9, but worker etl-worker-1 loaded v10, in which task 'EXPORT :: Bank payments' has a different signature; refusing to execute."),
        ]),
        ("engine.circular_upstream", "workflow.dag", WE, None, "WorkflowValidationError", [
            ("LOAD :: Postgres invoices", "Cannot schedule run 88213: circular upstream dependency between 'LOAD :: Postgres invoices' and 'TRANSFORM :: SQL invoices' (each lists the other in upstream)."),
            ("EXPORT :: CSV to SFTP", "Cannot schedule run 90211: circular upstream dependency between 'EXPORT :: CSV to SFTP' and 'NOTIFY :: Email report' (each lists the other in upstream)."),
            ("TRANSFORM :: SQL ledger", "Cannot schedule run 88240: circular upstream dependency between 'TRANSFORM :: SQL ledger' and 'LOAD :: DuckDB warehouse' (each lists the other in upstream)."),
        ]),
        ("engine.backlog_at_capacity", "workflow.queue", WE, None, "BacklogFull", [
            ("TRANSFORM :: SQL spend cube", "Submission refused: backlog of worker pool 'duckdb-large' is at capacity (2000 of 2000 tasks); retry after it drains."),
            ("EXTRACT :: Xledger GL transactions", "Submission refused: backlog of worker pool 'vendor-io' is at capacity (500 of 500 tasks); retry after it drains."),
            ("LOAD :: Postgres invoices", "Submission refused: backlog of worker pool 'db-loads' is at capacity (1000 of 1000 tasks); retry after it drains."),
        ]),
    ]
    for template, family, cat, alt, exc, items in cases:
        b.add(template, family, cat, many(exc, items), source=MODELLED, alt=alt)


# =========================================================================== main


FAMILIES = ["duckdb", "pandas", "stdlib", "settings", "sqlalchemy", "engine"]


def capture(only: list[str] | None = None) -> cap.Corpus:
    return blind.capture_subset(
        PREFIX,
        FAMILIES,
        only,
        lambda b, tmp: {
            "duckdb": lambda: duckdb_blind22(b),
            "pandas": lambda: pandas_blind22(b),
            "stdlib": lambda: stdlib_blind22(b),
            "settings": lambda: settings_blind22(b),
            "sqlalchemy": lambda: sqlalchemy_blind22(b),
            "engine": lambda: engine_blind22(b),
        },
    )


def main() -> int:
    return blind.subset_main(__doc__.splitlines()[0], FAMILIES, capture, PREFIX)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
