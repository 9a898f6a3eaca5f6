"""The one bridge between the Qt-free core and the window: a worker object on a QThread.

Everything here is Qt plumbing and nothing else: the poll worker runs the core's monitor and
poll policy on its own thread, and the poller relays its results, as immutable values, to
objects on the GUI thread.
"""
