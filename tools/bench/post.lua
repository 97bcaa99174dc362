-- wrk script: POST the same JSON body (BENCH_BODY, a file) to the URL's path, with the bearer token
-- BENCH_TOKEN when set. Used by tools/bench-service.
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
