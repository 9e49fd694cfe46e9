"""Shared fixtures and child-process scripts for the incident log tests."""
