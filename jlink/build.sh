#!/usr/bin/env bash
# Builds a self-contained Attention Explorer for this platform: a Java runtime (jlink) holding the JDK and JavaFX
# modules the app needs, the app and its other jars on the classpath (ND4J cannot be a module), the bundled samples,
# and launchers. Usage (from the repository root):
#
#   jlink/build.sh [--skip-package] [--cuda]
#
# Output: target/image/attention-explorer/ and target/image/attention-explorer-<version>-<os>-<arch>.tar.gz.
# Needs: a JDK 17 (with jlink and jdeps), zip and unzip. See jlink/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

package=1
profile=()
for arg in "$@"; do
  case "$arg" in
    --skip-package) package=0 ;;
    --cuda) profile=(-Pcuda) ;;
    *) echo "unknown option: $arg (use --skip-package or --cuda)" >&2; exit 2 ;;
  esac
done
for tool in jlink jdeps zip unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "jlink/build.sh needs '$tool' on the PATH" >&2; exit 2; }
done

if ((package)); then
  ./mvnw -q -B -ntp "${profile[@]}" package -DskipTests
fi
jar=target/attention-explorer.jar
[[ -f "$jar" ]] || { echo "$jar is missing: run without --skip-package" >&2; exit 2; }
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')

case "$(uname -s)" in
  Linux) os=linux; javafx_os=linux; natives='*.so'; javacpp_natives='*.so*' ;;
  Darwin) os=macos; javafx_os=mac; natives='*.dylib'; javacpp_natives='*.dylib' ;;
  *) echo "this script builds Linux and macOS images; on Windows see jlink/README.md" >&2; exit 2 ;;
esac
arch=$(uname -m)
[[ "$os" == macos && "$arch" == arm64 ]] && javafx_os=mac-aarch64
case "$os-$arch" in
  linux-x86_64) javacpp_platform=linux-x86_64 ;;
  linux-aarch64) javacpp_platform=linux-arm64 ;;
  macos-x86_64) javacpp_platform=macosx-x86_64 ;;
  macos-arm64) javacpp_platform=macosx-arm64 ;;
  *) javacpp_platform="$os-$arch" ;;
esac

work=target/image
out="$work/attention-explorer"
rm -rf "$work"
mkdir -p "$work/jdeps" "$out/app/lib"

# 1. The JDK modules the app and its libraries use, found by jdeps. Some libraries (ND4J) ship module descriptors
#    that do not match their contents, so jdeps reads copies without them.
for j in "$jar" target/lib/*.jar; do
  case "$(basename "$j")" in javafx-*) continue ;; esac
  cp "$j" "$work/jdeps/"
done
for j in "$work"/jdeps/*.jar; do
  zip -q -d "$j" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
jdk_modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 \
  --class-path "$work/jdeps/*" "$work"/jdeps/*.jar 2>/dev/null)

# (jdk.crypto.ec and jdk.localedata are left out: no network, an English UI.)
modules="$jdk_modules,javafx.controls,javafx.swing"
echo "modules: $modules"

# 2. The runtime: JDK modules plus JavaFX's modular jars for this platform (they carry the native libraries).
fx_path=$(ls target/lib/javafx-*-"$javafx_os".jar | tr '\n' ':')
jlink --module-path "$fx_path" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

# 3. JavaFX's native libraries go into the runtime's lib folder, where JavaFX loads them from, so nothing is
#    unpacked into the user's home at the first start.
for j in target/lib/javafx-*-"$javafx_os".jar; do
  unzip -q -o -j "$j" "$natives" -d "$out/runtime/lib" 2>/dev/null || true
done

# 4. The app and its other jars on the classpath; the bundled lesson is inside the jar, the samples beside it.
#    ND4J's native libraries (the JavaCPP platform jars) are unpacked into native/ instead of being kept as jars,
#    so they are not unpacked again (about 400 MB) into ~/.javacpp/cache at the first start; the launcher points
#    JavaCPP at them (java.library.path + org.bytedeco.javacpp.pathsFirst).
cp "$jar" "$out/app/"
mkdir -p "$out/native"
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*) continue ;;
    *-"$javacpp_platform".jar)
      unzip -q -o -j "$j" "$javacpp_natives" -d "$out/native" 2>/dev/null || true ;;  # some hold no library
    *) cp "$j" "$out/app/lib/" ;;
  esac
done
# JavaCPP's OpenBLAS preset loads the same library under a second name (it makes a link in its cache).
if [[ -f "$out/native/libopenblas.so.0" && ! -e "$out/native/libopenblas_nolapack.so.0" ]]; then
  cp "$out/native/libopenblas.so.0" "$out/native/libopenblas_nolapack.so.0"
fi
mkdir -p "$out/samples"
cp -r samples/lessons samples/models samples/texts "$out/samples/"
cp README.md "$out/"

# 5. Launchers: no arguments opens the app; arguments run the command line.
mkdir -p "$out/bin"
cp jlink/attention-explorer "$out/bin/attention-explorer"
cp jlink/attention-explorer.bat "$out/bin/attention-explorer.bat"
chmod +x "$out/bin/attention-explorer"

archive="$work/attention-explorer-$version-$os-$arch.tar.gz"
tar -C "$work" -czf "$archive" attention-explorer
echo "image: $out ($(du -sh "$out" | cut -f1)), archive: $archive ($(du -sh "$archive" | cut -f1))"
