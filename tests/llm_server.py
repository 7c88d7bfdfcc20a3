"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, for tests and benchmarks.

A real socket and real HTTP: the `openai` client under test is not patched. Each test scripts the
server with a handler that gets the parsed request body and returns a `Reply` (status, body,
headers, delay before answering). Every request is recorded.

    with ScriptedServer(lambda req: answer("WORKFLOW_ENGINE")) as server:
        settings = LlmSettings(base_url=server.url)
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_ids = itertools.count(1)


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    """dict/list: sent as JSON; str/bytes: sent as is."""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def completion(
    content: str | None,
    *,
    prompt_tokens: int = 120,
    completion_tokens: int = 25,
    model: str = "scripted",
) -> dict[str, Any]:
    """A chat-completion body whose first choice says `content`."""
    return {
        "id": f"chatcmpl-{next(_ids)}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def answer(
    category: str, confidence: Any = 0.9, reasoning: str = "Scripted answer.", delay: float = 0.0
) -> Reply:
    """A well-formed classification answer."""
    content = json.dumps({"category": category, "confidence": confidence, "reasoning": reasoning})
    return Reply(body=completion(content), delay=delay)


def text(content: str | None, delay: float = 0.0) -> Reply:
    """A completion whose message content is `content`, verbatim."""
    return Reply(body=completion(content), delay=delay)


def error(status: int, message: str = "scripted error", **headers: str) -> Reply:
    body = {"error": {"message": message, "type": "scripted", "code": status}}
    return Reply(
        status=status, body=body, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )


def group_of(request: dict[str, Any]) -> dict[str, Any]:
    """The error group a request asks about: the JSON of its last user message."""
    user = [m for m in request["messages"] if m["role"] == "user"]
    return json.loads(user[-1]["content"])


Handler = Callable[[dict[str, Any]], Reply]


class ScriptedServer:
    """Serves POST {url}/chat/completions with `handler`; records every request body."""

    def __init__(self, handler: Handler | None = None) -> None:
        self.handler: Handler = handler or (lambda request: answer("THIRD_PARTY_SYSTEM"))
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _make_handler(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def record(self, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append(body)

    def groups_asked(self) -> list[dict[str, Any]]:
        with self._lock:
            return [group_of(r) for r in self.requests]

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64


def _make_handler(server: ScriptedServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # like real servers (uvicorn, Ollama): no Nagle delay between headers and body
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send(Reply(status=404, body={"error": {"message": "not found"}}))
                return
            body = json.loads(raw)
            server.record(body)
            reply = server.handler(body)
            if reply.delay:
                time.sleep(reply.delay)
            self._send(reply)

        def _send(self, reply: Reply) -> None:
            if isinstance(reply.body, dict | list):
                payload = json.dumps(reply.body).encode()
            elif isinstance(reply.body, str):
                payload = reply.body.encode()
            else:
                payload = reply.body or b""
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): expected in timeout tests

    return _Handler


def refused_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
