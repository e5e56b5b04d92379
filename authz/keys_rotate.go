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
// then instances disagree on the signing key but all still verify the old
// one. A missing file is created with one key.
func RotateKeyFile(path string, keep int) error {
	if keep < 1 {
		return fmt.Errorf("rotate key file: keep %d < 1", keep)
	}
	var keys []ed25519.PrivateKey
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		if keys, err = parseKeysPEM(data); err != nil {
			return fmt.Errorf("rotate key file: %w", err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("rotate key file: %w", err)
	}
	priv, err := generateKey()
	if err != nil {
		return fmt.Errorf("rotate key file: %w", err)
	}
	keys = append([]ed25519.PrivateKey{priv}, keys...)
	if len(keys) > keep {
		keys = keys[:keep]
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("rotate key file: %w", err)
	}
	tmp, err := writeTempKeyFile(path, keys)
	if err != nil {
		return fmt.Errorf("rotate key file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("rotate key file: %w", err)
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
