package households

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds the CSV importer arbitrary files: it must never panic,
// every problem must name a row and a field (the guide has to find it),
// and a file without problems must hold only rows that pass Check, so the
// importer can store them as they are.
func FuzzParse(f *testing.F) {
	f.Add([]byte("\ufeffaddress,floor_area,owner_name,owner_phone,member_phones\n1栋2单元401,89.37,王建国,13800000001,13900000001；13900000002\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, problems := Parse(data)
		if len(rows) > MaxRows {
			t.Fatalf("%d rows, above MaxRows", len(rows))
		}
		for _, p := range problems {
			if p.Row < 0 || p.Field == "" && p.Message == "" {
				t.Fatalf("problem names nothing: %+v", p)
			}
			if !utf8.ValidString(p.Message) {
				t.Fatalf("problem message is not UTF-8: %q", p.Message)
			}
		}
		if len(problems) > 0 {
			return
		}
		for _, r := range rows {
			if r.Line < 2 {
				t.Fatalf("data row on line %d (the header is line 1)", r.Line)
			}
			if probs := Check(r.Input); len(probs) > 0 {
				t.Fatalf("row %d passed Parse but fails Check: %+v", r.Line, probs)
			}
			for _, p := range r.MemberPhones {
				if !ValidPhone(p) {
					t.Fatalf("row %d: member phone %q passed Parse", r.Line, p)
				}
			}
		}
	})
}
