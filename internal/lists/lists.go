// Package lists holds a subdistrict's proposal guidebook (社区提案指导手册):
// the encouraged list (鼓励清单) of categories a proposal is filed under,
// and the negative list (负面清单) of matters proposals may not touch. It
// validates items, seeds a new tenant's defaults, creates and updates items,
// and screens proposals against the active items.
package lists

import "yishi/ent/listitem"

// Limits on an item, shared by the API's validation and the defaults test.
const (
	MaxCodeLen        = 64
	MaxTitleLen       = 200
	MaxDescriptionLen = 2000
	MaxKeywords       = 50
	MaxKeywordLen     = 32
)

// DefaultItem is one entry of the guidebook every new tenant starts with;
// the subdistrict edits, extends or retires them afterwards.
type DefaultItem struct {
	Kind        listitem.Kind
	Code        string
	Title       string
	TitleEn     string
	Description string
	Keywords    []string
}

// Defaults returns a new tenant's starting lists: the 6 encouraged
// categories and the 13 negative items of Shengli Subdistrict's guidebook,
// in list order. Each call builds fresh slices, so callers may modify them.
func Defaults() []DefaultItem {
	return append(encouragedDefaults(), negativeDefaults()...)
}
