"""The sample corpus sources and the tools that render them (development only)."""
