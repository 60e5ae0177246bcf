# Interleaved hyperfine rounds (bench/startup.sh, bench/code-cache.sh): `run_rounds ROUNDS RUNS CMD...`
# runs every command RUNS times per round, ROUNDS rounds, after a warm-up, and prints the machine's load
# before and after and the Markdown table (bench/rounds-table.cjs; the first command is the reference).
run_rounds() {
  local rounds=$1 runs=$2
  shift 2
  local before dir
  before=$(uptime)
  dir=$(mktemp -d)
  hyperfine -N --warmup 3 --runs 3 "$@" > /dev/null 2>&1 # warm-up: page cache
  for round in $(seq "$rounds"); do
    hyperfine -N --runs "$runs" --export-json "$dir/$round.json" "$@" > /dev/null 2>&1
  done
  echo "Before: $before"
  echo "After: $(uptime)"
  echo
  node bench/rounds-table.cjs "$dir"
  rm -rf "$dir"
}
