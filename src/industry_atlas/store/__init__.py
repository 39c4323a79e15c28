"""The knowledge base: SQLite store and its migrations; imports only core."""
