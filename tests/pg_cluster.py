"""A throwaway PostgreSQL cluster for tests and benchmarks.

Runs the server binaries on this machine as a non-root user (Postgres refuses root), on
127.0.0.1 and a free port, with fsync off. `stop()` removes everything it made.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

OS_USER = "jitest"
SUPERUSER = "postgres"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise RuntimeError(f"PostgreSQL binary {name!r} not found; install the postgresql package")


def _as_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    try:
        pwd.getpwnam(OS_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/bin/sh", OS_USER],
            check=True,
        )
    return ["runuser", "-u", OS_USER, "--", *argv]


@dataclass
class PgCluster:
    """One running cluster; `database` is created empty at start."""

    database: str = "workflow_manager"
    port: int = field(default_factory=_free_port)
    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="ji-pg-")))

    @property
    def uri(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{self.database}"

    def env(self) -> dict[str, str]:
        """DB_* variables that point the dbt `postgres` target at this cluster."""
        return {
            "DB_HOST": "127.0.0.1",
            "DB_PORT": str(self.port),
            "DB_NAME": self.database,
            "DB_USER": SUPERUSER,
            "DB_PASSWORD": "",
        }

    def start(self) -> PgCluster:
        data = self.directory / "data"
        os.chmod(self.directory, 0o777)
        subprocess.run(
            _as_user(
                [
                    _bin("initdb"),
                    "-D",
                    str(data),
                    "-U",
                    SUPERUSER,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.directory} -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off -c timezone=UTC "
            "-c max_connections=60 -c shared_buffers=256MB -c work_mem=64MB"
        )
        subprocess.run(
            _as_user(
                [
                    _bin("pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    str(self.directory / "server.log"),
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.psql(f"create database {self.database}", database="postgres")
        return self

    def psql(self, sql: str, database: str | None = None) -> str:
        result = subprocess.run(
            [
                _bin("psql"),
                "-X",
                "-q",
                "-t",
                "-A",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                SUPERUSER,
                "-d",
                database or self.database,
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def stop(self) -> None:
        data = self.directory / "data"
        if data.exists():
            subprocess.run(
                _as_user([_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                capture_output=True,
            )
        shutil.rmtree(self.directory, ignore_errors=True)


@contextlib.contextmanager
def running_cluster(database: str = "workflow_manager") -> Iterator[PgCluster]:
    cluster = PgCluster(database=database)
    try:
        yield cluster.start()
    finally:
        cluster.stop()


if __name__ == "__main__":
    # Keep a cluster up for manual work: prints its DB_* settings, stops on Ctrl-C.
    with running_cluster() as pg:
        for key, value in pg.env().items():
            print(f"export {key}={value}")
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
