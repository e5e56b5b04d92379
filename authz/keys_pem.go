package authz

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
)

// pemPrivateKey is the PEM block type of a PKCS#8 private key.
const pemPrivateKey = "PRIVATE KEY"

// parseKeysPEM reads one or more PKCS#8 Ed25519 private keys, in order.
func parseKeysPEM(data []byte) ([]ed25519.PrivateKey, error) {
	var keys []ed25519.PrivateKey
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type != pemPrivateKey {
			return nil, fmt.Errorf("parse keys: unexpected PEM block %q", block.Type)
		}
		key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("parse keys: key %d: %w", len(keys), err)
		}
		priv, ok := key.(ed25519.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("parse keys: key %d is %T, want Ed25519", len(keys), key)
		}
		keys = append(keys, priv)
	}
	if len(bytes.TrimSpace(data)) > 0 {
		return nil, errors.New("parse keys: trailing data after last PEM block")
	}
	if len(keys) == 0 {
		return nil, errors.New("parse keys: no PRIVATE KEY block")
	}
	return keys, nil
}

// encodeKeysPEM writes keys as consecutive PKCS#8 PEM blocks.
func encodeKeysPEM(keys []ed25519.PrivateKey) ([]byte, error) {
	var buf bytes.Buffer
	for i, priv := range keys {
		der, err := x509.MarshalPKCS8PrivateKey(priv)
		if err != nil {
			return nil, fmt.Errorf("encode key %d: %w", i, err)
		}
		if err := pem.Encode(&buf, &pem.Block{Type: pemPrivateKey, Bytes: der}); err != nil {
			return nil, fmt.Errorf("encode key %d: %w", i, err)
		}
	}
	return buf.Bytes(), nil
}

// generateKey returns a fresh Ed25519 private key.
func generateKey() (ed25519.PrivateKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate key: %w", err)
	}
	return priv, nil
}
