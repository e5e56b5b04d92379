package talents

import (
	"context"
	"fmt"
	"sort"

	"yishi/ent"
	"yishi/ent/talent"
)

// Count is one bucket of the talent statistics.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats counts the talents of a subtree: in total, per unit path, per
// skill (a talent with two skills counts in both) and per source, so
// "1,200 activists across 27 communities" is one request.
type Stats struct {
	Total    int     `json:"total"`
	ByUnit   []Count `json:"by_unit"`
	BySkill  []Count `json:"by_skill"`
	BySource []Count `json:"by_source"`
}

// StatsOf aggregates in Go (as internal/stats does), so both databases
// agree; buckets are sorted by count, then key.
func StatsOf(ctx context.Context, client *ent.Client, path string) (Stats, error) {
	rows, err := client.Talent.Query().Where(talent.UnitPathHasPrefix(path)).
		Select(talent.FieldUnitPath, talent.FieldSkills, talent.FieldSource).All(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("talent stats under %s: %w", path, err)
	}
	byUnit, bySkill, bySource := map[string]int{}, map[string]int{}, map[string]int{}
	for _, t := range rows {
		byUnit[t.UnitPath]++
		bySource[string(t.Source)]++
		for _, s := range t.Skills {
			bySkill[s]++
		}
	}
	return Stats{Total: len(rows), ByUnit: sorted(byUnit), BySkill: sorted(bySkill), BySource: sorted(bySource)}, nil
}

func sorted(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
