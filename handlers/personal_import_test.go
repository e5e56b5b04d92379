package handlers_test

import (
	"strings"
	"testing"
)

// TestHouseholdImportForeignPhoneReadsLikeUnknown (issue 15): the CSV
// import reports a phone of another tenant's user exactly like a phone
// nobody registered, so a file cannot probe who uses the platform; a
// phone of someone known to the tenant is taken.
func TestHouseholdImportForeignPhoneReadsLikeUnknown(t *testing.T) {
	w := newWorld(t)
	foreign, known := w.outsiderOfA(), w.member("本网格居民", w.A1g1)
	const unknown = "13700000000"
	messages := map[string]string{}
	for name, phone := range map[string]string{"unknown": unknown, "foreign": foreign.Phone, "B lead": w.leadB1.Phone} {
		r := w.postCSV(w.A1g1, w.guideA1g1, "address,floor_area,member_phones\n8栋1,80,"+phone+"\n")
		wantCode(t, r, 400, "household.import_invalid")
		errs := r.obj()["errors"].([]any)
		if len(errs) != 1 {
			t.Fatalf("%s: errors %v", name, errs)
		}
		e := errs[0].(map[string]any)
		messages[name] = e["field"].(string) + ": " + strings.ReplaceAll(e["message"].(string), phone, "PHONE")
	}
	if messages["foreign"] != messages["unknown"] || messages["B lead"] != messages["unknown"] {
		t.Fatalf("import errors differ: %v", messages)
	}
	w.postCSV(w.A1g1, w.guideA1g1, "address,floor_area,member_phones\n8栋1,80,"+known.Phone+"\n").want(201)
}
