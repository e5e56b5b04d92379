package authz

import "strings"

// unitLevelPrefixes are the id prefixes of the three unit levels, in
// order: a path is "s<id>/", then "c<id>/", then "g<id>/".
const unitLevelPrefixes = "scg"

// AncestorDomains returns the Casbin request domains for a target unit:
// PlatformDomain, then the subdistrict, community and grid paths that
// contain it ("" where absent). Every lookup is then an exact-domain
// lookup, which keeps loading linear (DESIGN.md §2). A platform-level
// target is "". Segments beyond the third are ignored; Enforce rejects
// such paths before calling this.
func AncestorDomains(path string) [4]string {
	d := [4]string{PlatformDomain}
	end := 0
	for level := 1; level < len(d); level++ {
		i := strings.IndexByte(path[end:], '/')
		if i < 0 {
			break
		}
		end += i + 1
		d[level] = path[:end]
	}
	return d
}

// validUnitPath reports whether path is "" (the platform) or one to three
// segments such as "s1/c4/g9/", each starting with its level's letter and
// ending in "/". Anything else is denied, so a malformed path can never
// land in the wrong domain.
func validUnitPath(path string) bool {
	level := 0
	for path != "" {
		i := strings.IndexByte(path, '/')
		if i < 2 || level >= len(unitLevelPrefixes) || path[0] != unitLevelPrefixes[level] {
			return false
		}
		path = path[i+1:]
		level++
	}
	return true
}
