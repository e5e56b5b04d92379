package handlers

import (
	"fmt"
	"hash/fnv"
	"strings"

	"yishi/ent"
)

// listItemETag is the entity tag of an item's current state: a hash of its
// editable fields and updated_at (to the microsecond, which is all
// PostgreSQL keeps). Any change through the API changes it. It is strong
// because it covers everything a PATCH can change.
func listItemETag(it *ent.ListItem) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%d\x00%s\x00%s\x00%s\x00%s\x00%q", it.ID, it.UpdatedAt.UnixMicro(),
		it.Title, it.TitleEn, it.Description, it.Status, it.Keywords)
	return fmt.Sprintf(`"%016x"`, h.Sum64())
}

// ifMatchAllows reports whether an If-Match header admits the current
// entity tag. No header means an unconditional update; "*" matches any
// existing item. A W/ prefix is ignored because proxies that compress
// responses weaken tags they pass on, and the client meant this version.
func ifMatchAllows(header, current string) bool {
	if strings.TrimSpace(header) == "" {
		return true
	}
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == "*" || tag == current {
			return true
		}
	}
	return false
}
