package accessdoc

import (
	"testing"

	"yishi/handlers"
)

func TestSummary(t *testing.T) {
	r := handlers.RuleAccess{Permission: "unit:read", Mode: "subtree",
		Predicates: []handlers.PredicateAccess{{Name: "author"}, {Name: "not_self", Deferred: true}},
		Or:         &handlers.RuleAccess{Permission: "proposal:read", Mode: "community-wide"},
		Also:       "more on the body"}
	want := "unit:read (subtree; author, not_self [deferred]) or proposal:read (community-wide); also more on the body"
	if got := Summary(r); got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if got := Summary(handlers.RuleAccess{Mode: "public"}); got != "none (public)" {
		t.Errorf("Summary(public) = %q", got)
	}
}

func TestDescriptionLineReplacesItself(t *testing.T) {
	line := DescriptionLine(handlers.RouteAccess{Rule: handlers.RuleAccess{Permission: "vote:read", Mode: "community-wide"}})
	for desc, want := range map[string]string{
		"":                                 line,
		"Reads a vote.":                    "Reads a vote.\n\n" + line,
		"Reads a vote.\n\nPermission: old": "Reads a vote.\n\n" + line,
		"Permission: old":                  line,
		"Two.\n\nParagraphs.":              "Two.\n\nParagraphs.\n\n" + line,
		"A.\n\nPermission by action: a: b": "A.\n\n" + line,
	} {
		if got := WithDescriptionLine(desc, line); got != want {
			t.Errorf("WithDescriptionLine(%q) = %q, want %q", desc, got, want)
		}
	}
}
