# jdxx — the 家电下乡 public portal. See README.md.
#
#   make run      set up everything, serve on http://127.0.0.1:$(PORT), Ctrl-C stops
#   make test     every suite; the last line reads "N passed, N failed"
#   make start | stop | status     the same instance in the background
#   make data     fill the instance with a generated national-size dataset
#                 (OUTLETS=200000 ENTERPRISES=1000 PRODUCTS=20000
#                 COMPLAINTS=1000000 NOTICES=2000 SEED=1; FORCE=1 replaces
#                 an earlier one)
#   make bench    load-test its own instance (BENCH_VAR, BENCH_PORT) with
#                 wrk; the report goes to bench-results/
#   make security sqlmap --level 5 --risk 3 over every parameter, on a
#                 throwaway instance (SECURITY_VAR, SECURITY_PORT)
#   make soak     10 minutes of mixed traffic at c=64, then valgrind over a
#                 public worker and over a staff worker (SOAK_VAR,
#                 SOAK_PORT, SOAK_SECONDS); make soak-staff: the staff one
#   make fuzz     every libFuzzer harness for FUZZ_SECONDS each (or until
#                 FUZZ_RUNS executions); prints executions and findings

VAR	?= var
PORT	?= 8080
# Durable commits wait on the disk: 8 workers let group commit fill (a
# 2-core benchmark: complaints 908/s with 4, 1,077/s with 8).
WORKERS	?= 8
BUILD	?= build
OUTLETS	?= 200000
ENTERPRISES ?= 1000
PRODUCTS ?= 20000
SEED	?= 1
FORCE	?= 0
SECURITY_VAR ?= $(BUILD)/security-var
SECURITY_PORT ?= 18088
SOAK_VAR ?= $(BUILD)/soak-var
SOAK_PORT ?= 18087
SOAK_SECONDS ?= 600
COMPLAINTS ?= 1000000
NOTICES	?= 2000
LOAD_TEST ?= 0
PAGE_CACHE ?= 1
BENCH_VAR ?= var-bench
BENCH_PORT ?= 8090
# The benchmark's workers: as many as the PHP-FPM peer's children, two a
# core (on 2 cores, 4 against 8: uncached county page 2,808 against 2,316
# req/s, tracking p99 17.7 against 23.0 ms, complaints 1,332 against 952/s).
BENCH_WORKERS ?= 4

CC	?= cc
CLANG	?= clang
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
PKGS	 = libmariadb libcmark libsodium jansson libmagic liboath libqrencode \
	   libcurl vips
CFLAGS	?= -O2 -g
# SANITIZE is set only by the sanitizer and fuzzing builds below.
SANITIZE ?=
BASE_CFLAGS = -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE -Isrc \
	   -I/usr/include/ClearSilver \
	   $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CFLAGS) $(SANITIZE) $(BASE_CFLAGS)
ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	   -fno-omit-frame-pointer
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined \
	   -fno-sanitize-recover=undefined -fno-omit-frame-pointer
LDLIBS	 = -lfcgi -lneo_cs -lneo_utl -lz \
	   $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# The FastCGI workers allocate and free some thousand small page-data nodes
# (ClearSilver's HDF) per request: tcmalloc's per-size free lists take a
# sixth off the county page's worker CPU against glibc's. Not under the
# sanitizers, which bring their own allocator.
WORKER_MALLOC = $(if $(SANITIZE),,-l:libtcmalloc_minimal.so.4)

# The layers, lowest first: each includes only the ones above it here.
LAYERS	 = base db domain import web
CORE	 = $(foreach l,$(LAYERS),$(patsubst src/%.c,%,$(wildcard src/$(l)/*.c)))
PUBLIC_OBJ = $(BUILD)/obj/cgi-public.o $(BUILD)/obj/cgi-public_page.o $(BUILD)/obj/cgi-public_outlets.o \
	   $(BUILD)/obj/cgi-public_products.o $(BUILD)/obj/cgi-public_api.o \
	   $(BUILD)/obj/cgi-public_complaints.o \
	   $(BUILD)/obj/cgi-public_complaint_photos.o \
	   $(BUILD)/obj/cgi-public_open311.o \
	   $(BUILD)/obj/cgi-public_stats.o
STAFF_OBJ = $(BUILD)/obj/cgi-staff.o $(BUILD)/obj/cgi-staff_page.o $(BUILD)/obj/cgi-staff_accounts.o \
	   $(BUILD)/obj/cgi-staff_notices.o $(BUILD)/obj/cgi-staff_complaints.o \
	   $(BUILD)/obj/cgi-staff_complaint_intake.o \
	   $(BUILD)/obj/cgi-staff_outlets.o \
	   $(BUILD)/obj/cgi-staff_apikeys.o \
	   $(BUILD)/obj/cgi-staff_products.o $(BUILD)/obj/cgi-staff_caps.o \
	   $(BUILD)/obj/cgi-staff_reports.o \
	   $(BUILD)/obj/cgi-staff_import.o \
	   $(BUILD)/obj/cgi-staff_product_import.o \
	   $(BUILD)/obj/cgi-staff_import_job.o \
	   $(BUILD)/obj/cgi-staff_totp.o $(BUILD)/obj/cgi-staff_signin.o
CORE_OBJ = $(CORE:%=$(BUILD)/obj/%.o)
PROGRAMS = $(BUILD)/public.fcgi $(BUILD)/staff.fcgi $(BUILD)/jdxx-staff \
	   $(BUILD)/jdxx-notify $(BUILD)/bench-fcgi $(BUILD)/bench-render
TESTS	 = $(BUILD)/unit-tests $(BUILD)/golden
FUZZERS	 = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

INSTANCE = env VAR=$(VAR) PORT=$(PORT) WORKERS=$(WORKERS) BUILD=$(BUILD) \
	   OUTLETS=$(OUTLETS) ENTERPRISES=$(ENTERPRISES) PRODUCTS=$(PRODUCTS) \
	   SEED=$(SEED) FORCE=$(FORCE) COMPLAINTS=$(COMPLAINTS) \
	   NOTICES=$(NOTICES) LOAD_TEST=$(LOAD_TEST) PAGE_CACHE=$(PAGE_CACHE) \
	   bash src/instance.sh

.PHONY: all deps run start stop status data bench test security soak \
	cluster-test \
	soak-staff asan fuzzers fuzz clean

all: $(PROGRAMS) $(TESTS)

$(BUILD)/obj/%.o: src/%.c src/*/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/cgi-%.o: cgi-bin/%.c cgi-bin/*.h src/*/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libjdxx.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $(CORE_OBJ)

$(BUILD)/public.fcgi: $(PUBLIC_OBJ) $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS) $(WORKER_MALLOC)

$(BUILD)/staff.fcgi: $(STAFF_OBJ) $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS) $(WORKER_MALLOC)

$(BUILD)/jdxx-staff: $(BUILD)/obj/tools/staffctl.o $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/jdxx-notify: $(BUILD)/obj/tools/notify.o $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench-fcgi: tests/bench/bench-fcgi.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< -lfcgi

# Allocating as the workers do.
$(BUILD)/bench-render: tests/bench/bench-render.c $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libjdxx.a $(LDLIBS) $(WORKER_MALLOC)

$(BUILD)/unit-tests: tests/unit/*.c tests/unit/*.h $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ tests/unit/*.c $(BUILD)/libjdxx.a \
	    $(LDLIBS)

$(BUILD)/golden: tests/golden/golden.c $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libjdxx.a $(LDLIBS)

# The same programs and tests built with ASan and UBSan, in their own
# directory; the test run serves the HTTP suite from them too.
asan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan CC=$(CLANG) \
	    CFLAGS='-O1 -g' SANITIZE='$(ASAN_FLAGS)' all

# The libFuzzer harnesses of tests/fuzz/, linked with the core built for
# fuzzing (coverage, ASan, UBSan).
fuzzers:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=$(CLANG) \
	    CFLAGS='-O1 -g' SANITIZE='$(FUZZ_FLAGS)' $(BUILD)/fuzz/libjdxx.a
	@$(MAKE) --no-print-directory $(FUZZERS)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/fuzz/libjdxx.a
	$(CLANG) -O1 -g $(subst fuzzer-no-link,fuzzer,$(FUZZ_FLAGS)) \
	    $(BASE_CFLAGS) -o $@ $< $(BUILD)/fuzz/libjdxx.a $(LDLIBS)

fuzz:
	@$(INSTANCE) deps test
	@$(MAKE) --no-print-directory fuzzers
	@BUILD=$(BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) \
	    bash tests/fuzz/run.sh

# Installs what is missing (as root) or says what to install.
deps:
	@$(INSTANCE) deps

run: deps
	@$(MAKE) --no-print-directory all
	@exec $(INSTANCE) run

start: deps
	@$(MAKE) --no-print-directory all
	@$(INSTANCE) start

stop:
	@$(INSTANCE) stop

status:
	@$(INSTANCE) status

data: deps
	@$(MAKE) --no-print-directory all
	@$(INSTANCE) generate

# Not part of make test: it takes half an hour and the whole machine.
bench:
	@$(INSTANCE) deps bench
	@$(MAKE) --no-print-directory all
	@env VAR=$(BENCH_VAR) PORT=$(BENCH_PORT) WORKERS=$(BENCH_WORKERS) \
	    BUILD=$(BUILD) OUTLETS=$(OUTLETS) ENTERPRISES=$(ENTERPRISES) \
	    PRODUCTS=$(PRODUCTS) COMPLAINTS=$(COMPLAINTS) NOTICES=$(NOTICES) \
	    SEED=$(SEED) bash tests/bench/bench.sh

test:
	@$(INSTANCE) deps test
	@$(MAKE) --no-print-directory all asan fuzzers
	@BUILD=$(BUILD) sh tests/run.sh

security:
	@$(INSTANCE) deps test
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) SECURITY_VAR=$(SECURITY_VAR) SECURITY_PORT=$(SECURITY_PORT) \
	    SECURITY_ONLY='$(value SECURITY_ONLY)' bash tests/security/sqlmap.sh full

# Not part of make test: three database servers, two app hosts and a
# front nginx on this machine through three crashes, about 3 minutes.
cluster-test:
	@$(INSTANCE) deps test
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) bash tests/cluster/run.sh

# Both halves run; either failing fails the target.
soak:
	@$(INSTANCE) deps test
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) SOAK_VAR=$(SOAK_VAR) SOAK_PORT=$(SOAK_PORT) \
	    SOAK_SECONDS=$(SOAK_SECONDS) bash tests/soak/run.sh; s=$$?; \
	    BUILD=$(BUILD) SOAK_VAR=$(SOAK_VAR) SOAK_PORT=$(SOAK_PORT) \
	    bash tests/soak/staff-valgrind.sh && exit $$s

soak-staff:
	@$(INSTANCE) deps test
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) SOAK_VAR=$(SOAK_VAR) SOAK_PORT=$(SOAK_PORT) \
	    bash tests/soak/staff-valgrind.sh

clean:
	rm -rf $(BUILD)
