#!/usr/bin/env bash
# Starts one app from its image (built by ./mvnw -Pimages package) against a running dev stack, the way the chart runs
# it: user 10001 from the image, read-only root filesystem, /tmp a tmpfs, the chart's environment names. Waits for
# /actuator/health/readiness, prints /actuator/health, then stops it with SIGTERM and shows Spring's graceful shutdown.
#
#   LEAGUE_PORT_OFFSET=3000 ./league up && ./league stop stats-service     # the stack, without the app under test
#   sudo deploy/images/smoke.sh stats-service 3000                         # the app, from its image, on the stack's ports
#
# podman here: vfs storage (no overlay in this sandbox), runc (crun refuses the hybrid cgroup v1/v2 layout), and
# ulimits no higher than the caller's (podman's defaults would raise them, which needs CAP_SYS_RESOURCE).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP=${1:?usage: smoke.sh <module> [port-offset]}
OFFSET=${2:-0}
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | sed -n 2p)
TAR=$ROOT/$APP/target/$APP-image.tar
PODMAN=(podman --storage-driver vfs)
[ -f "$TAR" ] || { echo "smoke.sh: $TAR missing: ./mvnw -B -Pimages package -DskipTests -pl $APP -am" >&2; exit 1; }

declare -A PORT=([gateway]=8080 [org-service]=8081 [member-service]=8082 [transfer-service]=8083 [import-service]=8084
  [stats-service]=8085 [identity-verification-service]=8086 [identity-centre]=8087)
declare -A DB=([org-service]=league_org [member-service]=league_member [transfer-service]=league_transfer
  [import-service]=league_import [stats-service]=league_stats [identity-verification-service]=league_identity)
port=$((${PORT[$APP]} + OFFSET))
# where Actuator answers: the gateway's own management port, the services' one port
health_port=$port
kc=http://127.0.0.1:$((18080 + OFFSET))

# against ./league up's stack: the dev profile supplies its realm's client secrets
env=(-e SERVER_PORT=$port -e SERVER_SHUTDOWN=graceful -e SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE=30s -e SPRING_PROFILES_ACTIVE=dev)
if [ -n "${DB[$APP]:-}" ]; then
  env+=(-e SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$((15432 + OFFSET))/${DB[$APP]}
        -e SPRING_DATASOURCE_USERNAME=league -e SPRING_DATASOURCE_PASSWORD=league
        -e SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$((19092 + OFFSET))
        -e LEAGUE_KEYCLOAK_URL=$kc -e LEAGUE_KEYCLOAK_ISSUER=$kc/realms/league)
fi
case $APP in
  gateway)
    health_port=$((8180 + OFFSET))
    env+=(-e LEAGUE_KEYCLOAK_URL=$kc -e LEAGUE_KEYCLOAK_PUBLIC_URL=$kc -e LEAGUE_KEYCLOAK_ISSUER=$kc/realms/league
          -e MANAGEMENT_SERVER_PORT=$health_port -e LEAGUE_GATEWAY_GRID_PORT=$((5701 + OFFSET))
          -e LEAGUE_GATEWAY_GRID_CLUSTER_NAME=league-smoke-gateway)
    for route in ORG:8081 MEMBER:8082 TRANSFER:8083 IMPORT:8084 STATS:8085 IDENTITY:8086; do
      env+=(-e LEAGUE_ROUTES_${route%%:*}=http://127.0.0.1:$((${route##*:} + OFFSET)))
    done ;;
  member-service) env+=(-e LEAGUE_ACCOUNTS_ORG_SERVICE_URL=http://127.0.0.1:$((8081 + OFFSET))) ;;
  transfer-service | import-service) env+=(-e LEAGUE_MEMBER_SERVICE_URL=http://127.0.0.1:$((8082 + OFFSET))) ;;
  identity-verification-service) env+=(-e LEAGUE_IDENTITY_CENTRE_URL=http://127.0.0.1:$((8087 + OFFSET))) ;;
esac

echo "loading $TAR ..."
"${PODMAN[@]}" load -q -i "$TAR"
name=league-smoke-$APP
"${PODMAN[@]}" rm -f "$name" >/dev/null 2>&1 || true
echo "starting league/$APP:$VERSION on port $port ..."
started=$SECONDS
"${PODMAN[@]}" run -d --name "$name" --runtime runc --network host \
  --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
  --read-only --tmpfs /tmp:rw,size=256m --memory 768m --log-driver k8s-file \
  "${env[@]}" "localhost/league/$APP:$VERSION" >/dev/null

until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$health_port/actuator/health/readiness")" = 200 ]; do
  if [ "$("${PODMAN[@]}" inspect -f '{{.State.Running}}' "$name")" != true ]; then
    "${PODMAN[@]}" logs "$name" | tail -n 40; echo "smoke.sh: $APP stopped" >&2; exit 1
  fi
  [ $((SECONDS - started)) -lt 300 ] || { "${PODMAN[@]}" logs "$name" | tail -n 40; echo "smoke.sh: not ready in 300 s" >&2; exit 1; }
  sleep 2
done
echo "ready after $((SECONDS - started)) s"
echo "user in the container: $("${PODMAN[@]}" top "$name" user huser | tail -n 1)"
echo "GET /actuator/health: $(curl -s "http://127.0.0.1:$health_port/actuator/health")"
echo "GET /actuator/health/liveness: $(curl -s "http://127.0.0.1:$health_port/actuator/health/liveness")"
if [ "${SMOKE_KEEP:-0}" = 1 ]; then
  echo "left running as $name (podman --storage-driver vfs stop $name)"; exit 0
fi
echo "stopping (SIGTERM) ..."
"${PODMAN[@]}" stop -t 40 "$name" >/dev/null
echo "exit code: $("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "$name")"
"${PODMAN[@]}" logs "$name" 2>&1 | grep -iE 'graceful|shutdown' | sed -E 's/.*"message":"([^"]*)".*/  \1/' | tail -n 5
"${PODMAN[@]}" rm "$name" >/dev/null
