package authz

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestLoadKeySetGeneratesPrivateFileOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	first, err := LoadKeySet("", dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, DefaultKeyFileName)
	assertMode(t, path, 0o600)
	assertMode(t, dir, 0o700|os.ModeDir)
	second, err := LoadKeySet("", dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.SigningKID() != second.SigningKID() || len(second.KIDs()) != 1 {
		t.Fatalf("reload gave %v, want %v", second.KIDs(), first.KIDs())
	}
	viaFile, err := LoadKeySet(path, "ignored")
	if err != nil || viaFile.SigningKID() != first.SigningKID() {
		t.Fatalf("explicit key file: %v, %v", viaFile, err)
	}
}

func TestLoadKeySetConcurrentStartsAgree(t *testing.T) {
	dir := t.TempDir()
	kids := make([]string, 8)
	var wg sync.WaitGroup
	for i := range kids {
		wg.Go(func() {
			ks, err := LoadKeySet("", dir)
			if err != nil {
				t.Error(err)
				return
			}
			kids[i] = ks.SigningKID()
		})
	}
	wg.Wait()
	for _, kid := range kids {
		if kid != kids[0] {
			t.Fatalf("instances disagree on the key: %v", kids)
		}
	}
}

func TestLoadKeySetRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecDER, _ := x509.MarshalPKCS8PrivateKey(ecKey)
	files := map[string][]byte{
		"empty":   nil,
		"garbage": []byte("not a pem file"),
		"ecdsa":   pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: ecDER}),
		"public":  pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: []byte{1}}),
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadKeySet(path, ""); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
	if _, err := LoadKeySet(filepath.Join(dir, "missing"), dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing explicit file: %v", err)
	}
	if _, err := LoadKeySet("", ""); err == nil {
		t.Error("no file and no dir: loaded")
	}
}

// loadTest loads the key file at path, failing the test on error.
func loadTest(t *testing.T, path string) *KeySet {
	t.Helper()
	ks, err := LoadKeySet(path, "")
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

// assertMode fails the test unless path has exactly mode.
func assertMode(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode(); got != mode {
		t.Fatalf("%s mode = %v, want %v", path, got, mode)
	}
}
