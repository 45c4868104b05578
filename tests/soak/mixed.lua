-- Mixed traffic for wrk: the public pages and APIs, tracking a filed
-- complaint, and one complaint filed in every ten requests (each with a
-- fresh form token). TRACK_NO and TRACK_CODE name a filed complaint.

local track = "/complaints/track?no=" .. (os.getenv("TRACK_NO") or "") ..
    "&code=" .. (os.getenv("TRACK_CODE") or "")
local reads = {
	"/", "/caps", "/subsidy?category=tv&price=1999",
	"/outlets?region=420607", "/outlets?q=%E5%AE%B6%E7%94%B5",
	"/outlets/1", "/outlets/check?q=13800000000", "/products?category=tv",
	"/products/check?model=L32-A1", "/enterprises", "/notices",
	"/notices/1", "/notices.atom", "/stats", "/api/v1/outlets?region=42",
	"/api/v1/products?category=tv", "/api/v1/regions?parent=4206",
	"/open311/v2/services.json", "/complaints/new?outlet=1", track,
}
local body = "outlet=1&category=overcharge&name=%E7%8E%8B%E4%BA%94" ..
    "&phone=13912345678&region=420607001&consent=1&action=submit" ..
    "&description=%E5%BD%A9%E7%94%B5%E7%BB%93%E8%B4%A6%E6%97%B6%E5%8A%A0" ..
    "%E6%94%B6%E9%80%81%E8%B4%A7%E8%B4%B9300%E5%85%83&form_token="
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local n = 0
local threads = {}

-- tid is a global of each thread's own state, set here from the main one.
function setup(thread)
	table.insert(threads, thread)
	thread:set("tid", #threads)
end

function init(args)
	stamp = os.time()
	filed = 0
end

function request()
	n = n + 1
	if n % 10 == 0 then
		filed = filed + 1
		-- 43 characters, unique per thread and run.
		local token = string.format("soak%03d%012d%024d", tid, stamp, n)
		return wrk.format("POST", "/complaints", headers, body .. token)
	end
	return wrk.format("GET", reads[(n % #reads) + 1])
end

function done(summary, latency, requests)
	local e = summary.errors
	local filed_all = 0
	for _, t in ipairs(threads) do filed_all = filed_all + t:get("filed") end
	io.write(string.format("soak: requests %d, complaints %d, errors " ..
	    "connect %d read %d write %d timeout %d status %d\n",
	    summary.requests, filed_all, e.connect, e.read, e.write, e.timeout,
	    e.status))
end
