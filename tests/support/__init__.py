"""Helpers of the test suite (not tests): builders, hand-made cases and test oracles.

Imported by test modules and by ``tests/conftest.py``; no test module imports another.
"""
