# The two commands of the README: `make run` and `make test`. Both install what is missing and build.
SWIFT ?= swift
DATA ?= .medcred

.PHONY: run test build release deps bench lint format

deps:
	@tools/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: build
	@tools/run-demo

test: deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	$(SWIFT) test --skip-build --disable-xctest

bench: release
	$(SWIFT) run -c release --skip-build MedCredBenchmarks

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests
