"""The web app: FastAPI factory, pages (Jinja2 + HTMX) and the JSON API under ``/api/v1``."""

from spinewise.web.app import create_app
from spinewise.web.options import WebSettings

__all__ = ["WebSettings", "create_app"]
