"""Evaluation scripts: score an analyzer against hand-annotated data (``python -m akhbar.eval.X``)."""
