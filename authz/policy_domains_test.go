package authz

import "testing"

func TestAncestorDomains(t *testing.T) {
	tests := []struct {
		path string
		want [4]string
	}{
		{"", [4]string{"platform", "", "", ""}},
		{"s1/", [4]string{"platform", "s1/", "", ""}},
		{"s1/c4/", [4]string{"platform", "s1/", "s1/c4/", ""}},
		{"s1/c4/g9/", [4]string{"platform", "s1/", "s1/c4/", "s1/c4/g9/"}},
		{"s12/c345/g6/", [4]string{"platform", "s12/", "s12/c345/", "s12/c345/g6/"}},
	}
	for _, tt := range tests {
		if got := AncestorDomains(tt.path); got != tt.want {
			t.Errorf("AncestorDomains(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestValidUnitPath(t *testing.T) {
	valid := []string{"", "s1/", "s1/c4/", "s1/c4/g9/", "s12/c345/g6/"}
	invalid := []string{"s1", "/", "s/", "s1//", "c4/", "s1/g9/", "s1/c4/g9/x1/",
		"s1/c4/g9", "platform", "s1/c4/c5/", "g9/"}
	for _, p := range valid {
		if !validUnitPath(p) {
			t.Errorf("validUnitPath(%q) = false, want true", p)
		}
	}
	for _, p := range invalid {
		if validUnitPath(p) {
			t.Errorf("validUnitPath(%q) = true, want false", p)
		}
	}
}
