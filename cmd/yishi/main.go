// Command yishi is the Yishi (议事) API server and its admin tool.
//
//	yishi serve     run the HTTP API (migrates first)
//	yishi migrate   apply pending database migrations
//	yishi seed      load the demo tenant (胜利街道)
//	yishi keys rotate|stage|promote   manage JWT signing keys (see keys.go)
//	yishi backup PATH            copy a live SQLite database, keys and blobs
//	yishi restore [-force] PATH  restore a backup (refused while in use)
//	yishi version   print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is stamped at link time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "yishi:", err)
		os.Exit(1)
	}
}

// errUsage is returned for an unknown or missing subcommand.
var errUsage = errors.New("usage: yishi serve|migrate|seed|keys rotate|stage|promote|backup PATH|restore [-force] PATH|version [flags]")

// run dispatches a subcommand; main only supplies the process's context,
// arguments, environment and output, so tests can call run directly.
func run(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], getenv, out)
	case "migrate":
		return migrateCmd(ctx, args[1:], getenv, out)
	case "seed":
		return seedCmd(ctx, args[1:], getenv, out)
	case "keys":
		return keysCmd(args[1:], getenv, out)
	case "backup":
		return backupCmd(ctx, args[1:], getenv, out)
	case "restore":
		return restoreCmd(ctx, args[1:], getenv, out)
	case "version":
		_, err := fmt.Fprintln(out, version)
		return err
	}
	return errUsage
}
