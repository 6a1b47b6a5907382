#!/usr/bin/env bash
# Builds every release artefact of Lindung into target/dist/:
#   lindung-<version>-windows-x64-setup.exe   installer (NSIS; per user, no administrator rights)
#   lindung-<version>-windows-x64.zip         portable: lindung.exe, lindung-cli.exe, examples
#   lindung_<version>_amd64.deb               Debian/Ubuntu package
#   lindung-<version>-linux-x64.tar.gz        Linux, portable
#
# Needs (Debian): the Rust toolchain with the x86_64-pc-windows-gnu target
# (`rustup target add x86_64-pc-windows-gnu`), and
#   apt-get install gcc-mingw-w64-x86-64 nsis zip
# `--linux` or `--windows` builds only that system's artefacts.
set -euo pipefail
cd "$(dirname "$0")/../.."

linux=1 windows=1
case "${1:-}" in
  --linux) windows=0 ;;
  --windows) linux=0 ;;
  "") ;;
  *) echo "usage: $0 [--linux|--windows]" >&2; exit 2 ;;
esac

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
dist=target/dist
stage=target/dist/stage
rm -rf "$stage"
mkdir -p "$dist" "$stage"
# A reproducible build date: the commit's, unless given.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
fi
export SOURCE_DATE_EPOCH

# What every artefact carries besides the program: the examples and the licences.
common() {
  local into=$1 newline=$2
  mkdir -p "$into/contoh"
  cp scenarios/*.ron "$into/contoh/"
  for licence in LICENSE-MIT LICENSE-APACHE; do
    convert_newlines "$newline" <"$licence" >"$into/$licence.txt"
  done
  convert_newlines "$newline" <assets/wilayah/LICENSE-ODbL.md >"$into/LICENSE-ODbL.txt"
  convert_newlines "$newline" <assets/packaging/licences/FONTS.txt >"$into/LICENSE-FONTS.txt"
}

# Windows' Notepad in older versions shows a file with \n line ends on one line.
convert_newlines() {
  if [ "$1" = crlf ]; then sed 's/$/\r/'; else cat; fi
}

if [ "$windows" = 1 ]; then
  target=x86_64-pc-windows-gnu
  cargo build --release --locked --target "$target" --bins
  name="lindung-$version-windows-x64"
  win="$stage/$name"
  mkdir -p "$win"
  for exe in lindung lindung-cli; do
    x86_64-w64-mingw32-strip -o "$win/$exe.exe" "target/$target/release/$exe.exe"
  done
  cp assets/icon/lindung.ico "$win/"
  convert_newlines crlf <"assets/packaging/windows/Mulai di sini.txt" >"$win/Mulai di sini.txt"
  common "$win" crlf
  makensis -V2 -DVERSION="$version" -DSTAGE="$(realpath "$win")" \
    -DOUTFILE="$(realpath "$dist")/$name-setup.exe" assets/packaging/windows/lindung.nsi
  rm -f "$dist/$name.zip"
  find "$win" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  (cd "$stage" && zip -q -X -r "../$name.zip" "$name" -x "$name/lindung.ico")
fi

if [ "$linux" = 1 ]; then
  cargo build --release --locked --bins
  # The tarball: the program beside its examples, desktop entry and icon.
  name="lindung-$version-linux-x64"
  tarball="$stage/$name"
  mkdir -p "$tarball"
  strip -o "$tarball/lindung" target/release/lindung
  cp README.md assets/packaging/linux/lindung.desktop assets/packaging/linux/lindung.xml "$tarball/"
  cp assets/icon/lindung.png "$tarball/lindung.png"
  common "$tarball" lf
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C "$stage" -czf "$dist/$name.tar.gz" "$name"

  # The Debian package: /usr/bin/lindung, the menu entry, the icon, the scenario file type, the
  # examples in /usr/share/lindung/contoh (where the first Open dialog looks) and the licences.
  deb="$stage/deb"
  install -Dm755 "$tarball/lindung" "$deb/usr/bin/lindung"
  install -Dm644 assets/packaging/linux/lindung.desktop "$deb/usr/share/applications/lindung.desktop"
  install -Dm644 assets/packaging/linux/lindung.xml "$deb/usr/share/mime/packages/lindung.xml"
  install -Dm644 assets/icon/lindung.png "$deb/usr/share/icons/hicolor/256x256/apps/lindung.png"
  install -Dm644 assets/icon/lindung-48.png "$deb/usr/share/icons/hicolor/48x48/apps/lindung.png"
  mkdir -p "$deb/usr/share/lindung/contoh"
  install -m644 scenarios/*.ron "$deb/usr/share/lindung/contoh/"
  doc="$deb/usr/share/doc/lindung"
  install -Dm644 assets/packaging/linux/copyright "$doc/copyright"
  install -Dm644 assets/packaging/licences/FONTS.txt "$doc/FONTS.txt"
  install -Dm644 assets/wilayah/LICENSE-ODbL.md "$doc/LICENSE-ODbL.txt"
  gzip -9n <README.md >"$doc/README.md.gz"
  chmod 644 "$doc/README.md.gz"
  # The oldest C library the program runs with: the newest symbol version it uses.
  glibc=$(objdump -T "$deb/usr/bin/lindung" | sed -n 's/.*GLIBC_\([0-9.]*\).*/\1/p' | sort -Vu | tail -n 1)
  size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
  mkdir -p "$deb/DEBIAN"
  sed -e "s/@VERSION@/$version/" -e "s/@GLIBC@/$glibc/" -e "s/@SIZE@/$size/" \
    assets/packaging/linux/control >"$deb/DEBIAN/control"
  find "$deb" -type d -exec chmod 755 {} +
  find "$deb" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/lindung_${version}_amd64.deb" >/dev/null
fi

rm -rf "$stage"
ls -l "$dist"
