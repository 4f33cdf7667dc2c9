"""Writes for the toolkits: Customer Service Standards and the financial model's saved scenarios."""
