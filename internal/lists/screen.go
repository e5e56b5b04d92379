package lists

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/schema/schematype"
)

// Screen checks a proposal against its tenant's lists and returns the
// flags reviewers see, in list order: "uncategorized" when categoryCode
// names no active encouraged category, then one "negative" flag per active
// negative item with a keyword in the title or body. Matching is plain
// substring search (Chinese has no word breaks, and segmentation would
// make the result depend on a dictionary); Latin letters match in any case
// and full-width forms. Retired items never flag.
func Screen(title, body, categoryCode string, items []*ent.ListItem) []schematype.ScreeningFlag {
	active := make([]*ent.ListItem, 0, len(items))
	for _, it := range items {
		if it.Status == listitem.StatusActive {
			active = append(active, it)
		}
	}
	slices.SortStableFunc(active, func(a, b *ent.ListItem) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), strings.Compare(a.Code, b.Code))
	})
	var flags []schematype.ScreeningFlag
	if !slices.ContainsFunc(active, func(it *ent.ListItem) bool {
		return it.Kind == listitem.KindEncouraged && it.Code == categoryCode
	}) {
		flags = append(flags, uncategorized(categoryCode))
	}
	text := fold(title + "\n" + body)
	for _, it := range active {
		if it.Kind != listitem.KindNegative {
			continue
		}
		if terms := matchTerms(text, it.Keywords); len(terms) > 0 {
			flags = append(flags, schematype.ScreeningFlag{Kind: "negative", Code: it.Code, Title: it.Title,
				Terms: terms, Reason: "matched negative-list keywords " + strings.Join(terms, ", ")})
		}
	}
	return flags
}

func uncategorized(code string) schematype.ScreeningFlag {
	reason := "no encouraged-list category was chosen"
	if code != "" {
		reason = fmt.Sprintf("category %q is not an active encouraged-list category", code)
	}
	return schematype.ScreeningFlag{Kind: "uncategorized", Terms: []string{}, Reason: reason}
}

// matchTerms returns the keywords found in the folded text, in keyword
// order, each once.
func matchTerms(text string, keywords []string) []string {
	var terms []string
	seen := map[string]bool{}
	for _, k := range keywords {
		f := fold(k)
		if f == "" || seen[f] || !strings.Contains(text, f) {
			continue
		}
		seen[f] = true
		terms = append(terms, k)
	}
	return terms
}

// fold lowercases and maps full-width ASCII forms (Ａ, １, ＠), which
// Chinese input methods produce, to their ASCII letters, so "ＡＰＰ推广"
// matches the keyword "app推广".
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '！' && r <= '～' {
			r -= '！' - '!'
		}
		return unicode.ToLower(r)
	}, s)
}
