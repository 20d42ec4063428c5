"""Prefect flows: thin wrappers that sequence the stage functions in etl."""
