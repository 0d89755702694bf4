# Thin wrappers; CMake does the work. See README.md.
.PHONY: run test bench deps build build-asan fuzz clean

deps:
	scripts/install-deps

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release

run: build
	./build/release/canrun

test: deps
	cmake --preset release >/dev/null
	cmake --build --preset release
	ctest --preset release -j2
	cmake --preset asan >/dev/null
	cmake --build --preset asan
	ctest --preset asan -j2

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
