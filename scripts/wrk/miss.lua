-- wrk script for the page-cache miss row of `make bench`: every request asks
-- for one of the brief pages listed in a file (one path a line) under a URL
-- never asked before, since the page cache keys on the full URL:
--   wrk ... -s miss.lua URL -- PATHS_FILE RUN_TOKEN
-- RUN_TOKEN keeps two runs against the same server apart.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

function init_paths(args)
  paths = read_paths(args[1])
  token = args[2] or "run"
  counter = 0
end

function request()
  counter = counter + 1
  local path = paths[(counter - 1) % #paths + 1]
  return wrk.format(nil, string.format("%s?r=%s-%d-%d", path, token, id, counter))
end
