// Package clients mints and checks partner-app credentials. Secrets are
// 256-bit random strings, so a single SHA-256 is a sufficient hash (a slow
// hash protects low-entropy passwords, which these are not).
package clients

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// Credentials is a newly minted client id and secret.
type Credentials struct {
	ClientID   string
	Secret     string
	SecretHash string
}

// NewCredentials mints a client id and secret.
func NewCredentials() (Credentials, error) {
	var id [12]byte
	var secret [32]byte
	if _, err := rand.Read(id[:]); err != nil {
		return Credentials{}, fmt.Errorf("client id: %w", err)
	}
	if _, err := rand.Read(secret[:]); err != nil {
		return Credentials{}, fmt.Errorf("client secret: %w", err)
	}
	c := Credentials{
		ClientID: "yc_" + hex.EncodeToString(id[:]),
		Secret:   "ys_" + base64.RawURLEncoding.EncodeToString(secret[:]),
	}
	c.SecretHash = HashSecret(c.Secret)
	return c, nil
}

// HashSecret is the stored form of a secret.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// SecretMatches compares in constant time.
func SecretMatches(storedHash, secret string) bool {
	return subtle.ConstantTimeCompare([]byte(storedHash), []byte(HashSecret(secret))) == 1
}
