"""Presentation of scores: the terminal table, LEADERBOARD.md and the HTML error page.

Reads results and scores, never changes a number.
"""
