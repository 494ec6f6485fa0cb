"""One module per CLI command group; each exposes `register(app)` or a typer sub-app."""
