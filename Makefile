# The two commands of the README: `make test` and `make demo`.
# Everything they need is installed here, from the package registries.

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
PYLIBDIR  := $(shell python3 -c "import sysconfig; print(sysconfig.get_config_var('LIBDIR'))")
# cargo test with the `python` feature embeds the interpreter: find libpython.
export LD_LIBRARY_PATH := $(PYLIBDIR):$(LD_LIBRARY_PATH)
export PYO3_PYTHON     := $(abspath $(PY))

.PHONY: test lint test-rust test-python develop wheel-check demo bench fuzz clean

test: lint test-rust test-python

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "maturin>=1.9,<2" "polars>=1.28" "pytest>=8" "hypothesis>=6" "scipy>=1.10" "openpyxl>=3.1" "pandas>=2" "ruff>=0.6" "mypy>=1.10"
	touch $(STAMP)

# The lint gate (`make test` runs it first, so CI does): formatting, clippy
# with warnings as errors with and without the Python feature, the docs
# without warnings with and without features, an example on every public
# item and method (scripts/doc_examples.py over rustdoc's JSON, which needs
# RUSTC_BOOTSTRAP on the stable toolchain), ruff over the Python, and
# mypy's stubtest of the hand-written stubs against the built module. .pre-commit-config.yaml runs
# the same checks before a commit.
# The cargo checks build in a target directory of their own: their
# artefacts (other feature sets) would otherwise sit beside the test builds'
# and confuse the doc-tests' choice of crates.
LINT_TARGET := --target-dir target/lint

lint: develop
	cargo fmt --check
	cargo clippy $(LINT_TARGET) --all-targets --no-default-features -- -D warnings
	cargo clippy $(LINT_TARGET) --all-targets --features report -- -D warnings
	cargo clippy $(LINT_TARGET) --all-targets --no-default-features --features fetch -- -D warnings
	cargo clippy $(LINT_TARGET) --all-targets --features python -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc $(LINT_TARGET) --no-deps --no-default-features
	RUSTDOCFLAGS="-D warnings" cargo doc $(LINT_TARGET) --no-deps --features report,fetch
	RUSTDOCFLAGS="-D warnings" cargo doc $(LINT_TARGET) --no-deps --features cli,fetch
	RUSTC_BOOTSTRAP=1 cargo rustdoc $(LINT_TARGET) --lib --features cli,fetch -- -Z unstable-options --output-format json
	python3 scripts/doc_examples.py target/lint/doc/indikator.json
	$(VENV)/bin/ruff check python tests/python benches scripts
	$(PY) -m mypy.stubtest indikator._indikator --allowlist stubtest-allowlist.txt

# The doc-tests run once, in the build with every feature (`python` brings
# `cli` and `report`; the HTTP client's, which are compiled and not run,
# with `fetch`); the core's other tests also run without features.
test-rust: $(STAMP)
	cargo test --no-default-features --lib --bins --tests --examples
	cargo test --no-default-features --features fetch --test fetch
	cargo test --no-default-features --features fetch --doc -- src/io/fetch.rs
	cargo test --features python

# The test build: the wheel's features and the test hooks (`_force_panic`).
develop: $(STAMP)
	VIRTUAL_ENV=$(abspath $(VENV)) $(VENV)/bin/maturin develop --quiet --features test-hooks

test-python: develop
	$(PY) -m pytest -q

# `make wheel-check` (not part of `make test`): the wheel as `maturin build`
# makes it (abi3, cp39-abi3, without the test hooks; a debug build, quick),
# installed alone into a fresh virtualenv: `import indikator`, the
# `indikator` command, and no `_force_panic`.
WHEEL_VENV := .venv-wheel

wheel-check: $(STAMP)
	rm -rf target/wheel-check $(WHEEL_VENV)
	VIRTUAL_ENV=$(abspath $(VENV)) $(VENV)/bin/maturin build --quiet --out target/wheel-check
	python3 -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/pip install --quiet target/wheel-check/indikator-*-cp39-abi3-*.whl
	$(WHEEL_VENV)/bin/python -c "import indikator, indikator._indikator as native; \
		assert not hasattr(native, '_force_panic'), 'a test hook in the wheel'; print('indikator', indikator.__version__)"
	$(WHEEL_VENV)/bin/indikator --help > /dev/null

# `make bench`: its own virtualenv with the peers (PHStatsMethods, pandas), the
# extension built in release as a wheel installed into it (the debug build of
# `make test` lives in python/indikator and is never timed), every criterion bench, then
# benches/compare.py, which writes BENCHMARKS.md. Never part of `make test`.
BENCH_VENV  := .venv-bench
BENCH_PY    := $(BENCH_VENV)/bin/python
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): pyproject.toml
	python3 -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet "maturin>=1.9,<2" "polars>=1.28" numpy pandas pyarrow "PHStatsMethods>=0.1.16,<0.2"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	rm -rf target/bench-wheel
	PYO3_PYTHON=$(abspath $(BENCH_PY)) $(BENCH_VENV)/bin/maturin build --release --quiet --interpreter $(BENCH_PY) --out target/bench-wheel
	$(BENCH_PY) -m pip install --quiet --force-reinstall --no-deps target/bench-wheel/indikator-*.whl
	cargo bench --no-default-features
	$(BENCH_PY) benches/compare.py --out BENCHMARKS.md --build-label "release wheel (maturin build --release), criterion benches run"

# The main job on the embedded synthetic data of the region: the delårsbokslut
# report for January–August 2024 (HTML, XLSX, Parquet, CSV) in $(DEMO_OUT).
DEMO_OUT := target/demo

demo: develop
	$(VENV)/bin/indikator report --period 2024-delar --out $(DEMO_OUT)
	@echo "Öppna rapporten: file://$(abspath $(DEMO_OUT))/rapport.html"

# The fuzzers of the catalogue and period parsers (RELIABILITY.md), each for
# FUZZ_SECONDS. Needs `cargo install cargo-fuzz`; the stable toolchain runs
# libFuzzer with RUSTC_BOOTSTRAP (no sanitizer: the parsers are safe Rust).
# New corpus entries go to target/fuzz-corpus; the seeds in fuzz/seeds stay small.
FUZZ_SECONDS := 600

fuzz:
	for t in catalog period; do \
		mkdir -p target/fuzz-corpus/$$t && \
		RUSTC_BOOTSTRAP=1 cargo fuzz run -s none $$t target/fuzz-corpus/$$t fuzz/seeds/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=16384 || exit 1; \
	done

clean:
	rm -rf $(VENV) $(WHEEL_VENV) target
