"""The HTTP API and the analyst web UI (FastAPI). `api.main.create_app()` builds the app."""
