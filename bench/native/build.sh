#!/usr/bin/env bash
# Builds markata-java as a GraalVM native image without a GraalVM distribution (the session-14
# spike, bench/README.md "Native image"): the native-image builder's jars from Maven Central,
# run on Temurin 25 as the builder JVM, the C helpers a GraalVM ships compiled written here
# (clib.sh), and the JDK's shared native libraries in place of the static ones Temurin lacks.
#
#   bench/native/build.sh            -> target/native/markata (+ target/native/lib/*.so beside it)
#
# Environment: JDK (default /usr/lib/jvm/temurin-25-jdk-amd64, must be 25 with jdk.internal.vm.ci),
# GRAAL_VERSION (default 25.0.2), WORK (scratch, default /tmp/markata-native), OUT (default
# target/native under the checkout). Needs gcc and Maven Central. Takes ~10-20 min and ~4 GB.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/native"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
GRAAL_VERSION="${GRAAL_VERSION:-25.0.2}"
WORK="${WORK:-/tmp/markata-native}"
OUT="${OUT:-$root/target/native}"
mkdir -p "$WORK" "$OUT/lib"
say() { echo "native: $*" >&2; }

[[ -x "$JDK/bin/java" ]] || { say "no JDK at $JDK (set JDK to a JDK 25 home)"; exit 2; }
"$JDK/bin/java" --list-modules | grep -q '^jdk.internal.vm.ci@25' \
  || { say "$JDK is not a JDK 25 with the jdk.internal.vm.ci module"; exit 2; }
command -v gcc >/dev/null || { say "gcc is needed (the builder compiles C queries and links with it)"; exit 2; }

# 1. The builder's jars (svm and its dependencies) from Maven Central.
jars="$WORK/jars-$GRAAL_VERSION"
if [[ ! -f "$jars/svm-$GRAAL_VERSION.jar" ]]; then
  say "fetching org.graalvm.nativeimage:svm:$GRAAL_VERSION and its dependencies"
  mkdir -p "$WORK/deps"
  cat >"$WORK/deps/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>svm-deps</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.graalvm.nativeimage</groupId><artifactId>svm</artifactId>
    <version>$GRAAL_VERSION</version></dependency></dependencies></project>
POM
  JAVA_HOME="$JDK" "$root/mvnw" -B -q -f "$WORK/deps/pom.xml" dependency:copy-dependencies -DoutputDirectory="$jars"
fi

# 2. A copy of the JDK (hard links where the file system allows) with the builder-side helper
#    library the builder loads from lib/svm/builder/lib (it aborts at the end of a build without it).
jdk="$WORK/jdk"
if [[ ! -x "$jdk/bin/java" ]]; then
  cp -al "$JDK" "$jdk" 2>/dev/null || cp -a "$JDK" "$jdk"
fi
mkdir -p "$jdk/lib/svm/builder/lib"
gcc -O2 -shared -fPIC -Wall -I"$JDK/include" -I"$JDK/include/linux" -o "$jdk/lib/svm/builder/lib/libreporterchelper.so" \
  "$here/reporterchelper.c"

# 3. The C side: headers, helpers, libjvm stand-in, the JDK's shared libraries.
clib="$WORK/clib"
JDK="$JDK" SVM_JAR="$jars/svm-$GRAAL_VERSION.jar" "$here/clib.sh" "$clib"
cp "$clib"/lib/*.so "$OUT/lib/"

# 4. The builder runs as modules on Temurin: the compiler jar replaces the JDK's (upgradeable)
#    jdk.graal.compiler module, and every JDK package is exported to the builder's modules (a
#    GraalVM's launcher passes the same kind of list).
builder_modules="org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.objectfile,jdk.graal.compiler,org.graalvm.nativeimage.base,org.graalvm.nativeimage.configure"
exports="$WORK/exports.args"
for m in $("$JDK/bin/java" --list-modules | sed 's/@.*//'); do
  case "$m" in jdk.graal.compiler|jdk.hotspot.agent|jdk.jcmd) continue ;; esac
  "$JDK/bin/java" --describe-module "$m" | awk -v m="$m" -v to="ALL-UNNAMED,$builder_modules" \
    '$1=="contains"{print "--add-exports=" m "/" $2 "=" to} $1=="qualified"{print "--add-exports=" m "/" $3 "=" to}'
done | sort -u >"$exports"

# 5. The markata jar, and what it needs by reflection (no tracing agent outside a GraalVM):
#    every class of markata, jinjava (its expression language calls methods by reflection),
#    picocli and Jackson, the JDK types templates call methods on, and Guava's Lists (jinjava's
#    list() function is Lists.newArrayList, found by reflection).
jar="$root/generator/target/markata.jar"
if [[ ! -f "$jar" ]]; then (cd "$root" && ./mvnw -B -q -pl generator -am package -DskipTests); fi
reflect="$WORK/reflect-config.json"
{
  echo "["
  unzip -Z1 "$jar" | grep -E '^(dev/markata/|com/hubspot/jinjava/|jinjava/|picocli/|com/fasterxml/jackson/).*\.class$' \
    | grep -v -E '(^|/)(module-info|package-info)\.class$' | sed 's|\.class$||; s|/|.|g' \
    | sed 's/.*/{"name":"&","allDeclaredConstructors":true,"allPublicConstructors":true,"allDeclaredMethods":true,"allPublicMethods":true,"allDeclaredFields":true,"allPublicFields":true},/'
  for c in java.lang.Object java.lang.String java.lang.CharSequence java.lang.Number java.lang.Integer java.lang.Long \
      java.lang.Double java.lang.Float java.lang.Short java.lang.Byte java.lang.Boolean java.lang.Character java.lang.Enum \
      java.lang.Iterable java.util.Collection java.util.List java.util.Map java.util.Map\$Entry java.util.Set java.util.Iterator \
      java.util.ArrayList java.util.LinkedList java.util.HashMap java.util.LinkedHashMap java.util.TreeMap java.util.HashSet \
      java.util.LinkedHashSet java.util.TreeSet java.util.AbstractMap\$SimpleEntry java.util.AbstractMap\$SimpleImmutableEntry \
      java.util.Collections\$UnmodifiableMap java.util.Collections\$UnmodifiableList java.util.Collections\$UnmodifiableRandomAccessList \
      java.util.Collections\$UnmodifiableSet java.util.Collections\$UnmodifiableCollection java.util.Collections\$EmptyList \
      java.util.Collections\$EmptyMap java.util.Collections\$SingletonList java.util.Collections\$SingletonMap \
      java.util.ImmutableCollections\$ListN java.util.ImmutableCollections\$List12 java.util.ImmutableCollections\$SubList \
      java.util.ImmutableCollections\$MapN java.util.ImmutableCollections\$Map1 java.util.ImmutableCollections\$SetN \
      java.util.ImmutableCollections\$Set12 java.util.Optional java.util.Date java.time.LocalDate java.time.LocalDateTime \
      java.time.LocalTime java.time.ZonedDateTime java.time.OffsetDateTime java.time.Instant java.time.Duration \
      java.time.ZoneOffset java.time.ZoneId java.time.format.DateTimeFormatter java.math.BigDecimal java.math.BigInteger \
      java.nio.file.Path com.google.common.collect.Lists; do
    echo "{\"name\":\"$c\",\"allPublicConstructors\":true,\"allPublicMethods\":true,\"allPublicFields\":true},"
  done
  echo '{"name":"java.lang.Void"}'
  echo "]"
} >"$reflect"

# Interfaces initialized when the image is built: the builder runs (simulates) the static
# initializers of classes at build time where it can, and a lambda such an initializer stores
# (ConfigSection.Reader, PythonOperators.Eager, picocli's IExitCodeExceptionMapper, jinjava's
# FeatureActivationStrategy, ...) may only be in the image if its interface is initialized then
# too, and so may a non-capturing lambda in any code (the builder makes it a constant: commonmark's
# HtmlNodeRendererFactory in CodeBlocks). Every interface in the jar without static fields (so
# with nothing to initialize); one with a static field (Reporter.STDERR) would pull its value in.
init_args=()
# The JDK's java.desktop too (icon_resize and covers use AWT's image classes: ICC_Profile's
# initializer stores an AWTAccessor lambda).
unzip -Z1 "$jar" | grep -E '\.class$' | grep -v -E '^META-INF/|(module|package)-info' \
  | sed 's|\.class$||; s|/|.|g' >"$WORK/classes.txt"
"$JDK/bin/jimage" list "$JDK/lib/modules" | awk '/^Module: /{ m = $2; next } m == "java.desktop" && /\.class$/ && !/module-info/ { print $1 }' \
  | sed 's|\.class$||; s|/|.|g' >"$WORK/desktop-classes.txt"
while read -r iface; do init_args+=("-H:ClassInitialization=$iface:build_time"); done < <(
  { "$JDK/bin/javap" -p -cp "$jar" $(cat "$WORK/classes.txt"); "$JDK/bin/javap" -p $(cat "$WORK/desktop-classes.txt"); } 2>/dev/null | awk '
    /^Compiled from/ { next }
    /^([a-z-]+ )*(class|interface|enum|record|@interface) / {
      if (name != "" && isif && !statics) print name
      isif = ($0 ~ /(^| )interface / && $0 !~ /@interface/); name = $0
      sub(/.*(class|interface|enum|record) /, "", name); sub(/[ <].*/, "", name); statics = 0; next }
    / static / && $0 !~ /\(/ { statics = 1 }
    END { if (name != "" && isif && !statics) print name }')

# 6. The image. The JDK's libraries are linked as shared ones after empty static stand-ins, and
#    found at run time in lib/ beside the executable.
say "building the image (nice -n 19; see $WORK/build.log)"
rm -rf "$WORK/tmp"
nice -n 19 "$jdk/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler \
  "@$exports" -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
  -Dorg.graalvm.nativeimage.imagecode=buildtime --add-modules ALL-DEFAULT ${BUILDER_JAVA_OPTS:-} \
  --upgrade-module-path "$jars/compiler-$GRAAL_VERSION.jar" \
  --module-path "$(ls "$jars"/*.jar | grep -v "/compiler-$GRAAL_VERSION.jar" | tr '\n' ':')" \
  -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -imagecp "$jar" -H:Path="$OUT" -H:Name=markata -H:Class=dev.markata.cli.Main \
  -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" -H:TempDirectory="$WORK/tmp" \
  -H:CLibraryPath="$clib" -H:EnableNativeAccess=ALL-UNNAMED,org.graalvm.nativeimage.builder \
  -H:ReflectionConfigurationFiles="$reflect" -H:IncludeResources='.*' \
  "-H:NativeLinkerOption=$clib/libsvmhelper.a" "-H:NativeLinkerOption=$clib/lib/libjvm.so" \
  "-H:NativeLinkerOption=$clib/lib/libjava.so" "-H:NativeLinkerOption=$clib/lib/libnio.so" \
  "-H:NativeLinkerOption=$clib/lib/libnet.so" "-H:NativeLinkerOption=$clib/lib/libzip.so" \
  "-H:NativeLinkerOption=$clib/lib/libextnet.so" "-H:NativeLinkerOption=$clib/lib/libmanagement_ext.so" \
  '-H:NativeLinkerOption=-Wl,-rpath,$ORIGIN/lib' "${init_args[@]}" ${IMAGE_OPTS:-} 2>&1 | tee "$WORK/build.log" \
  | grep -v -E '^\[[0-9.]+s\]\[warning\]\[cds\]'
[[ -x "$OUT/markata" ]] || { say "no executable was made (log: $WORK/build.log)"; exit 1; }
say "done: $OUT/markata"
