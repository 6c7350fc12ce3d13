"""Reusable widgets of the bilat dashboard."""
