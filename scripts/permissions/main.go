// Command permissions writes docs/PERMISSIONS.md from the route table, so
// the document readers trust is the table the router enforces. scripts/gen
// runs it; scripts/check-generated and a handlers test fail when the
// committed file differs from what it writes.
//
//	go run ./scripts/permissions -out docs/PERMISSIONS.md
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"yishi/handlers"
	"yishi/handlers/accessdoc"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "permissions: %v\n", err)
		os.Exit(1)
	}
}

// run parses the flags and writes the document; it is separate from main
// so errors are returned, wrapped, and reported in one place.
func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("permissions", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "docs/PERMISSIONS.md", "Markdown file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	table, err := handlers.AccessTable()
	if err != nil {
		return fmt.Errorf("describe the route table: %w", err)
	}
	md, err := accessdoc.Markdown(table)
	if err != nil {
		return fmt.Errorf("render %s: %w", *out, err)
	}
	if err := os.WriteFile(*out, md, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	return nil
}
