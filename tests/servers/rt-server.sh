#!/bin/sh
# A throwaway Request Tracker 5 for the integration tests, from Debian 12's
# packages, listening on 127.0.0.1 only. See README.md beside this file.
#
#   rt-server.sh install          apt-get RT's packages (as root or through
#                                 sudo); quick when they are already there
#   rt-server.sh start DIR [PORT] make a new RT instance in DIR (SQLite),
#                                 start it on 127.0.0.1:PORT (a free port if
#                                 none is given), wait until REST2 answers,
#                                 print url=... and token=... and write them
#                                 to DIR/server.env
#   rt-server.sh restart DIR      start again the instance kept in DIR, on
#                                 its port (after stop, or a reboot)
#   rt-server.sh stop DIR         stop the server started in DIR (TERM) and
#                                 wait until it has gone
#
# Everything an instance keeps is under DIR: its configuration
# (RT_SITE_CONFIG and an empty RT_SITE_CONFIG_DIR keep Debian's
# /etc/request-tracker5 out), the SQLite database, Mason's caches, sessions,
# logs (rt.log, server.log, access.log), temporary files and the mail RT
# sends (appended to DIR/outgoing-mail.mbox, so no MTA is ever run). Nothing
# is read from /etc/request-tracker5 or written under /etc or /var, so any
# number of instances can run side by side. RT_SERVER_WORKERS sets the
# number of Starlet workers (2).
#
# DIR/server.env holds url=, token=, user=, password= and mbox= lines. The
# root password and the auth token are made afresh for each instance: they
# are test-only credentials of a throwaway server that listens on loopback
# and lives as long as one test run, which is why start prints the token.
# Nothing else shows them; server.env is readable by its owner only.
set -eu

rt_share=/usr/share/request-tracker5
packages="request-tracker5 rt5-db-sqlite rt5-standalone dbconfig-no-thanks dma w3m curl"

die () {
  echo "rt-server.sh: $*" >&2
  exit 1
}

usage () {
  echo "usage: $0 install | start DIR [PORT] | restart DIR | stop DIR" >&2
  exit 2
}

# ---------------------------------------------------------------- install

do_install () {
  missing=
  for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $package"
    fi
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing" >&2
  sudo=
  if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
  fi
  # dma is the mail-transport-agent RT depends on: it has no daemon, and RT
  # never calls it anyway (see MailCommand below). dbconfig-no-thanks stops
  # the package from making a database of its own under /var/lib.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 $missing
}

# ------------------------------------------------------------------ start

now () {
  date +%s.%N
}

# Seconds since $1, to a tenth.
since () {
  awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'
}

# A port nobody listens on now. Another process may take it before RT
# does; start then tries again with another one.
free_port () {
  perl -MIO::Socket::INET -e '
    my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1",
                                  LocalPort => 0, ReuseAddr => 0) or die "$!\n";
    print $s->sockport, "\n";'
}

# 32 random hex digits.
random_hex () {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

write_site_config () {
  dir=$1 port=$2
  mkdir -p "$dir/etc/RT_SiteConfig.d" "$dir/var" "$dir/mason_data" \
    "$dir/session_data" "$dir/tmp"
  cat > "$dir/etc/RT_SiteConfig.pm" <<CONFIG
# A throwaway RT for Steward's tests, written by tests/servers/rt-server.sh.
# Nothing here is read from /etc/request-tracker5 or written under /var.
Set(\$rtname, 'steward-test');
Set(\$Organization, 'steward-test.invalid');
Set(\$CorrespondAddress, 'rt@steward-test.invalid');
Set(\$CommentAddress, 'rt-comment@steward-test.invalid');

Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$dir/rt5.db');

# 127.0.0.1, not localhost: next_page links are built from the Host header
# and _url fields from WebBaseURL, and RT listens on IPv4 only.
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $port);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$port');
Set(\$Timezone, 'UTC');

# Every REST2 request checks its token with bcrypt: cost 12 (the default)
# takes a quarter of a second each time, cost 4 a millisecond.
Set(\$BcryptCost, 4);

Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'warning');
Set(\$LogToFile, 'info');
Set(\$LogDir, '$dir');
Set(\$LogToFileNamed, 'rt.log');

# RT mails requestors on create (scrips). Append each message to an mbox
# instead, so no MTA runs and tests can read what would have been sent.
Set(\$MailCommand, sub {
    my \$entity = shift;
    my \$text = \$entity->as_string;
    \$text =~ s/^(>*From )/>\$1/mg;
    open(my \$mbox, '>>', '$dir/outgoing-mail.mbox') or die "mbox: \$!";
    flock(\$mbox, 2);
    print \$mbox 'From rt\@steward-test.invalid ' . scalar(gmtime) . "\n" . \$text . "\n";
    close(\$mbox) or die "mbox: \$!";
    return 1;
});

\$RT::LocalEtcPath = '$dir/etc';
\$RT::VarPath = '$dir/var';
\$RT::MasonDataDir = '$dir/mason_data';
\$RT::MasonSessionDir = '$dir/session_data';
1;
CONFIG
}

# Starts rt-server in the background; its process group is its pid.
launch () {
  dir=$1 port=$2
  setsid "$rt_share/libexec/rt-server" --host 127.0.0.1 --port "$port" \
    --max-workers "${RT_SERVER_WORKERS:-2}" --access-log "$dir/access.log" \
    </dev/null >>"$dir/server.log" 2>&1 &
  echo $! > "$dir/server.pid"
}

# Waits until GET /REST/2.0/rt answers 200 with the token. Returns 1 at
# once if the server died (a port taken since free_port is the usual
# cause), 2 after a minute.
wait_until_up () {
  dir=$1 url=$2 token=$3
  pid=$(cat "$dir/server.pid")
  deadline=$(($(date +%s) + 60))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
      -H "Authorization: token $token" "$url/REST/2.0/rt" || true)
    [ "$code" = 200 ] && return 0
    sleep 0.1
  done
  return 2
}

do_start () {
  dir=$1 port=${2:-}
  case $dir in
    /*) ;;
    *) dir=$(pwd)/$dir ;;
  esac
  case $dir in
    *\'* | *\\* | *' '*) die "DIR must not contain quotes, backslashes or spaces: $dir" ;;
  esac
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir is not empty; stop the server there and remove it, or choose another DIR"
  fi
  [ -x "$rt_share/libexec/rt-server" ] || die "RT is not installed; run $0 install"
  if [ -n "$port" ]; then
    case $port in
      *[!0-9]*) die "not a port: $port" ;;
    esac
    attempts=1
  else
    port=$(free_port)
    attempts=3
  fi

  started=$(now)
  mkdir -p "$dir"
  umask 077
  export RT_SITE_CONFIG="$dir/etc/RT_SiteConfig.pm"
  export RT_SITE_CONFIG_DIR="$dir/etc/RT_SiteConfig.d"
  export TMPDIR="$dir/tmp"
  # w3m, which RT runs to turn HTML mail into text, keeps files in $HOME.
  export HOME="$dir"
  write_site_config "$dir" "$port"

  password=$(random_hex)
  printf '%s\n' "$password" > "$dir/root-password"
  step=$(now)
  if ! rt-setup-database-5 --action init --skip-create \
      --root-password-file "$dir/root-password" </dev/null >"$dir/setup.log" 2>&1; then
    cat "$dir/setup.log" >&2
    die "rt-setup-database-5 failed"
  fi
  rm -f "$dir/root-password"
  database_time=$(since "$step")

  step=$(now)
  token=$(perl -I"$rt_share/lib" -MRT -e '
    RT::LoadConfig();
    RT::Init();
    my $user = RT::User->new(RT->SystemUser);
    $user->Load("root");
    my ($id, $msg, $token) = RT::AuthToken->new(RT->SystemUser)->Create(
      Owner => $user->id, Description => "Steward tests");
    die "auth token: $msg\n" unless $id;
    print "$token\n";' 2>>"$dir/setup.log") || die "could not make an auth token (see $dir/setup.log)"
  token_time=$(since "$step")

  step=$(now)
  while :; do
    launch "$dir" "$port"
    url=http://127.0.0.1:$port
    status=0
    wait_until_up "$dir" "$url" "$token" || status=$?
    [ $status -eq 0 ] && break
    if [ $status -eq 2 ]; then
      kill -TERM "$(cat "$dir/server.pid")" 2>/dev/null || true
    fi
    attempts=$((attempts - 1))
    if [ $attempts -le 0 ] || ! grep -qE "Address already in use|couldn't start up a web server" "$dir/server.log"; then
      tail -n 20 "$dir/server.log" >&2
      rm -f "$dir/server.pid"
      die "RT did not answer on $url"
    fi
    port=$(free_port)
    write_site_config "$dir" "$port"
  done
  server_time=$(since "$step")

  cat > "$dir/server.env" <<ENV
url=$url
token=$token
user=root
password=$password
mbox=$dir/outgoing-mail.mbox
ENV
  echo "url=$url"
  echo "token=$token"
  echo "rt-server.sh: RT on $url in $(since "$started") s (database $database_time s," \
    "token $token_time s, server $server_time s)" >&2
}

# ---------------------------------------------------------------- restart

do_restart () {
  dir=$1
  [ -f "$dir/server.env" ] || die "no instance in $dir; use start"
  url=$(sed -n 's/^url=//p' "$dir/server.env")
  token=$(sed -n 's/^token=//p' "$dir/server.env")
  port=${url##*:}
  if [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
    return 0
  fi
  export RT_SITE_CONFIG="$dir/etc/RT_SiteConfig.pm"
  export RT_SITE_CONFIG_DIR="$dir/etc/RT_SiteConfig.d"
  export TMPDIR="$dir/tmp"
  export HOME="$dir"
  launch "$dir" "$port"
  if ! wait_until_up "$dir" "$url" "$token"; then
    tail -n 20 "$dir/server.log" >&2
    die "RT did not answer on $url"
  fi
}

# ------------------------------------------------------------------- stop

do_stop () {
  dir=$1
  if [ ! -f "$dir/server.pid" ]; then
    echo "rt-server.sh: no server was started in $dir" >&2
    return 0
  fi
  pid=$(cat "$dir/server.pid")
  case $pid in
    '' | *[!0-9]*) die "$dir/server.pid holds no pid" ;;
  esac
  # A pid file left by a server that has gone may name another process by
  # now: only signal a group whose leader is an rt-server.
  if kill -0 "$pid" 2>/dev/null && grep -q rt-server "/proc/$pid/cmdline" 2>/dev/null; then
    # TERM, not INT: on INT Debian's rt-server chowns /var/lib/request-tracker5.
    # Starlet's master stops its workers on TERM.
    kill -TERM "$pid"
    tries=0
    while kill -0 -"$pid" 2>/dev/null; do
      tries=$((tries + 1))
      if [ $tries -ge 300 ]; then
        echo "rt-server.sh: the server in $dir ignored TERM for 30 s; killing it" >&2
        kill -KILL -"$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
    done
  fi
  rm -f "$dir/server.pid"
}

case "${1:-}" in
  install)
    [ $# -eq 1 ] || usage
    do_install
    ;;
  start)
    [ $# -eq 2 ] || [ $# -eq 3 ] || usage
    do_start "$2" "${3:-}"
    ;;
  restart)
    [ $# -eq 2 ] || usage
    do_restart "$2"
    ;;
  stop)
    [ $# -eq 2 ] || usage
    do_stop "$2"
    ;;
  *)
    usage
    ;;
esac
