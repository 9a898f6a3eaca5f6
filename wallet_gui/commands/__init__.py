"""Headless front ends (``wallet-gui check`` and later subcommands): Qt-free by contract.

``wallet_gui.cli`` parses the command line and hands each command a plain request value;
the command resolves it against the profiles and the keyring, runs the core, and prints.
"""
