#!/usr/bin/env bash
# Smoke test of tests/servers/rt-server.sh and of the REST2 behaviours of
# Request Tracker 5.0.3 that Steward's sync engine is written against
# (README.md beside this file lists them).
#
#   tests/servers/rt-smoke.sh [DIR]
#
# Installs RT's packages if they are missing, starts a new instance in DIR
# (a new temporary folder if none is given; DIR must not exist or be
# empty), talks to it with curl, stops it and removes DIR. On a failure the
# server is stopped too, but DIR is kept for its logs. Output is TAP, with
# the time of each step and request as comments. The auth token is read
# from DIR/server.env and never printed.

# The Perl expressions given to json () are in single quotes on purpose.
# shellcheck disable=SC2016
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
server=$here/rt-server.sh

if [ $# -ge 1 ]; then
  dir=$1
  made_parent=
else
  made_parent=$(mktemp -d)
  dir=$made_parent/rt
fi
case $dir in
  /*) ;;
  *) dir=$(pwd)/$dir ;;
esac

work=$(mktemp -d)
tests=0
failures=0
started=

finish () {
  status=$?
  if [ -n "$started" ]; then
    "$server" stop "$dir" || true
  fi
  rm -rf "$work"
  if [ $failures -gt 0 ] || [ $status -ne 0 ]; then
    echo "# failed; the instance's files are in $dir"
    [ $status -ne 0 ] || status=1
  fi
  exit $status
}
trap finish EXIT

now () {
  date +%s%N
}

# Milliseconds since $1.
ms_since () {
  echo $((($(now) - $1) / 1000000))
}

ok () {
  tests=$((tests + 1))
  echo "ok $tests - $1"
}

not_ok () {
  tests=$((tests + 1))
  failures=$((failures + 1))
  echo "not ok $tests - $1"
  shift
  for line in "$@"; do
    echo "#   $line"
  done
  if [ -s "$work/body" ]; then
    { cat "$work/body"; echo; } | sed 's/^/#   | /' | head -n 20
  fi
}

# check DESCRIPTION ACTUAL EXPECTED
check () {
  if [ "$2" = "$3" ]; then
    ok "$1"
  else
    not_ok "$1" "expected: $3" "got:      $2"
  fi
}

# check_match DESCRIPTION ACTUAL EXTENDED-REGEX
check_match () {
  if printf '%s' "$2" | grep -Eq -- "$3"; then
    ok "$1"
  else
    not_ok "$1" "expected to match: $3" "got: $2"
  fi
}

bail () {
  echo "Bail out! $*"
  exit 1
}

# req NAME METHOD PATH [CURL-ARGS...]: one REST2 request with the token.
# Leaves the status in $code, the body in $work/body and the response
# headers in $work/headers, and notes the time taken under NAME.
req () {
  local name=$1 method=$2 path=$3 out
  shift 3
  case $path in
    http*) ;;
    *) path=$rest$path ;;
  esac
  out=$(curl -s -X "$method" -o "$work/body" -D "$work/headers" \
    -w '%{http_code} %{time_total}' -H "Authorization: token $token" \
    "$@" "$path") || true
  code=${out% *}
  echo "$name $(awk -v t="${out#* }" 'BEGIN { printf "%d", t * 1000 }')" >> "$work/latencies"
}

# req_json NAME METHOD PATH JSON [CURL-ARGS...]
req_json () {
  local name=$1 method=$2 path=$3 body=$4
  shift 4
  req "$name" "$method" "$path" -H 'Content-Type: application/json' --data-binary "$body" "$@"
}

# The value of a response header, without its line end.
header () {
  sed -n "s/^$1: *//Ip" "$work/headers" | tr -d '\r' | head -n 1
}

# json EXPR: EXPR is Perl with the body decoded in $j; prints its value
# as JSON (so 1 and "1" differ), or "absent".
json () {
  perl -MJSON::PP -e '
    my $j = JSON::PP->new->decode(do { local $/; <STDIN> });
    my $v = eval $ARGV[0];
    die $@ if $@;
    print defined $v ? JSON::PP->new->allow_nonref->canonical->encode($v) : "absent";
  ' "$1" < "$work/body" 2>&1
}

# The query part of a URL, with the TicketSQL encoded.
query () {
  local sql=$1
  shift
  local q
  q=$(perl -MURI::Escape -e 'print uri_escape($ARGV[0])' "$sql")
  printf '?query=%s' "$q"
  for arg in "$@"; do
    printf '&%s' "$arg"
  done
}

# ------------------------------------------------------------------ setup

t=$(now)
if ! "$server" install >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  bail "rt-server.sh install failed"
fi
echo "# install: $(ms_since "$t") ms"

t=$(now)
if ! "$server" start "$dir" >/dev/null 2>"$work/start.log"; then
  sed 's/^/# /' "$work/start.log"
  bail "rt-server.sh start failed"
fi
started=1
echo "# start: $(ms_since "$t") ms ($(sed -n 's/.*in \(.*\) s (\(.*\))$/\1 s: \2/p' "$work/start.log"))"
[ -f "$dir/server.env" ] || bail "start wrote no $dir/server.env"
url=$(sed -n 's/^url=//p' "$dir/server.env")
token=$(sed -n 's/^token=//p' "$dir/server.env")
rest=$url/REST/2.0
check_match "server.env has a loopback URL" "$url" '^http://127\.0\.0\.1:[0-9]+$'
check_match "server.env has an auth token" "${token:0:5}" '^1-[0-9]+-'
check "server.env is readable by its owner only" "$(stat -c %a "$dir/server.env")" 600

# -------------------------------------------------------------- the basics

req rt GET /rt
check "GET /rt answers" "$code" 200
check_match "GET /rt names RT 5.0" "$(json '$j->{Version}')" '^"5\.0\.'

out=$(curl -s -o "$work/body" -w '%{http_code}' -H 'Authorization: token 1-14-00000000000000000000000000000000' "$rest/rt")
check "a wrong token is refused" "$out" 401
check "a wrong token's body" "$(json '$j->{message}')" '"Unauthorized"'

user=$(sed -n 's/^user=//p' "$dir/server.env")
password=$(sed -n 's/^password=//p' "$dir/server.env")
out=$(curl -s -o "$work/body" -w '%{http_code}' -u "$user:$password" "$rest/rt")
check "HTTP Basic with server.env's user and password works" "$out" 200

# Whole seconds in UTC, the form TicketSQL reads correctly.
since=$(date -u '+%Y-%m-%d %H:%M:%S')

# ------------------------------------------------------------------ create

req_json create POST /ticket '{"Queue":"General","Subject":"Smoke ticket 1","Content":"Made by rt-smoke.sh","Requestor":"smoke@example.invalid","Priority":5}'
check "POST /ticket creates a ticket" "$code" 201
id=$(json '$j->{id}')
check_match "the created ticket's id is a string" "$id" '^"[0-9]+"$'
id=${id//\"/}
check "Location names the new ticket" "$(header Location)" "/REST/2.0/ticket/$id"
check "the created ticket's _url uses 127.0.0.1" "$(json '$j->{_url}')" "\"$rest/ticket/$id\""

for n in 2 3; do
  req_json create POST /ticket "{\"Queue\":\"General\",\"Subject\":\"Smoke ticket $n\",\"Content\":\"Made by rt-smoke.sh\"}"
  check "POST /ticket creates ticket $n" "$code" 201
done

# -------------------------------------------------------------------- read

req get GET "/ticket/$id"
check "GET /ticket/$id answers" "$code" 200
check "a record's id is a number" "$(json '$j->{id}')" "$id"
check "the subject reads back" "$(json '$j->{Subject}')" '"Smoke ticket 1"'
check "a new ticket is new" "$(json '$j->{Status}')" '"new"'
check "the priority reads back, as a string" "$(json '$j->{Priority}')" '"5"'
check "the queue is General (1), as a string" "$(json '$j->{Queue}{id}')" '"1"'
check "the requestor reads back" "$(json '$j->{Requestor}[0]{id}')" '"smoke@example.invalid"'
check "an unset date is 1970" "$(json '$j->{Due}')" '"1970-01-01T00:00:00Z"'
check_match "LastUpdated is ISO 8601 UTC in whole seconds" "$(json '$j->{LastUpdated}')" \
  '^"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"$'
etag1=$(header ETag)
check_match "GET ticket returns an ETag" "$etag1" '^"[0-9]+"$'
check_match "Last-Modified is ISO 8601, not an HTTP-date" "$(header Last-Modified)" \
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$'

req get_304 GET "/ticket/$id" -H "If-None-Match: $etag1"
check "If-None-Match with the current ETag gives 304" "$code" 304

req get_ims GET "/ticket/$id" -H 'If-Modified-Since: Sun, 01 Nov 2026 00:00:00 GMT'
check "If-Modified-Since in the past gives 500 (RT bug: never send it)" "$code" 500

req history GET "/ticket/$id/history?fields=Type,Field,OldValue,NewValue,Created"
check "GET /ticket/$id/history answers" "$code" 200
check "the history starts with the create" "$(json '$j->{items}[0]{Type}')" '"Create"'

# ------------------------------------------------------------------ search

sql="LastUpdated >= '$since' AND Subject LIKE 'Smoke ticket'"
req search GET "/tickets$(query "$sql" orderby=id order=ASC fields=Subject,Status,LastUpdated)"
check "a search by LastUpdated answers" "$code" 200
check "it finds the three tickets" "$(json '$j->{total}')" 3
check "items come in id order, with string ids" "$(json 'join ",", map { $_->{id} } @{$j->{items}}')" \
  "\"$id,$((id + 1)),$((id + 2))\""
check "fields= adds the fields to each item" "$(json '$j->{items}[0]{Subject}')" '"Smoke ticket 1"'

req search GET "/tickets$(query "Updated >= '$since'" orderby=id)"
check "Updated is an alias of LastUpdated" "$(json '$j->{total}')" 3

today=$(date -u +%Y-%m-%d)
req search GET "/tickets$(query "LastUpdated > '$today 23:59:59'" orderby=id)"
check "a time later today finds nothing" "$(json '$j->{total}')" 0
req search GET "/tickets$(query "LastUpdated > '${today}T23:59:59+00:00'" orderby=id)"
check "an ISO time with +00:00 is read right" "$(json '$j->{total}')" 0
req search GET "/tickets$(query "LastUpdated > '${today}T23:59:59Z'" orderby=id)"
check "an ISO time with Z is misread as midnight (RT bug: never send Z)" "$(json '$j->{total}')" 3

req search GET "/tickets$(query "Subject LIKE 'Smoke ticket'" orderby=id order=DESC)"
check "order=DESC reverses the order" "$(json '$j->{items}[0]{id}')" "\"$((id + 2))\""

req search GET /tickets
check "a search without a query finds nothing" "$(json '$j->{total}')" 0
check_match "an empty result has pages 0.0, a float" "$(tr -d ' \n' < "$work/body")" '"pages":0\.0[,}]'

# ------------------------------------------------------------------- pages

req page GET "/tickets$(query "$sql" per_page=2 page=1 orderby=id order=ASC)"
check "per_page=2 gives two items" "$(json '$j->{count}')" 2
check "per_page reads back" "$(json '$j->{per_page}')" 2
check "total counts every match (root sees all)" "$(json '$j->{total}')" 3
check "pages counts the pages" "$(json '$j->{pages}')" 2
check "the first page has no prev_page" "$(json 'exists $j->{prev_page} ? "present" : undef')" absent
next=$(json '$j->{next_page}')
check_match "next_page asks for page 2, with the junk &=&" "$next" '&=&.*page=2'
next=${next//\"/}
req page GET "$next"
check "following next_page gives the last item" "$(json '$j->{items}[0]{id}')" "\"$((id + 2))\""
check "the last page has no next_page" "$(json 'exists $j->{next_page} ? "present" : undef')" absent
check_match "the last page has a prev_page" "$(json '$j->{prev_page}')" 'page=1'

req page GET "/tickets$(query "$sql" per_page=0)"
check "per_page=0 falls back to 20" "$(json '$j->{per_page}')" 20
req page GET "/tickets$(query "$sql" per_page=1000)"
check "per_page is capped at 100" "$(json '$j->{per_page}')" 100

# ------------------------------------------------------ optimistic writes

req_json update PUT "/ticket/$id" '{"Subject":"Smoke ticket 1 (edited)","Status":"open"}' -H "If-Match: $etag1"
check "PUT with the current If-Match is accepted" "$code" 200
check_match "PUT answers with change messages" "$(json '$j->[0]')" "^\"Ticket $id: "

req get GET "/ticket/$id"
etag2=$(header ETag)
check "the edit reads back" "$(json '$j->{Subject}')" '"Smoke ticket 1 (edited)"'
if [ -n "$etag2" ] && [ "$etag2" != "$etag1" ]; then
  ok "the ETag changes on an update ($etag1 -> $etag2)"
else
  not_ok "the ETag changes on an update" "before: $etag1" "after:  $etag2"
fi

req_json update_412 PUT "/ticket/$id" '{"Subject":"Lost edit"}' -H "If-Match: $etag1"
check "PUT with a stale If-Match is refused with 412" "$code" 412
check "412's body" "$(json '$j->{message}')" '"Precondition Failed"'
req get GET "/ticket/$id"
check "the refused edit changed nothing" "$(json '$j->{Subject}')" '"Smoke ticket 1 (edited)"'
check "nor the ETag" "$(header ETag)" "$etag2"

req comment POST "/ticket/$id/comment" -H 'Content-Type: text/plain' --data-binary 'A comment from rt-smoke.sh'
check "POST /ticket/$id/comment is accepted" "$code" 201
req get GET "/ticket/$id"
etag3=$(header ETag)
if [ -n "$etag3" ] && [ "$etag3" != "$etag2" ]; then
  ok "a comment changes the ETag too ($etag2 -> $etag3)"
else
  not_ok "a comment changes the ETag too" "before: $etag2" "after:  $etag3"
fi

req_json update PUT "/ticket/$id" '{"Priority":7}'
check "PUT without If-Match is accepted (last writer wins)" "$code" 200

req get GET /ticket/999999
check "GET of a ticket that does not exist gives 404" "$code" 404

# ------------------------------------------------------ replies and deletes

second=$((id + 1))
req_json update PUT "/ticket/$second" '{"Status":"resolved"}'
req comment POST "/ticket/$second/comment" -H 'Content-Type: text/plain' --data-binary 'A note'
req get GET "/ticket/$second"
check "a comment leaves a resolved ticket resolved" "$(json '$j->{Status}')" '"resolved"'
req correspond POST "/ticket/$second/correspond" -H 'Content-Type: text/plain' --data-binary 'A reply'
check "POST /ticket/$second/correspond is accepted" "$code" 201
req get GET "/ticket/$second"
check "a reply reopens a resolved ticket (RT's own scrip)" "$(json '$j->{Status}')" '"open"'

third=$((id + 2))
req get GET "/ticket/$third"
etag_before=$(header ETag)
req delete DELETE "/ticket/$third"
check "DELETE /ticket/$third is accepted with 204" "$code" 204
req get GET "/ticket/$third"
check "a deleted ticket can still be read" "$code" 200
check "and its status is deleted" "$(json '$j->{Status}')" '"deleted"'
if [ "$(header ETag)" != "$etag_before" ]; then
  ok "a delete changes the ETag"
else
  not_ok "a delete changes the ETag" "still $etag_before"
fi
req search GET "/tickets$(query "id = $third")"
check "a deleted ticket is in no search, even by id" "$(json '$j->{total}')" 0
req search GET "/tickets$(query "Status = 'deleted'")"
check "nor when searching for deleted ones" "$(json '$j->{total}')" 0

# -------------------------------------------------------------------- mail

if grep -q '^To: .*smoke@example.invalid' "$dir/outgoing-mail.mbox" 2>/dev/null; then
  ok "the autoreply to the requestor went to outgoing-mail.mbox"
else
  not_ok "the autoreply to the requestor went to outgoing-mail.mbox"
fi

# ------------------------------------------------------------------ timing

echo "# latency in ms (min / median / max, count):"
sort -k1,1 -k2,2n "$work/latencies" | awk '
  { v[$1, ++n[$1]] = $2 }
  END {
    for (k in n)
      printf "#   %-10s %4d / %4d / %4d  (%d)\n", k, v[k, 1], v[k, int((n[k] + 1) / 2)], v[k, n[k]], n[k]
  }' | sort

# -------------------------------------------------------------------- stop

pid=$(cat "$dir/server.pid")
t=$(now)
"$server" stop "$dir"
started=
echo "# stop: $(ms_since "$t") ms"
if kill -0 -"$pid" 2>/dev/null; then
  not_ok "stop leaves no server process"
else
  ok "stop leaves no server process"
fi
out=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$rest/rt") || true
check "nothing answers on the port after stop" "$out" 000
if [ -f "$dir/server.pid" ]; then
  not_ok "stop removes server.pid"
else
  ok "stop removes server.pid"
fi
"$server" stop "$dir" 2>/dev/null
check "stop again does nothing and succeeds" "$?" 0

# Debian's own places must not have been touched.
touched=$(find /etc/request-tracker5 /var/lib/request-tracker5 /var/cache/request-tracker5 \
  /var/log/request-tracker5 /var/mail /var/spool/dma -newer "$dir/etc/RT_SiteConfig.pm" 2>/dev/null)
check "nothing was written under /etc or /var" "$touched" ""
if grep -rqF --exclude=server.env -e "$token" "$dir"; then
  not_ok "the token is in no file but server.env"
else
  ok "the token is in no file but server.env"
fi

echo "1..$tests"
if [ $failures -eq 0 ]; then
  rm -rf "$dir"
  [ -z "$made_parent" ] || rmdir "$made_parent"
fi
