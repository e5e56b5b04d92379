package lists

import (
	"slices"
	"strings"
	"testing"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/schema/schematype"
)

// FuzzScreen screens arbitrary proposals against the default lists plus
// one negative item with fuzzed keywords ("|"-separated). Screening runs
// on every submission, so it must never panic, and each flag must be
// explainable to a reviewer: "uncategorized" exactly when the category is
// not an active encouraged code, and every negative term is one of the
// item's keywords found in the folded text, once.
func FuzzScreen(f *testing.F) {
	f.Add("转角遇到爱心椅", "楼道里安装爱心椅，方便老人上下楼歇脚", "E01", "爱心椅|ＡＰＰ推广")
	f.Fuzz(func(t *testing.T, title, body, category, keywords string) {
		items := fuzzItems(strings.Split(keywords, "|"))
		flags := Screen(title, body, category, items)
		encouraged := slices.ContainsFunc(items, func(it *ent.ListItem) bool {
			return it.Kind == listitem.KindEncouraged && it.Code == category
		})
		if got := len(flags) > 0 && flags[0].Kind == "uncategorized"; got == encouraged {
			t.Fatalf("category %q: uncategorized flag %v, encouraged code %v", category, got, encouraged)
		}
		text := fold(title + "\n" + body)
		for _, fl := range flags {
			if fl.Kind != "negative" {
				continue
			}
			i := slices.IndexFunc(items, func(it *ent.ListItem) bool { return it.Code == fl.Code })
			if i < 0 || len(fl.Terms) == 0 {
				t.Fatalf("flag %+v names no item or no term", fl)
			}
			seen := map[string]bool{}
			for _, term := range fl.Terms {
				if !slices.Contains(items[i].Keywords, term) || !strings.Contains(text, fold(term)) || seen[fold(term)] {
					t.Fatalf("flag %s: term %q is not a keyword found once in the text", fl.Code, term)
				}
				seen[fold(term)] = true
			}
		}
		reversed := slices.Clone(items)
		slices.Reverse(reversed)
		if again := Screen(title, body, category, reversed); !slices.EqualFunc(flags, again, func(a, b schematype.ScreeningFlag) bool {
			return a.Kind == b.Kind && a.Code == b.Code && slices.Equal(a.Terms, b.Terms)
		}) {
			t.Fatalf("flags depend on the order items were read: %+v vs %+v", flags, again)
		}
	})
}

// fuzzItems is the default lists as rows plus one negative item with the
// given keywords.
func fuzzItems(keywords []string) []*ent.ListItem {
	var out []*ent.ListItem
	pos := map[listitem.Kind]int{}
	for i, d := range Defaults() {
		pos[d.Kind]++
		out = append(out, &ent.ListItem{ID: i + 1, Kind: d.Kind, Code: d.Code, Title: d.Title,
			Keywords: d.Keywords, Status: listitem.StatusActive, Position: pos[d.Kind]})
	}
	return append(out, &ent.ListItem{ID: len(out) + 1, Kind: listitem.KindNegative, Code: "NF", Title: "fuzz",
		Keywords: keywords, Status: listitem.StatusActive, Position: 99})
}
