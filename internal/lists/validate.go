package lists

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"yishi/ent/listitem"
)

// ValidateKind reports why kind is unusable, or "" when it is fine.
func ValidateKind(kind string) string {
	if listitem.KindValidator(listitem.Kind(kind)) != nil {
		return "must be encouraged or negative"
	}
	return ""
}

// ValidateStatus reports why status is unusable, or "". Retiring is the
// only way to take an item out of use, so old screening flags still resolve.
func ValidateStatus(status string) string {
	if listitem.StatusValidator(listitem.Status(status)) != nil {
		return "must be active or retired"
	}
	return ""
}

// ValidateCode reports why code is unusable, or "". Codes such as "N02"
// appear in screening flags and statistics, so they are short ASCII slugs.
func ValidateCode(code string) string {
	if code == "" || len(code) > MaxCodeLen || strings.IndexFunc(code, notCodeRune) >= 0 {
		return fmt.Sprintf("must be 1-%d letters, digits, '-' or '_'", MaxCodeLen)
	}
	return ""
}

func notCodeRune(r rune) bool {
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_')
}

// ValidateText reports why a title or description is unusable, or "".
// required rejects blank text; line breaks are allowed only when multiline.
func ValidateText(s string, maxLen int, required, multiline bool) string {
	switch {
	case required && strings.TrimSpace(s) == "":
		return "must not be empty"
	case utf8.RuneCountInString(s) > maxLen:
		return fmt.Sprintf("must be at most %d characters", maxLen)
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t')) }) >= 0:
		return "must not contain control characters"
	}
	return ""
}

// ValidateKeywords reports every problem with a keyword list. Keywords are
// matched as substrings ignoring case, so blanks, padding and case-only
// duplicates would match everything or twice.
func ValidateKeywords(kw []string, kind listitem.Kind) []string {
	var out []string
	if len(kw) > MaxKeywords {
		out = append(out, fmt.Sprintf("must hold at most %d keywords", MaxKeywords))
	}
	if len(kw) == 0 && kind == listitem.KindNegative {
		out = append(out, "a negative item needs at least one keyword")
	}
	seen := make(map[string]bool, len(kw))
	for i, k := range kw {
		switch {
		case strings.TrimSpace(k) == "":
			out = append(out, fmt.Sprintf("keyword %d must not be blank", i+1))
		case k != strings.TrimSpace(k):
			out = append(out, fmt.Sprintf("keyword %d must not start or end with spaces", i+1))
		case utf8.RuneCountInString(k) > MaxKeywordLen:
			out = append(out, fmt.Sprintf("keyword %d must be at most %d characters", i+1, MaxKeywordLen))
		case strings.IndexFunc(k, unicode.IsControl) >= 0:
			out = append(out, fmt.Sprintf("keyword %d must not contain control characters", i+1))
		case seen[fold(k)]:
			out = append(out, fmt.Sprintf("keyword %d repeats %q", i+1, k))
		}
		seen[fold(k)] = true
	}
	return out
}
