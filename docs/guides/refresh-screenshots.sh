#!/usr/bin/env bash
# Takes the guides' pictures again from the demo install: runs the guide tour browser test (which
# fails if a page a guide shows no longer opens for its role) and copies its screenshots here.
# Chinese names on the pictures need a CJK font on the machine (Debian: apt-get install fonts-wqy-zenhei).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=UserGuideTourBrowserIT
cp target/screenshots/guide-*.png docs/guides/img/
echo "Copied $(ls target/screenshots/guide-*.png | wc -l) pictures to docs/guides/img"
