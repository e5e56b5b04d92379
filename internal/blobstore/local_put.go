package blobstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// Put implements Store. It writes to a temporary file in the blob's own
// directory, hashing and counting on the way, fsyncs it and renames it
// into place: a crash or an aborted upload never leaves a partial blob
// under a real key.
func (l *Local) Put(ctx context.Context, key string, r io.Reader, maxBytes int64) (PutResult, error) {
	final, err := l.path(key)
	if err != nil {
		return PutResult{}, err
	}
	if maxBytes <= 0 {
		return PutResult{}, fmt.Errorf("blobstore: put: maxBytes %d is not positive", maxBytes)
	}
	dir := filepath.Dir(final)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return PutResult{}, fmt.Errorf("blobstore: put: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".put-*")
	if err != nil {
		return PutResult{}, fmt.Errorf("blobstore: put: %w", err)
	}
	res, err := writeBlob(ctx, tmp, r, maxBytes)
	if err == nil {
		err = os.Rename(tmp.Name(), final)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return PutResult{}, err
	}
	syncDir(dir)
	return res, nil
}

// writeBlob copies at most maxBytes of r into f, then syncs and closes f.
func writeBlob(ctx context.Context, f *os.File, r io.Reader, maxBytes int64) (PutResult, error) {
	h := sha256.New()
	limit := maxBytes
	if limit < math.MaxInt64 {
		limit++ // read one byte past the limit to tell "exactly max" from "over"
	}
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(ctxReader{ctx, r}, limit))
	if err != nil {
		err = fmt.Errorf("blobstore: put: read: %w", err)
	} else if n > maxBytes {
		err = ErrTooLarge
	} else if err = f.Sync(); err != nil {
		err = fmt.Errorf("blobstore: put: sync: %w", err)
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("blobstore: put: close: %w", cerr)
	}
	return PutResult{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, err
}

// syncDir makes the rename durable. It is best effort: the blob is
// already complete, and some filesystems cannot sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// ctxReader stops a copy at the next read once ctx ends, so an abandoned
// request stops writing to disk.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
