#!/usr/bin/env bash
# Vettify's local platform: a container-free Kubernetes made of plain processes on loopback — etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler and kwok (simulated nodes and pods), Argo Rollouts, External Secrets,
# Prometheus — and MinIO (S3 object storage over TLS), each built from its pinned Go module on the module proxy, once,
# into a cache. Idempotent; `down` stops only the processes this script started (by their pid files). See
# docs/platform.md.
#
#   scripts/cluster.sh build|up|down [--keep]|status|env
#   scripts/cluster.sh minio up|down [--keep]|status     MinIO alone, without the cluster
#
# State (certificates, kubeconfigs, etcd data, logs, pid files) lives in $VETTIFY_STATE/cluster (default:
# <repo>/.vettify/cluster); builds are cached in ${XDG_CACHE_HOME:-~/.cache}/vettify/platform/<component>-<version>/.
# Nothing fetched from a module is committed to the repository.
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE_DIR=${VETTIFY_STATE:-$REPO_DIR/.vettify}
CLUSTER_DIR=$STATE_DIR/cluster
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/vettify/platform

# ---------------------------------------------------------------- pinned versions (a new pin builds anew)
ETCD_VERSION=v3.5.35
K8S_VERSION=v1.33.13
K8S_STAGING_VERSION=v0.33.13   # the k8s.io/<name> staging modules published with $K8S_VERSION
KWOK_VERSION=v0.7.0
ROLLOUTS_VERSION=v1.8.5        # github.com/argoproj/argo-rollouts
ESO_VERSION=v0.16.2            # github.com/external-secrets/external-secrets
PROMETHEUS_VERSION=v0.307.3    # github.com/prometheus/prometheus (= Prometheus 3.7.3)
PROM_OPERATOR_VERSION=v0.85.0  # github.com/prometheus-operator/prometheus-operator: its ServiceMonitor/PrometheusRule CRDs only
# github.com/minio/minio tags its releases RELEASE.<date>, which are not semantic versions: the module proxy serves
# it by pseudo-version only (this one is the commit of 2026-02-12).
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
# Delivery tooling (docs/delivery.md): Helm for the chart, Argo CD's CRDs only (Argo CD itself does not run here),
# gopher-lua (the Lua 5.1 Argo CD embeds) for the health check, actionlint for the GitHub workflows.
HELM_VERSION=v3.22.0           # helm.sh/helm/v3
ARGOCD_VERSION=v3.6.1          # github.com/argoproj/argo-cd/v3: its Application/ApplicationSet/AppProject CRDs only
GOPHER_LUA_VERSION=v1.1.2      # github.com/yuin/gopher-lua, run by delivery/lua-health (a tiny Go runner)
ACTIONLINT_VERSION=v1.7.12     # github.com/rhysd/actionlint

# ---------------------------------------------------------------- loopback ports the project owns
# Below the kernel's ephemeral port range (32768+), so an outgoing connection can never hold them.
ETCD_PORT=${VETTIFY_ETCD_PORT:-12379}
ETCD_PEER_PORT=$((ETCD_PORT + 1))
APISERVER_PORT=${VETTIFY_APISERVER_PORT:-16443}
KCM_PORT=${VETTIFY_KCM_PORT:-16257}
SCHEDULER_PORT=${VETTIFY_SCHEDULER_PORT:-16259}
KWOK_PORT=${VETTIFY_KWOK_PORT:-16247}
ROLLOUTS_HEALTHZ_PORT=${VETTIFY_ROLLOUTS_PORT:-16280}
ROLLOUTS_METRICS_PORT=$((ROLLOUTS_HEALTHZ_PORT + 1))
ESO_METRICS_PORT=${VETTIFY_ESO_PORT:-16290}
PROMETHEUS_PORT=${VETTIFY_PROMETHEUS_PORT:-16390}
MINIO_PORT=${VETTIFY_MINIO_PORT:-19000}          # the S3 API (HTTPS)
MINIO_CONSOLE_PORT=$((MINIO_PORT + 1))           # the web console (HTTPS)
# The ClusterSecretStore `up` creates: the `fake` provider, whose data tests and local tenants add to.
SECRET_STORE=vettify-local

SERVICE_CIDR=10.96.0.0/16
SERVICE_IP=10.96.0.1
KWOK_NODES=(kwok-node-0 kwok-node-1)

PKI_DIR=$CLUSTER_DIR/pki
LOG_DIR=$CLUSTER_DIR/logs
RUN_DIR=$CLUSTER_DIR/run
DATA_DIR=$CLUSTER_DIR/data
KUBECONFIG_FILE=$CLUSTER_DIR/kubeconfig

ETCD_HOME=$CACHE_DIR/etcd-$ETCD_VERSION
K8S_HOME=$CACHE_DIR/kubernetes-$K8S_VERSION
KWOK_HOME=$CACHE_DIR/kwok-$KWOK_VERSION
ROLLOUTS_HOME=$CACHE_DIR/argo-rollouts-$ROLLOUTS_VERSION
ESO_HOME=$CACHE_DIR/external-secrets-$ESO_VERSION
PROMETHEUS_HOME=$CACHE_DIR/prometheus-$PROMETHEUS_VERSION
PROM_OPERATOR_HOME=$CACHE_DIR/prometheus-operator-crds-$PROM_OPERATOR_VERSION
MINIO_HOME=$CACHE_DIR/minio-$MINIO_VERSION
HELM_HOME=$CACHE_DIR/helm-$HELM_VERSION
ARGOCD_CRDS_HOME=$CACHE_DIR/argo-cd-crds-$ARGOCD_VERSION
ACTIONLINT_HOME=$CACHE_DIR/actionlint-$ACTIONLINT_VERSION
# The runner's own source is part of its version: an edit builds it anew.
LUA_HEALTH_SRC=$REPO_DIR/delivery/lua-health
LUA_HEALTH_VERSION=$GOPHER_LUA_VERSION-$(cat "$LUA_HEALTH_SRC/go.mod" "$LUA_HEALTH_SRC/go.sum" "$LUA_HEALTH_SRC/main.go" 2>/dev/null | sha256sum | cut -c1-12)
LUA_HEALTH_HOME=$CACHE_DIR/lua-health-$LUA_HEALTH_VERSION
PROMETHEUS_DIR=$CLUSTER_DIR/prometheus
MINIO_DIR=$CLUSTER_DIR/minio                     # credentials.env (root user and password) and certs/
MINIO_CREDENTIALS=$MINIO_DIR/credentials.env
KUBECTL=$K8S_HOME/bin/kubectl

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(head -n1 "$1")" 2>/dev/null; }

go_bin() {
  if command -v go >/dev/null 2>&1; then command -v go
  elif [ -x /usr/local/go/bin/go ]; then echo /usr/local/go/bin/go
  else die "Go is needed to build the platform (https://go.dev/dl; /usr/local/go/bin/go is looked for too)"
  fi
}

# ---------------------------------------------------------------- building from the module proxy
# Each component goes into $CACHE_DIR/<component>-<version>.partial and is renamed when its build succeeded, so an
# interrupted build never looks finished. The build log stays beside it: $CACHE_DIR/<component>-<version>.build.log.
GO=""
go_env() {
  GO=$(go_bin)
  export GOWORK=off GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0
  export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}
}

# module_dir MODULE@VERSION: the read-only directory of the module's source in the module cache
module_dir() {
  local json
  json=$("$GO" mod download -json "$1") || die "go mod download $1 failed: $json"
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$json"
}

# writable_copy MODULE@VERSION DEST: a temporary copy of the module directory to build in
writable_copy() {
  local src; src=$(module_dir "$1")
  [ -n "$src" ] && [ -d "$src" ] || die "no source directory for $1"
  rm -rf "$2"; mkdir -p "$2"
  cp -a "$src/." "$2/"
  chmod -R u+w "$2"
}

build_etcd() { # $1 = output dir
  local work; work=$(mktemp -d)
  writable_copy "go.etcd.io/etcd/server/v3@$ETCD_VERSION" "$work/src"
  # The module's replace directives point into the etcd repository (../api, …), which a module does not carry:
  # drop them, so the go.etcd.io/etcd/* versions required by go.mod (the published ones) are used.
  (cd "$work/src"
   local r
   for r in $(sed -n '/^replace (/,/^)/p' go.mod | awk '$1 ~ /^go.etcd.io\// {print $1}'); do
     "$GO" mod edit -dropreplace="$r"
   done
   "$GO" build -trimpath -ldflags "-s -w" -o "$1/bin/etcd" .)
  rm -rf "$work"
}

build_kubernetes() { # $1 = output dir
  local work; work=$(mktemp -d)
  writable_copy "k8s.io/kubernetes@$K8S_VERSION" "$work/src"
  # k8s.io/kubernetes replaces its staging modules by ./staging/src/k8s.io/<name>, which the published module does
  # not carry: drop each replace and require the published k8s.io/<name> of the same release instead.
  (cd "$work/src"
   local name args=()
   for name in $(sed -n '/^replace (/,/^)/p' go.mod | awk '$3 ~ /^\.\/staging\// {print $1}'); do
     args+=("-dropreplace=$name")
     if grep -qE "^[[:space:]]+$name v0\.0\.0" go.mod; then args+=("-require=$name@$K8S_STAGING_VERSION"); fi
   done
   "$GO" mod edit "${args[@]}"
   local minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
   local ldflags="-s -w"
   local pkg
   for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
     ldflags+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
     ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
   done
   mkdir -p "$1/bin"
   "$GO" build -trimpath -ldflags "$ldflags" -o "$1/bin/" \
     ./cmd/kube-apiserver ./cmd/kubectl ./cmd/kube-controller-manager ./cmd/kube-scheduler)
  rm -rf "$work"
}

build_kwok() { # $1 = output dir
  mkdir -p "$1/bin" "$1/stages"
  GOBIN="$1/bin" "$GO" install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
  # The Stage configs kwok needs to move nodes and pods through their lives, from the same module.
  local src; src=$(module_dir "sigs.k8s.io/kwok@$KWOK_VERSION")
  cp "$src/kustomize/stage/node/fast/node-initialize.yaml" \
     "$src/kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml" \
     "$src/kustomize/stage/pod/fast/pod-ready.yaml" \
     "$src/kustomize/stage/pod/fast/pod-complete.yaml" \
     "$src/kustomize/stage/pod/fast/pod-delete.yaml" "$1/stages/"
  cp "$src/kustomize/crd/bases/kwok.x-k8s.io_stages.yaml" "$1/stages/" 2>/dev/null || true
  chmod -R u+w "$1/stages"
}

# Argo Rollouts' version `replace`s forbid `go install`: build ./cmd/rollouts-controller inside the module directory.
build_argo-rollouts() { # $1 = output dir
  local work; work=$(mktemp -d)
  writable_copy "github.com/argoproj/argo-rollouts@$ROLLOUTS_VERSION" "$work/src"
  (cd "$work/src"
   # The controller binds its healthz and metrics servers to 0.0.0.0 (a constant): keep them on loopback.
   sed -i 's|listenAddr *= "0.0.0.0:%d"|listenAddr = "127.0.0.1:%d"|' controller/controller.go
   grep -q 'listenAddr = "127.0.0.1:%d"' controller/controller.go || { echo "listenAddr not found" >&2; exit 1; }
   local pkg=github.com/argoproj/argo-rollouts/utils/version
   "$GO" build -trimpath -ldflags "-s -w -X $pkg.version=$ROLLOUTS_VERSION -X $pkg.gitTreeState=clean" \
     -o "$1/bin/rollouts-controller" ./cmd/rollouts-controller
   mkdir -p "$1/crds"
   find manifests/crds -name '*-crd.yaml' -exec cp {} "$1/crds/" \;)
  rm -rf "$work"
}

# External Secrets: `go build .` inside the module directory; its CRDs from config/crds/bases/.
build_external-secrets() { # $1 = output dir
  local work; work=$(mktemp -d)
  writable_copy "github.com/external-secrets/external-secrets@$ESO_VERSION" "$work/src"
  (cd "$work/src"
   "$GO" build -trimpath -ldflags "-s -w" -o "$1/bin/external-secrets" .
   mkdir -p "$1/crds"
   find config/crds/bases -name '*.yaml' ! -name kustomization.yaml -exec cp {} "$1/crds/" \;)
  rm -rf "$work"
}

# Prometheus: its `exclude`s forbid `go install`, so ./cmd/prometheus is built inside the module directory. Without
# the builtinassets tag (its UI needs npm) the web UI is absent; the HTTP API is all the platform needs.
build_prometheus() { # $1 = output dir
  local work; work=$(mktemp -d)
  writable_copy "github.com/prometheus/prometheus@$PROMETHEUS_VERSION" "$work/src"
  (cd "$work/src"
   # Module v0.3MM.P is Prometheus 3.MM.P.
   local pkg=github.com/prometheus/common/version v=${PROMETHEUS_VERSION#v0.}
   v="3.$(( ${v%%.*} - 300 )).${v#*.}"
   "$GO" build -trimpath -ldflags "-s -w -X $pkg.Version=$v -X $pkg.Branch=HEAD" \
     -o "$1/bin/prometheus" ./cmd/prometheus)
  rm -rf "$work"
}

# The Prometheus operator's ServiceMonitor and PrometheusRule CRDs (nothing to build: the operator does not run here).
build_prometheus-operator-crds() { # $1 = output dir
  local src; src=$(module_dir "github.com/prometheus-operator/prometheus-operator@$PROM_OPERATOR_VERSION")
  mkdir -p "$1/crds"
  cp "$src/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
     "$src/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml" \
     "$src/example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml" "$1/crds/"
  chmod -R u+w "$1/crds"
}

# MinIO: `go install` works. Its version strings are set the way its own build sets them (a release-style date taken
# from the pseudo-version's commit time), so `minio --version` names the commit it was built from.
build_minio() { # $1 = output dir
  local stamp=${MINIO_VERSION#v0.0.0-}; stamp=${stamp%%-*}          # 20260212201848
  local commit=${MINIO_VERSION##*-}
  local date="${stamp:0:4}-${stamp:4:2}-${stamp:6:2}T${stamp:8:2}:${stamp:10:2}:${stamp:12:2}Z"
  local pkg=github.com/minio/minio/cmd
  mkdir -p "$1/bin"
  GOBIN="$1/bin" "$GO" install -trimpath \
    -ldflags "-s -w -X $pkg.Version=$date -X $pkg.ReleaseTag=DEVELOPMENT.${date//:/-} -X $pkg.CommitID=$commit -X $pkg.ShortCommitID=$commit -X $pkg.CopyrightYear=${stamp:0:4}" \
    "github.com/minio/minio@$MINIO_VERSION"
}

# Helm: built inside the module directory, with the version its own Makefile stamps.
build_helm() { # $1 = output dir
  local work; work=$(mktemp -d)
  writable_copy "helm.sh/helm/v3@$HELM_VERSION" "$work/src"
  (cd "$work/src"
   local pkg=helm.sh/helm/v3/internal/version
   "$GO" build -trimpath -ldflags "-s -w -X $pkg.version=$HELM_VERSION -X $pkg.gitTreeState=clean" \
     -o "$1/bin/helm" ./cmd/helm)
  rm -rf "$work"
}

# Argo CD's CRDs from its module's manifests (nothing built).
build_argo-cd-crds() { # $1 = output dir
  local src; src=$(module_dir "github.com/argoproj/argo-cd/v3@$ARGOCD_VERSION")
  mkdir -p "$1/crds"
  cp "$src/manifests/crds/application-crd.yaml" "$src/manifests/crds/applicationset-crd.yaml" \
     "$src/manifests/crds/appproject-crd.yaml" "$1/crds/"
  chmod -R u+w "$1/crds"
}

build_actionlint() { # $1 = output dir
  mkdir -p "$1/bin"
  GOBIN="$1/bin" "$GO" install -trimpath -ldflags "-s -w" "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
}

# The Argo CD health check runner: gopher-lua as Argo CD runs a resource's health.lua (delivery/lua-health).
build_lua-health() { # $1 = output dir
  local work; work=$(mktemp -d)
  cp -a "$LUA_HEALTH_SRC/." "$work/"
  (cd "$work" && "$GO" build -trimpath -ldflags "-s -w" -o "$1/bin/lua-health" .)
  rm -rf "$work"
}

# build_component NAME VERSION: builds into $CACHE_DIR/NAME-VERSION unless it is there already
build_component() {
  local name=$1 version=$2
  local home=$CACHE_DIR/$name-$version
  [ -f "$home/.complete" ] && return 0
  go_env
  mkdir -p "$CACHE_DIR"
  local buildlog=$CACHE_DIR/$name-$version.build.log
  log "building $name $version from the Go module proxy (log: $buildlog)"
  local started=$SECONDS
  rm -rf "$home.partial"
  if ! ( "build_$name" "$home.partial" ) >"$buildlog" 2>&1; then
    tail -n 20 "$buildlog" >&2
    die "building $name $version failed; see $buildlog"
  fi
  date -u +%Y-%m-%dT%H:%M:%SZ > "$home.partial/.complete"
  rm -rf "$home"
  mv "$home.partial" "$home"
  log "built $name $version in $((SECONDS - started)) s"
}

build() {
  build_component etcd "$ETCD_VERSION"
  build_component kubernetes "$K8S_VERSION"
  build_component kwok "$KWOK_VERSION"
  build_component argo-rollouts "$ROLLOUTS_VERSION"
  build_component external-secrets "$ESO_VERSION"
  build_component prometheus "$PROMETHEUS_VERSION"
  build_component prometheus-operator-crds "$PROM_OPERATOR_VERSION"
  build_component minio "$MINIO_VERSION"
  build_component helm "$HELM_VERSION"
  build_component argo-cd-crds "$ARGOCD_VERSION"
  build_component actionlint "$ACTIONLINT_VERSION"
  build_component lua-health "$LUA_HEALTH_VERSION"
}

# ---------------------------------------------------------------- certificates and kubeconfigs
# A CA of the project's own signs the apiserver's serving certificate and one client certificate per caller; the
# service-account key pair signs service-account tokens. Made once per state directory, kept by `down`.
sign_cert() { # sign_cert NAME SUBJECT EXTENSIONS
  local name=$1 subject=$2 ext=$3
  openssl req -new -newkey rsa:2048 -nodes -keyout "$PKI_DIR/$name.key" -subj "$subject" \
    -out "$PKI_DIR/$name.csr" 2>/dev/null
  openssl x509 -req -in "$PKI_DIR/$name.csr" -CA "$PKI_DIR/ca.crt" -CAkey "$PKI_DIR/ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile <(printf '%b\n' "$ext") -out "$PKI_DIR/$name.crt" 2>/dev/null
  rm -f "$PKI_DIR/$name.csr"
}

CLIENT_EXT='basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth'
# The platform's own controllers (kwok, Argo Rollouts, …) act as cluster administrators (group system:masters).
CONTROLLER_CLIENTS=(kwok argo-rollouts external-secrets)

ensure_pki() {
  if [ ! -f "$PKI_DIR/.complete" ]; then
    log "making a CA, certificates and a service-account key pair in $PKI_DIR"
    rm -rf "$PKI_DIR"; mkdir -p "$PKI_DIR"; chmod 700 "$PKI_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$PKI_DIR/ca.key" -out "$PKI_DIR/ca.crt" -days 3650 -sha256 \
      -subj "/CN=vettify-local-ca" -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" 2>/dev/null
    sign_cert apiserver "/CN=kube-apiserver" \
      "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,IP:$SERVICE_IP,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
    sign_cert admin "/O=system:masters/CN=vettify-admin" "$CLIENT_EXT"
    sign_cert kube-controller-manager "/CN=system:kube-controller-manager" "$CLIENT_EXT"
    sign_cert kube-scheduler "/CN=system:kube-scheduler" "$CLIENT_EXT"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$PKI_DIR/sa.key" 2>/dev/null
    openssl pkey -in "$PKI_DIR/sa.key" -pubout -out "$PKI_DIR/sa.pub" 2>/dev/null
    touch "$PKI_DIR/.complete"
  fi
  local name
  for name in "${CONTROLLER_CLIENTS[@]}"; do
    [ -f "$PKI_DIR/$name.crt" ] || sign_cert "$name" "/O=system:masters/CN=$name" "$CLIENT_EXT"
  done
  chmod 600 "$PKI_DIR"/*.key
}

write_kubeconfig() { # write_kubeconfig FILE CLIENT-CERT-NAME
  local file=$1 name=$2
  (umask 077; cat > "$file") <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: vettify-local
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $(base64 -w0 < "$PKI_DIR/ca.crt")
users:
- name: $name
  user:
    client-certificate-data: $(base64 -w0 < "$PKI_DIR/$name.crt")
    client-key-data: $(base64 -w0 < "$PKI_DIR/$name.key")
contexts:
- name: vettify-local
  context:
    cluster: vettify-local
    user: $name
current-context: vettify-local
KUBECONFIG
}

ensure_kubeconfigs() {
  ensure_pki
  write_kubeconfig "$KUBECONFIG_FILE" admin
  local name
  for name in kube-controller-manager kube-scheduler "${CONTROLLER_CLIENTS[@]}"; do write_kubeconfig "$PKI_DIR/$name.kubeconfig" "$name"; done
}

kubectl_() { "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" "$@"; }

# ---------------------------------------------------------------- processes
# Each pid file holds the pid, then the binary, then the version: `down` kills a pid only while it still runs that
# binary, so a recycled pid is never touched.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { # running NAME: true when the process this script started for NAME still runs
  local pidf=$RUN_DIR/$1.pid
  [ -f "$pidf" ] || return 1
  local pid bin
  pid=$(sed -n 1p "$pidf"); bin=$(sed -n 2p "$pidf")
  kill -0 "$pid" 2>/dev/null && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$bin" ]
}

start_process() { # start_process NAME PORT VERSION BINARY ARGS...
  local name=$1 port=$2 version=$3; shift 3
  if running "$name"; then
    log "$name already running (pid $(head -n1 "$RUN_DIR/$name.pid"))"
    return 0
  fi
  port_taken "$port" && die "port 127.0.0.1:$port (for $name) is taken by another program: stop it or set its VETTIFY_*_PORT"
  log "starting $name $version on 127.0.0.1:$port"
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  printf '\n---- %s: starting %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" "$version" >> "$LOG_DIR/$name.log"
  # setsid: a Ctrl-C in the terminal that ran `up` does not reach the platform; fd 9 (the lock) is not inherited.
  setsid "$@" >> "$LOG_DIR/$name.log" 2>&1 < /dev/null 9>&- &
  local pid=$! bin; bin=$(readlink -f "$1")
  printf '%s\n%s\n%s\n%s\n' "$pid" "$bin" "$version" "$port" > "$RUN_DIR/$name.pid"
  # Until the forked shell has exec'd the binary, `running` would not recognise it.
  local i
  for i in $(seq 1 50); do
    [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" != "$bin" ] || return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  running "$name" || { tail -n 20 "$LOG_DIR/$name.log" >&2; die "$name did not start; see $LOG_DIR/$name.log"; }
}

stop_process() { # stop_process NAME
  local name=$1 pidf=$RUN_DIR/$1.pid
  if ! running "$name"; then rm -f "$pidf"; return 0; fi
  local pid; pid=$(head -n1 "$pidf")
  log "stopping $name (pid $pid)"
  kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 20))
  while alive "$pid"; do
    if [ $SECONDS -ge $deadline ]; then kill -9 "$pid" 2>/dev/null || true; fi
    sleep 0.1
  done
  rm -f "$pidf"
}

# alive PID: the process exists and has not exited. An exited process stays a zombie until its parent reaps it; the
# platform's processes outlive `up`, so their parent is init, which may take a second or two to reap them.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state; state=$(sed -n 's/^[0-9]* (.*) \([A-Z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null)
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

wait_for() { # wait_for NAME SECONDS COMMAND...: until COMMAND succeeds, while NAME runs
  local name=$1 timeout=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    running "$name" || { tail -n 20 "$LOG_DIR/$name.log" >&2; die "$name exited during start-up; see $LOG_DIR/$name.log"; }
    [ $SECONDS -lt $deadline ] || { tail -n 20 "$LOG_DIR/$name.log" >&2; die "$name was not ready within $timeout s; see $LOG_DIR/$name.log"; }
    sleep 0.3
  done
}

healthy_https() { curl -fsSk -o /dev/null "https://127.0.0.1:$1/healthz"; }

# ---------------------------------------------------------------- components
start_etcd() {
  mkdir -p "$DATA_DIR/etcd"; chmod 700 "$DATA_DIR/etcd"
  # No fsync: the data are disposable and tests are much faster without it. Plain HTTP, but on loopback only.
  start_process etcd "$ETCD_PORT" "$ETCD_VERSION" "$ETCD_HOME/bin/etcd" \
    --name vettify --data-dir "$DATA_DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "vettify=http://127.0.0.1:$ETCD_PEER_PORT" \
    --unsafe-no-fsync --quota-backend-bytes=2147483648 --auto-compaction-mode=periodic --auto-compaction-retention=10m \
    --log-level=warn
  wait_for etcd 30 curl -fsS "http://127.0.0.1:$ETCD_PORT/health"
}

start_apiserver() {
  start_process kube-apiserver "$APISERVER_PORT" "$K8S_VERSION" "$K8S_HOME/bin/kube-apiserver" \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$APISERVER_PORT" \
    --tls-cert-file="$PKI_DIR/apiserver.crt" --tls-private-key-file="$PKI_DIR/apiserver.key" \
    --client-ca-file="$PKI_DIR/ca.crt" \
    --service-account-key-file="$PKI_DIR/sa.pub" --service-account-signing-key-file="$PKI_DIR/sa.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --authorization-mode=Node,RBAC \
    --service-cluster-ip-range="$SERVICE_CIDR" \
    --endpoint-reconciler-type=none \
    --allow-privileged=true \
    --profiling=false
  wait_for kube-apiserver 90 kubectl_ get --raw /readyz
}

start_controller_manager() {
  local kc=$PKI_DIR/kube-controller-manager.kubeconfig
  start_process kube-controller-manager "$KCM_PORT" "$K8S_VERSION" "$K8S_HOME/bin/kube-controller-manager" \
    --kubeconfig="$kc" --authentication-kubeconfig="$kc" --authorization-kubeconfig="$kc" \
    --bind-address=127.0.0.1 --secure-port="$KCM_PORT" --leader-elect=false \
    --service-account-private-key-file="$PKI_DIR/sa.key" --root-ca-file="$PKI_DIR/ca.crt" \
    --use-service-account-credentials=true \
    --cluster-signing-cert-file="$PKI_DIR/ca.crt" --cluster-signing-key-file="$PKI_DIR/ca.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" \
    --profiling=false
  wait_for kube-controller-manager 60 healthy_https "$KCM_PORT"
}

start_scheduler() {
  local kc=$PKI_DIR/kube-scheduler.kubeconfig
  start_process kube-scheduler "$SCHEDULER_PORT" "$K8S_VERSION" "$K8S_HOME/bin/kube-scheduler" \
    --kubeconfig="$kc" --authentication-kubeconfig="$kc" --authorization-kubeconfig="$kc" \
    --bind-address=127.0.0.1 --secure-port="$SCHEDULER_PORT" --leader-elect=false \
    --profiling=false
  wait_for kube-scheduler 60 healthy_https "$SCHEDULER_PORT"
}

# kwok renews each node's Lease (--node-lease-duration-seconds), which is the heartbeat the node-lifecycle controller
# reads: the node-heartbeat-with-lease Stage refreshes the Node's status only every ~10 min. Without the lease the
# controller found every node's heartbeat stale after its 50 s grace period, marked the nodes and their pods NotReady for
# a few seconds each minute, and a Rollout caught in that moment lost its available replicas for good (kwok does not
# make a Running pod Ready again).
start_kwok() {
  # kwok's Stage CRD and the upstream Stage objects, from the kwok module (cached at build time).
  kubectl_ apply --server-side --force-conflicts -f "$KWOK_HOME/stages/kwok.x-k8s.io_stages.yaml" >/dev/null
  kubectl_ wait --for=condition=Established --timeout=30s crd/stages.kwok.x-k8s.io >/dev/null
  local stage
  for stage in node-initialize node-heartbeat-with-lease pod-ready pod-complete pod-delete; do
    kubectl_ apply --server-side --force-conflicts -f "$KWOK_HOME/stages/$stage.yaml" >/dev/null
  done
  mkdir -p "$DATA_DIR/kwok"
  # kwok reads ~/.kwok/kwok.yaml when present: point it at an empty config of our own instead.
  : > "$DATA_DIR/kwok/kwok.yaml"
  start_process kwok "$KWOK_PORT" "$KWOK_VERSION" "$KWOK_HOME/bin/kwok" \
    --config="$DATA_DIR/kwok/kwok.yaml" \
    --kubeconfig="$PKI_DIR/kwok.kubeconfig" \
    --manage-all-nodes=false \
    --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --manage-nodes-with-label-selector= \
    --disregard-status-with-annotation-selector=kwok.x-k8s.io/status=custom \
    --disregard-status-with-label-selector= \
    --enable-crds=Stage \
    --node-lease-duration-seconds=40 \
    --cidr=10.244.0.1/16 --node-ip=127.0.0.1 \
    --server-address="127.0.0.1:$KWOK_PORT"
  wait_for kwok 30 curl -fsS "http://127.0.0.1:$KWOK_PORT/healthz"
}

ensure_nodes() {
  local node
  for node in "${KWOK_NODES[@]}"; do
    kubectl_ apply --server-side --force-conflicts -f - >/dev/null <<NODE
apiVersion: v1
kind: Node
metadata:
  name: $node
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    kubernetes.io/hostname: $node
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    node-role.kubernetes.io/agent: ""
    type: kwok
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "110"}
  capacity: {cpu: "32", memory: 256Gi, pods: "110"}
NODE
  done
  # kwok v0.7.0 can start without any Stage: its stage manager reads the Stages once at start through a cache keyed
  # by the informer's last resource version, and a read racing the informer's first list is cached empty under ""
  # — then no stage ever makes the nodes Ready (seen once here, in a quick down/up). A change to the Stages gives
  # them a new resource version, which makes kwok read them again; it changes nothing when kwok has them already.
  if ! kubectl_ wait --for=condition=Ready --timeout=30s "${KWOK_NODES[@]/#/node/}" >/dev/null 2>&1; then
    kubectl_ annotate stages.kwok.x-k8s.io --all --overwrite "vettify.io/reread=$(date +%s)" >/dev/null
  fi
  # Seconds on an idle machine; much longer on 2 cores that other builds keep busy.
  wait_for kwok 180 kubectl_ wait --for=condition=Ready --timeout=5s "${KWOK_NODES[@]/#/node/}"
  # A Node made by hand starts with the not-ready taint; the node-lifecycle controller removes it once the node is
  # Ready, but not always before the first pods want a place: remove it here if it is still there.
  for node in "${KWOK_NODES[@]}"; do
    if kubectl_ get node "$node" -o jsonpath='{.spec.taints[*].key}' | grep -q node.kubernetes.io/not-ready; then
      kubectl_ taint node "$node" node.kubernetes.io/not-ready- >/dev/null 2>&1 || true
    fi
  done
}

# Storage: a PersistentVolumeClaim waits for a bound PersistentVolume, and this cluster has no provisioner. `up` makes
# a default StorageClass without one and a pool of hostPath volumes in it. They use the Recycle reclaim policy: when
# a claim is deleted, kube-controller-manager runs a recycler pod (in `default`), which the kwok Stage below completes
# (kwok runs no container, so nothing was ever written to the volume), and the volume is Available for the next claim.
LOCAL_VOLUMES=${VETTIFY_LOCAL_VOLUMES:-20}
ensure_local_storage() {
  local i
  {
    cat <<STORAGE
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: vettify-local
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: Immediate
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pv-recycler-complete
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - {key: .status.phase, operator: In, values: [Running]}
    - {key: '.spec.containers.[].name', operator: In, values: [pv-recycler]}
  next:
    statusTemplate: |
      phase: Succeeded
STORAGE
    for ((i = 0; i < LOCAL_VOLUMES; i++)); do
      cat <<VOLUME
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: vettify-local-$i, labels: {vettify.io/local-volume: "true"}}
spec:
  storageClassName: vettify-local
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Recycle
  hostPath: {path: $DATA_DIR/volumes/$i}
VOLUME
    done
  } | kubectl_ apply --server-side --force-conflicts -f - 2>&1 >/dev/null | { grep -v 'Recycle reclaim policy is deprecated' || true; } >&2
}

apply_crds() { # apply_crds DIR: every CRD in DIR, server-side (some are too big for client-side apply's annotation)
  local names
  kubectl_ apply --server-side --force-conflicts -f "$1" >/dev/null
  names=$(kubectl_ get -f "$1" -o name)
  # A CRD created a moment ago may have no status.conditions yet, which `kubectl wait` reports as an error at once.
  local deadline=$((SECONDS + 60))
  # shellcheck disable=SC2086
  until kubectl_ wait --for=condition=Established --timeout=10s $names >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "the CRDs of $1 were not established within 60 s"
    sleep 0.5
  done
}

start_rollouts() {
  apply_crds "$ROLLOUTS_HOME/crds"
  kubectl_ create namespace argo-rollouts --dry-run=client -o yaml | kubectl_ apply -f - >/dev/null
  # POD_NAMESPACE: where the controller looks for its (optional) argo-rollouts-config ConfigMap.
  POD_NAMESPACE=argo-rollouts start_process argo-rollouts "$ROLLOUTS_HEALTHZ_PORT" "$ROLLOUTS_VERSION" \
    "$ROLLOUTS_HOME/bin/rollouts-controller" \
    --kubeconfig="$PKI_DIR/argo-rollouts.kubeconfig" \
    --healthzPort="$ROLLOUTS_HEALTHZ_PORT" --metricsport="$ROLLOUTS_METRICS_PORT" \
    --leader-elect=false --logformat=text
  wait_for argo-rollouts 60 curl -fsS "http://127.0.0.1:$ROLLOUTS_HEALTHZ_PORT/healthz"
}

start_external_secrets() {
  apply_crds "$ESO_HOME/crds"
  # The controller has no --kubeconfig flag: it reads KUBECONFIG from the environment.
  KUBECONFIG="$PKI_DIR/external-secrets.kubeconfig" start_process external-secrets "$ESO_METRICS_PORT" "$ESO_VERSION" \
    "$ESO_HOME/bin/external-secrets" \
    --metrics-addr="127.0.0.1:$ESO_METRICS_PORT" --enable-leader-election=false --loglevel=info
  wait_for external-secrets 60 curl -fsS -o /dev/null "http://127.0.0.1:$ESO_METRICS_PORT/metrics"
  # A ClusterSecretStore on the `fake` provider; `up` creates it once and leaves its data to whoever adds to it.
  if ! kubectl_ get clustersecretstore "$SECRET_STORE" >/dev/null 2>&1; then
    kubectl_ apply -f - >/dev/null <<STORE
apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: $SECRET_STORE
spec:
  provider:
    fake:
      data:
      - key: vettify/example
        value: example-value
STORE
  fi
}

# Prometheus scrapes the platform's controllers and every *.yml in $PROMETHEUS_DIR/scrape.d/ (scrape_config_files):
# tests add a file there and POST /-/reload.
# Argo CD does not run here: its CRDs let the API server validate the Applications in argocd/ (docs/delivery.md).
apply_argocd_crds() {
  apply_crds "$ARGOCD_CRDS_HOME/crds"
}

start_prometheus() {
  apply_crds "$PROM_OPERATOR_HOME/crds"
  mkdir -p "$PROMETHEUS_DIR/scrape.d" "$DATA_DIR/prometheus"
  cat > "$PROMETHEUS_DIR/prometheus.yml" <<PROMETHEUS
# Written by scripts/cluster.sh at every 'up'; add scrape configurations in scrape.d/*.yml instead.
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_config_files:
  - $PROMETHEUS_DIR/scrape.d/*.yml
scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ["127.0.0.1:$PROMETHEUS_PORT"]}]
  - job_name: argo-rollouts
    static_configs: [{targets: ["127.0.0.1:$ROLLOUTS_METRICS_PORT"]}]
  - job_name: external-secrets
    static_configs: [{targets: ["127.0.0.1:$ESO_METRICS_PORT"]}]
  - job_name: kwok
    static_configs: [{targets: ["127.0.0.1:$KWOK_PORT"]}]
PROMETHEUS
  start_process prometheus "$PROMETHEUS_PORT" "$PROMETHEUS_VERSION" "$PROMETHEUS_HOME/bin/prometheus" \
    --config.file="$PROMETHEUS_DIR/prometheus.yml" \
    --storage.tsdb.path="$DATA_DIR/prometheus" --storage.tsdb.retention.time=1d \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle
  wait_for prometheus 60 curl -fsS -o /dev/null "http://127.0.0.1:$PROMETHEUS_PORT/-/ready"
}

# MinIO, single node and single drive, over TLS: SSE-C (customer-provided keys) is refused on plain HTTP. Its serving
# certificate is signed by the cluster's CA, so a client trusts exactly that CA ($PKI_DIR/ca.crt). The root
# credentials are generated once per state directory and kept by `down`; `env` prints them.
ensure_minio_credentials() {
  [ -s "$MINIO_CREDENTIALS" ] && return 0
  mkdir -p "$MINIO_DIR"
  (umask 077
   printf 'MINIO_ROOT_USER=vettify-%s\nMINIO_ROOT_PASSWORD=%s\n' "$(openssl rand -hex 4)" "$(openssl rand -hex 24)" \
     > "$MINIO_CREDENTIALS.tmp")
  mv "$MINIO_CREDENTIALS.tmp" "$MINIO_CREDENTIALS"
}

ensure_minio_certificate() {
  ensure_pki
  if [ ! -f "$PKI_DIR/minio.crt" ]; then
    sign_cert minio "/CN=vettify-minio" \
      "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost"
    chmod 600 "$PKI_DIR/minio.key"
  fi
  # MinIO reads public.crt and private.key from its --certs-dir.
  mkdir -p "$MINIO_DIR/certs"; chmod 700 "$MINIO_DIR/certs"
  cp "$PKI_DIR/minio.crt" "$MINIO_DIR/certs/public.crt"
  (umask 077; cp "$PKI_DIR/minio.key" "$MINIO_DIR/certs/private.key")
}

minio_ready() { curl -fsS -o /dev/null --cacert "$PKI_DIR/ca.crt" "https://127.0.0.1:$MINIO_PORT/minio/health/ready"; }

start_minio() {
  ensure_minio_credentials
  ensure_minio_certificate
  mkdir -p "$DATA_DIR/minio"; chmod 700 "$DATA_DIR/minio"
  port_taken "$MINIO_CONSOLE_PORT" && ! running minio &&
    die "port 127.0.0.1:$MINIO_CONSOLE_PORT (MinIO's console) is taken by another program: stop it or set VETTIFY_MINIO_PORT"
  # MINIO_UPDATE=off: no update checks (the network is loopback only); the credentials come from the state directory.
  (set -a; . "$MINIO_CREDENTIALS"; set +a
   MINIO_UPDATE=off MINIO_BROWSER_REDIRECT=off MINIO_PROMETHEUS_AUTH_TYPE=public \
     start_process minio "$MINIO_PORT" "$MINIO_VERSION" "$MINIO_HOME/bin/minio" server \
       --address "127.0.0.1:$MINIO_PORT" --console-address "127.0.0.1:$MINIO_CONSOLE_PORT" \
       --certs-dir "$MINIO_DIR/certs" --quiet --anonymous "$DATA_DIR/minio")
  wait_for minio 60 minio_ready
  # The console starts a moment after the API is ready.
  wait_for minio 30 port_taken "$MINIO_CONSOLE_PORT"
}

# ---------------------------------------------------------------- commands
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok argo-rollouts external-secrets prometheus minio)

lock() {
  mkdir -p "$CLUSTER_DIR"
  exec 9>"$CLUSTER_DIR/.lock"
  flock 9
}

up() {
  command -v curl >/dev/null && command -v openssl >/dev/null || die "curl and openssl are needed"
  lock
  build
  local started=$SECONDS
  mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR"
  ensure_kubeconfigs
  start_etcd
  start_apiserver
  start_controller_manager
  start_scheduler
  start_kwok
  ensure_nodes
  ensure_local_storage
  start_rollouts
  start_external_secrets
  start_prometheus
  apply_argocd_crds
  start_minio
  log "the cluster is ready in $((SECONDS - started)) s: export KUBECONFIG=$KUBECONFIG_FILE (logs: $LOG_DIR)"
}

down() {
  local keep=""
  [ "${1:-}" != --keep ] || keep=1
  lock
  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do stop_process "${COMPONENTS[$i]}"; done
  if [ -z "$keep" ]; then
    log "removing the cluster's data ($DATA_DIR); certificates and logs stay"
    rm -rf "$DATA_DIR"
  fi
}

status() {
  local name any=""
  for name in "${COMPONENTS[@]}"; do
    if running "$name"; then
      any=1
      local f=$RUN_DIR/$name.pid
      printf '%-24s running  127.0.0.1:%-6s %-9s (pid %s)\n' "$name" "$(sed -n 4p "$f")" "$(sed -n 3p "$f")" "$(sed -n 1p "$f")"
    else
      printf '%-24s stopped\n' "$name"
    fi
  done
  echo "logs: $LOG_DIR"
  [ -z "$any" ] || echo "kubeconfig: $KUBECONFIG_FILE"
  if running minio; then
    if minio_ready 2>/dev/null; then echo "minio: ready, https://127.0.0.1:$MINIO_PORT (console https://127.0.0.1:$MINIO_CONSOLE_PORT)"
    else echo "minio: running but not ready (see $LOG_DIR/minio.log)"; fi
  fi
  if [ -n "$any" ] && running kube-apiserver && [ -x "$KUBECTL" ]; then
    kubectl_ get nodes --request-timeout=5s 2>/dev/null || true
  fi
}

# `minio up|down|status`: MinIO alone (a later `./vettify up` wants object storage without the whole cluster).
minio_command() {
  case "${1:-}" in
    up)
      command -v curl >/dev/null && command -v openssl >/dev/null || die "curl and openssl are needed"
      lock
      build_component minio "$MINIO_VERSION"
      mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR"
      start_minio
      log "MinIO is ready on https://127.0.0.1:$MINIO_PORT (CA $PKI_DIR/ca.crt; credentials: scripts/cluster.sh env)"
      ;;
    down)
      lock
      stop_process minio
      if [ "${2:-}" != --keep ]; then rm -rf "$DATA_DIR/minio"; fi
      ;;
    status)
      if running minio; then
        local f=$RUN_DIR/minio.pid
        printf '%-24s running  127.0.0.1:%-6s %s (pid %s)\n' minio "$(sed -n 4p "$f")" "$(sed -n 3p "$f")" "$(sed -n 1p "$f")"
        minio_ready 2>/dev/null && echo "ready: https://127.0.0.1:$MINIO_PORT/minio/health/ready" || echo "not ready (see $LOG_DIR/minio.log)"
      else
        printf '%-24s stopped\n' minio
        return 3
      fi
      ;;
    *) echo "usage: $0 minio up|down [--keep]|status" >&2; exit 2 ;;
  esac
}

tool_command() {
  local path
  case "${1:-}" in
    helm) lock; build_component helm "$HELM_VERSION"; path=$HELM_HOME/bin/helm ;;
    actionlint) lock; build_component actionlint "$ACTIONLINT_VERSION"; path=$ACTIONLINT_HOME/bin/actionlint ;;
    lua-health) lock; build_component lua-health "$LUA_HEALTH_VERSION"; path=$LUA_HEALTH_HOME/bin/lua-health ;;
    argo-cd-crds) lock; build_component argo-cd-crds "$ARGOCD_VERSION"; path=$ARGOCD_CRDS_HOME/crds ;;
    *) echo "usage: $0 tool helm|actionlint|lua-health|argo-cd-crds" >&2; exit 2 ;;
  esac
  printf '%s\n' "$path"
}

env_command() {
  ensure_minio_credentials
  printf 'export KUBECONFIG=%s\n' "$KUBECONFIG_FILE"
  printf 'export PATH=%s:$PATH\n' "$K8S_HOME/bin"
  printf 'export VETTIFY_PROMETHEUS_URL=http://127.0.0.1:%s\n' "$PROMETHEUS_PORT"
  printf 'export VETTIFY_MINIO_ENDPOINT=https://127.0.0.1:%s\n' "$MINIO_PORT"
  sed -n 's/^MINIO_ROOT_USER=\(.*\)$/export VETTIFY_MINIO_ROOT_USER=\1/p; s/^MINIO_ROOT_PASSWORD=\(.*\)$/export VETTIFY_MINIO_ROOT_PASSWORD=\1/p' \
    "$MINIO_CREDENTIALS"
  printf 'export VETTIFY_MINIO_CA=%s\n' "$PKI_DIR/ca.crt"
}

case "${1:-}" in
  build) lock; build ;;
  up) up ;;
  down) shift; down "$@" ;;
  status) status ;;
  env) env_command ;;
  minio) shift; minio_command "$@" ;;
  tool) shift; tool_command "$@" ;;
  *) echo "usage: $0 build|up|down [--keep]|status|env|minio up|down [--keep]|status|tool NAME" >&2; exit 2 ;;
esac
