package voting

import (
	"strings"
	"testing"
	"time"
)

func fields(errs []string) string { return strings.Join(errs, ",") }

func validate(c Config) string {
	var names []string
	for _, f := range c.Validate(time.Now()) {
		names = append(names, f.Field)
	}
	return fields(names)
}

func base() Config {
	return Config{Method: "single", Options: []string{"木质", "金属"}, Eligibility: "members",
		Weighting: "person", Rule: RulePlurality, ResultsVisibility: "after_close"}
}

func TestConfigValidateNamesFields(t *testing.T) {
	five := 5
	q := 1.5
	past := time.Now().Add(-time.Hour)
	cases := map[string]struct {
		edit func(*Config)
		want string
	}{
		"fine":               {func(*Config) {}, ""},
		"one option":         {func(c *Config) { c.Options = c.Options[:1] }, "options"},
		"duplicate labels":   {func(c *Config) { c.Options = []string{"甲", " 甲 "} }, "options"},
		"max over options":   {func(c *Config) { c.Method, c.MaxChoices = "multiple", &five }, "max_choices"},
		"area for members":   {func(c *Config) { c.Weighting = "floor_area" }, "weighting"},
		"participants alone": {func(c *Config) { c.Eligibility = "participants" }, "meeting_id"},
		"quorum too high":    {func(c *Config) { c.Rule, c.Quorum = RuleMajorityQuorum, &q }, "quorum"},
		"quorum missing":     {func(c *Config) { c.Rule = RuleMajorityQuorum }, "quorum"},
		"major on plurality": {func(c *Config) { c.MajorMatter = true }, "major_matter"},
		"278 of members":     {func(c *Config) { c.Rule = RuleCivilCode278 }, "eligibility,weighting"},
		"closes in the past": {func(c *Config) { c.ClosesAt = &past }, "closes_at"},
		"278 households":     {func(c *Config) { c.Rule, c.Eligibility, c.Weighting = RuleCivilCode278, "households", "floor_area" }, ""},
		"anonymous live":     {func(c *Config) { c.Anonymous, c.ResultsVisibility = true, "live" }, "anonymous,results_visibility"},
		"anonymous area": {func(c *Config) {
			c.Anonymous, c.Eligibility, c.Weighting = true, "households", "floor_area"
		}, "anonymous,weighting"},
		"anonymous households": {func(c *Config) { c.Anonymous, c.Eligibility, c.Weighting = true, "households", "household" }, ""},
		"278 multiple": {func(c *Config) {
			c.Rule, c.Eligibility, c.Weighting, c.Method = RuleCivilCode278, "households", "floor_area", "multiple"
		}, "method"},
	}
	for name, tc := range cases {
		c := base()
		tc.edit(&c)
		if got := validate(c); got != tc.want {
			t.Errorf("%s: fields %q, want %q", name, got, tc.want)
		}
	}
}

func TestCheckChoice(t *testing.T) {
	opts := []int{4, 5, 6}
	for name, tc := range map[string]struct {
		chosen []int
		max    int
		ok     bool
	}{
		"one":       {[]int{5}, 1, true},
		"two of 2":  {[]int{4, 6}, 2, true},
		"none":      {nil, 1, false},
		"too many":  {[]int{4, 5}, 1, false},
		"twice":     {[]int{4, 4}, 2, false},
		"foreign":   {[]int{7}, 1, false},
		"foreign 2": {[]int{4, 70}, 3, false},
	} {
		if got := CheckChoice(tc.chosen, opts, tc.max) == nil; got != tc.ok {
			t.Errorf("%s: ok = %v", name, got)
		}
	}
}

func TestReceiptsAreRandomAndHashNormalised(t *testing.T) {
	a, err := NewSecrets()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewSecrets()
	if a.Token == b.Token || a.Receipt == b.Receipt || len(a.Token) != 32 || len(a.ReceiptHash) != 64 {
		t.Fatalf("secrets %+v %+v", a, b)
	}
	if HashReceipt(strings.ToLower(strings.ReplaceAll(a.Receipt, "-", " "))) != a.ReceiptHash {
		t.Fatal("a hand-copied receipt does not verify")
	}
	if strings.Contains(a.ReceiptHash, a.Receipt) {
		t.Fatal("the hash holds the code")
	}
}
