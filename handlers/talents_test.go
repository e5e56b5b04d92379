package handlers_test

import (
	"fmt"
	"testing"
	"time"
)

// TestTalentRegistryOfACommunity: staff record the community's talents (a
// member and a not-yet-registered person), add growth records, link the
// second later; participation is counted from what the person did; the
// list filters by skill, source and unit; statistics count per unit,
// skill and source.
func TestTalentRegistryOfACommunity(t *testing.T) {
	w := newWorld(t)
	li := w.member("李阿姨", w.A1g1)
	w.do("POST", unitPath(w.A1g1, "/talents"), w.guideA1g1.Token, map[string]any{"name": "", "skills": []string{}, "source": "x"}).want(400)
	w.do("POST", unitPath(w.A1g1, "/talents"), w.resA1g1.Token, map[string]any{"name": "a", "skills": []string{"木工"}, "source": "activity"}).want(403)
	liT := w.do("POST", unitPath(w.A1g1, "/talents"), w.guideA1g1.Token, map[string]any{"user_id": li.ID, "name": "李阿姨",
		"skills": []string{"调解", "书法"}, "source": "home_visit", "profile": "热心公益，能言善语", "contact_consent": true}).want(201).id()
	w.do("POST", unitPath(w.A1g1, "/talents"), w.guideA1g1.Token, map[string]any{"user_id": li.ID, "name": "李阿姨",
		"skills": []string{"调解"}, "source": "activity"}).want(409)
	w.do("POST", unitPath(w.A1g1, "/talents"), w.guideA1g1.Token, map[string]any{"user_id": w.leadB1.ID, "name": "x",
		"skills": []string{"调解"}, "source": "activity"}).want(422)
	wangT := w.do("POST", unitPath(w.A1g2, "/talents"), w.leadA1.Token, map[string]any{"name": "王师傅",
		"skills": []string{"木工", "电工"}, "source": "recommendation"}).want(201).id()

	w.do("POST", fmt.Sprintf("/v1/talents/%d/records", liT), w.guideA1g1.Token, map[string]any{"kind": "training", "title": "议事协商骨干培训", "occurred_on": "2022-03-01T00:00:00Z"}).want(201)
	w.do("POST", fmt.Sprintf("/v1/talents/%d/records", liT), w.guideA1g1.Token, map[string]any{"kind": "micro_venture", "title": "微创投大赛", "occurred_on": "2022-06-01T00:00:00Z"}).want(201)
	w.do("POST", fmt.Sprintf("/v1/talents/%d/records", liT), w.guideA1g1.Token, map[string]any{"kind": "nap", "title": ""}).want(400)

	// Participation: 李阿姨 files and submits a proposal, co-signs another.
	pid := w.do("POST", unitPath(w.A1g1, "/proposals"), li.Token, loveSeat("online")).want(201).id()
	w.act(li, pid, "submit", nil).want(200)
	joint := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, jointProposal(time.Now().Add(72*time.Hour), 3)).want(201).id()
	w.act(w.resA1g1, joint, "submit", nil).want(200)
	w.act(li, joint, "cosign", nil).want(200)
	got := w.do("GET", fmt.Sprintf("/v1/talents/%d", liT), w.leadA1.Token, nil).want(200).obj()
	part := got["participation"].(map[string]any)
	if part["proposals_filed"] != float64(1) || part["proposals_cosigned"] != float64(1) || len(got["records"].([]any)) != 2 {
		t.Fatalf("talent detail = %v", got)
	}
	w.do("PATCH", fmt.Sprintf("/v1/talents/%d", liT), w.leadA1.Token, map[string]any{"participation": 99}).want(400) // never typed in

	// Linked later, once registered and a member.
	wang := w.member("王师傅", w.A1g2)
	linked := w.do("PATCH", fmt.Sprintf("/v1/talents/%d", wangT), w.leadA1.Token, map[string]any{"user_id": wang.ID}).want(200).obj()
	if linked["user_id"] != float64(wang.ID) {
		t.Fatalf("link = %v", linked)
	}

	count := func(q string) int {
		t.Helper()
		return len(w.do("GET", unitPath(w.A1, "/talents"+q), w.leadA1.Token, nil).want(200).obj()["items"].([]any))
	}
	if count("") != 2 || count("?skill=木工") != 1 || count("?source=home_visit") != 1 || count(fmt.Sprintf("?unit=%d", w.A1g2)) != 1 || count("?skill=木") != 0 {
		t.Fatal("talent filters disagree")
	}
	w.do("GET", unitPath(w.A1, "/talents?source=x"), w.leadA1.Token, nil).want(400)
	if n := len(w.do("GET", unitPath(w.A1g1, "/talents"), w.guideA1g1.Token, nil).want(200).obj()["items"].([]any)); n != 1 {
		t.Fatalf("the grid guide sees %d talents, want their grid's 1", n)
	}
	st := w.do("GET", unitPath(w.A1, "/talents/stats"), w.leadA1.Token, nil).want(200).obj()
	if st["total"] != float64(2) || len(st["by_unit"].([]any)) != 2 || len(st["by_skill"].([]any)) != 4 || len(st["by_source"].([]any)) != 2 {
		t.Fatalf("stats = %v", st)
	}
	w.do("GET", fmt.Sprintf("/v1/talents/%d", liT), w.leadB1.Token, nil).want(404)
	w.do("GET", fmt.Sprintf("/v1/talents/%d", liT), w.leadA2.Token, nil).want(404)
}

// TestTalentSuggestionsLoveSeatCarpenterFirst: for the love-seat proposal
// the community's carpenter ranks above the electrician, the lawyer is
// left out, and a carpenter of another community is not suggested.
func TestTalentSuggestionsLoveSeatCarpenterFirst(t *testing.T) {
	w := newWorld(t)
	names := map[int]string{}
	for _, tl := range []struct {
		unit   int
		name   string
		skills []string
	}{{w.A1g1, "电工老刘", []string{"电工"}}, {w.A1g1, "律师小陈", []string{"法律"}}, {w.A1g2, "木匠老王", []string{"木工"}}, {w.A2g1, "胜宏木匠", []string{"木工"}}} {
		by := w.leadA1
		if tl.unit == w.A2g1 {
			by = w.leadA2
		}
		id := w.do("POST", unitPath(tl.unit, "/talents"), by.Token, map[string]any{"name": tl.name, "skills": tl.skills, "source": "home_visit"}).want(201).id()
		names[id] = tl.name
	}
	pid := w.submittedProposal()
	items := w.do("GET", proposalURL(pid, "/talent-suggestions"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
	var got []string
	for _, it := range items {
		got = append(got, it.(map[string]any)["talent"].(map[string]any)["name"].(string))
	}
	if len(got) != 2 || got[0] != "木匠老王" || got[1] != "电工老刘" {
		t.Fatalf("suggestions = %v", got)
	}
	w.do("GET", proposalURL(pid, "/talent-suggestions"), w.resA1g1.Token, nil).want(403)
}
