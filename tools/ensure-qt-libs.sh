#!/usr/bin/env bash
# Installs the system libraries Qt's xcb (X11) platform plugin needs, when they are missing.
# Headless runs (tests, --screenshot) use the offscreen plugin and need none of them; a window does.
set -euo pipefail
python=${1:-.venv/bin/python}
plugin=$("$python" -c 'import pathlib, PySide6; print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")')
missing=$(ldd "$plugin" 2>/dev/null | awk '/not found/ {print $1}')
missing+=$'\n'$(ldconfig -p 2>/dev/null | grep -q 'libxcb-cursor.so.0' || echo libxcb-cursor.so.0)
missing=$(echo "$missing" | sed '/^$/d')
[ -z "$missing" ] && exit 0
echo "Qt's window system plugin lacks: $(echo $missing)"
packages="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-randr0
  libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1
  libgl1 libfontconfig1 libdbus-1-3"
if command -v apt-get >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq $packages >/dev/null
else
  echo "Install the X11/xcb libraries for Qt 6 with your package manager: $packages" >&2
  exit 1
fi
