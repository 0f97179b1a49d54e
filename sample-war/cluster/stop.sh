#!/usr/bin/env bash
# Stops the cluster that start.sh started: reads the state file (pids, ports, CATALINA_BASEs), sends SIGTERM to
# each node then to the collector (Tomcat stops its contexts; Kameleoon delivers pending tracking within its bound),
# kills one that is still there after 30 s, and deletes the state file. A pid that is no longer that Tomcat is left
# alone. The database is kept, unless --drop-database. Bounded by 3 min. Nothing to do without a state file.
#
# Usage: stop.sh [--drop-database]
# Environment (for --drop-database; see start.sh): KAMELEOON_TEST_PG_URL, KAMELEOON_TEST_PG_USER,
#   KAMELEOON_TEST_PG_PASSWORD; SAMPLE_CLUSTER_STATE (default sample-war/target/cluster/cluster.properties).
# Exit status: 0 stopped (or nothing to stop), 1 a Tomcat could not be stopped or the database not dropped.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"
if [[ ! -f "$STATE_FILE" ]]; then
  echo "no cluster state at $STATE_FILE: nothing to stop"
  exit 0
fi
build_if_missing
run_launcher 180 com.kameleoon.sample.cluster.ClusterCommand stop "$@"
