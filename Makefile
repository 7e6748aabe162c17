# The two commands of the README: `make test` and `make demo`.
# Everything they need is installed here, from the package registries.

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
PYLIBDIR  := $(shell python3 -c "import sysconfig; print(sysconfig.get_config_var('LIBDIR'))")
# cargo test with the `python` feature embeds the interpreter: find libpython.
export LD_LIBRARY_PATH := $(PYLIBDIR):$(LD_LIBRARY_PATH)
export PYO3_PYTHON     := $(abspath $(PY))

.PHONY: test test-rust test-python develop demo bench clean

test: test-rust test-python

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "maturin>=1.9,<2" "polars>=1.28" "pytest>=8" "hypothesis>=6" "scipy>=1.10" "openpyxl>=3.1"
	touch $(STAMP)

test-rust: $(STAMP)
	cargo test --no-default-features
	cargo test --features python

develop: $(STAMP)
	VIRTUAL_ENV=$(abspath $(VENV)) $(VENV)/bin/maturin develop --quiet

test-python: develop
	$(PY) -m pytest -q

bench:
	cargo bench --no-default-features --bench continuity

# The main job on the embedded synthetic data of the region: the delårsbokslut
# report for January–August 2024 (HTML, XLSX, Parquet, CSV) in $(DEMO_OUT).
DEMO_OUT := target/demo

demo: develop
	$(VENV)/bin/indikator report --period 2024-delar --out $(DEMO_OUT)
	@echo "Öppna rapporten: file://$(abspath $(DEMO_OUT))/rapport.html"

clean:
	rm -rf $(VENV) target
