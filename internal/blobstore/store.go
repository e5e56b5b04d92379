// Package blobstore keeps uploaded files (scanned letters, photos) outside
// the database, which holds only their key, size and hash. Store is the
// seam: Local serves one machine or a shared volume today, and an object
// store (S3, OSS, MinIO) can implement the same three calls later.
package blobstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
)

// Errors a Store returns, so callers can tell a client mistake from an
// outage with errors.Is.
var (
	// ErrTooLarge means the stream passed maxBytes; nothing was kept.
	ErrTooLarge = errors.New("blobstore: blob exceeds the size limit")
	// ErrNotFound means no blob has the key.
	ErrNotFound = errors.New("blobstore: no such blob")
	// ErrInvalidKey means the key is not one NewKey could have made, which
	// stops a key from escaping the store's directory.
	ErrInvalidKey = errors.New("blobstore: invalid key")
)

// Store is what the API needs from blob storage: write once, read, delete.
// Blobs are immutable, so a key always names the same bytes.
type Store interface {
	// Put streams r into the blob key and returns its size and SHA-256.
	// More than maxBytes aborts with ErrTooLarge and keeps nothing; so
	// does any read error, which Put returns wrapped.
	Put(ctx context.Context, key string, r io.Reader, maxBytes int64) (PutResult, error)
	// Open returns the blob's bytes; the caller closes them.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	// Delete removes the blob; deleting a missing blob is not an error,
	// so cleanup after a failed request can simply retry.
	Delete(ctx context.Context, key string) error
}

// PutResult describes the stored bytes, computed while streaming so the
// caller never reads the blob twice.
type PutResult struct {
	Size   int64
	SHA256 string // lowercase hex
}

// NewKey returns a fresh random key (128 bits, lowercase hex). Keys are
// random rather than derived from content so that two tenants uploading
// the same file never share a blob, and deleting one never affects the
// other.
func NewKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// validKey reports whether key is 16 to 128 lowercase hex digits: long
// enough to shard, and free of separators and dots by construction.
func validKey(key string) bool {
	if len(key) < 16 || len(key) > 128 {
		return false
	}
	for i := 0; i < len(key); i++ {
		if c := key[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
