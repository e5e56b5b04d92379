package blobstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func newTestLocal(t *testing.T) (*Local, string) {
	t.Helper()
	dir := t.TempDir()
	l, err := NewLocal(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	return l, dir
}

// files lists the regular files under dir, temporary ones included.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLocalPutOpenDeleteRoundTrip(t *testing.T) {
	l, dir := newTestLocal(t)
	ctx := context.Background()
	data := []byte("转角遇到爱心椅：楼道转角放几把椅子")
	key := NewKey()
	res, err := l.Put(ctx, key, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if res.Size != int64(len(data)) || res.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("result %+v", res)
	}
	want := filepath.Join(dir, "blobs", key[:2], key[2:4], key)
	if got := files(t, dir); len(got) != 1 || got[0] != want {
		t.Fatalf("files %v, want [%s]", got, want)
	}
	rc, err := l.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	_ = rc.Close()
	if !bytes.Equal(got, data) {
		t.Fatalf("read back %q", got)
	}
	if err := l.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if err := l.Delete(ctx, key); err != nil {
		t.Fatalf("second delete: %v", err)
	}
	if _, err := l.Open(ctx, key); !errors.Is(err, ErrNotFound) {
		t.Fatalf("open after delete: %v", err)
	}
}

func TestLocalPutOverLimitKeepsNothing(t *testing.T) {
	l, dir := newTestLocal(t)
	key := NewKey()
	_, err := l.Put(context.Background(), key, strings.NewReader(strings.Repeat("x", 1025)), 1024)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err %v, want ErrTooLarge", err)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Fatalf("left behind %v", got)
	}
}

// failingReader fails after handing out some bytes, like a client that
// disconnects mid-upload.
type failingReader struct{ sent bool }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.sent {
		return 0, io.ErrUnexpectedEOF
	}
	f.sent = true
	return copy(p, "partial"), nil
}

func TestLocalPutReadErrorKeepsNothing(t *testing.T) {
	l, dir := newTestLocal(t)
	_, err := l.Put(context.Background(), NewKey(), &failingReader{}, 1024)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("err %v, want the reader's error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Put(ctx, NewKey(), strings.NewReader("x"), 1024); !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled put: %v", err)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Fatalf("left behind %v", got)
	}
}

func TestLocalPutExactlyAtLimit(t *testing.T) {
	l, _ := newTestLocal(t)
	res, err := l.Put(context.Background(), NewKey(), strings.NewReader("abcd"), 4)
	if err != nil || res.Size != 4 {
		t.Fatalf("res %+v err %v", res, err)
	}
}

func TestLocalRejectsKeysThatEscape(t *testing.T) {
	l, dir := newTestLocal(t)
	ctx := context.Background()
	for _, key := range []string{"", "../../etc/passwd", "ab/../cdef0123456789", "/etc/passwd", "abcd",
		"0123456789ABCDEF", "0123456789abcdef/", "..0123456789abcdef", strings.Repeat("a", 129)} {
		if _, err := l.Put(ctx, key, strings.NewReader("x"), 10); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Put(%q): %v, want ErrInvalidKey", key, err)
		}
		if _, err := l.Open(ctx, key); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Open(%q): %v, want ErrInvalidKey", key, err)
		}
		if err := l.Delete(ctx, key); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Delete(%q): %v, want ErrInvalidKey", key, err)
		}
	}
	if got := files(t, dir); len(got) != 0 {
		t.Fatalf("left behind %v", got)
	}
}

func TestNewKeyIsValidAndFresh(t *testing.T) {
	a, b := NewKey(), NewKey()
	if !validKey(a) || len(a) != 32 || a == b {
		t.Fatalf("keys %q %q", a, b)
	}
}
