"""The ${{ values.name }} service: FastAPI app, settings, metrics and logging."""
