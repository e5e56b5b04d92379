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

// TestStagedRotationNeverStrandsATokenAcrossInstances models two
// instances: one restarted after each step, one still on the old file.
// Whatever mix is running, every token verifies everywhere.
func TestStagedRotationNeverStrandsATokenAcrossInstances(t *testing.T) {
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "keys.pem")
	if err := StageKeyFile(path); err == nil {
		t.Fatal("staging into a missing file accepted")
	}
	if err := RotateKeyFile(path, 3); err != nil {
		t.Fatal(err)
	}
	before := loadTest(t, path)
	if err := PromoteKeyFile(path); err == nil {
		t.Fatal("promoting with nothing staged accepted")
	}
	if err := StageKeyFile(path); err != nil {
		t.Fatal(err)
	}
	staged := loadTest(t, path)
	if staged.SigningKID() != before.SigningKID() || len(staged.KIDs()) != 2 {
		t.Fatalf("staging changed the signer: %v → %v", before.KIDs(), staged.KIDs())
	}
	if err := PromoteKeyFile(path); err != nil {
		t.Fatal(err)
	}
	promoted := loadTest(t, path)
	if promoted.SigningKID() != staged.KIDs()[1] {
		t.Fatalf("promote did not sign with the staged key: %v", promoted.KIDs())
	}
	// A promoted instance's token verifies on an instance still at the
	// staged step, and vice versa.
	tokNew := issueTest(t, NewTokens(promoted, testIssuer, testAudience, testTTL, c.now), AccessClaimsInput{Subject: "u:1"})
	tokOld := issueTest(t, NewTokens(staged, testIssuer, testAudience, testTTL, c.now), AccessClaimsInput{Subject: "u:1"})
	if _, err := NewTokens(staged, testIssuer, testAudience, testTTL, c.now).VerifyAccess(tokNew); err != nil {
		t.Fatalf("staged instance rejects the promoted key's token: %v", err)
	}
	if _, err := NewTokens(promoted, testIssuer, testAudience, testTTL, c.now).VerifyAccess(tokOld); err != nil {
		t.Fatalf("promoted instance rejects the old key's token: %v", err)
	}
}
