package authz

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
)

func TestRotatedKeySetVerifiesOldTokens(t *testing.T) {
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "keys.pem")
	if err := RotateKeyFile(path, 2); err != nil {
		t.Fatal(err)
	}
	assertMode(t, path, 0o600)
	oldSet := loadTest(t, path)
	oldToken := issueTest(t, NewTokens(oldSet, testIssuer, testAudience, testTTL, c.now), AccessClaimsInput{Subject: "u:1"})

	if err := RotateKeyFile(path, 2); err != nil {
		t.Fatal(err)
	}
	rotated := loadTest(t, path)
	if rotated.SigningKID() == oldSet.SigningKID() || rotated.KIDs()[1] != oldSet.SigningKID() {
		t.Fatalf("rotation must prepend: old %v, new %v", oldSet.KIDs(), rotated.KIDs())
	}
	tk := NewTokens(rotated, testIssuer, testAudience, testTTL, c.now)
	if _, err := tk.VerifyAccess(oldToken); err != nil {
		t.Fatalf("old token after rotation: %v", err)
	}
	if _, err := tk.VerifyAccess(issueTest(t, tk, AccessClaimsInput{Subject: "u:1"})); err != nil {
		t.Fatalf("new token after rotation: %v", err)
	}

	if err := RotateKeyFile(path, 2); err != nil {
		t.Fatal(err)
	}
	dropped := NewTokens(loadTest(t, path), testIssuer, testAudience, testTTL, c.now)
	if _, err := dropped.VerifyAccess(oldToken); !errors.Is(err, ErrInvalidToken) {
		t.Fatalf("token of a dropped key: %v", err)
	}
	if err := RotateKeyFile(path, 0); err == nil {
		t.Fatal("keep 0 accepted")
	}
}

func TestJWKSListsEveryKey(t *testing.T) {
	ks := newTestKeySet(t, newTestKey(t), newTestKey(t), newTestKey(t))
	doc := ks.JWKS()
	if len(doc.Keys) != 3 {
		t.Fatalf("JWKS has %d keys, want 3", len(doc.Keys))
	}
	for i, k := range doc.Keys {
		if k.Kid != ks.KIDs()[i] || k.Kty != "OKP" || k.Crv != "Ed25519" || k.Alg != "EdDSA" || k.Use != "sig" || len(k.X) != 43 {
			t.Errorf("key %d = %+v", i, k)
		}
	}
	body, _ := json.Marshal(doc)
	var generic struct {
		Keys []map[string]string `json:"keys"`
	}
	if err := json.Unmarshal(body, &generic); err != nil || len(generic.Keys[0]) != 6 {
		t.Fatalf("JWKS JSON = %s", body)
	}
	if _, err := NewKeySet(); err == nil {
		t.Fatal("empty key set accepted")
	}
}
