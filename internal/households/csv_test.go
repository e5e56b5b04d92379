package households

import (
	"fmt"
	"strings"
	"testing"
)

func problemsOf(t *testing.T, src string) []string {
	t.Helper()
	_, probs := Parse([]byte(src))
	var out []string
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s@%d", p.Field, p.Row))
	}
	return out
}

func TestParseGoodFile(t *testing.T) {
	src := "\ufeffaddress,floor_area,owner_name,owner_phone,member_phones\n" +
		"1栋101,89.37,王大爷,13800000001,13900000001;13900000002\n" +
		"\n" +
		"\"1栋102, 东\",60,,,13900000003；13900000003\n"
	rows, probs := Parse([]byte(src))
	if len(probs) != 0 || len(rows) != 2 {
		t.Fatalf("rows %v problems %v", rows, probs)
	}
	if rows[0].Input.FloorArea != 89.37 || len(rows[0].MemberPhones) != 2 || rows[1].Input.Address != "1栋102, 东" {
		t.Fatalf("rows = %+v", rows)
	}
	if rows[1].Line != 4 || len(rows[1].MemberPhones) != 1 {
		t.Fatalf("row 2 = %+v (line counts the blank line; phones deduplicated)", rows[1])
	}
}

func TestParseReportsEveryBadRow(t *testing.T) {
	src := "floor_area,address,member_phones\n" +
		"80,1栋101,\n" +
		"abc,1栋102,\n" +
		"-5,1栋103,12345\n" +
		"70.123,1栋101,\n" +
		"70\n"
	got := strings.Join(problemsOf(t, src), " ")
	want := "floor_area@3 floor_area@4 member_phones@4 floor_area@5 address@5 row@6"
	if got != want {
		t.Fatalf("problems %q, want %q", got, want)
	}
}

func TestParseRejectsBadHeadersAndEncodings(t *testing.T) {
	if got := problemsOf(t, "address,area\n1,2\n"); strings.Join(got, " ") != "area@1 floor_area@1" {
		t.Fatalf("header problems %v", got)
	}
	if got := problemsOf(t, "address,floor_area\n\xb1\xb1,50\n"); len(got) != 1 || got[0] != "file@1" {
		t.Fatalf("GBK file: %v", got)
	}
	if got := problemsOf(t, ""); len(got) != 1 {
		t.Fatalf("empty file: %v", got)
	}
	if got := problemsOf(t, "address,floor_area\n\"1栋,50\n"); len(got) != 1 || !strings.HasPrefix(got[0], "file@") {
		t.Fatalf("broken quote: %v", got)
	}
}

func TestParseCapsRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("address,floor_area\n")
	for i := 0; i <= MaxRows; i++ {
		fmt.Fprintf(&b, "楼%d,50\n", i)
	}
	got := problemsOf(t, b.String())
	if len(got) != 1 || !strings.HasPrefix(got[0], "file@") {
		t.Fatalf("over the cap: %v", got)
	}
}

func TestCheckAreas(t *testing.T) {
	for area, ok := range map[float64]bool{0.01: true, 89.37: true, 100000: true, 0: false, -1: false, 100000.01: false, 1.005: false} {
		if got := len(Check(Input{Address: "1栋", FloorArea: area})) == 0; got != ok {
			t.Errorf("area %v ok = %v", area, got)
		}
	}
}

func TestCheckRefusesControlCharacters(t *testing.T) {
	probs := Check(Input{Address: "3栋\x00401", FloorArea: 80, OwnerName: "李\x00"})
	if len(probs) != 2 || probs[0].Field != "address" || probs[1].Field != "owner_name" {
		t.Fatalf("problems = %+v", probs)
	}
}

// TestParseRefusesNUL: the handler looks the rows' addresses up before
// storing, and PostgreSQL refuses NUL in a query parameter (a 500 before
// this check; found by TestEveryOperationRefusesMalformedInput).
func TestParseRefusesNUL(t *testing.T) {
	if got := problemsOf(t, "address,floor_area\n1栋,50\n2栋\x00,50\n"); len(got) != 1 || got[0] != "file@3" {
		t.Fatalf("NUL: %v", got)
	}
}
