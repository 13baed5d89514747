-- http.lua - the wrk script of the server benchmark (bench/http.sh). Every request carries
-- the bearer token; the path is BENCH_PATH with "{}" replaced by a member id drawn at random
-- from 1..BENCH_MAX_ID, or by the next value of the comma-separated BENCH_VALUES in turn.
-- At the end it prints one line for bench/http.sh:
--   http NAME requests=N seconds=S rps=R p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. non2xx=N errors=N
local counter = 0

function setup(thread)
	counter = counter + 1
	thread:set("thread_no", counter)
end

local path_pattern, max_id, values, next_value

function init(args)
	path_pattern = os.getenv("BENCH_PATH") or "/"
	max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1")
	values = {}
	for v in string.gmatch(os.getenv("BENCH_VALUES") or "", "[^,]+") do
		values[#values + 1] = v
	end
	-- Each thread its own sequence, the same from run to run.
	math.randomseed(1000 + (thread_no or 0))
	next_value = (thread_no or 0) * 7
	local token = os.getenv("CADRE_TOKEN")
	if token then
		wrk.headers["Authorization"] = "Bearer " .. token
	end
	-- The pages for people only (the tree, the home page) take a session: CADRE_COOKIE.
	local cookie = os.getenv("CADRE_COOKIE")
	if cookie and cookie ~= "" then
		wrk.headers["Cookie"] = cookie
	end
end

function request()
	local v
	if #values > 0 then
		next_value = next_value + 1
		v = values[(next_value % #values) + 1]
	else
		v = tostring(math.random(1, max_id))
	end
	-- "%" is special in a gsub replacement ("%20" in a query).
	return wrk.format("GET", (path_pattern:gsub("{}", (v:gsub("%%", "%%%%")))))
end

function done(summary, latency, requests)
	local s = summary.duration / 1e6
	local e = summary.errors
	io.write(string.format("http %s requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f " ..
		"p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n", os.getenv("BENCH_NAME") or "run",
		summary.requests, s, summary.requests / s, latency:percentile(50) / 1000,
		latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
		e.status, e.connect + e.read + e.write + e.timeout))
end
