# 店务台 Shopdesk. The two commands a new user types:
#   make run    set up, build and open the app (demo shop on an empty database)
#   make test   set up and run every test CI runs
SHELL := /bin/bash
GOBIN := $(shell go env GOPATH)/bin
export PATH := $(GOBIN):$(PATH)
WAILS := $(GOBIN)/wails
SQLC := $(GOBIN)/sqlc
VERSION ?= 0.1.0
LDFLAGS := -X shopdesk/app.Version=$(VERSION)
WAILS_TAGS := webkit2_41

.PHONY: setup frontend build cli run serve demo generate check-generated \
        test test-go test-frontend test-e2e test-native test-windows installer bench clean

setup:
	@scripts/setup.sh all

frontend: setup
	cd frontend && npm run build

# The desktop binary (Linux window via webkit2gtk 4.1) at build/bin/shopdesk.
build: frontend
	$(WAILS) build -s -skipbindings -tags $(WAILS_TAGS) -ldflags "$(LDFLAGS)" -o shopdesk

# A plain Go build: every subcommand, no window (no cgo, no Wails tags).
cli: frontend
	CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o build/bin/shopdesk-cli .

run: build
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "这台电脑没有图形界面：请运行 make serve，再用浏览器打开它给出的地址。"; \
	  echo "No display here: run 'make serve' and open the address it prints."; exit 1; fi
	build/bin/shopdesk --demo

serve: cli
	build/bin/shopdesk-cli --demo serve --addr 127.0.0.1:34115

demo: cli
	build/bin/shopdesk-cli demo

# Regenerate the sqlc queries and the Wails bindings (both committed).
generate: setup
	cd db && $(SQLC) generate
	$(WAILS) generate module -tags $(WAILS_TAGS)

# CI: generated code must match its sources.
check-generated: setup
	cd db && $(SQLC) diff
	$(WAILS) generate module -tags $(WAILS_TAGS)
	@git -c core.fileMode=false diff --exit-code -- frontend/wailsjs || \
	  { echo "frontend/wailsjs is stale: run 'make generate' and commit"; exit 1; }

test: setup check-generated test-go test-frontend test-e2e test-native test-windows
	@echo "make test: all passed"

test-go:
	go vet ./...
	go test -count=1 ./...

test-frontend: setup
	cd frontend && npm test && npm run build

test-e2e: cli
	cd frontend && SHOPDESK_BIN=$(CURDIR)/build/bin/shopdesk-cli node --test e2e/

test-native: build
	scripts/smoke-native.sh build/bin/shopdesk

# The Windows exe cross-compiles from Linux with cgo off (WebView2 needs no C), and the
# NSIS installer (Debian's nsis) wraps it: build/bin/shopdesk-amd64-installer.exe.
installer: frontend
	$(WAILS) build -s -skipbindings -platform windows/amd64 -nsis -ldflags "$(LDFLAGS)" -o shopdesk.exe

test-windows: installer
	@file build/bin/shopdesk.exe | grep -q 'PE32+ executable' || { echo "build/bin/shopdesk.exe is not a Windows exe"; exit 1; }
	@file build/bin/shopdesk-amd64-installer.exe | grep -q 'PE32 executable' || { echo "no Windows installer"; exit 1; }
	@echo "windows: build/bin/shopdesk.exe and build/bin/shopdesk-amd64-installer.exe built"

bench:
	go test -run '^$$' -bench . -benchtime 1x ./...

clean:
	rm -rf build/bin frontend/dist/assets frontend/dist/index.html
