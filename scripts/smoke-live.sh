#!/usr/bin/env bash
# Exercises the README's live path end to end: `yarn fake-cluster`, kubectl
# against it, then `yarn start:live`, whose Storage and Kubernetes backends
# must both read the fake cluster. Run by .ci/run; needs yarn install done.
set -euo pipefail
cd "$(dirname "$0")/.."
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
export FAKE_CLUSTER_PORT=$(free_port) APP_PORT=$(free_port) BACKEND_PORT=$(free_port)
logs=$(mktemp -d /tmp/smoke-live.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done; }
trap cleanup EXIT
fail() { echo "smoke-live: $*" >&2; tail -n 40 "$logs"/*.log >&2; exit 1; }
wait_for() { # URL SECONDS
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for $1"
    sleep 2
  done
}

rm -f .data/fake-cluster/kubeconfig
setsid node scripts/yarn.cjs fake-cluster >"$logs/fake-cluster.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$FAKE_CLUSTER_PORT/version" 60
pvcs=$(kubectl --kubeconfig .data/fake-cluster/kubeconfig get pvc -A --no-headers | wc -l)
[ "$pvcs" -gt 0 ] || fail "kubectl get pvc -A listed no claims"
echo "kubectl get pvc -A against yarn fake-cluster: $pvcs claims"
velero=$(kubectl --kubeconfig .data/fake-cluster/kubeconfig get schedules,backups -n velero --no-headers | wc -l)
[ "$velero" -gt 0 ] || fail "kubectl get schedules,backups -n velero listed nothing"
echo "kubectl get schedules,backups -n velero: $velero objects"

setsid node scripts/yarn.cjs start:live >"$logs/start-live.log" 2>&1 &
pids+=($!)
api="http://127.0.0.1:$BACKEND_PORT"
wait_for "$api/.backstage/health/v1/readiness" 600
token=$(curl -sf "$api/api/auth/guest/refresh" -H 'x-requested-with: XMLHttpRequest' |
  node -pe 'JSON.parse(require("fs").readFileSync(0)).backstageIdentity.token')
get() { curl -sf -H "authorization: Bearer $token" "$api$1"; }

# The catalog has read the example entities.
deadline=$((SECONDS + 300))
until get /api/catalog/entities/by-name/component/default/payments-api >/dev/null; do
  [ $SECONDS -lt $deadline ] || fail "payments-api never showed up in the catalog"
  sleep 3
done
echo "catalog: payments-api after ${SECONDS}s"

# The storage plugin reads the demo cluster live (not the snapshot).
deadline=$((SECONDS + 120))
until get /api/storage/entities/default/component/payments-api |
  node -e 'const r=JSON.parse(require("fs").readFileSync(0)); process.exit((r.volumes ?? r.claims ?? []).length > 0 ? 0 : 1)'; do
  [ $SECONDS -lt $deadline ] || fail "the Storage API shows no volumes for payments-api"
  sleep 3
done
echo "storage: payments-api has volumes, read live"

# Backstage's Kubernetes backend reads the same fake cluster.
entity=$(get /api/catalog/entities/by-name/component/default/payments-api)
[ -n "$entity" ] || fail "payments-api is not in the catalog"
pods=$(curl -sf -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"entity\": $entity}" "$api/api/kubernetes/services/payments-api" |
  node -pe 'const r=JSON.parse(require("fs").readFileSync(0)); r.items.flatMap(i => i.resources).filter(x => x.type === "pods").flatMap(x => x.resources).length')
[ "$pods" -gt 0 ] || fail "the Kubernetes API shows no pods for payments-api"
echo "kubernetes: payments-api has $pods pod(s) on the fake cluster"
echo "smoke-live: ok"
