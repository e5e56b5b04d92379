package authz

import "encoding/base64"

// JWKSDocument is the body of GET /.well-known/jwks.json: the public keys
// that verify Yishi access tokens, so partner services can verify tokens
// without calling back.
type JWKSDocument struct {
	Keys []JWK `json:"keys"`
}

// JWK is one Ed25519 public key in RFC 8037 form.
type JWK struct {
	Kty string `json:"kty" example:"OKP"`
	Crv string `json:"crv" example:"Ed25519"`
	X   string `json:"x" example:"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"`
	Kid string `json:"kid" example:"Yb0hM0dRLcGOqgHpKuUqeQ"`
	Alg string `json:"alg" example:"EdDSA"`
	Use string `json:"use" example:"sig"`
}

// JWKS returns every verification key, signing key first.
func (k *KeySet) JWKS() JWKSDocument {
	doc := JWKSDocument{Keys: make([]JWK, 0, len(k.keys))}
	for _, key := range k.keys {
		doc.Keys = append(doc.Keys, JWK{
			Kty: "OKP",
			Crv: "Ed25519",
			X:   base64.RawURLEncoding.EncodeToString(key.pub),
			Kid: key.kid,
			Alg: "EdDSA",
			Use: "sig",
		})
	}
	return doc
}
