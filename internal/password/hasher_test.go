package password

import (
	"errors"
	"strings"
	"testing"
)

func TestHashVerifyRoundTrip(t *testing.T) {
	h := NewHasher(TestParams())
	enc, err := h.Hash("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=64,t=1,p=1$") || strings.Contains(enc, "=$") {
		t.Fatalf("unexpected PHC string %q", enc)
	}
	if ok, err := h.Verify(enc, "correct horse"); err != nil || !ok {
		t.Fatalf("Verify(right) = %v, %v", ok, err)
	}
	if ok, err := h.Verify(enc, "wrong horse"); err != nil || ok {
		t.Fatalf("Verify(wrong) = %v, %v", ok, err)
	}
}

func TestHashSaltsDiffer(t *testing.T) {
	h := NewHasher(TestParams())
	a, _ := h.Hash("pw")
	b, _ := h.Hash("pw")
	if a == b {
		t.Fatal("two hashes of one password must differ")
	}
}

func TestVerifyUsesStoredParams(t *testing.T) {
	old := NewHasher(Params{Memory: 128, Time: 2, Threads: 1, KeyLen: 32, SaltLen: 16})
	enc, err := old.Hash("pw")
	if err != nil {
		t.Fatal(err)
	}
	h := NewHasher(TestParams())
	if ok, err := h.Verify(enc, "pw"); err != nil || !ok {
		t.Fatalf("Verify with other params = %v, %v", ok, err)
	}
	if !h.NeedsRehash(enc) {
		t.Fatal("hash with old params should need rehash")
	}
	fresh, _ := h.Hash("pw")
	if h.NeedsRehash(fresh) {
		t.Fatal("fresh hash should not need rehash")
	}
}

func TestVerifyRejectsMalformed(t *testing.T) {
	h := NewHasher(TestParams())
	good, _ := h.Hash("pw")
	parts := strings.Split(good, "$")
	cases := map[string]string{
		"empty":       "",
		"bcrypt":      "$2a$10$abcdefghijklmnopqrstuu",
		"argon2i":     strings.Replace(good, "argon2id", "argon2i", 1),
		"version":     strings.Replace(good, "v=19", "v=16", 1),
		"zero time":   strings.Replace(good, "t=1", "t=0", 1),
		"huge memory": strings.Replace(good, "m=64", "m=99999999", 1),
		"bad salt":    "$" + strings.Join([]string{parts[1], parts[2], parts[3], "!!", parts[5]}, "$"),
		"short key":   "$" + strings.Join([]string{parts[1], parts[2], parts[3], parts[4], "AAAA"}, "$"),
	}
	for name, enc := range cases {
		ok, err := h.Verify(enc, "pw")
		if ok || !errors.Is(err, ErrMalformedHash) {
			t.Errorf("%s: Verify = %v, %v; want ErrMalformedHash", name, ok, err)
		}
	}
}

func TestHashRejectsInvalidParams(t *testing.T) {
	h := NewHasher(Params{Memory: 64, Time: 0, Threads: 1, KeyLen: 32, SaltLen: 16})
	if _, err := h.Hash("pw"); !errors.Is(err, ErrMalformedHash) {
		t.Fatalf("Hash with t=0: %v", err)
	}
	h.VerifyDummy("pw") // must not panic without a dummy hash
}

func TestVerifyDummyDoesRealWork(t *testing.T) {
	h := NewHasher(TestParams())
	if h.dummy == "" {
		t.Fatal("NewHasher must precompute the dummy hash")
	}
	h.VerifyDummy("anything")
}

func TestDefaultParamsAreValid(t *testing.T) {
	if err := checkParams(DefaultParams()); err != nil {
		t.Fatal(err)
	}
}
