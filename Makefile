# Makefile: short names for the commands in README and .ci/run. The scripts
# under scripts/ and .ci/ are the source of truth; these targets only call them.

VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
IMAGE   ?= yishi:$(VERSION)
GO      ?= go

.PHONY: run test test-pg gen check-generated lint build ci bench docker

## run: start the API on YISHI_ADDR (default :8080) with embedded SQLite
run:
	$(GO) run ./cmd/yishi serve

## test: all suites on in-memory SQLite (no services needed)
test:
	$(GO) test ./...

## test-pg: the same suites against PostgreSQL (YISHI_TEST_DATABASE_URL)
test-pg:
	scripts/test-pg

## gen: regenerate ent code, swagger.json and openapi.json
gen:
	scripts/gen

## check-generated: fail if committed generated code is stale
check-generated:
	scripts/check-generated

## lint: gofmt (generated ent code excluded) and go vet
lint:
	@files="$$(find . -name '*.go' -not -path './.git/*' \( -not -path './ent/*' -o -path './ent/schema/*' \) -print | xargs -r gofmt -l)"; \
	if [ -n "$$files" ]; then echo "gofmt needed:"; echo "$$files"; exit 1; fi
	$(GO) vet ./...

## build: static binary at bin/yishi stamped with VERSION
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o bin/yishi ./cmd/yishi

## ci: the full CI pipeline, exactly as CI runs it
ci:
	bash .ci/run

## bench: Go benchmarks of the hot paths (authorization, handlers)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./authz/ ./handlers/

## docker: build the container image
docker:
	docker build --build-arg VERSION=$(VERSION) -t $(IMAGE) .
