# scrapelint: the two commands of the README's quick start, and the rest of the routine.
PREFIX ?= /usr/local
SWIFT ?= swift
# Root installs directly; anyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build release demo test rules-test quality bench scaling install clean

all: build

# PCRE2's header and pkg-config file come from Debian's libpcre2-dev; a fresh machine lacks them.
deps:
	@if [ ! -f /usr/include/pcre2.h ] || ! command -v pkg-config >/dev/null; then \
		echo "installing libpcre2-dev and pkg-config"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpcre2-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Lints Examples/ (the seed article and a text of our own). Findings make scrapelint exit 1,
# which is the point of the demo, so only 2 (trouble) fails this target.
demo: release
	@.build/release/scrapelint Examples/; status=$$?; [ $$status -le 1 ]

# The real clients the tests run: the SARIF validator needs Python's jsonschema, the editor
# test Vim with its scripting (vim-nox; vim-tiny lacks it), the sharding test GNU parallel.
test-deps:
	@missing=""; \
	if ! command -v vim >/dev/null || vim --version | grep -q -- '-eval'; then missing="$$missing vim-nox"; fi; \
	command -v parallel >/dev/null || missing="$$missing parallel"; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

test: deps test-deps
	$(SWIFT) test --disable-xctest

# The rule examples alone, as rule authors run them in their own CI.
rules-test: build
	.build/debug/scrapelint rules test Rules

# The rules measured on ../shared/corpus: boilerplate precision and recall against the labels,
# findings per 10,000 words on the gold texts, merged-source recall and false alarms.
quality: release
	.build/release/scrapelint-quality ../shared/corpus

# Speed, memory and start-up against typos, proselint and rg (BENCH_MB=200 by default).
bench: deps
	Benchmarks/bench.sh

# Whether any cost grows faster than the text: each shape of odd input at n and at 2n (by hand).
scaling: release
	Benchmarks/scaling.py .build/release/scrapelint

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/scrapelint $(DESTDIR)$(PREFIX)/bin/scrapelint

clean:
	rm -rf .build
