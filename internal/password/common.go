package password

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
)

// commonList is SecLists' top 10,000 of ten million leaked passwords (see
// common_passwords.LICENSE). Only LoadCommon reads it.
//
//go:embed common_passwords.txt
var commonList []byte

// Common is a set of passwords too common to accept: guessing them is
// the first thing an attacker with a phone number tries.
type Common struct {
	set map[string]struct{}
}

// LoadCommon parses the embedded list. Call it once at start-up and keep
// the result; it holds about 10,000 short strings.
func LoadCommon() (*Common, error) {
	c := &Common{set: make(map[string]struct{}, 10_000)}
	sc := bufio.NewScanner(bytes.NewReader(commonList))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			c.set[strings.ToLower(w)] = struct{}{}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load common passwords: %w", err)
	}
	if len(c.set) < 9_000 {
		return nil, fmt.Errorf("load common passwords: only %d entries", len(c.set))
	}
	return c, nil
}

// Len is how many passwords the set refuses.
func (c *Common) Len() int { return len(c.set) }

// Refuse returns why pw may not be chosen by the owner of phone, or ""
// when it may: it is on the list (compared case-insensitively, since
// "Password1" is guessed as readily as "password1") or it is the phone
// number itself, which anyone who knows the account knows.
func (c *Common) Refuse(pw, phone string) string {
	if phone != "" {
		for _, p := range []string{phone, "86" + phone, "+86" + phone} {
			if pw == p {
				return "must not be the phone number"
			}
		}
	}
	if _, found := c.set[strings.ToLower(strings.TrimSpace(pw))]; found {
		return "is one of the 10,000 most common passwords"
	}
	return ""
}
