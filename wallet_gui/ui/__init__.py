"""Widgets of the main window: they show the state the poller sends and emit what the user asks.

Nothing in this package talks to the network, starts threads or touches the keyring; the
poller facade in ``wallet_gui.qt.worker`` is the only bridge to the background work.
"""
