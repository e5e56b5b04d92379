package store

import (
	"errors"

	"yishi/ent"
	"yishi/ent/privacy"
)

// Hidden reports whether err says a row does not exist for the caller:
// missing (ent's not found) or refused by a privacy policy. Both answer
// 404, so a caller cannot tell another tenant's row from a missing one;
// the HTTP layer asks this instead of importing ent's privacy package.
func Hidden(err error) bool {
	return ent.IsNotFound(err) || errors.Is(err, privacy.Deny)
}
