package voting

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"strings"
)

// Secrets are a new ballot's public token and the voter's receipt code.
// The code is shown once; the database keeps only ReceiptHash, so a
// leaked database cannot be used to claim someone else's receipt.
type Secrets struct {
	Token       string
	Receipt     string
	ReceiptHash string
}

// NewSecrets draws 128 random bits for each of the token and the receipt.
func NewSecrets() (Secrets, error) {
	tok, code := make([]byte, 16), make([]byte, 16)
	if _, err := rand.Read(tok); err != nil {
		return Secrets{}, fmt.Errorf("ballot token: %w", err)
	}
	if _, err := rand.Read(code); err != nil {
		return Secrets{}, fmt.Errorf("ballot receipt: %w", err)
	}
	r := groupReceipt(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(code))
	return Secrets{Token: hex.EncodeToString(tok), Receipt: r, ReceiptHash: HashReceipt(r)}, nil
}

// groupReceipt writes a code in groups of four, easier to read aloud.
func groupReceipt(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HashReceipt is the stored form of a receipt code. Dashes, spaces and
// case are ignored so a code copied by hand still verifies.
func HashReceipt(code string) string {
	norm := strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(code)))
	h := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(h[:])
}
