-- wrk script for Scripts/bench-serve (issue 13): a mix of what the page sends. Seeded per thread so runs are
-- comparable; envelopes from random points are new computations (not cache hits), reach requests are the
-- map clicks, the rest are light.
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
-- `-- light` (Scripts/test, debug build): no new envelopes and no coverage, so a slow build still completes requests every run.
local light = false
function init(args) math.randomseed(seed * 7919); light = args[1] == "light" end

local json_headers = { ["Content-Type"] = "application/json" }

function request()
  local r = math.random(1, 20)
  if r <= 3 then
    return wrk.format("GET", "/api/health")
  elseif r <= 5 then
    return wrk.format("GET", "/api/weapons")
  elseif r <= 7 then
    local q = ({ "Kursk", "Bryansk", "%D0%91%D1%80%D1%8F%D0%BD%D1%81%D0%BA", "UA-RU", "Kharkov" })[math.random(1, 5)]
    return wrk.format("GET", "/api/lookup?q=" .. q)
  elseif r <= 8 then
    return wrk.format("GET", "/static/app.js")
  elseif r <= 14 then
    -- a click: distance from the (cached) launch area to a random point
    local body = string.format('{"launch":["region:UA-59"],"weapons":["gmlrs","atacms"],"targets":["%.4f,%.4f"]}',
      44 + math.random() * 15, 25 + math.random() * 20)
    return wrk.format("POST", "/api/reach", json_headers, body)
  elseif r <= 17 then
    return wrk.format("POST", "/api/envelope", json_headers, '{"launch":["region:UA-59"],"weapons":["gmlrs"]}')
  elseif r <= 19 and not light then
    -- a new envelope every time: a random point launch
    local body = string.format('{"launch":["%.4f,%.4f"],"weapons":[{"name":"x","range":"%dkm"}]}',
      -60 + math.random() * 120, -180 + math.random() * 360, math.random(50, 1500))
    return wrk.format("POST", "/api/envelope", json_headers, body)
  elseif r == 20 and not light then
    return wrk.format("POST", "/api/coverage", json_headers, '{"launch":["region:UA-59"],"weapons":["gmlrs"],"regions":["RU-KRS"]}')
  else
    return wrk.format("GET", "/api/health")
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, socket errors connect %d read %d write %d timeout %d, non-2xx/3xx %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%s %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max %.1f ms\n", latency.max / 1000))
end
