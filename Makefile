# cadre - GNU make build. Quiet unless V=1.
#   make            build build/cadre
#   make run        install missing packages, build, create the demo database, show it
#   make test       install missing packages, run every test (also under ASan+UBSan)
#   make lint       layering and banned-function checks
#   make bench      national-scale benchmarks (see bench/README.md)
#   make fuzz       build the libFuzzer targets (clang)

CC ?= cc
PKGS := sqlite3 icu-uc icu-i18n jansson libsodium libmicrohttpd xlsxwriter zlib
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith \
	-Wcast-qual -Wformat=2 -Wno-format-nonliteral
ifeq ($(CI),true)
WARN += -Werror
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP
LIBS = $(PKG_LIBS) -lm -lpthread

ifeq ($(V),1)
Q :=
else
Q := @
endif

B ?= build
# Builds started by run, test and bench use every core unless -j was given.
JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 2))
# Sanitizer build for the test suite.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC := \
	src/lib/mem.c \
	src/lib/buf.c \
	src/lib/csv.c \
	src/lib/progress.c \
	src/lib/rng.c \
	src/core/err.c \
	src/core/audit.c \
	src/core/account.c \
	src/core/date.c \
	src/core/vname.c \
	src/core/text.c \
	src/core/clock.c \
	src/core/locfmt.c \
	src/core/vi_codes.c \
	src/core/vn_data.c \
	src/core/rules.c \
	src/core/member.c \
	src/core/org.c \
	src/core/report.c \
	src/core/complaint.c \
	src/store/store_complaint.c \
	src/store/store.c \
	src/store/schema.c \
	src/store/store_fig.c \
	src/store/store_import.c \
	src/store/store_search.c \
	src/store/store_admission.c \
	src/store/store_study.c \
	src/store/store_adm_fig.c \
	src/store/store_meet_fig.c \
	src/store/store_insp_fig.c \
	src/store/sorted_vtab.c \
	src/store/store_scratch.c \
	src/store/store_hb.c \
	src/store/store_training.c \
	src/store/store_insp.c \
	src/store/store_sheet.c \
	src/store/store_plan.c \
	src/core/fig.c \
	src/core/review.c \
	src/core/admission.c \
	src/core/docnum.c \
	src/core/discipline.c \
	src/core/meeting.c \
	src/core/cadres.c \
	src/store/store_cadres.c \
	src/app/app_cadres.c \
	src/app/demo_cadres.c \
	src/core/training.c \
	src/core/insp.c \
	src/core/plan.c \
	src/store/store_meeting.c \
	src/app/app_meeting.c \
	src/app/app_meet_import.c \
	src/app/app_doc_import.c \
	src/app/app_meet_export.c \
	src/app/app_cadres_io.c \
	src/app/app_training.c \
	src/app/app_insp.c \
	src/app/app_sheet.c \
	src/app/demo_sheet.c \
	src/app/app_plan.c \
	src/app/demo_meet.c \
	src/app/app.c \
	src/app/app_org.c \
	src/app/app_member.c \
	src/app/app_find.c \
	src/app/app_transfer.c \
	src/app/app_io.c \
	src/app/app_import.c \
	src/app/app_job.c \
	src/app/app_audit.c \
	src/app/app_account.c \
	src/app/app_json.c \
	src/app/app_review.c \
	src/app/app_discipline.c \
	src/app/app_admission.c \
	src/app/app_study.c \
	src/app/app_emulation.c \
	src/app/app_review_io.c \
	src/app/app_adm_import.c \
	src/app/app_adm_export.c \
	src/app/app_report.c \
	src/app/app_adm_fig.c \
	src/app/app_meet_fig.c \
	src/app/app_insp_fig.c \
	src/app/app_meet_fig_export.c \
	src/app/report_out.c \
	src/app/table_out.c \
	src/app/app_api.c \
	src/app/app_web.c \
	src/app/app_worklist.c \
	src/app/demo.c \
	src/app/demo_review.c \
	src/app/demo_disc.c \
	src/app/demo_adm.c \
	src/app/app_hb.c \
	src/app/demo_study.c \
	src/app/demo_training.c \
	src/app/demo_insp.c \
	src/app/demo_plan.c \
	src/app/app_complaint.c \
	src/app/demo_complaint.c \
	$(sort $(wildcard src/http/*.c)) \
	$(sort $(wildcard src/web/*.c))

CLI_SRC := \
	src/cli/main.c \
	src/cli/cli_util.c \
	src/cli/cmd_db.c \
	src/cli/cmd_org.c \
	src/cli/cmd_member.c \
	src/cli/cmd_io.c \
	src/cli/cmd_adm_export.c \
	src/cli/cmd_audit.c \
	src/cli/cmd_account.c \
	src/cli/cmd_review.c \
	src/cli/cmd_discipline.c \
	src/cli/cmd_admission.c \
	src/cli/cmd_study.c \
	src/cli/cmd_meeting.c \
	src/cli/cmd_cadres.c \
	src/cli/cmd_training.c \
	src/cli/cmd_insp.c \
	src/cli/cmd_sheet.c \
	src/cli/cmd_plan.c \
	src/cli/cmd_find.c \
	src/cli/cmd_adm_fig.c \
	src/cli/cmd_meet_fig.c \
	src/cli/cmd_insp_fig.c \
	src/cli/cmd_serve.c \
	src/cli/cmd_hb.c \
	src/cli/cmd_complaint.c

UNIT_TESTS := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

.PHONY: all run test unit-test cli-test lint bench fuzz deps clean san

all: $(B)/cadre $(B)/locale/vi/LC_MESSAGES/cadre.mo

# Translations: po/LANG.po (message ids are the English texts) compiled for the server.
# One catalogue may come in several files (po/vi.po, po/vi-*.po), one per part of the pages.
VI_PO := $(sort $(wildcard po/vi*.po))
$(B)/locale/vi/LC_MESSAGES/cadre.mo: $(VI_PO)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  MSGFMT  $@")
	$(Q)msgcat --use-first -o $(B)/locale/vi.po $(VI_PO) && msgfmt --check -o $@ $(B)/locale/vi.po

deps:
	@scripts/deps.sh

# --- normal build -----------------------------------------------------------------------
$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libcadre.a: $(LIB_SRC:%.c=$(B)/obj/%.o)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/cadre: $(CLI_SRC:%.c=$(B)/obj/%.o) $(B)/libcadre.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libcadre.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(B)/libcadre.a $(LIBS) -lcmocka

unit-bins: $(UNIT_TESTS:%=$(B)/tests/%)

# The OpenAPI description is assembled into this object (.incbin), which -MMD does not see.
$(B)/obj/src/http/api_openapi.o: src/http/openapi.json

$(B)/bench/cadre_bench $(B)/bench/load_reviews $(B)/bench/adm_bench $(B)/bench/meet_fig_bench $(B)/bench/vac_bench $(B)/bench/insp_bench: $(B)/bench/%: bench/%.c $(B)/libcadre.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(B)/libcadre.a $(LIBS)

# --- sanitizer build: same sources, separate tree --------------------------------------
san:
	@$(MAKE) --no-print-directory B=build/san CFLAGS="$(SAN_FLAGS)" all unit-bins

run: deps
	@$(MAKE) --no-print-directory $(JOBS) all
	@scripts/run.sh $(B)/cadre

# The plain and the sanitizer builds in one make, so that each fills the other's idle cores.
test: deps
	@$(MAKE) --no-print-directory $(JOBS) all unit-bins san
	@scripts/test.sh

lint:
	@scripts/lint.sh

bench: deps
	@$(MAKE) --no-print-directory $(JOBS) all
	@bench/run.sh

fuzz:
	@$(MAKE) --no-print-directory -f tests/fuzz/Makefile

clean:
	rm -rf build

-include $(shell find $(B) -name '*.d' 2>/dev/null)
