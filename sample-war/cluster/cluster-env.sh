# Shared by start.sh and stop.sh (sourced, not run): locates the module, builds what is missing, and defines
# run_launcher, which runs com.kameleoon.sample.cluster.ClusterCommand with the test class path.
SAMPLE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$SAMPLE_DIR/.." && pwd)"
TARGET="$SAMPLE_DIR/target"
STATE_FILE="${SAMPLE_CLUSTER_STATE:-$TARGET/cluster/cluster.properties}"

# Builds the WAR, the test classes, the test class path and the unpacked Tomcat when one is missing, or always
# with REBUILD=1. `package` on the reactor (-am) installs nothing into ~/.m2. -Dcontainers.skip=false: Tomcat is
# unpacked although the tests are skipped.
build_if_missing() {
  if [[ "${REBUILD:-0}" == 1 || ! -f "$TARGET/kameleoon-sample.war" || ! -f "$TARGET/test-classpath.txt" \
        || ! -f "$TARGET/test-classes/com/kameleoon/sample/cluster/ClusterCommand.class" \
        || -z "$(ls -d "$TARGET"/containers/apache-tomcat-11.* 2>/dev/null)" ]]; then
    echo "building sample-war (mvn package, tests skipped)..." >&2
    (cd "$REPO_DIR" && timeout 900 mvn -q -B -ntp -pl sample-war -am -DskipTests -DskipITs -Dcontainers.skip=false package)
  fi
}

# run_launcher <bound in seconds> <java options and arguments...>
run_launcher() {
  local bound="$1"
  shift
  local tomcat
  tomcat="$(ls -d "$TARGET"/containers/apache-tomcat-11.* 2>/dev/null | head -n 1)"
  # setsid: the Tomcats get their own session, so closing this terminal does not hang them up.
  setsid --wait timeout "$bound" java -Xmx256m \
    -Dkameleoon.it.tomcat11="$tomcat" \
    -Dkameleoon.sample.war="$TARGET/kameleoon-sample.war" \
    -Dkameleoon.it.work="$TARGET/cluster/work" \
    -Dsample.cluster.state="$STATE_FILE" \
    -cp "$TARGET/test-classes:$(cat "$TARGET/test-classpath.txt")" \
    "$@"
}
