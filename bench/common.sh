# Shared set-up for bench/smoke and bench/overhead: the JDK, Error Prone, the checker jar, the
# javac flags, and Maven Central look-ups. Sourced, not run.

LG_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LG_CACHE=${LEAKGUARD_BENCH_CACHE:-$HOME/.cache/leakguard-bench}
LG_OUT=${LEAKGUARD_BENCH_OUT:-$LG_ROOT/target/bench}
LG_DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
mkdir -p "$LG_CACHE" "$LG_OUT"
LG_CACHE=$(cd "$LG_CACHE" && pwd) LG_OUT=$(cd "$LG_OUT" && pwd) # javac runs from other directories

lg_die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

lg_mvn() {
  local offline=()
  [[ ${LEAKGUARD_BENCH_OFFLINE:-0} == 1 ]] && offline=(-o)
  mvn -B -q "${offline[@]}" "$@"
}

# The JDK in JAVA_HOME (or on PATH) and the Error Prone release that runs on it.
lg_setup_jdk() {
  if [[ -n ${JAVA_HOME:-} ]]; then
    LG_JAVA=$JAVA_HOME/bin/java
    LG_JAVAC=$JAVA_HOME/bin/javac
  else
    LG_JAVA=$(command -v java) || lg_die "no java on PATH and no JAVA_HOME"
    LG_JAVAC=$(command -v javac) || lg_die "no javac on PATH and no JAVA_HOME"
  fi
  LG_JAVA_VERSION=$("$LG_JAVA" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  LG_JAVA_MAJOR=${LG_JAVA_VERSION%%[.+-]*}
  [[ $LG_JAVA_MAJOR =~ ^[0-9]+$ ]] || lg_die "cannot read the Java version of $LG_JAVA"
  if ((LG_JAVA_MAJOR >= 21)); then
    LG_EP_VERSION=${LEAKGUARD_EP_VERSION:-2.52.0}
  else
    LG_EP_VERSION=${LEAKGUARD_EP_VERSION:-2.42.0}
  fi
}

# lg_resolve_classpath DIR GAV... : writes DIR/cp.txt, the runtime classpath of the given
# artifacts (each included), resolved from Maven Central through a generated pom. Cached.
lg_resolve_classpath() {
  local dir=$1
  shift
  [[ -s $dir/cp.txt ]] && return 0
  mkdir -p "$dir"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo '<groupId>io.github.leakguard.bench</groupId><artifactId>resolve</artifactId>'
    echo '<version>0</version><packaging>pom</packaging>'
    local gav g a v
    # bom=G:A:V arguments: BOMs that set the versions of the libraries' own dependencies; with=G:A:V
    # (or plain G:A:V) arguments: libraries on the classpath.
    echo '<dependencyManagement><dependencies>'
    for gav in "$@"; do
      [[ $gav == bom=* ]] || continue
      IFS=: read -r g a v <<<"${gav#bom=}"
      echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version>"
      echo "<type>pom</type><scope>import</scope></dependency>"
    done
    echo '</dependencies></dependencyManagement><dependencies>'
    for gav in "$@"; do
      [[ $gav == bom=* ]] && continue
      IFS=: read -r g a v <<<"${gav#with=}"
      echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
    done
    echo '</dependencies></project>'
  } >"$dir/pom.xml"
  (cd "$dir" && lg_mvn "$LG_DEP_PLUGIN:build-classpath" -DincludeScope=runtime \
    -Dmdep.outputFile="$dir/cp.tmp" >"$dir/mvn.log" 2>&1) || {
    cat "$dir/mvn.log" >&2
    return 1
  }
  mv "$dir/cp.tmp" "$dir/cp.txt"
}

# lg_fetch GAV[:type[:classifier]] DIR : copies one artifact from Maven Central into DIR. Cached.
lg_fetch() {
  local artifact=$1 dir=$2
  mkdir -p "$dir"
  [[ -e $dir/.done ]] && return 0
  lg_mvn "$LG_DEP_PLUGIN:copy" -Dartifact="$artifact" -DoutputDirectory="$dir" \
    -Dmdep.overWriteReleases=true >"$dir/mvn.log" 2>&1 || return 1
  touch "$dir/.done"
}

# The checker jar: LEAKGUARD_CHECKER_JAR, or built from this repository (never installed).
lg_setup_checker() {
  if [[ -n ${LEAKGUARD_CHECKER_JAR:-} ]]; then
    LG_CHECKER_JAR=$LEAKGUARD_CHECKER_JAR
  else
    (cd "$LG_ROOT" && { mvn -B -q -o package -pl checker -am -DskipTests >/dev/null 2>&1 ||
      mvn -B -q package -pl checker -am -DskipTests; }) || lg_die "cannot build the checker jar"
    LG_CHECKER_JAR=$(ls "$LG_ROOT"/checker/target/leakguard-checker-*.jar | grep -v -e sources -e javadoc | head -1)
  fi
  [[ -f $LG_CHECKER_JAR ]] || lg_die "no checker jar at $LG_CHECKER_JAR"
  # A private copy, so a rebuild during a long run cannot change the jar under javac's feet.
  cp "$LG_CHECKER_JAR" "$LG_OUT/leakguard-checker-$$.jar"
  LG_CHECKER_JAR=$LG_OUT/leakguard-checker-$$.jar
  trap 'rm -f "$LG_OUT/leakguard-checker-$$.jar"' EXIT
  # Every check the jar registers, so checks landing from other branches are run without edits.
  mapfile -t LG_CHECKS < <(unzip -p "$LG_CHECKER_JAR" \
    META-INF/services/com.google.errorprone.bugpatterns.BugChecker | sed 's/#.*//; s/.*\.//; /^\s*$/d' | tr -d '\r')
  ((${#LG_CHECKS[@]} > 0)) || lg_die "the checker jar registers no checks"
}

lg_setup_errorprone() {
  lg_resolve_classpath "$LG_CACHE/errorprone-$LG_EP_VERSION" \
    "com.google.errorprone:error_prone_core:$LG_EP_VERSION" || lg_die "cannot resolve Error Prone"
  LG_EP_CP=$(<"$LG_CACHE/errorprone-$LG_EP_VERSION/cp.txt")
  # What javac's JVM must open for Error Prone.
  LG_JVM_FLAGS=()
  local p
  for p in api code comp file main model parser processing tree util; do
    LG_JVM_FLAGS+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
  done
  LG_JVM_FLAGS+=(-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED
    -J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED)
  # Error Prone records each check's time always up to some 2.4x release, and only when asked
  # (-XepRecordTimings) in later ones; the flag is an error where it does not exist.
  LG_EP_TIMINGS_FLAG=
  local jar
  for jar in ${LG_EP_CP//:/ }; do
    if [[ $jar == */error_prone_check_api-* ]] &&
      unzip -p "$jar" com/google/errorprone/ErrorProneOptions.class | grep -qa XepRecordTimings; then
      LG_EP_TIMINGS_FLAG=-XepRecordTimings
    fi
  done
}

lg_setup() {
  lg_setup_jdk
  lg_setup_checker
  lg_setup_errorprone
}

# The CompileProbe javac plugin (bench/CompileProbe.java), compiled for the JDK under test.
lg_setup_probe() {
  LG_PROBE_DIR=$LG_OUT/probe-classes
  rm -rf "$LG_PROBE_DIR"
  mkdir -p "$LG_PROBE_DIR/META-INF/services"
  "$LG_JAVAC" -nowarn --add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED \
    --add-exports jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED -d "$LG_PROBE_DIR" \
    "$LG_ROOT/bench/CompileProbe.java" || lg_die "cannot compile bench/CompileProbe.java"
  echo CompileProbe >"$LG_PROBE_DIR/META-INF/services/com.sun.source.util.Plugin"
}

# lg_javac_args MODE [PROBE_OUT [gc]] : sets LG_ARGS, the javac arguments for one configuration;
# with PROBE_OUT, CompileProbe (lg_setup_probe) measures the compilation from inside into it.
#   javac        plain javac
#   ep           javac + Error Prone, its default checks
#   ep+lg        javac + Error Prone, its default checks and every LeakGuard check
#   lg           javac + only LeakGuard's checks
lg_javac_args() {
  local mode=$1 check enable=()
  for check in "${LG_CHECKS[@]}"; do enable+=("-Xep:$check:WARN"); done
  LG_ARGS=(-XDcompilePolicy=simple --should-stop=ifError=FLOW -proc:none -implicit:none
    -encoding UTF-8 -XDsuppressNotes -Xmaxwarns 1000000 -Xmaxerrs 100000)
  case $mode in
    javac) ;;
    ep)
      LG_ARGS+=("${LG_JVM_FLAGS[@]}" -processorpath "$LG_EP_CP"
        "-Xplugin:ErrorProne -XepAllErrorsAsWarnings")
      ;;
    ep+lg)
      LG_ARGS+=("${LG_JVM_FLAGS[@]}" -processorpath "$LG_CHECKER_JAR:$LG_EP_CP"
        "-Xplugin:ErrorProne -XepAllErrorsAsWarnings ${enable[*]}")
      ;;
    lg)
      LG_ARGS+=("${LG_JVM_FLAGS[@]}" -processorpath "$LG_CHECKER_JAR:$LG_EP_CP"
        "-Xplugin:ErrorProne -XepDisableAllChecks ${enable[*]}")
      ;;
    *) lg_die "unknown mode $mode" ;;
  esac
  if (($# > 1)); then
    local i found=0
    for i in "${!LG_ARGS[@]}"; do
      if [[ ${LG_ARGS[$i]} == -processorpath ]]; then
        LG_ARGS[i + 1]="$LG_PROBE_DIR:${LG_ARGS[i + 1]}"
        found=1
      fi
    done
    if ((!found)); then
      LG_ARGS+=(-J--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
        -J--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
        -processorpath "$LG_PROBE_DIR")
    fi
    LG_ARGS+=("-Xplugin:CompileProbe ${*:2}")
    if [[ -n $LG_EP_TIMINGS_FLAG ]]; then
      for i in "${!LG_ARGS[@]}"; do
        if [[ ${LG_ARGS[$i]} == -Xplugin:ErrorProne* ]]; then
          LG_ARGS[i]+=" $LG_EP_TIMINGS_FLAG"
        fi
      done
    fi
  fi
}

# Whether a javac log shows a crash: a LeakGuard exception or a javac/Error Prone failure, as
# opposed to a compile error in the code being compiled.
lg_is_crash() {
  local rc=$1 log=$2
  ((rc >= 2)) && return 0
  grep -qE -e 'An unhandled exception was thrown by the Error Prone' \
    -e 'An exception has occurred in the compiler' -e '^\s+at io\.github\.leakguard\.' \
    -e 'java\.lang\.(OutOfMemoryError|StackOverflowError)' "$log"
}

# The library's own pom, for the optional and provided dependencies its sources compile against
# (which a dependent's classpath would not carry). Empty when the pom cannot be built alone.
lg_own_classpath() {
  local gav=$1 dir=$2
  [[ -e $dir/own-cp.txt ]] && return 0
  mkdir -p "$dir/own"
  if lg_fetch "$gav:pom" "$dir/pom" && cp "$dir"/pom/*.pom "$dir/own/pom.xml" &&
    (cd "$dir/own" && lg_mvn "$LG_DEP_PLUGIN:build-classpath" -DincludeScope=compile \
      -Dmdep.outputFile="$dir/own/cp.txt" >"$dir/own/mvn.log" 2>&1); then
    cp "$dir/own/cp.txt" "$dir/own-cp.txt"
  else
    : >"$dir/own-cp.txt"
  fi
}

# lg_prepare_library NAME GAV SRC LIST [bom=G:A:V | with=G:A:V]... : fetches the library's sources
# and dependencies (cached), unpacks its sources into SRC, writes the source files to LIST and the
# classpath to LG_LIB_CP: the library's own jar first (so files that need generated code resolve
# it), then its runtime and its own pom's compile-time dependencies. A BOM sets the versions of the
# library's dependencies (a framework module published against versions of its siblings that only
# its platform BOM aligns); a with= library joins the classpath (a framework that the library's
# pom names as provided, for its user to bring).
lg_prepare_library() {
  local name=$1 gav=$2 src=$3 list=$4 lib=$LG_CACHE/smoke/$1
  lg_fetch "$gav:jar:sources" "$lib/sources" || lg_die "cannot fetch $gav sources"
  lg_resolve_classpath "$lib/deps" "$gav" "${@:5}" || lg_die "cannot resolve $gav"
  lg_own_classpath "$gav" "$lib"
  LG_LIB_CP=$(<"$lib/deps/cp.txt")
  [[ -s $lib/own-cp.txt ]] && LG_LIB_CP="$LG_LIB_CP:$(<"$lib/own-cp.txt")"
  rm -rf "$src"
  mkdir -p "$src"
  unzip -q -o "$lib"/sources/*-sources.jar -d "$src" -x 'META-INF/*'
  find "$src" -name '*.java' ! -name module-info.java | sort >"$list"
}

# The coordinates of a smoke-corpus library by name.
lg_library_gav() {
  awk -v n="$1" '$1 == n { print $2 }' "$LG_ROOT/bench/smoke-libraries.txt"
}
