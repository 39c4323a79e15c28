"""The app's routers: the REST API under /api and the dashboard pages."""
