# The two commands of the README: `make run` and `make test`. Both install what is missing and build.
SWIFT ?= swift
DATA ?= .medcred

.PHONY: run demo cli-demo test build release deps bench bench-service lint format

deps:
	@tools/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The service on 127.0.0.1:8080 with everything under ./.medcred (see `medcred serve --help`).
run: build
	.build/debug/medcred serve $(ARGS)

demo: build
	@tools/demo

cli-demo: build
	@tools/run-demo

test: deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	$(SWIFT) test --skip-build --disable-xctest
	tools/demo

bench: release
	$(SWIFT) run -c release --skip-build MedCredBenchmarks

bench-service: deps
	tools/bench-service

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests
