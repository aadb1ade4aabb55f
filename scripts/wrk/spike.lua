-- wrk script for the spike row of `make bench`: reads the brief pages listed
-- in a file (one path a line, the most popular first) with Zipf-like
-- popularity: the page at rank k is asked for in proportion to 1/k, so a few
-- stories get most of the requests and the long tail still gets some.
--   wrk ... -s spike.lua URL -- PATHS_FILE

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

function init_paths(args)
  paths = read_paths(args[1])
  cumulative = {}
  local total = 0
  for rank = 1, #paths do
    total = total + 1 / rank
    cumulative[rank] = total
  end
  for rank = 1, #paths do
    cumulative[rank] = cumulative[rank] / total
  end
  -- Each thread draws its own sequence.
  math.randomseed(os.time() + id * 7919)
end

local function pick()
  local target = math.random()
  local low, high = 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < target then
      low = middle + 1
    else
      high = middle
    end
  end
  return paths[low]
end

function request()
  return wrk.format(nil, pick())
end
