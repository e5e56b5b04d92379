package password

import "testing"

func TestCommonRefusesListedAndPhone(t *testing.T) {
	c, err := LoadCommon()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 9_900 {
		t.Fatalf("list has %d entries", c.Len())
	}
	for _, pw := range []string{"password", "12345678", "qwertyuiop", "Password1", "iloveyou", "13812341234"} {
		if c.Refuse(pw, "13812341234") == "" {
			t.Errorf("%q accepted", pw)
		}
	}
	for _, pw := range []string{"correct horse battery", "李阿姨的花园2025", "13812341235x"} {
		if why := c.Refuse(pw, "13812341234"); why != "" {
			t.Errorf("%q refused: %s", pw, why)
		}
	}
}
