"""Web: the dashboard and REST API over one knowledge base (FastAPI, served by uvicorn).

An edge like the CLI: it imports the stages, the pipeline and the store; nothing imports it.
"""

from industry_atlas.web.app import create_app

__all__ = ["create_app"]
