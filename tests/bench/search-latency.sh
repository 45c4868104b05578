#!/usr/bin/env bash
# Median and 90th-percentile latency of directory searches through nginx.
#   tests/bench/search-latency.sh [BASE_URL] [REQUESTS]
# One client, sequential requests, after a warm-up of 5 requests per page.
set -eu
BASE=${1:-http://127.0.0.1:8080}
N=${2:-50}
pages=(
	"county:/outlets?region=420607"
	"county-page-5:/outlets?region=420607&page=5"
	"province:/outlets?region=42"
	"keyword-rare:/outlets?q=%E5%BC%A0%E6%B9%BE"
	"keyword-frequent:/outlets?q=%E5%AE%B6%E7%94%B5"
	"keyword-in-county:/outlets?region=420607&q=%E5%8D%8E"
	"frequent-in-county:/outlets?region=420607&q=%E5%AE%B6%E7%94%B5"
	"store-check-regno:/outlets/check?q=XY-420607-0001"
	"store-check-name:/outlets/check?q=%E5%BC%A0%E6%B9%BE"
	"api-county:/api/v1/outlets?region=420607"
	"products-tv:/products?category=tv"
)
printf '%-20s %8s %8s %8s %8s\n' page p50_ms p90_ms bytes status
for entry in "${pages[@]}"; do
	name=${entry%%:*}
	path=${entry#*:}
	for i in 1 2 3 4 5; do curl -s -o /dev/null "$BASE$path"; done
	times=$(for i in $(seq 1 "$N"); do
		curl -s -o /dev/null -w '%{time_total}\n' "$BASE$path"
	done | sort -n)
	p50=$(printf '%s\n' "$times" | awk -v n="$N" 'NR == int((n + 1) / 2) { printf "%.1f", $1 * 1000 }')
	p90=$(printf '%s\n' "$times" | awk -v n="$N" 'NR == int(n * 0.9) { printf "%.1f", $1 * 1000 }')
	meta=$(curl -s -o /dev/null -w '%{size_download} %{http_code}' "$BASE$path")
	printf '%-20s %8s %8s %8s %8s\n' "$name" "$p50" "$p90" ${meta}
done
