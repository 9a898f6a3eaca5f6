#!/usr/bin/env bash
# Build wallet-gui as a one-folder program for people without Python, with PyInstaller:
#
#   bash packaging/build-frozen.sh BUILD_DIR        (PYTHON=... to pick the interpreter)
#
# The program is BUILD_DIR/dist/wallet-gui/wallet-gui; ship the whole BUILD_DIR/dist/wallet-gui
# folder (the program and its _internal/ folder). Everything PyInstaller writes stays in
# BUILD_DIR. The Python that runs it must have the package and PyInstaller installed
# (`pip install -e ".[test]"` does both; .venv/bin/python by default).
#
# What goes in and what stays out (to keep it lean): packaging/wallet-gui.spec.
# Smoke test: QT_QPA_PLATFORM=offscreen BUILD_DIR/dist/wallet-gui/wallet-gui --demo \
#   --exit-after-first-round   (exit 0 once the demo's balances are shown; tests/packaging).
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: bash packaging/build-frozen.sh BUILD_DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
build=$(cd "$1" && pwd)
python=${PYTHON:-$root/.venv/bin/python}
"$python" -c "import PyInstaller, wallet_gui" 2>/dev/null || {
  echo "$python lacks PyInstaller or wallet_gui: run bash .ci/setup (or pip install -e '.[test]')" >&2
  exit 1
}

cd "$build"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$build/dist" --workpath "$build/work" "$root/packaging/wallet-gui.spec"
echo "built $build/dist/wallet-gui/wallet-gui ($(du -sh "$build/dist/wallet-gui" | cut -f1))"
