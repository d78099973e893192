# Sourced by the run-*.sh scripts: where the repository and the jars are, building the jars when
# they are missing, and the small helpers the scripts share.
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
cli_jar="$root/cli-shim/target/pyhermetic.jar"

# Builds the benchmarks jar (and, with --cli, the command-line jar) unless they exist.
build_jars() {
  local modules=(-pl benchmarks -am)
  if [ "${1:-}" = --cli ]; then
    [ -f "$jar" ] && [ -f "$cli_jar" ] && return 0
    modules=()
  else
    [ -f "$jar" ] && return 0
  fi
  (cd "$root" && mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package "${modules[@]}")
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now() { date +%s.%N; }

# The JVM flags ./pyhermetic runs the command line with, besides its class-data-sharing archive.
wrapper_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

# Makes the AppCDS archive $1 for the class path $2 as ./pyhermetic makes its own: the classes a
# training run (the remaining arguments: a main class and its arguments) loads, archived with
# -Xshare:dump. Use it with -XX:SharedArchiveFile=$1 and the same class path.
make_cds_archive() {
  local archive="$1" cp="$2"
  shift 2
  java -XX:DumpLoadedClassList="$archive.classlist" -cp "$cp" "$@" > /dev/null
  java -Xshare:dump -XX:SharedClassListFile="$archive.classlist" -XX:SharedArchiveFile="$archive" -cp "$cp" > /dev/null 2>&1
  rm -f "$archive.classlist"
}
