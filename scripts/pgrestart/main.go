// Command pgrestart measures what clients of a running `yishi serve` see
// while the PostgreSQL cluster under it restarts (issue 10; the figures are
// in docs/RESILIENCE.md, "A real cluster restart"). Three readers, two
// writers and a /readyz prober run for 2 s, then `pg_ctl -m MODE restart`
// runs on a private cluster, and the load goes on 6 s more. It prints the
// answers by method and status, the slowest answer, when each kind of
// request last failed and first succeeded again, and writes the codes of
// acknowledged writes to -acked for checking in the database. It is a
// manual tool: tests never restart the shared cluster.
//
//	go run ./scripts/pgrestart -base http://127.0.0.1:18099 -mode fast -pgdata /tmp/pg/data -pgopts '-p 5499 -k /tmp/pg'
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"time"
)

type rec struct {
	kind   string
	at     time.Time
	status int
	lat    time.Duration
	code   string
}

func main() {
	base := flag.String("base", "http://127.0.0.1:18099", "yishi")
	mode := flag.String("mode", "fast", "pg_ctl restart mode: smart, fast or immediate")
	pgdata := flag.String("pgdata", "/tmp/pg/data", "the private cluster's data directory")
	pgopts := flag.String("pgopts", "-p 5499 -k /tmp/pg", "postgres options for pg_ctl -o")
	ackedPath := flag.String("acked", "acked.json", "where to write the acknowledged tenant codes")
	flag.Parse()
	cl := &http.Client{Timeout: 40 * time.Second}
	do := func(method, path, token, body string) (int, string, time.Duration) {
		req, _ := http.NewRequest(method, *base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		t := time.Now()
		r, err := cl.Do(req)
		if err != nil {
			return 0, err.Error(), time.Since(t)
		}
		raw, _ := io.ReadAll(r.Body)
		r.Body.Close()
		return r.StatusCode, string(raw), time.Since(t)
	}
	_, body, _ := do("POST", "/v1/auth/login", "", `{"phone":"13800000000","password":"bootstrap-pass"}`)
	var lg struct {
		AccessToken string `json:"access_token"`
	}
	json.Unmarshal([]byte(body), &lg)
	tok := lg.AccessToken
	st, body, _ := do("POST", "/v1/tenants", tok, fmt.Sprintf(`{"name":"读","code":"r-%d"}`, time.Now().UnixNano()))
	var u struct{ ID int }
	json.Unmarshal([]byte(body), &u)
	if st != 201 {
		fmt.Println("setup", st, body)
		os.Exit(1)
	}
	var mu sync.Mutex
	var recs []rec
	var acked []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	add := func(r rec) { mu.Lock(); recs = append(recs, r); mu.Unlock() }
	code := func(b string) string {
		var p struct{ Code string }
		json.Unmarshal([]byte(b), &p)
		return p.Code
	}
	worker := func(kind string, f func(i int) (int, string, time.Duration, string)) {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			at := time.Now()
			s, b, l, c := f(i)
			if c == "" && s >= 400 {
				c = code(b)
			}
			add(rec{kind, at, s, l, c})
			time.Sleep(20 * time.Millisecond)
		}
	}
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker("GET", func(i int) (int, string, time.Duration, string) {
			s, b, l := do("GET", fmt.Sprintf("/v1/units/%d", u.ID), tok, "")
			return s, b, l, ""
		})
	}
	for w := 0; w < 2; w++ {
		w := w
		wg.Add(1)
		go worker("POST", func(i int) (int, string, time.Duration, string) {
			c := fmt.Sprintf("rs-%d-%d-%d", time.Now().Unix()%100000, w, i)
			s, b, l := do("POST", "/v1/tenants", tok, fmt.Sprintf(`{"name":"重启%d","code":"%s"}`, i, c))
			if s == 201 {
				mu.Lock()
				acked = append(acked, c)
				mu.Unlock()
			}
			return s, b, l, ""
		})
	}
	wg.Add(1)
	go worker("READYZ", func(i int) (int, string, time.Duration, string) {
		s, b, l := do("GET", "/readyz", "", "")
		return s, b, l, ""
	})
	time.Sleep(2 * time.Second)
	t0 := time.Now()
	out, err := exec.Command("su", "postgres", "-c", fmt.Sprintf("pg_ctl -D %s -o '%s' -l %s/pg.log -m %s -w restart", *pgdata, *pgopts, *pgdata, *mode)).CombinedOutput()
	t1 := time.Now()
	if err != nil {
		fmt.Println("restart:", err, string(out))
	}
	time.Sleep(6 * time.Second)
	close(stop)
	wg.Wait()
	fmt.Printf("pg_ctl restart -m %s took %v (cluster down then accepting again)\n", *mode, t1.Sub(t0).Round(time.Millisecond))
	sort.Slice(recs, func(i, j int) bool { return recs[i].at.Before(recs[j].at) })
	tally := map[string]int{}
	var maxLat time.Duration
	first := map[string]time.Duration{}
	lastBad := map[string]time.Time{}
	for _, r := range recs {
		tally[fmt.Sprintf("%s %d %s", r.kind, r.status, r.code)]++
		if r.at.After(t0) && r.lat > maxLat {
			maxLat = r.lat
		}
		if r.status >= 500 || r.status == 0 {
			if r.at.Add(r.lat).After(lastBad[r.kind]) {
				lastBad[r.kind] = r.at.Add(r.lat)
			}
		}
	}
	for _, r := range recs {
		if r.at.After(t1) && r.status < 300 && r.status > 0 {
			if _, ok := first[r.kind]; !ok {
				first[r.kind] = r.at.Add(r.lat).Sub(t0)
			}
		}
	}
	keys := []string{}
	for k := range tally {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %-45s %d\n", k, tally[k])
	}
	fmt.Printf("slowest answer after the restart began: %v\n", maxLat.Round(time.Millisecond))
	for _, k := range []string{"READYZ", "GET", "POST"} {
		lb := "none"
		if !lastBad[k].IsZero() {
			lb = lastBad[k].Sub(t0).Round(time.Millisecond).String()
		}
		fmt.Printf("%s: last 5xx at +%s, first success after the cluster was back at +%v (from the start of the restart)\n", k, lb, first[k].Round(time.Millisecond))
	}
	b, _ := json.Marshal(acked)
	if err := os.WriteFile(*ackedPath, b, 0o644); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("writes acknowledged: %d (codes in %s)\n", len(acked), *ackedPath)
}
