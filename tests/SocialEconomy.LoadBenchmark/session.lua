-- wrk script of the load benchmark (Program.cs): every request carries the auth cookie of
-- one of the signed-in sessions, read from the file named by LOAD_COOKIES (one Cookie
-- header value per line). Each thread starts at a different session and rotates through
-- them, so the server sees many users, not one. At the end it prints one line of exact
-- percentiles from wrk's own histogram (wrk --latency prints no p95).
local cookies = {}
for line in io.lines(os.getenv("LOAD_COOKIES")) do
  if #line > 0 then cookies[#cookies + 1] = line end
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local requests = {}
local next_request = 1

function init(args)
  for i = 1, #cookies do
    requests[i] = wrk.format("GET", wrk.path, { ["Cookie"] = cookies[i] })
  end
  next_request = (id % #cookies) + 1
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "LOAD-RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d mean_us=%.1f max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
