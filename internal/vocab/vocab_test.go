package vocab

import (
	"slices"
	"testing"

	"yishi/ent/proposal"
)

func TestCatalogueHasTheSchemaEnumsAndTypedTables(t *testing.T) {
	cat := Catalogue()
	names := make([]string, 0, len(cat))
	for _, v := range cat {
		if len(v.Values) == 0 || v.Doc == "" {
			t.Errorf("%s has no values or no doc", v.Name)
		}
		names = append(names, v.Name)
	}
	if !slices.IsSorted(names) {
		t.Fatalf("catalogue not sorted: %v", names)
	}
	for _, want := range []string{"proposal.status", "proposal.kind", "proposal.channel", "task.status",
		"venue.kind", "organization.kind", "participant.identity", "minutes.status",
		"proposal.action", "meeting.action", "membership.identity"} {
		if !slices.Contains(names, want) {
			t.Errorf("catalogue lacks %s (has %v)", want, names)
		}
	}
	for _, st := range []proposal.Status{proposal.StatusDraft, proposal.StatusLapsed} {
		if err := proposal.StatusValidator(st); err != nil || !Of("proposal.status").Has(string(st)) {
			t.Errorf("proposal.status lacks %s", st)
		}
	}
	if !slices.Equal(Of("participant.identity").Values(), Of("membership.identity").Values()) {
		t.Error("members and participants must share one identity table")
	}
}

func TestCatalogueHandsOutCopies(t *testing.T) {
	Catalogue()[0].Values[0] = "changed"
	s := Of(Catalogue()[0].Name)
	s.Values()[0] = "changed"
	if Catalogue()[0].Values[0] == "changed" || Of(Catalogue()[0].Name).Has("changed") {
		t.Fatal("the tables must not change through what Catalogue and Values return")
	}
	if Of("no.such").Has("") || Of("proposal.kind").OneOf() != "must be one of individual, joint, organizational" {
		t.Fatal("unknown vocabularies are empty; OneOf names the words")
	}
}
