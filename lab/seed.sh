# pacer-lab seed: SCENARIO.md steps 1-12 on n1, n2 (cluster) and n3 (bystander), typed as the
# administrator types them, each checked from the outside. Sourced by pacer-lab (uses its functions).
# shellcheck shell=bash

SEED_PASSWORD=${PACER_LAB_PASSWORD:-lab-hacluster-pw}
SEED_T0=0
SEED_STEPS=()          # JSON objects
SEED_KEEP=0
SEED_JSON=""
SEED_REPS=5
SEED_TMP=""
SEED_ONLY=""           # ",10,11q," to run only those of the optional steps 10, 11, 11b, 11q
SEED_POLLER=""
declare -gA SEED_FAILOVER=()

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
elapsed() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN{printf "%.1f", (b-a)/1000}'; }
json_str() { python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().rstrip("\n")))'; }

# step N NAME OK SECONDS DETAIL
record() {
    local n=$1 name=$2 ok=$3 secs=$4 detail=$5 mark
    mark=ok; [ "$ok" = true ] || mark="NOT OK"
    printf '[%7ss] step %-3s %-38s %-6s (%ss) %s\n' "$(elapsed "$SEED_T0")" "$n" "$name" "$mark" "$secs" \
        "$(echo "$detail" | tr '\n' ' ' | cut -c1-400)"
    SEED_STEPS+=("{\"step\":\"$n\",\"name\":$(printf %s "$name" | json_str),\"ok\":$ok,\"seconds\":$secs,\"detail\":$(printf %s "$detail" | json_str)}")
}

# run HOST CMD...: the command as typed inside HOST, its output kept in $OUT, exit code returned.
run() {
    local h=$1; shift
    echo "    $h# $*" >> "$SEED_TMP/transcript"
    set +e
    OUT=$(in_host "$h" "$@" 2>&1)
    local rc=$?
    set -e
    echo "$OUT" | sed 's/^/    /' >> "$SEED_TMP/transcript"
    return $rc
}

want_step() { [ -z "$SEED_ONLY" ] || [[ "$SEED_ONLY" == *",$1,"* ]]; }

wait_for() {   # wait_for SECONDS CMD...: until CMD succeeds
    local t=$1; shift
    local deadline=$(( $(now_ms) + t * 1000 ))
    while (( $(now_ms) < deadline )); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    return 1
}

vip_holders() {   # the hosts with the VIP on eth1
    local h
    for h in n1 n2; do
        ip -n "$PREFIX$h" -o -4 addr show dev eth1 2>/dev/null | grep -q " $VIP/" && echo "$h"
    done
    return 0
}
device_connected() { in_host "$1" pcs quorum device status 2>/dev/null | grep -q 'State: *Connected'; }
isolated_stopped() {   # neither the VIP nor Apache left on HOST
    ! ip -n "$PREFIX$1" -o -4 addr show dev eth1 2>/dev/null | grep -q " $VIP/" && [ -z "$(apache_pids "$1")" ]
}
apache_hosts() { local h; for h in n1 n2; do [ -n "$(apache_pids "$h")" ] && echo "$h"; done; return 0; }
curl_vip() { in_host "$1" curl -s --max-time 1 "http://$VIP/" 2>/dev/null; }
one_copy() {   # VIP and Apache on exactly one node, the same one, answering the VIP from n3
    local v a
    v=$(vip_holders); a=$(apache_hosts)
    [ "$(echo "$v" | grep -c .)" = 1 ] && [ "$v" = "$a" ] && [ "$(curl_vip n3)" = "$v" ]
}
healthy() { one_copy && both_online; }
one_vip() { [ "$(vip_holders | grep -c .)" = 1 ]; }
no_apache() { [ -z "$(apache_pids "$1")" ]; }
n2_cib_has() { in_host n2 pacer cluster cib 2>/dev/null | grep -qF -- "$1"; }
answered() { [ -n "$(first_answer "$@")" ]; }
web_started() { in_host n1 pcs status 2>/dev/null | grep -q 'WebServer.*Started'; }
# both nodes in one quorate membership, seen from each (a node's CIB alone can be stale: an isolated
# node writes nothing, so its copy still shows the other online until the halves have merged)
both_online() {
    local h m
    for h in n1 n2; do
        m=$(in_host "$h" pacer cluster membership 2>/dev/null) || return 1
        echo "$m" | grep -qE '^members: (n1 n2|n2 n1)$' && echo "$m" | grep -q '^quorate: true$' || return 1
    done
    in_host n1 pcs status nodes 2>/dev/null | grep -qE '^ Online: (n1 n2|n2 n1)$'
}

poller_start() {   # curl the VIP from n3 every 20 ms (each at most 0.2 s) for at most $1 seconds
    local secs=$1 file=$2
    ( exec nsenter --net="/run/netns/${PREFIX}n3" --mount="$S/n3.mnt" --uts="$S/n3.uts" --wd=/ -- \
        bash -c 'end=$((SECONDS + $0)); while ((SECONDS < end)); do
            s=$(date +%s%N); b=$(curl -s --max-time 0.2 http://'"$VIP"'/ 2>/dev/null) || b=FAIL
            [ -n "$b" ] || b=FAIL; e=$(date +%s%N); echo "$e $s $b"; sleep 0.02; done' "$secs" ) \
        </dev/null >"$file" 2>/dev/null &
    SEED_POLLER=$!
    disown "$SEED_POLLER" 2>/dev/null || true
    sleep 0.5
}
poller_stop() { if [ -n "$SEED_POLLER" ]; then kill "$SEED_POLLER" 2>/dev/null || true; sleep 0.3; fi; SEED_POLLER=""; }

# first_answer FILE T0_NS NAME [AFTER_FAIL]: ms from T0 to the end of the first curl that got NAME
# (with AFTER_FAIL: the first one after a failed curl, for "serving again").
first_answer() {
    awk -v t0="$2" -v want="$3" -v af="${4:-0}" '
        $1 > t0 && $3 != want { failed = 1 }
        $2 > t0 && $3 == want && (!af || failed) { printf "%d\n", ($1 - t0) / 1000000; exit }' "$1"
}

stats_json() {   # name values...
    local name=$1; shift
    [ $# -gt 0 ] || { SEED_FAILOVER[$name]='{"n":0}'; return; }
    SEED_FAILOVER[$name]=$(printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {
        m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
        printf "{\"n\":%d,\"min\":%d,\"median\":%d,\"max\":%d,\"samples\":[", NR, v[1], m, v[NR];
        for (i = 1; i <= NR; i++) printf "%s%d", (i > 1 ? "," : ""), v[i]; printf "]}" }')
}

ensure_packages() {
    local missing=() p
    command -v apache2 >/dev/null || [ -x /usr/sbin/apache2 ] || missing+=(apache2)
    [ -x /usr/lib/ocf/resource.d/heartbeat/IPaddr2 ] || missing+=(resource-agents)
    command -v curl >/dev/null || missing+=(curl)
    command -v ping >/dev/null || missing+=(iputils-ping)
    command -v nft >/dev/null || missing+=(nftables)
    [ ${#missing[@]} = 0 ] && return 0
    say "installing ${missing[*]} with apt-get (services kept from starting: policy-rc.d)"
    local made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; made_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 || true
             DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >/dev/null; }
    [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    for p in $(pgrep -x apache2 || true); do
        if [ "$(stat -L -c %i /proc/$p/ns/net)" = "$(stat -L -c %i /proc/self/ns/net)" ]; then
            say "warning: an apache2 runs in the root namespace (pid $p); the lab does not touch it"
        fi
    done
}

seed_finish() {
    local rc=$?
    poller_stop
    if [ -n "$SEED_JSON" ]; then
        {
            echo '{"steps":['
            local i; for ((i = 0; i < ${#SEED_STEPS[@]}; i++)); do
                [ $i -gt 0 ] && echo ','; printf '%s' "${SEED_STEPS[$i]}"; done
            echo '],"failover_ms":{'
            local first=1 k
            for k in "${!SEED_FAILOVER[@]}"; do
                [ $first = 1 ] || echo ','; first=0; printf '"%s":%s' "$k" "${SEED_FAILOVER[$k]}"; done
            echo "},\"wall_seconds\":$(elapsed "$SEED_T0")}"
        } > "$SEED_JSON.tmp" && python3 -m json.tool "$SEED_JSON.tmp" > "$SEED_JSON" && rm -f "$SEED_JSON.tmp"
        say "seed: JSON written to $SEED_JSON"
    fi
    [ -n "$SEED_TMP" ] && [ -f "$SEED_TMP/transcript" ] && cp "$SEED_TMP/transcript" "${SEED_JSON:-/tmp/pacer-lab-seed}.transcript" 2>/dev/null \
        && say "seed: the commands typed and their output: ${SEED_JSON:-/tmp/pacer-lab-seed}.transcript"
    if [ $SEED_KEEP = 1 ]; then say "seed: --keep: the lab and the cluster stay up ($PROG down removes them)"
    else cmd_down >/dev/null 2>&1 || true; fi
    [ -n "$SEED_TMP" ] && rm -rf "$SEED_TMP"
    exit $rc
}

seed_main() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --keep) SEED_KEEP=1 ;;
            --json) [ $# -ge 2 ] || die "--json needs a FILE"; SEED_JSON=$(readlink -f "$2"); shift ;;
            --json=*) SEED_JSON=$(readlink -f "${1#*=}") ;;
            --reps) SEED_REPS=$2; shift ;;
            --steps) SEED_ONLY=",$2,"; shift ;;
            *) die "seed: unknown option '$1' (seed [--keep] [--json FILE] [--reps N] [--steps 10,11,11b,11q])" ;;
        esac
        shift
    done
    [ -f "$S/hosts" ] && die "the lab is up; the seed builds its own: run '$PROG down' first"
    ensure_packages
    SEED_TMP=$(mktemp -d /tmp/pacer-lab-seed.XXXXXX)
    SEED_T0=$(now_ms)
    trap seed_finish EXIT
    trap 'say "seed interrupted"; exit 130' INT TERM
    PACER_LAB_NODES="n1 n2" cmd_up 3 > "$SEED_TMP/up.log" 2>&1 || { cat "$SEED_TMP/up.log" >&2; die "up failed"; }
    # cmd_up clears the traps it set for itself: set ours again
    trap seed_finish EXIT
    trap 'say "seed interrupted"; exit 130' INT TERM
    echo "seed: hosts n1 n2 (cluster) n3 (bystander) up; timeline (seconds since start):"
    local t ok d h

    # 1. Apache on n1 and n2, /server-status from 127.0.0.1, index.html = host name
    t=$(now_ms); ok=true; d=""
    for h in n1 n2; do
        run "$h" apache2ctl start || { ok=false; d+="$h: apache2ctl start failed: $OUT; "; continue; }
        wait_for 10 in_host "$h" curl -sf http://127.0.0.1/server-status?auto || true
        run "$h" curl -s http://127.0.0.1/server-status?auto
        echo "$OUT" | grep -q '^ServerVersion\|^Total Accesses' || { ok=false; d+="$h: no /server-status; "; }
        run "$h" curl -s http://127.0.0.1/
        [ "$OUT" = "$h" ] || { ok=false; d+="$h: index says '$OUT'; "; }
        run "$h" apache2ctl stop
        wait_for 10 no_apache "$h" || { ok=false; d+="$h: apache did not stop; "; }
    done
    [ $ok = true ] && d="apache2 answers / with the host name and /server-status from 127.0.0.1 on n1, n2; stopped again (the cluster will run it)"
    record 1 "Apache on n1 and n2" $ok "$(elapsed "$t")" "$d"

    # 2. Install and enable the cluster software: pacerd on n1 and n2 (API only, no cluster yet)
    t=$(now_ms); ok=true; d="pacerd started API-only on n1, n2 (HTTPS :2224), waiting for setup"
    for h in n1 n2; do cmd_start "$h" --bare >>"$SEED_TMP/transcript" 2>&1 || { ok=false; d="pacerd did not start on $h"; }; done
    record 2 "cluster software on n1, n2" $ok "$(elapsed "$t")" "$d"

    # 3. pcs host auth n1 n2 -u hacluster, after setting the password on each node
    t=$(now_ms); ok=true; d=""
    for h in n1 n2; do
        echo "    $h# pacer host password hacluster   (password on stdin)" >> "$SEED_TMP/transcript"
        if ! OUT=$(echo "$SEED_PASSWORD" | in_host "$h" pacer host password hacluster 2>&1); then ok=false; d+="$h: pacer host password: $OUT; "; fi
    done
    run n1 pcs host auth n1 n2 -u hacluster -p "$SEED_PASSWORD" || ok=false
    echo "$OUT" | grep -q 'n1: Authorized' && echo "$OUT" | grep -q 'n2: Authorized' || ok=false
    d+="pcs host auth: $(echo "$OUT" | tr '\n' ' ')"
    record 3 "pcs host auth n1 n2" $ok "$(elapsed "$t")" "$d"

    # 4. pcs cluster setup webcluster n1 n2
    t=$(now_ms); ok=true
    run n1 pcs cluster setup webcluster n1 n2 || ok=false
    d="$(echo "$OUT" | tail -3 | tr '\n' ' ')"
    for h in n1 n2; do
        [ -f "$S/data/$h/etc-pacer/cluster.conf" ] && [ -f "$S/data/$h/etc-pacer/authkey" ] || { ok=false; d+=" | $h has no cluster.conf/authkey"; }
    done
    [ "$(cat "$S/data/n1/etc-pacer/authkey" 2>/dev/null | md5sum)" = "$(cat "$S/data/n2/etc-pacer/authkey" 2>/dev/null | md5sum)" ] \
        || { ok=false; d+=" | the keys differ"; }
    record 4 "pcs cluster setup webcluster n1 n2" $ok "$(elapsed "$t")" "$d"

    # 5. pcs cluster start --all; pcs status shows both nodes online
    t=$(now_ms); ok=true
    local rc=0
    run n1 pcs cluster start --all || rc=$?
    [ $rc = 0 ] || ok=false
    d="pcs cluster start --all: exit $rc: $(echo "$OUT" | tr '\n' ' ' | cut -c1-300)"
    if ! both_online; then
        d+=" | the lab restarts pacerd on n1, n2 itself (what the answer says to run)"
        for h in n1 n2; do cmd_stop "$h" >/dev/null 2>&1; cmd_start "$h" >>"$SEED_TMP/transcript" 2>&1 || true; done
    fi
    if wait_for 30 both_online; then d+=" | pcs status: Online: [ n1 n2 ]"; else ok=false; d+=" | both nodes not online after 30 s"; fi
    run n1 pcs status; echo "$OUT" | grep -q 'Current DC' || { ok=false; d+=" | pcs status has no DC"; }
    record 5 "pcs cluster start --all; pcs status" $ok "$(elapsed "$t")" "$d"

    # 6. properties
    t=$(now_ms); ok=true; d=""
    run n1 pcs property set stonith-enabled=false || { ok=false; d+="stonith-enabled: $OUT; "; }
    d+="$(echo "$OUT" | tr '\n' ' ')"
    run n1 pcs property set no-quorum-policy=ignore || { ok=false; d+=" no-quorum-policy: $OUT; "; }
    d+=" $(echo "$OUT" | tr '\n' ' ')"
    echo "$OUT" | grep -qi 'split brain' || { ok=false; d+=" | no split-brain warning for two nodes without fencing or witness"; }
    wait_for 10 n2_cib_has 'name="no-quorum-policy" value="ignore"' || true
    in_host n2 pacer cluster cib 2>/dev/null | grep -q 'name="stonith-enabled" value="false"' || { ok=false; d+=" | n2's CIB lacks stonith-enabled=false"; }
    record 6 "pcs property set (stonith, quorum)" $ok "$(elapsed "$t")" "$d"

    # 7. the virtual IP
    t=$(now_ms); ok=true; d=""
    run n1 pcs resource create Cluster_VIP ocf:heartbeat:IPaddr2 nic=eth1 ip=$VIP cidr_netmask=24 op monitor interval=20s \
        || { ok=false; d+="create: $OUT; "; }
    wait_for 30 one_vip || true
    local holder; holder=$(vip_holders | paste -sd, -)
    if [ "$(echo "$holder" | tr ',' '\n' | grep -c .)" = 1 ]; then
        d+="VIP on $holder after $(elapsed "$t") s; "
        for h in n1 n2 n3; do in_host "$h" ping -c1 -W1 "$VIP" >/dev/null 2>&1 || { ok=false; d+="$h cannot ping the VIP; "; }; done
        local mac; mac=$(ip -n "$PREFIX$holder" -o link show eth1 | grep -o 'link/ether [0-9a-f:]*' | awk '{print $2}')
        local arp_on=n3; [ "$holder" = n1 ] || arp_on=n1
        in_host "$arp_on" ip neigh show "$VIP" | grep -qi "$mac" && d+="$arp_on's ARP: VIP -> $mac ($holder); " \
            || { ok=false; d+="$arp_on's ARP entry for the VIP is not $holder's MAC; "; }
    else ok=false; d+="VIP held by '${holder:-nobody}' after 30 s; "; fi
    run n1 pcs status; echo "$OUT" | grep -q 'Cluster_VIP.*Started' || { ok=false; d+="pcs status does not show Cluster_VIP Started; "; }
    record 7 "resource create Cluster_VIP (IPaddr2)" $ok "$(elapsed "$t")" "$d"

    # 8. Apache as a resource, colocated with the VIP
    t=$(now_ms); ok=true; d=""
    run n1 pcs resource create WebServer ocf:heartbeat:apache configfile=/etc/apache2/apache2.conf \
        statusurl="http://127.0.0.1/server-status" op monitor interval=20s || { ok=false; d+="create: $OUT; "; }
    run n1 pcs constraint colocation add WebServer Cluster_VIP INFINITY || { ok=false; d+="colocation (0.9 spelling): $OUT; "; }
    if wait_for 40 one_copy; then d+="WebServer on $(apache_hosts) with the VIP after $(elapsed "$t") s; "
    else ok=false; d+="after 40 s: VIP on '$(vip_holders | paste -sd, -)', apache on '$(apache_hosts | paste -sd, -)'; "; fi
    wait_for 20 web_started || { ok=false; d+="pcs status does not show WebServer Started after 20 s more; "; }
    run n1 pcs status; d+="$(echo "$OUT" | grep -E 'WebServer|Failed|error' | tr '\n' ' ' | cut -c1-300)"
    record 8 "resource create WebServer + colocation" $ok "$(elapsed "$t")" "$d"

    # 9. curl the VIP from every host
    t=$(now_ms); ok=true; d=""
    local active; active=$(curl_vip n3 || true)
    for h in n1 n2 n3; do local a; a=$(curl_vip "$h" || true); d+="$h: '$a' "; [ -n "$a" ] && [ "$a" = "$active" ] || ok=false; done
    record 9 "curl 192.168.33.99 from n1, n2, n3" $ok "$(elapsed "$t")" "$d"

    if want_step 10; then
    # 10. Apache killed on the active node: restarted in place, the VIP stays
    t=$(now_ms); ok=true; d=""
    local samples=() i ms
    for ((i = 1; i <= SEED_REPS; i++)); do
        active=$(curl_vip n3 || true)
        [ -n "$active" ] || { ok=false; d+="rep $i: nothing answers the VIP; "; break; }
        poller_start 90 "$SEED_TMP/poll-apache-$i"
        local t0; t0=$(date +%s%N)
        # shellcheck disable=SC2046
        kill -KILL $(apache_pids "$active") 2>/dev/null || true
        if wait_for 80 answered "$SEED_TMP/poll-apache-$i" "$t0" "$active" 1; then
            ms=$(first_answer "$SEED_TMP/poll-apache-$i" "$t0" "$active" 1); samples+=("$ms"); d+="rep $i: $active again after $ms ms; "
        else ok=false; d+="rep $i: not serving from $active 80 s after the kill (VIP on '$(vip_holders | paste -sd, -)'); "; fi
        poller_stop
        [ "$(vip_holders)" = "$active" ] || { ok=false; d+="the VIP moved to '$(vip_holders | paste -sd, -)'; "; }
        wait_for 30 one_copy || true
    done
    stats_json apache_kill "${samples[@]}"
    d+="stats ${SEED_FAILOVER[apache_kill]}"
    record 10 "kill Apache on the active node" $ok "$(elapsed "$t")" "$d"
    fi

    if want_step 11; then
    # 11. link down of the active node: the other takes over; link up: the partitions merge
    t=$(now_ms); ok=true; d=""
    samples=()
    for ((i = 1; i <= SEED_REPS; i++)); do
        wait_for 60 one_copy || { ok=false; d+="rep $i: not one healthy copy before the fault; "; break; }
        active=$(curl_vip n3 || true); local other=n1; [ "$active" = n1 ] && other=n2
        poller_start 60 "$SEED_TMP/poll-link-$i"
        local t0; t0=$(date +%s%N)
        ip -n "$PREFIX$active" link set eth1 down
        if wait_for 40 answered "$SEED_TMP/poll-link-$i" "$t0" "$other"; then
            ms=$(first_answer "$SEED_TMP/poll-link-$i" "$t0" "$other"); samples+=("$ms"); d+="rep $i: $active isolated, $other answers after $ms ms; "
        else ok=false; d+="rep $i: $other did not take over within 40 s; "; fi
        poller_stop
        sleep 2
        local iso_vip=no iso_apache=no
        ip -n "$PREFIX$active" -o -4 addr show dev eth1 | grep -q " $VIP/" && iso_vip=yes
        [ -n "$(apache_pids "$active")" ] && iso_apache=yes
        d+="isolated $active keeps VIP: $iso_vip, apache: $iso_apache; "
        ip -n "$PREFIX$active" link set eth1 up
        if wait_for 30 healthy; then d+="merged after link up: one copy on $(vip_holders); "
        else
            ok=false
            d+="NOT merged 30 s after link up (VIP on '$(vip_holders | paste -sd, -)', apache on '$(apache_hosts | paste -sd, -)', n1 sees '$(in_host n1 pcs status nodes 2>/dev/null | sed -n 2p | xargs)', n2 sees '$(in_host n2 pcs status nodes 2>/dev/null | sed -n 2p | xargs)'); restore: kill $active, remove its VIP, restart it; "
            cmd_kill "$active" >/dev/null 2>&1
            ip -n "$PREFIX$active" addr del "$VIP/24" dev eth1 2>/dev/null || true
            cmd_start "$active" >>"$SEED_TMP/transcript" 2>&1 || d+="restart of $active failed; "
            wait_for 60 healthy || d+="still not one copy with both online 60 s after the restart; "
        fi
    done
    stats_json link_down "${samples[@]}"
    d+="stats ${SEED_FAILOVER[link_down]}"
    record 11 "link down of the active node" $ok "$(elapsed "$t")" "$d"
    fi

    if want_step 11b; then
    # 11b. (measurement, issue 6) kill of the active host: every process, SIGSTOP then SIGKILL
    t=$(now_ms); ok=true; d=""
    samples=()
    for ((i = 1; i <= SEED_REPS; i++)); do
        wait_for 60 healthy || { ok=false; d+="rep $i: not healthy before the fault; "; break; }
        active=$(curl_vip n3 || true); local other=n1; [ "$active" = n1 ] && other=n2
        poller_start 60 "$SEED_TMP/poll-kill-$i"
        local t0; t0=$(date +%s%N)
        kill_ns_all "$PREFIX$active"
        if wait_for 40 answered "$SEED_TMP/poll-kill-$i" "$t0" "$other"; then
            ms=$(first_answer "$SEED_TMP/poll-kill-$i" "$t0" "$other"); samples+=("$ms"); d+="rep $i: $active killed, $other answers after $ms ms; "
        else ok=false; d+="rep $i: $other did not take over within 40 s; "; fi
        poller_stop
        # the dead host's kernel still holds the VIP (no fencing): clear it, start the host again
        ip -n "$PREFIX$active" addr del "$VIP/24" dev eth1 2>/dev/null || true
        in_host "$active" sh -c 'find /run -name "*.pid" -type f -delete' >/dev/null 2>&1 || true # boots with an empty /run
        cmd_start "$active" >>"$SEED_TMP/transcript" 2>&1 || { ok=false; d+="restart of $active failed; "; }
    done
    wait_for 60 healthy || { ok=false; d+="not healthy 60 s after the last restart; "; }
    stats_json node_kill "${samples[@]}"
    d+="stats ${SEED_FAILOVER[node_kill]}"
    record 11b "kill of the active host (measurement)" $ok "$(elapsed "$t")" "$d"
    fi

    if want_step 11q; then
    # 11q. split brain done right (issue 6): n3 as the quorum witness; the isolated node stops by itself
    t=$(now_ms); ok=true; d=""
    cmd_start n3 --bare >>"$SEED_TMP/transcript" 2>&1 || { ok=false; d+="pacerd did not start on n3; "; }
    echo "    n3# pacer host password hacluster   (password on stdin)" >> "$SEED_TMP/transcript"
    OUT=$(echo "$SEED_PASSWORD" | in_host n3 pacer host password hacluster 2>&1) || { ok=false; d+="n3: pacer host password: $OUT; "; }
    run n3 pcs qdevice setup model net --enable --start || { ok=false; d+="qdevice setup: $OUT; "; }
    run n1 pcs host auth n3 -u hacluster -p "$SEED_PASSWORD" || { ok=false; d+="host auth n3: $OUT; "; }
    run n1 pcs quorum device add model net host=n3 algorithm=ffsplit || { ok=false; d+="quorum device add: $OUT; "; }
    run n1 pcs property set no-quorum-policy=stop || { ok=false; d+="no-quorum-policy=stop: $OUT; "; }
    if wait_for 15 device_connected n1 && wait_for 15 device_connected n2; then d+="n1, n2 connected to the witness on n3; "
    else ok=false; d+="not both connected to the witness after 15 s; "; fi
    run n1 pcs quorum status
    echo "$OUT" | grep -q 'Flags:.*Quorate.*Qdevice' || { ok=false; d+="pcs quorum status lacks 'Quorate Qdevice'; "; }
    echo "$OUT" | grep -q 'Total votes: *3' && d+="quorum status: 3 votes (2 nodes + witness); " || { ok=false; d+="quorum status does not count 3 votes; "; }
    samples=()
    local stops=()
    for ((i = 1; i <= SEED_REPS; i++)); do
        wait_for 60 healthy || { ok=false; d+="rep $i: not healthy before the fault; "; break; }
        active=$(curl_vip n3 || true); local other=n1; [ "$active" = n1 ] && other=n2
        poller_start 60 "$SEED_TMP/poll-witness-$i"
        local t0; t0=$(date +%s%N)
        ip -n "$PREFIX$active" link set eth1 down
        if wait_for 40 answered "$SEED_TMP/poll-witness-$i" "$t0" "$other"; then
            ms=$(first_answer "$SEED_TMP/poll-witness-$i" "$t0" "$other"); samples+=("$ms"); d+="rep $i: $active isolated, $other answers after $ms ms"
        else ok=false; d+="rep $i: $other did not take over within 40 s"; fi
        poller_stop
        if wait_for 20 isolated_stopped "$active"; then
            local stop_ms=$(( ($(date +%s%N) - t0) / 1000000 )); stops+=("$stop_ms")
            d+=", $active stopped VIP+Apache by itself within $stop_ms ms; "
        else ok=false; d+=", $active STILL holds VIP or Apache 20 s after losing quorum (split brain); "; fi
        ip -n "$PREFIX$active" link set eth1 up
        if wait_for 30 healthy; then d+="merged: one copy on $(vip_holders); "
        else ok=false; d+="NOT one copy 30 s after link up (VIP on '$(vip_holders | paste -sd, -)', apache on '$(apache_hosts | paste -sd, -)'); "; fi
    done
    stats_json witness_link_down "${samples[@]}"
    stats_json witness_isolated_stop "${stops[@]}"
    d+="stats failover ${SEED_FAILOVER[witness_link_down]} isolated-stop ${SEED_FAILOVER[witness_isolated_stop]}"
    record 11q "quorum witness on n3: link down" $ok "$(elapsed "$t")" "$d"
    fi

    # 12. pcs resource cleanup
    t=$(now_ms); ok=true
    run n1 pcs resource cleanup || ok=false
    d="pcs resource cleanup: $(echo "$OUT" | tr '\n' ' ' | cut -c1-300)"
    if wait_for 30 one_copy; then d+=" | one copy of each resource, on $(vip_holders)"; else ok=false; d+=" | not exactly one copy"; fi
    run n1 pcs status; d+=" | $(echo "$OUT" | grep -iE 'failed|Started|Stopped' | tr '\n' ' ' | cut -c1-300)"
    record 12 "pcs resource cleanup" $ok "$(elapsed "$t")" "$d"

    local bad; bad=$(printf '%s\n' "${SEED_STEPS[@]}" | grep -c '"ok":false' || true)
    echo "seed: ${#SEED_STEPS[@]} steps, $bad not ok, $(elapsed "$SEED_T0") s wall"
    for k in apache_kill link_down node_kill witness_link_down witness_isolated_stop; do echo "seed: $k ms: ${SEED_FAILOVER[$k]:-none}"; done
    [ "$bad" = 0 ]
}
