-- Complaint submission for wrk: every request a complete, valid complaint
-- with a form token of its own, made of RUN (from the environment), the
-- thread's number and a counter, so that afterwards each one can be looked
-- for in the database. Counts the answers by status.
local run = os.getenv("BENCH_RUN") or "bench"
local outlet = os.getenv("BENCH_OUTLET") or "1"
local region = os.getenv("BENCH_REGION") or "420607001"
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  ok, refused, other, n = 0, 0, 0, 0
  wrk.method = "POST"
  wrk.path = "/complaints"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local fixed = "&outlet=" .. outlet .. "&category=overcharge" ..
  "&description=%E5%BD%A9%E7%94%B5%E6%A0%87%E4%BB%B7%E8%B6%85%E8%BF%87%E9%99%90%E4%BB%B7%EF%BC%88%E5%8E%8B%E5%8A%9B%E6%B5%8B%E8%AF%95%EF%BC%89" ..
  "&name=%E5%8E%8B%E6%B5%8B&phone=13912345678&region=" .. region ..
  "&consent=1&action=submit"

function request()
  n = n + 1
  -- 43 characters: the run, the thread, then the count zero-filled, so
  -- that no two requests share a token.
  local head = string.format("%s-%02d-", run, id)
  local token = head .. string.format("%0" .. (43 - #head) .. "d", n)
  return wrk.format(nil, nil, nil, "form_token=" .. token .. fixed)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 429 then refused = refused + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = { ok = 0, refused = 0, other = 0, sent = 0 }
  for _, thread in ipairs(threads) do
    t.ok = t.ok + thread:get("ok")
    t.refused = t.refused + thread:get("refused")
    t.other = t.other + thread:get("other")
    t.sent = t.sent + thread:get("n")
  end
  io.write(string.format("complaints: sent %d ok %d refused %d other %d\n",
    t.sent, t.ok, t.refused, t.other))
end
