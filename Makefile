# jdxx — the 家电下乡 public portal. See README.md.
#
#   make run      set up everything, serve on http://127.0.0.1:$(PORT), Ctrl-C stops
#   make test     every suite; the last line reads "N passed, N failed"
#   make start | stop | status     the same instance in the background
#   make data     fill the instance with a generated national-size dataset
#                 (OUTLETS=200000 ENTERPRISES=1000 PRODUCTS=20000 SEED=1;
#                 FORCE=1 replaces an earlier one)
#   make fuzz     every libFuzzer harness for FUZZ_SECONDS each (or until
#                 FUZZ_RUNS executions); prints executions and findings

VAR	?= var
PORT	?= 8080
WORKERS	?= 4
BUILD	?= build
OUTLETS	?= 200000
ENTERPRISES ?= 1000
PRODUCTS ?= 20000
SEED	?= 1
FORCE	?= 0

CC	?= cc
CLANG	?= clang
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
PKGS	 = libmariadb libcmark libsodium jansson libmagic
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

CORE	 = buf utf8 form param request response view log config db money \
	   prefork app caps notice password search filtered region outlet \
	   product enterprise json multipart session throttle audit account \
	   attachment workday complaint outlet_record apikey open311 \
	   caps_record product_record stats csv csv_read outlet_import \
	   product_import csv_text
PUBLIC_OBJ = $(BUILD)/obj/cgi-public.o $(BUILD)/obj/cgi-public_outlets.o \
	   $(BUILD)/obj/cgi-public_products.o $(BUILD)/obj/cgi-public_api.o \
	   $(BUILD)/obj/cgi-public_complaints.o $(BUILD)/obj/cgi-public_open311.o \
	   $(BUILD)/obj/cgi-public_stats.o
STAFF_OBJ = $(BUILD)/obj/cgi-staff.o $(BUILD)/obj/cgi-staff_accounts.o \
	   $(BUILD)/obj/cgi-staff_notices.o $(BUILD)/obj/cgi-staff_complaints.o \
	   $(BUILD)/obj/cgi-staff_outlets.o \
	   $(BUILD)/obj/cgi-staff_apikeys.o \
	   $(BUILD)/obj/cgi-staff_products.o $(BUILD)/obj/cgi-staff_caps.o \
	   $(BUILD)/obj/cgi-staff_reports.o \
	   $(BUILD)/obj/cgi-staff_import.o \
	   $(BUILD)/obj/cgi-staff_product_import.o
CORE_OBJ = $(CORE:%=$(BUILD)/obj/%.o)
PROGRAMS = $(BUILD)/public.fcgi $(BUILD)/staff.fcgi $(BUILD)/jdxx-staff
TESTS	 = $(BUILD)/unit-tests $(BUILD)/golden
FUZZERS	 = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

INSTANCE = env VAR=$(VAR) PORT=$(PORT) WORKERS=$(WORKERS) BUILD=$(BUILD) \
	   OUTLETS=$(OUTLETS) ENTERPRISES=$(ENTERPRISES) PRODUCTS=$(PRODUCTS) \
	   SEED=$(SEED) FORCE=$(FORCE) bash src/instance.sh

.PHONY: all deps run start stop status data test asan fuzzers fuzz clean

all: $(PROGRAMS) $(TESTS)

$(BUILD)/obj/%.o: src/%.c src/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/cgi-%.o: cgi-bin/%.c cgi-bin/*.h src/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libjdxx.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $(CORE_OBJ)

$(BUILD)/public.fcgi: $(PUBLIC_OBJ) $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/staff.fcgi: $(STAFF_OBJ) $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/jdxx-staff: $(BUILD)/obj/staffctl.o $(BUILD)/libjdxx.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

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

test:
	@$(INSTANCE) deps test
	@$(MAKE) --no-print-directory all asan fuzzers
	@BUILD=$(BUILD) sh tests/run.sh

clean:
	rm -rf $(BUILD)
