package handlers_test

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// statsChildDoc is one child of a by=child breakdown.
type statsChildDoc struct {
	UnitID int    `json:"unit_id"`
	Name   string `json:"name"`
	Code   string `json:"code"`
	statsBody
	Outcomes outcomesDoc `json:"outcomes"`
}

// outcomesDoc counts each closed-loop outcome.
type outcomesDoc struct {
	Completed int `json:"completed"`
	Closed    int `json:"closed"`
	Referred  int `json:"referred"`
}

// statsByChildDoc is the answer of ?by=child.
type statsByChildDoc struct {
	statsBody
	Outcomes outcomesDoc     `json:"outcomes"`
	Children []statsChildDoc `json:"children"`
}

// TestStatsByChildSideBySide: ?by=child gives, in one request, every
// figure of each child's subtree, equal to asking each child on its own
// and to the brute-force recount; outcomes are counted separately.
func TestStatsByChildSideBySide(t *testing.T) {
	w := newWorld(t)
	statsScenario(t, w)
	referred := w.do("POST", unitPath(w.A2g1, "/proposals"), w.leadA2.Token, loveSeat("online")).want(201).id()
	w.act(w.leadA2, referred, "submit", nil).want(200)
	w.act(w.leadA2, referred, "refer", map[string]any{"referred_to": "区住建局", "note": "转交主管部门"}).want(200)

	doc := decode[statsByChildDoc](w.do("GET", unitPath(w.A, "/stats?by=child"), w.adminA.Token, nil).want(200))
	if len(doc.Children) != 2 || doc.Children[0].UnitID != w.A1 || doc.Children[1].UnitID != w.A2 || doc.Children[0].Name != "锦华社区" {
		t.Fatalf("children: %+v", doc.Children)
	}
	sum := 0
	for _, ch := range doc.Children {
		alone := decode[statsByChildDoc](w.do("GET", unitPath(ch.UnitID, "/stats"), w.adminA.Token, nil).want(200))
		if !reflect.DeepEqual(ch.statsBody, alone.statsBody) || ch.Outcomes != alone.Outcomes {
			t.Fatalf("child %d differs from its own stats:\n got %+v\nwant %+v", ch.UnitID, ch, alone)
		}
		if want := w.recount(t, w.unitRow(ch.UnitID).Path, zeroTime(), zeroTime()); !reflect.DeepEqual(ch.statsBody, want) {
			t.Fatalf("child %d differs from the recount:\n got %+v\nwant %+v", ch.UnitID, ch.statsBody, want)
		}
		sum += ch.Proposals.Total
	}
	if sum != doc.Proposals.Total {
		t.Fatalf("children add up to %d proposals, the subdistrict has %d", sum, doc.Proposals.Total)
	}
	if doc.Outcomes != (outcomesDoc{Completed: 2, Referred: 1}) || doc.Children[1].Outcomes.Referred != 1 {
		t.Fatalf("outcomes: %+v; A2: %+v", doc.Outcomes, doc.Children[1].Outcomes)
	}
	// A range applies to every child; bad input names its field.
	w.do("GET", unitPath(w.A, "/stats?by=child&from=2026-11-01&to=2000-01-01"), w.adminA.Token, nil).want(400)
	for _, q := range []string{"?by=children", "?format=pdf"} {
		r := w.doWith("GET", unitPath(w.A, "/stats"+q), w.adminA.Token, nil, map[string]string{"X-Conformance": "off"})
		r.want(400)
		if !strings.Contains(r.Body.String(), `"field"`) {
			t.Fatalf("%s: %s", q, r.Body.String())
		}
	}
	// A community lead's breakdown is of its grids; the other community
	// and the other tenant answer 404.
	g := decode[statsByChildDoc](w.do("GET", unitPath(w.A1, "/stats?by=child"), w.leadA1.Token, nil).want(200))
	if len(g.Children) != 2 || g.Children[0].UnitID != w.A1g1 {
		t.Fatalf("grids: %+v", g.Children)
	}
	w.do("GET", unitPath(w.A2, "/stats?by=child"), w.leadA1.Token, nil).want(404)
	w.do("GET", unitPath(w.A, "/stats?by=child"), w.adminB.Token, nil).want(404)
	w.do("GET", unitPath(w.A, "/stats?by=child&format=csv"), w.adminB.Token, nil).want(404)
}

// TestProposalExportCSVAndXLSX reads the exports back with a CSV reader
// and an XLSX reader: every row of the JSON list is there, Chinese is
// intact, personal data is masked as in JSON, and a formula-like title
// cannot run in a spreadsheet.
func TestProposalExportCSVAndXLSX(t *testing.T) {
	w := newWorld(t)
	statsScenario(t, w)
	evil := loveSeat("online")
	evil["title"] = "=HYPERLINK(\"http://x\")"
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, evil).want(201)

	list := decode[struct {
		Items []map[string]any `json:"items"`
	}](w.do("GET", unitPath(w.A1, "/proposals?limit=200"), w.leadA1.Token, nil).want(200))

	byQuery := w.do("GET", unitPath(w.A1, "/proposals?format=csv"), w.leadA1.Token, nil).want(200)
	byAccept := w.doWith("GET", unitPath(w.A1, "/proposals"), w.leadA1.Token, nil, map[string]string{"Accept": "text/csv"}).want(200)
	for _, r := range []response{byQuery, byAccept} {
		if ct := r.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
			t.Fatalf("content type %q", ct)
		}
		if cd := r.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="proposals-`) {
			t.Fatalf("disposition %q", cd)
		}
		raw := r.Body.Bytes()
		if !bytes.HasPrefix(raw, []byte("\ufeff")) {
			t.Fatal("CSV lacks the UTF-8 byte-order mark Excel needs")
		}
		rows, err := csv.NewReader(bytes.NewReader(raw[3:])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		checkProposalRows(t, rows, list.Items)
	}

	x := w.doWith("GET", unitPath(w.A1, "/proposals"), w.leadA1.Token, nil,
		map[string]string{"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}).want(200)
	book, err := excelize.OpenReader(bytes.NewReader(x.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, err := book.GetRows("proposals")
	if err != nil {
		t.Fatal(err)
	}
	checkProposalRows(t, rows, list.Items)
	for _, row := range rows {
		if row[1] == "'"+evil["title"].(string) {
			t.Fatal("XLSX cells are typed text and need no CSV quote prefix")
		}
	}

	// A resident's export masks other people exactly as the JSON list does.
	mine := w.do("GET", unitPath(w.A1g1, "/proposals?format=csv&status=completed"), w.resA1g1.Token, nil).want(200)
	resRows, err := csv.NewReader(bytes.NewReader(mine.Body.Bytes()[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(resRows) < 2 {
		t.Fatalf("resident export: %v", resRows)
	}
	for _, row := range resRows[1:] {
		if !strings.Contains(row[8], "*") {
			t.Fatalf("resident sees an unmasked author name %q", row[8])
		}
	}
	// Another tenant's staff cannot export; filters still validate.
	w.do("GET", unitPath(w.A1, "/proposals?format=csv"), w.adminB.Token, nil).want(404)
	w.do("GET", unitPath(w.A1, "/proposals?format=csv&status=nope"), w.leadA1.Token, nil).want(400)
	w.do("GET", unitPath(w.A1, "/proposals?format=docx"), w.leadA1.Token, nil).want(400)
}

// checkProposalRows compares an export (header first) with the JSON list.
func checkProposalRows(t *testing.T, rows [][]string, items []map[string]any) {
	t.Helper()
	if len(rows) != len(items)+1 || rows[0][0] != "id" || rows[0][1] != "title" {
		t.Fatalf("export has %d rows (header %v), the list %d items", len(rows), rows[0], len(items))
	}
	for i, it := range items {
		row := rows[i+1]
		if row[0] != strconv.Itoa(int(it["id"].(float64))) || row[2] != it["status"] {
			t.Fatalf("row %d %v, item %v", i, row, it)
		}
		title := it["title"].(string)
		if strings.HasPrefix(title, "=") && len(rows[0]) > 0 && row[1] != "'"+title && row[1] != title {
			t.Fatalf("title %q exported as %q", title, row[1])
		}
		if !strings.HasPrefix(title, "=") && row[1] != title {
			t.Fatalf("title %q exported as %q", title, row[1])
		}
		if author := it["author"].(map[string]any); row[8] != author["name"] {
			t.Fatalf("author %q exported as %q", author["name"], row[8])
		}
	}
}

// TestStatsExportByChild reads a 27-child-style breakdown back from XLSX
// and CSV: one row per child and a total row.
func TestStatsExportByChild(t *testing.T) {
	w := newWorld(t)
	statsScenario(t, w)
	doc := decode[statsByChildDoc](w.do("GET", unitPath(w.A, "/stats?by=child"), w.adminA.Token, nil).want(200))
	r := w.do("GET", unitPath(w.A, "/stats?by=child&format=xlsx"), w.adminA.Token, nil).want(200)
	book, err := excelize.OpenReader(bytes.NewReader(r.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, err := book.GetRows("stats")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(doc.Children)+2 || rows[0][0] != "unit_id" || rows[1][2] != "锦华社区" || rows[len(rows)-1][2] != "total" {
		t.Fatalf("rows: %v", rows)
	}
	for i, ch := range doc.Children {
		if rows[i+1][3] != strconv.Itoa(ch.Proposals.Total) || rows[i+1][4] != strconv.Itoa(ch.Resolved) {
			t.Fatalf("row %v for %+v", rows[i+1], ch)
		}
	}
	if rows[len(rows)-1][3] != strconv.Itoa(doc.Proposals.Total) {
		t.Fatalf("total row %v, total %d", rows[len(rows)-1], doc.Proposals.Total)
	}
	monthly := w.doWith("GET", unitPath(w.A1, "/stats"), w.leadA1.Token, nil, map[string]string{"Accept": "text/csv"}).want(200)
	recs, err := csv.NewReader(bytes.NewReader(monthly.Body.Bytes()[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[0][0] != "month" || recs[len(recs)-1][0] != "total" || len(recs) != 4 {
		t.Fatalf("monthly export: %v", recs)
	}
	w.do("GET", unitPath(w.A1, "/stats?format=xlsx"), w.resA1g1.Token, nil).want(404)
}

// zeroTime is an open range bound for recount.
func zeroTime() (z time.Time) { return z }
