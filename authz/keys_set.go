package authz

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
)

// KeySet holds the Ed25519 keys that sign and verify access tokens. The
// first key signs; every key verifies, so after a rotation tokens signed by
// the previous key stay valid until they expire.
type KeySet struct {
	keys  []signingKey
	byKID map[string]ed25519.PublicKey
}

// signingKey is one private key with its precomputed key id.
type signingKey struct {
	kid  string
	priv ed25519.PrivateKey
	pub  ed25519.PublicKey
}

// NewKeySet builds a KeySet from keys, the first of which signs. Tests and
// tools use it directly; servers use LoadKeySet.
func NewKeySet(keys ...ed25519.PrivateKey) (*KeySet, error) {
	if len(keys) == 0 {
		return nil, errors.New("new key set: no keys")
	}
	ks := &KeySet{byKID: make(map[string]ed25519.PublicKey, len(keys))}
	for i, priv := range keys {
		if len(priv) != ed25519.PrivateKeySize {
			return nil, fmt.Errorf("new key set: key %d: bad length %d", i, len(priv))
		}
		pub := priv.Public().(ed25519.PublicKey)
		kid := keyID(pub)
		if _, dup := ks.byKID[kid]; dup {
			return nil, fmt.Errorf("new key set: key %d duplicates kid %s", i, kid)
		}
		ks.byKID[kid] = pub
		ks.keys = append(ks.keys, signingKey{kid: kid, priv: priv, pub: pub})
	}
	return ks, nil
}

// keyID is base64url (no padding) of the first 16 bytes of SHA-256 of the
// raw public key: stable across restarts, derived from the key alone, and
// short enough for every token header.
func keyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return base64.RawURLEncoding.EncodeToString(sum[:16])
}

// SigningKID is the kid of the key that signs new tokens; logs and the key
// rotation command print it.
func (k *KeySet) SigningKID() string { return k.keys[0].kid }

// KIDs lists every key id, signing key first.
func (k *KeySet) KIDs() []string {
	ids := make([]string, len(k.keys))
	for i, key := range k.keys {
		ids[i] = key.kid
	}
	return ids
}

// signer returns the key that signs new tokens.
func (k *KeySet) signer() signingKey { return k.keys[0] }

// publicKey returns the verification key for kid.
func (k *KeySet) publicKey(kid string) (ed25519.PublicKey, bool) {
	pub, ok := k.byKID[kid]
	return pub, ok
}
