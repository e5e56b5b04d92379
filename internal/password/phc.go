package password

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// ErrMalformedHash means a stored hash is not an argon2id PHC string this
// package can verify; callers should treat it as a server fault, not as a
// wrong password.
var ErrMalformedHash = errors.New("malformed argon2id hash")

// encodePHC formats $argon2id$v=19$m=..,t=..,p=..$salt$key.
func encodePHC(p Params, salt, key []byte) string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// decodePHC parses a PHC string and checks its parameters are sane.
func decodePHC(encoded string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformedHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, fmt.Errorf("%w: version %q", ErrMalformedHash, parts[2])
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, fmt.Errorf("%w: params: %w", ErrMalformedHash, err)
	}
	if salt, err = base64.RawStdEncoding.Strict().DecodeString(parts[4]); err != nil {
		return p, nil, nil, fmt.Errorf("%w: salt: %w", ErrMalformedHash, err)
	}
	if key, err = base64.RawStdEncoding.Strict().DecodeString(parts[5]); err != nil {
		return p, nil, nil, fmt.Errorf("%w: key: %w", ErrMalformedHash, err)
	}
	p.KeyLen, p.SaltLen = uint32(len(key)), uint32(len(salt))
	if err := checkParams(p); err != nil {
		return p, nil, nil, err
	}
	return p, salt, key, nil
}

// checkParams rejects costs that are zero or absurdly large.
func checkParams(p Params) error {
	switch {
	case p.Time == 0 || p.Time > maxTime:
		return fmt.Errorf("%w: t=%d", ErrMalformedHash, p.Time)
	case p.Threads == 0:
		return fmt.Errorf("%w: p=0", ErrMalformedHash)
	case p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemory:
		return fmt.Errorf("%w: m=%d", ErrMalformedHash, p.Memory)
	case p.KeyLen < 16 || p.KeyLen > maxKeyLen:
		return fmt.Errorf("%w: key length %d", ErrMalformedHash, p.KeyLen)
	case p.SaltLen < minSaltLen:
		return fmt.Errorf("%w: salt length %d", ErrMalformedHash, p.SaltLen)
	}
	return nil
}
