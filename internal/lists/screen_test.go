package lists_test

import (
	"slices"
	"testing"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/schema/schematype"
	"yishi/internal/lists"
)

// defaultItems builds the default lists as rows, the way SeedDefaults
// numbers them, without a database.
func defaultItems() []*ent.ListItem {
	var out []*ent.ListItem
	pos := map[listitem.Kind]int{}
	for i, d := range lists.Defaults() {
		pos[d.Kind]++
		out = append(out, &ent.ListItem{ID: i + 1, Kind: d.Kind, Code: d.Code, Title: d.Title,
			Keywords: d.Keywords, Status: listitem.StatusActive, Position: pos[d.Kind]})
	}
	return out
}

func negativeCodes(flags []schematype.ScreeningFlag) []string {
	var out []string
	for _, f := range flags {
		if f.Kind == "negative" {
			out = append(out, f.Code)
		}
	}
	return out
}

func TestScreenLoveSeatsIsClean(t *testing.T) {
	flags := lists.Screen("转角遇到爱心椅", "楼道里安装爱心椅，方便老人上下楼歇脚", "E01", defaultItems())
	if len(flags) != 0 {
		t.Fatalf("flags = %+v, want none", flags)
	}
}

func TestScreenCourtCaseFlagsN02(t *testing.T) {
	flags := lists.Screen("楼上漏水", "我已经向法院起诉了楼上邻居，法院下周开庭，请社区表态。", "E02", defaultItems())
	if len(flags) != 1 || flags[0].Kind != "negative" || flags[0].Code != "N02" {
		t.Fatalf("flags = %+v, want only N02", flags)
	}
	if want := []string{"起诉", "法院"}; !slices.Equal(flags[0].Terms, want) {
		t.Fatalf("terms = %v, want %v (keyword order, once each)", flags[0].Terms, want)
	}
	if flags[0].Title != "已进入司法或仲裁程序的事项" || flags[0].Reason == "" {
		t.Fatalf("flag = %+v", flags[0])
	}
}

func TestScreenUncategorized(t *testing.T) {
	items := defaultItems()
	for _, code := range []string{"", "E99", "N02", "e01"} {
		flags := lists.Screen("加装电梯", "老楼加装电梯", code, items)
		if len(flags) != 1 || flags[0].Kind != "uncategorized" || flags[0].Code != "" {
			t.Fatalf("category %q: flags = %+v", code, flags)
		}
	}
}

func TestScreenRetiredItemsDoNotFlag(t *testing.T) {
	items := defaultItems()
	for _, it := range items {
		if it.Code == "N02" || it.Code == "E01" {
			it.Status = listitem.StatusRetired
		}
	}
	flags := lists.Screen("诉讼", "已经起诉", "E01", items)
	if len(flags) != 1 || flags[0].Kind != "uncategorized" {
		t.Fatalf("flags = %+v, want only uncategorized (E01 and N02 are retired)", flags)
	}
}

func TestScreenOrderAndCaseFolding(t *testing.T) {
	items := append(defaultItems(), &ent.ListItem{Kind: listitem.KindNegative, Code: "N14", Title: "外部应用推广",
		Keywords: []string{"App推广", "app推广"}, Status: listitem.StatusActive, Position: 14})
	flags := lists.Screen("ＡＰＰ推广和宗教活动", "有人要求法院判决", "", items)
	want := []string{"N02", "N05", "N14"}
	if got := negativeCodes(flags); !slices.Equal(got, want) || flags[0].Kind != "uncategorized" {
		t.Fatalf("flags = %+v, want uncategorized then %v", flags, want)
	}
	if terms := flags[3].Terms; !slices.Equal(terms, []string{"App推广"}) {
		t.Fatalf("N14 terms = %v, want the first spelling once", terms)
	}
}
