package access

import "testing"

// TestEveryModeIsDocumented fails when a mode is added without the doc
// docs/PERMISSIONS.md prints for it.
func TestEveryModeIsDocumented(t *testing.T) {
	modes := Modes()
	if len(modes) < 7 || modes[0] != Public {
		t.Fatalf("Modes() = %v", modes)
	}
	for _, m := range modes {
		if m.Doc() == "" {
			t.Errorf("mode %s has no Doc", m)
		}
	}
}
