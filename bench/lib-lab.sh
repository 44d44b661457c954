# Helpers shared by bench/failover-vs-pacemaker and bench/cpu-load-no-failover: the lab's hosts
# (lab/pacer-lab), the poller on n3, the checks of "one healthy copy", Pacer's and Pacemaker's
# cluster on n1 + n2 configured as the seed configures it. Sourced; needs PROG set.
# shellcheck shell=bash

BENCH_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAB="$BENCH_REPO/lab/pacer-lab"
S="${PACER_LAB_STATE:-/run/pacer-lab}"
VIP=192.168.33.99
NSP=pacer-                       # the lab's network namespace prefix
LAB_UP_BY_US=0
LAB_WAS_OURS=0
# For the final message: what became of the lab.
lab_fate() { if [ "$LAB_WAS_OURS" = 1 ]; then echo "the lab is down"; else echo "the lab was not brought up by this run and is left as it is"; fi; }

die() { echo "$PROG: $*" >&2; exit 1; }
say() { echo "$PROG: $*" >&2; }
now_ns() { date +%s%N; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

lab() { "$LAB" "$@"; }
in_host() { local h=$1; shift; "$LAB" exec "$h" -- "$@"; }
other_node() { if [ "$1" = n1 ]; then echo n2; else echo n1; fi; }

wait_for() {   # wait_for SECONDS CMD...: until CMD succeeds (every 0.5 s)
    local t=$1; shift
    local deadline=$(( $(now_ms) + t * 1000 ))
    while (( $(now_ms) < deadline )); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    return 1
}

# ------------------------------------------------------------------------------------------------
# What the hosts hold, seen from outside

vip_holders() {
    local h
    for h in n1 n2; do
        ip -n "$NSP$h" -o -4 addr show dev eth1 2>/dev/null | grep -q " $VIP/" && echo "$h"
    done
    return 0
}
host_pids() { ip netns pids "$NSP$1" 2>/dev/null || true; }
apache_on() {   # has HOST an apache2 process?
    local p
    for p in $(host_pids "$1"); do [ "$(cat "/proc/$p/comm" 2>/dev/null)" = apache2 ] && return 0; done
    return 1
}
apache_hosts() { local h; for h in n1 n2; do apache_on "$h" && echo "$h"; done; return 0; }
curl_vip() { in_host "${2:-n3}" curl -s --max-time "${1:-1}" "http://$VIP/" 2>/dev/null || true; }
one_copy() {   # the VIP and Apache on exactly one node, the same, and n3 gets its page
    local v a
    v=$(vip_holders); a=$(apache_hosts)
    [ "$(echo "$v" | grep -c .)" = 1 ] && [ "$v" = "$a" ] && [ "$(curl_vip 1)" = "$v" ]
}

# ------------------------------------------------------------------------------------------------
# The two stacks. Both answer crm_mon's XML: Pacemaker's crm_mon, Pacer's 'pcs status xml'.

status_xml() {   # status_xml STACK HOST
    if [ "$1" = pacemaker ]; then in_host "$2" crm_mon -1 --output-as=xml 2>/dev/null
    else in_host "$2" pcs status xml 2>/dev/null; fi
}
# healthy STACK HOST: HOST sees both nodes online, a DC, both resources Started and not failed,
# no failed actions, and from outside there is one copy that answers n3.
healthy() {
    local x
    x=$(status_xml "$1" "$2") || return 1
    [ "$(grep -c '<node name="n[12]".* online="true"' <<<"$x")" = 2 ] || return 1
    grep -q 'current_dc present="true"' <<<"$x" || return 1
    [ "$(grep -E '<resource id="(Cluster_VIP|WebServer)"' <<<"$x" | grep 'role="Started" active="true"' | grep -c 'failed="false"')" = 2 ] || return 1
    grep -q '<failures>' <<<"$x" && return 1
    one_copy
}
current_dc() { status_xml "$1" "$2" | sed -n 's/.*current_dc present="true".* name="\([^"]*\)".*/\1/p' | head -1; }

# Pacer: pacerd on n1 and n2 with a generated cluster.conf (token $2), then the seed's commands
# (SCENARIO.md steps 6-8), typed with Pacer's pcs.
pacer_start_node() { PACER_LAB_TOKEN="${TOKEN_MS:-1000}" lab start "$1" >/dev/null 2>&1 || { say "$1: pacerd did not start"; return 1; }; }
pacer_online() { in_host n1 pcs status nodes 2>/dev/null | grep -qE '^ Online: (n1 n2|n2 n1)$'; }
pacer_setup() {
    TOKEN_MS=$1
    pacer_start_node n1 && pacer_start_node n2 || return 1
    wait_for 60 pacer_online || { say "pacer: n1 and n2 not both online 60 s after start"; return 1; }
    local c
    while read -r c; do
        [ -n "$c" ] || continue
        # shellcheck disable=SC2086
        eval "in_host n1 $c" >>"$WORK/setup.log" 2>&1 || { say "pacer: '$c' failed (see $WORK/setup.log)"; return 1; }
    done <<EOF
pcs property set stonith-enabled=false
pcs property set no-quorum-policy=ignore
pcs resource create Cluster_VIP ocf:heartbeat:IPaddr2 nic=eth1 ip=$VIP cidr_netmask=24 op monitor interval=20s
pcs resource create WebServer ocf:heartbeat:apache configfile=/etc/apache2/apache2.conf statusurl="http://127.0.0.1/server-status" op monitor interval=20s
pcs constraint colocation add WebServer Cluster_VIP INFINITY
EOF
    wait_for 90 healthy pacer n1 || { say "pacer: not healthy 90 s after configuring (pcs status on n1:)"; in_host n1 pcs status >&2 || true; return 1; }
    in_host n1 pacer cluster cib > "$WORK/pacer-cib.xml" 2>/dev/null || true
}

# Pacemaker: Debian's corosync + pacemakerd inside the hosts (private /etc/corosync,
# /var/lib/corosync, /var/lib/pacemaker, /run, /dev/shm, /var/log: lab/pacer-lab up gives them),
# corosync.conf written here, the same configuration loaded with crm_attribute and cibadmin.
pcmk_write_conf() {   # pcmk_write_conf HOST TOKEN (TOKEN "default" = corosync's 3000 ms)
    local d="$S/data/$1/etc-corosync" tok=$2
    [ -d "$d" ] || die "$1: the lab has no private /etc/corosync ($d); is pacemaker installed? (apt-get install pacemaker corosync, then lab/pacer-lab down; up)"
    {
        echo "# written by bench/failover-vs-pacemaker"
        echo "totem {"
        echo "    version: 2"
        echo "    cluster_name: webcluster"
        echo "    transport: knet"
        echo "    crypto_cipher: none"
        echo "    crypto_hash: none"
        [ "$tok" = default ] || echo "    token: $tok"
        echo "}"
        echo "nodelist {"
        echo "    node {"; echo "        ring0_addr: 192.168.33.11"; echo "        name: n1"; echo "        nodeid: 1"; echo "    }"
        echo "    node {"; echo "        ring0_addr: 192.168.33.12"; echo "        name: n2"; echo "        nodeid: 2"; echo "    }"
        echo "}"
        echo "quorum {"; echo "    provider: corosync_votequorum"; echo "    two_node: 1"; echo "}"
        echo "logging {"
        echo "    to_logfile: yes"; echo "    logfile: /var/log/corosync/corosync.log"
        echo "    to_syslog: no"; echo "    to_stderr: no"; echo "    timestamp: hires"
        echo "}"
    } > "$d/corosync.conf"
}
pcmk_start_node() {
    local h=$1
    in_host "$h" sh -c 'setsid corosync -f </dev/null >>/var/log/corosync/corosync.out 2>&1 &'
    wait_for 15 in_host "$h" corosync-cfgtool -s || { say "$h: corosync did not come up in 15 s (log: $S/data/$h/var-log/corosync/)"; return 1; }
    in_host "$h" env PCMK_logfile=/var/log/pacemaker/pacemaker.log PCMK_logfacility=none \
        sh -c 'setsid pacemakerd </dev/null >>/var/log/pacemaker/pacemakerd.out 2>&1 &'
}
pcmk_online() {
    local x; x=$(status_xml pacemaker n1) || return 1
    [ "$(grep -c '<node name="n[12]".* online="true"' <<<"$x")" = 2 ] && grep -q 'current_dc present="true"' <<<"$x"
}
pcmk_setup() {
    local tok=$1
    pcmk_write_conf n1 "$tok"; pcmk_write_conf n2 "$tok"
    pcmk_start_node n1 && pcmk_start_node n2 || return 1
    # the first DC election waits for dc-deadtime (20 s)
    wait_for 120 pcmk_online || { say "pacemaker: n1 and n2 not both online with a DC 120 s after start"; in_host n1 crm_mon -1 >&2 || true; return 1; }
    {
        in_host n1 crm_attribute --type crm_config --name stonith-enabled --update false &&
        in_host n1 crm_attribute --type crm_config --name no-quorum-policy --update ignore &&
        # what pcs cluster setup (and Pacer's empty CIB) puts in a new cluster
        in_host n1 crm_attribute --type rsc_defaults --name resource-stickiness --update 1 &&
        in_host n1 cibadmin --create -o resources --xml-text "
<primitive id=\"Cluster_VIP\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">
  <instance_attributes id=\"Cluster_VIP-instance_attributes\">
    <nvpair id=\"Cluster_VIP-instance_attributes-cidr_netmask\" name=\"cidr_netmask\" value=\"24\"/>
    <nvpair id=\"Cluster_VIP-instance_attributes-ip\" name=\"ip\" value=\"$VIP\"/>
    <nvpair id=\"Cluster_VIP-instance_attributes-nic\" name=\"nic\" value=\"eth1\"/>
  </instance_attributes>
  <operations>
    <op id=\"Cluster_VIP-monitor-interval-20s\" name=\"monitor\" interval=\"20s\"/>
    <op id=\"Cluster_VIP-start-interval-0s\" name=\"start\" interval=\"0s\" timeout=\"20s\"/>
    <op id=\"Cluster_VIP-stop-interval-0s\" name=\"stop\" interval=\"0s\" timeout=\"20s\"/>
  </operations>
</primitive>" &&
        in_host n1 cibadmin --create -o resources --xml-text '
<primitive id="WebServer" class="ocf" provider="heartbeat" type="apache">
  <instance_attributes id="WebServer-instance_attributes">
    <nvpair id="WebServer-instance_attributes-configfile" name="configfile" value="/etc/apache2/apache2.conf"/>
    <nvpair id="WebServer-instance_attributes-statusurl" name="statusurl" value="http://127.0.0.1/server-status"/>
  </instance_attributes>
  <operations>
    <op id="WebServer-monitor-interval-20s" name="monitor" interval="20s"/>
    <op id="WebServer-start-interval-0s" name="start" interval="0s" timeout="40s"/>
    <op id="WebServer-stop-interval-0s" name="stop" interval="0s" timeout="60s"/>
  </operations>
</primitive>' &&
        in_host n1 cibadmin --create -o constraints --xml-text '
<rsc_colocation id="colocation-WebServer-Cluster_VIP-INFINITY" rsc="WebServer" with-rsc="Cluster_VIP" score="INFINITY"/>'
    } >>"$WORK/setup.log" 2>&1 || { say "pacemaker: loading the configuration failed (see $WORK/setup.log)"; return 1; }
    wait_for 90 healthy pacemaker n1 || { say "pacemaker: not healthy 90 s after configuring (crm_mon on n1:)"; in_host n1 crm_mon -1 >&2 || true; return 1; }
    in_host n1 cibadmin --query > "$WORK/pacemaker-cib.xml" 2>/dev/null || true
}

# ------------------------------------------------------------------------------------------------
# The poller on n3. FILE gets "end_ns start_ns body|FAIL" lines; it runs until STOPFILE exists or
# for at most MAXS seconds. MODE parallel: a curl (--max-time TMO) starts every 20 ms, each in the
# background, as ../shared/anchors does (about 20 ms resolution even while the VIP is silent);
# MODE serial: one curl at a time, 20 ms apart. FILE and STOPFILE must be visible inside the host
# (under /var/tmp: the hosts' /tmp is private).
POLLER_PID=""
poller_start() {   # poller_start FILE STOPFILE MAXS MODE TMO
    local file=$1 stop=$2 maxs=$3 mode=$4 tmo=$5
    rm -f "$stop"; : > "$file"
    in_host n3 bash -c '
        log=$0 stop=$1 end=$((SECONDS + $2)) mode=$3 tmo=$4
        poll() { local s e b; s=$(date +%s%N); b=$(curl -s --max-time "$tmo" http://'"$VIP"'/ 2>/dev/null) || b=FAIL
                 [ -n "$b" ] || b=FAIL; e=$(date +%s%N); echo "$e $s $b" >> "$log"; }
        while [ ! -e "$stop" ] && ((SECONDS < end)); do
            if [ "$mode" = parallel ]; then poll & else poll; fi
            sleep 0.02
        done
        wait' "$file" "$stop" "$maxs" "$mode" "$tmo" </dev/null >/dev/null 2>&1 &
    POLLER_PID=$!
    POLLER_STOP=$stop
}
poller_stop() {
    [ -n "$POLLER_PID" ] || return 0
    touch "$POLLER_STOP"
    wait "$POLLER_PID" 2>/dev/null || true
    POLLER_PID=""
}
# first_answer FILE T0_NS NAME: ms from T0 to the end of the first curl started after T0 that got NAME
first_answer() {
    awk -v t0="$2" -v want="$3" '$2 >= t0 && $3 == want {print $1}' "$1" | sort -n | head -1 \
        | awk -v t0="$2" '{printf "%d\n", ($1 - t0) / 1000000}'
}

# ------------------------------------------------------------------------------------------------
# Packages, without starting anything in the root namespace

POLICY_MOVED=""
POLICY_MADE=0
root_ns_daemons() {   # PIDs of corosync / pacemaker / apache2 processes in this (the root) netns
    local p comm me
    me=$(stat -L -c %i /proc/self/ns/net)
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        comm=$(cat "/proc/$p/comm" 2>/dev/null) || continue
        case "$comm" in corosync|pacemakerd|pacemaker-*|apache2|stress-ng*) ;; *) continue ;; esac
        [ "$(stat -L -c %i "/proc/$p/ns/net" 2>/dev/null)" = "$me" ] && echo "$p"
    done
    return 0
}
ensure_packages() {   # ensure_packages PKG:PATH...
    local missing=() spec
    for spec in "$@"; do [ -e "${spec#*:}" ] || missing+=("${spec%%:*}"); done
    [ ${#missing[@]} = 0 ] && return 0
    [ "${NO_INSTALL:-0}" = 1 ] && die "missing: ${missing[*]} (--no-install given; install them: apt-get install ${missing[*]})"
    local before; before=$(root_ns_daemons | sort)
    say "installing ${missing[*]} with apt-get (policy-rc.d keeps their services from starting)"
    if [ -e /usr/sbin/policy-rc.d ] && ! grep -qx 'exit 101' /usr/sbin/policy-rc.d; then
        POLICY_MOVED=/usr/sbin/policy-rc.d.pacer-bench; mv /usr/sbin/policy-rc.d "$POLICY_MOVED"
    fi
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\n# pacer bench: no service starts during the install\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d; POLICY_MADE=1
    fi
    local rc=0
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >"$LOGS/apt.log" 2>&1 || {
        apt-get update -q >>"$LOGS/apt.log" 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >>"$LOGS/apt.log" 2>&1 || rc=$?; }
    restore_policy
    [ $rc = 0 ] || die "apt-get install ${missing[*]} failed (exit $rc); its output: $LOGS/apt.log"
    # Anything the install started in the root namespace is ours to stop, by PID.
    local p
    for p in $(comm -13 <(echo "$before") <(root_ns_daemons | sort)); do
        say "the install started $(cat "/proc/$p/comm" 2>/dev/null) (pid $p) in the root namespace; killing it"
        kill -KILL "$p" 2>/dev/null || true
    done
}
restore_policy() {
    if [ "$POLICY_MADE" = 1 ]; then rm -f /usr/sbin/policy-rc.d; POLICY_MADE=0; fi
    if [ -n "$POLICY_MOVED" ]; then mv "$POLICY_MOVED" /usr/sbin/policy-rc.d; POLICY_MOVED=""; fi
}
check_root_ns_clean() {
    local left; left=$(root_ns_daemons)
    [ -z "$left" ] && return 0
    say "warning: corosync/pacemaker/apache2 processes run in the root namespace (not started by this bench, left alone):"
    local p; for p in $left; do say "  pid $p $(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | cut -c1-100)"; done
}

# ------------------------------------------------------------------------------------------------
# The lab's life

lab_up() {
    [ -f "$S/hosts" ] && die "the lab is up already (another bench or engineer?): wait, or if it is yours: lab/pacer-lab down"
    ip netns list 2>/dev/null | grep -qE "^${NSP}(n[0-9]+|sw)( |$)" \
        && die "left-over lab namespaces exist (ip netns list): if nobody uses them, run lab/pacer-lab down"
    LAB_UP_BY_US=1; LAB_WAS_OURS=1
    PACER_LAB_NODES="n1 n2" lab up 3 >"$WORK/lab-up.log" 2>&1 || { cat "$WORK/lab-up.log" >&2; die "lab/pacer-lab up failed"; }
}
lab_down() {
    [ "$LAB_UP_BY_US" = 1 ] || return 0
    lab down >/dev/null 2>&1 || say "lab/pacer-lab down failed; run it by hand"
    LAB_UP_BY_US=0
}
keep_logs() {   # keep_logs DIR: the hosts' logs before the lab goes
    local dest=$1 h
    mkdir -p "$dest"
    for h in n1 n2; do
        mkdir -p "$dest/$h"
        cp -r "$S/data/$h/var-log/pacemaker" "$S/data/$h/var-log/corosync" "$dest/$h/" 2>/dev/null || true
        cp "$S/data/$h/var-lib-pacer/pacerd.log" "$S/data/$h/var-log/pacer/pacerd.out" "$dest/$h/" 2>/dev/null || true
    done
    cp "$WORK"/*-cib.xml "$WORK/setup.log" "$dest/" 2>/dev/null || true
}
check_pacer_built() {
    ls "$BENCH_REPO"/pacer-server/target/pacer-server-*.jar >/dev/null 2>&1 && [ -d "$BENCH_REPO/pacer-server/target/lib" ] \
        || die "Pacer is not built in $BENCH_REPO (build: cd $BENCH_REPO && mvn -o -q package -DskipTests)"
}
