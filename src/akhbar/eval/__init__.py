"""Evaluation scripts: score an analyzer against hand-annotated data.

Run one as ``python -m akhbar.eval.NAME``.
"""
