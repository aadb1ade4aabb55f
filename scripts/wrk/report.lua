-- wrk script for `make bench`: counts responses by status code in every
-- thread and prints one machine-readable summary line when the run is done:
--   BENCH_JSON {"requests": ..., "duration_us": ..., "p50_us": ..., ...}
-- miss.lua and spike.lua load it for the same summary.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  if init_paths then
    init_paths(args)
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- The paths listed one a line in a file, for the scripts that spread requests.
function read_paths(filename)
  local paths = {}
  for line in io.lines(filename) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  return paths
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, ' ..
    '"statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status,
    table.concat(parts, ", ")))
end
