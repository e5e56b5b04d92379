package handlers_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"yishi/handlers"
)

// withQuotas rebuilds w's router with the given storage quotas in bytes.
func (w *world) withQuotas(tenant, user int64) {
	w.t.Helper()
	w.deps.Config.TenantStorageQuota, w.deps.Config.UserStorageQuota = tenant, user
	w.deps.Registry = prometheus.NewRegistry()
	r, err := handlers.NewRouter(w.deps)
	if err != nil {
		w.t.Fatal(err)
	}
	w.router = r
}

func textFile(n int) multipartBody {
	return multipartBody{field: "file", filename: "记录.txt", data: bytes.Repeat([]byte("a"), n)}
}

// TestStorageQuotaPerUser413: an upload that would pass the uploader's
// quota is 413 naming it, and leaves no file behind; others may upload.
func TestStorageQuotaPerUser413(t *testing.T) {
	w := newWorld(t)
	w.withQuotas(0, 1000)
	id := w.submittedProposal()
	w.attach(id, w.resA1g1, textFile(600)).want(201)
	files := w.blobFiles(t)
	p := w.attach(id, w.resA1g1, textFile(600)).want(413).obj()
	if p["code"] != "attachment.quota_exceeded" || !strings.Contains(p["detail"].(string), "YISHI_USER_STORAGE_QUOTA") {
		t.Fatalf("problem %v", p)
	}
	if w.blobFiles(t) != files {
		t.Fatal("a refused upload left its file behind")
	}
	w.attach(id, w.guideA1g1, textFile(600)).want(201)
}

// TestStorageQuotaPerTenant413: the tenant's total counts every uploader.
func TestStorageQuotaPerTenant413(t *testing.T) {
	w := newWorld(t)
	w.withQuotas(1000, 0)
	id := w.submittedProposal()
	w.attach(id, w.resA1g1, textFile(600)).want(201)
	p := w.attach(id, w.guideA1g1, textFile(600)).want(413).obj()
	if p["code"] != "attachment.quota_exceeded" || !strings.Contains(p["detail"].(string), "YISHI_TENANT_STORAGE_QUOTA") {
		t.Fatalf("problem %v", p)
	}
}
