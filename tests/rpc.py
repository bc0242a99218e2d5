"""A small JSON-RPC client for Odoo's /web/session and /web/dataset routes."""

import itertools

import requests


class RpcError(Exception):
    """An error returned by Odoo, with its exception name and message."""

    def __init__(self, error):
        data = error.get("data", {})
        self.name = data.get("name", "")
        self.message = data.get("message", error.get("message", ""))
        super().__init__(f"{self.name}: {self.message}")


class JsonRpcClient:
    def __init__(self, url, db):
        self.url = url.rstrip("/")
        self.db = db
        self.session = requests.Session()
        self._ids = itertools.count(1)

    def call(self, path, params):
        response = self.session.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "id": next(self._ids), "params": params},
            timeout=60,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RpcError(body["error"])
        return body["result"]

    def login(self, login, password):
        return self.call(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
        )

    def call_kw(self, model, method, args, kwargs=None):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )
