package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestRunWritesTheCommittedDoc runs the command as scripts/gen does, into
// a temporary file, and compares it with the committed document.
func TestRunWritesTheCommittedDoc(t *testing.T) {
	out := filepath.Join(t.TempDir(), "PERMISSIONS.md")
	if err := run([]string{"-out", out}, io.Discard); err != nil {
		t.Fatalf("run: %v", err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../docs/PERMISSIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, committed) {
		t.Error("docs/PERMISSIONS.md is stale; run scripts/gen")
	}
	if err := run([]string{"-out", out, "extra"}, io.Discard); err == nil {
		t.Error("run accepted a stray argument")
	}
}
