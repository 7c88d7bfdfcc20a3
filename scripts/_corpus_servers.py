"""Throwaway 127.0.0.1 servers used by capture_error_corpus.py to provoke real library errors.

Every server binds 127.0.0.1 on a free port, runs in a daemon thread and is stopped by its
context manager. Nothing here reaches beyond the loopback interface.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def closed_port() -> int:
    """A port nothing listens on (bound then released): connecting is refused."""
    return free_port()


# --------------------------------------------------------------------------- HTTP


class Canned:
    """Responses the HTTP server returns, keyed by the first path segment after /r/."""

    def __init__(self) -> None:
        self.responses: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}

    def put(
        self,
        key: str,
        status: int,
        body: str | bytes = b"",
        ctype: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.responses[key] = (status, ctype, data, headers or {})
        return key


class _Handler(BaseHTTPRequestHandler):
    canned: Canned
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts[0] == "status":
            status, ctype, body, headers = int(parts[1]), "application/json", b"{}", {}
        elif parts[0] == "r" and len(parts) > 1 and parts[1] in self.canned.responses:
            status, ctype, body, headers = self.canned.responses[parts[1]]
        elif parts[0] in self.canned.responses:  # S3 path-style: /<bucket>?list-type=2
            status, ctype, body, headers = self.canned.responses[parts[0]]
        else:
            status, ctype, body, headers = 404, "text/plain", b"no canned response", {}
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _reply


@contextlib.contextmanager
def http_server(tls_context: ssl.SSLContext | None = None) -> Iterator[tuple[str, Canned]]:
    canned = Canned()
    handler = type("Handler", (_Handler,), {"canned": canned})
    server = ThreadingHTTPServer((LOOPBACK, 0), handler)
    if tls_context is not None:
        server.socket = tls_context.wrap_socket(server.socket, server_side=True)
    scheme = "https" if tls_context else "http"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://{LOOPBACK}:{server.server_address[1]}", canned
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------- sockets


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """Accepts TCP connections (kernel backlog) and never answers: read timeouts."""
    sock = socket.socket()
    sock.bind((LOOPBACK, 0))
    sock.listen(64)
    try:
        yield int(sock.getsockname()[1])
    finally:
        sock.close()


@contextlib.contextmanager
def full_backlog_server() -> Iterator[int]:
    """A listener whose accept queue is full: new SYNs are dropped, so connects time out."""
    sock = socket.socket()
    sock.bind((LOOPBACK, 0))
    sock.listen(0)
    port = int(sock.getsockname()[1])
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect((LOOPBACK, port))
        fillers.append(filler)
    time.sleep(0.2)
    try:
        yield port
    finally:
        for filler in fillers:
            filler.close()
        sock.close()


@contextlib.contextmanager
def garbage_server(payload: bytes, *, read_request: bool = False) -> Iterator[int]:
    """Sends `payload` to every client and closes: protocol banner errors.

    With `read_request` it first reads the client's request head and then ends the connection
    cleanly after `payload`: a response cut short rather than a connection reset.
    """
    sock = socket.socket()
    sock.bind((LOOPBACK, 0))
    sock.listen(16)
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with contextlib.suppress(OSError):
                if read_request:
                    _read_request_head(conn)
                conn.sendall(payload)
                if read_request:
                    conn.shutdown(socket.SHUT_WR)
                else:
                    time.sleep(0.1)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        stop.set()
        thread.join()
        sock.close()


def _read_request_head(conn: socket.socket) -> None:
    conn.settimeout(2)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


# --------------------------------------------------------------------------- TLS


def self_signed_context(workdir: Path, common_name: str = "localhost") -> ssl.SSLContext:
    """A server-side TLS context with a freshly generated self-signed certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(common_name), x509.IPAddress(ipaddress.ip_address(LOOPBACK))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path = workdir / f"{common_name}.pem"
    key_path = workdir / f"{common_name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return context


# --------------------------------------------------------------------------- FTP


@contextlib.contextmanager
def ftp_server(root: Path, user: str, password: str) -> Iterator[int]:
    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import FTPHandler
    from pyftpdlib.servers import FTPServer

    authorizer = DummyAuthorizer()
    authorizer.add_user(user, password, str(root), perm="elr")
    handler = type("Handler", (FTPHandler,), {"authorizer": authorizer, "banner": "ready"})
    handler.log_prefix = ""
    import logging

    logging.getLogger("pyftpdlib").setLevel(logging.CRITICAL)
    server = FTPServer((LOOPBACK, 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"timeout": 0.1}, daemon=True)
    thread.start()
    try:
        yield int(server.address[1])
    finally:
        server.close_all()
        thread.join(timeout=2)


# --------------------------------------------------------------------------- SSH


@contextlib.contextmanager
def ssh_server(
    interface: Callable[[], Any], host_key: Any, sftp: type | None = None
) -> Iterator[int]:
    """A real paramiko SSH server on 127.0.0.1, yielding its port: `interface()` makes the
    ServerInterface of each connection; `sftp`, an SFTPServerInterface class, serves the sftp
    subsystem."""
    import paramiko

    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((LOOPBACK, 0))
    sock.listen(8)
    sock.settimeout(0.2)
    stop = threading.Event()
    transports: list[paramiko.Transport] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            transport = paramiko.Transport(conn)
            transport.add_server_key(host_key)
            if sftp is not None:
                transport.set_subsystem_handler("sftp", paramiko.SFTPServer, sftp)
            transports.append(transport)
            with contextlib.suppress(paramiko.SSHException, EOFError, OSError):
                transport.start_server(server=interface())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        stop.set()
        thread.join()
        for transport in transports:
            transport.close()
        sock.close()


@contextlib.contextmanager
def ssh_server_rejecting_passwords() -> Iterator[int]:
    """A real paramiko SSH server that refuses every password: AuthenticationException."""
    import paramiko

    class Refuse(paramiko.ServerInterface):
        def get_allowed_auths(self, username: str) -> str:
            return "password"

        def check_auth_password(self, username: str, password: str) -> int:
            return paramiko.AUTH_FAILED

    with ssh_server(Refuse, paramiko.RSAKey.generate(2048)) as port:
        yield port


def ssh_login(port: int, user: str, sftp_get: str | None = None) -> Callable[[], object]:
    """A trigger: log in to the SSH server on `port` with a password and, given `sftp_get`,
    download that path over SFTP; the connection is closed either way."""

    def go() -> object:
        import io

        import paramiko

        ssh = paramiko.SSHClient()
        ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        try:
            ssh.connect(LOOPBACK, port=port, username=user, password="secret", timeout=10,
                        allow_agent=False, look_for_keys=False)
            return None if sftp_get is None else ssh.open_sftp().getfo(sftp_get, io.BytesIO())
        finally:
            ssh.close()

    return go


# --------------------------------------------------------------------------- DNS


def _nxdomain_reply(query: bytes) -> bytes:
    """Answer a DNS query with NXDOMAIN (RCODE 3), echoing its question section."""
    header = query[:2] + b"\x81\x83" + query[4:6] + b"\x00\x00\x00\x00\x00\x00"
    return header + query[12:]


@contextlib.contextmanager
def nxdomain_dns_server() -> Iterator[int]:
    """A UDP DNS server on 127.0.0.1 that answers NXDOMAIN to every question."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((LOOPBACK, 53))
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                data, addr = sock.recvfrom(4096)
            except OSError:
                continue
            sock.sendto(_nxdomain_reply(data), addr)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield 53
    finally:
        stop.set()
        thread.join()
        sock.close()


# --------------------------------------------------------------------------- Postgres


def _run_as(user: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    if os.geteuid() == 0:
        args = ["runuser", "-u", user, "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True)


def _os_user_for_postgres() -> str:
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid()).pw_name
    name = os.environ.get("JI_PG_OS_USER", "jicorpus")
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--no-create-home", "--shell", "/bin/false", name], check=True)
    return name


@contextlib.contextmanager
def postgres_cluster() -> Iterator[dict[str, str | int]]:
    """A throwaway PostgreSQL cluster on 127.0.0.1, trust auth, removed afterwards."""
    if shutil.which("initdb") is None or shutil.which("pg_ctl") is None:
        raise RuntimeError("initdb/pg_ctl not on PATH")
    user = _os_user_for_postgres()
    workdir = Path(tempfile.mkdtemp(prefix="ji-corpus-pg-"))
    data_dir = workdir / "data"
    port = free_port()
    if os.geteuid() == 0:
        shutil.chown(workdir, user=user)
    _run_as(
        user,
        [
            "initdb",
            "-D",
            str(data_dir),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-instructions",
        ],
    )
    # Password auth for TCP so a wrong password produces the real server message.
    hba = data_dir / "pg_hba.conf"
    hba.write_text(
        "local all all trust\n"
        "host all postgres 127.0.0.1/32 trust\n"
        "host all all 127.0.0.1/32 scram-sha-256\n"
    )
    _run_as(
        user,
        [
            "pg_ctl",
            "-D",
            str(data_dir),
            "-w",
            "-l",
            str(workdir / "log"),
            "-o",
            f"-h {LOOPBACK} -p {port} -k {workdir} -c fsync=off",
            "start",
        ],
    )
    try:
        yield {"host": LOOPBACK, "port": port, "user": "postgres", "dbname": "postgres"}
    finally:
        _run_as(user, ["pg_ctl", "-D", str(data_dir), "-m", "immediate", "stop"])
        shutil.rmtree(workdir, ignore_errors=True)
