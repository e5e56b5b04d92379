package authz

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// RotateKeyFile prepends a new signing key to the key file at path and
// keeps at most keep keys, dropping the oldest. Keep at least 2 so tokens
// signed by the previous key verify until they expire. Running servers
// read the file at start, so restart every instance after rotating; until
// then instances disagree on the signing key. With several instances use
// StageKeyFile then PromoteKeyFile instead. A missing file is created
// with one key.
func RotateKeyFile(path string, keep int) error {
	if keep < 1 {
		return fmt.Errorf("rotate key file: keep %d < 1", keep)
	}
	return editKeyFile(path, func(keys []ed25519.PrivateKey, fresh ed25519.PrivateKey) ([]ed25519.PrivateKey, error) {
		keys = append([]ed25519.PrivateKey{fresh}, keys...)
		if len(keys) > keep {
			keys = keys[:keep]
		}
		return keys, nil
	})
}

// StageKeyFile appends a new key that verifies but does not sign yet: the
// first half of a rotation across several instances. Once every instance
// has restarted with it, PromoteKeyFile makes it the signing key, so no
// instance ever meets a token signed by a key it does not know.
func StageKeyFile(path string) error {
	return editKeyFile(path, func(keys []ed25519.PrivateKey, fresh ed25519.PrivateKey) ([]ed25519.PrivateKey, error) {
		if len(keys) == 0 {
			return nil, errors.New("stage key: no key file to stage into; run rotate first")
		}
		return append(keys, fresh), nil
	})
}

// PromoteKeyFile moves the last (staged) key to the front, where it signs;
// the previous signing key stays and keeps verifying.
func PromoteKeyFile(path string) error {
	return editKeyFile(path, func(keys []ed25519.PrivateKey, _ ed25519.PrivateKey) ([]ed25519.PrivateKey, error) {
		if len(keys) < 2 {
			return nil, errors.New("promote key: no staged key; run stage first")
		}
		last := keys[len(keys)-1]
		return append([]ed25519.PrivateKey{last}, keys[:len(keys)-1]...), nil
	})
}

// editKeyFile rewrites the key file atomically with edit's result; edit
// gets the current keys (none for a missing file) and a fresh key.
func editKeyFile(path string, edit func(keys []ed25519.PrivateKey, fresh ed25519.PrivateKey) ([]ed25519.PrivateKey, error)) error {
	var keys []ed25519.PrivateKey
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		if keys, err = parseKeysPEM(data); err != nil {
			return fmt.Errorf("key file: %w", err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("key file: %w", err)
	}
	fresh, err := generateKey()
	if err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	if keys, err = edit(keys, fresh); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	tmp, err := writeTempKeyFile(path, keys)
	if err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("key file: %w", err)
	}
	return nil
}

// writeTempKeyFile writes keys to a 0600 file next to path, synced to
// disk, and returns its name; the caller links or renames it into place.
func writeTempKeyFile(path string, keys []ed25519.PrivateKey) (string, error) {
	data, err := encodeKeysPEM(keys)
	if err != nil {
		return "", err
	}
	// CreateTemp opens the file with mode 0600.
	f, err := os.CreateTemp(filepath.Dir(path), ".jwt-keys-*.tmp")
	if err != nil {
		return "", fmt.Errorf("write key file: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write key file: %w", err)
	}
	return f.Name(), nil
}
