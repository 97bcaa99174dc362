-- wrk script: POST /auth/login with a different body each time, read from BENCH_BODY (one JSON body per
-- line, each with its own single-use challenge). Thread i of n takes lines i, i+n, i+2n…; once its share
-- is used up it replays line 1, which the service refuses, and wrk counts that as a non-2xx response.
local next_id = 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  lines = {}
  for line in io.lines(os.getenv("BENCH_BODY")) do
    lines[#lines + 1] = line
  end
  step = tonumber(os.getenv("BENCH_THREADS") or "1")
  position = id
end

function request()
  local body = lines[position] or lines[1]
  position = position + step
  return wrk.format("POST", "/auth/login", { ["Content-Type"] = "application/json" }, body)
end
