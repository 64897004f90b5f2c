#!/usr/bin/env sh
# Installs the launcher and icon for the current user (freedesktop: GNOME, KDE, Xfce …).
# Run from the project folder after `pip install .` (or `make run`, with .venv/bin on PATH).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
for size in 16 24 32 48 64 128 256; do
  install -Dm644 "$here/resources/icons/timeline-app-$size.png" "$data/icons/hicolor/${size}x${size}/apps/timeline-app.png"
done
install -Dm644 "$here/resources/icons/timeline-app.svg" "$data/icons/hicolor/scalable/apps/timeline-app.svg"
install -Dm644 "$here/packaging/timeline-app.desktop" "$data/applications/timeline-app.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "installed: $data/applications/timeline-app.desktop"
