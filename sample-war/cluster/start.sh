#!/usr/bin/env bash
# Starts the sample shop as a two-node cluster on 127.0.0.1 and returns; the Tomcats keep running in the
# background until stop.sh. Three Tomcat 11 JVMs run the same WAR on one PostgreSQL database:
#   node 0     http://127.0.0.1:8081/          the shop
#   node 1     http://127.0.0.1:8082/          the shop (same visitors, same outbox)
#   collector  http://127.0.0.1:8090/collector/stats   stands in for the Kameleoon Data API; both nodes' relays
#              post their tracking to http://127.0.0.1:8090/collector/<secret>/visit/events, the secret drawn at
#              each start and given to every member as a context parameter (never printed): anyone else gets 401
# The database is created if missing and kept by stop.sh (stop.sh --drop-database drops it). It builds what is
# missing first (mvn package of sample-war, tests skipped; REBUILD=1 forces it). Bounded: the build by 15 min,
# the start by 5 min. Prints the URLs, the pids and where the logs are; the state file records them for stop.sh.
#
# Environment:
#   KAMELEOON_TEST_PG_URL       admin database URL  (default jdbc:postgresql://127.0.0.1:5432/postgres)
#   KAMELEOON_TEST_PG_USER      a user who may create databases  (default postgres)
#   KAMELEOON_TEST_PG_PASSWORD  its password  (default none)
#   SAMPLE_CLUSTER_DB           the cluster's database  (default kameleoon_sample_cluster)
#   SAMPLE_CLUSTER_NODE_PORTS   the nodes' ports, comma-separated  (default 8081,8082)
#   SAMPLE_CLUSTER_COLLECTOR_PORT  the collector's port  (default 8090)
#   SAMPLE_CLUSTER_STATE        the state file  (default sample-war/target/cluster/cluster.properties)
# Arguments are passed to the launcher JVM: -Dkameleoon.<key>=<value> or -Dsample.<key>=<value> become context
# parameters of the shop nodes (e.g. -Dkameleoon.tracking_interval_millisecond=500).
# Exit status: 0 started, 2 a cluster from the state file is still running, 1 any other failure.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"
build_if_missing
run_launcher 300 \
  -Dsample.cluster.database="${SAMPLE_CLUSTER_DB:-kameleoon_sample_cluster}" \
  -Dsample.cluster.node_ports="${SAMPLE_CLUSTER_NODE_PORTS:-8081,8082}" \
  -Dsample.cluster.collector_port="${SAMPLE_CLUSTER_COLLECTOR_PORT:-8090}" \
  "$@" com.kameleoon.sample.cluster.ClusterCommand start
