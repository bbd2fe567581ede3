#!/usr/bin/env bash
# Takes the README's pictures from the real windows, in English and Chinese, and puts them in
# docs/screenshots. Uses the ci build (configured and built if needed); runs the screenshot test
# in its own test home, so it never touches your own OneDial files.
#   tools/take-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/ci
if [[ ! -f $build/build.ninja ]]; then
    cmake --preset ci >/dev/null
fi
cmake --build "$build" --target tst_screenshots tst_tray >/dev/null
(cd "$build" && ctest -R '^(onedial_test_homes|tst_screenshots|tst_tray)$' --output-on-failure >/dev/null)
mkdir -p docs/screenshots
for picture in main-window history quick-dial contact-form setup-wizard; do
    for suffix in "" -zh_CN; do
        cp "$build/tests/screenshots/$picture$suffix.png" docs/screenshots/
    done
done
cp "$build/tests/screenshots/tray.png" docs/screenshots/
echo "take-screenshots: docs/screenshots updated:"
ls -l docs/screenshots
