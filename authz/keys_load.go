package authz

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// DefaultKeyFileName is the key file LoadKeySet keeps in the data
// directory when no key file is configured.
const DefaultKeyFileName = "jwt-keys.pem"

// LoadKeySet reads the signing keys. With keyFile set it reads that file
// (PKCS#8 PEM blocks, first one signs) and fails if it is missing, because
// an operator who names a file expects it to be used. Otherwise it uses
// <dataDir>/jwt-keys.pem and creates it (0600, directory 0700) on first
// start, so a single-binary install works with no setup. Every instance
// behind a load balancer must share the same file.
func LoadKeySet(keyFile, dataDir string) (*KeySet, error) {
	if keyFile != "" {
		return readKeySet(keyFile)
	}
	if dataDir == "" {
		return nil, errors.New("load key set: neither key file nor data dir given")
	}
	path := filepath.Join(dataDir, DefaultKeyFileName)
	ks, err := readKeySet(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return ks, err
	}
	if err := createKeyFile(path); err != nil {
		return nil, fmt.Errorf("load key set: %w", err)
	}
	return readKeySet(path)
}

// readKeySet parses the key file at path.
func readKeySet(path string) (*KeySet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	keys, err := parseKeysPEM(data)
	if err != nil {
		return nil, fmt.Errorf("read key file %s: %w", path, err)
	}
	ks, err := NewKeySet(keys...)
	if err != nil {
		return nil, fmt.Errorf("read key file %s: %w", path, err)
	}
	return ks, nil
}

// createKeyFile writes a one-key file at path unless one appears first.
// The file is written aside and hard-linked into place, so two instances
// starting together never read a half-written file and the loser simply
// reads the winner's key.
func createKeyFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create key dir: %w", err)
	}
	priv, err := generateKey()
	if err != nil {
		return err
	}
	tmp, err := writeTempKeyFile(path, []ed25519.PrivateKey{priv})
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("install key file: %w", err)
	}
	return nil
}
