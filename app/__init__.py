"""Stairway: an offline field guide for the first officer at a crisis scene."""

__version__ = "0.1.0"
