"""The web app: FastAPI factory, pages (Jinja2 + HTMX) and the JSON API."""
