"""Bounds on what one request may send: the body size, enforced while it is read.

A request whose ``Content-Length`` is over the limit is refused before its body is read; a
body sent without a length (chunked) is counted as it arrives and refused (413) the moment it
passes the limit, so a 100 MB body never reaches memory or disk. Import routes get a larger
limit than the JSON API and the forms.

JSON bodies are also refused when nested deeper than :data:`MAX_JSON_DEPTH` (Python's parser
recurses once per level; a hundred thousand levels would exhaust its stack).
"""

from __future__ import annotations

import json
import re

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MAX_JSON_DEPTH", "BodyLimitMiddleware", "BodyTooLarge", "json_depth"]

#: The deepest nesting of arrays and objects a JSON body may have (the profile is 3 deep).
MAX_JSON_DEPTH = 32
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class BodyTooLarge(HTTPException):
    """The request body passed its limit (413)."""

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(
            413, f"request body: larger than the limit of {_size(limit_bytes)} for this address"
        )


def _size(n_bytes: int) -> str:
    """``n_bytes`` in words.

    >>> _size(50 * 1024 * 1024), _size(2048)
    ('50 MB', '2 kB')
    """
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes // (1024 * 1024)} MB"
    return f"{n_bytes // 1024} kB"


def json_depth(body: bytes) -> int:
    """The deepest nesting of ``[`` and ``{`` in a JSON text (brackets in strings skipped).

    >>> json_depth(b'{"a": [1, {"b": "[[["}]}')
    3
    """
    brackets = _STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        if byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _too_deep(body: bytes) -> bool:
    # Cheap first: fewer opening brackets than the limit cannot nest past it.
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:
        return False
    return json_depth(body) > MAX_JSON_DEPTH


class BodyLimitMiddleware:
    """Refuse request bodies over a limit (413), counting while reading (plain ASGI).

    Parameters
    ----------
    app
        The application.
    limit_bytes
        The limit of every request but imports [bytes].
    upload_limit_bytes
        The limit of the import routes [bytes].
    upload_paths
        Paths of the import routes.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit_bytes: int,
        upload_limit_bytes: int,
        upload_paths: frozenset[str],
    ) -> None:
        self.app = app
        self.limit_bytes = limit_bytes
        self.upload_limit_bytes = upload_limit_bytes
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the declared length, then count the body as the app reads it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = self.upload_limit_bytes if path in self.upload_paths else self.limit_bytes
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        is_json = headers.get(b"content-type", b"").startswith(b"application/json")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(scope, send, 413, BodyTooLarge(limit).detail)
            return
        if is_json and declared is not None:
            await self._json(scope, receive, send, limit)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watch)
        except BodyTooLarge as err:
            if started:
                raise
            await _refuse(scope, send, 413, err.detail)

    async def _json(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """Read a JSON body whole (it is small), check its depth, and replay it to the app."""
        chunks: list[bytes] = []
        received = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send)
                return
            body = message.get("body", b"")
            received += len(body)
            if received > limit:
                await _refuse(scope, send, 413, BodyTooLarge(limit).detail)
                return
            chunks.append(body)
            more = bool(message.get("more_body", False))
        whole = b"".join(chunks)
        if _too_deep(whole):
            await _refuse(
                scope,
                send,
                422,
                f"body: JSON nested deeper than {MAX_JSON_DEPTH} levels; nothing was stored",
            )
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(scope: Scope, send: Send, status: int, message: str) -> None:
    """Answer with ``status``: JSON for the API, plain text elsewhere."""
    path = str(scope.get("path", ""))
    if path.startswith("/api/"):
        body = json.dumps({"detail": message}).encode("utf-8")
        media = b"application/json"
    else:
        body = f"{message}\n".encode()
        media = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", media),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
