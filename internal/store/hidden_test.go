package store

import (
	"errors"
	"fmt"
	"testing"

	"yishi/ent/privacy"
)

func TestHiddenCoversPrivacyDenialsOnly(t *testing.T) {
	if !Hidden(fmt.Errorf("read: %w", privacy.Denyf("privacy: no viewer"))) {
		t.Fatal("a wrapped privacy denial must be hidden")
	}
	if Hidden(errors.New("boom")) || Hidden(nil) {
		t.Fatal("other errors are not hidden")
	}
}
