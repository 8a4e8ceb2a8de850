#!/bin/sh
# Writes tests/data/console-glyphs.txt: the characters every standard Linux console font
# carries, read from the fonts' own Unicode tables. The fonts are Debian's console-setup-linux
# (Lat15 and Uni2 faces, Fixed, VGA and Terminus, 8x16: what console-setup installs by default);
# psfgettable is from kbd. Nothing is installed: the two packages are unpacked in a temporary
# directory. The list is the intersection of the fonts, so a glyph in it draws in all of them.
set -eu
out=${1:-tests/data/console-glyphs.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download kbd console-setup-linux >/dev/null 2>&1)
dpkg-deb -x "$work"/kbd_*.deb "$work/kbd"
dpkg-deb -x "$work"/console-setup-linux_*.deb "$work/cs"
fonts="Lat15-Fixed16 Lat15-VGA16 Lat15-Terminus16 Uni2-Fixed16 Uni2-VGA16 Uni2-Terminus16"
first=1
for font in $fonts; do
    zcat "$work/cs/usr/share/consolefonts/$font.psf.gz" >"$work/font.psf"
    "$work/kbd/usr/bin/psfgettable" "$work/font.psf" | grep -v '^#' |
        grep -oE 'U\+[0-9a-f]{4,5}' | sort -u >"$work/$font.u"
    if [ $first = 1 ]; then cp "$work/$font.u" "$work/all.u"; first=0
    else comm -12 "$work/all.u" "$work/$font.u" >"$work/next.u"; mv "$work/next.u" "$work/all.u"; fi
done
{
    echo "# The characters all of these Linux console fonts carry (console-setup-linux, read with"
    echo "# kbd's psfgettable): $fonts."
    echo "# Made by scripts/console-glyphs.sh. One code point a line: U+XXXX and the character."
    python3 -c '
import sys
for line in sys.stdin:
    cp = int(line.strip()[2:], 16)
    if cp >= 0x20 and cp != 0x7f and not 0x80 <= cp < 0xa0:
        print("U+%04X %s" % (cp, chr(cp)))
' <"$work/all.u"
} >"$out"
echo "$(grep -c '^U+' "$out") characters in $out"
