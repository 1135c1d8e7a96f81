# The two commands: `make demo` and `make test`. Both create the virtual environment,
# install the Python packages and, when run as root on Debian, the system packages.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GAOKU_DATA ?= gaoku-data
# CJK fonts (web pages, and the PDF copies: AR PL UMing 宋体-like body, UKai 楷体,
# WenQuanYi Zen Hei 黑体), tesseract with simplified Chinese (OCR of scans), poppler (PDF pages).
RUNTIME_PACKAGES := fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei \
	tesseract-ocr tesseract-ocr-chi-sim poppler-utils
# Debian's chromium drives the browser tests; gettext compiles the translations; LibreOffice
# opens and saves the DOCX copies in the round-trip tests.
TEST_PACKAGES := $(RUNTIME_PACKAGES) chromium gettext libreoffice-writer-nogui

.PHONY: demo test lint bench messages runtime-packages test-packages clean

demo: runtime-packages $(BIN)/gaoku
	$(BIN)/gaoku demo --data $(GAOKU_DATA)

test: test-packages $(BIN)/gaoku
	$(BIN)/ruff check gaoku tests bench
	$(BIN)/ruff format --check gaoku tests bench
	$(BIN)/pytest

lint: $(BIN)/gaoku
	$(BIN)/ruff check gaoku tests bench

bench: runtime-packages $(BIN)/gaoku
	$(BIN)/pip install -q -e '.[dev,bench]'
	$(BIN)/python bench/import_throughput.py
	$(BIN)/python bench/structure_accuracy.py
	$(BIN)/python bench/import_accuracy.py
	$(BIN)/python bench/line_model.py
	$(BIN)/python bench/fingerprint.py
	$(BIN)/python bench/leak_trace.py
	$(BIN)/python bench/wording_safety.py
	$(BIN)/python bench/mined_alternations.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/originality.py
	$(BIN)/python bench/load.py

messages: $(BIN)/gaoku
	cd gaoku && export DJANGO_SETTINGS_MODULE=gaoku.site.settings && ../$(BIN)/django-admin makemessages -l zh_Hans --no-obsolete && ../$(BIN)/django-admin compilemessages

$(BIN)/gaoku: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

runtime-packages:
	@$(MAKE) --no-print-directory apt PACKAGES="$(RUNTIME_PACKAGES)"

test-packages:
	@$(MAKE) --no-print-directory apt PACKAGES="$(TEST_PACKAGES)"

apt:
	@missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian packages:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
	  echo "note: missing Debian packages:" $$missing "(run as root, or install them, for OCR, PDF and browser tests)"; \
	fi

clean:
	rm -rf $(VENV) *.egg-info
