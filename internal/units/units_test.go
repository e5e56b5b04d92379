package units

import "testing"

func TestCommunityPath(t *testing.T) {
	for in, want := range map[string]string{"s1/c4/g9/": "s1/c4/", "s1/c4/": "s1/c4/", "s1/": "s1/", "": ""} {
		if got := CommunityPath(in); got != want {
			t.Errorf("CommunityPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidateCodeAndName(t *testing.T) {
	for code, ok := range map[string]bool{"shengli": true, "jh-g1": true, "a b": false, "": false, "-x": false, "好": false} {
		if (ValidateCode(code) == "") != ok {
			t.Errorf("ValidateCode(%q) ok=%v", code, !ok)
		}
	}
	if ValidateName("  ") == "" || ValidateName("胜利街道") != "" || ValidateName("a\x00b") == "" {
		t.Error("ValidateName is wrong")
	}
}
