package messages

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// exempt lists codes used in the code base that may lack a catalogue
// entry for now. Keep it empty: add the entry instead.
var exempt = map[string]bool{}

// codePatterns find the problem codes the code base uses.
var codePatterns = []*regexp.Regexp{
	regexp.MustCompile(`apperr\.(?:New|Unavailable|Conflict)\(\s*(?:apperr\.Kind\w+,\s*)?"([a-z0-9_]+\.[a-z0-9_.]+)"`),
	regexp.MustCompile(`apperr\.Error\{[^}]*Code:\s*"([a-z0-9_]+\.[a-z0-9_.]+|internal)"`),
	regexp.MustCompile(`problem\{[^}]*Code:\s*"([a-z0-9_]+\.[a-z0-9_.]+)"`),
	regexp.MustCompile(`oauthError\(apperr\.Kind\w+,\s*"([a-z_]+)"`),
}

var notFound = regexp.MustCompile(`apperr\.NotFound\("([a-z_]+)"\)`)

// usedCodes scans every non-test Go file of the module for codes.
func usedCodes(t *testing.T) []string {
	t.Helper()
	root := "../.."
	seen := map[string]bool{"request.invalid": true, "auth.forbidden": true, "auth.unauthorized": true, "internal": true}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "ent" && filepath.Dir(path) == root || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		for i, re := range codePatterns {
			for _, m := range re.FindAllStringSubmatch(src, -1) {
				code := m[1]
				if i == 3 {
					code = "oauth." + code
				}
				seen[code] = true
			}
		}
		for _, m := range notFound.FindAllStringSubmatch(src, -1) {
			seen[m[1]+".not_found"] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// TestEveryCodeHasBothLanguages fails on a code used in the code base
// with no Chinese or English entry in the catalogue.
func TestEveryCodeHasBothLanguages(t *testing.T) {
	codes := usedCodes(t)
	if len(codes) < 60 {
		t.Fatalf("found only %d codes; the scan is broken", len(codes))
	}
	for _, c := range codes {
		if !Has(c) && !exempt[c] {
			t.Errorf("code %s has no zh and en entry in the catalogue", c)
		}
	}
}

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]Lang{
		"": Zh, "en": En, "en-US,en;q=0.9": En, "zh-CN,zh;q=0.9,en;q=0.8": Zh, "fr": Zh,
		"fr, en;q=0.5": En, "en;q=0.2, zh;q=0.8": Zh, "en;q=0": Zh,
	} {
		if got := Negotiate(header); got != want {
			t.Errorf("Negotiate(%q) = %s, want %s", header, got, want)
		}
	}
}

func TestDetailFallsBackToTheGivenText(t *testing.T) {
	if got := Detail("someone.elses_new_code", Zh, "given"); got != "given" {
		t.Fatalf("unknown code: %q", got)
	}
	if got := Detail("vote.not_open", Zh, "x"); got != "投票未开放" {
		t.Fatalf("zh: %q", got)
	}
	if got := Field("must be one of a, b", Zh); got != "须为以下之一：a, b" {
		t.Fatalf("field: %q", got)
	}
}
