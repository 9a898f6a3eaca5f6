"""Measured figures for the performance and clock issues, each against a baseline from the same run.

Nothing here asserts: the numbers depend on the machine, so they are printed side by side with
a baseline measured in the same run (a bare PySide6 window, a synchronous GUI, a sequential
refresh, the naive one-request clock estimate, htpdate) and judged as ratios against the
issue's targets. ``python -m benchmarks.run`` runs every figure and prints one table; each
module also runs alone (``python -m benchmarks.clock_accuracy --quick``).

Deliberately empty of imports: the app driver (``benchmarks.appdriver``) is started as
``python -m benchmarks.appdriver`` to time start-up, and anything imported here would be
charged to the app.
"""
