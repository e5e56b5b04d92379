package talents

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/talent"
	"yishi/internal/viewer"
)

// relatedWords maps common skill tags to the words a proposal about that
// work uses. A tag not listed here matches by itself only.
func relatedWords() map[string][]string {
	return map[string][]string{
		"木工": {"木", "椅", "凳", "桌", "柜", "家具", "木工"},
		"电工": {"电", "灯", "线路", "插座", "充电", "照明"},
		"水电": {"水管", "下水", "漏水", "电路", "水电"},
		"法律": {"法律", "纠纷", "合同", "维权", "律师"},
		"调解": {"矛盾", "纠纷", "调解", "邻里"},
		"书法": {"书法", "春联", "题字"},
		"绘画": {"画", "墙绘", "彩绘"},
		"园艺": {"绿化", "花", "树", "草坪", "种植", "菜园"},
		"厨艺": {"食堂", "做饭", "餐", "厨"},
		"医护": {"健康", "医", "护理", "体检"},
		"教育": {"辅导", "课", "孩子", "儿童", "作业"},
	}
}

// Scoring weights: a skill word found in the proposal's title or body
// weighs more than one found in its category (the guidebook item's title
// and keywords), because the category is broad (建设类 covers seats and
// street lights alike).
const (
	weightText     = 5
	weightCategory = 1
)

// Suggestion is a talent ranked for a proposal, with the words that
// matched so staff see why.
type Suggestion struct {
	Talent  *ent.Talent
	Score   int
	Matched []string
}

// Score rates skills against a proposal's text and category text: for
// each skill, every distinct word of it (the tag and its related words)
// found in the text adds weightText, and found in the category adds
// weightCategory. Deterministic: no randomness, no time.
func Score(skills []string, text, category string) (int, []string) {
	score, matched, related := 0, []string{}, relatedWords()
	for _, s := range skills {
		words := append([]string{s}, related[s]...)
		seen := map[string]bool{}
		hit := false
		for _, w := range words {
			if seen[w] {
				continue
			}
			seen[w] = true
			if strings.Contains(text, w) {
				score += weightText
				hit = true
			}
			if category != "" && strings.Contains(category, w) {
				score += weightCategory
				hit = true
			}
		}
		if hit {
			matched = append(matched, s)
		}
	}
	return score, matched
}

// Suggest ranks the talents recorded in the proposal's community (its
// community path, or its unit path for a subdistrict proposal) whose
// skills match it: highest score first, then those who consented to be
// contacted, then the earliest recorded. Talents scoring 0 are left out;
// at most limit come back. It reads as the caller (privacy applies to the
// talents) and reads the proposal's guidebook category as the tenant-wide
// reference data it is.
func Suggest(ctx context.Context, client *ent.Client, p *ent.Proposal, limit int) ([]Suggestion, error) {
	scope := p.CommunityPath
	if scope == "" {
		scope = p.UnitPath
	}
	rows, err := client.Talent.Query().Where(talent.TenantID(p.TenantID), talent.UnitPathHasPrefix(scope)).
		Order(ent.Asc(talent.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("talents for proposal %d: %w", p.ID, err)
	}
	category := ""
	if p.CategoryCode != "" {
		items, err := client.ListItem.Query().Where(listitem.TenantID(p.TenantID), listitem.Code(p.CategoryCode),
			listitem.KindEQ(listitem.KindEncouraged)).All(viewer.SystemContext(ctx))
		if err != nil {
			return nil, fmt.Errorf("category of proposal %d: %w", p.ID, err)
		}
		for _, it := range items {
			category += it.Title + " " + strings.Join(it.Keywords, " ")
		}
	}
	text := p.Title + "\n" + p.Body
	out := []Suggestion{}
	for _, t := range rows {
		if score, matched := Score(t.Skills, text, category); score > 0 {
			out = append(out, Suggestion{Talent: t, Score: score, Matched: matched})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Talent.ContactConsent != b.Talent.ContactConsent {
			return a.Talent.ContactConsent
		}
		return a.Talent.ID < b.Talent.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
