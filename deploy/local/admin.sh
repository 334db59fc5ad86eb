# shellcheck shell=bash
# Shared by the admin command-line tools of deploy/local (backfill, rebuild; sourced, not run): calling an admin
# endpoint with the admin key, reading a field of its JSON answer, drawing a progress line.

# The value of a top-level field of a flat JSON object: a string without its quotes, a number, or null.
field() {
  sed -n "s/.*\"$1\": *\(\"[^\"]*\"\|[^,}]*\).*/\1/p" <<< "$2" | tr -d '"'
}

# curl with the admin key ($ORGPULSE_ADMIN_KEY) and a JSON body type; further arguments are curl's.
call() {
  curl -sS --max-time 10 -H "Authorization: Bearer $ORGPULSE_ADMIN_KEY" -H 'Content-Type: application/json' "$@"
}

# Stops the tool unless the admin key is set and curl is there; $1 names the tool in the message.
require_admin_tools() {
  [ -n "${ORGPULSE_ADMIN_KEY:-}" ] || { echo "$1: set ORGPULSE_ADMIN_KEY (the admin key the services run with)" >&2; exit 2; }
  command -v curl > /dev/null || { echo "$1: needs curl" >&2; exit 2; }
}

# A bar of $3 characters, '#' for the part $1 of $2 done, '.' for the rest (all '.' while $2 is 0).
progress_bar() {
  local done=$1 total=$2 width=$3 filled=0
  [ "$total" -gt 0 ] && filled=$((done * width / total))
  [ "$filled" -gt "$width" ] && filled=$width
  printf '%*s' "$filled" '' | tr ' ' '#'
  printf '%*s' $((width - filled)) '' | tr ' ' '.'
}

# Seconds as 1m05s; '---' for null (unknown).
eta_text() {
  if [ "$1" = null ] || [ -z "$1" ]; then
    echo ---
  else
    printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
  fi
}
