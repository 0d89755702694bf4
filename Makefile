# Thin wrappers; CMake does the work. See README.md.
.PHONY: run test bench deps web-deps build build-asan fuzz clean

deps:
	scripts/install-deps

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release

run: build
	./build/release/canrun

# The browser test of canrun serve: Debian's chromium and playwright-core (pinned in
# tests/web/package-lock.json); npm runs only when node_modules is missing or out of date.
web-deps:
	scripts/install-deps --web-test
	cd tests/web && { npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund; }

test: deps web-deps
	cmake --preset release >/dev/null
	cmake --build --preset release
	CANRUN_REQUIRE_WEB_TEST=1 ctest --preset release -j2
	cmake --preset asan >/dev/null
	cmake --build --preset asan
	CANRUN_REQUIRE_WEB_TEST=1 ctest --preset asan -j2

bench: build
	./build/release/bench/canrun_bench

fuzz:
	scripts/install-deps --fuzz
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz
	mkdir -p build/fuzz/corpus
	# new inputs go to the first (scratch) directory; the committed seeds are only read
	./build/fuzz/tests/fuzz/fuzz_gguf -max_total_time=60 build/fuzz/corpus tests/fuzz/corpus

clean:
	rm -rf build
